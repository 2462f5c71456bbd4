import { containersOn } from '../lookup';
import type { CommandResult, Network, World } from '../model';
import { swarmNetworkListed } from '../swarm/state';
import { all, isSet, last, parseFlags } from './flags';
import { formatList } from './listFormat';
import { argsError, daemon, fail, flagError, naturalCompare, ok, table } from './output';

/** `docker network ls [-q] [--no-trunc] [-f KEY=VALUE] [--format]` (cli/command/network/list.go). */

const HEADERS: Record<string, string> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};
const KEYS = ['driver', 'type', 'name', 'id', 'label', 'scope', 'dangling'];

/** filters.Args.Match: the exact value, or a regular expression found in it. */
const matches = (values: string[], source: string) =>
  values.some((v) => {
    if (v === source) return true;
    try {
      return new RegExp(v).test(source);
    } catch {
      return false;
    }
  });

/** daemon/network/filter.go: which networks every given filter keeps, or the daemon's error. */
function filterNetworks(world: World, nets: Network[], specs: string[]): Network[] | string {
  const by: Record<string, string[]> = {};
  for (const f of specs) {
    const eq = f.indexOf('=');
    const key = f.slice(0, eq).toLowerCase();
    by[key] = [...(by[key] ?? []), f.slice(eq + 1)];
  }
  const unknown = Object.keys(by).find((k) => !KEYS.includes(k));
  // api/types/filters invalidFilter and daemon/network/filter.go: both lower-case since moby 20.10.
  if (unknown) return `invalid filter '${unknown}'`;
  const badType = by.type?.find((t) => t !== 'builtin' && t !== 'custom');
  if (badType) return `invalid filter: 'type'='${badType}'`;
  const labelOk = (n: Network) =>
    by.label.every((l) => {
      const eq = l.indexOf('=');
      return eq < 0 ? l in n.labels : n.labels[l.slice(0, eq)] === l.slice(eq + 1);
    });
  return nets.filter(
    (n) =>
      (!by.driver || by.driver.includes(n.driver)) &&
      (!by.name || matches(by.name, n.name)) &&
      (!by.id || matches(by.id, n.id)) &&
      (!by.scope || by.scope.includes(n.scope)) &&
      (!by.type || by.type.includes(n.predefined ? 'builtin' : 'custom')) &&
      (!by.label || labelOk(n)) &&
      (!by.dangling ||
        by.dangling.every((d) =>
          ['true', '1'].includes(d) ? !n.predefined && !containersOn(world, n.id).length : true,
        )),
  );
}

export function networkLs(world: World, argv: string[], daemonId?: string): CommandResult {
  const p = parseFlags(argv, [
    { long: 'quiet', short: 'q' },
    { long: 'no-trunc' },
    { long: 'filter', short: 'f', value: true },
    { long: 'format', value: true },
  ]);
  if (!p.ok) return fail(world, flagError('network ls', p.error), 125);
  if (p.value.args.length) return fail(world, argsError('network ls', 'none', 0), 1);
  const filters = all(p.value, 'filter');
  const bad = filters.find((f) => !f.includes('='));
  if (bad !== undefined) {
    const msg = `invalid argument "${bad}" for "-f, --filter" flag: bad format of filter (expected name=value)`;
    return fail(world, flagError('network ls', msg), 125);
  }
  const kept = filterNetworks(
    world,
    Object.values(world.networks)
      .filter((n) => daemonId === undefined || n.scope !== 'swarm' || swarmNetworkListed(world, daemonId, n))
      .sort((a, b) => naturalCompare(a.name, b.name)),
    filters,
  );
  if (typeof kept === 'string') return fail(world, daemon(kept), 1);
  const id = (n: Network) => (isSet(p.value, 'no-trunc') ? n.id : n.id.slice(0, 12));
  if (isSet(p.value, 'quiet')) return ok(world, kept.map(id).join('\n'));
  const row = (n: Network) => ({
    ID: id(n),
    Name: n.name,
    Driver: n.driver,
    Scope: n.scope,
    IPv4: String(n.enableIPv4 !== false),
    IPv6: String(n.enableIPv6 === true),
    Internal: String(n.internal),
    Labels: Object.entries(n.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    CreatedAt: n.created.replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC'),
  });
  const formatted = formatList(world, last(p.value, 'format'), () => kept.map(row), HEADERS);
  if (formatted) return formatted;
  const rows = [['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...kept.map((n) => [id(n), n.name, n.driver, n.scope])];
  return ok(world, table(rows));
}
