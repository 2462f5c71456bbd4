/**
 * A Compose project as the engine uses it: what the loader made of a compose file (services,
 * networks, the project's name and where it lives), and the names Compose derives from it.
 * v2 is Docker Compose 2.40 (`docker compose`), v1 is docker-compose 1.29 (`docker-compose`).
 */

export type Flavor = 'v2' | 'v1';

/** docker/compose v2.40.3 internal.Version, and docker-compose 1.29.2's __version__. */
export const COMPOSE_VERSION: Record<Flavor, string> = { v2: '2.40.3', v1: '1.29.2' };

/** A top-level network, after normalisation (fact 54). */
export interface ComposeNetwork {
  /** its key under `networks:` (`default` for the implicit one) */
  key: string;
  /** the Docker network's name: `<project>_<key>`, or `name:` verbatim, or the key when external */
  name: string;
  external: boolean;
  driver: string;
  driverOpts: Record<string, string>;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  ipam: { subnet?: string; gateway?: string; ipRange?: string }[];
  /** `enable_ipv4:` when given (sent as EnableIPv4 since Compose v2.34; absent: the daemon's default, on) */
  enableIPv4?: boolean;
  /** `enable_ipv6:` when given (sent as EnableIPv6; absent: the daemon's default, off) */
  enableIPv6?: boolean;
}

/** A service's attachment to one of the project's networks. */
export interface ServiceNetwork {
  key: string;
  aliases: string[];
  ipv4?: string;
  /** `ipv6_address:` (the endpoint's IPv6Address, `--ip6`) */
  ipv6?: string;
  /** `priority:` (higher first); ties by key */
  priority: number;
}

export interface ComposeService {
  name: string;
  image: string;
  containerName?: string;
  /** `docker run -p` specs made from `ports:` */
  ports: string[];
  expose: string[];
  /** KEY=VALUE */
  environment: string[];
  command: string[];
  labels: Record<string, string>;
  hostname?: string;
  tty: boolean;
  stdinOpen: boolean;
  /** empty when `network_mode` is set */
  networks: ServiceNetwork[];
  networkMode?: string;
  dependsOn: string[];
  /** what the config hash is computed from */
  hashInput: string;
}

export interface Project {
  name: string;
  /** the directory of the first compose file */
  workingDir: string;
  /** absolute paths */
  configFiles: string[];
  /** in dependency order (a service after those it depends on), file order otherwise */
  services: ComposeService[];
  /** only the networks some service uses, by key */
  networks: Record<string, ComposeNetwork>;
  /** logrus warnings the loader printed (version obsolete, several files) */
  warnings: string[];
}

/** compose-go NormalizeProjectName: lowercase, drop what is not [a-z0-9_-], trim leading `_`/`-`. */
export function normalizeProjectName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

/** docker-compose 1.29 normalize_name: lowercase and drop what is not [-_a-z0-9] (no trim). */
export function normalizeV1(s: string): string {
  return s.toLowerCase().replace(/[^-_a-z0-9]/g, '');
}

/** `<project>-<service>-<n>` (v2, api.Separator "-") or `<project>_<service>_<n>` (v1). */
export function containerName(flavor: Flavor, project: string, s: ComposeService, n: number): string {
  if (s.containerName) return s.containerName;
  if (flavor === 'v1') return [project.replace(/^[-_]+/, ''), s.name, String(n)].join('_');
  return [project, s.name, String(n)].join('-');
}

/** The label keys Compose puts on what it creates (pkg/api/labels.go). */
export const L = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  hash: 'com.docker.compose.config-hash',
  depends: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  version: 'com.docker.compose.version',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  network: 'com.docker.compose.network',
};

/** The networks a service joins, in Compose's order: highest priority first, then key (fact 64). */
export function byPriority(nets: ServiceNetwork[]): ServiceNetwork[] {
  return [...nets].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
