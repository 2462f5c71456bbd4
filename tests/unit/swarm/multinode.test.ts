import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/sim/model';
import { stackOf } from '../../../src/sim/stack';
import { createDefaultWorld } from '../../../src/sim/world';
import { dockerOn, joinLine, session, threeNodeSwarm, withHost } from './helpers';

/** Swarm across several daemons: join, node ls, tasks as containers on their nodes (facts 69–77). */

const tasksOn = (w: World, host: string) =>
  Object.values(w.containers)
    .filter((c) => c.daemon === host)
    .map((c) => c.name);

describe('a swarm of three Docker hosts', () => {
  it('init --advertise-addr prints the join command; a worker joins with it', () => {
    let w = withHost(createDefaultWorld(), 'docker-host-2', '192.168.0.11');
    const init = dockerOn(w, 'docker-host', 'docker swarm init --advertise-addr 192.168.0.10');
    expect(init.output).toMatch(
      /^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager\.\n\nTo add a worker to this swarm, run the following command:\n\n {4}docker swarm join --token SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25} 192\.168\.0\.10:2377\n\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions\.$/,
    );
    w = init.world;
    const bad = `docker swarm join --token SWMTKN-1-${'a'.repeat(50)}-${'b'.repeat(25)} 192.168.0.10:2377`;
    // swarmkit ca.ParseJoinToken: 50 base-36 'a's are more than 256 bits, go-digest refuses them
    expect(dockerOn(w, 'docker-host-2', bad).output).toBe('Error response from daemon: invalid checksum digest length');
    const away = joinLine(init.output).replace('192.168.0.10:2377', '192.168.0.99:2377');
    expect(dockerOn(w, 'docker-host-2', away).output).toMatch(/^Error response from daemon: Timeout was reached/);
    const joined = dockerOn(w, 'docker-host-2', joinLine(init.output));
    expect(joined.output).toBe('This node joined a swarm as a worker.');
  });

  it('node ls on the manager lists every node (* on self, Leader); a worker gets the manager error', () => {
    const w = threeNodeSwarm();
    const lines = dockerOn(w, 'docker-host', 'docker node ls').output.split('\n');
    expect(lines[0]).toBe(
      `ID${' '.repeat(28)}HOSTNAME        STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION`,
    );
    expect(lines.slice(1).map((l) => l.replace(/^[0-9a-z]{25}/, 'ID'))).toEqual([
      'ID *   docker-host     Ready     Active         Leader           28.5.2',
      'ID     docker-host-2   Ready     Active                          28.5.2',
      'ID     docker-host-3   Ready     Active                          28.5.2',
    ]);
    expect(dockerOn(w, 'docker-host-3', 'docker node ls').output).toBe(
      "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.",
    );
  });

  it('spreads replicas across the nodes; each host’s docker ps shows its own task container', () => {
    const { world: w, outs } = session(
      ['docker network create -d overlay mynet', 'docker service create --name web --replicas 3 --network mynet nginx'],
      threeNodeSwarm(),
    );
    expect(outs[1].exitCode).toBe(0);
    const ps = dockerOn(w, 'docker-host', 'docker service ps web').output.split('\n').slice(1);
    expect(ps.map((l) => l.split(/ {2,}/).slice(1, 4))).toEqual([
      ['web.1', 'nginx:latest', 'docker-host'],
      ['web.2', 'nginx:latest', 'docker-host-2'],
      ['web.3', 'nginx:latest', 'docker-host-3'],
    ]);
    for (const [i, host] of ['docker-host', 'docker-host-2', 'docker-host-3'].entries()) {
      const names = tasksOn(w, host);
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(new RegExp(`^web\\.${i + 1}\\.[0-9a-z]{25}$`));
      const out = dockerOn(w, host, 'docker ps').output;
      expect(out.split('\n')).toHaveLength(2);
      expect(out).toContain(names[0]);
      expect(out).toContain('nginx:latest');
    }
  });

  it('a global service runs one task on every node, named <service>.<node id>.<task id>', () => {
    const w = session(['docker service create --name g --mode global nginx'], threeNodeSwarm()).world;
    const ids = dockerOn(w, 'docker-host', 'docker node ls -q').output.split('\n');
    const all = ['docker-host', 'docker-host-2', 'docker-host-3'].flatMap((h) => tasksOn(w, h));
    expect(all).toHaveLength(3);
    for (const name of all) expect(ids).toContain(name.split('.')[1]);
    // no overlay: the task sits on its node's default bridge
    const c = Object.values(w.containers).find((x) => x.daemon === 'docker-host-2')!;
    expect(c.endpoints.map((e) => [w.networks[e.networkId].name, e.ip])).toEqual([['bridge', '172.17.0.2']]);
  });

  it('lists ingress and docker_gwbridge on every node, a user overlay on a worker only once a task there uses it', () => {
    let w = session(
      ['docker network create -d overlay mynet', 'docker service create --name one --network mynet nginx'],
      threeNodeSwarm(),
    ).world;
    const names = (host: string) =>
      dockerOn(w, host, 'docker network ls --format {{.Name}}/{{.Scope}}').output.split('\n');
    expect(names('docker-host')).toEqual([
      'bridge/local',
      'docker_gwbridge/local',
      'host/local',
      'ingress/swarm',
      'mynet/swarm',
      'none/local',
    ]);
    expect(names('docker-host-2')).toEqual([
      'bridge/local',
      'docker_gwbridge/local',
      'host/local',
      'ingress/swarm',
      'none/local',
    ]);
    w = dockerOn(w, 'docker-host', 'docker service scale one=2').world;
    expect(names('docker-host-2')).toContain('mynet/swarm');
    expect(names('docker-host-3')).not.toContain('mynet/swarm');
  });

  it('gives a task its overlay interfaces and docker_gwbridge, with the routes Docker gives it (fact 77)', () => {
    const w = session(
      [
        'docker network create -d overlay mynet',
        'docker service create --name web --replicas 3 --network mynet -p 8080:80 nginx',
      ],
      threeNodeSwarm(),
    ).world;
    const c = Object.values(w.containers).find((x) => x.daemon === 'docker-host-2')!;
    const st = stackOf(w, { kind: 'container', id: c.id })!;
    const ifs = st.ifaces.filter((f) => f.name !== 'lo');
    const net = (f: (typeof ifs)[number]) => ('networkId' in f.attach ? w.networks[f.attach.networkId].name : '');
    expect(ifs.map((f) => [f.name, net(f)])).toEqual([
      ['eth0', 'ingress'],
      ['eth1', 'docker_gwbridge'],
      ['eth2', 'mynet'],
    ]);
    const [ingressIp, gwIp, mynetIp] = ifs.map((f) => f.addrs[0].ip);
    expect(gwIp).toBe('172.18.0.3'); // .2 is the ingress sandbox's gateway_ingress-sbox
    expect(ingressIp).toMatch(/^10\.0\.0\.\d+$/);
    expect(mynetIp).toMatch(/^10\.0\.1\.\d+$/);
    // overlay endpoints keep 02:42 + the address (fact 76)
    const hex = mynetIp
      .split('.')
      .map((b) => Number(b).toString(16).padStart(2, '0'))
      .join(':');
    expect(ifs[2].mac).toBe(`02:42:${hex}`);
    expect(st.routes.map((r) => `${r.dst} ${r.via ? `via ${r.via} ` : ''}dev ${r.dev}`)).toEqual([
      'default via 172.18.0.1 dev eth1',
      '10.0.0.0/24 dev eth0',
      '10.0.1.0/24 dev eth2',
      '172.18.0.0/16 dev eth1',
    ]);
    // each node has its own docker_gwbridge 172.18.0.0/16
    const gws = Object.values(w.networks).filter((n) => n.name === 'docker_gwbridge');
    expect(gws.map((n) => [n.daemon, n.ipam?.subnet])).toEqual([
      ['docker-host', '172.18.0.0/16'],
      ['docker-host-2', '172.18.0.0/16'],
      ['docker-host-3', '172.18.0.0/16'],
    ]);
  });

  it('scale down, service rm and a worker leaving remove the task containers', () => {
    let w = session(['docker service create --name web --replicas 6 nginx'], threeNodeSwarm()).world;
    expect(tasksOn(w, 'docker-host-3')).toHaveLength(2);
    w = dockerOn(w, 'docker-host', 'docker service scale web=3').world;
    expect(Object.keys(w.containers)).toHaveLength(3);
    w = dockerOn(w, 'docker-host-3', 'docker swarm leave').world;
    expect(tasksOn(w, 'docker-host-3')).toEqual([]);
    // its slot is scheduled again on a node still in the swarm (a tie of tasks: join order)
    expect(
      Object.values(w.containers)
        .map((c) => c.daemon)
        .sort(),
    ).toEqual(['docker-host', 'docker-host', 'docker-host-2']);
    w = dockerOn(w, 'docker-host', 'docker service rm web').world;
    expect(Object.keys(w.containers)).toEqual([]);
  });
});
