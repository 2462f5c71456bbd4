import type { Container, World } from '../sim/model';
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
}

export function networkCreateCommand(n: NewNetwork): string {
  const parts = ['docker', 'network', 'create'];
  if (n.driver && n.driver !== 'bridge') parts.push('-d', shellArg(n.driver));
  if (n.subnet.trim()) parts.push('--subnet', shellArg(n.subnet.trim()));
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
