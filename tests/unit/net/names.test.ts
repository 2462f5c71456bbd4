import { describe, expect, it } from 'vitest';
import { actions, expectInOrder, run, setup } from './helpers';

const userNet = [
  'docker network create --subnet 10.0.0.0/24 second-bridge',
  'docker run -d --network second-bridge --name containerA devwikirepo/pingbuntu',
];

const at = (t: { steps: { at: object; action: string }[] } | undefined, action: string) =>
  (t?.steps ?? [])
    .filter((s) => s.action === action)
    .map((s) => ('node' in s.at ? s.at.node : (s.at as { link: string }).link));

describe('names', () => {
  it('an unknown name on a user network is "Name or service not known" (seed 004, before containerB exists)', () => {
    const r = run(setup(userNet), 'docker exec containerA ping containerB');
    expect(r.output).toBe('ping: containerB: Name or service not known');
    expect(r.exitCode).toBe(2);
    expectInOrder(actions(r.trace), [
      'dns-query',
      'dns-forward',
      'send',
      'dns-query',
      'dns-answer',
      'dns-answer',
      'drop',
    ]);
    expect(r.trace!.steps.at(-1)!.explain.key).toBe('drop.name-unresolvable');
  });

  it('short ids, <name>.<network> and aliases resolve through 127.0.0.11; aliases round-robin', () => {
    let s = setup([
      ...userNet,
      'docker run -d --network second-bridge --network-alias api --name b1 devwikirepo/pingbuntu',
      'docker run -d --network second-bridge --network-alias api --name b2 devwikirepo/pingbuntu',
    ]);
    const b1 = Object.values(s.world.containers).find((c) => c.name === 'b1')!;
    expect(run(s, `docker exec containerA ping -c 1 ${b1.id.slice(0, 12)}`).output).toContain(
      `PING ${b1.id.slice(0, 12)} (10.0.0.3)`,
    );
    expect(run(s, 'docker exec containerA ping -c 1 b1.second-bridge').output).toContain('(10.0.0.3)');
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const r = run(s, 'docker exec containerA ping -c 1 api');
      seen.add(/\((10\.0\.0\.\d)\)/.exec(r.output)![1]);
      s = r.session;
    }
    expect([...seen].sort()).toEqual(['10.0.0.3', '10.0.0.4']);
  });

  it('other names are forwarded from the host: 127.0.0.11 -> 192.168.0.1 -> 8.8.8.8', () => {
    const r = run(setup(userNet), 'docker exec containerA ping -c 1 google.com');
    expect(r.output.split('\n')[0]).toBe('PING google.com (142.250.196.142) 56(84) bytes of data.');
    const queries = at(r.trace, 'dns-query');
    expect(queries[0]).toMatch(/^ctr:/);
    expect(queries.slice(1)).toEqual(['router', 'dns']);
  });

  it('the default bridge has no container names: asked at the host resolver, NXDOMAIN', () => {
    const s = setup(['docker run -d --name ca devwikirepo/pingbuntu', 'docker run -d --name cb devwikirepo/pingbuntu']);
    const r = run(s, 'docker exec ca ping -c 1 cb');
    expect(r.output).toBe('ping: cb: Name or service not known');
    expect(at(r.trace, 'dns-query')).toEqual(['router', 'dns']);
    expect(actions(r.trace)).toContain('snat');
  });

  it('a restarted container is found at its new IP; a removed one is not known', () => {
    let s = setup([
      ...userNet,
      'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
      'docker stop containerB',
      'docker run -d --network second-bridge --name other devwikirepo/pingbuntu',
      'docker start containerB',
    ]);
    const r = run(s, 'docker exec containerA ping -c 1 containerB');
    expect(r.output).toContain('PING containerB (10.0.0.4)');
    expect(r.output).toContain('64 bytes from containerB.second-bridge (10.0.0.4)');
    s = run(r.session, 'docker rm -f containerB').session;
    expect(run(s, 'docker exec containerA ping -c 1 containerB').output).toBe(
      'ping: containerB: Name or service not known',
    );
  });

  it('busybox and musl images word a failed lookup their own way; no resolver is "Temporary failure"', () => {
    const s = setup([
      'docker run -d --name bb busybox sleep infinity',
      'docker run -d --name ns nicolaka/netshoot sleep infinity',
      'docker network create --internal closed',
      'docker run -d --network closed --name locked devwikirepo/pingbuntu',
    ]);
    expect(run(s, 'docker exec bb ping -c 1 nosuch').output).toBe("ping: bad address 'nosuch'");
    expect(run(s, 'docker exec ns ping -c 1 nosuch').output).toBe('ping: nosuch: Name does not resolve');
    expect(run(s, 'docker exec locked ping -c 1 nosuchname').output).toBe(
      'ping: nosuchname: Temporary failure in name resolution',
    );
  });

  it('nslookup, dig +short and getent print their own formats', () => {
    const s = setup([...userNet, 'docker run -d --network second-bridge --name tt nicolaka/netshoot sleep infinity']);
    expect(run(s, 'docker exec tt nslookup containerA').output).toBe(
      'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\nNon-authoritative answer:\nName:\tcontainerA\nAddress: 10.0.0.2\n',
    );
    const nx = run(s, 'docker exec tt nslookup nosuch');
    expect(nx.output).toContain("** server can't find nosuch: NXDOMAIN");
    expect(nx.exitCode).toBe(1);
    expect(run(s, 'docker exec tt dig +short google.com').output).toBe('142.250.196.142');
    expect(run(s, 'docker exec tt dig google.com').output).toMatch(
      // forwarded verbatim: the upstream's TTL, not the embedded 600
      /^google\.com\.\t\t300\tIN\tA\t142\.250\.196\.142$/m,
    );
    expect(run(s, '@pc1 getent hosts google.com').output).toBe('142.250.196.142 google.com');
    expect(run(s, '@pc1 getent hosts nosuch').exitCode).toBe(2);
  });
});
