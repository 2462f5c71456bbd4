import { describe, expect, test } from 'vitest';
import { runLine, runScript } from '../../../src/sim/console';
import type { TableChange, World } from '../../../src/sim/model';
import { sceneById } from '../../../src/sim/scenes';
import { stackOf } from '../../../src/sim/stack';
import { createDefaultWorld } from '../../../src/sim/world';
import { entryKey, natLineHot } from '../../../src/ui/panels/stepFlash';

const NAT = sceneById('nat-portfwd')!;

/** Every table change of every packet of the seed-000 lesson, with the World after it. */
function changes(): { c: TableChange; world: World }[] {
  const { session } = runScript(createDefaultWorld(), `${NAT.script.join('\n')}\n`);
  return NAT.packets.flatMap((p) => {
    const r = runLine(session, p.line);
    return (r.trace?.steps ?? []).flatMap((s) => s.changes.map((c) => ({ c, world: r.session.world })));
  });
}

const natLines = (world: World, id: string) =>
  runLine({ world, stack: [{ kind: 'machine', id }] } as never, 'iptables -t nat -S').output.split('\n');

describe('step flash: NAT, route and DNS changes meet what the Inspector shows', () => {
  const all = changes();

  test('each NAT change marks exactly the iptables rule it used', () => {
    const hot = (on: string, rule: string) =>
      all.filter(({ c }) => c.table === 'nat' && c.on === on && (c.entry as { rule: string }).rule === rule);
    const dnat = hot('docker-host', 'DNAT')[0];
    const lines = (x: { c: TableChange; world: World }) =>
      natLines(x.world, x.c.on).filter(natLineHot(new Set([entryKey('nat', x.c.entry)])));
    expect(lines(dnat)).toEqual([
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8001 -j DNAT --to-destination 172.17.0.2:80',
    ]);
    expect(lines(hot('router', 'port-forward')[0])).toEqual([
      '-A PREROUTING -i wan0 -p tcp -m tcp --dport 80 -j DNAT --to-destination 192.168.0.10:8001',
    ]);
    expect(lines(hot('docker-host', 'MASQUERADE')[0])).toEqual([
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
    ]);
    expect(lines(hot('router', 'MASQUERADE')[0])).toEqual(['-A POSTROUTING -o wan0 -j MASQUERADE']);
    for (const x of all.filter(({ c }) => c.table === 'nat')) expect(lines(x), JSON.stringify(x.c)).toHaveLength(1);
  });

  test('each route change is a row of its machine’s routes; each DNS answer a zone row or a forwarder’s resolv.conf', () => {
    const routes = all.filter(({ c }) => c.table === 'route');
    const dns = all.filter(({ c }) => c.table === 'dns');
    expect(routes.length).toBeGreaterThan(5);
    expect(dns.map(({ c }) => c.on).sort()).toEqual(['dns', 'router']);
    for (const { c, world } of routes) {
      const stack = stackOf(world, { kind: 'machine', id: c.on })!;
      expect(stack.routes.map((r) => entryKey('route', r))).toContain(entryKey('route', c.entry));
    }
    for (const { c, world } of dns) {
      const m = world.machines[c.on];
      if (Object.keys(m.zone).length) expect(Object.keys(m.zone)).toContain(entryKey('dns', c.entry));
      else expect(m.nameservers.length).toBeGreaterThan(0);
    }
  });
});
