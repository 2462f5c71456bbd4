import { describe, expect, it } from 'vitest';
import type { CommandResult, Container, Step, World } from '../../../src/sim/model';
import { runShell } from '../../../src/sim/shell';
import { session, threeNodeSwarm } from './helpers';

/**
 * East-west load balancing of a service VIP (docker-facts 76, 79; libnetwork service_linux.go
 * addLBBackend): the sender's node's `lb_<net>` sandbox answers ARP and ping for the VIP, marks
 * TCP/UDP to it, and IPVS (FWM, rr) sends it to the tasks, SNATed to the sandbox's own address.
 */

const where = (s: Step) => ('node' in s.at ? s.at.node : s.at.link);
const ctrOf = (w: World, prefix: string, host: string): Container =>
  Object.values(w.containers).find((c) => c.name.startsWith(prefix) && c.daemon === host)!;

function world(replicas = 3): World {
  return session(
    [
      'docker network create -d overlay mynet',
      `docker service create --name web --replicas ${replicas} --network mynet nginx`,
      'docker service create --name client --mode global --network mynet nicolaka/netshoot',
    ],
    threeNodeSwarm(),
  ).world;
}

function run(w: World, c: Container, line: string): CommandResult {
  return runShell(w, line.split(' '), { kind: 'container', id: c.id }, line);
}

/** The container a request's trace delivered to (the first TCP segment's last deliver). */
function servedBy(r: CommandResult): string {
  const d = r.trace!.steps.find(
    (s) => s.action === 'deliver' && s.frame.l4?.dport === 80 && where(s).startsWith('ctr:'),
  );
  return d ? where(d).slice(4) : '';
}

describe('service VIP: IPVS in the lb sandbox', () => {
  const w = world();
  const net = Object.values(w.networks).find((n) => n.name === 'mynet')!;
  const web = Object.values(w.swarm!.services).find((s) => s.name === 'web')!;
  const vip = web.vips[0].addr.split('/')[0];
  const client = ctrOf(w, 'client.', 'docker-host');
  const lbIp = w.swarm!.nodes.find((n) => n.machine === 'docker-host')!.lbIps![net.id];

  it('gives each node that runs a task on the overlay a load-balancer address there', () => {
    for (const n of w.swarm!.nodes) expect(n.lbIps?.[net.id]).toMatch(/^10\.0\.1\.\d+$/);
    const all = w.swarm!.nodes.map((n) => n.lbIps![net.id]);
    expect(new Set(all).size).toBe(3);
    expect(all).not.toContain(vip);
  });

  it('curl web: the sandbox marks the VIP, IPVS picks a task, SNAT to the lb address; the reply comes back from the VIP', () => {
    const r = run(w, client, 'curl -s -o /dev/null -w %{http_code} web');
    expect(r.output).toBe('200');
    const steps = r.trace!.steps;
    const mark = steps.find((s) => s.explain.key === 'ipvs.mark')!;
    expect(mark.explain.params).toMatchObject({ chain: 'INPUT', match: `-d ${vip}/32`, mark: '0x100', service: 'web' });
    expect(mark.explain.params.node).toBe(`lb_${net.id.slice(0, 9)} (docker-host)`);
    const pick = steps.find((s) => s.explain.key === 'ipvs.schedule')!;
    expect(pick.explain.params).toMatchObject({ from: `${vip}:80`, n: 1, count: 3 });
    const snat = steps.find((s) => s.explain.key === 'ipvs.snat')!;
    expect(snat.frame.ip).toMatchObject({ src: lbIp });
    // the task sees the lb sandbox's address as the client
    const at = steps.find((s) => s.action === 'deliver' && where(s) === `ctr:${servedBy(r)}`)!;
    expect(at.frame.ip).toMatchObject({ src: lbIp, dst: pick.explain.params.to.toString().split(':')[0] });
    // and the client gets its answer from the VIP it asked
    const back = steps.filter((s) => s.action === 'deliver' && where(s) === `ctr:${client.id}`).at(-1)!;
    expect(back.frame.ip).toMatchObject({ src: vip, dst: client.endpoints[0].ip });
    expect(back.frame.l4?.sport).toBe(80);
    expect(steps.some((s) => s.action === 'un-nat' && s.frame.ip?.src === vip)).toBe(true);
  });

  it('round robin: three connections reach the three tasks in order, the fourth the first again', () => {
    let cur = w;
    const served: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = run(cur, client, 'curl -s -o /dev/null web');
      expect(r.exitCode).toBe(0);
      served.push(servedBy(r));
      cur = r.world;
    }
    const tasks = Object.values(w.swarm!.tasks)
      .filter((t) => t.serviceId === web.id)
      .map((t) => t.containerId);
    expect(served.slice(0, 3)).toEqual(tasks);
    expect(served[3]).toBe(served[0]);
    expect(Object.values(cur.swarm!.rr ?? {})).toContain(4);
  });

  it('a task on another node is reached through VXLAN from the sandbox, and answers back through it', () => {
    let cur = w;
    let remote: CommandResult | null = null;
    for (let i = 0; i < 3 && !remote; i++) {
      const r = run(cur, client, 'curl -s -o /dev/null web');
      if (cur.containers[servedBy(r)].daemon !== 'docker-host') remote = r;
      cur = r.world;
    }
    const steps = remote!.trace!.steps;
    const encap = steps.find((s) => s.action === 'vxlan-encap')!;
    expect(encap.frame.ip).toMatchObject({ src: lbIp });
    expect(encap.frame.outer?.ip.src).toBe('192.168.0.10');
    expect(encap.frame.outer?.vxlan.vni).toBe(net.vni);
  });

  it('ping web: the VIP answers from the sender’s own lb sandbox (ICMP is no IPVS protocol)', () => {
    const r = run(w, client, 'ping -c 1 web');
    expect(r.output).toContain(`64 bytes from ${vip} (${vip}): icmp_seq=1`);
    const steps = r.trace!.steps;
    expect(steps.some((s) => s.explain.key.startsWith('ipvs.'))).toBe(false);
    const d = steps.find((s) => s.action === 'deliver')!;
    expect(d.explain.params.node).toBe(`lb_${net.id.slice(0, 9)} (docker-host)`);
    const arp = steps.find((s) => s.action === 'arp-reply')!;
    expect(arp.frame.arp).toMatchObject({
      senderIp: vip,
      senderMac: `02:42:${lbIp
        .split('.')
        .map((b) => Number(b).toString(16).padStart(2, '0'))
        .join(':')}`,
    });
  });

  it('the same VIP from a client on docker-host-3 goes through docker-host-3’s own sandbox', () => {
    const r = run(w, ctrOf(w, 'client.', 'docker-host-3'), 'curl -s -o /dev/null web');
    expect(r.exitCode).toBe(0);
    const mark = r.trace!.steps.find((s) => s.explain.key === 'ipvs.mark')!;
    expect(mark.explain.params.node).toBe(`lb_${net.id.slice(0, 9)} (docker-host-3)`);
  });

  it('tasks.web still answers task addresses directly: no IPVS', () => {
    const r = run(w, client, 'curl -s -o /dev/null tasks.web');
    expect(r.exitCode).toBe(0);
    expect(r.trace!.steps.some((s) => s.explain.key === 'ipvs.schedule')).toBe(false);
  });
});

describe('a VIP with no running task', () => {
  it('IPVS has no real server: the connection times out, the trace says why', () => {
    const w = session(['docker service scale web=0'], world()).world;
    const r = run(w, ctrOf(w, 'client.', 'docker-host'), 'curl -s -m 2 web');
    expect(r.exitCode).toBe(28);
    const drop = r.trace!.steps.find((s) => s.action === 'drop')!;
    expect(drop.explain).toMatchObject({ key: 'drop.no-backend', params: { service: 'web', reason: 'no-backend' } });
  });
});
