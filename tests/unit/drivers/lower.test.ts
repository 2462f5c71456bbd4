import { describe, expect, it } from 'vitest';
import { runLine, runScript, type Session } from '../../../src/sim/console';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import { createDefaultWorld } from '../../../src/sim/world';

/** Runs lines on a fresh World; returns the session and each line's result. */
function play(lines: string[]) {
  const { session, results } = runScript(createDefaultWorld(), `${lines.join('\n')}\n`);
  return { session, results, last: results[results.length - 1] };
}

const MV =
  'docker network create -d macvlan --subnet 192.168.0.0/24 --gateway 192.168.0.1 --ip-range 192.168.0.64/26 -o parent=eth0 pub';
const L3 = 'docker network create -d ipvlan --subnet 10.10.0.0/24 -o parent=eth0 -o ipvlan_mode=l3 l3net';
const daemonErr = (s: string) => `Error response from daemon: ${s}`;

describe('docker network create -d macvlan|ipvlan: Docker 28’s errors (moby v28.5.2 drivers/macvlan, ipvlan)', () => {
  it.each([
    [
      'docker network create -d macvlan -o parent=eth9 x',
      'invalid subinterface vlan name eth9, example formatting is eth0.10',
    ],
    ['docker network create -d macvlan -o parent=eth9.50 x', '-o parent interface was not found on the host: eth9'],
    ['docker network create -d macvlan -o parent=eth0.5000 x', 'vlan id must be between 1-4094, received: 5000'],
    ['docker network create -d macvlan -o parent=lo x', 'loopback interface is not a valid macvlan parent link'],
    [
      'docker network create -d macvlan -o macvlan_mode=foo -o parent=eth0 x',
      "requested macvlan mode 'foo' is not valid, 'bridge' mode is the macvlan driver default",
    ],
    [
      'docker network create -d ipvlan -o ipvlan_mode=l4 -o parent=eth0 x',
      "requested ipvlan mode 'l4' is not valid, 'l2' mode is the ipvlan driver default",
    ],
    [
      'docker network create -d ipvlan -o ipvlan_flag=x -o parent=eth0 x',
      "requested ipvlan flag 'x' is not valid, 'bridge' is the ipvlan driver default",
    ],
  ])('%s', (line, err) => {
    const { last } = play([line]);
    expect(last.output).toBe(daemonErr(err));
    expect(last.exitCode).toBe(1);
  });

  it('two networks on one parent: overlapping subnets fail in IPAM; ipvlan refuses a second network on eth0', () => {
    expect(play([MV, MV.replace(' pub', ' pub2')]).last.output).toBe(
      daemonErr('invalid pool request: Pool overlaps with other one on this address space'),
    );
    // macvlan (Engine 27+) shares a parent between bridge-mode networks
    expect(play([MV, 'docker network create -d macvlan --subnet 10.9.0.0/24 -o parent=eth0 pub2']).last.exitCode).toBe(
      0,
    );
    const two = play([L3, 'docker network create -d ipvlan --subnet 10.20.0.0/24 -o parent=eth0 l2net']);
    const l3 = findNetwork(two.session.world, 'l3net')!;
    expect(two.last.output).toBe(daemonErr(`network di-${l3.id.slice(0, 12)} is already using parent interface eth0`));
    const pass = play([
      'docker network create -d macvlan --subnet 10.9.0.0/24 -o parent=eth0 -o macvlan_mode=passthru p1',
      'docker network create -d macvlan --subnet 10.8.0.0/24 -o parent=eth0 p2',
    ]);
    const p1 = findNetwork(pass.session.world, 'p1')!;
    expect(pass.last.output).toBe(
      daemonErr(`macvlan network ${p1.id} is already using parent interface eth0 in mode passthru`),
    );
  });

  it('--aux-address outside the subnet is the CLI’s error; inside, IPAM keeps it out and inspect shows it', () => {
    expect(play(['docker network create -d macvlan --aux-address host=10.0.0.1 -o parent=eth0 x']).last.output).toBe(
      'no matching subnet for aux-address 10.0.0.1',
    );
    const { results } = play([
      'docker network create -d macvlan --subnet 192.168.0.0/24 --gateway 192.168.0.1 --ip-range 192.168.0.64/30 --aux-address host=192.168.0.65 -o parent=eth0 pub',
      'docker run -d --name one --network pub nginx',
      'docker run -d --name two --network pub nginx',
      "docker network inspect -f '{{json .IPAM.Config}}' pub",
    ]);
    expect(results[3].output).toBe(
      '[{"Subnet":"192.168.0.0/24","IPRange":"192.168.0.64/30","Gateway":"192.168.0.1","AuxiliaryAddresses":{"host":"192.168.0.65"}}]',
    );
  });
});

describe('macvlan and ipvlan endpoints', () => {
  const { session, results } = play([
    MV,
    'docker run -d --name web1 --network pub nginx',
    'docker run -d --name box1 --network pub alpine sleep 1d',
    L3,
    'docker run -d --name box3 --network l3net alpine sleep 1d',
    "docker network inspect -f '{{.Driver}} {{json .Options}} {{json .IPAM.Config}}' pub",
    "docker network inspect -f '{{.Driver}} {{json .Options}} {{json .IPAM.Config}}' l3net",
    'docker network ls',
    'docker exec box1 ip addr show eth0',
    'docker exec box1 ip route',
    'docker exec box3 ip addr show eth0',
    'docker exec box3 ip route',
  ]);
  const w = session.world;

  it('inspect shows the driver and the options as given; ipvlan l3 has no gateway', () => {
    expect(results[5].output).toBe(
      'macvlan {"parent":"eth0"} [{"Subnet":"192.168.0.0/24","IPRange":"192.168.0.64/26","Gateway":"192.168.0.1"}]',
    );
    expect(results[6].output).toBe('ipvlan {"ipvlan_mode":"l3","parent":"eth0"} [{"Subnet":"10.10.0.0/24"}]');
    expect(results[7].output).toMatch(/ pub +macvlan +local$/m);
    expect(results[7].output).toMatch(/ l3net +ipvlan +local$/m);
  });

  it('addresses come from the range; macvlan gives each its own MAC, ipvlan the parent’s', () => {
    const web1 = findContainer(w, 'web1')!.endpoints[0];
    const box1 = findContainer(w, 'box1')!.endpoints[0];
    const box3 = findContainer(w, 'box3')!.endpoints[0];
    expect([web1.ip, box1.ip, box3.ip]).toEqual(['192.168.0.64', '192.168.0.65', '10.10.0.1']);
    const eth0 = w.machines['docker-host'].ifaces.find((f) => f.name === 'eth0')!.mac;
    expect(web1.mac).not.toBe(box1.mac);
    expect(web1.mac).not.toBe(eth0);
    expect(web1.mac).toMatch(/^[0-9a-f][26ae](:[0-9a-f]{2}){5}$/); // locally administered, unicast
    expect(box3.mac).toBe(eth0);
    expect(web1.veth).toBeUndefined();
  });

  it('ip addr and ip route inside: eth0@if2 on the parent, default via the gateway; l3 NOARP and default dev eth0', () => {
    expect(results[8].output).toMatch(
      /^2: eth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP/,
    );
    expect(results[8].output).toContain('inet 192.168.0.65/24 brd 192.168.0.255 scope global eth0');
    expect(results[9].output).toBe(
      'default via 192.168.0.1 dev eth0 \n192.168.0.0/24 dev eth0 proto kernel scope link src 192.168.0.65 ',
    );
    expect(results[10].output).toMatch(/<BROADCAST,MULTICAST,NOARP,UP,LOWER_UP,M-DOWN> .* state UNKNOWN/);
    expect(results[11].output).toBe(
      'default dev eth0 scope link \n10.10.0.0/24 dev eth0 proto kernel scope link src 10.10.0.1 ',
    );
  });

  const run = (s: Session, line: string) => runLine(s, line);

  it('pc1 reaches a macvlan container directly over the LAN: no NAT, no docker-host step', () => {
    const r = run(session, '@pc1 curl -s http://192.168.0.64/');
    expect(r.trace?.outcome).toEqual({ ok: true, summary: 'HTTP 200 from 192.168.0.64:80' });
    const steps = r.trace!.steps;
    expect(steps.some((s) => s.action === 'dnat' || s.action === 'snat')).toBe(false);
    expect(steps.some((s) => 'node' in s.at && s.at.node === 'docker-host')).toBe(false);
    expect(steps.some((s) => 'node' in s.at && s.at.node === 'seg:lan')).toBe(true);
  });

  it('the host cannot reach its own macvlan containers through eth0, nor they the host; the trace says why', () => {
    const r = run(session, 'ping -c 1 192.168.0.64');
    expect(r.trace?.outcome.ok).toBe(false);
    const drop = r.trace!.steps.find((s) => s.explain.key === 'drop.lower-parent')!;
    expect(drop.at).toEqual({ node: 'docker-host' });
    expect(drop.explain.params).toMatchObject({ parent: 'eth0', network: 'pub', driver: 'macvlan' });
    expect(run(session, 'docker exec box1 ping -c 1 192.168.0.10').trace?.outcome.ok).toBe(false);
    // siblings on the parent and the rest of the LAN are fine
    expect(run(session, 'docker exec box1 ping -c 1 192.168.0.64').trace?.outcome.ok).toBe(true);
    expect(run(session, 'docker exec box1 ping -c 1 192.168.0.20').trace?.outcome.ok).toBe(true);
  });

  it('the macvlan shim on the host (ip link add … type macvlan mode bridge, address, route) lets it through', () => {
    let s = session;
    const lines = [
      'ip link add mac0 link eth0 type macvlan mode bridge',
      'ip addr add 192.168.0.100/32 dev mac0',
      'ip link set mac0 up',
      'ip route add 192.168.0.64/26 dev mac0',
    ];
    for (const l of lines) {
      const r = run(s, l);
      expect([r.output, r.exitCode], l).toEqual(['', 0]);
      s = r.session;
    }
    expect(run(s, 'ip route').output).toContain('192.168.0.64/26 dev mac0 scope link ');
    expect(run(s, 'ip link show mac0').output).toMatch(/^\d+: mac0@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> /);
    const r = run(s, 'curl -s http://192.168.0.64/');
    expect(r.trace?.outcome).toEqual({ ok: true, summary: 'HTTP 200 from 192.168.0.64:80' });
  });

  it('ip changes: a down link takes no route, a container may not change links, errors as iproute2', () => {
    let s = run(session, 'ip link add mac1 link eth0 type macvlan mode bridge').session;
    expect(run(s, 'ip route add 10.1.0.0/24 dev mac1').output).toBe('Error: Device for nexthop is not up.');
    expect(run(s, 'ip link add mac1 link eth0 type macvlan').output).toBe('RTNETLINK answers: File exists');
    expect(run(s, 'ip link add m2 link eth9 type macvlan').output).toBe('Cannot find device "eth9"');
    expect(run(s, 'ip route add 10.1.0.0/24 via 10.9.9.9').output).toBe('Error: Nexthop has invalid gateway.');
    expect(run(s, 'ip route del 10.77.0.0/24').output).toBe('RTNETLINK answers: No such process');
    s = run(s, 'ip link del mac1').session;
    expect(run(s, 'ip link show mac1').output).toBe('Device "mac1" does not exist.');
    expect(run(s, 'docker exec box1 ip route add 10.1.0.0/24 dev eth0').output).toBe(
      'RTNETLINK answers: Operation not permitted',
    );
  });

  it('ipvlan l3: no ARP from the container; the LAN reaches it only after a route on the router', () => {
    const out = run(session, 'docker exec box3 ping -c 1 192.168.0.20');
    const steps = out.trace!.steps;
    const first = steps.findIndex((x) => x.explain.key === 'ipvlan.l3-out');
    expect(first).toBeGreaterThan(0);
    // the container itself never asks ARP: the first ARP request comes from docker-host
    const arp = steps.find((x) => x.action === 'arp-request')!;
    expect(arp.at).toEqual({ node: 'docker-host' });
    const before = run(session, '@pc1 ping -c 1 10.10.0.1');
    expect(before.trace?.outcome.ok).toBe(false);
    const routed = run(session, '@router ip route add 10.10.0.0/24 via 192.168.0.10');
    expect([routed.output, routed.exitCode]).toEqual(['', 0]);
    const after = run(routed.session, '@pc1 ping -c 1 10.10.0.1');
    expect(after.trace?.outcome).toEqual({ ok: true, summary: '1/1 replies from 10.10.0.1' });
    expect(after.trace!.steps.some((x) => x.explain.key === 'ipvlan.l3-in')).toBe(true);
  });
});

describe('seed 003’s docker commands work as the seed says', () => {
  it('-p 8080:80 maps the host’s 8080 to the container’s 80; pc1 reaches it through the host', () => {
    const { session, last } = play(['docker run -d --name web -p 8080:80 nginx', 'docker ps --format "{{.Ports}}"']);
    expect(last.output).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    const r = runLine(session, '@pc1 curl -s http://192.168.0.10:8080/');
    expect(r.trace?.outcome).toEqual({ ok: true, summary: 'HTTP 200 from 192.168.0.10:8080' });
    expect(r.trace!.steps.some((s) => s.action === 'dnat')).toBe(true);
  });
  it('host networking binds the host’s own port 80; every driver of the seed creates a network or is there', () => {
    const { session, results } = play([
      'docker run -d --name hweb --network host nginx',
      'docker network create -d bridge b1',
      'docker network create -d macvlan --subnet 192.168.0.0/24 --gateway 192.168.0.1 -o parent=eth0 m1',
      'docker network create -d ipvlan --subnet 10.30.0.0/24 -o parent=eth0 -o ipvlan_mode=l3 i1',
      'docker network ls --format "{{.Name}} {{.Driver}}"',
    ]);
    expect(results.slice(1, 4).every((r) => r.exitCode === 0)).toBe(true);
    expect(results[4].output.split('\n').sort()).toEqual(
      ['b1 bridge', 'bridge bridge', 'host host', 'i1 ipvlan', 'm1 macvlan', 'none null'].sort(),
    );
    expect(runLine(session, '@pc1 curl -s http://192.168.0.10/').trace?.outcome.ok).toBe(true);
    // overlay needs a swarm, in Docker’s words
    expect(play(['docker network create -d overlay o1']).last.output).toBe(
      daemonErr(
        'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
      ),
    );
  });
});
