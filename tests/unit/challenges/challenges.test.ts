import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHALLENGES } from '../../../src/sim/challenges/builtin';
import { checkChallenge } from '../../../src/sim/challenges/check';
import { parseChallenge } from '../../../src/sim/challenges/parse';
import { challengeSchema } from '../../../src/sim/challenges/schema';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/** Every shipped challenge: valid, failing at its start, passing after its known solution typed as commands. */

const play = (lines: string[]) => runScript(createDefaultWorld(), `${lines.join('\n')}\n`);

describe.each(CHALLENGES.map((c) => [c.id, c] as const))('challenge %s', (_id, ch) => {
  it('is a valid file', () => {
    expect(challengeSchema.safeParse(ch).success).toBe(true);
  });

  it('fails at its start (every start line runs)', () => {
    const { results, session } = play(ch.start);
    expect(results.map((r) => r.exitCode)).toEqual(ch.start.map(() => 0));
    const res = checkChallenge(session.world, ch);
    expect(res.some((r) => !r.ok)).toBe(true);
    for (const r of res.filter((x) => !x.ok)) expect(r.why, r.line).not.toBeNull();
  });

  it('passes after the known solution is typed', () => {
    const { results, session } = play([...ch.start, ...ch.solution]);
    expect(results.map((r) => r.exitCode)).toEqual([...ch.start, ...ch.solution].map(() => 0));
    const res = checkChallenge(session.world, ch);
    expect(res.map((r) => [r.line, r.ok, r.summary])).toEqual(res.map((r) => [r.line, true, r.summary]));
    // every goal that sends a packet has its trace to play
    for (const r of res) if (r.line) expect(r.trace?.steps.length).toBeGreaterThan(0);
  });
});

describe('challenge files', () => {
  it('reads a teacher’s YAML file', () => {
    const r = parseChallenge(`id: two-nets
title: { en: Two nets, ko: 네트워크 둘 }
task: { en: Connect them, ko: 연결하세요 }
start:
  - docker run -d --name a nicolaka/netshoot
goals:
  - kind: ping
    from: a
    to: google.com
`);
    expect(r.ok && r.challenge.goals[0]).toEqual({ kind: 'ping', from: 'a', to: 'google.com', expect: 'reach' });
  });

  it.each([
    ['not YAML', 'id: [', ''],
    ['a list', '- 1', ''],
    [
      'a bad id',
      'id: Bad Id\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: [{kind: ping, from: a, to: b}]',
      'id',
    ],
    ['no goals', 'id: x\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: []', 'goals'],
    [
      'an unknown goal kind',
      'id: x\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: [{kind: telnet, from: a}]',
      'goals.0.kind',
    ],
    [
      'a URL without http',
      'id: x\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: [{kind: http, from: a, url: "web:80"}]',
      'goals.0.url',
    ],
    [
      'a missing Korean title',
      'id: x\ntitle: {en: a}\ntask: {en: a, ko: b}\ngoals: [{kind: ping, from: a, to: b}]',
      'title.ko',
    ],
    [
      'an unknown field',
      'id: x\nsecret: 1\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: [{kind: ping, from: a, to: b}]',
      '',
    ],
  ])('refuses %s, naming the field', (_what, text, field) => {
    const r = parseChallenge(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.field)).toContain(field);
      expect(r.errors.every((e) => e.reason.length > 0)).toBe(true);
      // each reason reads in both languages from its code (src/i18n/challenges.ts adds its strings to
      // the catalogues on import, so its text is read here), whatever zod's English said
      const strings = readFileSync(new URL('../../../src/i18n/challenges.ts', import.meta.url), 'utf8');
      for (const e of r.errors) expect(strings.split(`'challenge.why.${e.code}':`).length, e.code).toBe(3);
    }
  });

  it('a goal naming nobody fails with a reason, not an exception', () => {
    const ch = CHALLENGES[0];
    const [r] = checkChallenge(createDefaultWorld(), ch);
    expect(r).toMatchObject({ ok: false, why: { key: 'challenge.missing', params: { name: 'containerA' } } });
  });
});

describe('challenge refusals name their reason by code', () => {
  it.each([
    [
      'missing',
      'id: x\ntitle: {en: a}\ntask: {en: a, ko: b}\ngoals: [{kind: ping, from: a, to: b}]',
      'title.ko',
      'missing',
    ],
    ['too few', 'id: x\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: []', 'goals', 'tooSmall'],
    [
      'a bad id',
      'id: Bad Id\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: [{kind: ping, from: a, to: b}]',
      'id',
      'format',
    ],
    [
      'an unknown field',
      'id: x\nsecret: 1\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: [{kind: ping, from: a, to: b}]',
      '',
      'unknownField',
    ],
    [
      'a goal kind',
      'id: x\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: [{kind: telnet, from: a}]',
      'goals.0.kind',
      'oneOf',
    ],
    ['not YAML', 'id: [', '', 'notYaml'],
  ])('%s', (_what, text, field, code) => {
    const r = parseChallenge(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.find((e) => e.field === field)?.code).toBe(code);
  });
  it('a regex names what it wants as a challenge.expect key', () => {
    const r = parseChallenge(
      'id: Bad Id\ntitle: {en: a, ko: b}\ntask: {en: a, ko: b}\ngoals: [{kind: ping, from: a, to: b}]',
    );
    expect(!r.ok && r.errors[0].params).toEqual({ expected: 'id' });
  });
});
