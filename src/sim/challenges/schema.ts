import { z } from 'zod';

/**
 * The challenge file a teacher writes (YAML or JSON): a start World (console lines run on the
 * default World) and goals the engine checks by sending the packet. Documented in
 * docs/challenges.md; every field is checked here and a bad file is refused with the field's path.
 */

const bilingual = z.object({ en: z.string().min(1), ko: z.string().min(1) }).strict();
/** a machine id (pc1, remote, docker-host) or a running container's name */
const party = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a machine or container name');

const ping = z
  .object({
    kind: z.literal('ping'),
    from: party,
    /** a name or an address, exactly as typed after `ping` */
    to: z.string().min(1),
    /** reach (default): the ping is answered; fail: it is not */
    expect: z.enum(['reach', 'fail']).default('reach'),
    label: bilingual.optional(),
  })
  .strict();

const http = z
  .object({
    kind: z.literal('http'),
    from: party,
    url: z.string().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'an http:// URL'),
    expect: z.enum(['reach', 'fail']).default('reach'),
    /** the container whose app must answer (not just any) */
    servedBy: party.optional(),
    /** text the page must contain */
    body: z.string().min(1).optional(),
    label: bilingual.optional(),
  })
  .strict();

const isolated = z
  .object({
    kind: z.literal('isolated'),
    from: party,
    /** a container or machine: no ping and no TCP connection from `from` reaches it by any address */
    to: party,
    label: bilingual.optional(),
  })
  .strict();

export const goalSchema = z.discriminatedUnion('kind', [ping, http, isolated]);

export const challengeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
    title: bilingual,
    /** what the student is asked to do */
    task: bilingual,
    /** the seed walkthrough it comes from */
    seed: z.string().optional(),
    /** console lines that build the start World from the default one */
    start: z.array(z.string()).default([]),
    goals: z.array(goalSchema).min(1, 'at least one goal'),
    hints: z.array(bilingual).default([]),
    /** a known solution, as typed (teachers' notes; the tests run it) */
    solution: z.array(z.string()).default([]),
  })
  .strict();

export type Goal = z.infer<typeof goalSchema>;
export type Challenge = z.infer<typeof challengeSchema>;
