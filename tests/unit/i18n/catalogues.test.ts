import { describe, expect, it } from 'vitest';
import { challengeStrings } from '../../../src/i18n/challenges';
import { en } from '../../../src/i18n/en';
import { fileStrings } from '../../../src/i18n/files';
import { ko } from '../../../src/i18n/ko';
import { lessonStrings } from '../../../src/i18n/lessons';
import { lowerStrings } from '../../../src/i18n/lower';
import { matrixStrings } from '../../../src/i18n/matrix';
import { simStrings } from '../../../src/i18n/sim';
import { traceMessages } from '../../../src/i18n/trace';
import { lowerTrace } from '../../../src/i18n/traceLower';
import { SCENES } from '../../../src/sim/scenes';

/**
 * Every catalogue of the UI in both languages (issue 11, Korean polish): a key the English has and
 * the Korean lacks, or a Korean string that is still the English one, fails here instead of
 * showing English to a Korean class.
 */
const catalogues: Record<string, { en: Record<string, string>; ko: Record<string, string> }> = {
  app: { en, ko },
  challenges: challengeStrings,
  files: fileStrings,
  lessons: lessonStrings,
  lower: lowerStrings,
  matrix: matrixStrings,
  sim: simStrings,
  trace: traceMessages,
  traceLower: lowerTrace,
};

/** Names written the same in Korean (a product, a program). */
const names = new Set(['Docker Desktop', 'docker-proxy']);
/** Keys whose text is a command line, typed the same in any language. */
const commands = new Set(['console.placeholder']);

/**
 * Text that reads the same in Korean: a name, a command, placeholders, acronyms (TCP, HTTP GET) and
 * at most one other Latin word (a tool, a unit). Two words or more are English to translate.
 */
const sameInBoth = (s: string) => {
  if (names.has(s)) return true;
  const words = (
    s
      .replace(/\{\{[^}]+\}\}/g, ' ')
      .replace(/`[^`]*`/g, ' ')
      .match(/[A-Za-z][A-Za-z'’]+/g) ?? []
  ).filter((w) => w !== w.toUpperCase());
  return words.length <= 1;
};

describe('the Korean catalogues', () => {
  for (const [name, c] of Object.entries(catalogues)) {
    // (Korean may have more: world.why.* translate reasons whose English comes from the validator)
    it(`${name}: every English key has a Korean string`, () => {
      expect(Object.keys(c.en).filter((k) => !(k in c.ko))).toEqual([]);
    });

    it(`${name}: no Korean string is the English sentence`, () => {
      const english = Object.keys(c.en).filter(
        (k) => k in c.ko && c.ko[k] === c.en[k] && c.en[k].trim() !== '' && !sameInBoth(c.en[k]) && !commands.has(k),
      );
      expect(english).toEqual([]);
    });

    it(`${name}: a Korean string keeps the placeholders of its English one`, () => {
      const holes = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
      const differ = Object.keys(c.en).filter((k) => k in c.ko && holes(c.ko[k]).join() !== holes(c.en[k]).join());
      expect(differ).toEqual([]);
    });
  }
});

/** Every Korean string a scene carries (titles, summaries, labels, narration, questions). */
function sceneKorean(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) sceneKorean(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k === 'ko' && typeof x === 'string') out.push(x);
      else sceneKorean(x, out);
    }
  return out;
}

describe('one Korean word per concept (issue 11)', () => {
  const all = [
    ...Object.values(catalogues).flatMap((c) => Object.values(c.ko)),
    ...SCENES.flatMap((s) => sceneKorean(s)),
  ];
  it('publish is 공개, never 게시', () => {
    expect(all.filter((s) => s.includes('게시'))).toEqual([]);
  });
  it('listen is 수신 대기, never 듣다', () => {
    expect(all.filter((s) => /듣|들어요|들음/.test(s))).toEqual([]);
  });
  it('the scenes carry Korean at all (the walk finds their strings)', () => {
    expect(SCENES.flatMap((s) => sceneKorean(s)).length).toBeGreaterThan(300);
  });
});

describe('lesson scripts in Korean', () => {
  it('every comment line of every scene echoes in Korean; commands stay as typed', async () => {
    const { sceneLine } = await import('../../../src/i18n/sceneComments');
    const comments = SCENES.flatMap((s) => s.script).filter((l) => l.startsWith('#'));
    expect(comments.length).toBeGreaterThan(10);
    expect(comments.filter((l) => !/[가-힣]/.test(sceneLine(l, 'ko')))).toEqual([]);
    expect(comments.every((l) => sceneLine(l, 'en') === l)).toBe(true);
    const command = 'docker run -d -p 8080:80 --name web nginx';
    expect(sceneLine(command, 'ko')).toBe(command);
  });
});

describe('Korean particle pairs', () => {
  it('every pair a template writes is one resolveParticles knows (a 와(과) stayed as written on screen)', async () => {
    const { resolveParticles } = await import('../../../src/i18n/josa');
    const left = Object.values(catalogues)
      .flatMap((c) => Object.values(c.ko))
      .map((s) => resolveParticles(s.replace(/\{\{?\s*\w+\s*\}?\}/g, 'web')))
      .filter((s) => /[A-Za-z0-9가-힣]\((?:이|가|은|는|을|를|과|와|으)\)|[A-Za-z0-9]\((?:이)\)라는/.test(s));
    expect(left).toEqual([]);
  });
});
