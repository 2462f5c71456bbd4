/**
 * The text filters a pipe can feed (GNU coreutils/grep wording): head, tail, grep, wc, sort,
 * uniq, and cat/less/more, which pass the text through when their output is not a terminal.
 */
import type { ShellFlavor } from './pipe';

export interface FilterResult {
  stdout: string[];
  /** what the filter prints on stderr (its own usage errors) */
  stderr: string[];
  exitCode: number;
}

type Filter = (argv: string[], input: string[], flavor: ShellFlavor) => FilterResult;

const ok = (stdout: string[], exitCode = 0): FilterResult => ({ stdout, stderr: [], exitCode });
const fail = (msg: string, exitCode = 1): FilterResult => ({ stdout: [], stderr: [msg], exitCode });

/** `-n N`, `-nN`, `--lines=N`, `-N` for head and tail; null: bad usage, with the message. */
function countArg(argv: string[], tool: string): { n: number; from: boolean; neg: boolean } | string {
  let raw = '10';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n' || a === '--lines') raw = argv[++i] ?? '';
    else if (a.startsWith('--lines=')) raw = a.slice(8);
    else if (/^-n./.test(a)) raw = a.slice(2);
    else if (/^-\d+$/.test(a)) raw = a.slice(1);
    else if (a.startsWith('-') && a !== '-') return `${tool}: invalid option -- '${a.slice(1, 2)}'`;
  }
  const m = /^([+-]?)(\d+)$/.exec(raw);
  if (!m) return `${tool}: invalid number of lines: '${raw}'`;
  return { n: Number(m[2]), from: m[1] === '+', neg: m[1] === '-' };
}

const head: Filter = (argv, input) => {
  const c = countArg(argv, 'head');
  if (typeof c === 'string') return fail(`${c}\nTry 'head --help' for more information.`);
  return ok(c.neg ? input.slice(0, Math.max(0, input.length - c.n)) : input.slice(0, c.n));
};

const tail: Filter = (argv, input) => {
  const c = countArg(argv, 'tail');
  if (typeof c === 'string') return fail(`${c}\nTry 'tail --help' for more information.`);
  if (c.from) return ok(input.slice(Math.max(0, c.n - 1)));
  return ok(c.n === 0 ? [] : input.slice(-c.n));
};

/** Where the bracket expression opening at `i` closes (`[]x]`, `[^]x]`, `[[:digit:]]`), or -1. */
function bracketEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === ']') return j;
    if (p[j] === '[' && ':.='.includes(p[j + 1] ?? '')) {
      const close = p.indexOf(`${p[j + 1]}]`, j + 2);
      if (close < 0) return -1;
      j = close + 1;
    }
  }
  return -1;
}

/** A grep pattern as a JS RegExp: BRE by default (`\|`, `\+` special), ERE with -E, literal with -F. */
function grepRegex(pattern: string, mode: 'bre' | 'ere' | 'fixed', flags: string, word: boolean): RegExp {
  let src = '';
  if (mode === 'fixed') src = pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  else {
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i];
      if (ch === '[') {
        const end = bracketEnd(pattern, i);
        if (end < 0) {
          src += '\\[';
          continue;
        }
        const body = pattern.slice(i + 1, end + 1);
        const classes: Record<string, string> = {
          digit: '0-9',
          alpha: 'A-Za-z',
          alnum: 'A-Za-z0-9',
          space: '\\s',
          upper: 'A-Z',
          lower: 'a-z',
          xdigit: '0-9A-Fa-f',
          punct: '!-\\/:-@\\[-`{-~',
        };
        const inner = body
          .slice(0, -1)
          .replace(/\\/g, '\\\\')
          .replace(/\[:(\w+):\]/g, (_, k: string) => classes[k] ?? '');
        src += `[${inner}]`;
        i = end;
      } else if (ch === '\\' && i + 1 < pattern.length) {
        const nx = pattern[++i];
        if (mode === 'bre' && '|+?(){}'.includes(nx)) src += nx;
        else if ('wWsSbB<>'.includes(nx)) src += nx === '<' || nx === '>' ? '\\b' : `\\${nx}`;
        else src += `\\${nx}`;
      } else if (mode === 'bre' && '|+?(){}'.includes(ch)) src += `\\${ch}`;
      else if (ch === '/') src += '\\/';
      else src += ch;
    }
  }
  return new RegExp(word ? `(?<![\\w])(?:${src})(?![\\w])` : src, flags);
}

const GREP_USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.";

const grep: Filter = (argv, input, flavor) => {
  let invert = false;
  let icase = false;
  let count = false;
  let number = false;
  let word = false;
  let only = false;
  let mode: 'bre' | 'ere' | 'fixed' = 'bre';
  let pattern: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-e') pattern = argv[++i] ?? null;
    else if (/^-[A-Za-z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'v') invert = true;
        else if (f === 'i') icase = true;
        else if (f === 'c') count = true;
        else if (f === 'n') number = true;
        else if (f === 'w') word = true;
        else if (f === 'o') only = true;
        else if (f === 'E') mode = 'ere';
        else if (f === 'F') mode = 'fixed';
        else if (f === 'G') mode = 'bre';
        else return fail(`grep: invalid option -- '${f}'\n${GREP_USAGE}`, 2);
      }
    } else if (pattern === null) pattern = a;
    else return fail(`grep: ${a}: No such file or directory`, 2);
  }
  if (pattern === null) return fail(flavor === 'sh' ? 'BusyBox grep: usage' : GREP_USAGE, 2);
  let re: RegExp;
  try {
    re = grepRegex(pattern, mode, icase ? 'i' : '', word);
  } catch {
    return fail('grep: Unmatched ( or \\(', 2);
  }
  const hits: string[] = [];
  input.forEach((l, i) => {
    if (re.test(l) === invert) return;
    if (only && !invert) {
      const g = new RegExp(re.source, `${re.flags}g`);
      for (const m of l.matchAll(g)) if (m[0]) hits.push(number ? `${i + 1}:${m[0]}` : m[0]);
    } else hits.push(number ? `${i + 1}:${l}` : l);
  });
  const matched = hits.length > 0;
  if (count) return ok([String(input.filter((l) => re.test(l) !== invert).length)], matched ? 0 : 1);
  return ok(hits, matched ? 0 : 1);
};

const wc: Filter = (argv, input) => {
  const text = input.length ? `${input.join('\n')}\n` : '';
  const counts = {
    l: input.length,
    w: text.split(/\s+/).filter(Boolean).length,
    c: new TextEncoder().encode(text).length,
  };
  const flags = argv.slice(1).join('').replace(/-/g, '');
  const unknown = [...flags].find((f) => !'lwcm'.includes(f));
  if (unknown) return fail(`wc: invalid option -- '${unknown}'\nTry 'wc --help' for more information.`);
  const want = (flags || 'lwc').replace('m', 'c');
  const vals = (['l', 'w', 'c'] as const).filter((k) => want.includes(k)).map((k) => counts[k]);
  return ok([vals.length === 1 ? String(vals[0]) : vals.map((v) => String(v).padStart(7)).join(' ')]);
};

const sort: Filter = (argv, input) => {
  const flags = argv.slice(1).join('');
  const numeric = flags.includes('n');
  const out = [...input].sort((a, b) =>
    numeric ? Number.parseFloat(a) - Number.parseFloat(b) || 0 : a < b ? -1 : a > b ? 1 : 0,
  );
  if (flags.includes('r')) out.reverse();
  return ok(flags.includes('u') ? out.filter((l, i) => i === 0 || l !== out[i - 1]) : out);
};

const uniq: Filter = (argv, input) => {
  const groups: { line: string; n: number }[] = [];
  for (const l of input) {
    const last = groups[groups.length - 1];
    if (last && last.line === l) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  const counted = argv.includes('-c');
  return ok(groups.map((g) => (counted ? `${String(g.n).padStart(7)} ${g.line}` : g.line)));
};

const cat: Filter = (_argv, input) => ok(input);

/** The filters a pipe can feed; `less`/`more` behave as `cat` when their output is not a terminal. */
export const FILTERS: Record<string, Filter> = { head, tail, grep, wc, sort, uniq, cat, less: cat, more: cat };
