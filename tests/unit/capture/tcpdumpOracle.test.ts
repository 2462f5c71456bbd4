import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStored } from '../../../src/sim/fs';
import { textToBytes } from '../../../src/sim/net/pcapFile';
import { replay, shape } from './helpers';

/** `tcpdump -r` on bytes, where this machine has tcpdump (CI need not): the real printer as oracle. */
function realTcpdump(bytes: Uint8Array, ...flags: string[]): string[] | null {
  const dir = mkdtempSync(join(tmpdir(), 'ww-tcpdump-'));
  const file = join(dir, 'c.pcap');
  writeFileSync(file, bytes);
  try {
    const out = execFileSync('tcpdump', ['-r', file, ...flags], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trimEnd().split('\n');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

const packetLines = (out: string) => out.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l));

/** Runs `cmd` while the console's tcpdump prints, and again while another one writes a pcap. */
function both(iface: string, flags: string, cmd: string) {
  const printed = replay([`tcpdump ${flags} -i ${iface} &`, cmd]).outputs[1];
  const written = replay([`tcpdump -w /root/c.pcap -i ${iface} &`, cmd, 'kill %1']);
  const bytes = textToBytes(readStored(written.world, 'docker-host', '/root/c.pcap') ?? '');
  return { printed: packetLines(printed), bytes };
}

describe('the console tcpdump prints what real tcpdump -r prints of the same frames', () => {
  const cases: [string, string, string][] = [
    ['ping between containers on the bridge', 'br-427796b2c1e1', 'docker exec client ping -c 2 web'],
    [
      'curl between containers (TCP handshake, HTTP, close)',
      'br-427796b2c1e1',
      'docker exec client curl -s -o /dev/null web',
    ],
    ['a DNS lookup forwarded to the router', 'eth0', 'docker exec client nslookup google.com'],
    ['curl to the internet through NAT', 'eth0', 'docker exec client curl -s -o /dev/null http://google.com/'],
    ['a refused connection', 'br-427796b2c1e1', 'docker exec client curl -s web:81'],
    ['traceroute (ICMP errors)', 'eth0', 'docker exec client traceroute -n 8.8.8.8'],
  ];
  for (const [name, iface, cmd] of cases) {
    for (const flags of ['-n', '-e -n']) {
      it(`${name} (${flags})`, () => {
        const { printed, bytes } = both(iface, flags, cmd);
        expect(printed.length).toBeGreaterThan(1);
        const real = realTcpdump(bytes, ...flags.split(' '));
        if (real === null) return;
        expect(printed).toEqual(real);
      });
    }
  }
});

describe('tcpdump line shapes (TCP flags, DNS), checked without the real tool', () => {
  it('curl: [S], [S.], [.], [P.] request and answer, [.], [F.], [F.], [.] with relative numbers after the handshake', () => {
    const { printed } = both('br-427796b2c1e1', '-n', 'docker exec client curl -s -o /dev/null web');
    expect(printed.map(shape)).toEqual([
      'T ARP, Request who-has IP tell IP, length N',
      'T ARP, Reply IP is-at MAC, length N',
      'T IP IP.N > IP.N: Flags [S], seq N, win N, options [mss N,sackOK,TS val N ecr N,nop,wscale N], length N',
      'T IP IP.N > IP.N: Flags [S.], seq N, ack N, win N, options [mss N,sackOK,TS val N ecr N,nop,wscale N], length N',
      'T IP IP.N > IP.N: Flags [.], ack N, win N, options [nop,nop,TS val N ecr N], length N',
      'T IP IP.N > IP.N: Flags [P.], seq N:N, ack N, win N, options [nop,nop,TS val N ecr N], length N: HTTP: GET / HTTP/N.N',
      'T IP IP.N > IP.N: Flags [P.], seq N:N, ack N, win N, options [nop,nop,TS val N ecr N], length N: HTTP: HTTP/N.N N OK',
      'T IP IP.N > IP.N: Flags [.], ack N, win N, options [nop,nop,TS val N ecr N], length N',
      'T IP IP.N > IP.N: Flags [F.], seq N, ack N, win N, options [nop,nop,TS val N ecr N], length N',
      'T IP IP.N > IP.N: Flags [F.], seq N, ack N, win N, options [nop,nop,TS val N ecr N], length N',
      'T IP IP.N > IP.N: Flags [.], ack N, win N, options [nop,nop,TS val N ecr N], length N',
    ]);
    expect(printed[2]).toMatch(
      /Flags \[S\], seq \d+, win 64240, options \[mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 7\], length 0$/,
    );
    expect(printed[4]).toMatch(/Flags \[\.\], ack 1, win 502, /);
    expect(printed[5]).toMatch(/Flags \[P\.\], seq 1:75, ack 1, win 502, .*length 74: HTTP: GET \/ HTTP\/1\.1$/);
    expect(printed[6]).toMatch(/Flags \[P\.\], seq 1:39, ack 75, .*length 38: HTTP: HTTP\/1\.1 200 OK$/);
    expect(printed[8]).toMatch(/Flags \[F\.\], seq 75, ack 39, /);
    expect(printed[9]).toMatch(/Flags \[F\.\], seq 39, ack 76, /);
    expect(printed[10]).toMatch(/Flags \[\.\], ack 40, /);
  });

  it('DNS: "12345+ A? google.com. (28)" and "12345 1/0/0 A 142.250.196.142 (44)", ports numeric with -n and named without', () => {
    const dns = both('eth0', '-n', 'docker exec client nslookup google.com').printed.filter((l) => l.includes('.53'));
    expect(dns[0]).toMatch(/^\S+ IP 192\.168\.0\.10\.\d+ > 192\.168\.0\.1\.53: (\d+)\+ A\? google\.com\. \(28\)$/);
    expect(dns[1]).toMatch(
      /^\S+ IP 192\.168\.0\.1\.53 > 192\.168\.0\.10\.\d+: \d+ 1\/0\/0 A \d+\.\d+\.\d+\.\d+ \(44\)$/,
    );
    const id = (l: string) => /: (\d+)/.exec(l)?.[1];
    expect(id(dns[0])).toBe(id(dns[1]));
    const named = replay(['tcpdump -i eth0 udp &', 'docker exec client nslookup google.com']).outputs[1];
    expect(named).toMatch(/ > 192\.168\.0\.1\.domain: \d+\+ A\? google\.com\. \(28\)/);
  });

  it('NXDOMAIN answers print as real tcpdump does', () => {
    const out = replay(['tcpdump -n -i eth0 udp port 53 &', 'docker exec client nslookup nosuch.example']).outputs[1];
    expect(out).toMatch(/\.53 > [\d.]+: \d+ NXDomain 0\/0\/0 \(\d+\)/);
  });
});
