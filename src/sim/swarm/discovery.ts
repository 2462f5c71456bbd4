import type { World } from '../model';

/**
 * Swarm service discovery in the embedded DNS (facts 48, 82; libnetwork service_common.go
 * addEndpointNameResolution): on an overlay a service is registered by its name and its tasks
 * under `tasks.<name>`. In `vip` mode the name answers the service's VIP on that network; in
 * `dnsrr` mode it answers the task addresses; `tasks.<name>` always answers the task addresses.
 * A `--network name=N,alias=A` alias answers as the name does on that network.
 * Returns [] when `name` is no service of that network.
 */
export function serviceLookup(world: World, networkId: string, name: string): string[] {
  const s = world.swarm;
  if (!s) return [];
  const tasksOf = name.startsWith('tasks.');
  const svcName = tasksOf ? name.slice('tasks.'.length) : name;
  for (const id in s.services) {
    const svc = s.services[id];
    // the service's name and its aliases on that network (`--network name=N,alias=A`)
    const names = [svc.name, ...(svc.aliases?.[networkId] ?? [])].map((n) => n.toLowerCase());
    if (!names.includes(svcName) || !svc.networks.includes(networkId)) continue;
    if (!tasksOf && svc.endpointMode === 'vip') {
      const vip = svc.vips.find((v) => v.networkId === networkId);
      return vip ? [vip.addr.split('/')[0]] : [];
    }
    const ips: string[] = [];
    for (const tid in s.tasks) {
      const t = s.tasks[tid];
      if (t.serviceId !== svc.id || t.desired !== 'running' || t.state !== 'running') continue;
      const a = t.addrs.find((x) => x.networkId === networkId);
      if (a) ips.push(a.ip);
    }
    return ips;
  }
  return [];
}
