import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, runLine, type Session } from '../../src/sim/console';
import {
  arpHolderIds,
  containerNamed,
  healthCheckedContainers,
  linkingIds,
  liveAddresses,
  produce,
  restartingContainers,
} from '../../src/sim/containerIndex';
import type { World } from '../../src/sim/model';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * The container indexes (src/sim/containerIndex.ts, issue 12) give what a full scan of
 * World.containers gives, after random command sequences, for the newest World and for every
 * earlier one asked again (the index moves back along the edges), and inside a recipe on a draft.
 */

const NAMES = ['web', 'db', 'api', 'cache'];
const NETS = ['n1', 'n2'];

const command = fc.oneof(
  fc
    .record({
      name: fc.constantFrom(...NAMES),
      net: fc.constantFrom('n1', 'n2', 'bridge'),
      restart: fc.constantFrom('', '--restart always ', '--restart on-failure:2 '),
      link: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
      oneShot: fc.boolean(),
      health: fc.constantFrom('', '--health-cmd "curl -f localhost" --health-interval 5s '),
    })
    .map(
      ({ name, net, restart, link, oneShot, health }) =>
        `docker run -d --name ${name} --network ${net} ${restart}${health}${link && net === 'bridge' ? `--link ${link} ` : ''}${oneShot ? 'alpine false' : 'nginx'}`,
    ),
  fc.record({ name: fc.constantFrom(...NAMES) }).map(({ name }) => `docker create --name ${name} nginx`),
  fc
    .tuple(fc.constantFrom('start', 'stop', 'restart', 'kill', 'rm -f'), fc.constantFrom(...NAMES))
    .map(([verb, name]) => `docker ${verb} ${name}`),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([from, to]) => `docker rename ${from} ${to}x`),
  fc
    .tuple(fc.constantFrom('connect', 'disconnect'), fc.constantFrom(...NETS), fc.constantFrom(...NAMES))
    .map(([verb, net, name]) => `docker network ${verb} ${net} ${name}`),
  fc.constantFrom('docker exec web ping -c 1 db', 'sleep 30'),
);

const scanNamed = (w: World, name: string) => Object.values(w.containers).find((c) => c.name === name)?.id;
const scanIps = (w: World, net: string) =>
  Object.values(w.containers)
    .flatMap((c) => c.endpoints.filter((e) => e.networkId === net && e.ip).map((e) => e.ip!))
    .sort();
const scanRestarting = (w: World) =>
  Object.values(w.containers)
    .filter((c) => c.restartLoop !== undefined)
    .map((c) => c.id);
const scanChecked = (w: World) =>
  Object.values(w.containers)
    .filter((c) => c.health || c.opts?.['health-cmd'])
    .map((c) => c.id);
const scanArp = (w: World, ip: string) =>
  Object.values(w.containers)
    .filter((c) => c.arp.some((e) => e.ip === ip))
    .map((c) => c.id);
const scanLinking = (w: World) =>
  Object.values(w.containers)
    .filter((c) => c.links?.length)
    .map((c) => c.id);

function agrees(w: World): void {
  const names = new Set([...NAMES, ...NAMES.map((n) => `${n}x`), ...Object.values(w.containers).map((c) => c.name)]);
  for (const name of names) expect(containerNamed(w, name)?.id).toBe(scanNamed(w, name));
  for (const net of Object.keys(w.networks))
    expect([...liveAddresses(w, net)].sort()).toEqual([...new Set(scanIps(w, net))]);
  expect(restartingContainers(w).map((c) => c.id)).toEqual(scanRestarting(w));
  expect(linkingIds(w)).toEqual(scanLinking(w));
  expect(healthCheckedContainers(w).map((c) => c.id)).toEqual(scanChecked(w));
  const ips = new Set(Object.values(w.containers).flatMap((c) => c.arp.map((e) => e.ip)));
  for (const ip of [...ips, '10.9.0.99']) expect(arpHolderIds(w, ip)).toEqual(scanArp(w, ip));
}

describe('container indexes agree with a full scan', () => {
  it('after random commands, for the newest World and every earlier one', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 25 }), (lines) => {
        let s: Session = createSession(createDefaultWorld());
        for (const l of ['docker network create n1', 'docker network create --subnet 10.9.0.0/24 n2'])
          s = runLine(s, l).session;
        const worlds: World[] = [s.world];
        for (const line of lines) {
          s = runLine(s, line).session;
          worlds.push(s.world);
          agrees(s.world);
        }
        // earlier Worlds again, oldest first, then newest: the index moves back and forth
        for (const w of [...worlds, ...worlds.reverse()]) agrees(w);
      }),
      { numRuns: 40 },
    );
  });

  it('inside a recipe, after the recipe changed containers', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 15 }), fc.nat(), (lines, pick) => {
        let s: Session = createSession(createDefaultWorld());
        for (const l of ['docker network create n1', ...lines]) s = runLine(s, l).session;
        agrees(s.world);
        const ids = Object.keys(s.world.containers);
        produce(s.world, (d) => {
          if (ids.length) {
            const id = ids[pick % ids.length];
            const c = d.containers[id];
            c.name = `renamed${pick % 3}`;
            for (const ep of c.endpoints) if (ep.ip) ep.ip = `10.250.0.${pick % 200}`;
            if (pick % 2) delete d.containers[ids[(pick + 1) % ids.length]];
          }
          // the indexes first (reading every container through the draft would mark all of them touched)
          const names = [...NAMES, ...NAMES.map((n) => `${n}x`), 'renamed0', 'renamed1', 'renamed2'];
          const nets = Object.keys(s.world.networks);
          const named = names.map((name) => containerNamed(d as World, name)?.id);
          const ips = nets.map((net) => [...liveAddresses(d as World, net)].sort());
          const linking = linkingIds(d as World);
          // then a full scan of the record as the recipe sees it
          const snap = { ...s.world, containers: { ...d.containers }, networks: s.world.networks } as World;
          expect(named).toEqual(names.map((name) => scanNamed(snap, name)));
          expect(ips).toEqual(nets.map((net) => [...new Set(scanIps(snap, net))]));
          expect(linking).toEqual(scanLinking(snap));
        });
      }),
      { numRuns: 40 },
    );
  });
});
