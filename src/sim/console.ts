import { runDocker } from './docker';
import { DOCKER_HOST } from './ids';
import type { Trace, World } from './model';
import { runShell } from './shell';
import type { Where } from './where';

/** A console: the World and where typed lines run (a stack: `docker run -it … bash` pushes a container). */
export interface Session {
  world: World;
  stack: Where[];
}

export interface LineResult {
  session: Session;
  /** the machine or container id the line ran on (for the runner's --json "machine") */
  machine: string;
  output: string;
  exitCode: number;
  trace?: Trace;
}

export function createSession(world: World): Session {
  return { world, stack: [{ kind: 'machine', id: DOCKER_HOST }] };
}

/** Splits a command line into argv, honouring single and double quotes and backslash escapes. */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inTok = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inTok = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inTok = true;
    } else if (/\s/.test(ch)) {
      if (inTok) out.push(cur);
      cur = '';
      inTok = false;
    } else {
      cur += ch;
      inTok = true;
    }
  }
  if (inTok) out.push(cur);
  return out;
}

/** Runs one console line (DESIGN.md §5). */
export function runLine(session: Session, line: string): LineResult {
  const where = session.stack[session.stack.length - 1];
  const trimmed = line.trim();
  const machine = where.id;
  if (trimmed === '' || trimmed.startsWith('#')) return { session, machine, output: '', exitCode: 0 };
  const argv = tokenize(trimmed);
  const res =
    argv[0] === 'docker'
      ? runDocker(session.world, argv.slice(1), where)
      : runShell(session.world, argv, where, trimmed);
  return {
    session: { ...session, world: res.world },
    machine,
    output: res.output,
    exitCode: res.exitCode,
    trace: res.trace,
  };
}
