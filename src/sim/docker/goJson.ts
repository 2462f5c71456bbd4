/**
 * The syntax errors of Go's encoding/json (scanner.go), word for word, for a text that JSON.parse
 * would also refuse: dockerd reads daemon.json with it, and prints its error as it is.
 */

/** scanner.go quoteChar: `'\''`, `'"'`, else strconv.Quote's body between single quotes. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c).slice(1, -1);
  return `'${q}'`;
}

const WS = new Set([' ', '\t', '\n', '\r']);

class Scan {
  i = 0;
  constructor(readonly s: string) {}
  ws() {
    while (this.i < this.s.length && WS.has(this.s[this.i])) this.i++;
  }
  fail(what: string): never {
    if (this.i >= this.s.length) throw new Error('unexpected end of JSON input');
    throw new Error(`invalid character ${quoteChar(this.s[this.i])} ${what}`);
  }
  value() {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const lit of ['true', 'false', 'null']) {
      if (c !== lit[0]) continue;
      this.i++;
      for (const want of lit.slice(1)) {
        if (this.s[this.i] !== want) this.fail(`in literal ${lit} (expecting '${want}')`);
        this.i++;
      }
      return;
    }
    this.fail('looking for beginning of value');
  }
  object() {
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
      this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail('after object key');
      this.i++;
      this.value();
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return;
      }
      if (this.s[this.i] !== ',') this.fail('after object key:value pair');
      this.i++;
    }
  }
  array() {
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return;
      }
      if (this.s[this.i] !== ',') this.fail('after array element');
      this.i++;
    }
  }
  string() {
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c < ' ') this.fail('in string literal');
      if (c === '\\') {
        this.i++;
        const e = this.s[this.i];
        if (e === undefined) break;
        if (!'"\\/bfnrtu'.includes(e)) this.fail('in string escape code');
      }
      this.i++;
    }
    this.fail('in string literal');
  }
  number() {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m || m[0] === '-') {
      this.i += 1;
      this.fail('in numeric literal');
    }
    this.i += m[0].length;
  }
}

/** JSON.parse with Go's error text (`invalid character '}' looking for beginning of object key string`). */
export function parseGoJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const sc = new Scan(text);
  try {
    sc.value();
    sc.ws();
    if (sc.i < text.length) sc.fail('after top-level value');
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  return { ok: true, value: JSON.parse(text) };
}

/** The JSON kind Go names in an UnmarshalTypeError (`cannot unmarshal string into …`). */
export function goJsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}
