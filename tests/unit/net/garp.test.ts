import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/sim/console';
import { actions, run, setup } from './helpers';

/**
 * A container coming up sends unsolicited ARPs (moby v28.5.2 libnetwork/osl/interface_linux.go
 * advertiseAddrs: 3 broadcasts, 1 s apart). Linux's arp_process updates an entry a neighbour
 * already has for that address (override for a gratuitous ARP, state STALE) and, with arp_accept 0,
 * creates none; the bridge learns the sender's MAC on its port (br_fdb_update). So right after
 * `docker run`, before any packet, `ip neigh` in a neighbour and `bridge fdb show` on the host show
 * the new MAC, as iproute2 prints them (shared/lab/real-outputs.txt).
 */
const macOf = (s: Session, name: string, i = 0) =>
  Object.values(s.world.containers).find((c) => c.name === name)!.endpoints[i].mac!;
const vethOf = (s: Session, name: string, i = 0) =>
  Object.values(s.world.containers).find((c) => c.name === name)!.endpoints[i].veth!;
const bridgeOf = (s: Session, net: string) => Object.values(s.world.networks).find((n) => n.name === net)!.bridge!;

const base = [
  'docker network create --subnet 10.0.0.0/24 n1',
  'docker run -d --name aa1 --network n1 nicolaka/netshoot sleep infinity',
  'docker run -d --name bb1 --network n1 --ip 10.0.0.9 nicolaka/netshoot sleep infinity',
  'docker exec aa1 ping -c 1 10.0.0.9',
  'ping -c 1 10.0.0.9',
  'docker rm -f bb1',
];

describe('unsolicited ARPs at a container’s start', () => {
  it('a neighbour’s and the host’s entries for the address take the new MAC, STALE, right after docker run', () => {
    let s = setup(base);
    const old = run(s, 'docker exec aa1 ip neigh').output;
    expect(old).toMatch(/^10\.0\.0\.9 dev eth0 lladdr ([0-9a-f]{2}:){5}[0-9a-f]{2} REACHABLE $/);
    s = run(s, 'docker run -d --name cc1 --network n1 --ip 10.0.0.9 nicolaka/netshoot sleep infinity').session;
    const mac = macOf(s, 'cc1');
    expect(old).not.toContain(mac);
    expect(run(s, 'docker exec aa1 ip neigh').output).toBe(`10.0.0.9 dev eth0 lladdr ${mac} STALE `);
    expect(run(s, 'ip neigh').output).toContain(`10.0.0.9 dev ${bridgeOf(s, 'n1')} lladdr ${mac} STALE `);
    // the new container heard nothing of its neighbours: an empty cache
    expect(run(s, 'docker exec cc1 ip neigh').output).toBe('');
  });

  it('creates no entry where there was none (arp_accept 0), and leaves other links alone', () => {
    let s = setup([
      'docker network create --subnet 10.0.0.0/24 n1',
      'docker network create --subnet 10.0.9.0/24 n2',
      'docker run -d --name aa1 --network n1 nicolaka/netshoot sleep infinity',
      'docker run -d --name dd1 --network n2 --ip 10.0.9.9 nicolaka/netshoot sleep infinity',
      'docker run -d --name ee1 --network n2 nicolaka/netshoot sleep infinity',
      'docker exec ee1 ping -c 1 10.0.9.9',
    ]);
    const before = run(s, 'docker exec ee1 ip neigh').output;
    s = run(s, 'docker run -d --name cc1 --network n1 --ip 10.0.0.9 nicolaka/netshoot sleep infinity').session;
    expect(run(s, 'docker exec aa1 ip neigh').output).toBe('');
    expect(run(s, 'docker exec ee1 ip neigh').output).toBe(before);
  });

  it('an entry that already has the MAC keeps its state (--mac-address across a restart)', () => {
    let s = setup([
      'docker network create --subnet 10.0.0.0/24 n1',
      'docker run -d --name aa1 --network n1 nicolaka/netshoot sleep infinity',
      'docker run -d --name bb1 --network n1 --ip 10.0.0.9 --mac-address 02:00:00:00:00:09 nicolaka/netshoot sleep infinity',
      'docker exec aa1 ping -c 1 10.0.0.9',
    ]);
    s = run(s, 'docker restart bb1').session;
    expect(run(s, 'docker exec aa1 ip neigh').output).toBe('10.0.0.9 dev eth0 lladdr 02:00:00:00:00:09 REACHABLE ');
  });

  it('network connect advertises the new endpoint only', () => {
    let s = setup([
      ...base,
      'docker network create --subnet 10.0.5.0/24 n5',
      'docker run -d --name cc1 --network n5 nicolaka/netshoot sleep infinity',
    ]);
    expect(run(s, 'docker exec aa1 ip neigh').output).toMatch(/ REACHABLE $/);
    s = run(s, 'docker network connect --ip 10.0.0.9 n1 cc1').session;
    const mac = macOf(s, 'cc1', 1);
    expect(run(s, 'docker exec aa1 ip neigh').output).toBe(`10.0.0.9 dev eth0 lladdr ${mac} STALE `);
  });

  it('the next ping goes straight to the new MAC and says why (no request from the asker)', () => {
    let s = setup(base);
    s = run(s, 'docker run -d --name cc1 --network n1 --ip 10.0.0.9 nicolaka/netshoot sleep infinity').session;
    const mac = macOf(s, 'cc1');
    const ping = run(s, 'docker exec aa1 ping -c 1 10.0.0.9');
    expect(ping.output).toContain('1 received');
    const steps = ping.trace!.steps;
    const told = steps.filter((x) => x.explain.key === 'arp.unsolicited');
    expect(told).toHaveLength(1);
    expect(told[0].explain.params).toMatchObject({ ip: '10.0.0.9', mac });
    expect(told[0].changes[0]).toMatchObject({ table: 'arp', kind: 'hit', entry: { ip: '10.0.0.9', mac } });
    // cc1 never heard of aa1: it asks; aa1 does not
    expect(steps.filter((x) => x.action === 'arp-request').map((x) => x.frame.arp?.targetIp)).toEqual(['10.0.0.2']);
    expect(run(ping.session, 'docker exec aa1 ip neigh').output).toBe(`10.0.0.9 dev eth0 lladdr ${mac} DELAY `);
    // said once: a later ping finds a known entry
    const again = run(ping.session, 'docker exec aa1 ping -c 1 10.0.0.9');
    expect(again.trace!.steps.some((x) => x.explain.key === 'arp.unsolicited')).toBe(false);
    expect(actions(again.trace)).not.toContain('arp-request');
  });
});

describe('the bridge learns the new MAC from them', () => {
  it('bridge fdb show and the World’s FDB list the MAC on the container’s veth before any packet', () => {
    let s = setup(['docker network create --subnet 10.0.0.0/24 n1']);
    const br = bridgeOf(s, 'n1');
    s = run(s, 'docker run -d --name aa1 --network n1 nicolaka/netshoot sleep infinity').session;
    const mac = macOf(s, 'aa1');
    const veth = vethOf(s, 'aa1');
    const fdb = run(s, `bridge fdb show br ${br}`).output.split('\n');
    // real-outputs.txt: the learned entry, then the port's own permanent one
    const at = fdb.indexOf(`${mac} dev ${veth} master ${br} `);
    expect(at).toBeGreaterThan(0);
    expect(fdb[at + 1]).toMatch(new RegExp(`^([0-9a-f]{2}:){5}[0-9a-f]{2} dev ${veth} master ${br} permanent$`));
    // the Inspector's bridge table reads the network's FDB
    const net = Object.values(s.world.networks).find((n) => n.name === 'n1')!;
    // stamped with the start's time: it ages out 300 s after that unless a frame refreshes it
    const started = Object.values(s.world.containers).find((c) => c.name === 'aa1')!.startedAt;
    expect(net.fdb).toEqual([{ mac, port: veth, at: started }]);
    // gone with the container (the port is deleted with its veth)
    s = run(s, 'docker stop aa1').session;
    expect(run(s, `bridge fdb show br ${br}`).output).not.toContain(mac);
  });
});

describe('a swarm task’s container', () => {
  it('is advertised at its start too: its bridges know its MACs before any packet', async () => {
    const { session, threeNodeSwarm } = await import('../swarm/helpers');
    const { world, outs } = session(
      ['docker network create -d overlay ov', 'docker service create --name web --network ov --replicas 3 nginx'],
      threeNodeSwarm(),
    );
    expect(outs[1].exitCode).toBe(0);
    const tasks = Object.values(world.containers).filter((c) => c.name.startsWith('web.') && c.state === 'running');
    expect(tasks).toHaveLength(3);
    for (const c of tasks) {
      for (const ep of c.endpoints.filter((e) => e.veth)) {
        const net = world.networks[ep.networkId];
        expect(net.fdb, `${c.name} on ${net.name}`).toContainEqual({ mac: ep.mac, port: ep.veth, at: c.startedAt });
      }
    }
  });
});
