import { dockerTime } from '../clock';
import { produce } from '../containerIndex';
import { driverNamed } from '../drivers';
import { takeIfindex } from '../ifindex';
import { joinErrors, planNetworkIpam } from '../ipam';
import { planIpam6, validateIpam6 } from '../ipam6';
import type { CommandResult, Network, NetworkDriver, World } from '../model';
import { randomId } from '../prng';
import { createNodeLocalSwarmNetwork } from '../swarm/nodeLocal';
import { roleOf } from '../swarm/state';
import { cliIpamConfig, isIPv6Subnet, stringSlice } from './cliIpam';
import { all, boolFlagError, type FlagSpec, goBool, keyValues, last, type Parsed, parseFlags } from './flags';
import { argsError, daemon, fail, flagError, ok } from './output';
import { createOverlay } from './overlayCreate';

/**
 * `docker network create` as docker/cli v28.5.2 (cli/command/network/create.go) sends it and
 * moby v28.5.2 answers it: api/server/router/network postNetworkCreate (swarm names),
 * daemon/network.go createNetwork (predefined names, overlay off a manager, EnableIPv4/IPv6,
 * ValidateIPAM) and libnetwork controller.go NewNetwork with network.go validateConfiguration
 * (config-only and config-from rules), in that order.
 */

const FLAGS: FlagSpec[] = [
  { long: 'attachable' },
  { long: 'aux-address', value: true },
  { long: 'config-from', value: true },
  { long: 'config-only' },
  { long: 'driver', short: 'd', value: true },
  { long: 'gateway', value: true },
  { long: 'ingress' },
  { long: 'internal' },
  { long: 'ip-range', value: true },
  { long: 'ipam-driver', value: true },
  { long: 'ipam-opt', value: true },
  { long: 'ipv4' },
  { long: 'ipv6' },
  { long: 'label', value: true },
  { long: 'opt', short: 'o', value: true },
  { long: 'scope', value: true },
  { long: 'subnet', value: true },
];

const PREDEFINED = new Set(['bridge', 'host', 'none']);
const ENABLE_IPV4 = 'com.docker.network.enable_ipv4';
const ENABLE_IPV6 = 'com.docker.network.enable_ipv6';

/** A boolean flag's value when it was given (`--ipv6`, `--ipv4=false`), else undefined. */
const boolOf = (p: Parsed, name: string) => {
  const v = last(p, name);
  return v === undefined ? undefined : goBool(v) === true;
};

/** opts.ValidateLabel (v28.5.2 opts/opts.go), as pflag reports a refused `--label` value. */
function labelError(p: Parsed): string | null {
  for (const l of all(p, 'label')) {
    const key = l.split('=')[0].replace(/^[ \t]+/, '');
    if (key === '') return `invalid argument "${l}" for "--label" flag: invalid label '${l}': empty name`;
    if (/[ \t]/.test(key)) return `invalid argument "${l}" for "--label" flag: label '${key}' contains whitespaces`;
  }
  return null;
}

const INVALID = 'invalid network config:\n';

/** What whalewire's engine does not model of IPv6 is refused in so many words. */
const NO_IPV6 = (what: string) => `whalewire: ${what} not simulated; the network was not created`;

export function networkCreate(world: World, argv: string[], daemonId: string): CommandResult {
  const p = parseFlags(argv, FLAGS);
  const flagErr = p.ok ? (boolFlagError(p.value, FLAGS) ?? labelError(p.value)) : p.error;
  if (!p.ok || flagErr) return fail(world, flagError('network create', flagErr!), 125);
  const f = p.value;
  if (f.args.length !== 1) return fail(world, argsError('network create', 'exactly', 1), 1);
  const name = f.args[0];
  const subnets = stringSlice(all(f, 'subnet'));
  const auxPairs = all(f, 'aux-address').map((a): [string, string] =>
    a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, ''],
  );
  const cli = cliIpamConfig(subnets, stringSlice(all(f, 'ip-range')), stringSlice(all(f, 'gateway')), auxPairs);
  if (!cli.ok) return fail(world, cli.error, 1);
  const driver = last(f, 'driver') ?? 'bridge';
  const drv = driverNamed(driver);
  const configOnly = boolOf(f, 'config-only') === true;
  const configFrom = last(f, 'config-from') ?? '';
  const ingress = boolOf(f, 'ingress') === true;
  const internal = boolOf(f, 'internal') === true;
  const attachable = boolOf(f, 'attachable') === true;
  const scope = last(f, 'scope') ?? '';
  const labels = keyValues(f, 'label');
  const options = keyValues(f, 'opt');
  const ipamOptions = keyValues(f, 'ipam-opt');
  const ipamDriver = last(f, 'ipam-driver') ?? 'default';
  const refuse = (msg: string) => fail(world, daemon(msg), 1);

  // postNetworkCreate: a swarm network of that name (a manager answers GetNetworksByName)
  if (
    roleOf(world, daemonId) === 'manager' &&
    Object.values(world.networks).some((n) => n.scope === 'swarm' && n.name === name)
  )
    return refuse(`network with name ${name} already exists`);
  if (PREDEFINED.has(name)) return refuse(`operation is not permitted on predefined ${name} network `);
  const swarmDriver = drv?.scope === 'swarm';
  if (swarmDriver && roleOf(world, daemonId) !== 'manager')
    return refuse(
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    );
  // createNetwork: the flags win over the -o enable_ipv4/enable_ipv6 labels, which must be bools
  let ipv4 = boolOf(f, 'ipv4');
  let ipv6 = boolOf(f, 'ipv6');
  for (const [key, set] of [
    [ENABLE_IPV4, (v: boolean) => (ipv4 ??= v)],
    [ENABLE_IPV6, (v: boolean) => (ipv6 ??= v)],
  ] as const) {
    if (!(key in options) || (key === ENABLE_IPV4 ? boolOf(f, 'ipv4') : boolOf(f, 'ipv6')) !== undefined) continue;
    const v = goBool(options[key]);
    if (v === null) return refuse(`driver-opt "${key}" is not a valid bool`);
    set(v);
  }
  if (boolOf(f, 'ipv4') !== undefined) delete options[ENABLE_IPV4];
  if (boolOf(f, 'ipv6') !== undefined) delete options[ENABLE_IPV6];
  const enableIPv4 = ipv4 ?? true;
  const enableIPv6 = ipv6 ?? false;
  // ValidateIPAM: every config in the order given, IPv6 ones only with IPv6 on
  const v4 = cli.value.filter((c) => !isIPv6Subnet(c.subnet));
  const v6 = cli.value.filter((c) => isIPv6Subnet(c.subnet));
  const first = v4[0];
  const req = first
    ? {
        subnet: first.subnet,
        gateway: first.gateway,
        ipRange: first.ipRange,
        aux: Object.keys(first.aux).length ? first.aux : undefined,
      }
    : {};
  const req6: Req = v6[0]
    ? {
        subnet: v6[0].subnet,
        gateway: v6[0].gateway,
        ipRange: v6[0].ipRange,
        aux: Object.keys(v6[0].aux).length ? v6[0].aux : undefined,
      }
    : {};
  const invalid: string[] = [];
  for (const c of cli.value) {
    if (isIPv6Subnet(c.subnet)) {
      if (enableIPv6) invalid.push(...validateIpam6({ ...c, aux: c.aux }));
      continue;
    }
    const plan = planNetworkIpam({ ...world, networks: {} }, daemonId, {
      subnet: c.subnet,
      gateway: c.gateway,
      ipRange: c.ipRange,
    });
    if (!plan.ok && plan.error.startsWith(INVALID)) invalid.push(...plan.error.slice(INVALID.length).split('\n'));
  }
  if (invalid.length) return refuse(`${INVALID}${joinErrors(invalid)}`);
  // NewNetwork: the name, then validateConfiguration
  if (Object.values(world.networks).some((n) => n.name === name))
    return refuse(`network with name ${name} already exists`);
  if (configOnly && (ingress || internal || attachable || scope !== ''))
    return refuse(
      'configuration network can only contain network specific fields. Network operator fields like [ ingress | internal | attachable | scope ] are not supported.',
    );
  if (configFrom !== '') {
    if (configOnly) return refuse('a configuration network cannot depend on another configuration network');
    const userConfig =
      (ipamDriver !== 'default' && ipamDriver !== '') ||
      !enableIPv4 ||
      enableIPv6 ||
      Object.keys(labels).length > 0 ||
      Object.keys(ipamOptions).length > 0 ||
      cli.value.length > 0;
    if (userConfig)
      return refuse(
        'user specified configurations are not supported if the network depends on a configuration network',
      );
    if (Object.keys(options).length > 0)
      return refuse('network driver options are not supported if the network depends on a configuration network');
  }
  if (configOnly)
    return storeConfigOnly(world, daemonId, name, { req, req6, labels, options, ipamOptions, enableIPv6 });

  if (drv?.singleton) return refuse(`only one instance of "${driver}" network is allowed`);
  if (!drv) return refuse(`plugin "${driver}" not found`);
  if (scope === 'local' && swarmDriver) return refuse(`cannot downgrade network scope for ${driver} networks`);
  if (ingress && !swarmDriver) return refuse('Ingress network can only be global scope network');
  let cfg = { req, req6, labels, options, ipamOptions, enableIPv4, enableIPv6 };
  if (configFrom !== '') {
    const source = Object.values(world.networks).find(
      (n) => n.configOnly && n.name === configFrom && n.daemon === daemonId,
    );
    if (!source) return fail(world, daemon(`configuration network "${configFrom}" does not exist`), 1);
    cfg = {
      req: source.ipam
        ? {
            subnet: source.ipam.subnet,
            gateway: source.ipam.gateway || undefined,
            ipRange: source.ipam.ipRange,
            aux: source.ipam.aux,
          }
        : {},
      req6: source.ipam6
        ? {
            subnet: source.ipam6.subnet,
            gateway: source.ipam6.gateway || undefined,
            ipRange: source.ipam6.ipRange,
            aux: source.ipam6.aux,
          }
        : {},
      labels: { ...source.labels },
      options: { ...source.options },
      ipamOptions: { ...source.ipamOptions },
      enableIPv4: true,
      enableIPv6: source.enableIPv6 === true,
    };
  }
  if (swarmDriver) {
    if (!cfg.enableIPv4) return refuse('IPv4 cannot be disabled in a Swarm scoped network');
    // swarmkit allocates only the pools the spec names: IPv6 wants its --subnet (overlayIpam.ts)
    if (cfg.enableIPv6 && !cfg.req6.subnet)
      return fail(world, NO_IPV6('IPv6 on an overlay network without an IPv6 --subnet is'), 1);
    return createOverlay(world, f, name, cfg.req, daemonId, ingress, cfg.enableIPv6 ? cfg.req6 : undefined);
  }
  if (scope === 'swarm') {
    const role = roleOf(world, daemonId);
    if (!role) return refuse('cannot create a swarm scoped network when swarm is not active');
    // NewNetwork on a swarm node: a worker is refused, a manager redirects to swarmkit
    if (role !== 'manager')
      return refuse(
        'Cannot create a multi-host network from a worker node. Please create the network from a manager node.',
      );
    if (!cfg.enableIPv4) return refuse('IPv4 cannot be disabled in a Swarm scoped network');
    let id = '';
    const next = produce(world, (d) => {
      id = createNodeLocalSwarmNetwork(d, name, driver as NetworkDriver, {
        attachable,
        internal,
        labels,
        options,
        configFrom,
        enableIPv6,
      }).id;
    });
    return ok(next, id);
  }
  if (ipamDriver !== 'default' && ipamDriver !== 'null') return refuse(`plugin "${ipamDriver}" not found`);
  if (!cfg.enableIPv4 && !cfg.enableIPv6 && driver === 'bridge') return refuse('IPv4 or IPv6 must be enabled');
  if (ipamDriver === 'null' && driver === 'bridge') return refuse('ipv4 pool is empty');
  return storeNetwork(world, daemonId, name, driver, {
    ...cfg,
    internal,
    attachable,
    configFrom,
    v4Count: Math.max(v4.length, cfg.enableIPv6 ? v6.length : 0),
    ipamDriverNull: ipamDriver === 'null',
    scope,
    enableIPv4: cfg.enableIPv4,
  });
}

type Req = { subnet?: string; gateway?: string; ipRange?: string; aux?: Record<string, string> };

/** NewNetwork's `goto addToStore` for a config-only network: driver null, scope local, nothing allocated. */
function storeConfigOnly(
  world: World,
  daemonId: string,
  name: string,
  c: {
    req: Req;
    req6: Req;
    labels: Record<string, string>;
    options: Record<string, string>;
    ipamOptions: Record<string, string>;
    enableIPv6: boolean;
  },
): CommandResult {
  let id = '';
  const next = produce(world, (d) => {
    id = randomId(d);
    d.networks[id] = {
      id,
      name,
      driver: 'null',
      daemon: daemonId,
      scope: 'local',
      created: dockerTime(d.clock),
      internal: false,
      attachable: false,
      labels: c.labels,
      options: c.options,
      ipam: c.req.subnet
        ? {
            subnet: c.req.subnet,
            gateway: c.req.gateway ?? '',
            ...(c.req.ipRange ? { ipRange: c.req.ipRange } : {}),
            ...(c.req.aux ? { aux: c.req.aux } : {}),
          }
        : null,
      userSubnet: c.req.subnet !== undefined,
      predefined: false,
      bridge: null,
      bridgeMac: null,
      fdb: [],
      configOnly: true,
      ipamOptions: c.ipamOptions,
      ...(c.enableIPv6 ? { enableIPv6: true } : {}),
      ...(c.req6.subnet ? { ipam6: unallocated(c.req6), userSubnet6: true } : {}),
    };
  });
  return ok(next, id);
}

/** An IPv6 config kept as given, nothing allocated (config-only, or IPv6 off: buildIPAMResources shows it). */
const unallocated = (r: Req) => ({
  subnet: r.subnet!,
  gateway: r.gateway ?? '',
  ...(r.ipRange ? { ipRange: r.ipRange } : {}),
  ...(r.aux ? { aux: r.aux } : {}),
});

/** The driver's checks, IPAM allocation and the new network (bridge, macvlan, ipvlan). */
function storeNetwork(
  world: World,
  daemonId: string,
  name: string,
  driver: string,
  c: {
    req: Req;
    req6: Req;
    enableIPv6: boolean;
    labels: Record<string, string>;
    options: Record<string, string>;
    ipamOptions: Record<string, string>;
    internal: boolean;
    attachable: boolean;
    configFrom: string;
    v4Count: number;
    ipamDriverNull: boolean;
    scope: string;
    enableIPv4: boolean;
  },
): CommandResult {
  const drv = driverNamed(driver)!;
  const refuse = (msg: string) => fail(world, daemon(msg), 1);
  const skipGateway = drv.skipsGateway?.(c.options, c.internal) ?? false;
  // ipamAllocate: IPv4 only when it is on (an IPv4 config given with it off is kept unallocated)
  const plan = c.enableIPv4 ? planNetworkIpam(world, daemonId, { ...c.req, skipGateway }) : null;
  const refused = drv.createError?.(world, daemonId, c.options, c.internal);
  if (refused) return refuse(refused);
  if (plan && !plan.ok) return refuse(plan.error);
  const plan6 = c.enableIPv6 ? planIpam6(world, daemonId, { ...c.req6, skipGateway }) : null;
  if (plan6 && !plan6.ok) return refuse(plan6.error);
  const linkRefused = drv.linkError?.(world, daemonId, c.options) ?? drv.configError?.(c.options, c.v4Count);
  if (linkRefused) return refuse(linkRefused);
  let id = '';
  let conflict = '';
  const next = produce(world, (d) => {
    id = randomId(d);
    const net: Network = {
      id,
      name,
      driver: drv.name as NetworkDriver,
      daemon: daemonId,
      scope: 'local',
      created: dockerTime(d.clock),
      internal: c.internal,
      attachable: c.attachable,
      labels: c.labels,
      options: c.options,
      ipam: plan?.ok ? plan.value.ipam : null,
      userSubnet: plan?.ok ? plan.value.userSubnet : false,
      ...(c.enableIPv4 ? {} : { enableIPv4: false as const }),
      ...(!c.enableIPv4 && c.req.subnet ? { ipam4Kept: unallocated(c.req) } : {}),
      predefined: false,
      ...drv.devices(d, id, c.options, daemonId),
      fdb: [],
      ...(Object.keys(c.ipamOptions).length ? { ipamOptions: c.ipamOptions } : {}),
      ...(c.configFrom ? { configFrom: c.configFrom } : {}),
      ...(plan6?.ok
        ? { enableIPv6: true, ipam6: plan6.value.ipam, userSubnet6: plan6.value.userSubnet }
        : c.req6.subnet
          ? { ipam6: unallocated(c.req6), userSubnet6: true }
          : {}),
    };
    // bridge_linux.go checkConflict: two networks may not share a Linux bridge
    const other = net.bridge
      ? Object.values(d.networks).find((n) => n.bridge === net.bridge && n.daemon === net.daemon)
      : undefined;
    if (other)
      conflict = `cannot create network ${id} (${net.bridge}): conflicts with network ${other.id} (${other.bridge}): networks have same bridge name`;
    // the bridge device is made now, on the daemon's host (ifindex.ts)
    if (net.daemon && drv.hostDevice(net, net.daemon)) net.ifindex = takeIfindex(d, net.daemon, 1);
    d.networks[id] = net;
  });
  if (conflict) return refuse(conflict);
  return ok(next, id);
}
