import { IPv4CidrRange } from 'ip-num';
import { mayAdministerNetwork } from '../caps';
import { produce } from '../containerIndex';
import { inCidr, isIPv4 } from '../ipam';
import type { CommandResult, Iface, Machine, Route, World } from '../model';
import { randomMac } from '../prng';
import { namespaceOwner, stackOf } from '../stack';
import type { Where } from '../where';

/**
 * The `ip` subcommands that change a machine (iproute2 6.x wording): `ip link add NAME link
 * PARENT type macvlan mode MODE`, `ip link set [dev] NAME up|down`, `ip link del [dev] NAME`,
 * `ip addr add|del IP/LEN dev NAME`, `ip route add|del DST [via GW] [dev NAME] [metric N]`. Enough
 * for the macvlan shim of docker-facts 86 and a static route on the router (ipvlan l3, fact 89).
 * In a container the kernel refuses them without CAP_NET_ADMIN (oci/caps DefaultCapabilities lacks
 * it); with it (`--cap-add NET_ADMIN`, `--privileged`, `exec --privileged`) they change the
 * container's own namespace, kept as its netns (netns.ts).
 */

const out = (world: World, output: string, exitCode = 0): CommandResult => ({ world, output, exitCode });

const NO_PERM = 'RTNETLINK answers: Operation not permitted';
const EXISTS = 'RTNETLINK answers: File exists';
const MACVLAN_MODES = ['private', 'vepa', 'bridge', 'passthru', 'source'];

/** Whether `ip OBJ VERB` is one of the changes handled here. */
export function isIpChange(obj: string, verb: string | undefined): boolean {
  if (verb === undefined) return false;
  if (obj === 'link') return ['add', 'set', 'del', 'delete'].includes(verb);
  if (obj === 'addr') return ['add', 'del', 'delete'].includes(verb);
  if (obj === 'route') return ['add', 'del', 'delete', 'replace'].includes(verb);
  return false;
}

/** Runs `ip OBJ VERB …` (`args` after the verb) on `where`. */
export function ipChange(world: World, obj: string, verb: string, args: string[], where: Where): CommandResult {
  const owner = where.kind === 'machine' ? where : namespaceOwner(world, where.id);
  if (owner.kind === 'container') {
    if (!mayAdministerNetwork(world, where)) return out(world, NO_PERM, 2);
    return inContainer(world, owner.id, obj, verb, args);
  }
  const m = world.machines[owner.id];
  if (!m) return out(world, '', 1);
  if (obj === 'link') return link(world, m, verb, args);
  if (obj === 'addr') return addr(world, m, verb, args);
  return route(world, m, verb, args);
}

/** Where a container's namespace is worked on: a stand-in machine holding its links and routes. */
const NETNS = '\u0000netns';

/**
 * A change in a container's namespace: the same code over its links and routes as the kernel
 * holds them now (stack.ts), the result kept as the container's netns.
 */
function inContainer(world: World, id: string, obj: string, verb: string, args: string[]): CommandResult {
  const stack = stackOf(world, { kind: 'container', id });
  if (!stack) return out(world, '', 1);
  if (obj === 'link' && verb !== 'set') {
    return out(world, 'whalewire: ip link add/del inside a container is not simulated (ip link set is)', 1);
  }
  const ns: Machine = {
    ...world.machines[world.containers[id].daemon],
    id: NETNS,
    ifaces: stack.ifaces.map((f) => ({
      name: f.name,
      mac: f.mac,
      addrs: f.addrs,
      segment: null,
      ...(f.down ? { down: true } : {}),
    })),
    routes: stack.routes.map(({ linkdown: _, ...r }) => r),
  };
  const inside = { ...world, machines: { ...world.machines, [NETNS]: ns } };
  const res =
    obj === 'link'
      ? link(inside, ns, verb, args)
      : obj === 'addr'
        ? addr(inside, ns, verb, args)
        : route(inside, ns, verb, args);
  const after = res.world.machines[NETNS];
  if (res.exitCode !== 0 || after === ns) return { ...res, world };
  const next = produce(res.world, (d) => {
    delete d.machines[NETNS];
    d.containers[id].netns = {
      links: Object.fromEntries(
        after.ifaces.map((f) => [f.name, { addrs: f.addrs, ...(f.down ? { down: true as const } : {}) }]),
      ),
      routes: after.routes,
    };
  });
  return { ...res, world: next };
}

/** Pairs `key value` of iproute2's argument lists, and the first bare word. */
function words(args: string[], keys: string[]): { kv: Record<string, string>; bare: string[]; flags: string[] } {
  const kv: Record<string, string> = {};
  const bare: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (keys.includes(args[i]) && args[i + 1] !== undefined) kv[args[i]] = args[++i];
    else if (['up', 'down'].includes(args[i])) flags.push(args[i]);
    else bare.push(args[i]);
  }
  return { kv, bare, flags };
}

const noDevice = (world: World, name: string) => out(world, `Cannot find device "${name}"`, 1);

function change(world: World, id: string, fn: (m: Machine, d: World) => void): World {
  return produce(world, (d) => fn(d.machines[id], d));
}

/** The kernel's prefix route for an address on an interface that is up. */
function kernelRoute(f: Pick<Iface, 'name'>, ip: string, prefix: number): Route | null {
  if (prefix >= 32) return null;
  const net = IPv4CidrRange.fromCidr(`${ip}/${prefix}`).getFirst().toString();
  return { dst: `${net}/${prefix}`, dev: f.name, proto: 'kernel', scope: 'link', src: ip };
}

function link(world: World, m: Machine, verb: string, args: string[]): CommandResult {
  const { kv, bare, flags } = words(args, ['link', 'type', 'mode', 'name', 'dev']);
  const name = kv.name ?? kv.dev ?? bare[0];
  if (!name) return out(world, 'Not enough information: "dev" argument is required.', 255);
  const f = m.ifaces.find((x) => x.name === name);
  if (verb === 'add') {
    const type = kv.type;
    if (!type) return out(world, 'Not enough information: "type" argument is required.', 255);
    if (type !== 'macvlan') return out(world, 'Error: Unknown device type.', 2);
    if (!kv.link) return out(world, 'RTNETLINK answers: Invalid argument', 2);
    const parent = m.ifaces.find((x) => x.name === kv.link);
    if (!parent) return noDevice(world, kv.link);
    const mode = kv.mode ?? 'vepa';
    if (!MACVLAN_MODES.includes(mode)) {
      return out(
        world,
        `Error: argument "${mode}" is wrong: mode must be "private", "vepa", "bridge", "passthru" or "source"`,
        255,
      );
    }
    if (f) return out(world, EXISTS, 2);
    const next = change(world, m.id, (dm, d) => {
      dm.ifaces.push({ name, mac: randomMac(d), addrs: [], segment: parent.segment, parent: parent.name, down: true });
    });
    return out(next, '');
  }
  if (!f) return noDevice(world, name);
  if (verb === 'del' || verb === 'delete') {
    if (!f.parent) return out(world, 'RTNETLINK answers: Operation not supported', 2);
    return out(
      change(world, m.id, (dm) => {
        dm.ifaces = dm.ifaces.filter((x) => x.name !== name);
        dm.routes = dm.routes.filter((r) => r.dev !== name);
        dm.arp = dm.arp.filter((e) => e.dev !== name);
      }),
      '',
    );
  }
  // set
  const want = flags.at(-1);
  if (!want) return out(world, '', 0);
  const next = change(world, m.id, (dm) => {
    const df = dm.ifaces.find((x) => x.name === name)!;
    if (want === 'up' && df.down) {
      delete df.down;
      for (const a of df.addrs) {
        const r = kernelRoute(df, a.ip, a.prefix);
        if (r && !dm.routes.some((x) => x.dst === r.dst && x.dev === r.dev)) dm.routes.push(r);
      }
    } else if (want === 'down' && !df.down) {
      df.down = true;
      dm.routes = dm.routes.filter((r) => r.dev !== name);
    }
  });
  return out(next, '');
}

function addr(world: World, m: Machine, verb: string, args: string[]): CommandResult {
  const { kv, bare } = words(args, ['dev', 'brd', 'broadcast', 'scope', 'label']);
  const spec = bare[0];
  if (!spec) return out(world, 'Not enough information: "dev" argument is required.', 255);
  const [ip, len] = spec.split('/');
  const prefix = len === undefined ? 32 : Number(len);
  if (!isIPv4(ip) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) {
    return out(world, `Error: any valid prefix is expected rather than "${spec}".`, 1);
  }
  const dev = kv.dev;
  if (!dev) return out(world, 'Not enough information: "dev" argument is required.', 255);
  const f = m.ifaces.find((x) => x.name === dev);
  if (!f) return noDevice(world, dev);
  const has = f.addrs.some((a) => a.ip === ip && a.prefix === prefix);
  if (verb === 'add') {
    if (has) return out(world, EXISTS, 2);
    const next = change(world, m.id, (dm) => {
      const df = dm.ifaces.find((x) => x.name === dev)!;
      df.addrs.push({ ip, prefix });
      const r = df.down ? null : kernelRoute(df, ip, prefix);
      if (r && !dm.routes.some((x) => x.dst === r.dst && x.dev === r.dev)) dm.routes.push(r);
    });
    return out(next, '');
  }
  if (!has) return out(world, 'RTNETLINK answers: Cannot assign requested address', 2);
  const next = change(world, m.id, (dm) => {
    const df = dm.ifaces.find((x) => x.name === dev)!;
    df.addrs = df.addrs.filter((a) => !(a.ip === ip && a.prefix === prefix));
    dm.routes = dm.routes.filter((r) => !(r.dev === dev && r.src === ip && r.proto === 'kernel'));
  });
  return out(next, '');
}

/** A route destination as the kernel keeps it: "default", or a masked CIDR (a bare address is a /32). */
function routeDst(spec: string): string | null {
  if (spec === 'default' || spec === '0.0.0.0/0') return 'default';
  const [ip, len] = spec.split('/');
  const prefix = len === undefined ? 32 : Number(len);
  if (!isIPv4(ip) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return null;
  if (prefix === 32) return ip;
  return `${IPv4CidrRange.fromCidr(`${ip}/${prefix}`).getFirst().toString()}/${prefix}`;
}

function route(world: World, m: Machine, verb: string, args: string[]): CommandResult {
  const { kv, bare } = words(args, ['via', 'dev', 'metric', 'src', 'proto', 'scope', 'table']);
  const spec = bare[0] === 'to' ? bare[1] : bare[0];
  if (!spec) return out(world, 'Not enough information: "to" argument is required.', 255);
  const dst = routeDst(spec);
  if (!dst) return out(world, `Error: any valid prefix is expected rather than "${spec}".`, 1);
  const metric = kv.metric === undefined ? undefined : Number(kv.metric);
  const same = (r: Route) => r.dst === dst && (r.metric ?? 0) === (metric ?? 0);
  if (verb === 'del' || verb === 'delete') {
    const hit = m.routes.find((r) => same(r) && (!kv.dev || r.dev === kv.dev) && (!kv.via || r.via === kv.via));
    if (!hit) return out(world, 'RTNETLINK answers: No such process', 2);
    return out(
      change(world, m.id, (dm) => {
        dm.routes = dm.routes.filter((r) => !(same(r) && r.dev === hit.dev && r.via === hit.via));
      }),
      '',
    );
  }
  if (kv.via !== undefined && !isIPv4(kv.via))
    return out(world, `Error: inet address is expected rather than "${kv.via}".`, 1);
  let dev = kv.dev;
  if (dev !== undefined) {
    const f = m.ifaces.find((x) => x.name === dev);
    if (!f) return noDevice(world, dev);
    if (f.down) return out(world, 'Error: Device for nexthop is not up.', 2);
  }
  if (kv.via !== undefined) {
    // the gateway must be on a connected subnet (of `dev` when given)
    const onLink = m.routes.find(
      (r) => r.dst !== 'default' && !r.via && (!dev || r.dev === dev) && r.dst.includes('/') && inCidr(kv.via!, r.dst),
    );
    if (!onLink) return out(world, 'Error: Nexthop has invalid gateway.', 2);
    dev = onLink.dev;
  }
  if (!dev) return out(world, 'Error: Device for nexthop is not up.', 2);
  if (verb === 'add' && m.routes.some(same)) return out(world, EXISTS, 2);
  const r: Route = {
    dst,
    ...(kv.via ? { via: kv.via } : {}),
    dev,
    ...(kv.via ? {} : { scope: 'link' as const }),
    ...(metric !== undefined ? { metric } : {}),
  };
  return out(
    change(world, m.id, (dm) => {
      dm.routes = [...dm.routes.filter((x) => !same(x)), r];
    }),
    '',
  );
}
