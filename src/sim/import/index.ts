/**
 * Import a real machine: the networks and containers `docker network inspect` and `docker inspect`
 * printed become the Docker host's networks and containers, with their ids, names, subnets,
 * gateways, options, addresses, MACs, aliases and published ports. Pure: the same spec and World
 * give the same result (veth names and bridge MACs, which inspect does not print, come from the
 * World's PRNG). What the World cannot hold is listed; anything inconsistent refuses the whole
 * import, naming the field.
 */
import { produce } from '../containerIndex';
import { recordImage } from '../docker/imageStore';
import { DOCKER_HOST } from '../ids';
import type { World } from '../model';
import { isIpv4 } from '../net/addr';
import { importContainers } from './containers';
import { importNetworks, Refused } from './networks';
import type { ImportContainer, ImportNetwork, ImportNote, ImportResult, ImportSpec } from './types';

export type * from './types';

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Containers that only `docker network inspect` named (its `Containers` map): running, on those
 * networks with those addresses; their image and ports are unknown. Swarm sandboxes
 * ("ingress-sbox", "lb-…") are no containers and are listed instead.
 */
function fromPeers(spec: ImportSpec, notes: ImportNote[]): ImportContainer[] {
  const known = new Set(spec.containers.map((c) => c.id));
  const out = new Map<string, ImportContainer>();
  const sandboxes = new Set<string>();
  for (const n of spec.networks)
    for (const p of n.peers) {
      if (known.has(p.key)) continue;
      if (n.scope === 'swarm' || !['bridge', 'host', 'null'].includes(n.driver)) {
        if (HEX64.test(p.key)) notes.push({ code: 'overlayPeer', params: { name: p.name, network: n.name } });
        continue;
      }
      if (!HEX64.test(p.key)) {
        if (!sandboxes.has(p.name)) notes.push({ code: 'sandbox', params: { name: p.name, network: n.name } });
        sandboxes.add(p.name);
        continue;
      }
      let c = out.get(p.key);
      if (!c) {
        c = {
          id: p.key,
          name: p.name,
          image: 'unknown',
          status: 'running',
          exitCode: 0,
          cmd: [],
          labels: {},
          networkMode: n.name === 'bridge' || n.driver !== 'bridge' ? 'bridge' : n.name,
          autoRemove: false,
          links: [],
          ports: [],
          endpoints: [],
          created: '',
          hadEnv: false,
          at: p.at,
        };
        out.set(p.key, c);
        notes.push({ code: 'onlyNetwork', params: { name: p.name } });
      }
      // a user-defined network is the one `docker run --network` named (the default bridge is connected later)
      if (c.networkMode === 'bridge' && n.name !== 'bridge' && n.driver === 'bridge') c.networkMode = n.name;
      const [ip, prefix] = p.ipv4.split('/');
      c.endpoints.push({
        network: n.name,
        networkId: n.id,
        aliases: [],
        ...(ip ? { ip, prefix: Number(prefix) } : {}),
        ...(p.mac ? { mac: p.mac } : {}),
        endpointId: p.endpointId,
        at: p.at,
      });
    }
  return [...out.values()];
}

/**
 * Networks only a container's `Networks` map names (a paste of `docker inspect` alone): rebuilt
 * from the endpoint's address, prefix length and gateway, as `docker network inspect` would show.
 */
function fromEndpoints(spec: ImportSpec, notes: ImportNote[]): ImportNetwork[] {
  const have = new Set(spec.networks.flatMap((n) => [n.id, n.name]));
  const out = new Map<string, ImportNetwork>();
  for (const c of spec.containers)
    for (const ep of c.endpoints) {
      if (have.has(ep.networkId) || have.has(ep.network) || out.has(ep.network)) continue;
      if (['host', 'none'].includes(ep.network) || !ep.ip || !ep.gateway || !ep.prefix || !isIpv4(ep.ip)) continue;
      if (!HEX64.test(ep.networkId)) continue;
      out.set(ep.network, {
        id: ep.networkId,
        name: ep.network,
        driver: 'bridge',
        scope: 'local',
        internal: false,
        attachable: false,
        ingress: false,
        labels: {},
        options: {},
        subnets: [{ subnet: `${ep.ip}/${ep.prefix}`, gateway: ep.gateway, at: ep.at }],
        ipv6: [],
        peers: [],
        at: ep.at,
      });
      notes.push({ code: 'fromEndpoint', params: { name: ep.network } });
    }
  return [...out.values()];
}

/**
 * The World `base` with its Docker host's networks and containers replaced by the imported ones.
 * Other machines (LAN, router, internet, more Docker hosts) stay as they are.
 */
export function importMachine(base: World, spec: ImportSpec): ImportResult<World> {
  if (spec.networks.length === 0 && spec.containers.length === 0)
    return { ok: false, refusal: { at: '', code: 'empty', params: {} } };
  const notes: ImportNote[] = [];
  let counts = { networks: 0, containers: 0 };
  try {
    const world = produce(base, (d) => {
      for (const c of Object.values(d.containers)) if (c.daemon === DOCKER_HOST) delete d.containers[c.id];
      const idx = importNetworks(d, [...spec.networks, ...fromEndpoints(spec, notes)], notes);
      const peers = fromPeers(spec, notes);
      const n = importContainers(d, [...spec.containers, ...peers], idx, notes);
      d.daemons[DOCKER_HOST] = { lastEphemeralPort: 0, images: [] };
      for (const c of Object.values(d.containers))
        if (c.daemon === DOCKER_HOST && c.image !== 'unknown') recordImage(d, DOCKER_HOST, c.image);
      counts = { networks: [...idx.byId.values()].filter((x) => !x.predefined).length, containers: n };
    });
    return { ok: true, world, notes, counts };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    return { ok: false, refusal: { at: '', code: 'internal', params: { error: (e as Error).message } } };
  }
}
