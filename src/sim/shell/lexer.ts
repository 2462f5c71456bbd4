/**
 * The console's one shell lexer. Every question the console asks of a typed line (where a list
 * splits at `;` `&&` `||`, where a pipeline splits at `|`, where the outermost `$( … )` is, what
 * the words are once quotes are removed, which words are redirections, whether a heredoc starts)
 * is answered from one scan that knows quotes, backslashes and `$( … )` at any depth, as bash
 * reads them. Pure string work.
 *
 * @example
 * splitList(`a && echo 'x;y' | wc -c; b $(c; d)`) // [a] && [echo 'x;y' | wc -c] ; [b $(c; d)]
 */

/** A `$( … )` in a line: where it starts and ends (end exclusive) and the command inside. */
export interface Substitution {
  start: number;
  end: number;
  command: string;
}

/** What one scan of a line learns. */
export interface Scan {
  /** per character: true where the character is shell syntax (unquoted, unescaped, outside `$( … )`) */
  code: boolean[];
  /** the outermost `$( … )` spans outside single quotes, in order */
  subs: Substitution[];
  /** what is still open at the end of the line: a quote, a `$(`, or a backslash (the line continues) */
  open: null | "'" | '"' | '$(' | '\\';
}

type Mode = "'" | '"' | '$(' | '(';

/** Scans a line once, as bash's tokenizer walks it. */
export function scan(line: string): Scan {
  const code = new Array<boolean>(line.length).fill(false);
  const subs: Substitution[] = [];
  const stack: Mode[] = [];
  let subStart = -1;
  let subs$ = 0; // open `$(` frames
  let open: Scan['open'] = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    // never stack[-1]: an out-of-bounds read leaves V8's fast path (it cost ~10 µs a line)
    const mode = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (mode === "'") {
      if (ch === "'") stack.pop();
      continue;
    }
    if (ch === '\\') {
      if (i + 1 >= line.length) open = '\\';
      i++;
      continue;
    }
    if (ch === '$' && line[i + 1] === '(') {
      if (subs$ === 0) subStart = i;
      subs$++;
      stack.push('$(');
      i++;
      continue;
    }
    if (mode === '"') {
      if (ch === '"') stack.pop();
      continue;
    }
    if (ch === "'" || ch === '"') {
      stack.push(ch);
      continue;
    }
    if (mode === '$(' || mode === '(') {
      if (ch === '(') stack.push('(');
      else if (ch === ')') {
        stack.pop();
        if (mode === '$(' && --subs$ === 0)
          subs.push({ start: subStart, end: i + 1, command: line.slice(subStart + 2, i) });
      }
      continue;
    }
    code[i] = true;
  }
  const last = stack[stack.length - 1];
  if (last) open = last === '(' ? '$(' : last;
  return { code, subs, open };
}

export type ListOp = '&&' | '||' | ';';

/** One command of a list and the operator that joins it to the previous one (null for the first). */
export interface ListItem {
  op: ListOp | null;
  text: string;
}

/** Splits at `;`, `&&` and `||` outside quotes and `$( … )`; a `|` alone stays (a pipe). */
export function splitList(line: string): ListItem[] {
  const { code } = scan(line);
  const items: ListItem[] = [];
  let op: ListOp | null = null;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    if (!code[i]) continue;
    const two = line.slice(i, i + 2);
    const isOp = two === '&&' || two === '||' ? two : line[i] === ';' ? ';' : null;
    if (!isOp) continue;
    items.push({ op, text: line.slice(from, i).trim() });
    op = isOp;
    i += isOp.length - 1;
    from = i + 1;
  }
  items.push({ op, text: line.slice(from).trim() });
  return items;
}

/** The first outermost `$( … )` outside single quotes (nested ones belong to it), or null. */
export function firstSubstitution(line: string): Substitution | null {
  return scan(line).subs[0] ?? null;
}

/**
 * Splits at `|` outside quotes, escapes and `$( … )`; segments are trimmed and keep their quotes.
 * A line with `||` or `|&` comes back whole (those operators are not pipes of ours).
 */
export function pipeSegments(line: string): string[] {
  const { code } = scan(line);
  const segs: string[] = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    if (!code[i] || line[i] !== '|') continue;
    if (line[i + 1] === '|' || line[i + 1] === '&') return [line.trim()];
    segs.push(line.slice(from, i).trim());
    from = i + 1;
  }
  segs.push(line.slice(from).trim());
  return segs;
}

/** A word of a command once quotes are removed; `quoted` when any part of it was quoted or escaped. */
export interface Word {
  text: string;
  quoted: boolean;
}

/** Splits a command into words, honouring single and double quotes and backslash escapes; `$( … )` stays whole. */
export function words(line: string): Word[] {
  const { subs } = scan(line);
  const subEnd = new Map(subs.map((s) => [s.start, s.end]));
  const out: Word[] = [];
  let cur = '';
  let inWord = false;
  let quoted = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === "'") {
      if (ch === "'") quote = null;
      else cur += ch;
      continue;
    }
    const end = subEnd.get(i);
    if (end !== undefined) {
      // a `$( … )` is kept as typed: the console expands it before it runs the command
      cur += line.slice(i, end);
      inWord = true;
      i = end - 1;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      // in double quotes a backslash escapes only $ ` " \ (bash); "\n" stays two characters
      else if (ch === '\\' && i + 1 < line.length && '$`"\\'.includes(line[i + 1])) cur += line[++i];
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
      quoted = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
      quoted = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push({ text: cur, quoted });
      cur = '';
      inWord = false;
      quoted = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) out.push({ text: cur, quoted });
  return out;
}

/** Splits a command line into argv, honouring single and double quotes and backslash escapes. */
export function tokenize(line: string): string[] {
  return words(line).map((w) => w.text);
}
