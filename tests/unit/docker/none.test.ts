import { describe, expect, it } from 'vitest';
import { findContainer } from '../../../src/sim/lookup';
import { docker, ipOf, play } from './helpers';

// daemon/container_operations.go updateNetworkSettings: "none" conflicts with the networks the
// container is on *now*; moby/moby#39345 (thaJeztah's Test1 and Test3).
const PRIVATE =
  'Error response from daemon: container cannot be connected to multiple networks with one of the networks in private (none) mode';

describe('the none network can be left and joined like any other', () => {
  it('Test1: a --network none container cannot join another network while on none', () => {
    const { world } = play([
      'docker network create -d bridge test',
      'docker run -d --network=none --name mycontainer nginx',
    ]);
    expect(docker(world, 'docker network connect test mycontainer')).toMatchObject({ output: PRIVATE, exitCode: 1 });
  });

  it('Test3: disconnect none, then connect test: the container gets eth0 on test', () => {
    const { world, last } = play([
      'docker network create -d bridge test',
      'docker run -d --network=none --name mycontainer nginx',
      'docker network disconnect none mycontainer',
    ]);
    expect(last).toMatchObject({ output: '', exitCode: 0 });
    expect(docker(world, 'docker inspect -f "{{json .NetworkSettings.Networks}}" mycontainer').output).toBe('{}');
    expect(docker(world, 'docker network inspect -f "{{len .Containers}}" none').output).toBe('0');
    expect(docker(world, 'docker network disconnect none mycontainer').output).toBe(
      `Error response from daemon: container ${findContainer(world, 'mycontainer')!.id} is not connected to network none`,
    );
    const r = docker(world, 'docker network connect test mycontainer');
    expect(r).toMatchObject({ output: '', exitCode: 0 });
    expect(ipOf(r.world, 'mycontainer', 'test')).toBe('172.18.0.2');
    expect(findContainer(r.world, 'mycontainer')!.endpoints[0].ifname).toBe('eth0');
    expect(
      docker(r.world, 'docker inspect -f "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}" mycontainer')
        .output,
    ).toBe('172.18.0.2');
    expect(docker(r.world, 'docker inspect -f "{{.HostConfig.NetworkMode}}" mycontainer').output).toBe('none');
    expect(docker(r.world, 'docker ps --format "{{.Names}} {{.Networks}}"').output).toBe('mycontainer test');
    // Now on test, none is the one that conflicts.
    expect(docker(r.world, 'docker network connect none mycontainer')).toMatchObject({ output: PRIVATE, exitCode: 1 });
  });

  it('a bridge container disconnected from everything may join none (and then nothing else)', () => {
    const { world } = play(['docker network create test', 'docker run -d --name c1 nginx']);
    expect(docker(world, 'docker network connect none c1')).toMatchObject({ output: PRIVATE, exitCode: 1 });
    const { world: w2 } = play(['docker network disconnect bridge c1', 'docker network connect none c1'], world);
    expect(docker(w2, 'docker ps --format "{{.Networks}}"').output).toBe('none');
    expect(docker(w2, 'docker inspect -f "{{json .NetworkSettings.Networks}}" c1').output).toMatch(/^\{"none":\{/);
    expect(docker(w2, 'docker network inspect -f "{{range .Containers}}{{.Name}}{{end}}" none').output).toBe('c1');
    expect(docker(w2, 'docker network connect test c1')).toMatchObject({ output: PRIVATE, exitCode: 1 });
    expect(docker(w2, 'docker network connect none c1')).toMatchObject({
      output: 'Error response from daemon: endpoint with name c1 already exists in network none',
      exitCode: 1,
    });
  });
});
