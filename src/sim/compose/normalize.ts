import type { ComposeNetwork, ComposeService, Flavor, Project, ServiceNetwork } from './project';

/**
 * From a schema-valid compose dict to a Project: compose-go's normalisation (networks named
 * `<project>_<key>`, the implicit `default` network, ports and environment in their canonical
 * form) and its consistency checks, worded as v2 (loader/validate.go, `: invalid compose project`)
 * or v1 (compose/config/validation.py, network.py) print them.
 */

type Dict = Record<string, unknown>;
const isMap = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const INVALID = 'invalid compose project';

const scalar = (v: unknown): string => (typeof v === 'string' ? v : String(v));

/** `environment:` / `labels:` as a list or a map -> KEY=VALUE (a null value: the key is left out). */
function keyValues(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(scalar);
  if (isMap(v))
    return Object.entries(v).flatMap(([k, x]) => (x === null || x === undefined ? [] : [`${k}=${scalar(x)}`]));
  return [];
}

/** A `ports:` entry as a `docker run -p` spec. */
function portSpec(v: unknown): string {
  if (!isMap(v)) return scalar(v);
  const host = v.host_ip ? `${scalar(v.host_ip)}:` : '';
  const published = v.published !== undefined && v.published !== null ? `${scalar(v.published)}:` : host ? ':' : '';
  return `${host}${published}${scalar(v.target)}${v.protocol ? `/${scalar(v.protocol)}` : ''}`;
}

/** `command:` as a string is split as a shell would (mattn/go-shellwords in compose-go). */
function words(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(scalar);
  if (typeof v !== 'string') return [];
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of v.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const truthy = (v: unknown) => v === true || v === 'true';

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isMap(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical(v[k])]),
    );
  return v;
}

function serviceNetworks(v: unknown): ServiceNetwork[] {
  if (Array.isArray(v)) return v.map((k) => ({ key: scalar(k), aliases: [], priority: 0 }));
  if (!isMap(v)) return [];
  return Object.entries(v).map(([key, cfg]) => {
    const c = isMap(cfg) ? cfg : {};
    return {
      key,
      aliases: Array.isArray(c.aliases) ? c.aliases.map(scalar) : [],
      ...(typeof c.ipv4_address === 'string' ? { ipv4: c.ipv4_address } : {}),
      ...(typeof c.ipv6_address === 'string' ? { ipv6: c.ipv6_address } : {}),
      priority: typeof c.priority === 'number' ? c.priority : 0,
    };
  });
}

function topNetwork(key: string, cfg: unknown, project: string): ComposeNetwork {
  const c = isMap(cfg) ? cfg : {};
  const ext = c.external;
  const external = truthy(ext) || isMap(ext);
  const extName = isMap(ext) && typeof ext.name === 'string' ? ext.name : undefined;
  const name = typeof c.name === 'string' ? c.name : (extName ?? (external ? key : `${project}_${key}`));
  const ipam = isMap(c.ipam) && Array.isArray(c.ipam.config) ? c.ipam.config : [];
  return {
    key,
    name,
    external,
    driver: typeof c.driver === 'string' ? c.driver : '',
    driverOpts: Object.fromEntries(
      keyValues(c.driver_opts).map((kv) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)]),
    ),
    internal: truthy(c.internal),
    attachable: truthy(c.attachable),
    labels: Object.fromEntries(keyValues(c.labels).map((kv) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)])),
    ipam: ipam.filter(isMap).map((p) => ({
      ...(typeof p.subnet === 'string' ? { subnet: p.subnet } : {}),
      ...(typeof p.gateway === 'string' ? { gateway: p.gateway } : {}),
      ...(typeof p.ip_range === 'string' ? { ipRange: p.ip_range } : {}),
    })),
    ...(c.enable_ipv4 !== undefined && c.enable_ipv4 !== null ? { enableIPv4: truthy(c.enable_ipv4) } : {}),
    ...(c.enable_ipv6 !== undefined && c.enable_ipv6 !== null ? { enableIPv6: truthy(c.enable_ipv6) } : {}),
  };
}

/** Services ordered so each comes after what it depends on; null and the cycle when there is one. */
function dependencyOrder(services: ComposeService[]): { order: ComposeService[] } | { cycle: string[] } {
  const byName = new Map(services.map((s) => [s.name, s]));
  const done = new Set<string>();
  const order: ComposeService[] = [];
  const visit = (s: ComposeService, path: string[]): string[] | null => {
    if (done.has(s.name)) return null;
    if (path.includes(s.name)) return [...path.slice(path.indexOf(s.name)), s.name];
    for (const dep of s.dependsOn) {
      const d = byName.get(dep);
      const c = d ? visit(d, [...path, s.name]) : null;
      if (c) return c;
    }
    done.add(s.name);
    order.push(s);
    return null;
  };
  for (const s of services) {
    const c = visit(s, []);
    if (c) return { cycle: c };
  }
  return { order };
}

export function normalizeProject(
  dict: Dict,
  flavor: Flavor,
  at: { name: string; workingDir: string; configFiles: string[] },
): { ok: true; project: Project } | { ok: false; error: string } {
  const v1 = flavor === 'v1';
  const services: ComposeService[] = [];
  const topNets = isMap(dict.networks) ? dict.networks : {};
  for (const [name, raw] of Object.entries(isMap(dict.services) ? dict.services : {})) {
    const s = isMap(raw) ? raw : {};
    if (typeof s.image !== 'string' && s.build === undefined) {
      return {
        ok: false,
        error: v1
          ? `Service ${name} has neither an image nor a build context specified. At least one must be provided.`
          : `service "${name}" has neither an image nor a build context specified: ${INVALID}`,
      };
    }
    if (typeof s.image !== 'string') {
      return {
        ok: false,
        error: v1
          ? `Service ${name} needs to be built, but building is not simulated here`
          : `service "${name}" needs to be built, but building is not simulated here`,
      };
    }
    const networkMode = typeof s.network_mode === 'string' ? s.network_mode : undefined;
    if (networkMode !== undefined && s.networks !== undefined && s.networks !== null) {
      return {
        ok: false,
        error: v1
          ? `'network_mode' and 'networks' cannot be combined`
          : `service ${name} declares mutually exclusive \`network_mode\` and \`networks\`: ${INVALID}`,
      };
    }
    const nets = networkMode === undefined ? serviceNetworks(s.networks) : [];
    if (networkMode === undefined && nets.length === 0) nets.push({ key: 'default', aliases: [], priority: 0 });
    for (const n of nets) {
      if (n.key !== 'default' && !(n.key in topNets)) {
        return {
          ok: false,
          error: v1
            ? `Service "${name}" uses an undefined network "${n.key}"`
            : `service "${name}" refers to undefined network ${n.key}: ${INVALID}`,
        };
      }
    }
    const dependsOn = Array.isArray(s.depends_on)
      ? s.depends_on.map(scalar)
      : isMap(s.depends_on)
        ? Object.keys(s.depends_on)
        : [];
    const shared = networkMode?.startsWith('service:') ? networkMode.slice('service:'.length) : undefined;
    services.push({
      name,
      image: s.image,
      ...(typeof s.container_name === 'string' ? { containerName: s.container_name } : {}),
      ports: Array.isArray(s.ports) ? s.ports.map(portSpec) : [],
      expose: Array.isArray(s.expose) ? s.expose.map(scalar) : [],
      environment: keyValues(s.environment),
      command: words(s.command),
      labels: Object.fromEntries(keyValues(s.labels).map((kv) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)])),
      ...(typeof s.hostname === 'string' ? { hostname: s.hostname } : {}),
      tty: truthy(s.tty),
      stdinOpen: truthy(s.stdin_open),
      networks: nets,
      ...(networkMode !== undefined ? { networkMode } : {}),
      dependsOn: shared && !dependsOn.includes(shared) ? [...dependsOn, shared] : dependsOn,
      hashInput: JSON.stringify(canonical(s)),
    });
  }
  const names = new Set(services.map((s) => s.name));
  for (const s of services) {
    for (const dep of s.dependsOn) {
      if (names.has(dep)) continue;
      if (s.networkMode === `service:${dep}`) {
        return {
          ok: false,
          error: v1
            ? `Service '${s.name}' uses the network stack of service '${dep}' which is undefined.`
            : `service "${dep}" not found for network_mode 'service:${dep}'`,
        };
      }
      return {
        ok: false,
        error: v1
          ? `Service '${s.name}' depends on service '${dep}' which is undefined.`
          : `service "${s.name}" depends on undefined service "${dep}": ${INVALID}`,
      };
    }
  }
  const ordered = dependencyOrder(services);
  if ('cycle' in ordered) {
    return {
      ok: false,
      error: v1
        ? `Circular dependency between ${ordered.cycle.slice(0, -1).join(' and ')}`
        : `dependency cycle detected: ${ordered.cycle.join(' -> ')}`,
    };
  }
  const networks: Record<string, ComposeNetwork> = {};
  for (const s of services) {
    for (const n of s.networks) {
      if (!networks[n.key]) networks[n.key] = topNetwork(n.key, topNets[n.key], at.name);
    }
  }
  return { ok: true, project: { ...at, services: ordered.order, networks, warnings: [] } };
}
