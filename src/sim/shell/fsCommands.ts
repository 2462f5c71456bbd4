import {
  childrenOf,
  defaultCwd,
  fsOwner,
  GENERATED,
  kindAt,
  PROBLEM_WORDS,
  parentOf,
  readOnlyAt,
  readStored,
  resolvePath,
  withTree,
  writeFile,
  writeProblem,
} from '../fs';
import type { CommandResult, World } from '../model';
import type { Where } from '../where';
import { catCommand } from './files';
import type { ShellCommand } from './index';
import { shellVoice } from './tools';

/**
 * pwd, cd, ls, mkdir, rm, touch, cat and the editors over the small filesystem of fs.ts, worded
 * as GNU coreutils and bash word them (busybox's where its ash differs).
 */

const cwdOf = (where: Where) => where.cwd ?? defaultCwd(where);
const ok = (world: World, output = ''): CommandResult => ({ world, output, exitCode: 0 });

/** Splits `-la` style flags from operands (a lone `-` and everything after `--` are operands). */
function parseArgs(argv: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let done = false;
  for (const a of argv.slice(1)) {
    if (!done && a === '--') done = true;
    else if (!done && a.startsWith('-') && a.length > 1) for (const f of a.slice(1)) flags.add(f);
    else operands.push(a);
  }
  return { flags, operands };
}

const pwd: ShellCommand = (world, _argv, where) => ok(world, cwdOf(where));

const cd: ShellCommand = (world, argv, where) => {
  const target = argv[1] ?? '~';
  const path = resolvePath(cwdOf(where), target);
  const kind = kindAt(world, fsOwner(where), path);
  const voice = shellVoice(world, where);
  const reason = kind === null ? 'No such file or directory' : kind === 'file' ? 'Not a directory' : null;
  if (reason) {
    const output =
      voice.kind === 'bash'
        ? `${voice.name}: cd: ${target}: ${reason}`
        : voice.kind === 'dash'
          ? `${voice.name}: ${voice.line ?? 1}: cd: can't cd to ${target}`
          : `${voice.name}: cd: can't cd to ${target}: ${reason}`;
    return { world, output, exitCode: 1 };
  }
  return { world, output: '', exitCode: 0, cwd: path };
};

/** A date as `ls -l` shows one from this year: `Jan  1 00:00`. */
function lsDate(clock: number): string {
  const d = new Date(Date.UTC(2026, 0, 1) + clock);
  const mon = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[d.getUTCMonth()];
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${hh}:${mm}`;
}

function longLine(world: World, owner: string, path: string, name: string): string {
  const kind = kindAt(world, owner, path);
  const text = readStored(world, owner, path) ?? '';
  const size = kind === 'dir' ? 4096 : new TextEncoder().encode(text).length;
  const mode = kind === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--';
  return `${mode} ${kind === 'dir' ? 2 : 1} root root ${String(size).padStart(4)} ${lsDate(world.clock)} ${name}`;
}

const ls: ShellCommand = (world, argv, where) => {
  const { flags, operands } = parseArgs(argv);
  const owner = fsOwner(where);
  const targets = operands.length ? operands : ['.'];
  const errs: string[] = [];
  const blocks: string[] = [];
  const many = targets.length > 1;
  for (const t of targets) {
    const path = resolvePath(cwdOf(where), t);
    const kind = kindAt(world, owner, path);
    if (kind === null) {
      errs.push(`ls: cannot access '${t}': No such file or directory`);
      continue;
    }
    let names = kind === 'dir' ? childrenOf(world, owner, path) : [t];
    if (kind === 'dir' && !flags.has('a')) names = names.filter((n) => !n.startsWith('.'));
    if (kind === 'dir' && flags.has('a')) names = ['.', '..', ...names];
    const full = (n: string) => (kind === 'dir' ? resolvePath(path, n) : path);
    const body = flags.has('l')
      ? [`total ${names.length * 4}`, ...names.map((n) => longLine(world, owner, full(n), n))].join('\n')
      : names.join(flags.has('1') ? '\n' : '  ');
    blocks.push(many && kind === 'dir' ? `${t}:\n${body}` : body);
  }
  const out = [...errs, ...blocks.filter((b, i) => b !== '' || many || i > 0)].join(many ? '\n\n' : '\n');
  return { world, output: out, exitCode: errs.length ? 2 : 0 };
};

const mkdir: ShellCommand = (world, argv, where) => {
  const { flags, operands } = parseArgs(argv);
  if (operands.length === 0)
    return { world, output: "mkdir: missing operand\nTry 'mkdir --help' for more information.", exitCode: 1 };
  const owner = fsOwner(where);
  let w = world;
  const errs: string[] = [];
  for (const d of operands) {
    const path = resolvePath(cwdOf(where), d);
    if (kindAt(w, owner, path) !== null) {
      if (!(flags.has('p') && kindAt(w, owner, path) === 'dir'))
        errs.push(`mkdir: cannot create directory ‘${d}’: File exists`);
      continue;
    }
    const missing: string[] = [];
    for (let p = parentOf(path); kindAt(w, owner, p) === null; p = parentOf(p)) missing.unshift(p);
    if (missing.length && !flags.has('p')) {
      errs.push(`mkdir: cannot create directory ‘${d}’: No such file or directory`);
      continue;
    }
    if (kindAt(w, owner, parentOf(missing[0] ?? path)) === 'file') {
      errs.push(`mkdir: cannot create directory ‘${d}’: Not a directory`);
      continue;
    }
    const owning = w.containers[owner];
    if (owning && readOnlyAt(owning, missing[0] ?? path)) {
      errs.push(`mkdir: cannot create directory ‘${d}’: Read-only file system`);
      continue;
    }
    w = withTree(w, owner, (t) => {
      for (const p of [...missing, path]) t[p] = null;
    });
  }
  return { world: w, output: errs.join('\n'), exitCode: errs.length ? 1 : 0 };
};

const rm: ShellCommand = (world, argv, where) => {
  const { flags, operands } = parseArgs(argv);
  const recursive = flags.has('r') || flags.has('R');
  if (operands.length === 0 && !flags.has('f'))
    return { world, output: "rm: missing operand\nTry 'rm --help' for more information.", exitCode: 1 };
  const owner = fsOwner(where);
  let w = world;
  const errs: string[] = [];
  for (const f of operands) {
    const path = resolvePath(cwdOf(where), f);
    const kind = kindAt(w, owner, path);
    if (kind === null) {
      if (!flags.has('f')) errs.push(`rm: cannot remove '${f}': No such file or directory`);
    } else if (kind === 'dir' && !recursive) errs.push(`rm: cannot remove '${f}': Is a directory`);
    else if (path === '/') errs.push(`rm: it is dangerous to operate recursively on '/'`);
    else if (GENERATED.includes(path)) errs.push(`rm: cannot remove '${f}': Device or resource busy`);
    else
      w = withTree(w, owner, (t) => {
        for (const p of Object.keys(t)) if (p === path || p.startsWith(`${path}/`)) delete t[p];
      });
  }
  return { world: w, output: errs.join('\n'), exitCode: errs.length ? 1 : 0 };
};

const touch: ShellCommand = (world, argv, where) => {
  const { operands } = parseArgs(argv);
  const owner = fsOwner(where);
  let w = world;
  const errs: string[] = [];
  for (const f of operands) {
    const path = resolvePath(cwdOf(where), f);
    if (kindAt(w, owner, path) !== null) continue;
    const bad = writeProblem(w, owner, path);
    if (bad) errs.push(`touch: cannot touch '${f}': ${PROBLEM_WORDS[bad === 'dir' ? 'nodir' : bad]}`);
    else w = writeFile(w, owner, path, '');
  }
  return { world: w, output: errs.join('\n'), exitCode: errs.length ? 1 : 0 };
};

/** `cat FILE…`: stored files, then the networking files Docker writes. */
const cat: ShellCommand = (world, argv, where) => {
  const owner = fsOwner(where);
  const out: string[] = [];
  let exitCode = 0;
  for (const f of argv.slice(1)) {
    const path = resolvePath(cwdOf(where), f);
    const stored = readStored(world, owner, path);
    const kind = kindAt(world, owner, path);
    if (stored !== undefined) out.push(stored.endsWith('\n') ? stored.slice(0, -1) : stored);
    else if (kind === 'dir') {
      out.push(`cat: ${f}: Is a directory`);
      exitCode = 1;
    } else {
      const r = catCommand(world, ['cat', path], where);
      out.push(r.exitCode === 0 ? r.output : `cat: ${f}: No such file or directory`);
      if (r.exitCode !== 0) exitCode = 1;
    }
  }
  return { world, output: out.join('\n'), exitCode };
};

/** `nano FILE` / `vi FILE`: the console opens its editor (a new file is created when saved). */
const edit: ShellCommand = (world, argv, where) => {
  const { operands } = parseArgs(argv);
  if (operands.length === 0) return { world, output: `${argv[0]}: a file name is needed here`, exitCode: 1 };
  const path = resolvePath(cwdOf(where), operands[0]);
  if (kindAt(world, fsOwner(where), path) === 'dir')
    return { world, output: `${argv[0]}: ${operands[0]}: Is a directory`, exitCode: 1 };
  return { world, output: '', exitCode: 0, edit: path };
};

export const fsCommands: Record<string, ShellCommand> = {
  pwd,
  cd,
  ls,
  mkdir,
  rm,
  touch,
  cat,
  nano: edit,
  vi: edit,
  vim: edit,
};
