import type { ContainerNetns } from './netns';
/**
 * The World: plain, JSON-safe data. Every engine function takes a World and returns a new one
 * (immer `produce`), never mutating its input. Field comments state the invariant each keeps.
 */

import type { CaptureJob } from './net/tcpdumpJob';
import type { Swarm } from './swarm/types';

export type Proto = 'tcp' | 'udp';

/** An IPv4 address on an interface. */
export interface IfaceAddr {
  /** dotted quad, e.g. "192.168.0.10" */
  ip: string;
  /** prefix length, 0..32 */
  prefix: number;
}

/** A network interface of a machine that is not a container (containers derive theirs from endpoints). */
export interface Iface {
  /** kernel name: "eth0", "lo" */
  name: string;
  /** lower-case colon hex, unique across the World */
  mac: string;
  addrs: IfaceAddr[];
  /** the L2 segment this interface is plugged into: "lan", "wan", or null for loopback */
  segment: string | null;
  /** a macvlan link made by `ip link add NAME link PARENT type macvlan`: its lower device (the shim) */
  parent?: string;
  /** administratively down (`ip link add` makes links down until `ip link set NAME up`) */
  down?: boolean;
}

/** A routing-table entry, printed by `ip route` in table order. */
export interface Route {
  /** "default" or a CIDR such as "172.17.0.0/16" */
  dst: string;
  /** next hop; absent for on-link routes */
  via?: string;
  dev: string;
  /** preferred source address */
  src?: string;
  proto?: 'kernel' | 'dhcp' | 'static';
  scope?: 'link' | 'host';
  metric?: number;
  /** printed as `linkdown` (a bridge with no ports) */
  linkdown?: boolean;
}

/** A neighbour (ARP) cache entry, printed by `ip neigh`. */
export interface ArpEntry {
  ip: string;
  mac: string;
  dev: string;
  /**
   * as stored; `ip neigh` shows it through ageing.ts neighState. FAILED: the neighbour did not
   * answer (mac '' when it never had: INCOMPLETE first; with the old MAC: DELAY, then PROBE first);
   * PROBE and INCOMPLETE are only shown, never stored
   */
  state: 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'INCOMPLETE' | 'FAILED' | 'PERMANENT';
  /**
   * World clock (ms) when the entry was last confirmed (REACHABLE turns STALE 30 s later), or for
   * DELAY when a packet first used it stale (5 s later the kernel has it confirmed: REACHABLE), or
   * for FAILED when the packet that found no answer was sent
   */
  at?: number;
  /**
   * the MAC came from a new holder's unsolicited ARPs (net/garp.ts) and no packet has used the
   * entry since: the next one says why it goes to a new MAC. Absent: learned otherwise, or used
   */
  garp?: true;
  /** IPv6: the neighbour's advertisement had the router flag (a forwarding host): `ip -6 neigh` says `router` */
  router?: true;
}

/** One direction of a conntrack tuple. */
export interface Tuple {
  src: string;
  dst: string;
  /** port, or ICMP id for icmp */
  sport: number;
  dport: number;
}

/** A conntrack table entry: original and reply tuple as `conntrack -L` prints them. */
export interface ConntrackEntry {
  proto: 'tcp' | 'udp' | 'icmp';
  orig: Tuple;
  reply: Tuple;
  /** tcp state, e.g. "TIME_WAIT"; empty for udp/icmp */
  state: string;
  /** seconds left, as printed */
  timeout: number;
  assured: boolean;
  /** World clock (ms) when `timeout` was set; absent: never counts down. Expires `timeout` s later */
  at?: number;
}

/** A process listening on a socket. */
export interface Listener {
  port: number;
  proto: Proto;
  /** what answers: an image-catalogue app key ("nginx", "colorapp"), "docker-proxy", "dns", "web" */
  app: string;
  /** bound address; "0.0.0.0" for all */
  bindIp: string;
}

/** A port-forward rule on the home router: public port -> LAN address and port. */
export interface PortForward {
  proto: Proto;
  publicPort: number;
  toIp: string;
  toPort: number;
}

export type MachineKind = 'docker-host' | 'pc' | 'router' | 'server';

/** Anything with a network stack that is not a container: the Docker host, LAN PCs, the router, internet hosts. */
export interface Machine {
  /** stable id, also the canvas node id and the `@name` in the console */
  id: string;
  kind: MachineKind;
  hostname: string;
  /** physical interfaces (lo, eth0 ...). The Docker host's bridges and veths are derived from networks. */
  ifaces: Iface[];
  /** static routes; the Docker host's bridge routes are derived from networks */
  routes: Route[];
  arp: ArpEntry[];
  conntrack: ConntrackEntry[];
  /** /etc/resolv.conf nameservers, in order */
  nameservers: string[];
  listeners: Listener[];
  /** shell tools present (ping, curl, nslookup, dig, ip, iptables, conntrack, brctl, bridge) */
  tools: string[];
  /** router only: port-forward rules, applied in order */
  forwards: PortForward[];
  /** resolver only: the zone it serves, name -> IPv4 */
  zone: Record<string, string>;
  /** web servers only: the body served on port 80 */
  httpBody?: string;
  /**
   * Docker Desktop (src/sim/desktop.ts): the id of the VM machine this PC runs; its vpnkit forwards
   * and masquerades the VM's traffic and its com.docker.backend listens on the VM's published ports.
   * Absent: an ordinary machine.
   */
  desktopVm?: string;
}

export type NetworkDriver = 'bridge' | 'host' | 'null' | 'overlay' | 'macvlan' | 'ipvlan';

/** The IPAM config of a network. */
export interface IpamConfig {
  /** CIDR, network address only ("10.0.0.0/24") */
  subnet: string;
  /** "" when the driver allocates none (ipvlan l3, an internal macvlan/ipvlan) and the user gave none */
  gateway: string;
  /** CIDR inside subnet that containers' addresses come from */
  ipRange?: string;
  /** --aux-address name -> IP, never given to a container (AuxiliaryAddresses) */
  aux?: Record<string, string>;
  /**
   * the gateway came from the pool, not the config (docker0's IPv6 at the first start with
   * fixed-cidr-v6): inspect's IPAM config has no Gateway; absent: it has
   */
  gatewayFromPool?: true;
}

/** A learned entry of a Linux bridge's forwarding database. */
export interface FdbEntry {
  mac: string;
  /** the bridge port (host-side veth name) the MAC was seen on */
  port: string;
  /**
   * World clock (ms) when the bridge last saw the MAC as a frame's source; the entry ages out
   * FDB_AGEING_MS later (net/ageing.ts). Absent (saves from before): never ages
   */
  at?: number;
}

/** A Docker network. */
export interface Network {
  /** 64 lower-case hex chars, unique */
  id: string;
  /** unique among its daemon's networks */
  name: string;
  driver: NetworkDriver;
  /** the daemon (a docker-host Machine.id) that owns it; null: swarm scope, spanning the swarm's nodes */
  daemon: string | null;
  /** 'swarm' for overlay networks, which span the swarm's nodes */
  scope: 'local' | 'swarm';
  /** ISO-8601 timestamp from the World's clock */
  created: string;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
  /** null for host and none; exactly one config for bridges */
  ipam: IpamConfig | null;
  /** true when the user gave --subnet (static --ip is allowed only then) */
  userSubnet: boolean;
  /** bridge, host, none: created by the daemon, cannot be removed */
  predefined: boolean;
  /** "docker0" or "br-" + id.slice(0, 12); null for host/none */
  bridge: string | null;
  /** MAC of the bridge device; null for host/none */
  bridgeMac: string | null;
  /** the bridge device's ifindex on its host, from the daemon's counter at create; absent: numbered as before */
  ifindex?: number;
  /** learned FDB entries, oldest first */
  fdb: FdbEntry[];
  /** overlay only: its VXLAN network identifier (4096 for ingress, then 4097 …) */
  vni?: number;
  /** ipvlan only: the parent's port dev_id_start, the next link's dev_id while a link is up; absent: 1 */
  ipvlanNextDevId?: number;
  /** overlay only: the swarm's routing-mesh network `ingress` */
  ingress?: boolean;
  /**
   * `network create --config-only`: a place-holder holding IPAM config, options and labels for
   * `--config-from` networks; driver `null`, scope local, nothing allocated, no endpoint may join
   */
  configOnly?: boolean;
  /** `network create --config-from NAME`: the config-only network its configuration was copied from */
  configFrom?: string;
  /**
   * `--ipv4=false` (EnableIPv4 false): no IPv4 pool (`ipam` null), endpoints get IPv6 addresses
   * only, the bridge no IPv4 address, route or iptables rule; absent: IPv4 on
   */
  enableIPv4?: false;
  /** an IPv4 config given with `--ipv4=false`: kept as given and listed by inspect, nothing allocated */
  ipam4Kept?: IpamConfig;
  /** `--ipv6` (EnableIPv6): endpoints get an address of `ipam6`; absent in saves before IPv6: false */
  enableIPv6?: boolean;
  /**
   * the IPv6 IPAM config: the user's `--subnet fd00:1::/64` (kept, unallocated, when IPv6 is off),
   * or the /64 the daemon took from its ULA pool; absent: none
   */
  ipam6?: IpamConfig;
  /** true when the user gave an IPv6 --subnet (static --ip6 is allowed only then) */
  userSubnet6?: boolean;
  /** `--ipam-opt` KEY=VALUE (IPAM.Options) */
  ipamOptions?: Record<string, string>;
  /** endpoints of the daemon's own sandboxes, which are no container (docker_gwbridge: `gateway_ingress-sbox`) */
  sandboxes?: { name: string; ip: string; mac: string }[];
  /**
   * macvlan/ipvlan only: the L2 segment its endpoints join through the parent interface ("lan"
   * for eth0), or one of its own (a VLAN sub-interface `eth0.50`, the dummy `dm-…` of a network
   * without a parent), which nothing else is plugged into
   */
  segment?: string;
}

/** A container's attachment to a network. Config persists across stop/start; live fields only while running. */
export interface Endpoint {
  networkId: string;
  /** --network-alias / --alias values */
  aliases: string[];
  /** user-requested --ip, kept across restarts */
  ipamIp?: string;
  /** user-requested --ip6 (IPAMConfig.IPv6Address), kept across restarts */
  ipamIp6?: string;
  /** `--mac-address` as the user wrote it (EndpointSettings.MacAddress before start), kept across restarts */
  macAddress?: string;
  /** `network connect --gw-priority N` (EndpointSettings.GwPriority); absent: 0 */
  gwPriority?: number;
  /** `network connect --driver-opt K=V` (EndpointSettings.DriverOpts) */
  driverOpts?: Record<string, string>;
  /** `network connect --link NAME[:ALIAS]` (EndpointSettings.Links) */
  links?: string[];
  /** `network connect --link-local-ip` (IPAMConfig.LinkLocalIPs): added to the interface, /16 (/64 for IPv6) */
  linkLocalIps?: string[];
  /** live: 64 hex */
  endpointId?: string;
  /** live: allocated IPv4 */
  ip?: string;
  /** live: allocated IPv6 (canonical text), on a network with IPv6 on */
  ip6?: string;
  /** live: container-side MAC */
  mac?: string;
  /** live: container-side name, eth0, eth1 ... */
  ifname?: string;
  /** live: host-side veth name, "veth" + 7 hex */
  veth?: string;
  /** live: host-side veth MAC */
  vethMac?: string;
  /**
   * live: the container end's ifindex (ifindex.ts): the container namespace's next for a bridge veth
   * or a macvlan/ipvlan link, the host's for a pair made there (overlay, docker_gwbridge); absent in
   * saves before it: numbered as the stack did then
   */
  ifindex?: number;
  /** live: the veth pair's host (or overlay sandbox) end's ifindex; absent in saves before it: ifindex - 1 */
  hostIfindex?: number;
  /** live, ipvlan only: the link's dev_id (ipvlan_link_new); absent in saves before it: its rank among the running links */
  devId?: number;
}

/** A published port (`-p [ip:]host:container[/proto]`). */
export interface PortBinding {
  /** "" means all addresses (0.0.0.0 and ::); while bound, the address the port is bound on */
  hostIp: string;
  /**
   * what `-p` named when the network's host_binding_ipv4 replaced it at start ("" when it named no
   * address): HostConfig.PortBindings keeps it; absent, `hostIp` is what was given
   */
  givenHostIp?: string;
  /** null: pick a random free port at start */
  hostPort: number | null;
  /** `-p 8000-8010:80`: the last port of the host range; the first free one from hostPort is bound */
  hostPortEnd?: number;
  containerPort: number;
  proto: Proto;
  /** live: the host port actually bound while running */
  boundPort?: number;
}

export type ContainerState = 'created' | 'running' | 'exited';

/** A Docker container. Its network stack is derived from `endpoints` (or the host / another container). */
/** One probe's result as moby keeps it (HealthcheckResult): World clock ms, the exit code, stdout+stderr. */
export interface HealthResult {
  start: number;
  end: number;
  exitCode: number;
  output: string;
}

/** A container's health-check state (container.Health); the monitor's timer is `next`. */
export interface ContainerHealth {
  status: 'starting' | 'healthy' | 'unhealthy';
  /** consecutive failures counted (not those inside the start period) */
  failingStreak: number;
  /** the last results, oldest first, at most 5 */
  log: HealthResult[];
  /** World clock ms the monitor runs its next probe at; absent: the monitor is stopped (not running, paused) */
  next?: number;
  /** the `startedAt` of the run the monitor was set up for */
  since: number;
}

export interface Container {
  /** 64 lower-case hex chars, unique */
  id: string;
  /** unique among its daemon's containers, without the leading "/" */
  name: string;
  /** the daemon (a docker-host Machine.id) it runs on */
  daemon: string;
  image: string;
  /** CMD given after the image (may be empty: the image default); with `entrypoint`, that entrypoint then the CMD */
  cmd: string[];
  /** `--entrypoint` (Config.Entrypoint; [] after `--entrypoint ""`): `cmd` starts with it. Absent: the image's */
  entrypoint?: string[];
  /** `--read-only`: the root filesystem refuses writes outside the mounts below; absent: writable */
  readOnlyRootfs?: true;
  /** what -v, --mount and --tmpfs mount over the root filesystem (target, writable); absent: none */
  mounts?: { target: string; rw: boolean }[];
  /** the run/create flags kept for inspect (docker/runOpts.ts OPT_ROWS): long name -> values as typed; absent: none */
  opts?: Record<string, string[]>;
  /** KEY=VALUE, in the order given */
  env: string[];
  /** defaults to id.slice(0, 12) */
  hostname: string;
  state: ContainerState;
  exitCode: number;
  /** ISO-8601 from the World's clock */
  created: string;
  /** World clock ms when it last started; 0 if never */
  startedAt: number;
  /** World clock ms when it last stopped or exited (docker ps "Exited (0) 2 seconds ago"); absent if never */
  finishedAt?: number;
  /** HostConfig.NetworkMode: "bridge" | "host" | "none" | "container:<id>" | a network name */
  networkMode: string;
  /**
   * `container:<id>` mode: the owner's `startedAt` when this container joined its namespace. Once
   * the owner has started again (a new namespace), this one keeps the old one, which lost its
   * interfaces, until it is restarted itself. Absent: joined the owner's current namespace.
   */
  joinedNetns?: number;
  /** live: its namespace's last ifindex handed out (lo is 1; ifindex.ts); absent: none since its start */
  lastIfindex?: number;
  /** attachments, in connect order (eth0 first). Empty for host/none/container: modes. */
  endpoints: Endpoint[];
  /** on the "none" network; absent: networkMode === 'none' (network connect/disconnect none set it) */
  noneAttached?: boolean;
  /** --dns servers (HostConfig.Dns); absent: none given */
  dns?: string[];
  /** --dns-search domains (HostConfig.DnsSearch) */
  dnsSearch?: string[];
  /** --dns-option values (HostConfig.DnsOptions) */
  dnsOptions?: string[];
  /** --add-host "name:ip" (HostConfig.ExtraHosts); ip may be `host-gateway` */
  extraHosts?: string[];
  /** --domainname (Config.Domainname) */
  domainname?: string;
  /**
   * `--mac-address` with `--network host|none` (EndpointsConfig[mode].MacAddress): no interface takes
   * it; inspect shows it until the first start, whose cleanOperationalData empties it. Absent: none
   */
  modeMacAddress?: string;
  /** --restart (HostConfig.RestartPolicy); absent: "no" */
  restartPolicy?: { Name: string; MaximumRetryCount: number };
  /** `docker stop`/`kill` stopped it (HasBeenManuallyStopped): unless-stopped then stays down */
  manuallyStopped?: boolean;
  /** restarts by its policy since the last manual start (State RestartCount); absent: 0 */
  restartCount?: number;
  /**
   * the restart manager waits to start it again (State.Restarting; `state` stays 'exited', its
   * network released): at World clock ms `at`, after a back-off of `delay` ms; absent: not restarting
   */
  restartLoop?: { at: number; delay: number };
  /** State.Health (moby daemon/health.go), kept once a run with a health check has started; absent: never */
  health?: ContainerHealth;
  /** legacy `--link NAME[:ALIAS]` values as given (HostConfig.Links) */
  links?: string[];
  /** legacy links: each child's address (by child id) as written into /etc/hosts; stays when the child stops */
  linkHosts?: Record<string, string>;
  ports: PortBinding[];
  /** --expose ports ("8080/tcp"), on top of the image's EXPOSE */
  expose?: string[];
  /** what a one-shot CMD printed (stdout and stderr), for `docker logs` */
  logs?: string[];
  /** `docker pause`: its processes are frozen; `state` stays 'running' (moby: Running and Paused) */
  paused?: boolean;
  /** Config.Labels (`--label`, Compose's com.docker.compose.*); absent: none */
  labels?: Record<string, string>;
  /**
   * what a process holding CAP_NET_ADMIN changed in the container's own namespace with `ip`
   * (links' addresses and state, their routes); absent: Docker's configuration; cleared by a start
   */
  netns?: ContainerNetns;
  /** the platform of its image when not the host's (platforms.FormatAll): its processes cannot exec */
  platform?: string;
  /** Config.WorkingDir (`-w/--workdir`) and Config.User (`-u/--user`); absent: "" */
  workingDir?: string;
  user?: string;
  /** -P */
  publishAll: boolean;
  /** --rm */
  autoRemove: boolean;
  tty: boolean;
  interactive: boolean;
  /** run/create without -d: the CLI sent Config.AttachStdout/Stderr true (run.go clears them for -d).
   * Absent: detached, which is what saves made before this field hold for their -d containers. */
  attached?: true;
  /** the container's own neighbour cache */
  arp: ArpEntry[];
  /** monotonically increasing creation order (docker ps sorts newest first) */
  seq: number;
}

/** What one Docker daemon keeps beside its networks and containers. */
export interface DaemonState {
  /** last host port handed out from the ephemeral range (Docker allocates round-robin) */
  lastEphemeralPort: number;
  /** images pulled so far (`docker pull`, or a run/create), "repo:tag" in pull order; absent in older saves */
  images?: string[];
  /**
   * the host namespace's last ifindex handed out (bridges and veth pairs, in the order the daemon
   * made them); absent until the first one is made (then what the host had is numbered: ifindex.ts)
   */
  lastIfindex?: number;
  /** images pulled for another platform (`--platform`), "repo:tag" -> platforms.FormatAll; absent: the host's */
  imagePlatforms?: Record<string, string>;
  /** dockerd failed to start (a bad /etc/docker/daemon.json): the CLI cannot connect; absent: running */
  down?: true;
}

/** The whole simulated world. */
export interface World {
  /** persisted-schema version; bump with a migration (src/store/migrations.ts) */
  schema: 2;
  /** PRNG state (uint32); every random id, MAC and port comes from here */
  rng: number;
  /** simulated time in ms since 2026-01-01T00:00:00Z; advances as commands run */
  clock: number;
  /** next container seq */
  seq: number;
  /** keyed by Machine.id, insertion order is display order */
  machines: Record<string, Machine>;
  /** keyed by Network.id, in creation order */
  networks: Record<string, Network>;
  /** keyed by Container.id, in creation order */
  containers: Record<string, Container>;
  /** one entry per Docker daemon, keyed by its Machine.id (kind 'docker-host'), in display order */
  daemons: Record<string, DaemonState>;
  /** machine or container id -> its whole file tree once something was written there (absent: the default tree, fs.ts) */
  files?: Record<string, FileTree>;
  /** swarm mode's cluster (src/sim/swarm/types.ts); absent: no node is in a swarm */
  swarm?: Swarm;
}

/** Absolute path -> a file's text, or null for a directory; every parent of a path is in the tree. */
export type FileTree = Record<string, string | null>;

/** One hop of a packet's story: DESIGN.md §4 (contract). */
export interface Step {
  /** a canvas node id or edge id (see ids.ts) */
  at: { node: string } | { link: string };
  action: string;
  frame: Frame;
  changes: TableChange[];
  explain: { key: string; params: Record<string, string | number> };
}

export interface Frame {
  eth?: { src: string; dst: string; type: 'ARP' | 'IPv4' | 'IPv6' };
  ip?: { src: string; dst: string; ttl: number; proto: 'icmp' | 'tcp' | 'udp' };
  l4?: { sport: number; dport: number; flags?: string; icmpType?: string };
  app?: { summary: string };
  /** VXLAN on an overlay (DESIGN §4): the outer headers around this inner frame, between two nodes */
  outer?: {
    eth: { src: string; dst: string };
    ip: { src: string; dst: string; ttl: number };
    udp: { sport: number; dport: number };
    vxlan: { vni: number };
  };
  /** IPv6 neighbour discovery (ICMPv6 135/136): the target address and the link-layer address option */
  nd?: { target: string; lladdr: string; router?: true };
  /** ARP payload, for arp-request / arp-reply */
  arp?: { op: 'request' | 'reply'; senderIp: string; senderMac: string; targetIp: string; targetMac: string };
}

export interface TableChange {
  /** node id of the machine / bridge whose table changed or was used */
  on: string;
  table: 'arp' | 'fdb' | 'route' | 'conntrack' | 'nat' | 'dns';
  /** 'add' | 'hit' | 'update' */
  kind?: 'add' | 'hit' | 'update' | 'remove';
  entry: unknown;
}

export interface Trace {
  command: string;
  steps: Step[];
  outcome: { ok: boolean; summary: string };
}

/** What any command returns. On failure `world` is the input World (or Docker's own partial effect). */
export interface CommandResult {
  world: World;
  /** exactly what the tool prints (stdout and stderr interleaved as a terminal shows them) */
  output: string;
  exitCode: number;
  /** packet-level commands produce one trace (several lookups/packets folded into one story) */
  trace?: Trace;
  /** `docker run -it … bash`, `docker exec -it NAME bash`: the console now runs lines inside this container id */
  enter?: string;
  /** `docker exec -it`: who the entered shell runs as, its own -e values, its terminal and --privileged */
  enterAs?: { user?: string; env?: string[]; tty?: boolean; privileged?: boolean };
  /** `exit` inside a container: the console leaves it */
  exit?: boolean;
  /** `cd`: the shell's new working directory (absolute) */
  cwd?: string;
  /** `nano FILE`, `vi FILE`: the console opens its editor on this absolute path */
  edit?: string;
  /** `tcpdump`: the capture it armed; the console keeps it on the terminal (net/tcpdumpJob.ts) */
  capture?: CaptureJob;
}
