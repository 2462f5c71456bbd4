import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/** Seed 002's namespaces: `ip netns list` is empty, nsenter into the SandboxKey shows the container's side. */
describe('network namespaces on the Docker host', () => {
  const { results } = runScript(
    createDefaultWorld(5),
    [
      'docker run -d --name web nginx',
      'ip netns list',
      "docker inspect -f '{{.NetworkSettings.SandboxKey}}' web",
      "nsenter --net=$(docker inspect -f '{{.NetworkSettings.SandboxKey}}' web) ip addr",
      "nsenter --net=$(docker inspect -f '{{.NetworkSettings.SandboxKey}}' web) ip route",
      'ip addr',
      'nsenter --net=/var/run/docker/netns/0123456789ab ip addr',
      'nsenter ip addr',
      'docker stop web',
      'ip netns add x',
    ].join('\n'),
  );
  const out = (i: number) => results[i].output;

  it('ip netns list is empty: Docker does not link its namespaces into /var/run/netns', () => {
    expect(results[1]).toMatchObject({ output: '', exitCode: 0 });
    expect(out(2)).toMatch(/^\/var\/run\/docker\/netns\/[0-9a-f]{12}$/);
  });

  it("nsenter --net=SANDBOXKEY runs the host's ip in the container's namespace: eth0 and its route", () => {
    expect(out(3)).toMatch(/^2: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP>/m);
    expect(out(3)).toContain('inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0');
    expect(out(4)).toContain('default via 172.17.0.1 dev eth0');
    // the host's own side of that pair is the veth on docker0
    expect(out(5)).toMatch(/^4: veth[0-9a-f]{7}@if2: .* master docker0 /m);
  });

  it('a path that is no namespace, or no namespace at all, is refused as nsenter does', () => {
    expect(results[6]).toMatchObject({
      output: 'nsenter: cannot open /var/run/docker/netns/0123456789ab: No such file or directory',
      exitCode: 1,
    });
    expect(results[7]).toMatchObject({ output: 'nsenter: no namespace specified', exitCode: 1 });
    expect(results[9].exitCode).toBe(255);
  });
});
