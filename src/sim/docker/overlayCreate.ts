import { produce } from '../containerIndex';
import { planNetworkIpam } from '../ipam';
import type { CommandResult, World } from '../model';
import { createOverlayNetwork } from '../swarm/lifecycle';
import { overlayOverlaps, overlayOverlaps6, withOverlayIPv6 } from '../swarm/overlayIpam';
import { roleOf } from '../swarm/state';
import { isSet, keyValues, type Parsed } from './flags';
import { daemon, fail, ok } from './output';

/**
 * `docker network create -d overlay [--attachable] [--internal] [--subnet [--gateway]] NAME` on a
 * manager (api/server/router/network postNetworkCreate → daemon.createNetwork's validation →
 * cluster.CreateNetwork): prints swarmkit's 25-character network id.
 */
export function createOverlay(
  world: World,
  p: Parsed,
  name: string,
  ipam: { subnet?: string; gateway?: string; ipRange?: string },
  machine: string,
  ingress = false,
  ipam6?: { subnet?: string; gateway?: string; ipRange?: string },
): CommandResult {
  if (Object.values(world.networks).some((n) => n.scope === 'swarm' && n.name === name))
    return fail(world, daemon(`network with name ${name} already exists`), 1);
  if (roleOf(world, machine) !== 'manager') {
    return fail(
      world,
      daemon(
        'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
      ),
      1,
    );
  }
  // swarmkit controlapi CreateNetwork: validateNetworkSpec, then the one ingress network
  if (ingress && isSet(p, 'attachable'))
    return fail(world, daemon('rpc error: code = InvalidArgument desc = ingress network cannot be attachable'), 1);
  if (ipam.subnet) {
    const plan = planNetworkIpam({ ...world, networks: {} }, machine, ipam);
    if (!plan.ok) return fail(world, daemon(plan.error), 1);
    if (overlayOverlaps(world, plan.value.ipam.subnet))
      return fail(world, daemon('invalid pool request: Pool overlaps with other one on this address space'), 1);
  }
  if (ipam6?.subnet && overlayOverlaps6(world, ipam6.subnet))
    return fail(world, daemon('invalid pool request: Pool overlaps with other one on this address space'), 1);
  const present = Object.values(world.networks).find((n) => n.ingress);
  if (ingress && present)
    return fail(
      world,
      daemon(`rpc error: code = AlreadyExists desc = ingress network (${present.id}) is already present`),
      1,
    );
  const labels = keyValues(p, 'label');
  const options = keyValues(p, 'opt');
  let id = '';
  const next = produce(world, (d) => {
    const net = createOverlayNetwork(d, name, {
      attachable: isSet(p, 'attachable'),
      internal: isSet(p, 'internal'),
      ingress,
      labels,
      options,
      ...(ipam.subnet ? { subnet: ipam.subnet, gateway: ipam.gateway } : {}),
    });
    if (ipam6?.subnet) withOverlayIPv6(net, ipam6 as { subnet: string });
    id = net.id;
    d.swarm!.index++;
  });
  return ok(next, id);
}
