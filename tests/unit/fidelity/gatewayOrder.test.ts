import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * Which endpoint gives a multi-homed container its default route and carries its published ports:
 * libnetwork keeps a sandbox's endpoints sorted (moby v28.5.2 libnetwork/sandbox.go Endpoint.Less:
 * higher gw-priority, not docker_gwbridge, not internal, then the network's name) and the first
 * with a gateway is the gateway endpoint (default_gateway.go selectGatewayEndpoint); a connect that
 * changes it moves the default route and the port mappings (endpoint.go sbJoin). The attach order
 * decides the eth names only.
 */
const play = (lines: string[]) => {
  const r = runScript(createDefaultWorld(), lines.join('\n'));
  return { out: r.results.map((x) => x.output), codes: r.results.map((x) => x.exitCode) };
};
const nets = [
  'docker network create --subnet 10.1.0.0/24 zeta',
  'docker network create --subnet 10.2.0.0/24 alpha',
  'docker run -d --name web --network zeta -p 8080:80 nicolaka/netshoot sleep infinity',
];

describe('the gateway endpoint follows libnetwork’s order, not the attach order', () => {
  it('connecting alpha to a container on zeta moves its default route to alpha (eth1) and its DNAT to 10.2.0.2', () => {
    const { out } = play([
      ...nets,
      'docker network connect alpha web',
      'docker exec web ip route',
      'iptables -t nat -S DOCKER',
    ]);
    expect(out[4].split('\n')[0]).toBe('default via 10.2.0.1 dev eth1 ');
    expect(out[5]).toContain('-j DNAT --to-destination 10.2.0.2:80');
    expect(out[5]).not.toContain('10.1.0.2:80');
  });

  it('--gw-priority 1 on zeta keeps it the gateway; inspect shows GwPriority', () => {
    const { out } = play([
      'docker network create --subnet 10.1.0.0/24 zeta',
      'docker network create --subnet 10.2.0.0/24 alpha',
      'docker run -d --name web --network alpha nicolaka/netshoot sleep infinity',
      'docker network connect --gw-priority 1 zeta web',
      'docker exec web ip route',
      'docker inspect -f "{{.NetworkSettings.Networks.zeta.GwPriority}} {{.NetworkSettings.Networks.alpha.GwPriority}}" web',
    ]);
    expect(out[4].split('\n')[0]).toBe('default via 10.1.0.1 dev eth1 ');
    expect(out[5]).toBe('1 0');
  });

  it('a negative priority puts the network last', () => {
    const { out } = play([...nets, 'docker network connect --gw-priority -5 alpha web', 'docker exec web ip route']);
    expect(out[4].split('\n')[0]).toBe('default via 10.1.0.1 dev eth0 ');
  });

  it('disconnecting the gateway network hands the default route back', () => {
    const { out } = play([
      ...nets,
      'docker network connect alpha web',
      'docker network disconnect alpha web',
      'docker exec web ip route',
    ]);
    expect(out[5].split('\n')[0]).toBe('default via 10.1.0.1 dev eth0 ');
  });

  it('--gw-priority that is no integer: pflag’s words, exit 125, nothing connected', () => {
    const { out, codes } = play([
      ...nets,
      'docker network connect --gw-priority high alpha web',
      'docker exec web ip -br addr',
    ]);
    expect(out[3].split('\n')[0]).toBe(
      'invalid argument "high" for "--gw-priority" flag: strconv.ParseInt: parsing "high": invalid syntax',
    );
    expect(codes[3]).toBe(125);
    expect(out[4]).not.toContain('eth1');
  });
});

describe('packets leave by the default route ip route prints (kernel referee seeds 1 and 32)', () => {
  it('a container on net2 connected to net1 (no masquerade) reaches no internet: its packets leave by net1', () => {
    const { out } = play([
      'docker network create -o com.docker.network.bridge.enable_ip_masquerade=false net1',
      'docker network create net2',
      'docker run -d --name ct2 --network net2 nicolaka/netshoot sleep infinity',
      'docker exec ct2 ping -c 1 -W 1 8.8.8.8',
      'docker network connect net1 ct2',
      'docker exec ct2 ip route',
      'docker exec ct2 ping -c 1 -W 1 8.8.8.8',
    ]);
    expect(out[3]).toContain('1 packets transmitted, 1 received');
    expect(out[5].split('\n')[0]).toBe('default via 172.18.0.1 dev eth1 ');
    expect(out[6]).toContain('1 packets transmitted, 0 received');
  });

  it('a container on a routed network connected to bridge reaches the internet through docker0’s masquerade', () => {
    const { out } = play([
      'docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed net2',
      'docker run -d --name ct3 --network net2 nicolaka/netshoot sleep infinity',
      'docker exec ct3 ping -c 1 -W 1 8.8.8.8',
      'docker network connect bridge ct3',
      'docker exec ct3 ip route',
      'docker exec ct3 ping -c 1 -W 1 8.8.8.8',
    ]);
    expect(out[2]).toContain('1 packets transmitted, 0 received');
    expect(out[4].split('\n')[0]).toBe('default via 172.17.0.1 dev eth1 ');
    expect(out[5]).toContain('1 packets transmitted, 1 received');
  });
});
