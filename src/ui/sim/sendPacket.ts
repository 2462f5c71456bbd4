import type { Frame } from '../../sim/console';
import { DOCKER_HOST } from '../../sim/ids';
import { imageHasTool } from '../../sim/images';
import type { Container, World } from '../../sim/model';
import { DOCKER_HOST_IP, LAN_GATEWAY, ROUTER_PUBLIC_IP } from '../../sim/world';

/**
 * "Send a packet…" without the console: the console line a person would type for a source, a
 * target and what to send. No React here, so the rules are unit-tested on their own.
 */

export type SendKind = 'ping' | 'http' | 'dns';

/** What the form holds. `source` is a machine id or a container name; `target` is free text. */
export interface SendSpec {
  source: string;
  target: string;
  kind: SendKind;
  /** HTTP only */
  port: number;
}

/** The line to run and whether the source can run it at all. */
export interface SendPlan {
  line: string;
  /** the program the line runs: ping, curl or nslookup */
  tool: string;
  /** the source lacks `tool`: Docker (or bash) will refuse, so the form says so first */
  missingTool: boolean;
  /** the source container's image, when the source is a container */
  image?: string;
}

/** The program each kind of packet is sent with. */
export const TOOL_OF: Record<SendKind, string> = { ping: 'ping', http: 'curl', dns: 'nslookup' };

/** An image that has every tool the form uses (docker-facts.md: netshoot has ping, curl, nslookup). */
export const TOOL_RICH_IMAGE = 'nicolaka/netshoot';

function containerNamed(world: World, name: string): Container | undefined {
  return Object.values(world.containers).find((c) => c.name === name);
}

/** Sources: every machine, then every running container (a stopped one has no network stack). */
export function sourceChoices(world: World): { value: string; kind: 'machine' | 'container' }[] {
  const machines = Object.keys(world.machines).map((value) => ({ value, kind: 'machine' as const }));
  const containers = Object.values(world.containers)
    // a paused container refuses `docker exec` (the form's line would fail)
    .filter((c) => c.state === 'running' && !c.paused)
    .map((c) => ({ value: c.name, kind: 'container' as const }));
  return [...machines, ...containers];
}

/** Targets offered in the list (any text is accepted too): containers, machines, their addresses, google.com. */
export function targetChoices(world: World): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (const c of Object.values(world.containers)) {
    out.push({ value: c.name, label: c.image });
    for (const e of c.endpoints) if (e.ip) out.push({ value: e.ip, label: c.name });
  }
  for (const m of Object.values(world.machines)) {
    out.push({ value: m.id, label: m.kind });
    for (const i of m.ifaces)
      for (const a of i.addrs) if (i.name !== 'lo') out.push({ value: a.ip, label: `${m.id} ${i.name}` });
  }
  return out;
}

/** Whether a machine or container sits behind the home router (so it reaches the router's LAN side). */
function onLan(world: World, source: string): boolean {
  const m = world.machines[source];
  if (!m) return true; // containers live on the Docker host
  return m.ifaces.some((i) => i.segment === 'lan');
}

/** The user-defined networks two containers share: there Docker's DNS answers container names. */
function sharesUserNetwork(world: World, a: Container, b: Container): boolean {
  return a.endpoints.some(
    (ea) =>
      !world.networks[ea.networkId]?.predefined && b.endpoints.some((eb) => eb.networkId === ea.networkId && eb.ip),
  );
}

/**
 * The address the line names for `target` as seen from `source`: a container by name where
 * Docker's DNS resolves it (a shared user-defined network), else by its IP; a machine by its
 * address (the router by its LAN side from the LAN, its public one from the internet); any other
 * text (an IP, google.com) as typed.
 */
export function targetAddress(world: World, source: string, target: string): string {
  const t = target.trim();
  const dst = containerNamed(world, t);
  if (dst) {
    const src = containerNamed(world, source);
    if (src && sharesUserNetwork(world, src, dst)) return dst.name;
    if (dst.networkMode === 'host') return DOCKER_HOST_IP;
    const shared = src && dst.endpoints.find((e) => e.ip && src.endpoints.some((s) => s.networkId === e.networkId));
    return shared?.ip ?? dst.endpoints.find((e) => e.ip)?.ip ?? dst.name;
  }
  const m = world.machines[t];
  if (!m) return t;
  // google.com is a name its DNS answers: looking it up is part of the lesson
  if (m.id === 'google.com') return t;
  if (m.id === 'router') return onLan(world, source) ? LAN_GATEWAY : ROUTER_PUBLIC_IP;
  for (const i of m.ifaces) if (i.name !== 'lo' && i.addrs[0]) return i.addrs[0].ip;
  return t;
}

/** The command itself, run wherever the prefix puts it. */
function command(kind: SendKind, address: string, port: number): string {
  if (kind === 'ping') return `ping -c 1 ${address}`;
  if (kind === 'dns') return `nslookup ${address}`;
  return `curl -s http://${address}${port === 80 ? '' : `:${port}`}/`;
}

/**
 * The console line for a spec, as typed where the console is now (`here`): inside the source
 * itself a bare command, on the Docker host `docker exec NAME …` for a container, else `@NAME …`.
 * @example buildSendLine(world, host, { source: 'pc1', target: '192.168.0.10', kind: 'http', port: 8001 }).line
 * // '@pc1 curl -s http://192.168.0.10:8001/'
 */
export function buildSendLine(world: World, here: Frame, spec: SendSpec): SendPlan {
  const tool = TOOL_OF[spec.kind];
  const cmd = command(spec.kind, targetAddress(world, spec.source, spec.target), spec.port);
  const c = containerNamed(world, spec.source);
  if (c) {
    const missingTool = !imageHasTool(c.image, tool);
    const inside = here.kind === 'container' && here.id === c.id;
    const atHost = here.kind === 'machine' && here.id === DOCKER_HOST;
    const line = inside ? cmd : atHost ? `docker exec ${c.name} ${cmd}` : `@${c.name} ${cmd}`;
    return { line, tool, missingTool, image: c.image };
  }
  const m = world.machines[spec.source];
  const missingTool = !m?.tools.includes(tool);
  const line = here.kind === 'machine' && here.id === spec.source ? cmd : `@${spec.source} ${cmd}`;
  return { line, tool, missingTool };
}

/** A canvas node id as a source: a machine, or a running container's name; null for anything else. */
export function sourceOfNode(world: World, nodeId: string): string | null {
  if (world.machines[nodeId]) return nodeId;
  if (nodeId.startsWith('ctr:')) {
    const c = world.containers[nodeId.slice(4)];
    return c && c.state === 'running' ? c.name : null;
  }
  return null;
}

/** A canvas node id as a target: a machine id or a container name; null for bridges and switches. */
export function targetOfNode(world: World, nodeId: string): string | null {
  if (world.machines[nodeId]) return nodeId;
  if (nodeId.startsWith('ctr:')) return world.containers[nodeId.slice(4)]?.name ?? null;
  return null;
}
