import { linkingIds } from '../containerIndex';
import { imageInfo } from '../images';
import { endpointSettingsError } from '../ipam';
import { defaultBridgeEndpoint, gatewayEndpoint, linkedContainers, lookupNetwork } from '../lookup';
import type { Container, World } from '../model';
import { advertiseEndpoints } from '../net/garp';
import { randomInt } from '../prng';
import { ensureLbEndpoints, syncDefaultGw } from '../swarm/taskContainer';
import { attachEndpoint } from './endpoint';
import { stopHealthMonitor } from './healthState';
import { deviceStartError } from './hostDevices';
import { bindPorts } from './ports';
import { gpuRequestError } from './runOptsInspect';

/**
 * Container state transitions on immer drafts. An Endpoint's live fields (ip, mac, endpointId,
 * veth, ifname) exist only while the container runs; releasing them frees the address and the
 * veth, so IPAM and the stack view never see a stopped container.
 */

// moby's names-generator, abridged: "adjective_surname".
const LEFT = [
  'admiring',
  'brave',
  'clever',
  'dreamy',
  'eager',
  'focused',
  'gifted',
  'happy',
  'jolly',
  'keen',
  'loving',
  'modest',
  'nifty',
  'quirky',
  'romantic',
  'sleepy',
  'trusting',
  'vibrant',
  'wizardly',
  'zealous',
];
const RIGHT = [
  'albattani',
  'babbage',
  'curie',
  'darwin',
  'euclid',
  'feynman',
  'goldstine',
  'hopper',
  'johnson',
  'kepler',
  'lovelace',
  'mccarthy',
  'noether',
  'pascal',
  'ritchie',
  'shannon',
  'tesla',
  'turing',
  'wescoff',
  'wozniak',
];

/** A free random name as Docker generates one when `--name` is omitted. */
export function generateName(draft: World): string {
  const taken = new Set(Object.values(draft.containers).map((c) => c.name));
  for (;;) {
    const n = `${LEFT[randomInt(draft, 0, LEFT.length - 1)]}_${RIGHT[randomInt(draft, 0, RIGHT.length - 1)]}`;
    if (!taken.has(n)) return n;
    const numbered = `${n}${randomInt(draft, 0, 9)}`;
    if (!taken.has(numbered)) return numbered;
  }
}

/** A failed start: the daemon's message, and the wrapper Docker puts around it. */
export interface StartError {
  message: string;
}

/**
 * Starts a created/exited container: allocates each endpoint (ip, mac, endpoint id, veth, ifname
 * in endpoint order) and binds published ports. On failure the container keeps its previous state
 * with no live fields (Docker's "stays Created").
 */
export function startContainer(draft: World, id: string): StartError | null {
  const c = draft.containers[id];
  if (c.state === 'running') return null;
  if (c.networkMode.startsWith('container:')) {
    const ref = c.networkMode.slice('container:'.length);
    const other = draft.containers[ref];
    if (!other) return { message: `No such container: ${ref}` };
    // daemon getNetworkedContainer (v28): the owner by name, with its state.
    if (other.state !== 'running') {
      return {
        message: `cannot join network namespace of a non running container: container ${other.name} is ${other.state}`,
      };
    }
    c.joinedNetns = other.startedAt;
  }
  syncDefaultGw(draft, id);
  for (const [i, ep] of c.endpoints.entries()) {
    const net = lookupNetwork(draft, ep.networkId);
    if (!net.ok) return failStart(c, `failed to set up container networking: ${net.error}`);
    ep.networkId = net.value.id;
    // The network may have changed since create (removed and recreated without that subnet).
    const bad =
      ep.ipamIp || ep.ipamIp6 ? endpointSettingsError(net.value.name, net.value, ep.ipamIp, [], [], ep.ipamIp6) : null;
    if (bad) return failStart(c, `failed to set up container networking: ${bad}`);
    const err = attachEndpoint(draft, net.value, ep, `eth${i}`, c.daemon, c);
    if (err) return failStart(c, `failed to set up container networking: ${err}`);
  }
  ensureLbEndpoints(draft, id);
  const gwEp = gatewayEndpoint(draft, c);
  if (gwEp && c.networkMode !== 'host') {
    const err = bindPorts(draft, c, gwEp.ip!);
    if (err) {
      const msg = `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${gwEp.endpointId}): ${err}`;
      return failStart(c, msg);
    }
  }
  // Legacy links on the default bridge: buildSandboxOptions, then setupLinkedContainers (createSpec).
  if (c.networkMode === 'bridge' && defaultBridgeEndpoint(draft, c)) {
    const children = linkedContainers(draft, c);
    for (const { child } of children) {
      if (!defaultBridgeEndpoint(draft, child)) {
        return failStart(c, `Cannot link to /${child.name}, as it does not belong to the default network`);
      }
    }
    for (const { child, alias } of children) {
      if (child.state !== 'running') {
        return failStart(c, `Cannot link to a non running container: /${child.name} AS /${c.name}/${alias}`);
      }
    }
  }
  // createSpec after the networking: WithResources' blkio devices, WithDevices' --device, then
  // --gpus, which find no driver on a host without a GPU (daemon/devices.go handleDevice)
  const device = deviceStartError(draft, c) ?? gpuRequestError(c);
  if (device) return failStart(c, device);
  c.state = 'running';
  c.startedAt = draft.clock;
  c.exitCode = 0;
  // a new sandbox: what `ip` changed in the last one went with it
  delete c.netns;
  writeLinkHosts(draft, c);
  advertiseEndpoints(draft, c);
  return null;
}

/**
 * Legacy links' /etc/hosts lines are written, not looked up: at the parent's start with each
 * child's address, and again in every running parent when a child starts (libnetwork
 * sandbox_dns_unix.go updateParentHosts). A child that stops leaves its line as it was.
 */
function writeLinkHosts(draft: World, c: Container): void {
  const ipOf = (x: Container) => defaultBridgeEndpoint(draft, x)?.ip;
  if (c.networkMode === 'bridge') {
    const own: Record<string, string> = {};
    for (const { child } of linkedContainers(draft, c)) {
      const ip = ipOf(child);
      if (ip) own[child.id] = ip;
    }
    if (Object.keys(own).length) c.linkHosts = own;
    else delete c.linkHosts;
  }
  const ip = ipOf(c);
  if (!ip) return;
  for (const pid of linkingIds(draft)) {
    const p = draft.containers[pid];
    if (p.id === c.id || p.state !== 'running' || !p.links?.length) continue;
    if (linkedContainers(draft, p).some((l) => l.child.id === c.id)) p.linkHosts = { ...p.linkHosts, [c.id]: ip };
  }
}

function failStart(c: Container, message: string): StartError {
  releaseLive(c);
  return { message };
}

/** Clears every live field of a container's endpoints and ports. */
function releaseLive(c: Container): void {
  for (const ep of c.endpoints) {
    delete ep.ip;
    delete ep.ip6;
    delete ep.mac;
    delete ep.endpointId;
    delete ep.veth;
    delete ep.vethMac;
    delete ep.ifname;
    delete ep.ifindex;
    delete ep.hostIfindex;
    delete ep.devId;
  }
  // its namespace goes: the next start numbers a new one from lo
  delete c.lastIfindex;
  for (const b of c.ports) delete b.boundPort;
}

/** Removes a container's MACs from bridges' FDBs and other stacks' neighbour entries for them. */
function forgetL2(draft: World, c: Container): void {
  const macs = new Set(c.endpoints.flatMap((e) => [e.mac, e.vethMac]).filter((m): m is string => !!m));
  const veths = new Set(c.endpoints.map((e) => e.veth).filter(Boolean));
  for (const n of Object.values(draft.networks)) {
    n.fdb = n.fdb.filter((f) => !macs.has(f.mac) && !veths.has(f.port));
  }
  c.arp = [];
}

/**
 * Stops a running container (exit code as given: 0 for a clean exit, 137 for SIGKILL), releasing
 * addresses, ports and L2 state. With `--rm` the container is removed.
 */
export function stopContainer(draft: World, id: string, exitCode: number): void {
  const c = draft.containers[id];
  // A container that is not running has no process to stop, so --rm does not fire either.
  if (c?.state !== 'running') return;
  forgetL2(draft, c);
  releaseLive(c);
  // A paused container can be stopped or killed: the daemon thaws it to deliver the signal.
  delete c.paused;
  stopHealthMonitor(c);
  c.state = 'exited';
  c.exitCode = exitCode;
  c.finishedAt = draft.clock;
  if (c.autoRemove) delete draft.containers[id];
}

/** Removes a container (stopping it first when running, as `rm -f` does). */
export function removeContainer(draft: World, id: string): void {
  const c = draft.containers[id];
  if (!c) return;
  if (c.state === 'running') {
    forgetL2(draft, c);
    releaseLive(c);
  }
  delete draft.containers[id];
}

/** What the container's main process does once started without a terminal. */
export function exitsAtOnce(c: Container): boolean {
  // an image of another platform: runc's init cannot exec its first binary
  if (c.platform) return true;
  const info = imageInfo(c.image);
  if (c.cmd.length === 0) {
    if (info.requiresOneOf && !info.requiresOneOf.some((k) => c.env.some((e) => e.startsWith(`${k}=`)))) return true;
    // A shell as PID 1 exits on EOF unless it has a terminal or an open stdin.
    return !info.keepsRunning && !c.tty && !c.interactive;
  }
  return !commandKeepsRunning(c.cmd, c.tty || c.interactive);
}

/** A CMD the shell engine runs to its end (not a shell, not a long-running process). */
export function oneShotCmd(c: Container): boolean {
  return (
    !c.platform && c.cmd.length > 0 && !isShellCommand(c.cmd) && !commandKeepsRunning(c.cmd, c.tty || c.interactive)
  );
}

/** The exit code of a main process that `exitsAtOnce`: 1 when the image misses its required env (mysql), else 0. */
export function atOnceExitCode(c: Container): number {
  if (c.platform) return 255;
  const info = imageInfo(c.image);
  const missing = c.cmd.length === 0 && info.requiresOneOf !== undefined && info.missingEnvLog !== undefined;
  return missing && !info.requiresOneOf!.some((k) => c.env.some((e) => e.startsWith(`${k}=`))) ? 1 : 0;
}

const SHELLS = new Set([
  'bash',
  'sh',
  'zsh',
  'ash',
  '/bin/bash',
  '/bin/sh',
  'bin/bash',
  'bin/sh',
  '/bin/zsh',
  '/bin/ash',
]);

/** Whether a CMD is a long-running process (a sleeper, a follower, a server or an interactive shell). */
export function commandKeepsRunning(cmd: string[], terminal: boolean): boolean {
  const [name, ...args] = cmd;
  const base = name.split('/').pop() ?? name;
  if (SHELLS.has(name)) {
    if (args.includes('-c'))
      return commandKeepsRunning(
        args
          .slice(args.indexOf('-c') + 1)
          .join(' ')
          .split(/\s+/),
        terminal,
      );
    return terminal;
  }
  if (base === 'sleep') return true;
  if (base === 'tail') return args.includes('-f') || args.includes('-F');
  if (base === 'ping') return !args.some((a) => a.startsWith('-c'));
  return ['top', 'nginx', 'httpd-foreground', 'redis-server', 'postgres', 'mysqld', 'node', 'npm'].includes(base);
}

/** Whether `cmd` asks for a shell session (`bash`, `sh`, `bin/bash`, `/bin/bash`, `zsh`). */
export function isShellCommand(cmd: string[]): boolean {
  return cmd.length === 1 && SHELLS.has(cmd[0]);
}

/** The host's hostname, which `--network host` containers see. */
export function hostHostname(world: World, daemon: string): string {
  return world.machines[daemon]?.hostname ?? daemon;
}
