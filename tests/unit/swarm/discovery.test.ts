import { describe, expect, it } from 'vitest';
import { runShell } from '../../../src/sim/shell';
import { session, threeNodeSwarm } from './helpers';

/** Service discovery in the embedded DNS on an overlay (facts 48, 82). */
describe('swarm service names', () => {
  const w = session(
    [
      'docker network create -d overlay mynet',
      'docker network create -d overlay other',
      'docker service create --name web --replicas 3 --network mynet nginx',
      'docker service create --name rr --endpoint-mode dnsrr --replicas 2 --network mynet nginx',
      'docker service create --name cli --network mynet busybox sleep 1d',
      'docker service create --name away --network other busybox sleep 1d',
    ],
    threeNodeSwarm(),
  ).world;
  const sw = w.swarm!;
  const svc = (name: string) => Object.values(sw.services).find((s) => s.name === name)!;
  const taskIps = (name: string) =>
    Object.values(sw.tasks)
      .filter((t) => t.serviceId === svc(name).id)
      .map((t) => t.addrs[0].ip)
      .sort();
  const ctr = (prefix: string) => Object.values(w.containers).find((c) => c.name.startsWith(prefix))!;
  const answers = (from: string, name: string) => {
    const r = runShell(w, ['nslookup', name], { kind: 'container', id: ctr(from).id }, `nslookup ${name}`);
    return { code: r.exitCode, ips: [...r.output.matchAll(/^Address: (\S+)$/gm)].map((m) => m[1]).sort() };
  };

  it('answers a vip-mode service name with its VIP on that network, even from a task on another node', () => {
    expect(ctr('cli.').daemon).not.toBe('docker-host');
    expect(answers('cli.', 'web')).toEqual({ code: 0, ips: [svc('web').vips[0].addr.split('/')[0]] });
    expect(svc('web').vips[0].addr).toBe('10.0.1.2/24');
  });

  it('answers tasks.NAME and a dnsrr service with the task addresses', () => {
    expect(answers('cli.', 'tasks.web')).toEqual({ code: 0, ips: taskIps('web') });
    expect(taskIps('web')).toHaveLength(3);
    expect(answers('cli.', 'rr')).toEqual({ code: 0, ips: taskIps('rr') });
    expect(answers('cli.', 'tasks.rr')).toEqual({ code: 0, ips: taskIps('rr') });
  });

  it('does not answer a service of a network the asker is not on', () => {
    expect(answers('away.', 'web').code).toBe(1);
    expect(answers('away.', 'tasks.web').code).toBe(1);
  });
});
