import { readStored } from '../fs';
import { nextPool6 } from '../ipam6';
import type { World } from '../model';
import { cidr6Bounds, inCidr6, ip6String, isIpv6 } from '../net/addr6';
import { goJsonKind, parseGoJson } from './goJson';

/**
 * /etc/docker/daemon.json as dockerd v28.5.2 reads it when it starts (cmd/dockerd/daemon.go
 * loadDaemonCliConfig, daemon/config/config.go getConflictFreeConfiguration and Validate), and
 * what the IPv6 keys do to the default bridge (daemon/daemon_unix.go initBridgeDriver,
 * getDefaultBridgeIPAMConf). A missing or empty file is the defaults.
 */

export const DAEMON_JSON = '/etc/docker/daemon.json';

/** The keys of daemon.json the engine acts on. */
export interface DaemonConfig {
  ipv6: boolean;
  /** canonical prefix as given (`fd00:1::/64`) */
  fixedCidrV6?: string;
  ip6tables: boolean;
}

/** dockerd's flags and named options (cmd/dockerd/config*.go): keys daemon.json may hold. */
const KNOWN = new Set(
  (
    'allow-direct-routing allow-nondistributable-artifacts api-cors-header authorization-plugins bip bip6 bridge ' +
    'builder cdi-spec-dirs cgroup-parent containerd containerd-namespace containerd-plugins-namespace ' +
    'cri-containerd data-root debug default-address-pools default-cgroupns-mode default-gateway ' +
    'default-gateway-v6 default-ipc-mode default-network-opts default-runtime default-shm-size default-ulimits ' +
    'deprecated-key-path dns dns-opts dns-search exec-opts exec-root experimental features fixed-cidr ' +
    'fixed-cidr-v6 group host host-gateway-ips hosts http-proxy https-proxy icc init init-path ' +
    'insecure-registries ip ip-forward ip-forward-no-drop ip-masq ip6tables iptables ipv6 labels live-restore ' +
    'log-driver log-format log-level log-opts max-concurrent-downloads max-concurrent-uploads ' +
    'max-download-attempts metrics-addr mtu network-control-plane-mtu network-diagnostic-port no-new-privileges ' +
    'no-proxy node-generic-resources pidfile raw-logs registry-mirrors rootless runtimes seccomp-profile ' +
    'selinux-enabled shutdown-timeout storage-driver storage-opts swarm-default-advertise-addr tls tlscacert ' +
    'tlscert tlskey tlsverify userland-proxy userland-proxy-path userns-remap'
  ).split(' '),
);

/** config.go flatOptions: objects kept whole; any other object's keys count as top-level keys. */
const FLAT = new Set([
  'cluster-store-opts',
  'default-network-opts',
  'log-opts',
  'runtimes',
  'default-ulimits',
  'features',
  'builder',
]);

const TYPES: Record<string, 'bool' | 'string'> = { ipv6: 'bool', ip6tables: 'bool', 'fixed-cidr-v6': 'string' };

/** bridge.ValidateFixedCIDRV6 (netip.ParsePrefix, then validateIPv6Subnet); null when fine. */
function fixedCidrV6Problem(val: string): string | null {
  const parse = `netip.ParsePrefix(${JSON.stringify(val)})`;
  const slash = val.lastIndexOf('/');
  if (slash < 0) return `${parse}: no '/'`;
  const [addr, bits] = [val.slice(0, slash), val.slice(slash + 1)];
  const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(addr);
  if (!v4 && !isIpv6(addr)) return `${parse}: ParseAddr(${JSON.stringify(addr)}): unable to parse IP`;
  if (!/^(0|[1-9]\d{0,2})$/.test(bits)) return `${parse}: bad bits after slash: ${JSON.stringify(bits)}`;
  if (Number(bits) > (v4 ? 32 : 128)) return `${parse}: prefix length out of range`;
  if (v4) return `'${val}' is not a valid IPv6 subnet`;
  const b = cidr6Bounds(val);
  if (b.first >> 120n === 0xffn) return `multicast subnet '${val}' is not allowed`;
  // fe80::/64 itself is allowed; a prefix that overlaps it otherwise is not
  const ll = cidr6Bounds('fe80::/64');
  if (!(b.prefix === 64 && b.first === ll.first) && b.first <= ll.last && ll.first <= b.last)
    return `'${val}' clashes with the Link-Local prefix 'fe80::/64'`;
  return null;
}

/** The file's problem as dockerd prints it (after `unable to configure … with file …: `), or its config. */
function parseConfig(text: string): { ok: true; config: DaemonConfig } | { ok: false; error: string } {
  const defaults: DaemonConfig = { ipv6: false, ip6tables: true };
  if (text.trim() === '') return { ok: true, config: defaults };
  const parsed = parseGoJson(text.trim());
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (goJsonKind(v) !== 'object')
    return {
      ok: false,
      error: `json: cannot unmarshal ${goJsonKind(v)} into Go value of type map[string]interface {}`,
    };
  const flat: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (goJsonKind(x) === 'object' && !FLAT.has(k)) Object.assign(flat, x);
    else flat[k] = x;
  }
  const unknown = Object.keys(flat).filter((k) => !KNOWN.has(k));
  if (unknown.length)
    return { ok: false, error: `the following directives don't match any configuration option: ${unknown.join(', ')}` };
  for (const [k, want] of Object.entries(TYPES)) {
    const x = flat[k];
    if (x !== undefined && x !== null && goJsonKind(x) !== want)
      return {
        ok: false,
        error: `json: cannot unmarshal ${goJsonKind(x)} into Go struct field Config.${k} of type ${want}`,
      };
  }
  const fixed = typeof flat['fixed-cidr-v6'] === 'string' ? (flat['fixed-cidr-v6'] as string) : '';
  const problem = fixed ? fixedCidrV6Problem(fixed) : null;
  if (problem)
    return {
      ok: false,
      error: `merged configuration validation from file and command line flags failed: invalid fixed-cidr-v6: invalid fixed-cidr-v6: ${problem}`,
    };
  return {
    ok: true,
    config: {
      ipv6: flat.ipv6 === true,
      ip6tables: flat.ip6tables !== false,
      ...(fixed ? { fixedCidrV6: fixed } : {}),
    },
  };
}

/** The daemon's configuration from `host`'s /etc/docker/daemon.json, or dockerd's error line. */
export function loadDaemonConfig(
  world: World,
  host: string,
): { ok: true; config: DaemonConfig } | { ok: false; error: string } {
  const r = parseConfig(readStored(world, host, DAEMON_JSON) ?? '');
  return r.ok ? r : { ok: false, error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: ${r.error}` };
}

/**
 * initBridgeDriver on a draft: the default bridge gets IPv6 with `ipv6: true`. With fixed-cidr-v6
 * its subnet and sub-pool are that prefix; the gateway comes from the pool (x::1) and is not in the
 * IPAM config until docker0 carries it at a later start (selectBIP). Without, the address docker0
 * already has, else the next /64 of the daemon's ULA pool (inspect shows its IpamInfo).
 */
export function applyBridgeIPv6(draft: World, daemon: string, cfg: DaemonConfig): void {
  const net = Object.values(draft.networks).find((n) => n.daemon === daemon && n.name === 'bridge' && n.predefined);
  if (!net) return;
  const had = net.enableIPv6 && net.ipam6?.gateway ? net.ipam6 : undefined;
  if (!cfg.ipv6) {
    net.enableIPv6 = false;
    delete net.ipam6;
    return;
  }
  if (cfg.fixedCidrV6) {
    const b = cidr6Bounds(cfg.fixedCidrV6);
    const pool = `${ip6String(b.first)}/${b.prefix}`;
    const keep = had && inCidr6(had.gateway, pool);
    net.ipam6 = keep
      ? { subnet: b.prefix < Number(had.subnet.split('/')[1]) ? pool : had.subnet, ipRange: pool, gateway: had.gateway }
      : { subnet: pool, ipRange: pool, gateway: ip6String(b.first + 1n), gatewayFromPool: true };
  } else if (had) {
    net.ipam6 = { subnet: had.subnet, gateway: had.gateway };
  } else {
    net.enableIPv6 = false;
    const p = nextPool6(draft, daemon);
    if (!p.ok) return;
    net.ipam6 = { subnet: p.value, gateway: ip6String(cidr6Bounds(p.value).first + 1n) };
  }
  net.enableIPv6 = true;
}
