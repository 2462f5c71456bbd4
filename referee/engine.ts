/**
 * The engine's side of the referee: builds a topology with whalewire's own docker commands, reads
 * back what its `ip` and `iptables` print, and answers every probe with its own ping and curl.
 */
import { runScript } from '../src/sim/console';
import { imageInfo } from '../src/sim/images';
import type { World } from '../src/sim/model';
import { ipCommand } from '../src/sim/shell/ip';
import { iptables } from '../src/sim/shell/iptables';
import { curl } from '../src/sim/shell/packet/curl';
import { ping } from '../src/sim/shell/packet/ping';
import type { Where } from '../src/sim/where';
import { createDefaultWorld } from '../src/sim/world';

export const HOST_IP = '192.168.0.10';
export const OUTSIDE_IP = '8.8.8.8';

/** A machine of the topology, as both sides name it: `host`, `pc1`, or a container's name. */
export type Node = string;

export interface Probe {
  from: Node;
  kind: 'icmp' | 'tcp';
  dst: string;
  port?: number;
}

/** icmp: ok | fail; tcp: open | refused | unreachable | timeout */
export type Verdict = 'ok' | 'fail' | 'open' | 'refused' | 'unreachable' | 'timeout';

export interface EngineState {
  world: World;
  host: { addr: string; route: string; filter: string; nat: string; raw: string };
  containers: { name: string; addr: string; route: string; listeners: number[]; ips: string[] }[];
  /** `-o com.docker.network.bridge.enable_icc=false` on some network: Docker turns on bridge-nf-call-iptables */
  brNetfilter: boolean;
}

const HOST: Where = { kind: 'machine', id: 'docker-host' };

/** Runs the commands; a command the engine refuses is a bug in the generator (or the engine), reported. */
export function buildEngine(commands: string[]): EngineState {
  const { results, session } = runScript(createDefaultWorld(28), commands.join('\n'));
  results.forEach((r, i) => {
    if (r.exitCode !== 0) throw new Error(`engine refused \`${commands[i]}\`: ${r.output}`);
  });
  const world = session.world;
  const sh = (argv: string[], where: Where, f = ipCommand) => f(world, argv, where).output;
  const containers = Object.values(world.containers)
    .filter((c) => c.state === 'running')
    .sort((a, b) => a.seq - b.seq)
    .map((c) => {
      const where: Where = { kind: 'container', id: c.id };
      return {
        name: c.name,
        addr: sh(['ip', 'addr'], where),
        route: sh(['ip', 'route'], where),
        listeners: imageInfo(c.image)
          .listeners.filter((l) => l.proto === 'tcp')
          .map((l) => l.port),
        ips: c.endpoints.map((e) => e.ip).filter((ip): ip is string => !!ip),
      };
    });
  return {
    world,
    host: {
      addr: sh(['ip', 'addr'], HOST),
      route: sh(['ip', 'route'], HOST),
      filter: sh(['iptables', '-S'], HOST, iptables),
      nat: sh(['iptables', '-t', 'nat', '-S'], HOST, iptables),
      raw: sh(['iptables', '-t', 'raw', '-S'], HOST, iptables),
    },
    containers,
    brNetfilter: commands.some((c) => c.includes('enable_icc=false')),
  };
}

/** Host ports published on the host's LAN address or on all addresses (what a LAN peer can try). */
function publishedPorts(world: World): number[] {
  const ports: number[] = [];
  for (const c of Object.values(world.containers)) {
    if (c.state !== 'running') continue;
    for (const b of c.ports) if (b.boundPort !== undefined && b.proto === 'tcp') ports.push(b.boundPort);
  }
  return ports.sort((a, b) => a - b);
}

/** Every probe of the matrix: container↔container, host→container, LAN peer→published port, container→outside. */
export function probesOf(s: EngineState): Probe[] {
  const probes: Probe[] = [];
  const closed = 9; // a port nothing listens on
  for (const dst of s.containers) {
    for (const ip of dst.ips) {
      for (const from of ['host', ...s.containers.map((c) => c.name).filter((n) => n !== dst.name)]) {
        probes.push({ from, kind: 'icmp', dst: ip });
        for (const port of dst.listeners) probes.push({ from, kind: 'tcp', dst: ip, port });
      }
      probes.push({ from: 'host', kind: 'tcp', dst: ip, port: closed });
      probes.push({ from: 'pc1', kind: 'icmp', dst: ip });
    }
  }
  for (const port of publishedPorts(s.world)) {
    probes.push({ from: 'pc1', kind: 'tcp', dst: HOST_IP, port });
    probes.push({ from: 'host', kind: 'tcp', dst: HOST_IP, port });
  }
  for (const c of s.containers) probes.push({ from: c.name, kind: 'icmp', dst: OUTSIDE_IP });
  return probes;
}

function whereOf(world: World, from: Node): Where {
  if (from === 'host') return HOST;
  if (from === 'pc1') return { kind: 'machine', id: 'pc1' };
  const c = Object.values(world.containers).find((x) => x.name === from);
  if (!c) throw new Error(`no container ${from}`);
  return { kind: 'container', id: c.id };
}

/** curl -v's errno line, as the kernel side's connect(2) classes it. */
export function tcpVerdict(exitCode: number, output: string): Verdict {
  if (exitCode === 28) return 'timeout';
  if (exitCode === 7) {
    if (/Connection refused/.test(output)) return 'refused';
    if (/No route to host|Network is unreachable/.test(output)) return 'unreachable';
    return 'timeout';
  }
  return 'open';
}

/** The engine's answer to one probe (each from the same World: probes do not see each other's ARP or conntrack). */
export function engineVerdict(world: World, p: Probe): Verdict {
  const where = whereOf(world, p.from);
  if (p.kind === 'icmp') {
    const argv = ['ping', '-c', '1', '-W', '1', p.dst];
    return ping(world, argv, where, argv.join(' ')).exitCode === 0 ? 'ok' : 'fail';
  }
  const argv = ['curl', '-sv', '-m', '2', `http://${p.dst}:${p.port}/`];
  const r = curl(world, argv, where, argv.join(' '));
  return tcpVerdict(r.exitCode, r.output);
}
