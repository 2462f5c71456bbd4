import { produce } from '../containerIndex';
import { isNodeLocalSwarm } from '../drivers';
import { endpointSettingsError } from '../ipam';
import { gatewayEndpoint, inNoneNetwork, lookupContainer, lookupNetwork, parseLink } from '../lookup';
import type { CommandResult, Container, Endpoint, Network, World } from '../model';
import { advertiseEndpoints } from '../net/garp';
import { nodeLocalInstanceNotSimulated } from '../swarm/nodeLocal';
import { notAttachable } from '../swarm/state';
import { syncDefaultGw } from '../swarm/taskContainer';
import { attachEndpoint } from './endpoint';
import { all, last, parseFlags } from './flags';
import { argsError, daemon, fail, flagError, ok } from './output';
import { bindPorts } from './ports';

/** Attaching running or stopped containers to networks and detaching them (facts 15, 19, 20, 23). */

/** strconv.ParseInt(s, 0, 64) without underscores: decimal, 0x/0o/0b, a leading 0 for octal; else its error's reason. */
function parseGoInt(s: string): number | string {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return 'invalid syntax';
  const body = /^0[0-7]+$/.test(m[2]) ? `0o${m[2].slice(1)}` : m[2];
  const v = BigInt(body) * (m[1] === '-' ? -1n : 1n);
  if (v > 9223372036854775807n || v < -9223372036854775808n) return 'value out of range';
  return Number(v);
}

/** `docker network connect [--ip] [--alias] NETWORK CONTAINER`: a running container's endpoint comes up at once. */
export function connect(world: World, argv: string[]): CommandResult {
  const p = parseFlags(argv, [
    { long: 'ip', value: true },
    { long: 'alias', value: true },
    { long: 'ip6', value: true },
    { long: 'link', value: true },
    { long: 'driver-opt', value: true },
    { long: 'gw-priority', value: true },
    { long: 'link-local-ip', value: true },
  ]);
  if (!p.ok) return fail(world, flagError('network connect', p.error), 125);
  // pflag IntVar: strconv.ParseInt(s, 0, 64) into an int
  const prioText = last(p.value, 'gw-priority');
  const gwPriority = prioText === undefined ? 0 : parseGoInt(prioText);
  if (typeof gwPriority === 'string') {
    const msg = `invalid argument "${prioText}" for "--gw-priority" flag: strconv.ParseInt: parsing "${prioText}": ${gwPriority}`;
    return fail(world, flagError('network connect', msg), 125);
  }
  // opts.ValidateLink (pflag Set), then runConnect's convertDriverOpt
  for (const l of all(p.value, 'link')) {
    const r = parseLink(l);
    if ('error' in r)
      return fail(world, flagError('network connect', `invalid argument "${l}" for "--link" flag: ${r.error}`), 125);
  }
  const driverOpts: Record<string, string> = {};
  for (const o of all(p.value, 'driver-opt').flatMap((v) => v.split(','))) {
    const eq = o.indexOf('=');
    const k = eq < 0 ? '' : o.slice(0, eq).trim();
    if (k === '') return fail(world, 'invalid key/value pair format in driver options', 1);
    driverOpts[k] = o.slice(eq + 1).trim();
  }
  const links = all(p.value, 'link');
  const pair = networkAndContainer(world, 'network connect', p.value.args);
  if ('error' in pair) return pair.error;
  const { net, ctr } = pair;
  const ip = last(p.value, 'ip');
  const ip6 = last(p.value, 'ip6') || undefined;
  const aliases = all(p.value, 'alias');
  const refuse = (msg: string) => fail(world, daemon(msg), 1);
  // daemon/container_operations.go connectToNetwork, then updateNetworkConfig/updateNetworkSettings.
  if (ctr.networkMode.startsWith('container:')) {
    return refuse(
      'container sharing network namespace with another container or host cannot be connected to any other network',
    );
  }
  if (net.driver === 'overlay' && (!net.attachable || net.ingress)) return refuse(notAttachable(net.name));
  if (isNodeLocalSwarm(net))
    return net.attachable ? fail(world, nodeLocalInstanceNotSimulated(net), 1) : refuse(notAttachable(net.name));
  // a StringSlice: each value is a comma-separated list
  const linkLocal = all(p.value, 'link-local-ip').flatMap((v) => v.split(','));
  const bad = endpointSettingsError(net.name, net, ip, aliases, linkLocal, ip6);
  if (bad) return refuse(bad);
  if (net.driver === 'host' && ctr.networkMode !== 'host') {
    return refuse('cannot connect container to host network - container must be created in host network mode');
  }
  const isNone = net.predefined && net.driver === 'null';
  const host = ctr.networkMode === 'host';
  const already = isNone
    ? inNoneNetwork(ctr)
    : host
      ? net.name === 'host'
      : ctr.endpoints.some((e) => e.networkId === net.id);
  if (already) {
    // A stopped container keeps its config ("avoid duplicate config"); a running one has the endpoint.
    if (ctr.state !== 'running') return ok(world, '');
    return refuse(`endpoint with name ${ctr.name} already exists in network ${net.name}`);
  }
  if (host) {
    return refuse(
      'container sharing network namespace with another container or host cannot be connected to any other network',
    );
  }
  // updateNetworkSettings compares with the networks the container is on now: none conflicts with
  // any other, so a container disconnected from none (or from everything) may join again (moby#39345).
  if (isNone ? ctr.endpoints.length > 0 : inNoneNetwork(ctr)) {
    return refuse('container cannot be connected to multiple networks with one of the networks in private (none) mode');
  }
  if (isNone) {
    return ok(
      produce(world, (d) => {
        d.containers[ctr.id].noneAttached = true;
      }),
      '',
    );
  }
  let err: string | null = null;
  const next = produce(world, (d) => {
    const dc = d.containers[ctr.id];
    const ep: Endpoint = {
      networkId: net.id,
      aliases,
      ...(ip ? { ipamIp: ip } : {}),
      ...(ip6 ? { ipamIp6: ip6 } : {}),
      ...(gwPriority ? { gwPriority } : {}),
      ...(linkLocal.length ? { linkLocalIps: linkLocal } : {}),
      ...(Object.keys(driverOpts).length ? { driverOpts } : {}),
      ...(links.length ? { links } : {}),
    };
    const before = new Set(dc.endpoints);
    if (dc.state === 'running') {
      const used = new Set(dc.endpoints.map((e) => e.ifname));
      let i = 0;
      while (used.has(`eth${i}`)) i++;
      err = attachEndpoint(d, d.networks[net.id], ep, `eth${i}`, dc.daemon, dc);
      if (err) return;
    }
    const hadGateway = gatewayEndpoint(d, dc) !== undefined;
    dc.endpoints.push(ep);
    // the first gateway a running container gets (it was only on internal networks) carries its ports
    const gw = gatewayEndpoint(d, dc);
    if (dc.state === 'running' && !hadGateway && gw?.ip && dc.networkMode !== 'host') {
      const bindErr = bindPorts(d, dc, gw.ip);
      if (bindErr) err = bindErr;
    }
    err ??= defaultGwChanged(d, dc);
    // its unsolicited ARPs (net/garp.ts); a new docker_gwbridge endpoint comes up with it
    if (!err && dc.state === 'running')
      advertiseEndpoints(
        d,
        dc,
        dc.endpoints.filter((e) => !before.has(e)),
      );
  });
  if (err) return fail(world, daemon(err), 1);
  return ok(next, '');
}

/** `docker network disconnect [-f] NETWORK CONTAINER`: frees the address, FDB entries and (last bridge) ports. */
export function disconnect(world: World, argv: string[]): CommandResult {
  const p = parseFlags(argv, [{ long: 'force', short: 'f' }]);
  if (!p.ok) return fail(world, flagError('network disconnect', p.error), 125);
  const pair = networkAndContainer(world, 'network disconnect', p.value.args);
  if ('error' in pair) return pair.error;
  const { net, ctr } = pair;
  if (net.driver === 'host' && ctr.networkMode === 'host') {
    return fail(
      world,
      daemon('cannot disconnect container from host network - container was created in host network mode'),
      1,
    );
  }
  const notOn = fail(world, daemon(`container ${ctr.id} is not connected to network ${net.name}`), 1);
  if (net.predefined && net.driver === 'null') {
    // The none network's endpoint leaves like any other; HostConfig.NetworkMode stays "none".
    if (!inNoneNetwork(ctr)) return notOn;
    return ok(
      produce(world, (d) => {
        d.containers[ctr.id].noneAttached = false;
      }),
      '',
    );
  }
  const idx = ctr.endpoints.findIndex((e) => e.networkId === net.id);
  if (idx < 0) return notOn;
  const next = produce(world, (d) => {
    const dc = d.containers[ctr.id];
    const [ep] = dc.endpoints.splice(idx, 1);
    const dn = d.networks[net.id];
    dn.fdb = dn.fdb.filter((f) => f.mac !== ep.mac && f.port !== ep.veth);
    dc.arp = dc.arp.filter((a) => a.dev !== ep.ifname);
    if (!gatewayEndpoint(d, dc)?.ip) {
      for (const b of dc.ports) delete b.boundPort;
    }
    defaultGwChanged(d, dc);
  });
  return ok(next, '');
}

/**
 * libnetwork joins or leaves docker_gwbridge after an endpoint came or went (sbJoin/sbLeave, see
 * syncDefaultGw); a running container's new gateway endpoint is attached at once, on the next free ethN.
 */
function defaultGwChanged(d: World, dc: Container): string | null {
  const { added } = syncDefaultGw(d, dc.id);
  if (!added || dc.state !== 'running') return null;
  const used = new Set(dc.endpoints.map((e) => e.ifname));
  let i = 0;
  while (used.has(`eth${i}`)) i++;
  return attachEndpoint(d, d.networks[added.networkId], added, `eth${i}`, dc.daemon, dc);
}

/** The NETWORK CONTAINER arguments of connect/disconnect, resolved, or the CLI's or daemon's error. */
function networkAndContainer(
  world: World,
  cmd: string,
  args: string[],
): { net: Network; ctr: Container } | { error: CommandResult } {
  if (args.length !== 2) return { error: fail(world, argsError(cmd, 'exactly', 2), 1) };
  const [netRef, ctrRef] = args;
  const c = lookupContainer(world, ctrRef);
  if (!c.ok) return { error: fail(world, daemon(c.error), 1) };
  const n = lookupNetwork(world, netRef);
  if (!n.ok) return { error: fail(world, daemon(n.error), 1) };
  return { net: n.value, ctr: c.value };
}
