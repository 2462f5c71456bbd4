import { DOCKER_HOST } from './ids';
import type { Machine, World } from './model';
import { randomMac } from './prng';
import { createDefaultWorld, DEFAULT_SEED } from './world';

/**
 * Docker Desktop (Windows, macOS): the Docker Engine runs in a Linux VM inside the user's PC, not
 * on a machine of the LAN. Sources, read 2026-12 (docker/docs, content/manuals/desktop/features/networking):
 * - "Docker Desktop runs the Docker Engine inside a lightweight Linux virtual machine"; outbound
 *   traffic leaves the VM "through NAT using a virtual adapter (typically with an internal IP such
 *   as 192.168.65.3)" and is carried to the host over shared memory, where com.docker.backend
 *   (vpnkit) opens ordinary sockets: the LAN sees the PC's own address (_index.md, "How containers
 *   connect to the internet").
 * - Published ports: "Docker Desktop's backend process listens on the specified host port" (0.0.0.0
 *   by default) and "forwards the connection into the Linux VM … routed to the container's internal
 *   IP address and port, for example 172.17.0.2:80" (_index.md, "How exposed ports work").
 * - Known limitations: "There is no docker0 bridge on the host", "I cannot ping my containers",
 *   "Per-container IP addressing is not possible … the Docker bridge network is not reachable from
 *   the host" (networking-how-tos.md). Seed 004 meets exactly this on Windows: 172.17.0.2 answers
 *   nothing, localhost:8001 answers.
 * - `host.docker.internal` "resolves to the internal IP address of your host" and
 *   `gateway.docker.internal` to "the gateway IP of the Docker VM" (networking-how-tos.md); the
 *   Docker subnet setting defaults to 192.168.65.0/24, the range vpnkit's DHCP/DNS use for
 *   `*.docker.internal` (settings-management docs). host.docker.internal answers 192.168.65.254
 *   on current releases, and the VM's resolver is 192.168.65.7: seed 004's resolv.conf says
 *   `# ExtServers: [host(192.168.65.7)]`.
 *
 * In the World: the daemon's machine keeps the id `docker-host` (every console line, lesson and
 * gesture runs there) with the VM's hostname `docker-desktop`; its eth0 is 192.168.65.3/24 on a
 * segment that only the PC's vpnkit end joins. The PC (`pc1`) carries vpnkit's addresses
 * (.1 gateway, .7 DNS, .254 the host as containers see it) on that segment, forwards and
 * masquerades the VM's traffic as vpnkit does (Machine.desktopVm), and its com.docker.backend
 * listens on every port the VM publishes (net/apps.ts; `ss -tlnp` on the PC lists it, shell/sockets.ts).
 * The PC has no route to 172.17.0.0/16.
 */

/** The VM's segment: vpnkit's virtual Ethernet between the PC and the VM, nothing else on it. */
export const DESKTOP_SEGMENT = 'desktop-vm';
export const DESKTOP_VM_IP = '192.168.65.3';
/** vpnkit's gateway, `gateway.docker.internal` */
export const DESKTOP_GATEWAY = '192.168.65.1';
/** the VM's resolver (seed 004: `ExtServers: [host(192.168.65.7)]`) */
export const DESKTOP_DNS = '192.168.65.7';
/** `host.docker.internal`: the PC as containers reach it */
export const DESKTOP_HOST_IP = '192.168.65.254';
/** the PC that runs Docker Desktop */
export const DESKTOP_PC = 'pc1';

/** The names Docker Desktop's DNS answers for the VM (networking-how-tos.md). */
export const DESKTOP_ZONE: Record<string, string> = {
  'host.docker.internal': DESKTOP_HOST_IP,
  'gateway.docker.internal': DESKTOP_GATEWAY,
};

/**
 * The Docker Desktop World: the default one (DESIGN.md §3) with the Docker Engine moved off the
 * LAN into a VM inside pc1. pc2, the router and the internet are unchanged, so a lesson can
 * compare the two worlds line by line.
 * @example createDesktopWorld().machines['docker-host'].hostname // 'docker-desktop'
 */
export function createDesktopWorld(seed: number = DEFAULT_SEED): World {
  const w = createDefaultWorld(seed);
  const vm = w.machines[DOCKER_HOST];
  const pc = w.machines[DESKTOP_PC];
  const vmMachine: Machine = {
    ...vm,
    hostname: 'docker-desktop',
    ifaces: vm.ifaces.map((f) =>
      f.name === 'eth0' ? { ...f, addrs: [{ ip: DESKTOP_VM_IP, prefix: 24 }], segment: DESKTOP_SEGMENT } : f,
    ),
    routes: [
      { dst: 'default', via: DESKTOP_GATEWAY, dev: 'eth0', proto: 'dhcp', src: DESKTOP_VM_IP, metric: 100 },
      { dst: '192.168.65.0/24', dev: 'eth0', proto: 'kernel', scope: 'link', src: DESKTOP_VM_IP },
    ],
    nameservers: [DESKTOP_DNS],
  };
  const pcMachine: Machine = {
    ...pc,
    ifaces: [
      ...pc.ifaces,
      {
        name: 'vpnkit',
        mac: randomMac(w),
        addrs: [DESKTOP_GATEWAY, DESKTOP_DNS, DESKTOP_HOST_IP].map((ip) => ({ ip, prefix: 24 })),
        segment: DESKTOP_SEGMENT,
      },
    ],
    // vpnkit's own stack answers the VM; the PC's routing table never lists 192.168.65.0/24 for
    // its own traffic (net/ip.ts refuses it), only the VM's replies come back this way
    routes: [...pc.routes, { dst: '192.168.65.0/24', dev: 'vpnkit', proto: 'kernel', scope: 'link' }],
    listeners: [...pc.listeners, { port: 53, proto: 'udp', app: 'dns-forwarder', bindIp: DESKTOP_DNS }],
    zone: { ...pc.zone, ...DESKTOP_ZONE },
    desktopVm: DOCKER_HOST,
  };
  w.machines = { ...w.machines, [DOCKER_HOST]: vmMachine, [DESKTOP_PC]: pcMachine };
  return w;
}

/** The World presets a lesson or a new document starts from. */
export type WorldPreset = 'default' | 'desktop';

/** A fresh World of a preset. */
export function presetWorld(preset: WorldPreset = 'default', seed: number = DEFAULT_SEED): World {
  return preset === 'desktop' ? createDesktopWorld(seed) : createDefaultWorld(seed);
}
