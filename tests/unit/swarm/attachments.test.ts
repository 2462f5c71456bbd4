import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/sim/model';
import { runShell } from '../../../src/sim/shell';
import { session, threeNodeSwarm } from './helpers';

/**
 * What a node attaches for a container on an overlay (docker-facts 74, 77; libnetwork
 * default_gateway.go setupDefaultGW; daemon/cluster/executor/container controller.go), and the
 * orchestrator replacing a task whose container was removed.
 */

const base = [
  'docker network create -d overlay --attachable mynet',
  'docker service create --name web --replicas 2 --network mynet nginx',
];

describe('a standalone container on an attachable overlay', () => {
  const { world, outs } = session(
    [...base, '@docker-host-3 docker run -d --name box --network mynet nicolaka/netshoot sleep infinity'],
    threeNodeSwarm(),
  );
  const box = Object.values(world.containers).find((c) => c.name === 'box')!;
  const sh = (line: string) => runShell(world, line.split(' '), { kind: 'container', id: box.id }, line);

  it('gets eth1 on docker_gwbridge and its default route, as a task does', () => {
    expect(outs.at(-1)!.exitCode).toBe(0);
    const ip = box.endpoints[0].ip!;
    expect(sh('ip route').output.split('\n')).toEqual([
      'default via 172.18.0.1 dev eth1 ',
      `10.0.1.0/24 dev eth0 proto kernel scope link src ${ip} `,
      '172.18.0.0/16 dev eth1 proto kernel scope link src 172.18.0.3 ',
    ]);
  });

  it('takes its overlay address from swarm IPAM, never the VIP or a task address', () => {
    const web = Object.values(world.swarm!.services)[0];
    const taken = [web.vips[0].addr.split('/')[0], ...Object.values(world.swarm!.tasks).map((t) => t.addrs[0].ip)];
    expect(taken).not.toContain(box.endpoints[0].ip);
  });

  it('reaches the service by its VIP through its node’s lb sandbox, and the internet through docker_gwbridge', () => {
    expect(sh('curl -s -o /dev/null -w %{http_code} web').output).toBe('200');
    const r = sh('ping -c 1 8.8.8.8');
    expect(r.exitCode).toBe(0);
    const masq = r.trace!.steps.find((s) => s.action === 'snat')!;
    expect(masq.explain.params).toMatchObject({ node: 'docker-host-3', from: '172.18.0.3', to: '192.168.0.12' });
  });

  it('docker inspect lists only mynet; docker_gwbridge lists it as gateway_<sandbox id>', () => {
    const inspect = session(
      [
        '@docker-host-3 docker inspect -f "{{json .NetworkSettings.Networks}}" box',
        '@docker-host-3 docker network inspect -f "{{json .Containers}}" docker_gwbridge',
      ],
      world,
    ).outs.map((o) => o.output);
    expect(Object.keys(JSON.parse(inspect[0]))).toEqual(['mynet']);
    const gw = JSON.parse(inspect[1]) as Record<string, { Name: string; IPv4Address: string }>;
    expect(gw[box.id].Name).toMatch(/^gateway_[0-9a-f]{12}$/);
    expect(gw[box.id].IPv4Address).toBe('172.18.0.3/16');
  });
});

describe('docker inspect of a task container', () => {
  it('shows its overlays (ingress first), not docker_gwbridge', () => {
    const { world } = session(
      ['docker network create -d overlay mynet', 'docker service create --name web -p 8080:80 --network mynet nginx'],
      threeNodeSwarm(),
    );
    const task = Object.values(world.containers).find((c) => c.name.startsWith('web.1.'))!;
    expect(task.endpoints.map((e) => world.networks[e.networkId].name)).toEqual([
      'ingress',
      'docker_gwbridge',
      'mynet',
    ]);
    const out = session([`docker inspect -f "{{json .NetworkSettings.Networks}}" ${task.name}`], world).outs[0].output;
    expect(Object.keys(JSON.parse(out))).toEqual(['ingress', 'mynet']);
  });
});

describe('docker network ls on a worker', () => {
  it('lists a user overlay while a running container there uses it, and not once the last one stopped', () => {
    const ls = (lines: string[]) =>
      session([...lines, '@docker-host-3 docker network ls --format {{.Name}}'], threeNodeSwarm()).outs.at(-1)!.output;
    const made = ['docker network create -d overlay --attachable mynet'];
    expect(ls(made)).not.toContain('mynet');
    const run = [...made, '@docker-host-3 docker run -d --name box --network mynet nginx'];
    expect(ls(run)).toContain('mynet');
    expect(ls([...run, '@docker-host-3 docker stop box'])).not.toContain('mynet');
    expect(ls([...run, '@docker-host-3 docker stop box', '@docker-host-3 docker start box'])).toContain('mynet');
    // a manager lists every swarm network
    const mgr = session([...made, 'docker network ls --format {{.Name}}'], threeNodeSwarm()).outs.at(-1)!.output;
    expect(mgr).toContain('mynet');
  });
});

describe('docker rm -f of a task container', () => {
  const { world, outs } = session([...base, 'docker ps --format {{.Names}}'], threeNodeSwarm());
  const old = outs.at(-1)!.output.trim();
  const after = session(['docker rm -f ' + old, 'docker ps --format {{.Names}}', 'docker service ps web'], world);

  it('the task fails and the swarm starts a new task in its slot, with a new container name', () => {
    expect(after.outs[0].output).toBe(old);
    const now = after.outs[1].output.trim();
    expect(now).toMatch(/^web\.1\.[0-9a-z]{25}$/);
    expect(now).not.toBe(old);
    const rows = after.outs[2].output.split('\n');
    expect(rows[1]).toMatch(/^\w{12} {3}web\.1 {7}nginx:latest .* Running {9}Running /);
    expect(rows[2]).toMatch(/^\w{12} {4}\\_ web\.1 .* Shutdown {8}Failed .*"task: non-zero exit \(137\)"/);
    expect(rows[2].slice(0, 12)).toBe(old.split('.')[2].slice(0, 12));
  });

  it('the new task has a new address and answers behind the VIP', () => {
    const w = after.world;
    const s = w.swarm!;
    const oldTask = s.tasks[old.split('.')[2]];
    const fresh = Object.values(s.tasks).find((t) => t.slot === 1 && t.desired === 'running')!;
    expect(fresh.addrs[0].ip).not.toBe(oldTask.addrs[0].ip);
    expect(w.containers[fresh.containerId!].name).toBe(after.outs[1].output.trim());
  });
});

// libnetwork endpoint.go sbJoin / sbLeave: setupDefaultGW when needDefaultGW and no gateway_
// endpoint, clearDefaultGW when !needDefaultGW (default_gateway.go)
describe('docker_gwbridge comes and goes with the need for a default gateway', () => {
  const routes = (world: World, name: string) => {
    const c = Object.values(world.containers).find((x) => x.name === name)!;
    return runShell(world, ['ip', 'route'], { kind: 'container', id: c.id }, 'ip route').output.split('\n');
  };
  const gwNames = (world: World) =>
    session(["docker network inspect docker_gwbridge --format '{{range .Containers}}{{.Name}} {{end}}'"], world).outs[0]
      .output;
  const start = [
    'docker network create -d overlay --attachable mynet',
    'docker run -d --name box --network mynet nicolaka/netshoot sleep infinity',
  ];

  it('network connect of a bridge drops it (the bridge gives the default route); disconnect brings it back', () => {
    const { world } = session([...start, 'docker network connect bridge box'], threeNodeSwarm());
    expect(routes(world, 'box')[0]).toBe('default via 172.17.0.1 dev eth2 ');
    expect(gwNames(world)).toBe('');
    const back = session(['docker network disconnect bridge box'], world).world;
    expect(routes(back, 'box')[0]).toBe('default via 172.18.0.1 dev eth1 ');
    expect(gwNames(back)).toMatch(/^gateway_[0-9a-f]{12} $/);
  });

  it('disconnecting the overlay, its only network, leaves no docker_gwbridge endpoint and no route', () => {
    const { world } = session([...start, 'docker network disconnect mynet box'], threeNodeSwarm());
    expect(routes(world, 'box')).toEqual(['']);
    expect(gwNames(world)).toBe('');
  });

  it('a container on an internal network gets it when an overlay is connected; one on a bridge does not', () => {
    const { world } = session(
      [
        'docker network create -d overlay --attachable mynet',
        'docker network create --internal inner',
        'docker run -d --name i1 --network inner nicolaka/netshoot sleep infinity',
        'docker network connect mynet i1',
        'docker run -d --name b1 nicolaka/netshoot sleep infinity',
        'docker network connect mynet b1',
      ],
      threeNodeSwarm(),
    );
    expect(routes(world, 'i1')[0]).toBe('default via 172.18.0.1 dev eth2 ');
    expect(routes(world, 'b1')[0]).toBe('default via 172.17.0.1 dev eth0 ');
    expect(gwNames(world)).toMatch(/^gateway_[0-9a-f]{12} $/);
  });

  it('restarted on an overlay and a bridge, it does not join docker_gwbridge', () => {
    const { world } = session([...start, 'docker network connect bridge box', 'docker restart box'], threeNodeSwarm());
    expect(routes(world, 'box')[0]).toBe('default via 172.17.0.1 dev eth1 ');
    expect(gwNames(world)).toBe('');
  });
});

// libnetwork/drivers/overlay/encryption.go maxMTU: 1500, or the network's
// com.docker.network.driver.mtu, minus vxlanEncap (50); docker_gwbridge keeps 1500 (fact 76)
describe('overlay endpoints carry the VXLAN-reduced MTU', () => {
  const link = (world: World, name: string) => {
    const c = Object.values(world.containers).find((x) => x.name.startsWith(name))!;
    return runShell(world, ['ip', 'link'], { kind: 'container', id: c.id }, 'ip link')
      .output.split('\n')
      .filter((l) => /^\d+: eth/.test(l))
      .map((l) => l.replace(/^\d+: (eth\d)(@if\d+)?: .* mtu (\d+) .*$/, '$1 $3'));
  };

  it('1450 on the overlay (a standalone container and a task), 1500 on docker_gwbridge', () => {
    const { world } = session(
      [
        'docker network create -d overlay --attachable mynet',
        'docker run -d --name box --network mynet nicolaka/netshoot sleep infinity',
        'docker service create --name web --network mynet nicolaka/netshoot sleep infinity',
      ],
      threeNodeSwarm(),
    );
    expect(link(world, 'box')).toEqual(['eth0 1450', 'eth1 1500']);
    expect(link(world, 'web.1.')).toEqual(['eth0 1450', 'eth1 1500']);
  });

  it('-o com.docker.network.driver.mtu=1400 is kept in the network’s Options and gives 1350', () => {
    const { world, outs } = session(
      [
        'docker network create -d overlay --attachable -o com.docker.network.driver.mtu=1400 mynet',
        'docker run -d --name box --network mynet nicolaka/netshoot sleep infinity',
        "docker network inspect mynet --format '{{json .Options}}'",
      ],
      threeNodeSwarm(),
    );
    expect(outs[2].output).toBe(
      '{"com.docker.network.driver.mtu":"1400","com.docker.network.driver.overlay.vxlanid_list":"4097"}',
    );
    expect(link(world, 'box')).toEqual(['eth0 1350', 'eth1 1500']);
  });
});
