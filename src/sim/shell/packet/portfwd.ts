import { produce } from '../../containerIndex';
import type { CommandResult, PortForward, World } from '../../model';
import { inCidr, isIpv4, networkOf } from '../../net/addr';
import type { Where } from '../../where';

/**
 * The home router's port-forward table (what a router's web UI calls "port forwarding"):
 * `portfwd add tcp 80 192.168.0.10 8001`, `portfwd ls`, `portfwd rm tcp 80`.
 */

const USAGE = [
  'Usage: portfwd add tcp|udp PUBLIC_PORT LAN_IP LAN_PORT',
  '       portfwd ls',
  '       portfwd rm tcp|udp PUBLIC_PORT',
].join('\n');

const port = (s: string | undefined) =>
  s && /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 65535 ? Number(s) : null;

function list(fw: PortForward[]): string {
  const rows = fw.map((f) => `${f.proto.padEnd(6)}${String(f.publicPort).padEnd(13)}${f.toIp}:${f.toPort}`);
  return ['PROTO PUBLIC PORT  FORWARD TO', ...rows].join('\n');
}

/** The `portfwd` command; only the router has port forwards. */
export function portfwd(world: World, argv: string[], where: Where): CommandResult {
  const m = where.kind === 'machine' ? world.machines[where.id] : undefined;
  if (m?.kind !== 'router' || !m.ifaces.some((f) => f.segment === 'lan')) {
    return { world, output: 'portfwd: only the home router forwards ports (try: @router portfwd ls)', exitCode: 1 };
  }
  const [, sub, protoArg, pub, ip, to] = argv;
  if (sub === 'ls' || sub === 'list' || sub === undefined) return { world, output: list(m.forwards), exitCode: 0 };
  const proto = protoArg === 'tcp' || protoArg === 'udp' ? protoArg : null;
  const publicPort = port(pub);
  if (sub === 'add') {
    const toPort = port(to);
    if (!proto || publicPort === null || !ip || !isIpv4(ip) || toPort === null) {
      return { world, output: `portfwd: invalid rule\n${USAGE}`, exitCode: 2 };
    }
    const lan = m.ifaces.find((f) => f.segment === 'lan')?.addrs[0];
    const prefix = lan ? inCidr(ip, networkOf(lan.ip, lan.prefix)) : false;
    if (!prefix) return { world, output: `portfwd: ${ip} is not on the LAN (${lan?.ip}/${lan?.prefix})`, exitCode: 1 };
    if (m.forwards.some((f) => f.proto === proto && f.publicPort === publicPort)) {
      return { world, output: `portfwd: ${proto} port ${publicPort} is already forwarded`, exitCode: 1 };
    }
    const next = produce(world, (d) => {
      d.machines[m.id].forwards.push({ proto, publicPort, toIp: ip, toPort });
    });
    return { world: next, output: '', exitCode: 0 };
  }
  if (sub === 'rm' || sub === 'del') {
    if (!proto || publicPort === null) return { world, output: `portfwd: invalid rule\n${USAGE}`, exitCode: 2 };
    const i = m.forwards.findIndex((f) => f.proto === proto && f.publicPort === publicPort);
    if (i < 0) return { world, output: `portfwd: no rule for ${proto} port ${publicPort}`, exitCode: 1 };
    return { world: produce(world, (d) => void d.machines[m.id].forwards.splice(i, 1)), output: '', exitCode: 0 };
  }
  return { world, output: USAGE, exitCode: sub === '-h' || sub === '--help' ? 0 : 2 };
}
