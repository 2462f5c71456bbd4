import type { Network } from '../model';

/**
 * The bridge driver's `-o com.docker.network.bridge.*` options as moby v28.5.2 reads them
 * (libnetwork/drivers/bridge/labels.go, bridge_linux.go `fromLabels`, `newGwMode`,
 * `parseNetworkOptions`, `processIPAM`, `Validate`, `Conflicts`). Options are stored verbatim
 * (network inspect shows them as given); this module is the one reader of their meaning.
 */

const BR = 'com.docker.network.bridge.';
export const BRIDGE_NAME = `${BR}name`;
export const ENABLE_ICC = `${BR}enable_icc`;
export const ENABLE_IP_MASQUERADE = `${BR}enable_ip_masquerade`;
export const DEFAULT_BINDING_IP = `${BR}host_binding_ipv4`;
export const GATEWAY_MODE_IPV4 = `${BR}gateway_mode_ipv4`;
export const INHIBIT_IPV4 = `${BR}inhibit_ipv4`;
/** netlabel.DriverMTU: the only MTU option the bridge reads (there is no `bridge.mtu`) */
export const DRIVER_MTU = 'com.docker.network.driver.mtu';

/** libnetwork bridge gwMode (bridge_linux.go newGwMode) */
export type GwMode = 'nat' | 'nat-unprotected' | 'routed' | 'isolated';

const BOOL: Record<string, boolean> = {
  '1': true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

/** Go's strconv.ParseBool, or undefined when Go would refuse the value. */
const parseBool = (v: string): boolean | undefined => BOOL[v];

const parseIPv4 = (v: string): boolean => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  return m?.slice(1).every((x) => Number(x) <= 255 && !(x.length > 1 && x.startsWith('0'))) ?? false;
};

const parseErr = (label: string, value: string, why: string) => `failed to parse ${label} value: ${value} (${why})`;

/**
 * The error `docker network create -d bridge -o …` gets from the driver before IPAM runs
 * (GetSkipGwAlloc parses the labels first), or null. Go walks the map in random order; we report
 * the first bad option in the order given.
 */
export function bridgeOptionError(opts: Record<string, string>, internal: boolean): string | null {
  for (const [label, value] of Object.entries(opts)) {
    if ([ENABLE_ICC, ENABLE_IP_MASQUERADE, INHIBIT_IPV4, `${BR}default_bridge`].includes(label)) {
      if (parseBool(value) === undefined)
        return parseErr(label, value, `strconv.ParseBool: parsing "${value}": invalid syntax`);
    } else if (label === DRIVER_MTU) {
      if (!/^[+-]?\d+$/.test(value)) return parseErr(label, value, `strconv.Atoi: parsing "${value}": invalid syntax`);
    } else if (label === GATEWAY_MODE_IPV4) {
      if (!['nat', 'nat-unprotected', 'routed', 'isolated'].includes(value))
        return parseErr(label, value, `unknown gateway mode ${value}`);
    } else if (label === DEFAULT_BINDING_IP) {
      if (!parseIPv4(value) && !value.includes(':')) return parseErr(label, value, 'nil ip');
    }
  }
  if (opts[GATEWAY_MODE_IPV4] === 'isolated' && !internal)
    return "gateway mode 'isolated' can only be used for an internal network";
  return null;
}

/** The driver's CreateNetwork checks after IPAM (processIPAM, Validate), or null. */
export function bridgeCreateError(opts: Record<string, string>, subnets: number): string | null {
  if (subnets > 1) return "bridge driver doesn't support multiple subnets";
  const mtu = opts[DRIVER_MTU];
  if (mtu !== undefined && Number(mtu) < 0) return `invalid MTU number: ${Number(mtu)}`;
  return null;
}

/** What a bridge network's options mean, with the driver's defaults (icc and masquerade on, nat). */
export interface BridgeConfig {
  icc: boolean;
  masquerade: boolean;
  gwMode: GwMode;
  /** the address `-p 8080:80` binds when it names none (`0.0.0.0` unless host_binding_ipv4 says) */
  defaultBindingIp: string;
  /** 0: not set (the kernel's 1500) */
  mtu: number;
}

export function bridgeConfig(net: Network): BridgeConfig {
  const o = net.options;
  const mode = o[GATEWAY_MODE_IPV4] as GwMode | undefined;
  return {
    icc: parseBool(o[ENABLE_ICC] ?? 'true') ?? true,
    masquerade: parseBool(o[ENABLE_IP_MASQUERADE] ?? 'true') ?? true,
    gwMode: mode && ['nat', 'nat-unprotected', 'routed', 'isolated'].includes(mode) ? mode : 'nat',
    defaultBindingIp: o[DEFAULT_BINDING_IP] ?? '0.0.0.0',
    mtu: Number(o[DRIVER_MTU] ?? 0) || 0,
  };
}

/** The MTU a network's interfaces carry (`com.docker.network.driver.mtu`, else 1500). */
export const networkMtu = (net: Network | undefined): number =>
  (net && Number(net.options[DRIVER_MTU] ?? 0) > 0 ? Number(net.options[DRIVER_MTU]) : 0) || 1500;
