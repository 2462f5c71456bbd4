import { EPOCH_MS } from '../clock';
import { imageInfo } from '../images';
import type { CommandResult, Container, World } from '../model';
import { isSet, parseFlags } from './flags';
import { argsError, fail, flagError, humanDuration, ok, table } from './output';
import { portsColumn } from './ports';

/** `docker ps [-a] [-q] [--no-trunc]`: the CLI's default table, newest container first. */

/** The API's Command: entrypoint and args joined with spaces. */
export function commandString(c: Container): string {
  const info = imageInfo(c.image);
  return [...info.entrypoint, ...(c.cmd.length ? c.cmd : info.defaultCmd)].join(' ');
}

/** formatter.Ellipsis: at most `n` characters, the last one "…" when cut. */
function ellipsis(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
}

/** Go's strconv.Quote for the characters a command can hold. */
const goQuote = (s: string) => JSON.stringify(s);

/** The STATUS cell: "Up 3 seconds", "Exited (0) 2 seconds ago", "Created". */
export function statusText(c: Container, now: number): string {
  if (c.state === 'running') return `Up ${humanDuration(now - c.startedAt)}`;
  if (c.state === 'exited') return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? c.startedAt))} ago`;
  return 'Created';
}

const createdMs = (c: Container) => Date.parse(c.created) - EPOCH_MS;

export function dockerPs(world: World, argv: string[], cmdPath = 'ps'): CommandResult {
  const p = parseFlags(argv, [
    { long: 'all', short: 'a' },
    { long: 'quiet', short: 'q' },
    { long: 'no-trunc' },
    { long: 'latest', short: 'l' },
    { long: 'size', short: 's' },
  ]);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  if (p.value.args.length) return fail(world, argsError(cmdPath, 'none', 0), 1);
  const showAll = isSet(p.value, 'all');
  const trunc = !isSet(p.value, 'no-trunc');
  let list = Object.values(world.containers)
    .filter((c) => showAll || c.state === 'running')
    .sort((a, b) => b.seq - a.seq);
  if (isSet(p.value, 'latest'))
    list = Object.values(world.containers)
      .sort((a, b) => b.seq - a.seq)
      .slice(0, 1);
  const id = (c: Container) => (trunc ? c.id.slice(0, 12) : c.id);
  if (isSet(p.value, 'quiet')) return ok(world, list.map(id).join('\n'));
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
  for (const c of list) {
    const cmd = commandString(c);
    rows.push([
      id(c),
      c.image,
      goQuote(trunc ? ellipsis(cmd, 20) : cmd),
      `${humanDuration(world.clock - createdMs(c))} ago`,
      statusText(c, world.clock),
      portsColumn(c),
      c.name,
    ]);
  }
  return ok(world, table(rows));
}
