/**
 * Random Docker-shaped topologies for the referee, as the docker commands that build them.
 * Deterministic: the same seed gives the same commands (a mulberry32 stream of its own).
 */

export interface Topology {
  seed: number;
  commands: string[];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Images with what they listen on (the engine's catalogue says the same; the kernel side starts these). */
const IMAGES: { image: string; cmd: string }[] = [
  { image: 'nginx', cmd: '' },
  { image: 'redis', cmd: '' },
  { image: 'httpd', cmd: '' },
  { image: 'nicolaka/netshoot', cmd: ' sleep infinity' },
];

/**
 * Bridge driver options (moby bridge_linux.go fromLabels) drawn from a second stream, so a seed's
 * networks and containers stay the ones earlier runs drew: masquerade off, a gateway mode (routed:
 * no NAT, direct routing; nat-unprotected: no per-port filter), a default binding address, an MTU,
 * a bridge name of our own.
 */
function driverOptions(o: () => number, i: number, internal: boolean): string[] {
  const opts: string[] = [];
  const b = 'com.docker.network.bridge.';
  if (o() < 0.2) opts.push(`-o ${b}enable_ip_masquerade=false`);
  const mode = o();
  if (!internal && mode < 0.15) opts.push(`-o ${b}gateway_mode_ipv4=routed`);
  else if (!internal && mode < 0.3) opts.push(`-o ${b}gateway_mode_ipv4=nat-unprotected`);
  if (o() < 0.15) opts.push(`-o ${b}host_binding_ipv4=127.0.0.1`);
  if (o() < 0.15) opts.push('-o com.docker.network.driver.mtu=1400');
  if (o() < 0.15) opts.push(`-o ${b}name=wlbr${i}`);
  return opts;
}

/**
 * 1–3 user bridges (some internal, some with icc=false, some with driver options), 2–5 containers on the default bridge or a
 * user bridge, some on a second network, some publishing ports (all addresses, 127.0.0.1, or the
 * host's LAN address; sometimes a port nothing listens on).
 */
export function randomTopology(seed: number): Topology {
  const r = rng(seed);
  const o = rng(seed ^ 0x5bd1e995);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const commands: string[] = [];
  const nets: string[] = [];
  const netCount = 1 + Math.floor(r() * 3);
  for (let i = 1; i <= netCount; i++) {
    const name = `net${i}`;
    const opts: string[] = [];
    if (r() < 0.25) opts.push('--internal');
    if (r() < 0.25) opts.push('-o com.docker.network.bridge.enable_icc=false');
    opts.push(...driverOptions(o, i, opts.includes('--internal')));
    commands.push(['docker network create', ...opts, name].join(' '));
    nets.push(name);
  }
  const count = 2 + Math.floor(r() * 4);
  let hostPort = 8000;
  for (let i = 1; i <= count; i++) {
    const img = pick(IMAGES);
    const net = r() < 0.3 ? 'bridge' : pick(nets);
    const publish: string[] = [];
    const port = img.image === 'redis' ? 6379 : img.image === 'nicolaka/netshoot' ? 9000 : 80;
    if (r() < 0.6) {
      const where = r();
      const hostIp = where < 0.2 ? '127.0.0.1:' : where < 0.4 ? '192.168.0.10:' : '';
      publish.push(`-p ${hostIp}${hostPort++}:${port}`);
    }
    const netFlag = net === 'bridge' ? '' : ` --network ${net}`;
    commands.push(
      `docker run -d --name ct${i}${netFlag}${publish.map((p) => ` ${p}`).join('')} ${img.image}${img.cmd}`,
    );
    if (r() < 0.3) {
      const second = pick(['bridge', ...nets].filter((n) => n !== net));
      if (second) commands.push(`docker network connect ${second} ct${i}`);
    }
  }
  return { seed, commands };
}
