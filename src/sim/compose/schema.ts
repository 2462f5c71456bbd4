import type { Flavor } from './project';

/**
 * The part of the Compose schema whalewire interprets, checked the way the real loaders word it:
 * v2 (compose-go v2.9 with jsonschema/v6, schema/schema.go `validationError.Error`) says
 * `services.web additional properties 'foo' not allowed` / `services.web.image must be a string`;
 * v1 (compose/config/validation.py) says `Unsupported config option for services.web: 'foo'` /
 * `services.web.image contains an invalid type, it should be a string`.
 */

type Want = 'string' | 'mapping' | 'array' | 'boolean' | 'number';

export type SchemaError =
  | { kind: 'additional'; path: string[]; keys: string[] }
  | { kind: 'type'; path: string[]; want: Want };

const TOP_V2 = ['version', 'name', 'include', 'services', 'models', 'networks', 'volumes', 'secrets', 'configs'];
const TOP_V1 = ['version', 'services', 'networks', 'volumes', 'secrets', 'configs'];

/** compose-spec.json definitions.service.properties (compose-go v2.9.1). */
const SERVICE_KEYS = new Set(
  'develop,deploy,annotations,attach,build,blkio_config,cap_add,cap_drop,cgroup,cgroup_parent,command,configs,container_name,cpu_count,cpu_percent,cpu_shares,cpu_quota,cpu_period,cpu_rt_period,cpu_rt_runtime,cpus,cpuset,credential_spec,depends_on,device_cgroup_rules,devices,dns,dns_opt,dns_search,domainname,entrypoint,env_file,label_file,environment,expose,extends,provider,external_links,extra_hosts,gpus,group_add,healthcheck,hostname,image,init,ipc,isolation,labels,links,logging,mac_address,mem_limit,mem_reservation,mem_swappiness,memswap_limit,network_mode,models,networks,oom_kill_disable,oom_score_adj,pid,pids_limit,platform,ports,post_start,pre_stop,privileged,profiles,pull_policy,pull_refresh_after,read_only,restart,runtime,scale,security_opt,shm_size,secrets,sysctls,stdin_open,stop_grace_period,stop_signal,storage_opt,tmpfs,tty,ulimits,use_api_socket,user,uts,userns_mode,volumes,volumes_from,working_dir'.split(
    ',',
  ),
);
const NETWORK_KEYS = new Set(
  'name,driver,driver_opts,ipam,external,internal,enable_ipv4,enable_ipv6,attachable,labels'.split(','),
);
const SERVICE_NET_KEYS = new Set(
  'aliases,interface_name,ipv4_address,ipv6_address,link_local_ips,mac_address,driver_opts,priority,gw_priority'.split(
    ',',
  ),
);
const IPAM_KEYS = new Set(['driver', 'config', 'options']);
const POOL_KEYS = new Set(['subnet', 'ip_range', 'gateway', 'aux_addresses']);

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeOk = (v: unknown, want: Want) =>
  want === 'mapping'
    ? isMap(v)
    : want === 'array'
      ? Array.isArray(v)
      : want === 'number'
        ? typeof v === 'number'
        : typeof v === want;

/** Keys of `obj` outside `allowed` (extensions `x-…` are always allowed). */
function extra(obj: Record<string, unknown>, allowed: Set<string>): string[] {
  return Object.keys(obj).filter((k) => !allowed.has(k) && !k.startsWith('x-'));
}

/** The first error in file order, as the most specific one jsonschema reports. */
export function validate(doc: Record<string, unknown>, flavor: Flavor): SchemaError | null {
  const top = extra(doc, new Set(flavor === 'v1' ? TOP_V1 : TOP_V2));
  if (top.length) return { kind: 'additional', path: [], keys: top };
  if (doc.name !== undefined && flavor === 'v2' && typeof doc.name !== 'string')
    return { kind: 'type', path: ['name'], want: 'string' };
  const services = doc.services;
  if (services !== undefined && services !== null && !isMap(services))
    return { kind: 'type', path: ['services'], want: 'mapping' };
  for (const [name, svc] of Object.entries((services as Record<string, unknown>) ?? {})) {
    const e = service(['services', name], svc);
    if (e) return e;
  }
  const networks = doc.networks;
  if (networks !== undefined && networks !== null && !isMap(networks))
    return { kind: 'type', path: ['networks'], want: 'mapping' };
  for (const [key, net] of Object.entries((networks as Record<string, unknown>) ?? {})) {
    const e = network(['networks', key], net);
    if (e) return e;
  }
  return null;
}

function typed(path: string[], obj: Record<string, unknown>, spec: Record<string, Want[]>): SchemaError | null {
  for (const [k, wants] of Object.entries(spec)) {
    const v = obj[k];
    if (v === undefined || v === null) continue;
    if (!wants.some((w) => typeOk(v, w))) return { kind: 'type', path: [...path, k], want: wants[0] };
  }
  return null;
}

function service(path: string[], svc: unknown): SchemaError | null {
  if (svc === null) return null;
  if (!isMap(svc)) return { kind: 'type', path, want: 'mapping' };
  const keys = extra(svc, SERVICE_KEYS);
  if (keys.length) return { kind: 'additional', path, keys };
  const e = typed(path, svc, {
    image: ['string'],
    container_name: ['string'],
    hostname: ['string'],
    network_mode: ['string'],
    ports: ['array'],
    expose: ['array'],
    environment: ['mapping', 'array'],
    labels: ['mapping', 'array'],
    networks: ['array', 'mapping'],
    depends_on: ['array', 'mapping'],
    command: ['string', 'array'],
    tty: ['boolean', 'string'],
    stdin_open: ['boolean', 'string'],
  });
  if (e) return e;
  if (isMap(svc.networks)) {
    for (const [key, cfg] of Object.entries(svc.networks)) {
      if (cfg === null) continue;
      const p = [...path, 'networks', key];
      if (!isMap(cfg)) return { kind: 'type', path: p, want: 'mapping' };
      const bad = extra(cfg, SERVICE_NET_KEYS);
      if (bad.length) return { kind: 'additional', path: p, keys: bad };
      const t = typed(p, cfg, {
        aliases: ['array'],
        ipv4_address: ['string'],
        ipv6_address: ['string'],
        priority: ['number'],
      });
      if (t) return t;
    }
  }
  return null;
}

function network(path: string[], net: unknown): SchemaError | null {
  if (net === null) return null;
  if (!isMap(net)) return { kind: 'type', path, want: 'mapping' };
  const keys = extra(net, NETWORK_KEYS);
  if (keys.length) return { kind: 'additional', path, keys };
  const e = typed(path, net, {
    name: ['string'],
    driver: ['string'],
    internal: ['boolean', 'string'],
    attachable: ['boolean', 'string'],
    external: ['boolean', 'string', 'mapping'],
    ipam: ['mapping'],
    driver_opts: ['mapping'],
    labels: ['mapping', 'array'],
  });
  if (e) return e;
  if (isMap(net.ipam)) {
    const ip = [...path, 'ipam'];
    const bad = extra(net.ipam, IPAM_KEYS);
    if (bad.length) return { kind: 'additional', path: ip, keys: bad };
    const cfg = net.ipam.config;
    if (cfg !== undefined && cfg !== null && !Array.isArray(cfg))
      return { kind: 'type', path: [...ip, 'config'], want: 'array' };
    for (const [i, pool] of ((cfg as unknown[]) ?? []).entries()) {
      const pp = [...ip, 'config', String(i)];
      if (!isMap(pool)) return { kind: 'type', path: pp, want: 'mapping' };
      const b = extra(pool, POOL_KEYS);
      if (b.length) return { kind: 'additional', path: pp, keys: b };
      const t = typed(pp, pool, { subnet: ['string'], gateway: ['string'], ip_range: ['string'] });
      if (t) return t;
    }
  }
  return null;
}

/** v1's VERSION_EXPLANATION (compose/config/errors.py). */
const VERSION_EXPLANATION =
  'You might be seeing this error because you\'re using the wrong Compose file version. Either specify a supported version (e.g "2.2" or "3.3") and place your service definitions under the `services` key, or omit the `version` key and place your service definitions at the root of the file to use version 1.\nFor more on the Compose file format versions, see https://docs.docker.com/compose/compose-file/';

/** The error as the real tool prints it (v2 without the `validating FILE: ` prefix the loader adds). */
export function schemaMessage(e: SchemaError, flavor: Flavor): string {
  const path = e.path.join('.');
  if (flavor === 'v2') {
    if (e.kind === 'type') return `${path} must be a ${e.want}`;
    return `${path} additional properties ${e.keys.map((k) => `'${k}'`).join(', ')} not allowed`;
  }
  if (e.kind === 'type') {
    const what = e.want === 'array' ? 'an array' : e.want === 'mapping' ? 'an object' : `a ${e.want}`;
    return `${path} contains an invalid type, it should be ${what}`;
  }
  if (e.path.length === 0) {
    return `Invalid top-level property "${e.keys[0]}". Valid top-level sections for this Compose file are: ${TOP_V1.join(', ')}, and extensions starting with "x-".\n\n${VERSION_EXPLANATION}`;
  }
  return `Unsupported config option for ${path}: '${e.keys[0]}'`;
}
