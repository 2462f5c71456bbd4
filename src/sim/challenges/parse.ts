import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type Challenge, challengeSchema } from './schema';

/**
 * One reason a file was refused: the field (dotted path, `` for the file itself) and why, as a key
 * of `challenge.why.*` with its parameters (the dialog says it in the reader's language; zod's
 * English never reaches the page, as with imports: src/io/zodRefusal.ts). `reason` is the English
 * sentence for the headless tests and the docs.
 */
export interface FieldError {
  field: string;
  code: FieldCode;
  params: Record<string, string>;
  reason: string;
}

export type FieldCode =
  | 'notYaml'
  | 'notMapping'
  | 'missing'
  | 'type'
  | 'format'
  | 'blank'
  | 'tooSmall'
  | 'oneOf'
  | 'unknownField'
  | 'invalid';

/** The schema's own expectations (its regex messages), each a `challenge.expect.*` key. */
const EXPECTS: Record<string, string> = {
  'a machine or container name': 'party',
  'lower-case letters, digits and -': 'id',
  'an http:// URL': 'url',
};

function fieldError(issue: z.core.$ZodIssue): FieldError {
  const field = issue.path.map(String).join('.');
  const e = (code: FieldCode, params: Record<string, string> = {}): FieldError => ({
    field,
    code,
    params,
    reason: issue.message,
  });
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? e('missing') : e('type', { expected: issue.expected });
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? e('blank')
        : e('tooSmall', { min: String(issue.minimum) });
    case 'invalid_value':
      return e('oneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_union':
      // a goal's kind that none of ping, http, isolated is
      return e('oneOf', { values: 'ping, http, isolated' });
    case 'unrecognized_keys':
      return e('unknownField', { keys: issue.keys.join(', ') });
    case 'invalid_format':
      return e('format', { expected: EXPECTS[issue.message] ?? 'text' });
    default:
      return e('invalid');
  }
}

export type ChallengeParse = { ok: true; challenge: Challenge } | { ok: false; errors: FieldError[] };

/** Reads a challenge file (YAML, or JSON which is YAML too). Never throws. */
export function parseChallenge(text: string): ChallengeParse {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    const detail = (e as Error).message.split('\n')[0];
    return { ok: false, errors: [{ field: '', code: 'notYaml', params: { detail }, reason: `not YAML: ${detail}` }] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return {
      ok: false,
      errors: [
        {
          field: '',
          code: 'notMapping',
          params: {},
          reason: 'the file must be a mapping (id, title, task, start, goals)',
        },
      ],
    };
  const r = challengeSchema.safeParse(data);
  if (r.success) return { ok: true, challenge: r.data };
  return {
    ok: false,
    errors: r.error.issues.map(fieldError),
  };
}
