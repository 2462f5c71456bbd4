import { containerNamed } from './containerIndex';
import { driverOf } from './drivers';
import { memoFrozen } from './memo';
import type { Container, Endpoint, Network, World } from './model';

/**
 * Finding containers and networks the way the daemon does, shared by every command.
 * Containers (daemon.GetContainer): full id, then name (a leading "/" allowed), then a unique id
 * prefix. Networks (daemon.FindNetwork): full id, then name, then a unique id prefix.
 */

export type Lookup<T> = { ok: true; value: T } | { ok: false; error: string };

/** A container by name, full id or unique id prefix, or the daemon's error (without "Error response from daemon: "). */
export function lookupContainer(world: World, ref: string): Lookup<Container> {
  const byId = Object.hasOwn(world.containers, ref) ? world.containers[ref] : undefined;
  if (byId) return { ok: true, value: byId };
  const byName = containerNamed(world, ref.startsWith('/') ? ref.slice(1) : ref);
  if (byName) return { ok: true, value: byName };
  if (ref !== '' && /^[0-9a-f]+$/.test(ref)) {
    const hits = Object.values(world.containers).filter((c) => c.id.startsWith(ref));
    if (hits.length === 1) return { ok: true, value: hits[0] };
    if (hits.length > 1) return { ok: false, error: `Multiple IDs found with provided prefix: ${ref}` };
  }
  return { ok: false, error: `No such container: ${ref}` };
}

/** A container by name, full id or unique id prefix; null when none or ambiguous. */
export function findContainer(world: World, ref: string): Container | null {
  const r = lookupContainer(world, ref);
  return r.ok ? r.value : null;
}

const networkNamed = new WeakMap<World['networks'], Map<string, Network | undefined>>();

/** A network by full id, name or unique id prefix, or the daemon's error (fact 22). */
export function lookupNetwork(world: World, ref: string): Lookup<Network> {
  const byId = Object.hasOwn(world.networks, ref) ? world.networks[ref] : undefined;
  if (byId) return { ok: true, value: byId };
  // kept per frozen record: the scale workload names one of hundreds of networks every `docker run` (issue 12)
  const nets = world.networks;
  const byName = memoFrozen(networkNamed, nets, ref, () => Object.values(nets).find((n) => n.name === ref));
  if (byName) return { ok: true, value: byName };
  if (ref !== '' && /^[0-9a-f]+$/.test(ref)) {
    const hits = Object.values(nets).filter((n) => n.id.startsWith(ref));
    if (hits.length === 1) return { ok: true, value: hits[0] };
    if (hits.length > 1) {
      return { ok: false, error: `network ${ref} is ambiguous (${hits.length} matches found based on ID prefix)` };
    }
  }
  return { ok: false, error: `network ${ref} not found` };
}

/** A network by name, full id or unique id prefix; null when none or ambiguous. */
export function findNetwork(world: World, ref: string): Network | null {
  const r = lookupNetwork(world, ref);
  return r.ok ? r.value : null;
}

/** Running containers attached to a network (live endpoint), in creation order. */
export function containersOn(world: World, networkId: string): Container[] {
  return Object.values(world.containers).filter(
    (c) => c.state === 'running' && c.endpoints.some((e) => e.networkId === networkId && e.endpointId !== undefined),
  );
}

/**
 * Names the embedded DNS answers for an endpoint (fact 29): `[name, aliases…, short id, hostname]`
 * de-duplicated, only on user-defined networks; null on the default bridge (as inspect shows).
 */
export function endpointDnsNames(world: World, c: Container, ep: Endpoint): string[] | null {
  const net = world.networks[ep.networkId];
  if (!net || net.predefined) return null;
  return [...new Set([c.name, ...ep.aliases, c.id.slice(0, 12), c.hostname])];
}

/** Whether the container is on the predefined "none" network (its mode, or a later connect/disconnect). */
export function inNoneNetwork(c: Container): boolean {
  return c.noneAttached ?? c.networkMode === 'none';
}

/** opts.ParseLink: `name:alias` or `name` (alias = name), or the CLI's error. */
export function parseLink(val: string): { name: string; alias: string } | { error: string } {
  if (val === '') return { error: 'empty string specified for links' };
  const arr = val.split(':');
  if (arr.length > 2) return { error: `bad format for links: ${val}` };
  if (arr.length === 1) return { name: val, alias: val };
  return { name: arr[0], alias: arr[1] };
}

/** A container's links whose target still exists: the child and the alias (registered at create). */
export function linkedContainers(world: World, c: Container): { child: Container; alias: string }[] {
  const out: { child: Container; alias: string }[] = [];
  for (const l of c.links ?? []) {
    const p = parseLink(l);
    const child = 'error' in p ? null : findContainer(world, p.name);
    if (child && !('error' in p)) out.push({ child, alias: p.alias });
  }
  return out;
}

/** The predefined default bridge endpoint of a container, if it has one. */
export function defaultBridgeEndpoint(world: World, c: Container): Endpoint | undefined {
  return c.endpoints.find((e) => {
    const n = world.networks[e.networkId];
    return n?.predefined && n.name === 'bridge';
  });
}

/**
 * Legacy links' /etc/hosts records on the default bridge (daemon buildSandboxOptions): the
 * child's bridge address, then "alias hostname" and the child's name when it differs from the alias.
 */
export function linkHostRecords(world: World, c: Container): { ip: string; names: string[] }[] {
  if (c.networkMode !== 'bridge' || !defaultBridgeEndpoint(world, c)) return [];
  const out: { ip: string; names: string[] }[] = [];
  for (const { child, alias } of linkedContainers(world, c)) {
    // the line written at this container's start (or the child's last start); saves from before
    // linkHosts existed look the running child up
    const ip =
      c.linkHosts?.[child.id] ?? (child.state === 'running' ? defaultBridgeEndpoint(world, child)?.ip : undefined);
    if (!ip) continue;
    out.push({ ip, names: [alias, child.hostname, ...(alias !== child.name ? [child.name] : [])] });
  }
  return out;
}

/** On a user-defined network a link is an alias only the linking container resolves (libnetwork ep.aliases). */
export function linkAliasTarget(c: Container, name: string): string | null {
  // `run --link` and `network connect --link` (EndpointSettings.Links, buildJoinOptions' CreateOptionAlias)
  for (const l of [...(c.links ?? []), ...c.endpoints.flatMap((e) => e.links ?? [])]) {
    const p = parseLink(l);
    if (!('error' in p) && p.alias.toLowerCase() === name) return p.name.toLowerCase();
  }
  return null;
}

/**
 * A sandbox's endpoints in libnetwork's order (moby v28.5.2 libnetwork/sandbox.go Endpoint.Less,
 * kept by addEndpoint): higher gw-priority first, docker_gwbridge's after the others, internal
 * networks' after those with external access, then by network name. The first of them with a
 * gateway is the gateway endpoint (default_gateway.go selectGatewayEndpoint), whatever order the
 * networks were attached in.
 */
export function endpointsByPriority(world: World, eps: readonly Endpoint[]): Endpoint[] {
  const key = (e: Endpoint) => {
    const n = world.networks[e.networkId];
    return {
      prio: e.gwPriority ?? 0,
      gwbridge: n?.name === 'docker_gwbridge',
      internal: !!n?.internal,
      name: n?.name ?? '',
    };
  };
  return [...eps]
    .map((e) => ({ e, k: key(e) }))
    .sort(
      (a, b) =>
        b.k.prio - a.k.prio ||
        Number(a.k.gwbridge) - Number(b.k.gwbridge) ||
        Number(a.k.internal) - Number(b.k.internal) ||
        (a.k.name < b.k.name ? -1 : a.k.name > b.k.name ? 1 : 0),
    )
    .map((x) => x.e);
}

/**
 * The endpoint that gives a container its default gateway and carries its published ports
 * (libnetwork's gateway endpoint): in endpointsByPriority's order, the first on a network whose
 * driver publishes (a bridge that is not internal). None when every network is internal: such a
 * container publishes nothing.
 */
export function gatewayEndpoint(world: World, c: Container): Endpoint | undefined {
  return endpointsByPriority(world, c.endpoints).find((e) => {
    const n = world.networks[e.networkId];
    return n !== undefined && driverOf(n).publishes(n);
  });
}

/** The address `host-gateway` stands for: the daemon's default bridge gateway (config HostGatewayIPs). */
export function hostGatewayIp(world: World, c: Container): string | undefined {
  const docker0 = Object.values(world.networks).find(
    (n) => n.predefined && n.driver === 'bridge' && (n.daemon === c.daemon || n.daemon === null),
  );
  return docker0?.ipam?.gateway;
}

/** --add-host records (HostConfig.ExtraHosts "name:ip"), in the order given. */
export function addHostRecords(world: World, c: Container): { ip: string; names: string[] }[] {
  const out: { ip: string; names: string[] }[] = [];
  for (const e of c.extraHosts ?? []) {
    const i = e.indexOf(':');
    const name = e.slice(0, i);
    let ip: string | undefined = e.slice(i + 1);
    if (ip === 'host-gateway') ip = hostGatewayIp(world, c);
    else if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    if (ip) out.push({ ip, names: [name] });
  }
  return out;
}

/** What /etc/hosts holds beside the defaults and the own line: --add-host first, then --link records. */
export function extraHostRecords(world: World, c: Container): { ip: string; names: string[] }[] {
  return [...addHostRecords(world, c), ...linkHostRecords(world, c)];
}

/** The names of the container's own /etc/hosts line: the FQDN, then the bare name when there is a domain. */
export function hostsNames(c: Container): string[] {
  const fqdn = c.domainname ? `${c.hostname}.${c.domainname}` : c.hostname;
  const dot = fqdn.indexOf('.');
  return dot > 0 ? [fqdn, fqdn.slice(0, dot)] : [fqdn];
}
