import { describe, expect, test } from 'vitest';
import type { Trace } from '../../../src/sim/model';
import { expectInOrder } from '../net/helpers';
import { hostsWorld, run, setupOn } from './helpers';

/** [action, node] of every NAT step of a trace. */
const nats = (t: Trace | undefined) =>
  (t?.steps ?? [])
    .filter((s) => ['snat', 'dnat', 'un-nat'].includes(s.action))
    .map((s) => [s.action, 'node' in s.at ? s.at.node : s.at.link, s.frame.ip?.src, s.frame.ip?.dst]);

describe('seed 001 §3: a container on host 1 reaches a container on host 2 through its published port', () => {
  const s = setupOn(hostsWorld(2), [
    'docker run -d --name client busybox sleep 1000',
    '@docker-host-2 docker run -d --name web -p 8080:80 nginx',
  ]);

  test('curl 192.168.0.11:8080: MASQUERADE out of host 1, DNAT into host 2, both undone on the way back', () => {
    const r = run(s, 'docker exec client wget -qO- 192.168.0.11:8080');
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('<title>Welcome to nginx!</title>');
    // the first packet and its answer (later packets of the flow repeat the conntrack NAT)
    expect(nats(r.trace).slice(0, 4)).toEqual([
      ['snat', 'docker-host', '192.168.0.10', '192.168.0.11'],
      ['dnat', 'docker-host-2', '192.168.0.10', '172.17.0.2'],
      ['un-nat', 'docker-host-2', '192.168.0.11', '192.168.0.10'],
      ['un-nat', 'docker-host', '192.168.0.11', '172.17.0.2'],
    ]);
    const web = Object.values(r.session.world.containers).find((c) => c.name === 'web')!;
    const client = Object.values(r.session.world.containers).find((c) => c.name === 'client')!;
    // 172.17.0.2 is the client on host 1 and web on host 2: two different containers
    expect(client.endpoints[0].ip).toBe('172.17.0.2');
    expect(web.endpoints[0].ip).toBe('172.17.0.2');
    const steps = r.trace!.steps;
    expect(steps.find((x) => x.action === 'deliver')?.at).toEqual({ node: `ctr:${web.id}` });
    expect(steps.at(-1)?.at).toEqual({ node: `ctr:${client.id}` });
    // host 2's bridge link is host-qualified, host 1's keeps its one-host id
    const links = steps.flatMap((x) => ('link' in x.at ? [x.at.link] : []));
    expect(links).toContain('brhost:docker0');
    expect(links).toContain('brhost:docker0@docker-host-2');
  });

  test('each host keeps its own conntrack entry of the flow', () => {
    const r = run(s, 'docker exec client wget -qO- 192.168.0.11:8080');
    const h1 = run(r.session, 'conntrack -L').output.split('\n');
    const h2 = run(r.session, '@docker-host-2 conntrack -L').output.split('\n');
    expect(h1[1]).toMatch(
      /src=172\.17\.0\.2 dst=192\.168\.0\.11 sport=\d+ dport=8080 src=192\.168\.0\.11 dst=192\.168\.0\.10 /,
    );
    expect(h2[1]).toMatch(
      /src=192\.168\.0\.10 dst=192\.168\.0\.11 sport=\d+ dport=8080 src=172\.17\.0\.2 dst=192\.168\.0\.10 /,
    );
  });

  test('a container address of the other host is not reachable: 172.17.0.2 from host 1 is its own container', () => {
    const r = run(s, 'curl -s -m 1 172.17.0.2:80');
    // on host 1, 172.17.0.2 is the busybox client, which listens on nothing
    expect(r.exitCode).toBe(7);
    const ping = run(s, '@docker-host-2 ping -c 1 172.17.0.2');
    expect(ping.output).toContain('1 packets transmitted, 1 received');
    const deliver = ping.trace!.steps.find((x) => x.action === 'deliver')!;
    const web = Object.values(s.world.containers).find((c) => c.name === 'web')!;
    expect(deliver.at).toEqual({ node: `ctr:${web.id}` });
  });

  test('a port published on host 2 is closed on host 1', () => {
    const r = run(s, '@pc1 curl -s 192.168.0.10:8080');
    expect(r.exitCode).toBe(7);
    const ok = run(s, '@pc1 curl -s -o /dev/null -w "%{http_code}" 192.168.0.11:8080');
    expect(ok.output).toBe('200');
    expectInOrder(
      ok.trace!.steps.map((x) => x.action),
      ['dnat', 'deliver', 'un-nat'],
    );
  });
});
