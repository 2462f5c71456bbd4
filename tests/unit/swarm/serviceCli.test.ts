import { describe, expect, it } from 'vitest';
import { parsePublish } from '../../../src/sim/docker/serviceFlags';
import { ingressPorts } from '../../../src/sim/docker/serviceList';
import { createDefaultWorld } from '../../../src/sim/world';
import { dockerOn, session, threeNodeSwarm } from './helpers';

const BAR = `[${'='.repeat(50)}>]`;

describe('docker service create', () => {
  it('seed 001: prints the id, then the settled progress of a TTY', () => {
    const { outs } = session(['docker swarm init', 'docker service create --name web -p 8080:80 nginx']);
    const [id, ...rest] = outs[1].output.split('\n');
    expect(id).toMatch(/^[0-9a-z]{25}$/);
    expect(rest).toEqual([
      'overall progress: 1 out of 1 tasks ',
      `1/1: running   ${BAR} `,
      `verify: Service ${id} converged `,
    ]);
  });

  it('-d / -q print only the id; more than 20 replicas print no per-task lines', () => {
    const { outs } = session([
      'docker swarm init',
      'docker service create -d --name a nginx',
      'docker service create -q --name b nginx',
      'docker service create --name c --replicas 21 nginx',
    ]);
    expect(outs[1].output).toMatch(/^[0-9a-z]{25}$/);
    expect(outs[2].output).toMatch(/^[0-9a-z]{25}$/);
    expect(outs[3].output.split('\n').slice(1)).toEqual([
      'overall progress: 21 out of 21 tasks ',
      expect.stringMatching(/^verify: Service [0-9a-z]{25} converged $/),
    ]);
  });

  it('an image no registry has: the digest warning, the task error, and no convergence', () => {
    const { world, outs } = session(['docker swarm init', 'docker service create --name web my-image']);
    const lines = outs[1].output.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'image my-image:latest could not be accessed on a registry to record',
      'its digest. Each node will access my-image:latest independently,',
      'possibly leading to different nodes running different',
      'versions of the image.',
      '',
    ]);
    expect(lines.slice(6)).toEqual([
      'overall progress: 0 out of 1 tasks ',
      '1/1: No such image: my-image:latest ',
      'Operation continuing in background.',
      `Use \`docker service ps ${lines[5]}\` to check progress.`,
    ]);
    expect(dockerOn(world, 'docker-host', 'docker service ls').output).toContain(' 0/1 ');
    expect(dockerOn(world, 'docker-host', 'docker service ps web').output).toContain(
      'Rejected less than a second ago   "No such image: my-image:latest"',
    );
  });

  it.each([
    [
      'docker service create --name web -p 8080:80 nginx',
      /^Error response from daemon: rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'web' \([0-9a-z]{25}\) as an ingress port$/,
    ],
    [
      'docker service create --name web nginx',
      /^Error response from daemon: rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists$/,
    ],
    [
      'docker service create --endpoint-mode dnsrr -p 9000:80 nginx',
      /^Error response from daemon: rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode$/,
    ],
    ['docker service create --network nope nginx', /^Error response from daemon: network nope not found$/],
    [
      'docker service create --network ingress nginx',
      /^Error response from daemon: rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network "ingress"$/,
    ],
    ['docker service create --network bridge nginx', /^Error response from daemon: network bridge not found$/],
    [
      'docker service create --mode global --replicas 2 nginx',
      /^replicas can only be used with replicated or replicated-job mode$/,
    ],
    ['docker service create --mode daemon nginx', /^Unknown mode: daemon, only replicated and global supported$/],
    [
      'docker service create --name bad.name nginx',
      /^Error response from daemon: rpc error: code = InvalidArgument desc = name must be valid as a DNS name component$/,
    ],
    [
      'docker service create -p 127.0.0.1:80:80 nginx',
      /^invalid argument "127\.0\.0\.1:80:80" for "-p, --publish" flag: hostip is not supported\n\nUsage: {2}docker service create \[OPTIONS\] IMAGE \[COMMAND\] \[ARG\.\.\.\]/,
    ],
  ])('%s fails and changes nothing', (line, expected) => {
    const w = session(['docker swarm init', 'docker service create --name web -p 8080:80 nginx']).world;
    const r = dockerOn(w, 'docker-host', line);
    expect(r.output).toMatch(expected);
    expect(r.exitCode).not.toBe(0);
    expect(r.world).toBe(w);
  });

  it('outside a swarm: not a swarm manager', () => {
    expect(dockerOn(createDefaultWorld(), 'docker-host', 'docker service create nginx').output).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    );
  });

  it('spreads replicas over the nodes; global puts one task on every node (named by node id)', () => {
    let w = threeNodeSwarm();
    w = dockerOn(w, 'docker-host', 'docker service create --name web --replicas 4 nginx').world;
    const nodes = Object.values(w.swarm!.tasks).map((t) => t.node);
    expect(nodes).toEqual(['docker-host', 'docker-host-2', 'docker-host-3', 'docker-host']);
    const g = dockerOn(w, 'docker-host', 'docker service create --name agent --mode global busybox');
    const ids = g.world.swarm!.nodes.map((n) => n.id.slice(0, 12));
    expect(g.output.split('\n').slice(2, 5)).toEqual(ids.map((id) => `${id}: running   ${BAR} `));
    const ps = dockerOn(g.world, 'docker-host', 'docker service ps agent').output;
    expect(ps).toContain(`agent.${g.world.swarm!.nodes[0].id}`);
    expect(dockerOn(g.world, 'docker-host', 'docker service ls').output).toMatch(/agent {5}global {7}3\/3 /);
  });

  it('a dynamic published port comes from 30000 on, serially', () => {
    const { world } = session([
      'docker swarm init',
      'docker service create --name a -p 80 nginx',
      'docker service create --name b -p 80 nginx',
    ]);
    expect(
      dockerOn(world, 'docker-host', 'docker service ls')
        .output.split('\n')
        .slice(1)
        .map((l) => l.split(/\s{3,}/).pop()),
    ).toEqual(['*:30000->80/tcp', '*:30001->80/tcp']);
  });
});

describe('docker service ls / ps / scale / rm / inspect', () => {
  it('ls: 12-char ids, sorted by name, ingress ports only', () => {
    const { world } = session([
      'docker swarm init',
      'docker service create --name web -p 8080:80 nginx',
      'docker service create --name api -p published=9000,target=80,mode=host redis',
    ]);
    const out = dockerOn(world, 'docker-host', 'docker service ls').output.split('\n');
    expect(out[0]).toBe('ID             NAME      MODE         REPLICAS   IMAGE          PORTS');
    expect(out[1]).toMatch(/^[0-9a-z]{12} {3}api {7}replicated {3}1\/1 {8}redis:latest {3}$/);
    expect(out[2]).toMatch(/^[0-9a-z]{12} {3}web {7}replicated {3}1\/1 {8}nginx:latest {3}\*:8080->80\/tcp$/);
    expect(dockerOn(world, 'docker-host', 'docker service ps api').output).toContain('*:9000->80/tcp');
  });

  it('scale up and down; the progress names the service as typed', () => {
    const { world, outs } = session([
      'docker swarm init',
      'docker service create --name web nginx',
      'docker service scale web=3',
      'docker service scale web=1',
    ]);
    expect(outs[2].output.split('\n')).toEqual([
      'web scaled to 3',
      'overall progress: 3 out of 3 tasks ',
      `1/3: running   ${BAR} `,
      `2/3: running   ${BAR} `,
      `3/3: running   ${BAR} `,
      'verify: Service web converged ',
    ]);
    expect(dockerOn(world, 'docker-host', 'docker service ps -q web').output.split('\n')).toHaveLength(1);
  });

  it('scale errors', () => {
    const { world } = session(['docker swarm init', 'docker service create --name g --mode global nginx']);
    expect(dockerOn(world, 'docker-host', 'docker service scale nope=2').output).toBe(
      'nope: Error response from daemon: service nope not found',
    );
    expect(dockerOn(world, 'docker-host', 'docker service scale g=2').output).toBe(
      'g: scale can only be used with replicated or replicated-job mode',
    );
    expect(dockerOn(world, 'docker-host', 'docker service scale g').output).toMatch(/^invalid scale specifier 'g'\./);
  });

  it('rm echoes each name; a missing one is the daemon error', () => {
    const { world } = session(['docker swarm init', 'docker service create --name web nginx']);
    const r = dockerOn(world, 'docker-host', 'docker service rm web nope');
    expect(r.output).toBe('web\nError response from daemon: service nope not found');
    expect(r.exitCode).toBe(1);
    expect(Object.keys(r.world.swarm!.services)).toEqual([]);
    expect(Object.keys(r.world.swarm!.tasks)).toEqual([]);
  });

  it('inspect: JSON with the VIPs; --format; unknown service', () => {
    const { world } = session([
      'docker swarm init',
      'docker network create -d overlay appnet',
      'docker service create --name web -p 8080:80 --network appnet nginx',
    ]);
    const json = JSON.parse(dockerOn(world, 'docker-host', 'docker service inspect web').output);
    expect(json[0].Spec.Name).toBe('web');
    expect(json[0].Spec.Mode).toEqual({ Replicated: { Replicas: 1 } });
    expect(json[0].Endpoint.Ports).toEqual([
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
    ]);
    expect(json[0].Endpoint.VirtualIPs.map((v: { Addr: string }) => v.Addr)).toEqual(['10.0.0.3/24', '10.0.1.2/24']);
    expect(
      dockerOn(world, 'docker-host', "docker service inspect --format '{{.Spec.Mode.Replicated.Replicas}}' web").output,
    ).toBe('1');
    const miss = dockerOn(world, 'docker-host', 'docker service inspect nope');
    expect(miss.output).toBe('[]\nError: no such service: nope');
    const pretty = dockerOn(world, 'docker-host', 'docker service inspect --pretty web').output.split('\n');
    expect(pretty.slice(0, 4)).toEqual(['', `ID:\t\t${json[0].ID}`, 'Name:\t\tweb', 'Service Mode:\tReplicated']);
    expect(pretty).toContain('Networks: appnet ');
    expect(pretty.at(-1)).toBe('  PublishMode = ingress ');
  });
});

describe('overlay networks', () => {
  it('network create -d overlay: a 25-char id, 10.0.1.0/24, VNI 4097, scope swarm', () => {
    const { world, outs } = session(['docker swarm init', 'docker network create -d overlay --attachable ov']);
    expect(outs[1].output).toMatch(/^[0-9a-z]{25}$/);
    const n = world.networks[outs[1].output];
    expect([n.name, n.driver, n.scope, n.attachable, n.ipam, n.vni]).toEqual([
      'ov',
      'overlay',
      'swarm',
      true,
      { subnet: '10.0.1.0/24', gateway: '10.0.1.1' },
      4097,
    ]);
    expect(dockerOn(world, 'docker-host', 'docker network ls').output).toContain(
      `${outs[1].output.slice(0, 12)}   ov                overlay   swarm`,
    );
  });

  it('--subnet is kept; a taken name is refused; overlapping swarm subnets are refused', () => {
    const { world } = session(['docker swarm init', 'docker network create -d overlay --subnet 10.20.0.0/16 ov']);
    expect(Object.values(world.networks).find((n) => n.name === 'ov')!.ipam).toEqual({
      subnet: '10.20.0.0/16',
      gateway: '10.20.0.1',
    });
    expect(dockerOn(world, 'docker-host', 'docker network create -d overlay ov').output).toBe(
      'Error response from daemon: network with name ov already exists',
    );
    expect(dockerOn(world, 'docker-host', 'docker network create -d overlay --subnet 10.20.5.0/24 o2').output).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space',
    );
  });
});

describe('publish parsing (swarmopts.PortOpt)', () => {
  it.each([
    ['8080:80', { protocol: 'tcp', target: 80, published: 8080, mode: 'ingress' }],
    ['53:53/udp', { protocol: 'udp', target: 53, published: 53, mode: 'ingress' }],
    ['80', { protocol: 'tcp', target: 80, published: 0, mode: 'ingress' }],
    ['published=8080,target=80,mode=host', { protocol: 'tcp', target: 80, published: 8080, mode: 'host' }],
    ['published=8080', { error: "missing mandatory field 'target'" }],
    ['target=80,mode=x', { error: "invalid publish mode value (x): must be either 'ingress' or 'host'" }],
  ])('%s', (v, expected) => expect(parsePublish(v)).toEqual(expected));

  it('service ls collapses consecutive ports into ranges', () => {
    const p = (published: number, target: number) => ({
      protocol: 'tcp' as const,
      published,
      target,
      mode: 'ingress' as const,
    });
    expect(ingressPorts([p(8081, 81), p(8080, 80), p(9000, 90)])).toBe('*:8080-8081->80-81/tcp, *:9000->90/tcp');
  });
});

describe('saves', () => {
  it('a World with a swarm, its overlays and services passes the import check and round-trips', async () => {
    const { worldProblem } = await import('../../../src/io/worldSchema');
    const { world } = session([
      'docker swarm init',
      'docker network create -d overlay --attachable ov',
      'docker service create --name web -p 8080:80 --network ov nginx',
    ]);
    const copy = JSON.parse(JSON.stringify(world));
    expect(worldProblem(copy)).toBeNull();
    expect(worldProblem({ ...copy, swarm: { ...copy.swarm, nodes: [{ machine: 'nowhere' }] } })).toBe(
      'a swarm node is not a machine',
    );
    expect(worldProblem({ ...copy, swarm: 3 })).toBe('the swarm is malformed');
  });
});

function notAttachable(n: string): string {
  return `Could not attach to network ${n}: rpc error: code = PermissionDenied desc = network ${n} not manually attachable.`;
}

describe('standalone containers on overlays', () => {
  it('docker run --network on a non-attachable overlay (or ingress) is refused and creates nothing', () => {
    const { world } = session(['docker swarm init', 'docker network create -d overlay ov']);
    for (const n of ['ov', 'ingress']) {
      const r = dockerOn(world, 'docker-host', `docker run -d --name c1 --network ${n} nginx`);
      expect(r.output).toBe(
        `docker: Error response from daemon: ${notAttachable(n)}\n\nRun 'docker run --help' for more information`,
      );
      expect(r.exitCode).toBe(125);
      expect(Object.keys(r.world.containers)).toHaveLength(0);
    }
  });

  it('network connect to a non-attachable overlay is refused; an attachable one accepts', () => {
    const { world } = session([
      'docker swarm init',
      'docker network create -d overlay ov',
      'docker network create -d overlay --attachable aov',
      'docker run -d --name c1 nginx',
    ]);
    expect(dockerOn(world, 'docker-host', 'docker network connect ov c1').output).toBe(
      `Error response from daemon: ${notAttachable('ov')}`,
    );
    expect(dockerOn(world, 'docker-host', 'docker run -d --name c2 --network aov nginx').exitCode).toBe(0);
  });
});
