import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { ko } from '../../../src/i18n/ko';
import { addStrings, translator } from '../../../src/i18n/translate';
import { parseInspect } from '../../../src/io/inspectImport';
import { refusalText } from '../../../src/ui/refusalText';

const fixture = (f: string) => readFileSync(new URL(`../../fixtures/inspect/${f}`, import.meta.url), 'utf8');
const base = JSON.parse(fixture('real-machine-containers.json'));
/** one `docker inspect` entry, as parsed (the mutations reach into it freely) */
type Entry = (typeof base)[number];

async function tFor(lang: 'en' | 'ko') {
  addStrings('en', en);
  addStrings('ko', ko);
  return translator(lang);
}

/** Inputs whose refusal comes from the zod schema: each kind of zod issue once. */
const BAD: [string, (c: Entry) => void][] = [
  ['missing', (c) => delete c.Config.Image],
  ['wrong type', (c) => (c.State.Status = 5)],
  ['bad MAC', (c) => (c.NetworkSettings.Networks.bridge.MacAddress = 'zz')],
  ['bad id', (c) => (c.Id = 'abc')],
  ['empty name', (c) => (c.Name = '')],
  ['too long', (c) => (c.Name = 'x'.repeat(300))],
  ['not an integer', (c) => (c.State.ExitCode = 1.5)],
  ['list expected', (c) => (c.Config.Cmd = 'nginx -g')],
];

function refusal(mutate: (c: Entry) => void) {
  const bad = structuredClone(base);
  mutate(bad[0]);
  const r = parseInspect([{ label: '', text: JSON.stringify(bad) }]);
  if (r.ok) throw new Error('expected a refusal');
  return r.refusal;
}

describe('import refusals read in the reader language, field first', () => {
  it.each(BAD)('%s: Korean text has no English words of zod (only the field path)', async (_, mutate) => {
    const t = await tFor('ko');
    const r = refusal(mutate);
    const text = refusalText(t, r);
    expect(text.startsWith(`바뀐 것은 없습니다. ${r.at}: `)).toBe(true);
    const why = text.slice(`바뀐 것은 없습니다. ${r.at}: `.length);
    // Hangul in the reason, and no English word except Docker's own (MAC, id, IPv4, CIDR, true/false)
    expect(why).toMatch(/[가-힣]/);
    expect(why.replace(/\b(MAC|id|IPv4|CIDR|true|false|null|default)\b/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('English names the field and the reason', async () => {
    const t = await tFor('en');
    expect(refusalText(t, refusal(BAD[2][1]))).toBe(
      'Nothing was changed. [0].NetworkSettings.Networks.bridge.MacAddress: expected a MAC address here',
    );
    expect(refusalText(t, refusal(BAD[1][1]))).toBe('Nothing was changed. [0].State.Status: expected text here');
    expect(refusalText(t, refusal(BAD[0][1]))).toBe('Nothing was changed. [0].Config.Image: this field is missing');
  });
});
