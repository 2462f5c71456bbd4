import { runDocker } from '../docker';
import type { CommandResult, Container, Network, World } from '../model';
import { type Flavor, L } from './project';

/**
 * What Compose observes of a project on one daemon (it asks the API by label, as pkg/compose
 * getContainers does), and the docker CLI calls it makes: every change goes through the docker
 * engine's own commands, so IPAM, DNS, iptables and the canvas see what `docker` itself made.
 */

/** A compose line's daemon: the machine it runs on. */
export interface Ctx {
  world: World;
  daemon: string;
  flavor: Flavor;
  /** output lines so far (progress, warnings, errors) */
  out: string[];
}

/** Runs `docker ARGV…` on the context's daemon; the World moves on when it succeeded. */
export function docker(ctx: Ctx, argv: string[]): CommandResult {
  const r = runDocker(ctx.world, argv, { kind: 'machine', id: ctx.daemon });
  if (r.exitCode === 0) ctx.world = r.world;
  return r;
}

/** The project's service containers (not one-off), oldest first. */
export function projectContainers(world: World, daemon: string, project: string, service?: string): Container[] {
  return Object.values(world.containers)
    .filter(
      (c) =>
        c.daemon === daemon &&
        c.labels?.[L.project] === project &&
        c.labels[L.oneoff] !== 'True' &&
        (service === undefined || c.labels[L.service] === service),
    )
    .sort((a, b) => Number(a.labels?.[L.number] ?? 0) - Number(b.labels?.[L.number] ?? 0) || a.seq - b.seq);
}

/** Networks of this daemon (and swarm-wide ones) with exactly this name. */
export function networksNamed(world: World, daemon: string, name: string): Network[] {
  return Object.values(world.networks).filter((n) => n.name === name && (n.daemon === daemon || n.daemon === null));
}

/** The networks a project made (by label), in name order. */
export function projectNetworks(world: World, daemon: string, project: string): Network[] {
  return Object.values(world.networks)
    .filter((n) => n.daemon === daemon && n.labels[L.project] === project)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** v2's progress line: plain writer `fmt.Fprintln("", ID, Text, StatusText)` with Text empty. */
export const event = (id: string, status: string) => ` ${id}  ${status}`;

/** The first `Error response from daemon: …` line of a failed docker command (the CLI's own suffix dropped). */
export function daemonError(r: CommandResult): string {
  const lines = r.output.split('\n').filter((l) => l !== '' && !l.startsWith('Error: failed to start containers'));
  return lines.find((l) => l.startsWith('Error response from daemon')) ?? lines[0] ?? '';
}

/** logrus's TextFormatter without a terminal: `time="…" level=warning msg="…"`. */
export function logrusWarning(world: World, msg: string): string {
  const time = new Date(Date.UTC(2026, 0, 1) + world.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `time="${time}" level=warning msg="${msg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** A container's log as lines: its blank lines kept (ping's before the statistics), none at the end. */
export function logLines(output: string): string[] {
  return output === '' ? [] : output.replace(/\n+$/, '').split('\n');
}
