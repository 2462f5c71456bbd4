/**
 * A compose file for a World's Docker topology (one Docker host): one service per running
 * container (`container_name` keeps its name), the user networks with their exact `name`, driver,
 * subnet, gateway and `internal`, `ipv4_address` on every user network so addresses match,
 * aliases, published ports, environment, command and `network_mode` (host, none, bridge, or
 * another service's stack). `docker compose up -d` on a Docker host brings the same topology up.
 * Pure: the same World gives the same file. Loaded on demand (the yaml library comes with it).
 */
import { stringify } from 'yaml';
import { DOCKER_HOST } from '../sim/ids';
import type { Container, Network, World } from '../sim/model';
import { canPinIp, networkLine, portArg } from './exportScript';

const COMPOSE_LABEL = 'com.docker.compose.';

function networkEntry(n: Network): Record<string, unknown> {
  const out: Record<string, unknown> = { name: n.name, driver: n.driver };
  const ipv6 = n.enableIPv6 === true && n.ipam6 !== undefined;
  // every pool: the IPv4 one (kept as given when IPv4 is off), then the IPv6 one
  const pools = [n.ipam ?? n.ipam4Kept, ipv6 ? n.ipam6 : undefined].flatMap((c) => {
    if (!c) return [];
    const pool: Record<string, string> = { subnet: c.subnet };
    if (c.gateway) pool.gateway = c.gateway;
    if (c.ipRange) pool.ip_range = c.ipRange;
    return [pool];
  });
  if (pools.length) out.ipam = { config: pools };
  if (n.internal) out.internal = true;
  if (n.attachable) out.attachable = true;
  if (n.options && Object.keys(n.options).length) out.driver_opts = { ...n.options };
  const labels = Object.entries(n.labels ?? {}).filter(([k]) => !k.startsWith(COMPOSE_LABEL));
  if (labels.length) out.labels = Object.fromEntries(labels);
  // compose-go NetworkConfig: enable_ipv4, enable_ipv6 after labels (Compose sends both since v2.34)
  if (n.enableIPv4 === false) out.enable_ipv4 = false;
  if (ipv6) out.enable_ipv6 = true;
  return out;
}

/** The compose key of a network: its name where Compose allows it as a key. */
const netKey = (n: Network) => n.name.replace(/[^A-Za-z0-9._-]/g, '_');

function service(w: World, c: Container, exported: Set<string>, notes: string[]): Record<string, unknown> {
  const s: Record<string, unknown> = { image: c.image, container_name: c.name };
  if (c.hostname && c.hostname !== c.id.slice(0, 12) && c.networkMode !== 'host') s.hostname = c.hostname;
  const mode = c.networkMode;
  if (mode.startsWith('container:')) {
    const other = w.containers[mode.slice('container:'.length)];
    s.network_mode = other && exported.has(other.id) ? `service:${other.name}` : `container:${other?.name ?? mode}`;
  } else if (mode === 'host' || mode === 'none') s.network_mode = mode;
  else {
    const eps = c.endpoints.filter((ep) => w.networks[ep.networkId]);
    const first = w.networks[eps[0]?.networkId ?? ''];
    if (!first || first.predefined) {
      // Compose cannot put a service on the default bridge and on other networks (no aliases there)
      s.network_mode = 'bridge';
      const more = eps.slice(1).map((ep) => w.networks[ep.networkId].name);
      if (more.length) notes.push(`then: ${more.map((n) => `docker network connect ${n} ${c.name}`).join('; ')}`);
    } else {
      const nets: Record<string, Record<string, unknown>> = {};
      for (const ep of eps) {
        const n = w.networks[ep.networkId];
        const e: Record<string, unknown> = {};
        // Compose adds the container's and the service's names as aliases itself
        const aliases = ep.aliases.filter((a) => a !== c.name);
        if (aliases.length) e.aliases = aliases;
        const ip = ep.ipamIp ?? ep.ip;
        if (ip && canPinIp(n)) e.ipv4_address = ip;
        const ip6 = ep.ipamIp6 ?? ep.ip6;
        if (ip6 && n.enableIPv6) e.ipv6_address = ip6;
        nets[netKey(n)] = e;
      }
      s.networks = nets;
    }
  }
  if (c.ports.length) s.ports = c.ports.map(portArg);
  if (c.expose?.length) s.expose = [...c.expose];
  if (c.env.length) s.environment = [...c.env];
  if (c.cmd.length) s.command = [...c.cmd];
  if (c.tty) s.tty = true;
  if (c.interactive) s.stdin_open = true;
  if (c.restartPolicy) {
    const { Name, MaximumRetryCount: n } = c.restartPolicy;
    s.restart = n ? `${Name}:${n}` : Name;
  }
  return s;
}

/** The compose file for the Docker host `daemon` (the first host by default). */
export function composeFile(w: World, daemon: string = DOCKER_HOST): string {
  const nets = Object.values(w.networks).filter((n) => !n.predefined && n.daemon === daemon);
  const all = Object.values(w.containers)
    .filter((c) => c.daemon === daemon)
    .sort((a, b) => a.seq - b.seq);
  // `up` starts every service: a container that is not running stays out (and is named here)
  const running = all.filter((c) => c.state === 'running');
  const exported = new Set(running.map((c) => c.id));
  const services: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const c of running) services[c.name] = service(w, c, exported, notes);
  // Compose creates only the networks its services use
  const used = new Set(
    running.flatMap((c) =>
      (services[c.name] as { networks?: object }).networks ? c.endpoints.map((e) => e.networkId) : [],
    ),
  );
  const doc: Record<string, unknown> = { name: 'whalewire', services };
  const inFile = nets.filter((n) => used.has(n.id));
  if (inFile.length) doc.networks = Object.fromEntries(inFile.map((n) => [netKey(n), networkEntry(n)]));
  const unused = nets.filter((n) => !used.has(n.id)).map(networkLine);
  const stopped = all.filter((c) => !exported.has(c.id)).map((c) => c.name);
  const head = [
    `# whalewire: the Docker networks and running containers of ${daemon}, for \`docker compose up -d\`.`,
    '# User networks carry their subnet and gateway, so containers keep their addresses (ipv4_address).',
    ...(stopped.length ? [`# not here (not running): ${stopped.join(', ')}`] : []),
    ...(unused.length ? ['# networks no running container uses (Compose would not create them):'] : []),
    ...unused.map((l) => `#   ${l}`),
    ...notes.map((n) => `# ${n}`),
  ];
  return `${head.join('\n')}\n${stringify(doc, { lineWidth: 0 })}`;
}
