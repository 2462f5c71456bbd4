/**
 * A shell script of `docker` commands that rebuilds a World's Docker topology on a real machine:
 * user networks with their subnet and gateway (given explicitly, so containers can keep their
 * addresses with `--ip`), containers in creation order with their networks, addresses, aliases,
 * MACs, published ports, environment, entrypoint and command, the run flags they keep (mounts,
 * read-only, restart, DNS, limits, health checks …) and state. Pure: the same World gives the
 * same script.
 */
import { DOCKER_HOST } from '../sim/ids';
import type { Container, Network, World } from '../sim/model';

/** Quotes a word for sh when it needs it. */
export function shQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const line = (words: string[]) => words.map(shQuote).join(' ');

export function networkLine(n: Network): string {
  const w = ['docker', 'network', 'create', '--driver', n.driver];
  if (n.ipam) {
    w.push('--subnet', n.ipam.subnet, '--gateway', n.ipam.gateway);
    if (n.ipam.ipRange) w.push('--ip-range', n.ipam.ipRange);
  }
  // an IPv6-only network (its IPv4 config, if one was given, kept unallocated as Docker keeps it)
  if (n.enableIPv4 === false) {
    w.push('--ipv4=false');
    if (n.ipam4Kept) w.push('--subnet', n.ipam4Kept.subnet);
  }
  // an IPv6 network keeps its /64 (a ULA one was the daemon's pick: named, so --ip6 can pin)
  if (n.enableIPv6 && n.ipam6) {
    w.push('--ipv6', '--subnet', n.ipam6.subnet);
    if (n.ipam6.gateway) w.push('--gateway', n.ipam6.gateway);
    if (n.ipam6.ipRange) w.push('--ip-range', n.ipam6.ipRange);
  }
  if (n.internal) w.push('--internal');
  if (n.attachable) w.push('--attachable');
  for (const [k, v] of Object.entries(n.labels ?? {})) w.push('--label', `${k}=${v}`);
  for (const [k, v] of Object.entries(n.options ?? {})) w.push('-o', `${k}=${v}`);
  w.push(n.name);
  return line(w);
}

export function portArg(p: Container['ports'][number]): string {
  const host = p.hostPort === null ? '' : p.hostPortEnd ? `${p.hostPort}-${p.hostPortEnd}` : `${p.hostPort}`;
  const proto = p.proto === 'tcp' ? '' : `/${p.proto}`;
  if (!host) return `${p.containerPort}${proto}`;
  return `${p.hostIp ? `${p.hostIp}:` : ''}${host}:${p.containerPort}${proto}`;
}

/** `--ip` is Docker's only on a network whose subnet the user gave; the script gives every user network one. */
export const canPinIp = (n: Network | undefined) => !!n && !n.predefined && !!n.ipam;

/**
 * Run flags a container keeps as typed (Container.opts, docker/runOpts.ts OPT_ROWS) that the
 * script does not repeat: --env-file and --label-file were read into its env and labels (the files
 * are not on the other machine), and -a, --sig-proxy and --detach-keys belong to an attached
 * client, which the script's -d is not; --ip6 is written with the container's network (the
 * endpoint's IPv6 address), so it is not given twice.
 */
const NOT_REPEATED = new Set(['env-file', 'label-file', 'attach', 'sig-proxy', 'detach-keys', 'ip6']);

/** `--long=value` for every kept run flag, in the order the container kept them. */
function optArgs(c: Container): string[] {
  const out: string[] = [];
  for (const [long, values] of Object.entries(c.opts ?? {})) {
    if (NOT_REPEATED.has(long)) continue;
    for (const v of values) out.push(`--${long}=${v}`);
  }
  return out;
}

/** The first network in the advanced form when it has settings only that form gives (cli opts/network.go). */
function firstNetworkArg(name: string, ep: Container['endpoints'][number]): string {
  const extra = [
    ...(ep.gwPriority ? [`gw-priority=${ep.gwPriority}`] : []),
    ...Object.entries(ep.driverOpts ?? {}).map(([k, v]) => `driver-opt=${k}=${v}`),
  ];
  return extra.length ? [`name=${name}`, ...extra].join(',') : name;
}

/**
 * The endpoints after the first that the run line gives in the advanced --network form: `network
 * connect` has no --mac-address (docker/cli v28.5.2), so an endpoint with a MAC of its own came
 * from run's `--network name=…,mac-address=…` and goes back there, with those before it (their
 * eth order). Several networks at run are user-defined ones only (cli parseNetworkOpts).
 */
function runExtras(w: World, c: Container): Container['endpoints'] {
  const [first, ...rest] = c.endpoints;
  const last = rest.findLastIndex((ep) => ep.macAddress);
  const user = (ep: Container['endpoints'][number]) => {
    const net = w.networks[ep.networkId];
    return !!net && !net.predefined;
  };
  const extras = rest.slice(0, last + 1);
  return first && user(first) && extras.every(user) ? extras : [];
}

/** One extra network in the advanced form (cli opts/network.go NetworkOpt: name, ip, ip6, alias, mac-address …). */
function extraNetworkArg(w: World, ep: Container['endpoints'][number]): string {
  const net = w.networks[ep.networkId];
  const ip = ep.ipamIp ?? ep.ip;
  const ip6 = ep.ipamIp6 ?? ep.ip6;
  return [
    `name=${net.name}`,
    ...(ip && canPinIp(net) ? [`ip=${ip}`] : []),
    ...(ip6 && net.enableIPv6 ? [`ip6=${ip6}`] : []),
    ...ep.aliases.map((a) => `alias=${a}`),
    ...(ep.macAddress ? [`mac-address=${ep.macAddress}`] : []),
    ...(ep.linkLocalIps ?? []).map((a) => `link-local-ip=${a}`),
    ...Object.entries(ep.driverOpts ?? {}).map(([k, v]) => `driver-opt=${k}=${v}`),
    ...(ep.gwPriority ? [`gw-priority=${ep.gwPriority}`] : []),
  ].join(',');
}

function containerLines(w: World, c: Container): string[] {
  const out: string[] = [];
  const args = ['docker', c.state === 'created' ? 'create' : 'run'];
  if (c.state !== 'created') args.push('-d');
  if (c.interactive) args.push('-i');
  if (c.tty) args.push('-t');
  if (c.autoRemove) args.push('--rm');
  args.push('--name', c.name);
  // Compose's labels too, so `docker compose ps/down` know the rebuilt containers
  for (const [k, v] of Object.entries(c.labels ?? {})) args.push('--label', `${k}=${v}`);
  if (c.hostname && c.hostname !== c.id.slice(0, 12) && c.networkMode !== 'host') args.push('--hostname', c.hostname);
  const [first, ...rest] = c.endpoints;
  const mode = c.networkMode;
  if (mode.startsWith('container:')) {
    const other = w.containers[mode.slice('container:'.length)];
    args.push('--network', `container:${other ? other.name : mode.slice('container:'.length)}`);
  } else if (mode === 'host' || mode === 'none') {
    args.push('--network', mode);
    if (c.modeMacAddress) args.push('--mac-address', c.modeMacAddress);
  } else if (first) {
    const net = w.networks[first.networkId];
    // a created container may name a network that is gone (`docker run --network gone` leaves one)
    const name = net ? net.name : mode;
    const arg = firstNetworkArg(name, first);
    if (arg !== 'bridge' && arg !== 'default') args.push('--network', arg);
    const ip = first.ipamIp ?? first.ip;
    if (ip && canPinIp(net)) args.push('--ip', ip);
    const ip6 = first.ipamIp6 ?? first.ip6;
    if (ip6 && net?.enableIPv6) args.push('--ip6', ip6);
    for (const a of first.aliases) args.push('--network-alias', a);
    if (first.macAddress) args.push('--mac-address', first.macAddress);
    for (const ep of runExtras(w, c)) args.push('--network', extraNetworkArg(w, ep));
  } else if (mode !== 'bridge' && mode !== 'default') args.push('--network', mode);
  if (c.workingDir) args.push('--workdir', c.workingDir);
  if (c.user) args.push('--user', c.user);
  args.push(...optArgs(c));
  for (const l of c.links ?? []) args.push('--link', l);
  for (const p of c.ports) args.push('-p', portArg(p));
  if (c.publishAll) args.push('-P');
  for (const e of c.expose ?? []) args.push('--expose', e);
  for (const e of c.env) args.push('-e', e);
  if (c.domainname) args.push('--domainname', c.domainname);
  for (const d of c.dns ?? []) args.push('--dns', d);
  for (const d of c.dnsSearch ?? []) args.push('--dns-search', d);
  for (const d of c.dnsOptions ?? []) args.push('--dns-option', d);
  for (const h of c.extraHosts ?? []) args.push('--add-host', h);
  if (c.restartPolicy) {
    const { Name, MaximumRetryCount: n } = c.restartPolicy;
    args.push('--restart', n ? `${Name}:${n}` : Name);
  }
  // `cmd` starts with the --entrypoint given (kept in opts and written above)
  args.push(c.image, ...c.cmd.slice(c.entrypoint?.length ?? 0));
  out.push(line(args));
  for (const ep of rest.slice(runExtras(w, c).length)) {
    const net = w.networks[ep.networkId];
    if (!net) continue;
    const conn = ['docker', 'network', 'connect'];
    const ip = ep.ipamIp ?? ep.ip;
    if (ip && canPinIp(net)) conn.push('--ip', ip);
    const ip6 = ep.ipamIp6 ?? ep.ip6;
    if (ip6 && net.enableIPv6) conn.push('--ip6', ip6);
    for (const a of ep.aliases) conn.push('--alias', a);
    for (const l of ep.links ?? []) conn.push('--link', l);
    for (const a of ep.linkLocalIps ?? []) conn.push('--link-local-ip', a);
    for (const [k, v] of Object.entries(ep.driverOpts ?? {})) conn.push('--driver-opt', `${k}=${v}`);
    if (ep.gwPriority) conn.push('--gw-priority', String(ep.gwPriority));
    conn.push(net.name, c.name);
    out.push(line(conn));
  }
  if (c.state === 'exited') out.push(line(['docker', 'stop', c.name]));
  if (c.paused) out.push(line(['docker', 'pause', c.name]));
  return out;
}

/** The script for the Docker host `daemon` (the first host by default). */
export function dockerScript(w: World, daemon: string = DOCKER_HOST): string {
  const nets = Object.values(w.networks).filter((n) => !n.predefined && n.daemon === daemon);
  const ctrs = Object.values(w.containers)
    .filter((c) => c.daemon === daemon)
    .sort((a, b) => a.seq - b.seq);
  const others = Object.keys(w.daemons ?? {}).filter((d) => d !== daemon);
  const out = [
    '#!/bin/sh',
    `# whalewire: rebuilds the Docker networks and containers of ${daemon} on a Docker host.`,
    '# User networks get their subnet and gateway explicitly, so containers keep their addresses (--ip).',
    'set -e',
  ];
  if (others.length) out.push(`# not in this script: the other Docker hosts (${others.join(', ')})`);
  if (nets.length) out.push('', ...nets.map(networkLine));
  if (ctrs.length) out.push('', ...ctrs.flatMap((c) => containerLines(w, c)));
  return `${out.join('\n')}\n`;
}
