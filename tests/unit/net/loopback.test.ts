import { describe, expect, it } from 'vitest';
import { actions, run, setup } from './helpers';

describe('loopback inside a container (seed 001 §1)', () => {
  it('curl localhost reaches the container’s own app: no ARP, no bridge', () => {
    const s = setup(['docker run -d --name web nginx']);
    const r = run(s, 'docker exec web curl -s http://localhost/');
    expect(r.output).toContain('<h1>Welcome to nginx!</h1>');
    const a = actions(r.trace);
    expect(a).not.toContain('arp-request');
    expect(a).not.toContain('transmit');
    expect(a.slice(0, 4)).toEqual(['dns-answer', 'send', 'loopback', 'deliver']);
    for (const st of r.trace!.steps) expect(st.at).toEqual({ node: expect.stringMatching(/^ctr:/) });
  });

  it('ping 127.0.0.1 answers from the loopback', () => {
    const s = setup(['docker run -d --name tt nicolaka/netshoot sleep infinity']);
    const r = run(s, 'docker exec tt ping -c 1 127.0.0.1');
    expect(r.output.split('\n')[1]).toMatch(/^64 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64 time=0\.0\d\d ms$/);
    expect(actions(r.trace)).toEqual(['send', 'loopback', 'deliver', 'reply', 'loopback', 'deliver']);
  });

  it('ping 0.0.0.0 reaches the local host: iputils pings 127.0.0.1, busybox keeps 0.0.0.0 in its header', () => {
    const s = setup([
      'docker run -d --name tt nicolaka/netshoot sleep infinity',
      'docker run -d --name bb busybox sleep 3600',
    ]);
    const r = run(s, 'docker exec tt ping -c 1 0.0.0.0');
    const out = r.output.split('\n');
    expect(r.exitCode).toBe(0);
    expect(out[0]).toBe('PING 0.0.0.0 (127.0.0.1) 56(84) bytes of data.');
    expect(out[1]).toMatch(/^64 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64 time=0\.0\d\d ms$/);
    expect(out.slice(2, 5)).toEqual([
      '',
      '--- 0.0.0.0 ping statistics ---',
      '1 packets transmitted, 1 received, 0% packet loss, time 0ms',
    ]);
    expect(actions(r.trace)).toEqual(['send', 'loopback', 'deliver', 'reply', 'loopback', 'deliver']);
    const b = run(s, 'docker exec bb ping -c 1 0.0.0.0').output.split('\n');
    expect(b[0]).toBe('PING 0.0.0.0 (0.0.0.0): 56 data bytes');
    expect(b[1]).toMatch(/^64 bytes from 127\.0\.0\.1: seq=0 ttl=64 time=0\.0\d\d ms$/);
    expect(run(s, 'ping -c 1 0.0.0.0').output.split('\n')[1]).toMatch(/^64 bytes from 127\.0\.0\.1: icmp_seq=1 /);
  });

  it('numeric hosts read as inet_aton does: ping 0 and ping 127.1 answer from 127.0.0.1, printed without names', () => {
    const s = setup([]);
    const zero = run(s, 'ping -c 1 0').output.split('\n');
    expect(zero[0]).toBe('PING 0 (127.0.0.1) 56(84) bytes of data.');
    expect(zero[1]).toMatch(/^64 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64 time=0\.0\d\d ms$/);
    expect(zero[3]).toBe('--- 0 ping statistics ---');
    const short = run(s, 'ping -c 1 127.1').output.split('\n');
    expect(short[0]).toBe('PING 127.1 (127.0.0.1) 56(84) bytes of data.');
    expect(short[1]).toMatch(/^64 bytes from 127\.0\.0\.1: icmp_seq=1 /);
    // 0x7f.1 is hex, 0300.0250.0.012 octal: 192.168.0.10 is the host itself
    expect(run(s, 'ping -c 1 0300.0250.0.012').output.split('\n')[0]).toBe(
      'PING 0300.0250.0.012 (192.168.0.10) 56(84) bytes of data.',
    );
    expect(run(s, 'ping -c 1 0x7f.1').output.split('\n')[0]).toBe('PING 0x7f.1 (127.0.0.1) 56(84) bytes of data.');
    // not numbers: still names
    expect(run(s, 'ping -c 1 1.2.3.4.5').output).toBe('ping: 1.2.3.4.5: Name or service not known');
    expect(run(s, 'ping -c 1 256.1').output).toBe('ping: 256.1: Name or service not known');
  });

  it('curl 0.0.0.0 reaches the app listening on the local host', () => {
    const s = setup(['docker run -d --name web nginx']);
    const r = run(s, 'docker exec web curl -s http://0.0.0.0/');
    expect(r.output).toContain('<h1>Welcome to nginx!</h1>');
    expect(actions(r.trace)).not.toContain('arp-request');
  });

  it('localhost on a port nothing listens on is refused at once', () => {
    const s = setup(['docker run -d --name web nginx']);
    const r = run(s, 'docker exec web curl -sS localhost:8080');
    expect(r.output).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server");
    expect(r.exitCode).toBe(7);
  });
});
