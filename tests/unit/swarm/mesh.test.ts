import { describe, expect, it } from 'vitest';
import { worldRefusal } from '../../../src/io/worldSchema';
import type { CommandResult, Step, World } from '../../../src/sim/model';
import { tablesAt } from '../../../src/sim/net/tablesAt';
import { runShell } from '../../../src/sim/shell';
import { session, threeNodeSwarm } from './helpers';

/**
 * The ingress routing mesh (docker-facts 75, 78, 79; libnetwork service_linux.go programIngress,
 * configureFWMark, addRedirectRules): `-p 8080:80` opens 8080 on every node; DOCKER-INGRESS DNATs
 * to the ingress sandbox on docker_gwbridge, IPVS there picks a task on any node (VXLAN on the
 * ingress overlay), SNAT makes the node's ingress address the client the app sees, and the task
 * REDIRECTs the published port to its target port.
 */

const where = (s: Step) => ('node' in s.at ? s.at.node : s.at.link);
const keys = (r: CommandResult) => r.trace!.steps.map((s) => s.explain.key);

function world(): World {
  return session(['docker service create --name web --replicas 1 -p 8080:80 nginx'], threeNodeSwarm()).world;
}
const curl = (w: World, url: string) =>
  runShell(
    w,
    ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', url],
    { kind: 'machine', id: 'pc1' },
    `curl ${url}`,
  );

describe('routing mesh: pc1 → a node without the task', () => {
  const w = world();
  const task = Object.values(w.swarm!.tasks)[0];
  const taskIngressIp = task.addrs[0].ip;
  const node3 = w.swarm!.nodes.find((n) => n.machine === 'docker-host-3')!;
  const r = curl(w, '192.168.0.12:8080');
  const steps = r.trace!.steps;

  it('the task runs on docker-host; curl to docker-host-3:8080 still gets nginx', () => {
    expect(task.node).toBe('docker-host');
    expect(r.output).toBe('200');
    expect(r.exitCode).toBe(0);
  });

  it('walks each hop in order: DNAT, mark, IPVS, SNAT, VXLAN, REDIRECT, the task', () => {
    const order = [
      'nat.ingress-dnat',
      'ipvs.mark',
      'ipvs.schedule',
      'ipvs.snat',
      'vxlan.encap',
      'vxlan.decap',
      'ipvs.redirect',
      'ip.deliver',
    ];
    const ks = keys(r);
    let at = 0;
    for (const k of order) {
      const i = ks.indexOf(k, at);
      expect(i, k).toBeGreaterThanOrEqual(at);
      at = i + 1;
    }
    const dnat = steps.find((s) => s.explain.key === 'nat.ingress-dnat')!;
    expect(where(dnat)).toBe('docker-host-3');
    expect(dnat.explain.params).toMatchObject({ from: '192.168.0.12:8080', to: '172.18.0.2:8080' });
    const mark = steps.find((s) => s.explain.key === 'ipvs.mark')!;
    expect(mark.explain.params).toMatchObject({
      node: 'ingress_sbox (docker-host-3)',
      chain: 'PREROUTING',
      match: '-p tcp --dport 8080',
      mark: '0x100',
    });
    const pick = steps.find((s) => s.explain.key === 'ipvs.schedule')!;
    expect(pick.explain.params).toMatchObject({
      from: '172.18.0.2:8080',
      to: `${taskIngressIp}:8080`,
      host: 'docker-host',
    });
    const snat = steps.find((s) => s.explain.key === 'ipvs.snat')!;
    expect(snat.explain.params).toMatchObject({ from: '192.168.0.20', to: node3.ingressIp });
    const encap = steps.find((s) => s.action === 'vxlan-encap')!;
    expect(encap.frame.outer).toMatchObject({ ip: { src: '192.168.0.12', dst: '192.168.0.10' }, vxlan: { vni: 4096 } });
    expect(encap.frame.ip).toMatchObject({ src: node3.ingressIp, dst: taskIngressIp });
  });

  it('the app sees the ingress address of the receiving node as the client, on its own port 80', () => {
    const d = steps.find((s) => s.action === 'deliver' && where(s) === `ctr:${task.containerId}`)!;
    expect(d.frame.ip).toMatchObject({ src: node3.ingressIp, dst: taskIngressIp });
    expect(d.frame.l4?.dport).toBe(80);
    const redirect = steps.find((s) => s.explain.key === 'ipvs.redirect')!;
    expect(redirect.explain.params).toMatchObject({ from: `${taskIngressIp}:8080`, to: `${taskIngressIp}:80` });
  });

  it('the reply is un-NATed hop by hop back to the address pc1 asked', () => {
    const reply = steps.slice(steps.findIndex((s) => s.action === 'reply'));
    const unnat = reply
      .filter((s) => s.action === 'un-nat')
      .map((s) => `${s.frame.ip!.src}:${s.frame.l4!.sport}>${s.frame.ip!.dst}`);
    expect(unnat.slice(0, 4)).toEqual([
      `${taskIngressIp}:8080>${node3.ingressIp}`, // the task's REDIRECT undone
      // the ingress sandbox: its SNAT undone in PREROUTING (the destination), IPVS in POSTROUTING (the source)
      `${taskIngressIp}:8080>192.168.0.20`,
      '172.18.0.2:8080>192.168.0.20',
      '192.168.0.12:8080>192.168.0.20', // docker-host-3's DOCKER-INGRESS DNAT undone
    ]);
    const last = reply.filter((s) => s.action === 'deliver').at(-1)!;
    expect(where(last)).toBe('pc1');
    expect(last.frame.ip).toMatchObject({ src: '192.168.0.12', dst: '192.168.0.20' });
    expect(reply.some((s) => s.action === 'vxlan-encap' && s.frame.outer?.ip.src === '192.168.0.10')).toBe(true);
  });

  it('playback puts the sandbox’s own ARP and conntrack rows in no host’s tables', () => {
    const at = tablesAt(w, r.world, steps, steps.length - 1);
    expect(at.machines['docker-host-3'].conntrack.map((e) => e.orig.dst)).toEqual(['192.168.0.12']);
    expect(at.machines['docker-host-3'].arp.map((e) => e.ip).sort()).toEqual([
      '172.18.0.2',
      '192.168.0.10',
      '192.168.0.20',
    ]);
    const sbox = steps.filter((s) => s.changes.some((c) => c.on.startsWith('sbox:docker-host-3:')));
    expect(sbox.some((s) => s.action === 'conntrack-new')).toBe(true);
  });

  it('a save of this World (lb endpoints, IPVS positions) passes the save schema', () => {
    expect(r.world.swarm!.rr).toBeDefined();
    expect(worldRefusal(JSON.parse(JSON.stringify(r.world)))).toBeNull();
  });

  it('the node’s conntrack keeps the DNAT, not the sandbox’s flows', () => {
    const ct = runShell(r.world, ['conntrack', '-L'], { kind: 'machine', id: 'docker-host-3' }, 'conntrack -L').output;
    expect(ct).toContain('src=192.168.0.20 dst=192.168.0.12');
    expect(ct).toContain('src=172.18.0.2 dst=192.168.0.20 sport=8080');
    expect(ct).not.toContain('10.0.0.');
  });
});

describe('routing mesh: the node that runs the task, and the node itself', () => {
  it('pc1 → docker-host:8080 stays on the node (no VXLAN), the app still sees 10.0.0.2', () => {
    const w = world();
    const r = curl(w, '192.168.0.10:8080');
    expect(r.output).toBe('200');
    expect(r.trace!.steps.some((s) => s.action === 'vxlan-encap')).toBe(false);
    const snat = r.trace!.steps.find((s) => s.explain.key === 'ipvs.snat')!;
    expect(snat.explain.params.to).toBe(w.swarm!.nodes[0].ingressIp);
    expect(w.swarm!.nodes[0].ingressIp).toBe('10.0.0.2');
  });

  it('curl localhost:8080 on a worker: OUTPUT DOCKER-INGRESS, then MASQUERADE into docker_gwbridge', () => {
    const w = world();
    const r = runShell(
      w,
      ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'localhost:8080'],
      { kind: 'machine', id: 'docker-host-2' },
      'curl localhost:8080',
    );
    expect(r.output).toBe('200');
    const masq = r.trace!.steps.find((s) => s.action === 'snat' && s.explain.key === 'nat.snat')!;
    expect(masq.explain.params).toMatchObject({ to: '172.18.0.1', dev: 'docker_gwbridge' });
  });

  it('a port no service publishes is still refused', () => {
    const r = curl(world(), '192.168.0.12:8081');
    expect(r.exitCode).toBe(7);
    expect(keys(r)).not.toContain('nat.ingress-dnat');
  });
});

describe('iptables on a node without a task (Docker 28 programIngress)', () => {
  const w = session(['docker service create --name api -p 9000:3000 devwikirepo/envnodecolorapp'], world()).world;
  const s = (t: string) =>
    runShell(w, ['iptables', '-t', t, '-S'], { kind: 'machine', id: 'docker-host-3' }, '').output.split('\n');

  it('nat: the jumps at the head of PREROUTING and OUTPUT, the newest service first, RETURN last', () => {
    const nat = s('nat');
    expect(nat).toContain('-N DOCKER-INGRESS');
    const pre = nat.filter((l) => l.startsWith('-A PREROUTING'));
    expect(pre[0]).toBe('-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER-INGRESS');
    expect(nat.filter((l) => l.startsWith('-A OUTPUT'))[0]).toBe(
      '-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER-INGRESS',
    );
    expect(nat.filter((l) => l.startsWith('-A POSTROUTING'))[0]).toBe(
      '-A POSTROUTING -o docker_gwbridge -m addrtype --src-type LOCAL -j MASQUERADE',
    );
    expect(nat.filter((l) => l.startsWith('-A DOCKER-INGRESS'))).toEqual([
      '-A DOCKER-INGRESS -p tcp -m tcp --dport 9000 -j DNAT --to-destination 172.18.0.2:9000',
      '-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:8080',
      '-A DOCKER-INGRESS -j RETURN',
    ]);
  });

  it('filter: DOCKER-FORWARD jumps to DOCKER-INGRESS first, which accepts the ports and their replies', () => {
    const f = s('filter');
    expect(f.filter((l) => l.startsWith('-A DOCKER-FORWARD'))[0]).toBe('-A DOCKER-FORWARD -j DOCKER-INGRESS');
    expect(f.filter((l) => l.startsWith('-A DOCKER-INGRESS'))).toEqual([
      '-A DOCKER-INGRESS -p tcp -m tcp --dport 9000 -j ACCEPT',
      '-A DOCKER-INGRESS -p tcp -m tcp --sport 9000 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j ACCEPT',
      '-A DOCKER-INGRESS -p tcp -m tcp --sport 8080 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-INGRESS -j RETURN',
    ]);
  });

  it('a swarm without published services has no DOCKER-INGRESS', () => {
    const nat = runShell(
      threeNodeSwarm(),
      ['iptables', '-t', 'nat', '-S'],
      { kind: 'machine', id: 'docker-host' },
      '',
    ).output;
    expect(nat).not.toContain('DOCKER-INGRESS');
  });
});
