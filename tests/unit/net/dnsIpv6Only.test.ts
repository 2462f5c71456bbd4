import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { ulaBase } from '../../../src/sim/ipam6';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * An A question for a name known only by its IPv6 address (moby v28.5.2 network.go ResolveName:
 * found in svcIPv6Map, so ok with no IPv4; resolver.go handleIPQuery answers NOERROR, no records).
 */
function run(lines: string[]) {
  const setup = [
    'docker network create --ipv4=false --ipv6 v6only',
    'docker run -dit --name web --network v6only alpine',
    'docker run -dit --name cli --network v6only nicolaka/netshoot',
  ];
  const r = runScript(createDefaultWorld(), [...setup, ...lines].join('\n'));
  return r.results.slice(setup.length);
}

const web = `${ulaBase('docker-host').replace('::/48', '')}::2`;
const cli = `${ulaBase('docker-host').replace('::/48', '')}::3`;

describe('embedded DNS: A question for an IPv6-only name', () => {
  it('dig: NOERROR, ANSWER: 0, nothing forwarded; AAAA has the address', () => {
    const [a, aaaa, short] = run([
      'docker exec cli dig web',
      'docker exec cli dig web AAAA +noall +answer',
      'docker exec cli dig +short web',
    ]);
    expect(a.output).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ');
    expect(a.output).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0');
    expect(a.output).not.toContain('ANSWER SECTION');
    expect(a.output).toContain(';; MSG SIZE  rcvd: 21');
    expect(a.exitCode).toBe(0);
    expect(a.trace?.steps.some((s) => s.action === 'dns-forward')).toBe(false);
    expect(a.trace?.steps.map((s) => s.explain.key)).toContain('dns.embedded-nodata');
    expect(aaaa.output).toBe(`web.\t\t\t600\tIN\tAAAA\t${web}`);
    expect(short.output).toBe('');
  });

  it('nslookup: bind9 prints the AAAA answer under its header; busybox says No answer for A first', () => {
    const [bind, busy] = run(['docker exec cli nslookup web', 'docker exec web nslookup cli']);
    expect(bind.output).toBe(
      [
        'Server:\t\t127.0.0.11',
        'Address:\t127.0.0.11#53',
        '',
        'Non-authoritative answer:',
        'Name:\tweb',
        `Address: ${web}`,
        '',
      ].join('\n'),
    );
    expect(bind.exitCode).toBe(0);
    expect(busy.output).toBe(
      [
        'Server:\t\t127.0.0.11',
        'Address:\t127.0.0.11:53',
        '',
        "*** Can't find cli: No answer",
        '',
        'Non-authoritative answer:',
        'Name:\tcli',
        `Address: ${cli}`,
        '',
      ].join('\n'),
    );
  });

  it('getent and host find the IPv6 address; an unknown name is still NXDOMAIN', () => {
    const [hosts, ahosts, host, nx] = run([
      'docker exec cli getent hosts web',
      'docker exec cli getent ahosts web',
      'docker exec cli host web',
      'docker exec cli host nosuch',
    ]);
    expect(hosts.output).toBe(`${web} web`);
    expect(ahosts.output).toBe([`${web} STREAM web`, `${web} DGRAM  `, `${web} RAW    `].join('\n'));
    expect(host.output).toBe(`web has IPv6 address ${web}`);
    expect(nx.output).toBe('Host nosuch not found: 3(NXDOMAIN)');
  });

  it('ping and curl to the name go over IPv6 (ICMPv6 echo, TCP); wget would: one whalewire line, exit 2', () => {
    const out = run(['docker exec cli ping -c 1 web', 'docker exec cli curl web', 'docker exec web wget -q -O- cli']);
    expect(
      out[0].output
        .split('\n')
        .slice(0, 2)
        .map((l) => l.replace(/time=[\d.]+/, 'time=T')),
    ).toEqual([
      `PING web(web.v6only (${web})) 56 data bytes`,
      `64 bytes from web.v6only (${web}): icmp_seq=1 ttl=64 time=T ms`,
    ]);
    // web is alpine: nothing listens on its port 80, so the SYN over IPv6 is answered with a RST
    expect(out[1].output).toBe("curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server");
    expect(out[2].output).toMatch(/^whalewire: IPv6 packets are not traced yet \(wget cli = /);
    expect(out.map((r) => r.exitCode)).toEqual([0, 7, 2]);
  });

  it('a dual-stack name: host prints its A then its AAAA lines', () => {
    const r = runScript(
      createDefaultWorld(),
      [
        'docker network create --ipv6 --subnet 172.30.0.0/24 --subnet fd00:30::/64 ds',
        'docker run -dit --name web --network ds alpine',
        'docker run -dit --name cli --network ds nicolaka/netshoot',
        'docker exec cli host web',
      ].join('\n'),
    );
    expect(r.results[3].output).toBe('web has address 172.30.0.2\nweb has IPv6 address fd00:30::2');
  });
});
