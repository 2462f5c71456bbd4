import { describe, expect, it } from 'vitest';
import { actions, keys, run, setup } from './helpers';

const dropKey = (t: { steps: { action: string; explain: { key: string }; at: object }[] } | undefined) => {
  const d = t?.steps.find((s) => s.action === 'drop');
  return d ? [d.explain.key, (d.at as { node: string }).node] : null;
};

describe('failures with their real symptom', () => {
  it('published port with nothing listening (seed 004 green app 8004:3030): refused by the container', () => {
    const s = setup(['docker run -d -p 8004:3030 --name greenColorApp -e COLOR=green devwikirepo/envnodecolorapp']);
    const r = run(s, '@pc1 curl -sS http://192.168.0.10:8004/');
    expect(r.output).toMatch(
      /^curl: \(7\) Failed to connect to 192\.168\.0\.10 port 8004 after \d ms: Couldn't connect to server$/,
    );
    expect(r.exitCode).toBe(7);
    const refuse = r.trace!.steps.find((x) => x.action === 'refuse')!;
    expect(refuse.explain.key).toBe('app.refused');
    expect((refuse.at as { node: string }).node).toMatch(/^ctr:/);
    expect(r.trace!.steps.some((x) => x.action === 'un-nat' && x.frame.l4?.flags === 'RST,ACK')).toBe(true);
    expect(run(r.session, 'conntrack -L').output).toMatch(/tcp {6}6 8 CLOSE src=192\.168\.0\.20 dst=192\.168\.0\.10/);
    // the right port answers with the page in its colour
    const ok = run(
      setup(['docker run -d -p 8002:3000 --name red -e COLOR=red devwikirepo/envnodecolorapp']),
      '@pc1 curl -s 192.168.0.10:8002',
    );
    expect(ok.output).toContain('COLOR: red');
  });

  it('the same app through docker-proxy on localhost: reset after connect (curl 56)', () => {
    const s = setup(['docker run -d -p 8004:3030 --name greenColorApp -e COLOR=green devwikirepo/envnodecolorapp']);
    expect(run(s, 'curl -sS http://localhost:8004/').output).toBe('curl: (56) Recv failure: Connection reset by peer');
  });

  it('172.17.0.2 from the LAN times out: pc1 sends it to the router, the internet has no route', () => {
    const s = setup(['docker run -d --name nginx nginx']);
    const r = run(s, '@pc1 curl -sS -m 3 http://172.17.0.2/');
    expect(r.output).toBe('curl: (28) Connection timed out after 3002 milliseconds');
    expect(r.exitCode).toBe(28);
    expect(dropKey(r.trace)).toEqual(['drop.no-route-private', 'internet']);
    expect(run(s, '@pc1 curl -s -m 3 http://172.17.0.2/').output).toBe('');
  });

  it('a port not published: refused on the host address', () => {
    const s = setup(['docker run -d --name nginx nginx']);
    expect(run(s, '@pc1 curl -sS http://192.168.0.10:80/').output).toMatch(
      /^curl: \(7\) Failed to connect to 192\.168\.0\.10 port 80 after [01] ms: Couldn't connect to server$/,
    );
  });

  it('a route to the container from outside is still dropped by the DOCKER chain (port not published)', () => {
    // give pc1 a static route to docker0's subnet via the docker host, as a curious admin would
    let s = setup(['docker run -d --name nginx nginx']);
    s = {
      ...s,
      world: {
        ...s.world,
        machines: {
          ...s.world.machines,
          pc1: {
            ...s.world.machines.pc1,
            routes: [...s.world.machines.pc1.routes, { dst: '172.17.0.0/16', via: '192.168.0.10', dev: 'eth0' }],
          },
        },
      },
    };
    const r = run(s, '@pc1 curl -sS -m 2 http://172.17.0.2/');
    expect(r.output).toBe('curl: (28) Connection timed out after 2002 milliseconds');
    expect(dropKey(r.trace)).toEqual(['drop.not-published', 'docker-host']);
  });

  it('a stopped container: its published port is closed, its IP answers no ARP', () => {
    const s = setup([
      'docker network create --subnet 10.0.0.0/24 second-bridge',
      'docker run -d --network second-bridge --name containerA devwikirepo/pingbuntu',
      'docker run -d --network second-bridge -p 8001:80 --name web nginx',
      'docker stop web',
    ]);
    expect(run(s, '@pc1 curl -sS http://192.168.0.10:8001/').output).toContain('curl: (7) Failed to connect');
    const r = run(s, 'docker exec containerA ping -c 1 10.0.0.3');
    expect(r.output.split('\n')[1]).toBe('From 10.0.0.2 icmp_seq=1 Destination Host Unreachable');
    expect(r.output).toContain('1 packets transmitted, 0 received, +1 errors, 100% packet loss');
    expect(keys(r.trace)).toContain('drop.arp-unanswered');
  });

  it('an unknown name', () => {
    const s = setup(['docker run -d --name tt nicolaka/netshoot sleep infinity']);
    const r = run(s, 'docker exec tt curl -sS http://nosuchname/');
    expect(r.output).toBe('curl: (6) Could not resolve host: nosuchname');
    expect(r.exitCode).toBe(6);
    expect(keys(r.trace).at(-1)).toBe('drop.name-unresolvable');
  });

  it('host networking: the app answers on the host’s own port, no NAT', () => {
    const s = setup(['docker run -d --network host --name hostweb nginx']);
    const r = run(s, '@pc1 curl -s http://192.168.0.10/');
    expect(r.output).toContain('<h1>Welcome to nginx!</h1>');
    expect(actions(r.trace)).not.toContain('dnat');
    expect(r.trace!.steps.filter((x) => x.action === 'deliver').map((x) => (x.at as { node: string }).node)).toContain(
      'docker-host',
    );
  });
});

describe('router portfwd', () => {
  it('adds, lists and removes rules, with clear errors', () => {
    let s = setup([]);
    let r = run(s, '@router portfwd add tcp 80 192.168.0.10 8001');
    expect(r.exitCode).toBe(0);
    s = r.session;
    expect(run(s, '@router portfwd ls').output).toBe(
      'PROTO PUBLIC PORT  FORWARD TO\ntcp   80           192.168.0.10:8001',
    );
    expect(run(s, '@router portfwd add tcp 80 192.168.0.20 80').output).toBe(
      'portfwd: tcp port 80 is already forwarded',
    );
    expect(run(s, '@router portfwd add tcp 81 10.9.9.9 80').output).toBe(
      'portfwd: 10.9.9.9 is not on the LAN (192.168.0.1/24)',
    );
    expect(run(s, '@router portfwd add tcp x').exitCode).toBe(2);
    expect(run(s, 'portfwd ls').output).toBe('bash: portfwd: command not found');
    r = run(s, '@router portfwd rm tcp 80');
    expect(r.session.world.machines.router.forwards).toEqual([]);
    expect(run(r.session, '@router portfwd rm tcp 80').output).toBe('portfwd: no rule for tcp port 80');
  });
});
