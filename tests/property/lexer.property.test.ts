import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstSubstitution, pipeSegments, scan, splitList, tokenize } from '../../src/sim/shell/lexer';

/**
 * The one shell lexer splits lines as bash does. bash itself is the oracle: random lines of
 * `printf '%s\n' WORDS…` commands joined by pipes and `;` `&&` `||`, with quoted and escaped
 * operators inside the words, are run by bash and by our split + tokenize; both must print the
 * same. (Every printf succeeds, so `&&` runs its right side, `||` skips it, and a pipeline prints
 * what its last command prints.)
 */

const plain = fc.stringMatching(/^[a-z0-9._=/:-]{1,6}$/);
const tricky = fc.constantFrom(
  "';'",
  '";"',
  '\\;',
  "'a && b'",
  '"x || y"',
  '\\|',
  "'|'",
  '"a|b"',
  "'$(no)'",
  '"it\'s"',
  '\'say "hi"\'',
  '"a\\"b"',
  '"back\\\\slash"',
  '"\\n"',
  'a\\ b',
  "x'y'z",
  '"2>&1"',
  "'#'",
  '"(paren)"',
  "''",
  '""',
);
const word = fc.oneof({ weight: 3, arbitrary: plain }, { weight: 2, arbitrary: tricky });
const command = fc.array(word, { minLength: 0, maxLength: 4 }).map((ws) => ['printf', "'%s\\n'", ...ws].join(' '));
const pipeline = fc.array(command, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(' | '));
const ops = fc.constantFrom(' ; ', ' && ', ' || ', ';', '&&');
const line = fc
  .tuple(pipeline, fc.array(fc.tuple(ops, pipeline), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([o, p]) => o + p).join(''));

/** What our lexer says the line prints. */
function ours(l: string): string {
  let out = '';
  let last = 0;
  for (const item of splitList(l)) {
    if ((item.op === '&&' && last !== 0) || (item.op === '||' && last === 0)) continue;
    const segs = pipeSegments(item.text);
    const argv = tokenize(segs[segs.length - 1]);
    const args = argv.slice(2);
    out += (args.length ? args : ['']).map((a) => `${a}\n`).join('');
    last = 0;
  }
  return out;
}

/** What bash prints for each line (one bash process, a NUL after each line's output). */
function bash(lines: string[]): string[] {
  const script = lines.map((l) => `${l}\nprintf '\\0'`).join('\n');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-f'], { input: script, encoding: 'utf8' });
  return r.stdout.split('\0').slice(0, lines.length);
}

describe('the shell lexer splits as bash does', () => {
  it('lists, pipelines and words of random lines', () => {
    const cases = fc.sample(line, { numRuns: 400, seed: 9 });
    const expected = bash(cases);
    const got = cases.map(ours);
    const diff = cases.filter((_, i) => got[i] !== expected[i]);
    expect(diff).toEqual([]);
    expect(expected.length).toBe(400);
  });

  it('words of random commands (quotes, escapes) match bash argv', () => {
    const cases = fc.sample(command, { numRuns: 300, seed: 3 });
    const expected = bash(cases);
    expect(cases.map((c) => ours(c))).toEqual(expected);
  });

  it('$( … ) at any depth: lists and pipes inside it stay with it', () => {
    const l = `echo $(a; b | c $(d && e) "$(f ')' g)") | wc -l && x`;
    expect(splitList(l)).toEqual([
      { op: null, text: `echo $(a; b | c $(d && e) "$(f ')' g)") | wc -l` },
      { op: '&&', text: 'x' },
    ]);
    expect(pipeSegments(splitList(l)[0].text)).toEqual([`echo $(a; b | c $(d && e) "$(f ')' g)")`, 'wc -l']);
    expect(firstSubstitution(l)).toEqual({ start: 5, end: 39, command: `a; b | c $(d && e) "$(f ')' g)"` });
    expect(firstSubstitution(`x "$(echo ")")"`)?.command).toBe('echo ")"');
    expect(tokenize(`docker rm -f $(docker ps -aq --filter "name=a b")`)).toEqual([
      'docker',
      'rm',
      '-f',
      '$(docker ps -aq --filter "name=a b")',
    ]);
  });

  it('says what is still open at the end of a line (a continuation)', () => {
    expect(scan(`echo 'abc`).open).toBe("'");
    expect(scan(`echo "abc`).open).toBe('"');
    expect(scan(`echo $(ls`).open).toBe('$(');
    expect(scan(`echo a \\`).open).toBe('\\');
    expect(scan(`echo 'a' "b" $(c)`).open).toBeNull();
  });
});
