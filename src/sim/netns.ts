import type { IfaceAddr, Route } from './model';

/**
 * What `ip link set`, `ip addr add|del` and `ip route add|del` changed inside a container's own
 * network namespace (a process holding CAP_NET_ADMIN: `--cap-add NET_ADMIN`, `--privileged`, or
 * `docker exec --privileged`). Docker configured the namespace as the container started; from
 * then on the kernel keeps what the process changed, until the container stops and its sandbox
 * goes (a start makes a new one, so a start forgets the changes).
 *
 * It is kept per link: a link named here takes its addresses, its state and its routes from here;
 * the other links keep what Docker gave them.
 */
export interface ContainerNetns {
  /** by link name: its addresses and whether it is down */
  links: Record<string, { addrs: IfaceAddr[]; down?: true }>;
  /** the routes through the links named in `links` */
  routes: Route[];
}

/** A namespace's links and routes with a container's own changes laid over them. */
export function withNetns<T extends { name: string; addrs: IfaceAddr[]; down?: boolean }>(
  ns: ContainerNetns | undefined,
  ifaces: T[],
  routes: Route[],
): { ifaces: T[]; routes: Route[] } {
  if (!ns) return { ifaces, routes };
  const covered = (dev: string) => dev in ns.links && ifaces.some((f) => f.name === dev);
  return {
    ifaces: ifaces.map((f) => {
      const l = ns.links[f.name];
      if (!l) return f;
      const { down: _, ...rest } = f;
      return { ...rest, addrs: l.addrs, ...(l.down ? { down: true } : {}) } as T;
    }),
    routes: [...routes.filter((r) => !covered(r.dev)), ...ns.routes.filter((r) => covered(r.dev))],
  };
}
