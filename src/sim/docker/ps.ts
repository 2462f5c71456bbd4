import { EPOCH_MS } from '../clock';
import { imageInfo } from '../images';
import { isUserDefinedName } from '../ipam';
import { inNoneNetwork, linkedContainers } from '../lookup';
import type { CommandResult, Container, World } from '../model';
import { sizeColumn } from './containerSize';
import { all, isSet, last, parseFlags } from './flags';
import { healthFilterValue, healthSuffix } from './healthState';
import { parseRef, storedImage, storeEntries, UNTAGGED } from './imageStore';
import { formatList } from './listFormat';
import { argsError, daemon, fail, flagError, humanDuration, ok, table } from './output';
import { portsColumn } from './ports';

/** `docker ps [-a] [-q] [--no-trunc]`: the CLI's default table, newest container first. */

/** The API's Command (moby v28.5.2 container/view.go:348-358): Path, then Args joined with spaces, an arg holding a space in single quotes. */
export function commandString(c: Container): string {
  const info = imageInfo(c.image);
  // with --entrypoint, `cmd` already starts with it
  const [path, ...args] = c.entrypoint ? c.cmd : [...info.entrypoint, ...(c.cmd.length ? c.cmd : info.defaultCmd)];
  return [path, ...args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
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
  // container/state.go String(): a restarting container counts from its last exit
  if (c.restartLoop) return `Restarting (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? c.startedAt))} ago`;
  if (c.state === 'running') return `Up ${humanDuration(now - c.startedAt)}${c.paused ? ' (Paused)' : healthSuffix(c)}`;
  if (c.state === 'exited') return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? c.startedAt))} ago`;
  return 'Created';
}

/**
 * The IMAGE cell: the reference as given, or the image's id once that reference was untagged
 * (`rmi -f` of an image in use: the daemon lists the ImageID, formatter/container.go truncates it).
 */
function imageColumn(world: World, c: Container, trunc: boolean): string {
  const familiar = parseRef(c.image).familiar;
  if (!storeEntries(world, c.daemon).includes(`${UNTAGGED}${familiar}`)) return c.image;
  const id = storedImage(c.image).id;
  return trunc ? id.slice(0, 12) : `sha256:${id}`;
}

/** State.Status: "paused" for a paused container, else its state. */
export const stateName = (c: Container): string => (c.paused ? 'paused' : c.restartLoop ? 'restarting' : c.state);

const createdMs = (c: Container) => Date.parse(c.created) - EPOCH_MS;

/** `docker ps --format` field headers (cli/command/formatter/container.go). */
const HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  Networks: 'NETWORKS',
};

/** api/types/container validStates (v28), in its order. */
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** api/types/container validHealths, in its order. */
const HEALTHS = ['none', 'starting', 'healthy', 'unhealthy'];

/** `--filter KEY=VALUE` (daemon/list.go): name, id, status, health, network; several values of a key OR. */
function filterList(
  world: World,
  list: Container[],
  specs: string[],
): { ok: true; list: Container[] } | { ok: false; error: string } {
  const by: Record<string, string[]> = {};
  for (const f of specs) {
    const eq = f.indexOf('=');
    const key = f.slice(0, eq).toLowerCase();
    by[key] = [...(by[key] ?? []), f.slice(eq + 1)];
  }
  for (const k of Object.keys(by)) {
    if (!['name', 'id', 'status', 'health', 'network'].includes(k))
      return { ok: false, error: daemon(`invalid filter '${k}'`) };
  }
  for (const v of by.status ?? [])
    if (!STATES.includes(v)) {
      // daemon/list.go wraps container.ValidateContainerState's error.
      const why = `invalid value for state (${v}): must be one of ${STATES.join(', ')}`;
      return { ok: false, error: daemon(`invalid filter 'status=${v}': ${why}`) };
    }
  for (const v of by.health ?? [])
    if (!HEALTHS.includes(v)) {
      const why = `invalid value for health (${v}): must be one of ${HEALTHS.join(', ')}`;
      return { ok: false, error: daemon(`invalid filter 'health=${v}': ${why}`) };
    }
  const nets = (c: Container) =>
    c.networkMode === 'host'
      ? [c.networkMode]
      : [
          ...(inNoneNetwork(c) ? ['none'] : []),
          ...c.endpoints.flatMap((e) => {
            const n = world.networks[e.networkId];
            return n ? [n.name, n.id] : [e.networkId];
          }),
        ];
  const keep = (c: Container) =>
    (!by.name || by.name.some((v) => new RegExp(v).test(`/${c.name}`))) &&
    (!by.id || by.id.some((v) => c.id.startsWith(v))) &&
    (!by.status || by.status.includes(stateName(c))) &&
    (!by.health || by.health.includes(healthFilterValue(c))) &&
    (!by.network || by.network.some((v) => nets(c).some((n) => n === v || (n.length === 64 && n.startsWith(v)))));
  return { ok: true, list: list.filter(keep) };
}

/** The "parent/alias" names of the links other containers hold to `c` (daemon name registry). */
function linkNamesOf(world: World, c: Container): string[] {
  const registered = Object.values(world.containers).filter((p) => !isUserDefinedName(p.networkMode));
  return registered.flatMap((parent) =>
    linkedContainers(world, parent)
      .filter(({ child }) => child.id === c.id)
      .map(({ alias }) => `${parent.name}/${alias}`),
  );
}

export function dockerPs(world: World, argv: string[], cmdPath = 'ps'): CommandResult {
  const p = parseFlags(argv, [
    { long: 'all', short: 'a' },
    { long: 'quiet', short: 'q' },
    { long: 'no-trunc' },
    { long: 'latest', short: 'l' },
    { long: 'size', short: 's' },
    { long: 'format', value: true },
    { long: 'filter', short: 'f', value: true },
    { long: 'last', short: 'n', value: true },
  ]);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  if (p.value.args.length) return fail(world, argsError(cmdPath, 'none', 0), 1);
  const filters = all(p.value, 'filter');
  const bad = filters.find((f) => !f.includes('='));
  if (bad !== undefined) {
    const msg = `invalid argument "${bad}" for "-f, --filter" flag: bad format of filter (expected name=value)`;
    return fail(world, flagError(cmdPath, msg), 125);
  }
  const showAll = isSet(p.value, 'all') || filters.some((f) => f.startsWith('status='));
  const trunc = !isSet(p.value, 'no-trunc');
  let list = Object.values(world.containers)
    .filter((c) => showAll || c.state === 'running' || c.restartLoop !== undefined)
    .sort((a, b) => b.seq - a.seq);
  const lastN = isSet(p.value, 'latest') ? 1 : Number(last(p.value, 'last') ?? -1);
  if (lastN >= 0) {
    list = Object.values(world.containers)
      .sort((a, b) => b.seq - a.seq)
      .slice(0, lastN);
  }
  const filtered = filterList(world, list, filters);
  if (!filtered.ok) return fail(world, filtered.error, 1);
  list = filtered.list;
  const id = (c: Container) => (trunc ? c.id.slice(0, 12) : c.id);
  if (isSet(p.value, 'quiet')) return ok(world, list.map(id).join('\n'));
  // list.go: -s asks the daemon for sizes; so does a template using .Size unless --size=false
  const sizeFlag = last(p.value, 'size');
  const format = last(p.value, 'format') ?? '';
  const sized = isSet(p.value, 'size') || (sizeFlag === undefined && /\.Size\b/.test(format));
  const row = (c: Container): Record<string, string> => {
    const cmd = commandString(c);
    return {
      ID: id(c),
      Image: imageColumn(world, c, trunc),
      Command: goQuote(trunc ? ellipsis(cmd, 20) : cmd),
      CreatedAt: c.created.replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC'),
      RunningFor: `${humanDuration(world.clock - createdMs(c))} ago`,
      Ports: portsColumn(world, c),
      State: stateName(c),
      Status: statusText(c, world.clock),
      Size: sizeColumn(world, c, sized),
      // --no-trunc adds the legacy link names (parent/alias) the daemon registered for this container.
      Names: trunc ? c.name : [c.name, ...linkNamesOf(world, c)].join(','),
      Labels: '',
      Mounts: '',
      Networks:
        c.networkMode === 'host'
          ? c.networkMode
          : [
              ...(inNoneNetwork(c) ? ['none'] : []),
              ...c.endpoints.map((e) => world.networks[e.networkId]?.name ?? e.networkId),
            ].join(','),
    };
  };
  const formatted = formatList(world, last(p.value, 'format'), () => list.map(row), HEADERS);
  if (formatted) return formatted;
  // NewContainerFormat: the default table gains {{.Size}} with -s
  const rows = [
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(sized ? ['SIZE'] : [])],
  ];
  for (const c of list) {
    const r = row(c);
    rows.push([r.ID, r.Image, r.Command, r.RunningFor, r.Status, r.Ports, r.Names, ...(sized ? [r.Size] : [])]);
  }
  return ok(world, table(rows));
}
