import { describe, expect, it } from 'vitest';
import { runText } from '../../../src/cli/sim';
import { parseUrl } from '../../../src/sim/net/url';
import { DEFAULT_SEED } from '../../../src/sim/world';
import { keys, run, setup } from './helpers';

/** TCP over IPv6 (issue 13): curl to an IPv6 literal, to a name with -6 or with only an AAAA record. */

const SETUP = [
  'docker network create --ipv6 --subnet fd00::/64 v6net',
  'docker run -d --name web --network v6net nginx',
  'docker run -d --name cli --network v6net nicolaka/netshoot sleep 1000',
];

describe('curl over IPv6', () => {
  it('parses a bracketed IPv6 literal (host without brackets, canonical)', () => {
    expect(parseUrl('http://[FD00:0::2]:8080/x')).toEqual({
      scheme: 'http',
      host: 'fd00::2',
      port: 8080,
      path: '/x',
      ipv6: true,
    });
    expect(parseUrl('http://[nope]/')).toBeNull();
    expect(parseUrl('web:80')).toEqual({ scheme: 'http', host: 'web', port: 80, path: '/' });
  });

  it('curl -v http://[fd00::2]/: Trying [addr]:80, Connected to addr (addr), Host: [addr], as curl 7.88', () => {
    const s = setup(SETUP);
    const r = run(s, 'docker exec cli curl -v http://[fd00::2]/');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n').slice(0, 9)).toEqual([
      '*   Trying [fd00::2]:80...',
      '* Connected to fd00::2 (fd00::2) port 80 (#0)',
      '> GET / HTTP/1.1',
      '> Host: [fd00::2]',
      '> User-Agent: curl/7.88.1',
      '> Accept: */*',
      '> ',
      '< HTTP/1.1 200 OK',
      '< Server: nginx/1.27.3',
    ]);
    expect(r.output).toContain('* Connection #0 to host fd00::2 left intact');
    const k = keys(r.trace);
    expect(k).toContain('ndp.solicit');
    expect(k).not.toContain('arp.request');
  });

  it('curl -6 NAME asks AAAA; a name with only an IPv6 address (IPv6-only network) is reached without -6', () => {
    const s = setup([
      ...SETUP,
      'docker network create --ipv4=false --ipv6 --subnet fd00:6::/64 only6',
      'docker run -d --name web6 --network only6 nginx',
      'docker run -d --name cli6 --network only6 nicolaka/netshoot sleep 1000',
    ]);
    const a = run(s, 'docker exec cli curl -6 -s -o /dev/null -w "%{http_code} %{remote_ip}" web');
    expect(a.output).toBe('200 fd00::2');
    expect(keys(a.trace)[0]).toBe('dns.embedded-query6');
    const b = run(s, 'docker exec cli6 curl -s -o /dev/null -w "%{http_code}" web6');
    expect(b.output).toBe('200');
    expect(run(s, 'docker exec cli curl -6 -s nosuch').exitCode).toBe(6);
  });

  it('nobody holds the address: connect fails after neighbour discovery gives up (curl 7)', () => {
    const s = setup(SETUP);
    const r = run(s, 'docker exec cli curl http://[fd00::9]/');
    expect(r.exitCode).toBe(7);
    expect(r.output).toBe("curl: (7) Failed to connect to fd00::9 port 80 after 3000 ms: Couldn't connect to server");
  });

  it('conntrack -L -f ipv6 shows the TCP flow; tcpdump prints its segments as IP6', () => {
    let s = setup(SETUP);
    s = run(s, 'docker exec cli curl -s -o /dev/null http://[fd00::2]/').session;
    const ct = run(s, 'conntrack -L -f ipv6').output.split('\n');
    expect(ct[0]).toBe('conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.');
    expect(ct[1]).toMatch(
      /^tcp {6}6 \d+ TIME_WAIT src=fd00::3 dst=fd00::2 sport=(\d+) dport=80 src=fd00::2 dst=fd00::3 sport=80 dport=\1 \[ASSURED\] mark=0 use=1$/,
    );
    const out = runText(
      [...SETUP, 'docker exec cli tcpdump -n tcp &', 'docker exec cli curl -s -o /dev/null http://[fd00::2]/', ''].join(
        '\n',
      ),
      { json: false, seed: DEFAULT_SEED },
    );
    const first = out.split('\n').find((l) => / IP6 fd00::3\.\d+ > fd00::2\.80: /.test(l));
    expect(first).toMatch(
      /^\d\d:\d\d:\d\d\.\d{6} IP6 fd00::3\.\d+ > fd00::2\.80: Flags \[S\], seq \d+, win 64240, options \[mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 7\], length 0$/,
    );
  });
});
