import { produce } from '../containerIndex';
import { allocateAddress } from '../ipam';
import type { World } from '../model';
import { randomMac } from '../prng';
import { ensureGwbridge } from './lifecycle';
import { ensureLbEndpoint } from './loadBalancer';
import { allocateOverlayIp } from './overlayIpam';
import { ingressNetworkId, taskNetworks } from './schedule';
import { gwbridgeOf, startTaskContainer } from './taskContainer';

/**
 * What a World saved before swarm services had load balancers lacks, rebuilt as the daemons would
 * on start (libnetwork restores a node's sandboxes and swarmkit re-runs its tasks): each ready
 * node's docker_gwbridge with the ingress sandbox's `gateway_ingress-sbox` endpoint (fact 75),
 * a VIP per network for every `vip`-mode service that has none (fact 76), a container for every
 * running task that has none (its addresses kept), and each node's `lb-<net>` endpoint on the
 * overlays its tasks use. A World that has all of this comes back unchanged (the same object).
 */
export function restoreLoadBalancers(world: World): World {
  const s = world.swarm;
  if (!s || !needsRestore(world)) return world;
  return produce(world, (d) => {
    const sw = d.swarm!;
    const ingress = ingressNetworkId(d);
    for (const n of sw.nodes) {
      if (n.status !== 'ready') continue;
      ensureGwbridge(d, n.machine);
      const gw = gwbridgeOf(d, n.machine);
      if (gw && ingress && !gw.sandboxes?.some((x) => x.name === 'gateway_ingress-sbox')) {
        const ip = allocateAddress(d, gw);
        if (ip.ok) gw.sandboxes = [{ name: 'gateway_ingress-sbox', ip: ip.value, mac: randomMac(d) }];
      }
      if (ingress && !n.ingressIp) n.ingressIp = allocateOverlayIp(d, ingress) ?? undefined;
    }
    for (const svc of Object.values(sw.services)) {
      if (!Array.isArray(svc.vips)) svc.vips = [];
      if (svc.endpointMode !== 'vip' || svc.vips.length) continue;
      for (const networkId of taskNetworks(d, svc.id)) {
        const ip = allocateOverlayIp(d, networkId);
        const bits = d.networks[networkId]?.ipam?.subnet.split('/')[1];
        if (ip && bits) svc.vips.push({ networkId, addr: `${ip}/${bits}` });
      }
    }
    for (const t of Object.values(sw.tasks)) {
      if (t.desired !== 'running' || t.state !== 'running') continue;
      if (!t.containerId || !d.containers[t.containerId]) {
        delete t.containerId;
        startTaskContainer(d, t.id);
      }
      for (const a of t.addrs) ensureLbEndpoint(d, t.node, a.networkId);
    }
  });
}

/** Whether any piece {@link restoreLoadBalancers} rebuilds is missing. */
function needsRestore(world: World): boolean {
  const s = world.swarm!;
  const ingress = ingressNetworkId(world);
  for (const n of s.nodes) {
    if (n.status !== 'ready') continue;
    const gw = gwbridgeOf(world, n.machine);
    if (!gw || (ingress && !gw.sandboxes?.some((x) => x.name === 'gateway_ingress-sbox'))) return true;
    if (ingress && !n.ingressIp) return true;
  }
  for (const svc of Object.values(s.services))
    if (
      !Array.isArray(svc.vips) ||
      (svc.endpointMode === 'vip' && !svc.vips.length && taskNetworks(world, svc.id).length)
    )
      return true;
  for (const t of Object.values(s.tasks)) {
    if (t.desired !== 'running' || t.state !== 'running') continue;
    if (!t.containerId || !world.containers[t.containerId]) return true;
    const node = s.nodes.find((n) => n.machine === t.node && n.status === 'ready');
    for (const a of t.addrs)
      if (!world.networks[a.networkId]?.ingress && node && !node.lbIps?.[a.networkId]) return true;
  }
  return false;
}
