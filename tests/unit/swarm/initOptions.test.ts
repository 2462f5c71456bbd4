import { describe, expect, it } from 'vitest';
import { formatExplain } from '../../../src/i18n/trace';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';
import { dockerOn, joinLine, withHost } from './helpers';

/**
 * `docker swarm init --default-addr-pool/--default-addr-pool-mask-length/--data-path-port` as moby
 * v28.5.2 takes them (daemon/cluster/listen_addr.go validateDefaultAddrPool, getDataPathPort):
 * overlay subnets come from the pools, VXLAN between nodes uses the chosen port.
 */

function twoNodes(initFlags: string) {
  let w = withHost(createDefaultWorld(), 'docker-host-2', '192.168.0.11');
  const init = dockerOn(w, 'docker-host', `docker swarm init ${initFlags}`);
  w = dockerOn(init.world, 'docker-host-2', joinLine(init.output)).world;
  return w;
}

const ipam = (w: ReturnType<typeof twoNodes>, net: string) =>
  dockerOn(w, 'docker-host', `docker network inspect -f '{{json .IPAM.Config}}' ${net}`).output;

describe('swarm init address pools and data path port', () => {
  it('overlays take their subnets from the pools, cut at the mask length', () => {
    let w = twoNodes('--default-addr-pool 10.20.5.0/16 --default-addr-pool-mask-length 26');
    w = dockerOn(w, 'docker-host', 'docker network create -d overlay ov1').world;
    expect(ipam(w, 'ingress')).toBe('[{"Subnet":"10.20.0.0/26","Gateway":"10.20.0.1"}]');
    expect(ipam(w, 'ov1')).toBe('[{"Subnet":"10.20.0.64/26","Gateway":"10.20.0.65"}]');
  });

  it('without them, 10.0.0.0/8 in /24s as before', () => {
    let w = twoNodes('');
    w = dockerOn(w, 'docker-host', 'docker network create -d overlay ov1').world;
    expect(ipam(w, 'ov1')).toBe('[{"Subnet":"10.0.1.0/24","Gateway":"10.0.1.1"}]');
  });

  it.each([
    ['--data-path-port 80', 'Error response from daemon: Datapath port number is not in valid range (1024-49151) : 80'],
    [
      '--default-addr-pool 10.0.0.0/8 --default-addr-pool-mask-length 30',
      'Error response from daemon: subnet size is out of range: 30',
    ],
    [
      '--default-addr-pool 10.0.0.0/16 --default-addr-pool-mask-length 8',
      'Error response from daemon: invalid CIDR: "10.0.0.0/16". Subnet size is too small for pool: 8',
    ],
  ])('%s is refused and no swarm starts', (flags, msg) => {
    const r = runScript(createDefaultWorld(), `docker swarm init ${flags}\ndocker node ls`).results;
    expect(r[0].output).toBe(msg);
    expect(r[0].exitCode).toBe(1);
    expect(r[1].output).toContain('This node is not a swarm manager.');
  });

  it.each([
    ['--data-path-port 7789', 7789],
    ['', 4789],
  ])('VXLAN between the nodes uses the data path port (%s)', (flags, port) => {
    let w = twoNodes(flags);
    for (const line of [
      'docker network create -d overlay --attachable ov1',
      'docker service create -d --name web --replicas 2 --network ov1 nginx',
      'docker run -d --name c1 --network ov1 busybox sleep 1000',
    ])
      w = dockerOn(w, 'docker-host', line).world;
    const remote = dockerOn(w, 'docker-host', 'docker service ps web --format "{{.Name}} {{.Node}}"').output;
    expect(remote).toContain('web.2 docker-host-2');
    const ips = dockerOn(w, 'docker-host', 'docker exec c1 nslookup tasks.web').output;
    const all = [...ips.matchAll(/Address: (10\.0\.1\.\d+)/g)].map((m) => m[1]);
    const r = all.map((ip) => runScript(w, `docker exec c1 ping -c 1 ${ip}`).results[0]);
    const crossing = r.find((x) => x.trace?.steps.some((s) => s.frame.outer));
    expect(crossing).toBeDefined();
    const outer = crossing!.trace!.steps.filter((s) => s.frame.outer).map((s) => s.frame.outer!.udp?.dport);
    expect(new Set(outer)).toEqual(new Set([port]));
    const encap = crossing!.trace!.steps.find((s) => s.action === 'vxlan-encap')!;
    expect(formatExplain('en', encap.explain)).toContain(`:${port} with VXLAN VNI`);
    expect(formatExplain('ko', encap.explain)).toContain(`:${port}, VXLAN VNI`);
  });
});
