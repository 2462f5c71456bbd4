import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../../src/io/project';
import { worldRefusal } from '../../../src/io/worldSchema';
import { dockerOn, session, threeNodeSwarm } from './helpers';

/**
 * `docker network create --scope swarm -d bridge|macvlan|ipvlan` (moby v28.5.2
 * libnetwork/controller.go NewNetwork → ManagerRedirectError → daemon/cluster/networks.go
 * CreateNetwork; swarmkit controlapi/network.go; libnetwork/cnmallocator Allocate: isNodeLocal).
 */
describe('a swarm-scoped network of a node-local driver', () => {
  it('is created on a manager with a 25-char id, listed with SCOPE swarm and inspected as the cluster holds it', () => {
    const { world, outs } = session([
      'docker swarm init --advertise-addr 192.168.0.10',
      'docker network create --scope swarm -d bridge --label a=b --subnet 10.9.0.0/24 swbr',
      'docker network create --config-only --subnet 192.168.0.0/24 --gateway 192.168.0.1 -o parent=eth0 mv-cfg',
      'docker network create -d macvlan --scope swarm --config-from mv-cfg swmv',
    ]);
    expect(outs[1].output).toMatch(/^[0-9a-z]{25}$/);
    expect(outs[3].output).toMatch(/^[0-9a-z]{25}$/);
    const ls = dockerOn(world, 'docker-host', 'docker network ls --format "{{.Name}} {{.Driver}} {{.Scope}}"');
    expect(ls.output.split('\n').filter((l) => l.startsWith('sw'))).toEqual([
      'swbr bridge swarm',
      'swmv macvlan swarm',
    ]);
    const ins = JSON.parse(dockerOn(world, 'docker-host', 'docker network inspect swbr swmv').output);
    expect(ins[0]).toEqual({
      Name: 'swbr',
      Id: outs[1].output,
      Created: ins[0].Created,
      Scope: 'swarm',
      Driver: 'bridge',
      EnableIPv4: true,
      EnableIPv6: false,
      IPAM: { Driver: '', Options: null, Config: [] },
      Internal: false,
      Attachable: false,
      Ingress: false,
      ConfigFrom: { Network: '' },
      ConfigOnly: false,
      Containers: null,
      Options: null,
      Labels: { a: 'b' },
    });
    expect([ins[1].Driver, ins[1].ConfigFrom, ins[1].Labels, ins[1].IPAM.Config]).toEqual([
      'macvlan',
      { Network: 'mv-cfg' },
      null,
      [],
    ]);
    // the record has no device and no rule on any daemon
    expect(Object.values(world.networks).find((n) => n.name === 'swbr')?.bridge).toBe(null);
    const rm = dockerOn(world, 'docker-host', 'docker network rm swbr swmv');
    expect(rm.output).toBe('swbr\nswmv');
    expect(Object.values(rm.world.networks).some((n) => n.scope === 'swarm' && n.name.startsWith('sw'))).toBe(false);
  });

  it('refuses as Docker does: no swarm, a worker, IPv4 off, a missing config network, run and connect when it is not attachable', () => {
    const none = session(['docker network create --scope swarm -d bridge x']).outs[0];
    expect([none.output, none.exitCode]).toEqual([
      'Error response from daemon: cannot create a swarm scoped network when swarm is not active',
      1,
    ]);
    const w = threeNodeSwarm();
    const { outs } = session(
      [
        '@docker-host-2 docker network create --scope swarm -d macvlan x',
        'docker network create -d ipvlan --scope swarm --ipv4=false --ipv6 x',
        'docker network create -d macvlan --scope swarm --config-from nope x',
        'docker network create --scope swarm -d bridge swbr',
        'docker run -d --name web1 --network swbr nginx',
        'docker run -d --name web3 nginx',
        'docker network connect swbr web3',
      ],
      w,
    );
    expect(outs.map((o) => o.output)).toEqual([
      'Error response from daemon: Cannot create a multi-host network from a worker node. Please create the network from a manager node.',
      'Error response from daemon: IPv4 cannot be disabled in a Swarm scoped network',
      'Error response from daemon: configuration network "nope" does not exist',
      outs[3].output,
      "docker: Error response from daemon: Could not attach to network swbr: rpc error: code = PermissionDenied desc = network swbr not manually attachable.\n\nRun 'docker run --help' for more information",
      outs[5].output,
      'Error response from daemon: Could not attach to network swbr: rpc error: code = PermissionDenied desc = network swbr not manually attachable.',
    ]);
    // a worker lists it only once a task or container of its own uses it
    const ls = dockerOn(
      session(['docker network create --scope swarm -d bridge swbr'], w).world,
      'docker-host-2',
      'docker network ls --format "{{.Name}}"',
    );
    expect(ls.output.split('\n')).not.toContain('swbr');
  });

  it('says in one whalewire line what is not simulated yet: the per-node instance', () => {
    const { outs } = session([
      'docker swarm init --advertise-addr 192.168.0.10',
      'docker network create --scope swarm -d bridge --attachable swatt',
      'docker run -d --name web2 --network swatt nginx',
      'docker service create --name s1 --network swatt nginx',
      'docker service create --name s2 nginx',
      'docker service update --network-add swatt s2',
    ]);
    expect([outs[2].output, outs[2].exitCode]).toEqual([
      'whalewire: the local instance of swarm-scoped bridge network swatt on this node is not simulated',
      125,
    ]);
    expect(outs[3].output).toBe(
      'whalewire: service tasks on swarm-scoped bridge network swatt are not simulated; the service was not created',
    );
    expect(outs[5].output).toBe(
      'whalewire: service tasks on swarm-scoped bridge network swatt are not simulated; the service was not updated',
    );
  });

  it('is kept by a save (no new field: the World keeps its shape)', () => {
    const { world } = session([
      'docker swarm init --advertise-addr 192.168.0.10',
      'docker network create --config-only --subnet 192.168.0.0/24 -o parent=eth0 mv-cfg',
      'docker network create -d macvlan --scope swarm --config-from mv-cfg swmv',
    ]);
    expect(worldRefusal(world)).toBeNull();
    const res = parseProject(serializeProject({ world, pinned: {} }));
    expect(res.ok && res.doc.world).toEqual(world);
  });
});
