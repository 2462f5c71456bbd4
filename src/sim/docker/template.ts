/**
 * The part of Go's text/template that `docker inspect --format` is used with: field chains
 * (`.NetworkSettings.IPAddress`), variables (`$`, `$v.Name`), `range` (with `$k, $v :=`), `if`,
 * `with`, `else`, `end`, pipes, nested (parenthesised) calls, Go's builtins (index, len, print,
 * printf, println, eq, ne, lt, le, gt, ge, and, or, not, slice) and docker/cli's template functions
 * (json, join, split, upper, lower, title, pad, truncate). Values are the decoded JSON the CLI falls back to,
 * so a missing key prints `<no value>` and maps print as `map[k:v]` with sorted keys.
 */

import { call, FUNCS, field, show, truthy, type Value } from './templateFuncs';

type Node =
  | { t: 'text'; s: string }
  | { t: 'out'; pipe: string }
  | { t: 'block'; kind: 'range' | 'if' | 'with'; pipe: string; vars: string[]; body: Node[]; alt: Node[] };

export type TemplateResult = { ok: true; run: (dot: Value) => string } | { ok: false; error: string };

/** The end of the (…) group opening at `i`, skipping quoted strings; -1 if unbalanced. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const ch = src[j];
    if (ch === '"' || ch === '`') {
      const q = ch;
      j++;
      while (j < src.length && src[j] !== q) j += src[j] === '\\' && q === '"' ? 2 : 1;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return j;
  }
  return -1;
}

/** Splits a pipeline on the `|` that are outside quotes and parentheses. */
function commands(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let j = 0; j < src.length; j++) {
    const ch = src[j];
    if (ch === '"' || ch === '`') {
      const q = ch;
      j++;
      while (j < src.length && src[j] !== q) j += src[j] === '\\' && q === '"' ? 2 : 1;
    } else if (ch === '(') {
      const e = groupEnd(src, j);
      j = e < 0 ? src.length : e;
    } else if (ch === '|') {
      out.push(src.slice(start, j));
      start = j + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/** Splits a pipeline command into words, keeping "quoted strings" and (nested (groups)).Field whole. */
function words(cmd: string): string[] {
  const out: string[] = [];
  let j = 0;
  while (j < cmd.length) {
    if (/\s/.test(cmd[j])) {
      j++;
      continue;
    }
    const start = j;
    if (cmd[j] === '"' || cmd[j] === '`') {
      const q = cmd[j++];
      while (j < cmd.length && cmd[j] !== q) j += cmd[j] === '\\' && q === '"' ? 2 : 1;
      j++;
    } else if (cmd[j] === '(') {
      const e = groupEnd(cmd, j);
      j = e < 0 ? cmd.length : e + 1;
      while (j < cmd.length && /[\w.]/.test(cmd[j])) j++;
    } else while (j < cmd.length && !/\s/.test(cmd[j])) j++;
    out.push(cmd.slice(start, j));
  }
  return out;
}

/** The first unknown function name a pipeline (or a group inside it) calls, if any. */
function unknownFunction(pipe: string): string | null {
  for (const c of commands(pipe)) {
    const ws = words(c.trim());
    if (/^[a-z]\w*$/i.test(ws[0] ?? '') && !FUNCS.has(ws[0]) && !['true', 'false', 'nil'].includes(ws[0])) return ws[0];
    for (const w of ws)
      if (w.startsWith('(')) {
        const bad = unknownFunction(w.slice(1, groupEnd(w, 0)));
        if (bad) return bad;
      }
  }
  return null;
}

function parse(src: string): { ok: true; nodes: Node[] } | { ok: false; error: string } {
  const root: Node[] = [];
  const stack: { nodes: Node[]; block?: Extract<Node, { t: 'block' }>; inAlt: boolean }[] = [
    { nodes: root, inAlt: false },
  ];
  let i = 0;
  const top = () => stack[stack.length - 1];
  const push = (n: Node) => {
    const f = top();
    (f.block && f.inAlt ? f.block.alt : f.nodes).push(n);
  };
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      push({ t: 'text', s: src.slice(i) });
      break;
    }
    if (open > i) push({ t: 'text', s: src.slice(i, open) });
    const close = src.indexOf('}}', open + 2);
    if (close < 0) return { ok: false, error: 'template: :1: unclosed action' };
    const body = src
      .slice(open + 2, close)
      .replace(/^-\s/, '')
      .replace(/\s-$/, '')
      .trim();
    i = close + 2;
    const [kw] = body.split(/\s+/);
    if (kw === 'end') {
      if (stack.length === 1) return { ok: false, error: 'template: :1: unexpected {{end}}' };
      stack.pop();
      continue;
    }
    if (kw === 'else') {
      const f = top();
      if (!f.block) return { ok: false, error: 'template: :1: unexpected {{else}}' };
      f.inAlt = true;
      continue;
    }
    if (kw === 'range' || kw === 'if' || kw === 'with') {
      let rest = body.slice(kw.length).trim();
      let vars: string[] = [];
      const decl = /^(\$\w*)(?:\s*,\s*(\$\w*))?\s*:=\s*/.exec(rest);
      if (decl) {
        vars = [decl[1], decl[2]].filter((x): x is string => !!x);
        rest = rest.slice(decl[0].length);
      }
      if (!rest) return { ok: false, error: `template: :1: missing value for ${kw}` };
      const bad = unknownFunction(rest);
      if (bad) return { ok: false, error: `template: :1: function "${bad}" not defined` };
      const block: Extract<Node, { t: 'block' }> = { t: 'block', kind: kw, pipe: rest, vars, body: [], alt: [] };
      push(block);
      stack.push({ nodes: block.body, block, inAlt: false });
      continue;
    }
    const bad = unknownFunction(body);
    if (bad) return { ok: false, error: `template: :1: function "${bad}" not defined` };
    push({ t: 'out', pipe: body });
  }
  if (stack.length > 1) return { ok: false, error: `template: :1: unexpected EOF` };
  return { ok: true, nodes: root };
}

type Scope = { dot: Value; vars: Record<string, Value> };

function operand(w: string, sc: Scope): Value {
  if (w.startsWith('"')) return JSON.parse(w);
  if (w.startsWith('`')) return w.slice(1, -1);
  if (w === 'nil') return null;
  if (/^-?\d+$/.test(w)) return Number(w);
  if (w === 'true' || w === 'false') return w === 'true';
  let base: Value;
  let path: string;
  if (w.startsWith('(')) {
    const end = groupEnd(w, 0);
    base = pipeline(w.slice(1, end), sc);
    path = w.slice(end + 1);
  } else if (w.startsWith('$')) {
    const m = /^\$\w*/.exec(w)![0];
    base = m === '$' ? sc.vars.$ : sc.vars[m];
    path = w.slice(m.length);
  } else {
    base = sc.dot;
    path = w === '.' ? '' : w;
  }
  for (const part of path.split('.').filter(Boolean)) base = field(base, part);
  return base;
}

function pipeline(src: string, sc: Scope): Value {
  let prev: Value;
  let first = true;
  for (const cmd of commands(src)) {
    const ws = words(cmd.trim());
    const [head, ...rest] = ws;
    if (FUNCS.has(head)) {
      const args = rest.map((w) => operand(w, sc));
      prev = call(head, first ? args : [...args, prev]);
    } else prev = operand(head, sc);
    first = false;
  }
  return prev;
}

function exec(nodes: Node[], sc: Scope): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.s;
    else if (n.t === 'out') out += show(pipeline(n.pipe, sc));
    else {
      const v = pipeline(n.pipe, sc);
      if (n.kind === 'if') out += exec(truthy(v) ? n.body : n.alt, sc);
      else if (n.kind === 'with') out += truthy(v) ? exec(n.body, { ...sc, dot: v }) : exec(n.alt, sc);
      else {
        const entries: [Value, Value][] = Array.isArray(v)
          ? v.map((x, i) => [i, x])
          : v && typeof v === 'object'
            ? Object.keys(v)
                .sort()
                .map((k) => [k, (v as Record<string, Value>)[k]])
            : [];
        if (!entries.length) out += exec(n.alt, sc);
        for (const [k, x] of entries) {
          const vars = { ...sc.vars };
          if (n.vars.length === 1) vars[n.vars[0]] = x;
          if (n.vars.length === 2) [vars[n.vars[0]], vars[n.vars[1]]] = [k, x];
          out += exec(n.body, { dot: x, vars });
        }
      }
    }
  }
  return out;
}

/** Compiles a `--format` template, or Go's parse error text. */
export function compileTemplate(src: string): TemplateResult {
  const p = parse(src);
  if (!p.ok) return p;
  return { ok: true, run: (dot) => exec(p.nodes, { dot, vars: { $: dot } }) };
}
