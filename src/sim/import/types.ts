/**
 * What a real machine's `docker network inspect` and `docker inspect` say, reduced to the fields
 * the World models (src/io/inspectSchema.ts reads and checks the JSON into this shape). Every item
 * carries `at`, the place in the pasted text it came from, so a refusal can name the field.
 */

/** One entry of a network's `Containers` map. */
export interface ImportPeer {
  /** the map key: a container id, or a swarm sandbox key ("ingress-sbox", "lb-…") */
  key: string;
  name: string;
  endpointId: string;
  mac: string;
  /** "172.17.0.2/16", or "" */
  ipv4: string;
  at: string;
}

export interface ImportNetwork {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
  /** IPAM.Config entries whose subnet is IPv4, in order */
  subnets: { subnet: string; gateway?: string; ipRange?: string; at: string }[];
  /** IPAM.Config entries whose subnet is IPv6, in order */
  ipv6: { subnet: string; gateway?: string; at: string }[];
  /** EnableIPv4 false: an IPv6-only network (absent: IPv4 on) */
  enableIPv4?: false;
  /** EnableIPv6 (absent: false) */
  enableIPv6?: boolean;
  peers: ImportPeer[];
  at: string;
}

/** One entry of a container's `NetworkSettings.Networks`. */
export interface ImportEndpoint {
  /** the map key: the network's name */
  network: string;
  networkId: string;
  aliases: string[];
  /** IPAMConfig.IPv4Address (a user --ip) */
  ipamIp?: string;
  /** IPAMConfig.IPv6Address (a user --ip6) */
  ipamIp6?: string;
  /** live fields, empty when the container is not running */
  ip?: string;
  /** GlobalIPv6Address */
  ip6?: string;
  prefix?: number;
  gateway?: string;
  mac?: string;
  endpointId?: string;
  at: string;
}

export interface ImportPort {
  hostIp: string;
  /** "" for a random port */
  hostPort: string;
  containerPort: number;
  proto: string;
  /** the port Docker bound (NetworkSettings.Ports), when running */
  bound?: number;
  at: string;
}

export interface ImportContainer {
  id: string;
  name: string;
  image: string;
  /** State.Status: created, running, paused, restarting, removing, exited, dead */
  status: string;
  exitCode: number;
  hostname?: string;
  cmd: string[];
  labels: Record<string, string>;
  /** HostConfig.NetworkMode as printed ("default" on older daemons) */
  networkMode: string;
  autoRemove: boolean;
  links: string[];
  ports: ImportPort[];
  endpoints: ImportEndpoint[];
  /** RFC 3339 Created, used only to order containers */
  created: string;
  /** env vars were present (they are not imported) */
  hadEnv: boolean;
  at: string;
}

export interface ImportSpec {
  networks: ImportNetwork[];
  containers: ImportContainer[];
}

/** Something the World cannot hold: listed to the user, the rest is imported. */
export interface ImportNote {
  /** i18n key under `import.note.` */
  code: string;
  params: Record<string, string>;
}

/** Why nothing was imported: the field and the reason (i18n key under `import.why.`). */
export interface ImportRefusal {
  at: string;
  code: string;
  params: Record<string, string>;
}

export type ImportResult<W> =
  | { ok: true; world: W; notes: ImportNote[]; counts: { networks: number; containers: number } }
  | { ok: false; refusal: ImportRefusal };
