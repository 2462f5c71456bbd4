/**
 * Command lists and command substitution on a console line, the way bash reads them:
 * `docker network create n && docker run --network n …`, `a ; b`, `a || b`, and
 * `docker rm -f $(docker ps -aq)`. Pure string work; the console runs the pieces. Where a line
 * splits is the lexer's answer (lexer.ts).
 */

export { firstSubstitution, type ListItem, type ListOp, type Substitution, splitList } from './lexer';

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
