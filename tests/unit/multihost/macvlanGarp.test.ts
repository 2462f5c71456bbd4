import { describe, expect, test } from 'vitest';
import type { Session } from '../../../src/sim/console';
import { hostsWorld, run, setupOn } from './helpers';

/**
 * Two Docker hosts whose eth0 share the home LAN, each with a macvlan network on it: a container
 * coming up on host 1 sends its unsolicited ARPs (moby v28.5.2 libnetwork/osl/interface_linux.go
 * advertiseAddrs) out of host 1's eth0 onto the LAN, so a container on host 2 that has an entry
 * for the address takes the new MAC as STALE (net/ipv4/arp.c arp_process, override for a
 * gratuitous ARP), as host 2 itself does. A docker command sees only its own daemon's containers;
 * these neighbours are on the other host.
 */
const macOf = (s: Session, name: string) =>
  Object.values(s.world.containers).find((c) => c.name === name)!.endpoints[0].mac!;

const base = [
  'docker network create -d macvlan --subnet 192.168.0.0/24 --gateway 192.168.0.1 -o parent=eth0 lan1',
  '@docker-host-2 docker network create -d macvlan --subnet 192.168.0.0/24 --gateway 192.168.0.1 -o parent=eth0 lan2',
  'docker run -d --name web1 --network lan1 --ip 192.168.0.50 nicolaka/netshoot sleep infinity',
  '@docker-host-2 docker run -d --name probe2 --network lan2 --ip 192.168.0.60 nicolaka/netshoot sleep infinity',
  '@docker-host-2 docker exec probe2 ping -c 1 192.168.0.50',
  '@docker-host-2 ping -c 1 192.168.0.50',
  'docker rm -f web1',
];

describe('unsolicited ARPs across Docker hosts on one macvlan LAN', () => {
  test('a container on host 2 and host 2 itself take the new MAC of 192.168.0.50 as STALE', () => {
    let s = setupOn(hostsWorld(2), base);
    const before = run(s, '@docker-host-2 docker exec probe2 ip neigh').output;
    expect(before).toMatch(/^192\.168\.0\.50 dev eth0 lladdr (\S+) REACHABLE $/);
    s = run(s, 'docker run -d --name web2 --network lan1 --ip 192.168.0.50 nicolaka/netshoot sleep infinity').session;
    const mac = macOf(s, 'web2');
    expect(before).not.toContain(mac);
    expect(run(s, '@docker-host-2 docker exec probe2 ip neigh').output).toBe(
      `192.168.0.50 dev eth0 lladdr ${mac} STALE `,
    );
    expect(run(s, '@docker-host-2 ip neigh').output).toContain(`192.168.0.50 dev eth0 lladdr ${mac} STALE`);
    // the next ping goes to the new MAC at once, no lost echo
    const r = run(s, '@docker-host-2 docker exec probe2 ping -c 1 192.168.0.50');
    expect(r.output).toContain('1 received');
  });

  test('network connect on host 1 is heard on host 2 too', () => {
    let s = setupOn(hostsWorld(2), [...base, 'docker run -d --name late1 nicolaka/netshoot sleep infinity']);
    s = run(s, 'docker network connect --ip 192.168.0.50 lan1 late1').session;
    const ep = Object.values(s.world.containers)
      .find((c) => c.name === 'late1')!
      .endpoints.find((e) => e.ip === '192.168.0.50')!;
    expect(run(s, '@docker-host-2 docker exec probe2 ip neigh').output).toBe(
      `192.168.0.50 dev eth0 lladdr ${ep.mac} STALE `,
    );
  });

  test('a container on host 2 on another segment (a VLAN sub-interface) hears nothing', () => {
    let s = setupOn(hostsWorld(2), [
      ...base.slice(0, 1),
      '@docker-host-2 docker network create -d macvlan --subnet 192.168.0.0/24 --gateway 192.168.0.1 -o parent=eth0.50 v50',
      'docker run -d --name web1 --network lan1 --ip 192.168.0.50 nicolaka/netshoot sleep infinity',
      '@docker-host-2 docker run -d --name probe2 --network v50 --ip 192.168.0.60 nicolaka/netshoot sleep infinity',
      'docker rm -f web1',
    ]);
    // probe2 never reached .50 (another VLAN), so seed its cache by hand through the World
    const id = Object.values(s.world.containers).find((c) => c.name === 'probe2')!.id;
    const old = {
      ip: '192.168.0.50',
      mac: '02:00:00:00:00:50',
      dev: 'eth0',
      state: 'REACHABLE' as const,
      at: s.world.clock,
    };
    s = {
      ...s,
      world: { ...s.world, containers: { ...s.world.containers, [id]: { ...s.world.containers[id], arp: [old] } } },
    };
    s = run(s, 'docker run -d --name web2 --network lan1 --ip 192.168.0.50 nicolaka/netshoot sleep infinity').session;
    expect(run(s, '@docker-host-2 docker exec probe2 ip neigh').output).toContain('lladdr 02:00:00:00:00:50');
  });
});
