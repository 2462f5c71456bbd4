import { describe, expect, it } from 'vitest';
import { worldProblem } from '../../../src/io/worldSchema';
import { steps } from '../compose/helpers';

/**
 * `--network container:X` joins X's namespace as it is at start (issue 13, lifecycles). When X
 * starts again it gets a new namespace; the sharer keeps the old one, emptied of X's interfaces,
 * until it is restarted (moby daemon/container_operations.go: the join happens in the sharer's
 * start only). Its /etc/hosts and resolv.conf stay X's files, which Docker shares by path.
 */
describe('--network container:X across X stopping and starting', () => {
  const { r, session } = steps([
    'docker run -d --name web nginx',
    'docker run -d --name side --network container:web nicolaka/netshoot sleep infinity',
    'docker exec side ip -br addr',
    'docker stop web',
    'docker exec side ip -br addr',
    'docker start web',
    'docker exec side ip -br addr',
    'docker exec side curl -s -m 1 localhost',
    'docker exec side ping -c 1 -W 1 172.17.0.1',
    'docker exec side cat /etc/hosts',
    'docker restart side',
    'docker exec side ip -br addr',
    'docker exec side curl -s -o /dev/null -w "%{http_code}" localhost',
  ]);

  it('shares X’s eth0 while X runs; X stopped leaves it lo only', () => {
    expect(r[2].output).toContain('eth0@if');
    expect(r[4].output.trim()).toBe('lo               UNKNOWN        127.0.0.1/8 ::1/128');
  });

  it('after X starts again the sharer still holds the old namespace: lo only, no nginx, no route', () => {
    expect(r[6].output.trim()).toBe('lo               UNKNOWN        127.0.0.1/8 ::1/128');
    expect(r[7].exitCode).toBe(7); // curl: connection refused on its own loopback
    expect(r[8].output).toBe('ping: connect: Network is unreachable');
    // the files are web's, by path
    expect(r[9].output).toContain(
      `172.17.0.2\t${session.world.containers[Object.keys(session.world.containers)[0]].hostname}`,
    );
  });

  it('restarting the sharer joins X’s current namespace again', () => {
    expect(r[11].output).toContain('eth0@if');
    expect(r[12].output).toBe('200');
  });

  it('the join is saved with the World and a save without it still opens', () => {
    const w = session.world;
    const side = Object.values(w.containers).find((c) => c.name === 'side')!;
    expect(side.joinedNetns).toBe(Object.values(w.containers).find((c) => c.name === 'web')!.startedAt);
    expect(worldProblem(JSON.parse(JSON.stringify(w)))).toBeNull();
    const old = JSON.parse(JSON.stringify(w));
    for (const c of Object.values(old.containers) as { joinedNetns?: number }[]) delete c.joinedNetns;
    expect(worldProblem(old)).toBeNull();
  });
});

/**
 * Legacy links write the child's address into the parent's /etc/hosts at the parent's start, and
 * rewrite it in running parents when the child starts again (libnetwork updateParentHosts); a
 * child that stops leaves the line behind, so the name still resolves to its old address.
 */
describe('--link when the linked container stops and starts', () => {
  const { r } = steps([
    'docker run -d --name db redis',
    'docker run -d --name app --link db:database nicolaka/netshoot sleep infinity',
    'docker exec app getent hosts database',
    'docker stop db',
    'docker exec app getent hosts database',
    'docker exec app ping -c 1 -W 1 database',
    'docker run -d --name other nginx',
    'docker start db',
    'docker exec app getent hosts database',
    'docker exec app cat /etc/hosts',
  ]);
  it('the line stays when db stops: the name resolves to the address db no longer has', () => {
    expect(r[2].output).toMatch(/^172\.17\.0\.2 +database$/);
    expect(r[4].output).toBe(r[2].output);
    expect(r[5].exitCode).toBe(1);
    expect(r[5].output).toContain('1 packets transmitted, 0 received');
  });
  it('db starting again (now at .4: .2 went to other) rewrites the running parent’s line', () => {
    expect(r[8].output).toMatch(/^172\.17\.0\.4 +database$/);
    expect(r[9].output.split('\n').filter((l) => l.includes('database'))).toEqual([
      expect.stringMatching(/^172\.17\.0\.4\tdatabase [0-9a-f]{12} db$/),
    ]);
  });
});
