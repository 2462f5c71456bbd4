import { dockerTime } from '../clock';
import { DOCKER_HOST } from '../ids';
import type { Container, ContainerState, Endpoint, Network, PortBinding, World } from '../model';
import { canon6, inCidr6, isIpv6 } from '../net/addr6';
import { randomHex, randomId, randomMac } from '../prng';
import { checkAddress, type NetIndex, refuse } from './networks';
import type { ImportContainer, ImportEndpoint, ImportNote, ImportPort } from './types';

const HEX64 = /^[0-9a-f]{64}$/;
const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** State.Status -> the World's three states (a paused container is running and frozen). */
function stateOf(c: ImportContainer, notes: ImportNote[]): { state: ContainerState; paused: boolean } {
  switch (c.status) {
    case 'running':
    case 'restarting':
      return { state: 'running', paused: false };
    case 'paused':
      return { state: 'running', paused: true };
    case 'created':
      return { state: 'created', paused: false };
    case 'exited':
      return { state: 'exited', paused: false };
    default:
      notes.push({ code: 'state', params: { name: c.name, state: c.status } });
      return { state: 'exited', paused: false };
  }
}

/** The running container's addresses must fit its networks and be unique there. */
class Taken {
  private ips = new Map<string, string>();
  private ports = new Map<string, string>();
  ip(net: Network, ip: string, owner: string, at: string): void {
    const k = `${net.id}/${ip}`;
    const other = this.ips.get(k);
    if (other) refuse(at, 'dupIp', { ip, network: net.name, other });
    this.ips.set(k, owner);
  }
  port(p: PortBinding, owner: string, at: string): void {
    if (p.boundPort === undefined) return;
    const k = `${p.proto}/${p.boundPort}`;
    const other = this.ports.get(k);
    if (other) refuse(at, 'portTaken', { port: `${p.boundPort}/${p.proto}`, other });
    this.ports.set(k, owner);
  }
}

function ports(c: ImportContainer, running: boolean, notes: ImportNote[]): PortBinding[] {
  const out: PortBinding[] = [];
  for (const p of c.ports as ImportPort[]) {
    if (p.proto !== 'tcp' && p.proto !== 'udp') {
      notes.push({ code: 'proto', params: { name: c.name, port: `${p.containerPort}/${p.proto}` } });
      continue;
    }
    if (p.hostIp.includes(':')) {
      notes.push({ code: 'ipv6Port', params: { name: c.name, port: `${p.containerPort}/${p.proto}` } });
      continue;
    }
    const hostPort = p.hostPort === '' ? null : Number(p.hostPort);
    if (hostPort !== null && !(Number.isInteger(hostPort) && hostPort > 0 && hostPort <= 65535))
      refuse(`${p.at}.HostPort`, 'notPort', { value: p.hostPort });
    const bound = running ? (p.bound ?? hostPort ?? undefined) : undefined;
    out.push({
      hostIp: p.hostIp === '0.0.0.0' ? '' : p.hostIp,
      hostPort,
      containerPort: p.containerPort,
      proto: p.proto,
      ...(bound !== undefined ? { boundPort: bound } : {}),
    });
  }
  return out;
}

/** The network an endpoint names: by id, else by name (the map key). */
function networkOf(idx: NetIndex, ep: ImportEndpoint): Network | undefined {
  return idx.byId.get(ep.networkId) ?? idx.byName.get(ep.network);
}

function endpoints(
  d: World,
  c: ImportContainer,
  mode: string,
  running: boolean,
  idx: NetIndex,
  taken: Taken,
  notes: ImportNote[],
): Endpoint[] {
  // Docker prints NetworkSettings.Networks sorted by name, so eth0 is unknown: the network mode's network comes first.
  const eps = [...c.endpoints].sort((a, b) => Number(b.network === mode) - Number(a.network === mode));
  const out: Endpoint[] = [];
  for (const ep of eps) {
    const net = networkOf(idx, ep);
    if (!net) {
      notes.push({ code: 'endpoint', params: { name: c.name, network: ep.network } });
      continue;
    }
    if (net.driver !== 'bridge') continue;
    const aliases = ep.aliases.filter((a) => a !== c.id.slice(0, 12) && a !== c.name);
    const e: Endpoint = { networkId: net.id, aliases };
    if (ep.ipamIp) {
      if (!net.predefined) {
        checkAddress(net, ep.ipamIp, `${ep.at}.IPAMConfig.IPv4Address`);
        e.ipamIp = ep.ipamIp;
      }
    }
    if (ep.ipamIp6 && net.userSubnet6) e.ipamIp6 = ep.ipamIp6;
    if (running) {
      // an IPv6-only network's endpoint has no IPv4 address (IPAddress "")
      const v6only = net.enableIPv4 === false;
      if (!ep.ip && !(v6only && ep.ip6)) {
        notes.push({ code: 'noAddress', params: { name: c.name, network: ep.network } });
        continue;
      }
      if (ep.ip && !v6only) {
        checkAddress(net, ep.ip, `${ep.at}.IPAddress`);
        taken.ip(net, ep.ip, c.name, `${ep.at}.IPAddress`);
        e.ip = ep.ip;
      }
      // an IPv6 address inside the network's IPv6 subnet (one outside it is left to IPAM at the next start)
      if (ep.ip6 && net.enableIPv6 && net.ipam6 && isIpv6(ep.ip6) && inCidr6(ep.ip6, net.ipam6.subnet))
        e.ip6 = canon6(ep.ip6);
      e.mac = ep.mac || randomMac(d);
      e.endpointId = ep.endpointId && HEX64.test(ep.endpointId) ? ep.endpointId : randomId(d);
      e.veth = `veth${randomHex(d, 7)}`;
      e.vethMac = randomMac(d);
      e.ifname = `eth${out.length}`;
    }
    out.push(e);
  }
  return out;
}

/** Adds the imported containers to the Docker host (on a draft), oldest first. */
export function importContainers(d: World, list: ImportContainer[], idx: NetIndex, notes: ImportNote[]): number {
  const byCreated = [...list].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  const names = new Map<string, string>();
  const ids = new Set<string>();
  for (const c of byCreated) {
    if (!HEX64.test(c.id)) refuse(`${c.at}.Id`, 'badId', { value: c.id });
    if (!NAME_RE.test(c.name)) refuse(`${c.at}.Name`, 'badName', { value: c.name });
    if (ids.has(c.id)) refuse(`${c.at}.Id`, 'dupId', { value: c.id });
    if (names.has(c.name)) refuse(`${c.at}.Name`, 'dupName', { name: c.name });
    ids.add(c.id);
    names.set(c.name, c.id);
  }
  const taken = new Taken();
  let envNoted = false;
  for (const c of byCreated) {
    const { state, paused } = stateOf(c, notes);
    const running = state === 'running';
    let mode = c.networkMode === 'default' || c.networkMode === '' ? 'bridge' : c.networkMode;
    if (mode.startsWith('container:')) {
      const ref = mode.slice('container:'.length);
      const owner = ids.has(ref)
        ? ref
        : (names.get(ref) ?? [...ids].find((i) => ref.length >= 12 && i.startsWith(ref)));
      if (owner) mode = `container:${owner}`;
      else {
        notes.push({ code: 'modeTarget', params: { name: c.name, mode } });
        mode = 'none';
      }
    }
    const plain = mode !== 'host' && mode !== 'none' && !mode.startsWith('container:');
    const eps = plain ? endpoints(d, c, mode, running, idx, taken, notes) : [];
    // a network mode by id (some daemons print it so) reads as the network's name
    if (plain && !idx.byName.has(mode) && eps[0]) mode = idx.byId.get(eps[0].networkId)?.name ?? mode;
    const bindings = plain ? ports(c, running, notes) : [];
    for (const [i, p] of bindings.entries()) taken.port(p, c.name, `${c.at}.HostConfig.PortBindings[${i}]`);
    if (c.hadEnv && !envNoted) {
      notes.push({ code: 'env', params: {} });
      envNoted = true;
    }
    const ctr: Container = {
      id: c.id,
      name: c.name,
      daemon: DOCKER_HOST,
      image: c.image,
      cmd: [...c.cmd],
      env: [],
      hostname: c.hostname || c.id.slice(0, 12),
      state,
      exitCode: state === 'exited' ? c.exitCode : 0,
      created: dockerTime(d.clock),
      startedAt: running ? d.clock : 0,
      networkMode: mode,
      endpoints: eps,
      ports: bindings,
      publishAll: false,
      autoRemove: c.autoRemove,
      tty: false,
      interactive: false,
      arp: [],
      seq: d.seq++,
      ...(Object.keys(c.labels).length ? { labels: { ...c.labels } } : {}),
      ...(c.links.length ? { links: [...c.links] } : {}),
      ...(paused ? { paused: true } : {}),
      ...(state === 'exited' ? { finishedAt: d.clock } : {}),
    };
    d.containers[c.id] = ctr;
  }
  return byCreated.length;
}
