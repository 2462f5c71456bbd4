import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { swarmOfHosts } from './helpers';

/**
 * IPv6 on overlay networks (swarmkit cnmallocator allocatePools: one pool per IPAM config the spec
 * names, the gateway first, then addresses serially from every pool in turn).
 */
function run(lines: string[]) {
  const r = runScript(swarmOfHosts(2), lines.join('\n'));
  return { out: r.results.map((x) => x.output), codes: r.results.map((x) => x.exitCode) };
}

const CREATE = 'docker network create -d overlay --attachable --ipv6 --subnet fd00:10::/64 ov6';

describe('docker network create -d overlay --ipv6 --subnet V6', () => {
  it('inspect: EnableIPv6 and both configs, the IPv6 gateway ::1; overlaps and a missing IPv6 subnet refused', () => {
    const { out, codes } = run([
      CREATE,
      "docker network inspect ov6 --format '{{.EnableIPv6}} {{json .IPAM.Config}}'",
      'docker network create -d overlay --ipv6 --subnet fd00:10::/80 ov7',
      'docker network create -d overlay --ipv6 ov8',
      "@docker-host-2 docker network ls --filter name=ov6 --format '{{.Name}} {{.IPv6}}'",
    ]);
    expect(codes.slice(0, 4)).toEqual([0, 0, 1, 1]);
    expect(out[1]).toBe(
      'true [{"Subnet":"10.0.1.0/24","Gateway":"10.0.1.1"},{"Subnet":"fd00:10::/64","Gateway":"fd00:10::1"}]',
    );
    expect(out[2]).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space',
    );
    expect(out[3]).toBe(
      'whalewire: IPv6 on an overlay network without an IPv6 --subnet is not simulated; the network was not created',
    );
  });

  it('tasks on every node and attached containers get the IPv6 address at their IPv4 one’s offset', () => {
    const { out } = run([
      CREATE,
      'docker service create --name web --replicas 2 --network ov6 nginx',
      "docker network inspect ov6 --format '{{range .Containers}}{{.IPv4Address}} {{.IPv6Address}}|{{end}}'",
      "@docker-host-2 docker network inspect ov6 --format '{{range .Containers}}{{.IPv4Address}} {{.IPv6Address}}|{{end}}'",
      'docker run -dit --name cli --network ov6 nicolaka/netshoot',
      "docker inspect cli --format '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.GlobalIPv6Address}} {{.GlobalIPv6PrefixLen}} {{.IPv6Gateway}}{{end}}'",
      'docker exec cli ip -6 route',
      'docker exec cli dig +short web AAAA',
      'docker exec cli dig +short tasks.web AAAA',
    ]);
    // gateway .1/::1, the VIP .2/::2, then the tasks
    const tasks = [out[2], out[3]].join('').split('|').filter(Boolean).sort();
    expect(tasks).toEqual(['10.0.1.3/24 fd00:10::3/64', '10.0.1.5/24 fd00:10::5/64']);
    // each node's lb endpoint took one too (.4 and .6)
    expect(out[5]).toBe('10.0.1.7 fd00:10::7 64 fd00:10::1');
    // an overlay endpoint has no default route; docker_gwbridge is IPv4
    expect(out[6]).toBe(
      [
        '::1 dev lo proto kernel metric 256 pref medium',
        'fd00:10::/64 dev eth0 proto kernel metric 256 pref medium',
        'fe80::/64 dev eth0 proto kernel metric 256 pref medium',
      ].join('\n'),
    );
    expect(out[7]).toBe('fd00:10::2');
    expect(out[8].split('\n').sort()).toEqual(['fd00:10::3', 'fd00:10::5']);
  });
});
