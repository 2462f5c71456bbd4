import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/** Output of each line of a console script from the default world. */
function outputs(script: string[]): string[] {
  return runScript(createDefaultWorld(), script.join('\n')).results.map((r) => r.output);
}

// libnetwork publishes ports through the sandbox's gateway endpoint; an internal network gives no
// gateway (bridge_linux.go Join: `if !network.config.Internal { jinfo.SetGateway(…) }`), so a
// container whose only network is internal publishes nothing. Found by the referee (referee/README.md).
describe('ports published by a container whose only network is internal', () => {
  it('are not bound: docker port prints nothing, ps shows the exposed port, no DNAT, the LAN is refused', () => {
    const out = outputs([
      'docker network create --internal net1',
      'docker run -d --name web --network net1 -p 8000:80 nginx',
      'docker port web',
      'docker ps --format "{{.Names}} {{.Ports}}"',
      'iptables -t nat -S DOCKER',
      '@pc1 curl -sS -m 2 http://192.168.0.10:8000/',
    ]);
    expect(out[2]).toBe('');
    expect(out[3]).toBe('web 80/tcp');
    expect(out[4]).toBe('-N DOCKER\n-A DOCKER -i docker0 -j RETURN');
    expect(out[5]).toMatch(
      /^curl: \(7\) Failed to connect to 192\.168\.0\.10 port 8000 after \d+ ms: Couldn't connect to server$/,
    );
  });

  it('are bound once a network that is not internal gives the container a gateway (DNAT to that network’s address)', () => {
    const out = outputs([
      'docker network create --internal net1',
      'docker network create net3',
      'docker run -d --name web --network net1 -p 8000:80 nginx',
      'docker network connect net3 web',
      'docker port web',
      'iptables -t nat -S DOCKER',
      'docker network disconnect net3 web',
      'docker port web',
    ]);
    expect(out[4]).toBe('80/tcp -> 0.0.0.0:8000\n80/tcp -> [::]:8000');
    expect(out[5].split('\n').pop()).toBe(
      '-A DOCKER ! -i br-29a71b81f4ce -p tcp -m tcp --dport 8000 -j DNAT --to-destination 172.19.0.2:80',
    );
    expect(out[7]).toBe('');
  });

  it('a container on an internal network first and a routed one second publishes through the second', () => {
    const out = outputs([
      'docker network create --internal net1',
      'docker network create net3',
      'docker create --name web --network net1 -p 8000:80 nginx',
      'docker network connect net3 web',
      'docker start web',
      'iptables -t nat -S DOCKER',
    ]);
    expect(out[5].split('\n').pop()).toMatch(
      /^-A DOCKER ! -i br-[0-9a-f]{12} -p tcp -m tcp --dport 8000 -j DNAT --to-destination 172\.19\.0\.2:80$/,
    );
  });
});
