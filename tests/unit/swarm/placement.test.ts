import { describe, expect, it } from 'vitest';
import { createDefaultWorld } from '../../../src/sim/world';
import { dockerOn, session, swarmOfHosts, withHost } from './helpers';

/**
 * swarmkit's scheduler filters (manager/scheduler/filter.go) as `service create` flags and `swarm
 * init/join --availability` make them: a task no node passes stays Pending with Pipeline.Explain's
 * words, and is placed once a node that fits joins.
 */

const ps = (world: Parameters<typeof dockerOn>[0], svc: string) =>
  dockerOn(
    world,
    'docker-host',
    `docker service ps ${svc} --no-trunc --format '{{.Name}} {{.Node}} {{.CurrentState}} {{.Error}}'`,
  )
    .output.split('\n')
    .map((l) => l.replace(/ \d+ seconds? ago| less than a second ago/, ''));

describe('placement', () => {
  it('--availability drain on init: a replicated service waits Pending, node ls says Drain', () => {
    const { world, outs } = session([
      'docker swarm init --availability drain',
      'docker service create --name web --replicas 2 nginx',
    ]);
    expect(outs[1].output.split('\n').slice(1, 4)).toEqual([
      'overall progress: 0 out of 2 tasks ',
      '1/2: no suitable node (1 node not available for new tasks) ',
      '2/2: no suitable node (1 node not available for new tasks) ',
    ]);
    expect(ps(world, 'web')).toEqual([
      'web.1  Pending "no suitable node (1 node not available for new tasks)"',
      'web.2  Pending "no suitable node (1 node not available for new tasks)"',
    ]);
    expect(dockerOn(world, 'docker-host', 'docker node ls --format "{{.Availability}}"').output).toBe('Drain');
    expect(dockerOn(world, 'docker-host', 'docker service ls --format "{{.Replicas}}"').output).toBe('0/2');
    expect(dockerOn(world, 'docker-host', 'docker swarm init --availability bogus').output).toBe(
      'invalid availability "bogus", only active, pause and drain are supported',
    );
  });

  it('a host-mode published port takes the node: a second replica on a one-node swarm is Pending', () => {
    const { world } = session([
      'docker swarm init',
      'docker service create -d --name hp --replicas 2 --publish mode=host,published=8080,target=80 nginx',
    ]);
    expect(ps(world, 'hp')).toEqual([
      'hp.1 docker-host Running ',
      'hp.2  Pending "no suitable node (host-mode port already in use on 1 node)"',
    ]);
  });

  it('constraints and max replicas per node pick the nodes; a worker joining takes the Pending task', () => {
    const base = dockerOn(
      withHost(createDefaultWorld(), 'docker-host-2', '192.168.0.11'),
      'docker-host',
      'docker swarm init',
    ).world;
    const { world } = session(
      [
        'docker service create -d --name w --constraint node.role==worker nginx',
        'docker service create -d --name m --replicas 2 --replicas-max-per-node 1 nginx',
        'docker service create -d --name h --constraint node.hostname!=docker-host nginx',
      ],
      base,
    );
    expect(ps(world, 'w')).toEqual([
      'w.1  Pending "no suitable node (scheduling constraints not satisfied on 1 node)"',
    ]);
    expect(ps(world, 'm')).toEqual([
      'm.1 docker-host Running ',
      'm.2  Pending "no suitable node (max replicas per node limit exceed)"',
    ]);
    const token = dockerOn(world, 'docker-host', 'docker swarm join-token -q worker').output;
    const joined = dockerOn(world, 'docker-host-2', `docker swarm join --token ${token} 192.168.0.10:2377`).world;
    expect(ps(joined, 'w')).toEqual(['w.1 docker-host-2 Running ']);
    expect(ps(joined, 'm')).toEqual(['m.1 docker-host Running ', 'm.2 docker-host-2 Running ']);
    expect(ps(joined, 'h')).toEqual(['h.1 docker-host-2 Running ']);
    // the task container exists on the node it was placed on
    expect(dockerOn(joined, 'docker-host-2', 'docker ps --format "{{.Names}}"').output).toMatch(/^w\.1\./m);
  });

  it('a global service runs only where its constraints hold', () => {
    const world = swarmOfHosts(2);
    const r = dockerOn(
      world,
      'docker-host',
      'docker service create -d --name g --mode global --constraint node.role==worker nginx',
    );
    expect(ps(r.world, 'g').map((l) => l.replace(/^g\.\w+ /, 'g '))).toEqual(['g docker-host-2 Running ']);
  });

  it('no reason is given twice and the most frequent comes first', () => {
    const world = swarmOfHosts(3);
    const r = dockerOn(world, 'docker-host', 'docker service create -d --name x --constraint node.role==nothing nginx');
    expect(ps(r.world, 'x')).toEqual([
      'x.1  Pending "no suitable node (scheduling constraints not satisfied on 3 nodes)"',
    ]);
  });
});
