import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

const userNet = [
  'docker network create --subnet 10.0.0.0/24 second-bridge',
  'docker run -d --network second-bridge --name containerA nicolaka/netshoot sleep infinity',
];

describe("Docker's embedded DNS as dig and nslookup see it", () => {
  it("a container name: Docker's own record, TTL 600, an uncompressed 54-byte reply", () => {
    const out = run(setup(userNet), 'docker exec containerA dig containerA').output.split('\n');
    expect(out).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0');
    expect(out).toContain('containerA.\t\t600\tIN\tA\t10.0.0.2');
    expect(out).toContain(';; MSG SIZE  rcvd: 54');
  });

  it('a name forwarded upstream keeps the upstream TTL and is compressed', () => {
    const out = run(setup(userNet), 'docker exec containerA dig google.com').output.split('\n');
    expect(out).toContain('google.com.\t\t300\tIN\tA\t142.250.196.142');
    expect(out).toContain(';; MSG SIZE  rcvd: 44');
  });

  // moby v28.5.2 resolvconf.go TransformForIntNS marks the host file's servers HostLoopback
  // ("host(192.168.0.1)") and resolver.go dialExtDNS dials those from the daemon's namespace
  it("a server from the host's file is asked from the host's own address, not the container's", () => {
    const r = run(setup(userNet), 'docker exec containerA nslookup google.com');
    const send = r.trace!.steps.find((x) => x.action === 'send')!;
    expect(send.explain.params.packet).toBe(`192.168.0.10 → 192.168.0.1 UDP ${send.frame.l4?.sport}→53`);
    expect(r.trace!.steps.some((x) => x.action === 'snat')).toBe(false);
    expect(run(r.session, 'conntrack -L').output).toMatch(
      /^udp {6}17 28 src=192\.168\.0\.10 dst=192\.168\.0\.1 sport=\d+ dport=53 src=192\.168\.0\.1 dst=192\.168\.0\.10 sport=53 dport=\d+ mark=0 use=1$/m,
    );
  });

  it("a --dns server is asked from the container's namespace and masqueraded", () => {
    const s = setup([
      'docker network create --subnet 10.0.0.0/24 second-bridge',
      'docker run -d --network second-bridge --dns 192.168.0.1 --name containerA nicolaka/netshoot sleep infinity',
    ]);
    expect(run(s, 'docker exec containerA cat /etc/resolv.conf').output).toContain(
      '# ExtServers: [192.168.0.1]\n# Overrides: [nameservers]\n# Option ndots from: internal',
    );
    const r = run(s, 'docker exec containerA nslookup google.com');
    const send = r.trace!.steps.find((x) => x.action === 'send')!;
    expect(send.explain.params.packet).toBe(`10.0.0.2 → 192.168.0.1 UDP ${send.frame.l4?.sport}→53`);
    expect(r.trace!.steps.some((x) => x.action === 'snat' && x.explain.params.from === '10.0.0.2')).toBe(true);
    expect(run(r.session, 'conntrack -L').output).toMatch(
      /^udp {6}17 28 src=10\.0\.0\.2 dst=192\.168\.0\.1 sport=\d+ dport=53 src=192\.168\.0\.1 dst=192\.168\.0\.10 sport=53 dport=\d+ mark=0 use=1$/m,
    );
  });

  it('on an --internal network the resolver answers SERVFAIL at once (no timeout)', () => {
    const s = setup([
      'docker network create --internal closed',
      'docker run -d --network closed --name locked nicolaka/netshoot sleep infinity',
    ]);
    const dig = run(s, 'docker exec locked dig google.com');
    expect(dig.output.split('\n').slice(4, 7)).toEqual([
      `;; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: ${/id: (\d+)/.exec(dig.output)?.[1]}`,
      ';; flags: qr rd; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0',
      ';; WARNING: recursion requested but not available',
    ]);
    expect(dig.output).toContain(';; MSG SIZE  rcvd: 28');
    expect(dig.exitCode).toBe(0);
    expect(dig.trace!.steps.map((x) => x.explain.key)).toContain('dns.internal-servfail');
    const ns = run(s, 'docker exec locked nslookup google.com');
    expect(ns).toMatchObject({
      output: "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\n** server can't find google.com: SERVFAIL\n",
      exitCode: 1,
    });
    expect(run(s, 'docker exec locked ping -c 1 google.com').output).toBe('ping: google.com: Try again');
  });
});
