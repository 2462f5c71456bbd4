/**
 * The JSON `docker network inspect` and `docker inspect` print (Engine 20–28, Linux or Desktop),
 * described once with zod: only the fields whalewire reads are checked, the rest is ignored.
 * Field names are Docker's own, so a refusal's path reads like the pasted text.
 */
import { z } from 'zod';

/** Names and labels are shown as text only; still, nothing longer than this is taken. */
const MAX_TEXT = 4096;
const text = z.string().max(MAX_TEXT);
const strMap = z
  .record(z.string().max(MAX_TEXT), text)
  .nullish()
  .transform((v) => v ?? {});
const mac = z
  .string()
  .regex(/^$|^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/, 'mac')
  .transform((s) => s.toLowerCase());

export const networkInspectSchema = z.object({
  Name: z.string().min(1).max(255),
  // 64 hex for local networks, swarmkit's 25 base36 for swarm-scoped ones
  Id: z.string().regex(/^[0-9a-z]{12,64}$/, 'networkId'),
  Scope: text.optional().default('local'),
  Driver: z.string().min(1).max(255),
  IPAM: z
    .object({
      Config: z.array(z.object({ Subnet: text, Gateway: text.optional(), IPRange: text.optional() })).nullish(),
    })
    .nullish(),
  EnableIPv4: z.boolean().optional(),
  EnableIPv6: z.boolean().optional().default(false),
  Internal: z.boolean().optional().default(false),
  Attachable: z.boolean().optional().default(false),
  Ingress: z.boolean().optional().default(false),
  Containers: z
    .record(
      z.string().max(255),
      z.object({
        Name: z.string().max(255),
        EndpointID: text.optional().default(''),
        MacAddress: mac.optional().default(''),
        IPv4Address: text.optional().default(''),
      }),
    )
    .nullish(),
  Options: strMap,
  Labels: strMap,
});

const binding = z.object({ HostIp: text.optional().default(''), HostPort: text.optional().default('') });
const portMap = z.record(z.string().max(64), z.array(binding).nullable()).nullish();

export const containerInspectSchema = z.object({
  Id: z.string().regex(/^[0-9a-f]{64}$/, 'containerId'),
  Name: z.string().min(1).max(255),
  Created: text.optional().default(''),
  State: z.object({ Status: z.string().max(32), ExitCode: z.number().int().optional().default(0) }),
  Config: z.object({
    Image: z.string().min(1).max(512),
    Hostname: z.string().max(255).optional(),
    Cmd: z.array(text).nullish(),
    Env: z.array(z.string()).nullish(),
    Labels: strMap,
  }),
  HostConfig: z.object({
    NetworkMode: z.string().max(300).optional().default('default'),
    PortBindings: portMap,
    AutoRemove: z.boolean().optional().default(false),
    Links: z.array(text).nullish(),
  }),
  NetworkSettings: z.object({
    Ports: portMap,
    Networks: z
      .record(
        z.string().max(255),
        z.object({
          IPAMConfig: z.object({ IPv4Address: text.optional(), IPv6Address: text.optional() }).nullish(),
          Aliases: z.array(z.string().max(255)).nullish(),
          NetworkID: text.optional().default(''),
          EndpointID: text.optional().default(''),
          Gateway: text.optional().default(''),
          IPAddress: text.optional().default(''),
          IPPrefixLen: z.number().int().optional().default(0),
          GlobalIPv6Address: text.optional().default(''),
          MacAddress: mac.optional().default(''),
        }),
      )
      .nullish(),
  }),
});

export type NetworkInspect = z.infer<typeof networkInspectSchema>;
export type ContainerInspect = z.infer<typeof containerInspectSchema>;

/** Which of the two outputs an element comes from, by the fields only it has. */
export function inspectKind(v: unknown): 'network' | 'container' | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if ('NetworkSettings' in o || 'HostConfig' in o || 'State' in o) return 'container';
  if ('IPAM' in o || ('Driver' in o && 'Scope' in o)) return 'network';
  return null;
}
