import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;

// moby v28.5.2 libnetwork/sandbox.go hasExternalAccess (an internal network never gives external
// access), sandbox_dns_unix.go (NewResolver(…, sb.hasExternalAccess(), …) and SetForwardingPolicy
// as endpoints join and leave), resolver.go forwardExtDNS (proxyDNS=false: no forwarding from the
// host's namespace; from the container's, which has no route out) and ServeDNS (no upstream
// answer: SERVFAIL); container_operations.go / sandbox.go Less: the default route goes to the
// endpoint that is not internal.
describe('internal networks in combination', () => {
  const setup = [
    'docker network create --internal back',
    'docker network create front',
    'docker run -d --name db --network back redis',
    'docker run -d --name app --network back nicolaka/netshoot sleep infinity',
    'docker network connect front app',
  ];

  it('a container on an internal network and another: default route through the other, peers on both', () => {
    const r = play([
      ...setup,
      'docker exec app ip route',
      'docker exec app ping -c 1 -W 1 db',
      'docker exec app ping -c 1 -W 1 8.8.8.8',
    ]);
    expect(r[5].output.split('\n')[0]).toBe('default via 172.19.0.1 dev eth1 ');
    expect(r[6].output).toContain('64 bytes from db.back (172.18.0.2)');
    expect(r[7].exitCode).toBe(0);
  });

  it('embedded DNS: names on the internal network resolve; external names are forwarded only with another network', () => {
    const inside = play([...setup.slice(0, 4), 'docker exec app dig +short db', 'docker exec app dig google.com']);
    expect(inside[4].output).toBe('172.18.0.2');
    expect(inside[5].output).toContain('status: SERVFAIL');
    const both = play([...setup, 'docker exec app dig +short google.com']);
    expect(both[5].exitCode).toBe(0);
    expect(both[5].output).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // disconnecting the other network takes the forwarding away again (SetForwardingPolicy)
    const after = play([...setup, 'docker network disconnect front app', 'docker exec app dig google.com']);
    expect(after[6].output).toContain('status: SERVFAIL');
  });

  it('a port published by a container whose only network is internal is not bound; the LAN cannot reach it', () => {
    const r = play([
      'docker network create --internal back',
      'docker run -d --name web --network back -p 8080:80 nginx',
      'docker port web',
      'docker ps --format "{{.Ports}}"',
      '@pc1 curl -sS -m 2 http://192.168.0.10:8080/',
    ]);
    expect(r[2].output).toBe('');
    expect(r[3].output).toBe('80/tcp');
    expect(r[4].exitCode).toBe(7);
  });
});
