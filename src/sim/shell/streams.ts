import { defaultCwd, fsOwner, kindAt, PROBLEM_WORDS, readStored, resolvePath, writeFile, writeProblem } from '../fs';
import type { World } from '../model';
import type { Where } from '../where';
import { isStderrLine } from './pipe';
import type { Redirect } from './redirect';

/**
 * Where a command's streams go once its redirections are read: `> file` and `>> file` write
 * stdout into the filesystem (stderr stays on the terminal, unless `&>`), `< file` and heredocs
 * feed stdin. Messages are bash's.
 */

export interface Streams {
  /** stderr joins stdout (`2>&1`) */
  mergeStderr: boolean;
  /** stderr is dropped (`2>/dev/null`) */
  dropStderr: boolean;
  /** stdout goes to a file or /dev/null */
  stdout?: Redirect;
  /** stdin comes from a file (`< file`) */
  stdinFile?: string;
  /** the command reads a heredoc */
  heredoc: boolean;
}

export function streamsOf(redirects: Redirect[]): Streams {
  const s: Streams = { mergeStderr: false, dropStderr: false, heredoc: false };
  for (const r of redirects) {
    if (r.fd === 2 && r.op === '>&' && r.target === '1') s.mergeStderr = true;
    else if (r.fd === 2 && r.op === '>' && r.target === '/dev/null') s.dropStderr = true;
    else if (r.fd === 1 && (r.op === '>' || r.op === '>>')) s.stdout = r;
    else if (r.op === '<') s.stdinFile = r.target;
    else if (r.op === '<<' || r.op === '<<-') s.heredoc = true;
  }
  return s;
}

/** The text `< file` reads, or bash's error. */
export function readStdin(world: World, where: Where, file: string): { text: string } | { error: string } {
  const owner = fsOwner(where);
  const path = resolvePath(where.cwd ?? defaultCwd(where), file);
  const kind = kindAt(world, owner, path);
  if (kind === null) return { error: `bash: ${file}: No such file or directory` };
  if (kind === 'dir') return { error: `bash: ${file}: Is a directory` };
  return { text: readStored(world, owner, path) ?? '' };
}

/**
 * Sends a command's stdout to the file its redirection names: the World with the file written and
 * what stays on the terminal (stderr lines), or bash's error when the file cannot be opened.
 */
export function redirectStdout(
  world: World,
  where: Where,
  r: Redirect,
  output: string,
  tool: string,
): { world: World; output: string; exitCode?: number } {
  const lines = output === '' ? [] : output.split('\n');
  const toFile = lines.filter((l) => r.both || !isStderrLine(tool, l));
  const stays = lines.filter((l) => !r.both && isStderrLine(tool, l));
  if (r.target === '/dev/null') return { world, output: stays.join('\n') };
  const owner = fsOwner(where);
  const path = resolvePath(where.cwd ?? defaultCwd(where), r.target);
  const bad = writeProblem(world, owner, path);
  if (bad) {
    return { world, output: `bash: ${r.target}: ${PROBLEM_WORDS[bad]}`, exitCode: 1 };
  }
  const text = toFile.length ? `${toFile.join('\n')}\n` : '';
  return { world: writeFile(world, owner, path, text, r.op === '>>'), output: stays.join('\n') };
}
