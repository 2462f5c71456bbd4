/**
 * Command lists and command substitution on a console line, the way bash reads them:
 * `docker network create n && docker run --network n …`, `a ; b`, `a || b`, and
 * `docker rm -f $(docker ps -aq)`. Pure string work; the console runs the pieces.
 */

export type ListOp = '&&' | '||' | ';';

/** One command of a list and the operator that joins it to the previous one (null for the first). */
export interface ListItem {
  op: ListOp | null;
  text: string;
}

/** Splits at `;`, `&&` and `||` outside quotes and `$( … )`; a `|` alone stays (a pipe). */
export function splitList(line: string): ListItem[] {
  const items: ListItem[] = [];
  let cur = '';
  let op: ListOp | null = null;
  let quote: '"' | "'" | null = null;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line[i++];
      cur += line[i];
      continue;
    }
    if (ch === '\\' && i + 1 < line.length) {
      cur += ch + line[++i];
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '$' && line[i + 1] === '(') {
      depth++;
      cur += '$(';
      i++;
      continue;
    } else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) {
      const two = line.slice(i, i + 2);
      if (two === '&&' || two === '||' || ch === ';') {
        items.push({ op, text: cur.trim() });
        op = ch === ';' ? ';' : (two as ListOp);
        cur = '';
        if (ch !== ';') i++;
        continue;
      }
    }
    cur += ch;
  }
  items.push({ op, text: cur.trim() });
  return items;
}

/** A `$( … )` in a line: where it starts and ends (end exclusive) and the command inside. */
export interface Substitution {
  start: number;
  end: number;
  command: string;
}

/** The first `$( … )` outside single quotes (nested ones belong to it), or null. */
export function firstSubstitution(line: string): Substitution | null {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === "'") {
      if (ch === "'") quote = null;
      continue;
    }
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '"') quote = quote ? null : '"';
    else if (ch === "'") quote = "'";
    else if (ch === '$' && line[i + 1] === '(') {
      let depth = 1;
      for (let j = i + 2; j < line.length; j++) {
        if (line[j] === '(') depth++;
        else if (line[j] === ')' && --depth === 0) return { start: i, end: j + 1, command: line.slice(i + 2, j) };
      }
      return null;
    }
  }
  return null;
}

/** `$?` outside single quotes becomes the previous command's exit code. */
export function expandStatus(line: string, code: number): string {
  if (!line.includes('$?')) return line;
  let out = '';
  let single = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "'") single = !single;
    if (!single && line[i] === '$' && line[i + 1] === '?') {
      out += String(code);
      i++;
    } else out += line[i];
  }
  return out;
}

/** `2>&1` and `2>/dev/null` on the first command of a line: taken out of argv, remembered. */
export function redirections(argv: string[]): { argv: string[]; mergeStderr: boolean; dropStderr: boolean } {
  const isRedirect = (a: string) => a === '2>&1' || a === '2>/dev/null';
  return {
    argv: argv.filter((a) => !isRedirect(a)),
    mergeStderr: argv.includes('2>&1'),
    dropStderr: argv.includes('2>/dev/null'),
  };
}
