/** Go text/template builtins and docker/cli's template functions, over decoded JSON values. */

export type Value = unknown;

export function field(v: Value, name: string): Value {
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) return undefined;
  return (v as Record<string, Value>)[name];
}

export const FUNCS = new Set([
  ...['json', 'join', 'split', 'upper', 'lower', 'title', 'pad', 'truncate'],
  ...['index', 'len', 'print', 'printf', 'println', 'slice', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'and', 'or', 'not'],
]);

/** Go's fmt %v for decoded JSON. */
export function show(v: Value): string {
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

export const truthy = (v: Value) =>
  !(v === undefined || v === null || v === false || v === 0 || v === '') &&
  !(Array.isArray(v) && v.length === 0) &&
  !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

export function call(fn: string, args: Value[]): Value {
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
    case 'printf':
      return printf(String(a), args.slice(1));
    case 'eq':
      return args.slice(1).some((x) => x === a);
    case 'ne':
      return a !== b;
    case 'lt':
      return (a as number) < (b as number);
    case 'le':
      return (a as number) <= (b as number);
    case 'gt':
      return (a as number) > (b as number);
    case 'ge':
      return (a as number) >= (b as number);
    case 'and':
      return args.find((x) => !truthy(x)) ?? args[args.length - 1];
    case 'or':
      return args.find((x) => truthy(x)) ?? args[args.length - 1];
    case 'not':
      return !truthy(a);
    case 'slice':
      return typeof a === 'string' || Array.isArray(a)
        ? a.slice(Number(b ?? 0), args[2] === undefined ? undefined : Number(args[2]))
        : a;
    case 'truncate':
      return String(a).slice(0, Number(b));
    case 'pad':
      return `${' '.repeat(Number(b))}${show(a)}${' '.repeat(Number(args[2]))}`;
    default:
      return args.map(show).join('');
  }
}

/** fmt.Sprintf for the verbs templates use (%s %v %d %q %%). */
function printf(format: string, args: Value[]): string {
  let k = 0;
  return format.replace(/%([svdq%])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const v = args[k++];
    if (v === undefined) return `%!${verb}(MISSING)`;
    return verb === 'q' ? JSON.stringify(show(v)) : show(v);
  });
}
