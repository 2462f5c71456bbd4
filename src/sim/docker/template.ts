/**
 * The part of Go's text/template that `docker inspect --format` is used with: field chains
 * (`.NetworkSettings.IPAddress`), variables (`$`, `$v.Name`), `range` (with `$k, $v :=`), `if`,
 * `with`, `else`, `end`, pipes and docker/cli's template functions (json, index, len, join,
 * split, upper, lower, title, println, print). Values are the decoded JSON the CLI falls back to,
 * so a missing key prints `<no value>` and maps print as `map[k:v]` with sorted keys.
 */

type Value = unknown;
type Node =
  | { t: 'text'; s: string }
  | { t: 'out'; pipe: string }
  | { t: 'block'; kind: 'range' | 'if' | 'with'; pipe: string; vars: string[]; body: Node[]; alt: Node[] };

export type TemplateResult = { ok: true; run: (dot: Value) => string } | { ok: false; error: string };

const FUNCS = new Set(['json', 'index', 'len', 'join', 'split', 'upper', 'lower', 'title', 'println', 'print', 'pad']);

/** Go's fmt %v for decoded JSON. */
function show(v: Value): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(show).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, Value>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${show(o[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}

const truthy = (v: Value) =>
  !(v === undefined || v === null || v === false || v === 0 || v === '') &&
  !(Array.isArray(v) && v.length === 0) &&
  !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** Splits a pipeline command into words, keeping "quoted strings" and (parenthesised) groups whole. */
function words(cmd: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|\((?:[^()"]|"(?:[^"\\]|\\.)*")*\)(?:\.[\w.]+)?|[^\s]+/g;
  for (const m of cmd.matchAll(re)) out.push(m[0]);
  return out;
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
      const block: Extract<Node, { t: 'block' }> = { t: 'block', kind: kw, pipe: rest, vars, body: [], alt: [] };
      push(block);
      stack.push({ nodes: block.body, block, inAlt: false });
      continue;
    }
    for (const w of body.split('|').flatMap((c) => words(c.trim()).slice(0, 1))) {
      if (/^[a-z]\w*$/i.test(w) && !FUNCS.has(w))
        return { ok: false, error: `template: :1: function "${w}" not defined` };
    }
    push({ t: 'out', pipe: body });
  }
  if (stack.length > 1) return { ok: false, error: `template: :1: unexpected EOF` };
  return { ok: true, nodes: root };
}

type Scope = { dot: Value; vars: Record<string, Value> };

function field(v: Value, name: string): Value {
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) return undefined;
  return (v as Record<string, Value>)[name];
}

function operand(w: string, sc: Scope): Value {
  if (w.startsWith('"')) return JSON.parse(w);
  if (/^-?\d+$/.test(w)) return Number(w);
  if (w === 'true' || w === 'false') return w === 'true';
  let base: Value;
  let path: string;
  if (w.startsWith('(')) {
    const end = w.lastIndexOf(')');
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

function call(fn: string, args: Value[]): Value {
  const [a, b] = args;
  switch (fn) {
    case 'json':
      return JSON.stringify(a ?? null)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026');
    case 'index':
      return args.slice(1).reduce((v, k) => (Array.isArray(v) ? v[Number(k)] : field(v, String(k))), a);
    case 'len':
      return Array.isArray(a) ? a.length : typeof a === 'string' ? a.length : Object.keys(a ?? {}).length;
    case 'join':
      return Array.isArray(a) ? a.map(show).join(String(b)) : show(a);
    case 'split':
      return String(a).split(String(b));
    case 'upper':
      return String(a).toUpperCase();
    case 'lower':
      return String(a).toLowerCase();
    case 'title':
      return String(a).replace(/\b\w/g, (c) => c.toUpperCase());
    case 'println':
      return `${args.map(show).join(' ')}\n`;
    case 'pad':
      return `${' '.repeat(Number(b))}${show(a)}${' '.repeat(Number(args[2]))}`;
    default:
      return args.map(show).join('');
  }
}

function pipeline(src: string, sc: Scope): Value {
  let prev: Value;
  let first = true;
  for (const cmd of src.split('|')) {
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
