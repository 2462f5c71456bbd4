import { describe, expect, test } from 'vitest';
import { createSession, runLine } from '../../../src/sim/console';
import { stackOf } from '../../../src/sim/stack';
import { createDefaultWorld } from '../../../src/sim/world';
import { entryKey, hotKeys, nodeLabel } from '../../../src/ui/panels/stepFlash';

function pinged() {
  let s = createSession(createDefaultWorld());
  for (const l of [
    'docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge',
    'docker run -dit --network second-bridge --name containerA devwikirepo/pingbuntu',
    'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
  ])
    s = runLine(s, l).session;
  const r = runLine(s, 'docker exec containerA ping -c 1 containerB');
  expect(r.exitCode).toBe(0);
  return { world: r.session.world, trace: r.trace! };
}

describe('step flash', () => {
  test('every ARP and FDB change of the seed-004 ping matches a row the Inspector shows', () => {
    const { world, trace } = pinged();
    let matched = 0;
    for (const step of trace.steps)
      for (const c of step.changes) {
        if (c.table === 'arp' && c.on.startsWith('ctr:')) {
          const stack = stackOf(world, { kind: 'container', id: c.on.slice(4) });
          const keys = stack!.arp.map((a) => entryKey('arp', a));
          expect(keys, JSON.stringify(c.entry)).toContain(entryKey('arp', c.entry));
          matched++;
        }
        if (c.table === 'fdb') {
          const net = world.networks[c.on.slice(4)];
          expect(net.fdb.map((f) => entryKey('fdb', f))).toContain(entryKey('fdb', c.entry));
          matched++;
        }
      }
    expect(matched).toBeGreaterThan(4);
  });

  test('hotKeys keeps only the changes on the given node, by table', () => {
    const changes = [
      { on: 'ctr:a', table: 'arp' as const, kind: 'add' as const, entry: { ip: '10.0.0.3', mac: 'x', dev: 'eth0' } },
      { on: 'net:n', table: 'fdb' as const, kind: 'add' as const, entry: { mac: 'AA:BB', port: 'veth1' } },
    ];
    expect([...(hotKeys(changes, 'ctr:a').get('arp') ?? [])]).toEqual(['10.0.0.3']);
    expect(hotKeys(changes, 'ctr:a').has('fdb')).toBe(false);
    expect([...(hotKeys(changes, 'net:n').get('fdb') ?? [])]).toEqual(['aa:bb']);
    expect(hotKeys(changes, null).size).toBe(0);
  });

  test('conntrack rows match on the original tuple; DNS on the name', () => {
    const ct = { proto: 'icmp', orig: { src: '10.0.0.2', dst: '10.0.0.3', sport: 7, dport: 7 }, reply: {} };
    expect(entryKey('conntrack', ct)).toBe('icmp|10.0.0.2|10.0.0.3|7|7');
    expect(entryKey('dns', { name: 'ContainerB', answer: ['10.0.0.3'] })).toBe('containerb');
  });

  test('node labels are what a person reads on the canvas', () => {
    const { world } = pinged();
    const a = Object.values(world.containers).find((c) => c.name === 'containerA')!;
    const n = Object.values(world.networks).find((x) => x.name === 'second-bridge')!;
    expect(nodeLabel(world, `ctr:${a.id}`)).toBe('containerA');
    expect(nodeLabel(world, `net:${n.id}`)).toBe(`second-bridge (${n.bridge})`);
    expect(nodeLabel(world, 'pc1')).toBe('pc1');
  });
});
