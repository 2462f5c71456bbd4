/**
 * The kernel's side of the referee: the engine's topology rebuilt from network namespaces of this
 * machine (bridges, veth pairs, addresses, routes and the engine's own iptables rules), probed with
 * real ping and connect(2). Every interface is created inside a namespace of the job (veth pairs are
 * made with both ends placed in job namespaces), so the machine's own interfaces are never touched.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type EngineState, HOST_IP, OUTSIDE_IP, type Probe, type Verdict } from './engine';
import { gatewayRoutes, parseIpAddr, restoreInput } from './iplink';

/**
 * This run's namespaces: `wlref<pid>-<slot>-…`, so two runs on one machine (a developer's and a CI
 * clone's) never take down each other's namespaces.
 */
export const NS_PREFIX = `wlref${process.pid}-`;
/** Debian's python3 (a version manager's shim on PATH can cost a second a start) */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

/** Runs a command; rejects with its stderr when it fails. */
export function sh(cmd: string, args: string[], input?: string, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, {
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let out = '';
    let err = '';
    p.stdout?.on('data', (d) => {
      out += d;
    });
    p.stderr?.on('data', (d) => {
      err += d;
    });
    p.on('error', reject);
    p.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}: ${err.trim()}`)),
    );
    if (p.stdin) {
      p.stdin.on('error', () => undefined);
      p.stdin.end(input);
    }
  });
}

const batch = (ns: string, lines: string[]) => sh('ip', ['-n', ns, '-batch', '-'], `${lines.join('\n')}\n`);
const inNs = (ns: string, cmd: string[], input?: string) => sh('ip', ['netns', 'exec', ns, ...cmd], input);

/** A built topology: its namespaces and the listener processes started in them. */
export interface Built {
  names: Map<string, string>;
  all: string[];
  procs: ChildProcess[];
}

export async function build(slot: number, s: EngineState): Promise<Built> {
  const p = `${NS_PREFIX}${slot}-`;
  const names = new Map<string, string>([
    ['host', `${p}host`],
    ['router', `${p}router`],
    ['wan', `${p}wan`],
    ['pc1', `${p}pc1`],
  ]);
  s.containers.forEach((c, i) => {
    names.set(c.name, `${p}c${i}`);
  });
  const built: Built = { names, all: [...names.values()], procs: [] };
  await sh('ip', ['-batch', '-'], built.all.map((ns) => `netns add ${ns}`).join('\n'));
  const H = names.get('host')!;
  const R = names.get('router')!;
  const W = names.get('wan')!;
  const P = names.get('pc1')!;

  // the LAN (a bridge in the router's namespace), pc1, and the outside world (8.8.8.8) behind the router
  await batch(R, [
    'link set lo up',
    'link add lan type bridge',
    'link set lan up',
    'addr add 192.168.0.1/24 dev lan',
    `link add lan-pc1 type veth peer name eth0 netns ${P}`,
    'link set lan-pc1 master lan up',
    `link add wan0 type veth peer name eth0 netns ${W}`,
    'link set wan0 up',
    'addr add 124.111.46.91/32 dev wan0',
    `route add ${OUTSIDE_IP}/32 dev wan0`,
  ]);
  const lan = Promise.all([
    batch(P, [
      'link set lo up',
      'link set eth0 up',
      'addr add 192.168.0.20/24 dev eth0',
      'route add default via 192.168.0.1',
    ]),
    batch(W, [
      'link set lo up',
      'link set eth0 up',
      `addr add ${OUTSIDE_IP}/32 dev eth0`,
      'route add default dev eth0',
    ]),
  ]);
  await inNs(
    R,
    ['sh', '-c', 'echo 1 > /proc/sys/net/ipv4/ip_forward && iptables-restore'],
    '*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -o wan0 -j MASQUERADE\nCOMMIT\n',
  );

  // the Docker host as the engine prints it
  const hostLinks = parseIpAddr(s.host.addr);
  const byIndex = new Map(hostLinks.map((l) => [l.index, l]));
  const hostCmds = ['link set lo up', `link add eth0 type veth peer name lan-host netns ${R}`];
  for (const l of hostLinks) {
    if (l.name === 'lo' || l.name === 'eth0' || l.peer !== undefined) continue;
    hostCmds.push(`link add ${l.name} type bridge`, `link set ${l.name} mtu ${l.mtu} up`);
    for (const a of l.addrs) hostCmds.push(`addr add ${a} dev ${l.name}`);
  }
  s.containers.forEach((c) => {
    for (const l of parseIpAddr(c.addr)) {
      if (l.peer === undefined) continue;
      const veth = byIndex.get(l.peer);
      if (!veth?.master)
        throw new Error(`${c.name} ${l.name}: no host veth with index ${l.peer} in the engine's ip addr`);
      hostCmds.push(
        `link add ${veth.name} mtu ${veth.mtu} type veth peer name ${l.name} mtu ${l.mtu} netns ${names.get(c.name)}`,
        `link set ${veth.name} master ${veth.master} up`,
      );
    }
  });
  hostCmds.push(
    'link set eth0 up',
    `addr add ${HOST_IP}/24 dev eth0`,
    ...gatewayRoutes(s.host.route).map((r) => `route add ${r}`),
  );
  await batch(H, hostCmds);
  await batch(R, ['link set lan-host master lan up']);
  const sysctl = [
    `echo 1 > /proc/sys/net/ipv4/ip_forward`,
    `echo ${s.brNetfilter ? 1 : 0} > /proc/sys/net/bridge/bridge-nf-call-iptables`,
  ];
  await inNs(
    H,
    ['sh', '-c', `${sysctl.join(' && ')} && iptables-restore`],
    restoreInput({ raw: s.host.raw, filter: s.host.filter, nat: s.host.nat }),
  );

  await Promise.all(
    s.containers.map((c) => {
      const cmds = ['link set lo up'];
      for (const l of parseIpAddr(c.addr)) {
        if (l.peer === undefined) continue;
        cmds.push(`link set ${l.name} up`, ...l.addrs.map((a) => `addr add ${a} dev ${l.name}`));
      }
      cmds.push(...gatewayRoutes(c.route).map((r) => `route add ${r}`));
      return batch(names.get(c.name)!, cmds);
    }),
  );
  await lan;
  const want = Object.fromEntries(
    s.containers.filter((c) => c.listeners.length).map((c) => [names.get(c.name)!, c.listeners]),
  );
  if (Object.keys(want).length) built.procs.push(await listener(want));
  return built;
}

/** One process listening in every container namespace on the ports its image listens on. */
function listener(want: Record<string, number[]>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(PYTHON, [here('./listen.py'), JSON.stringify(want)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr?.on('data', (d) => {
      err += d;
    });
    proc.on('exit', (code) => reject(new Error(`the listeners exited (${code}): ${err.trim()}`)));
    const t = setTimeout(() => reject(new Error(`the listeners did not start in 60 s ${err.trim()}`)), 60_000);
    proc.stdout.once('data', () => {
      clearTimeout(t);
      resolve(proc);
    });
    proc.on('error', reject);
  });
}

/** The kernel's verdicts, probes from each namespace run at once. */
export async function probe(b: Built, probes: Probe[]): Promise<Verdict[]> {
  const list = probes.map((p) => ({ ns: b.names.get(p.from)!, kind: p.kind, dst: p.dst, port: p.port }));
  const out: string[] = JSON.parse(await sh(PYTHON, [here('./probe.py'), JSON.stringify(list)]));
  const bad = out.find((v) => v.startsWith('error'));
  if (bad) throw new Error(`a probe failed to run: ${bad}`);
  return out as Verdict[];
}

/** Removes the namespaces (and so every interface in them) and stops the listeners this job started. */
export async function teardown(b: Built): Promise<void> {
  for (const p of b.procs) p.kill('SIGKILL');
  await sh('ip', ['-force', '-batch', '-'], b.all.map((ns) => `netns del ${ns}`).join('\n')).catch(() => undefined);
}

/** Whether a process with this pid is alive (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Namespaces of ours to remove: with a prefix, those (this run's, or one topology's); without, the
 * leftovers of runs that are no longer alive (a killed run, an older harness's `wlref-…`).
 */
export async function sweep(prefix?: string): Promise<void> {
  const list = await sh('ip', ['netns', 'list']).catch(() => '');
  const ours = list
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((n) => {
      if (prefix) return n.startsWith(prefix);
      const m = /^wlref(\d*)-/.exec(n);
      return m !== null && (m[1] === '' || !alive(Number(m[1])));
    });
  for (const ns of ours) {
    const pids = (await sh('ip', ['netns', 'pids', ns]).catch(() => '')).split(/\s+/).filter(Boolean);
    for (const pid of pids) process.kill(Number(pid), 'SIGKILL');
    await sh('ip', ['netns', 'del', ns]).catch(() => undefined);
  }
}
