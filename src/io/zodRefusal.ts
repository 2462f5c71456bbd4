/**
 * A zod issue as a refusal a person can read in either language: where (`[2].Config.Image`), a
 * reason code and its parameters. Zod's own English sentences never reach the page: every
 * expectation is a key of `import.expect.*` (the dialog and the notices translate it).
 */
import type { z } from 'zod';

export interface Refusal {
  /** the field, as a path in the input (`[0].NetworkSettings.Networks.web.IPAddress`) */
  at: string;
  /** a key of `import.why.*` */
  code: string;
  params: Record<string, string>;
}

/** The expectations a schema may name (custom messages of regexes and refinements are among them). */
export const EXPECT_KEYS = [
  'string',
  'number',
  'int',
  'boolean',
  'object',
  'array',
  'record',
  'null',
  'mac',
  'networkId',
  'containerId',
  'hex64',
  'ipv4',
  'cidr',
  'port',
  'route',
  'absPath',
] as const;
export type ExpectKey = (typeof EXPECT_KEYS)[number];

const known = (s: string): s is ExpectKey => (EXPECT_KEYS as readonly string[]).includes(s);

/** `['a', 0, 'b']` -> `.a[0].b`, as the pasted JSON reads. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/** The first issue of `err`, as a refusal at `at` + its path. */
export function zodRefusal(at: string, err: z.ZodError): Refusal {
  const issue = err.issues[0];
  const where = `${at}${pathText(issue.path)}`;
  const r = (code: string, params: Record<string, string> = {}): Refusal => ({ at: where, code, params });
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return r('missing');
      return r('type', { expected: known(issue.expected) ? issue.expected : 'string' });
    case 'too_big':
      return issue.origin === 'string'
        ? r('tooLong', { max: String(issue.maximum) })
        : issue.origin === 'array' || issue.origin === 'set'
          ? r('tooManyItems', { max: String(issue.maximum) })
          : r('tooLarge', { max: String(issue.maximum) });
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? r('blank')
        : r('tooSmall', { min: String(issue.minimum) });
    case 'invalid_value':
      return r('oneOf', { values: issue.values.map((v) => String(v)).join(', ') });
    case 'invalid_union':
      return r('type', { expected: 'object' });
    default:
      return r('format', { expected: known(issue.message) ? issue.message : 'string' });
  }
}
