import { produce } from 'immer';
import type { Container, Network, World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * The lab topology of shared/lab/real-outputs.txt built by hand (no docker engine needed):
 * `second-bridge` 10.0.0.0/24 on br-5173498c2a7a with containerA (10.0.0.2) and containerB
 * (10.0.0.3), and `nginx2` on docker0 (172.17.0.2) publishing 8001->80. MACs and veth names are
 * the lab's, so outputs compare line for line.
 */
export const NET_ID = '5173498c2a7a'.padEnd(64, '0');
export const A_ID = '3866c4fcd4b6'.padEnd(64, 'a');
export const B_ID = '662fa406c2ce'.padEnd(64, 'b');
export const N_ID = 'f1882ba72330'.padEnd(64, 'c');

function container(id: string, name: string, image: string, seq: number, extra: Partial<Container>): Container {
  return {
    id,
    name,
    daemon: 'docker-host',
    image,
    cmd: [],
    env: [],
    hostname: id.slice(0, 12),
    state: 'running',
    exitCode: 0,
    created: '2026-01-01T00:00:00.000000000Z',
    startedAt: 0,
    networkMode: 'bridge',
    endpoints: [],
    ports: [],
    publishAll: false,
    autoRemove: false,
    tty: false,
    interactive: false,
    arp: [],
    seq,
    ...extra,
  };
}

export function labWorld(): World {
  return produce(createDefaultWorld(), (w) => {
    const bridge = Object.values(w.networks).find((n) => n.name === 'bridge')!;
    bridge.bridgeMac = '02:45:3f:4b:a8:28';
    const second: Network = {
      id: NET_ID,
      name: 'second-bridge',
      driver: 'bridge',
      daemon: 'docker-host',
      scope: 'local',
      created: '2026-01-01T00:00:00.000000000Z',
      internal: false,
      attachable: false,
      labels: {},
      options: {},
      ipam: { subnet: '10.0.0.0/24', gateway: '10.0.0.1' },
      userSubnet: true,
      predefined: false,
      bridge: 'br-5173498c2a7a',
      bridgeMac: '6e:61:9c:b5:2c:17',
      fdb: [
        { mac: '22:33:d8:71:f6:3d', port: 'veth5d6e7f8' },
        { mac: 'c2:10:31:8e:62:3d', port: 'veth9a0b1c2' },
      ],
    };
    w.networks[NET_ID] = second;
    const ep = (networkId: string, ip: string, mac: string, veth: string, vethMac: string) => ({
      networkId,
      aliases: [],
      endpointId: 'e'.repeat(64),
      ip,
      mac,
      ifname: 'eth0',
      veth,
      vethMac,
    });
    w.containers[A_ID] = container(A_ID, 'containerA', 'nicolaka/netshoot', 1, {
      networkMode: 'second-bridge',
      endpoints: [ep(NET_ID, '10.0.0.2', '22:33:d8:71:f6:3d', 'veth5d6e7f8', 'f2:b0:7b:94:ab:4b')],
      arp: [{ ip: '10.0.0.3', mac: 'c2:10:31:8e:62:3d', dev: 'eth0', state: 'REACHABLE' }],
    });
    w.containers[B_ID] = container(B_ID, 'containerB', 'nicolaka/netshoot', 2, {
      networkMode: 'second-bridge',
      endpoints: [ep(NET_ID, '10.0.0.3', 'c2:10:31:8e:62:3d', 'veth9a0b1c2', '6e:61:9c:b5:2c:17')],
    });
    w.containers[N_ID] = container(N_ID, 'nginx2', 'nginx', 3, {
      endpoints: [ep(bridge.id, '172.17.0.2', '5a:11:22:33:44:55', 'veth1a2b3c4', '7a:aa:bb:cc:dd:ee')],
      ports: [{ hostIp: '', hostPort: 8001, containerPort: 80, proto: 'tcp', boundPort: 8001 }],
    });
    w.seq = 4;
    w.machines['docker-host'].conntrack = [
      {
        proto: 'tcp',
        orig: { src: '192.168.0.20', dst: '192.168.0.10', sport: 52444, dport: 8001 },
        reply: { src: '172.17.0.2', dst: '192.168.0.20', sport: 80, dport: 52444 },
        state: 'TIME_WAIT',
        timeout: 119,
        assured: true,
      },
      {
        proto: 'icmp',
        orig: { src: '10.0.0.2', dst: '10.0.0.3', sport: 11904, dport: 0 },
        reply: { src: '10.0.0.3', dst: '10.0.0.2', sport: 11904, dport: 0 },
        state: '',
        timeout: 26,
        assured: false,
      },
    ];
  });
}
