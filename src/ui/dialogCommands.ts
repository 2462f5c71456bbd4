import type { Container, World } from '../sim/model';
import { roleOf } from '../sim/swarm/state';
import { shellArg } from './canvas/gestures';
import { imageChoices } from './catalogue';

/**
 * The docker lines the dialogs build from their fields. Kept apart from actions.ts so the image
 * catalogue loads with the dialogs, not on first paint.
 */

export interface NewContainer {
  image: string;
  name: string;
  /** "8080:80, 5432:5432" */
  ports: string;
  network: string;
  env?: string;
}

/** `docker run` for the add-container form: shell images get -dit so they keep running. */
export function runCommand(c: NewContainer): string {
  const shell = imageChoices().find((i) => i.image === c.image)?.shell ?? false;
  const parts = ['docker', 'run', shell ? '-dit' : '-d'];
  if (c.name.trim()) parts.push('--name', shellArg(c.name.trim()));
  if (c.network && c.network !== 'bridge') parts.push('--network', shellArg(c.network));
  for (const p of c.ports.split(/[\s,]+/).filter(Boolean)) parts.push('-p', shellArg(p));
  for (const e of (c.env ?? '').split('\n').filter((x) => x.trim())) parts.push('-e', shellArg(e.trim()));
  parts.push(shellArg(c.image.trim()));
  return parts.join(' ');
}

export interface NewNetwork {
  name: string;
  driver: string;
  subnet: string;
  /** macvlan/ipvlan: `--gateway`, `--ip-range`, `-o parent=`, `-o macvlan_mode=|ipvlan_mode=` */
  gateway?: string;
  ipRange?: string;
  parent?: string;
  mode?: string;
}

/** Whether a driver hangs its networks off a parent interface (macvlan, ipvlan). */
export const isLowerDriver = (driver: string): boolean => driver === 'macvlan' || driver === 'ipvlan';

/** The modes a macvlan/ipvlan network takes, the driver's default first. */
export const LOWER_MODES: Record<string, string[]> = {
  macvlan: ['bridge', 'private', 'vepa', 'passthru'],
  ipvlan: ['l2', 'l3', 'l3s'],
};

/**
 * The drivers `docker network create` accepts on `daemon` now: bridge and macvlan always;
 * ipvlan while no ipvlan network holds the parent (a parent serves one); overlay on a swarm
 * manager. host and null are the daemon's own (one instance each), so never offered.
 */
export function dialogDrivers(world: World, daemon: string): string[] {
  const out = ['bridge', 'macvlan'];
  const held = Object.values(world.networks).some(
    (n) => n.driver === 'ipvlan' && n.daemon === daemon && n.options.parent === 'eth0',
  );
  if (!held) out.push('ipvlan');
  if (roleOf(world, daemon) === 'manager') out.push('overlay');
  return out;
}

/**
 * What the fields start with for a macvlan/ipvlan network on `daemon`: its LAN (the subnet of
 * eth0, the router as gateway, a /26 at .64 for containers, away from the LAN's own machines);
 * an ipvlan l3 network gets a subnet of its own and no gateway (the parent routes for it).
 */
export function lowerDefaults(world: World, daemon: string, driver: string, mode: string) {
  if (driver === 'ipvlan' && mode !== 'l2') return { subnet: '10.10.0.0/24', gateway: '', ipRange: '' };
  const eth0 = world.machines[daemon]?.ifaces.find((f) => f.name === 'eth0')?.addrs[0];
  const gw = world.machines[daemon]?.routes.find((r) => r.dst === 'default')?.via ?? '';
  if (eth0?.prefix !== 24) return { subnet: '', gateway: '', ipRange: '' };
  const base = eth0.ip.split('.').slice(0, 3).join('.');
  return { subnet: `${base}.0/24`, gateway: gw, ipRange: `${base}.64/26` };
}

export function networkCreateCommand(n: NewNetwork): string {
  const parts = ['docker', 'network', 'create'];
  if (n.driver && n.driver !== 'bridge') parts.push('-d', shellArg(n.driver));
  if (n.subnet.trim()) parts.push('--subnet', shellArg(n.subnet.trim()));
  if (n.gateway?.trim()) parts.push('--gateway', shellArg(n.gateway.trim()));
  if (n.ipRange?.trim()) parts.push('--ip-range', shellArg(n.ipRange.trim()));
  if (isLowerDriver(n.driver)) {
    if (n.parent?.trim()) parts.push('-o', shellArg(`parent=${n.parent.trim()}`));
    // the driver's default mode is left out, as a person would type it
    if (n.mode && n.mode !== LOWER_MODES[n.driver][0]) parts.push('-o', shellArg(`${n.driver}_mode=${n.mode}`));
  }
  // an empty name is left out, so Docker's CLI answers as it would ("requires 1 argument")
  // instead of a quoted '' creating a network nobody can name
  if (n.name.trim()) parts.push(shellArg(n.name.trim()));
  return parts.join(' ');
}

/**
 * Publishing a port on an existing container: Docker cannot add one to a container that exists, so
 * the container is re-created with the same image, name, env and networks plus the new port. A
 * running one is run again; a stopped one is only created (`docker create`), so it stays stopped.
 */
export function republishCommands(world: World, c: Container, port: string): string[] {
  const nets = c.endpoints.map((ep) => world.networks[ep.networkId]?.name).filter((n): n is string => !!n);
  const first = nets[0] ?? c.networkMode;
  const it = `${c.interactive ? 'i' : ''}${c.tty ? 't' : ''}`;
  const parts =
    c.state === 'running'
      ? ['docker', 'run', `-d${it}`, '--name', shellArg(c.name)]
      : ['docker', 'create', ...(it ? [`-${it}`] : []), '--name', shellArg(c.name)];
  if (first && first !== 'bridge' && first !== 'default') parts.push('--network', shellArg(first));
  for (const p of c.ports) {
    const host = p.hostPort == null ? '' : `${p.hostIp ? `${p.hostIp}:` : ''}${p.hostPort}:`;
    parts.push('-p', shellArg(`${host}${p.containerPort}${p.proto === 'udp' ? '/udp' : ''}`));
  }
  parts.push('-p', shellArg(port.trim()));
  for (const e of c.env) parts.push('-e', shellArg(e));
  parts.push(shellArg(c.image), ...c.cmd.map(shellArg));
  return [
    `docker rm -f ${shellArg(c.name)}`,
    parts.join(' '),
    ...nets.slice(1).map((n) => `docker network connect ${shellArg(n)} ${shellArg(c.name)}`),
  ];
}

/**
 * What the Publish port dialog proposes: the first port the image listens on that this container
 * does not publish yet (80 when the catalogue knows none), on the first host port from 8080 that no
 * container of the same daemon has published, so the proposal never reads `-p 8080:80 -p 8080:80`
 * and never meets "port is already allocated".
 */
export function proposedPublish(world: World, c: Container): string {
  const mine = new Set(c.ports.map((p) => `${p.containerPort}/${p.proto}`));
  const listens = imageChoices().find((i) => i.image === c.image)?.listens ?? [];
  const target = listens.map((l) => (l.includes('/') ? l : `${l}/tcp`)).find((l) => !mine.has(l)) ?? '80/tcp';
  const [port, proto] = target.split('/');
  const taken = new Set<number>();
  for (const other of Object.values(world.containers))
    if (other.daemon === c.daemon)
      for (const p of other.ports) {
        if (p.hostPort == null) continue;
        for (let h = p.hostPort; h <= (p.hostPortEnd ?? p.hostPort); h++) taken.add(h);
        if (p.boundPort != null) taken.add(p.boundPort);
      }
  let host = 8080;
  while (taken.has(host)) host++;
  return `${host}:${port}${proto === 'udp' ? '/udp' : ''}`;
}
