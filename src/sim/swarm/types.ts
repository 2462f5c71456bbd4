/**
 * Swarm mode's cluster state (docker-facts 46–48, 69–82): one cluster per World, held in the
 * optional `World.swarm` (absent: no node is in a swarm, the old behaviour). Plain JSON data.
 * The per-node pieces a daemon keeps (its task containers, docker_gwbridge, the ingress sandbox)
 * live with that daemon's networks and containers; this is what the managers' raft store holds.
 */

/** A node of the swarm: one Docker daemon (a `docker-host` Machine). */
export interface SwarmNode {
  /** 25 lower-case base36 characters (swarmkit identity.NewID) */
  id: string;
  /** the Machine.id of the daemon */
  machine: string;
  role: 'manager' | 'worker';
  /** `--availability` of swarm init/join: new tasks go only to `active` nodes (absent: active) */
  availability?: 'active' | 'pause' | 'drain';
  /** `Down` once it left the swarm: it stays listed until `docker node rm` */
  status: 'ready' | 'down';
  /** the address it advertises (managers listen on ADDR:2377) */
  addr: string;
  /** its `ingress-endpoint` address in the ingress sandbox (10.0.0.2 on the first node …) */
  ingressIp?: string;
  /** its load-balancer endpoint (`lb-<net>`, in the `lb_<net id 9>` sandbox) per user overlay it joined (fact 76) */
  lbIps?: Record<string, string>;
}

/** A published port of a service (`-p 8080:80`, `--publish published=8080,target=80,mode=host`). */
export interface ServicePort {
  protocol: 'tcp' | 'udp';
  target: number;
  published: number;
  mode: 'ingress' | 'host';
}

/**
 * The rest of a service's spec as `docker service create`'s flags made it, in the API's shape
 * (moby api/types/swarm: ContainerSpec, ResourceRequirements, RestartPolicy, Placement, Driver,
 * UpdateConfig), so inspect prints it as it is. Absent in saves from before it: the defaults.
 */
export interface ServiceSpecExtra {
  /** ContainerSpec keys besides Image, Args and Env (Hostname, DNSConfig, Hosts, Mounts …) */
  containerSpec: Record<string, unknown>;
  resources: { Limits: Record<string, number>; Reservations: Record<string, unknown> };
  restartPolicy: Record<string, unknown>;
  placement: Record<string, unknown>;
  logDriver?: { Name: string; Options: Record<string, string> };
  updateConfig: Record<string, unknown>;
  rollbackConfig: Record<string, unknown>;
}

/** The modes of `service create --mode` (a job's tasks run to completion). */
export type ServiceMode = 'replicated' | 'global' | 'replicated-job' | 'global-job';

/**
 * The part of a service `service update` changes and `service rollback` restores: swarmkit's
 * ServiceSpec as this model keeps it (PreviousSpec is one of these).
 */
export interface ServiceSpecState {
  /** as given, e.g. "nginx" (the CLI shows "nginx:latest") */
  image: string;
  /** the command and args after the image */
  args: string[];
  env: string[];
  /** `--label`: Spec.Labels (absent in saves from before it) */
  labels?: Record<string, string>;
  /** the rest of the spec (absent in saves from before it: swarmkit's defaults) */
  spec?: ServiceSpecExtra;
  /** `--network name=N,alias=A`: the aliases per network id, beside the service name */
  aliases?: Record<string, string[]>;
  mode: ServiceMode;
  /** replicated: Replicas; replicated-job: TotalCompletions */
  replicas: number;
  /** replicated-job: MaxConcurrent (absent: replicas) */
  maxConcurrent?: number;
  endpointMode: 'vip' | 'dnsrr';
  ports: ServicePort[];
  /** user networks (Network.id, in the order given); ingress is implied by an ingress port */
  networks: string[];
  /** TaskTemplate.ForceUpdate, bumped by `service update --force` (absent: 0) */
  forceUpdate?: number;
}

/** Service.UpdateStatus as swarmkit's updater leaves it (the simulation converges at once). */
export interface ServiceUpdateStatus {
  state: 'completed' | 'paused' | 'rollback_completed' | 'rollback_paused';
  message: string;
  /** World clock ms */
  startedAt: number;
  completedAt?: number;
}

/** A service: the desired state the managers converge tasks to. */
export interface SwarmService extends ServiceSpecState {
  /** 25 base36 */
  id: string;
  name: string;
  /** the spec before the last `service update` (absent: never updated) */
  previous?: ServiceSpecState;
  /** UpdateStatus (absent: no update replaced tasks) */
  updateStatus?: ServiceUpdateStatus;
  /** jobs: JobStatus.JobIteration.Index, bumped by each update (absent: 0) */
  jobIteration?: number;
  /** VIP per network (ingress first when published), as "10.0.0.3/24"; empty in dnsrr mode */
  vips: { networkId: string; addr: string }[];
  /** World clock ms */
  createdAt: number;
  updatedAt: number;
  /** raft version index */
  version: number;
}

/** One task: a slot (replicated) or a node (global) of a service, running as a container on its node. */
export interface SwarmTask {
  /** 25 base36 */
  id: string;
  serviceId: string;
  /** replicated: 1..n; global: 0 */
  slot: number;
  /** Machine.id of the node it was scheduled on */
  node: string;
  /** a job's tasks are desired `complete` */
  desired: 'running' | 'shutdown' | 'complete';
  /** `pending`: no node passed the scheduler's filters (its `error` says why; `node` is '') */
  state: 'running' | 'shutdown' | 'rejected' | 'preparing' | 'failed' | 'pending' | 'complete';
  /** the image of the spec it was created from (absent in saves from before it: the service's) */
  image?: string;
  /** a job's task: the JobIteration it ran for */
  jobIteration?: number;
  /** the error shown by `service ps` (e.g. "No such image: my-image:latest") */
  error?: string;
  /** World clock ms of the last state change */
  since: number;
  /** the task container on its node, once it exists */
  containerId?: string;
  /** its address on each of the service's networks (ingress first), "10.0.0.5" */
  addrs: { networkId: string; ip: string }[];
}

export interface Swarm {
  /** 25 base36 */
  id: string;
  createdAt: number;
  /** 50 base36: the root CA digest part of both join tokens */
  caDigest: string;
  /** 25 base36 each */
  workerSecret: string;
  managerSecret: string;
  /** in join order; the first manager is the leader */
  nodes: SwarmNode[];
  /** keyed by id, in creation order */
  services: Record<string, SwarmService>;
  /** keyed by id, in creation order */
  tasks: Record<string, SwarmTask>;
  /** raft index, bumped on every write */
  index: number;
  /** next ingress-mode dynamic published port (swarmkit allocates serially from 30000) */
  nextDynamicPort: number;
  /** swarm IPAM is serial (fact 5): the offset in its subnet each overlay network handed out last */
  ipamLast: Record<string, number>;
  /** `swarm init --data-path-port`: the VXLAN UDP port between nodes (absent: 4789) */
  dataPathPort?: number;
  /** `swarm init --default-addr-pool` (absent: 10.0.0.0/8) and its `--default-addr-pool-mask-length` (absent: 24) */
  addrPools?: string[];
  poolMaskLength?: number;
  /** IPVS round robin: connections scheduled so far per `<node machine>|<network id>|<fwmark>` */
  rr?: Record<string, number>;
}
