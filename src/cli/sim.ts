/**
 * The headless runner behind `npm run sim` (DESIGN.md §5, contract):
 *   npm run sim -- [--json] [--seed N] [--hosts N] [--desktop] FILE|-
 * prints `$ LINE` then its output for every line (or one JSON object a line with --json).
 * Exits 0 once it has read the whole input, whatever the commands' own exit codes; non-zero only
 * when the input cannot be read or the flags are wrong.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runScript } from '../sim/console';
import { presetWorld } from '../sim/desktop';
import type { World } from '../sim/model';
import { addDockerHost, DEFAULT_SEED } from '../sim/world';

/** docker-host … docker-host-10 (192.168.0.10 … .19). */
const MAX_HOSTS = 10;

export const USAGE = `Usage: npm run sim -- [--json] [--seed N] [--hosts N] [--desktop] FILE
Replays a whalewire console script (one command a line; FILE "-" reads stdin).
A line "%term NAME" switches terminal (a new one opens on the Docker host); a line "^C" is
Ctrl+C (it stops a tcpdump running in the foreground of that terminal).

  --json      one JSON object a line: {"command","machine","output","exitCode","trace"}
  --seed N    seed of the World's random ids and MACs (default ${DEFAULT_SEED})
  --hosts N   start with N Docker hosts: docker-host, docker-host-2 (192.168.0.11) … (default 1)
  --desktop   Docker Desktop: the engine runs in a VM (docker-desktop, 192.168.65.3) inside pc1
  -h, --help  this text`;

export interface RunOptions {
  json: boolean;
  seed: number;
  /** Docker hosts to start with (absent: 1) */
  hosts?: number;
  /** Docker Desktop's World (src/sim/desktop.ts) instead of the default one */
  desktop?: boolean;
}

/** The World a run starts from: the default one (or Docker Desktop's), plus hosts 2..N added in order. */
export function startWorld(opts: RunOptions): World {
  let w = presetWorld(opts.desktop ? 'desktop' : 'default', opts.seed);
  for (let i = 2; i <= (opts.hosts ?? 1); i++) {
    const r = addDockerHost(w);
    if (!r.ok) throw new Error(r.error);
    w = r.world;
  }
  return w;
}

/** Replays `text` and returns what the runner prints (the same for the same text and seed). */
export function runText(text: string, opts: RunOptions): string {
  const { lines, results, continued } = runScript(startWorld(opts), text);
  const out: string[] = [];
  results.forEach((r, i) => {
    // blank lines are skipped (DESIGN §5); comments stay, they narrate the transcript
    if (lines[i].trim() === '') return;
    if (opts.json) {
      out.push(
        JSON.stringify({
          command: lines[i],
          machine: r.machine,
          output: r.output,
          exitCode: r.exitCode,
          trace: r.trace ?? null,
        }),
      );
    } else {
      // a heredoc's body and a quote's next lines follow bash's continuation prompt
      out.push(`${continued[i] ? '>' : '$'} ${lines[i]}`);
      if (r.output) out.push(r.output);
    }
  });
  return out.length ? `${out.join('\n')}\n` : '';
}

export type ParsedArgs = { ok: true; file: string; opts: RunOptions } | { ok: false; help: boolean; error?: string };

/** Parses the runner's argv (everything after the script name). */
export function parseArgs(argv: string[]): ParsedArgs {
  let json = false;
  let seed = DEFAULT_SEED;
  let hosts: number | undefined;
  let desktop = false;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return { ok: false, help: true };
    if (a === '--json') json = true;
    else if (a === '--desktop') desktop = true;
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a.includes('=') ? a.slice('--seed='.length) : argv[++i];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 0xffffffff) {
        return {
          ok: false,
          help: false,
          error: `--seed needs a whole number from 0 to 4294967295, got ${v === undefined ? 'nothing' : `"${v}"`}`,
        };
      }
      seed = Number(v);
    } else if (a === '--hosts' || a.startsWith('--hosts=')) {
      const v = a.includes('=') ? a.slice('--hosts='.length) : argv[++i];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_HOSTS) {
        return {
          ok: false,
          help: false,
          error: `--hosts needs a whole number from 1 to ${MAX_HOSTS}, got ${v === undefined ? 'nothing' : `"${v}"`}`,
        };
      }
      hosts = Number(v);
    } else if (a.startsWith('-') && a !== '-') return { ok: false, help: false, error: `unknown option ${a}` };
    else if (file !== undefined)
      return { ok: false, help: false, error: `only one FILE is read, got "${file}" and "${a}"` };
    else file = a;
  }
  if (file === undefined) return { ok: false, help: false, error: 'no FILE given (use - to read stdin)' };
  return {
    ok: true,
    file,
    opts: { json, seed, ...(hosts !== undefined ? { hosts } : {}), ...(desktop ? { desktop } : {}) },
  };
}

function main(argv: string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`sim: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(parsed.file === '-' ? 0 : parsed.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String((e as Error).message);
    process.stderr.write(`sim: cannot read ${parsed.file === '-' ? 'stdin' : parsed.file}: ${why}\n`);
    return 1;
  }
  process.stdout.write(runText(text, parsed.opts));
  return 0;
}

const invokedDirectly = (() => {
  try {
    return (
      process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
})();

if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
