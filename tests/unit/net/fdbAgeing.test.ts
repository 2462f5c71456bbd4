import { describe, expect, it } from 'vitest';
import { worldRefusal } from '../../../src/io/worldSchema';
import type { Session } from '../../../src/sim/console';
import { createSession } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { FDB_AGEING_MS, liveFdb } from '../../../src/sim/net/ageing';
import { tablesAt } from '../../../src/sim/net/tablesAt';
import { keys, run, setup } from './helpers';

/**
 * A Linux bridge forgets a learned MAC that no frame has come from for its ageing_time
 * (BR_DEFAULT_AGEING_TIME, 300 s: net/bridge/br_private.h; Docker does not change it for its
 * bridges, libnetwork/drivers/bridge/setup_device_linux.go): br_fdb_cleanup deletes the entry,
 * `bridge fdb show` stops listing it, and a frame to the MAC is flooded again until the MAC is
 * heard once more. Every frame from the MAC refreshes the entry (br_fdb_update).
 */
const ctr = (s: Session, name: string) => Object.values(s.world.containers).find((c) => c.name === name)!;
const learned = (s: Session, br: string) =>
  run(s, `bridge fdb show br ${br}`)
    .output.split('\n')
    .filter((l) => l.endsWith(` master ${br} `));

const base = [
  'docker network create --subnet 10.0.0.0/24 n1',
  'docker run -d --name aa1 --network n1 nicolaka/netshoot sleep infinity',
  'docker run -d --name bb1 --network n1 nicolaka/netshoot sleep infinity',
  'docker exec aa1 ping -c 1 10.0.0.3',
];
const bridgeOf = (s: Session) => Object.values(s.world.networks).find((n) => n.name === 'n1')!.bridge!;

describe('bridge FDB ageing (300 s)', () => {
  it('bridge fdb show lists both MACs after a ping, still at 299 s, and neither once 300 s pass unheard', () => {
    let s = setup(base);
    const br = bridgeOf(s);
    const a = ctr(s, 'aa1').endpoints[0];
    const b = ctr(s, 'bb1').endpoints[0];
    expect(learned(s, br).sort()).toEqual(
      [`${a.mac} dev ${a.veth} master ${br} `, `${b.mac} dev ${b.veth} master ${br} `].sort(),
    );
    const ats = s.world.networks[a.networkId].fdb.map((e) => e.at!);
    s = run(s, 'sleep 290').session;
    expect(s.world.clock).toBeLessThan(Math.min(...ats) + FDB_AGEING_MS);
    expect(learned(s, br)).toHaveLength(2);
    s = run(s, 'sleep 10').session;
    expect(s.world.clock).toBeGreaterThanOrEqual(Math.max(...ats) + FDB_AGEING_MS);
    expect(learned(s, br)).toEqual([]);
    // the ports' own permanent entries stay
    expect(run(s, `bridge fdb show br ${br}`).output).toContain(` dev ${a.veth} master ${br} permanent`);
  });

  it('liveFdb: an entry is listed until 300 s after it was last heard, to the millisecond', () => {
    const e = { mac: '02:42:ac:11:00:02', port: 'veth1', at: 5_000 };
    expect(liveFdb([e], 5_000 + FDB_AGEING_MS - 1)).toEqual([e]);
    expect(liveFdb([e], 5_000 + FDB_AGEING_MS)).toEqual([]);
    expect(liveFdb([{ mac: e.mac, port: e.port }], 10 * FDB_AGEING_MS)).toHaveLength(1);
  });

  it('a frame to an aged-out MAC is flooded again, and the next one is forwarded by the relearned entry', () => {
    let s = setup([...base, 'sleep 400']);
    const r = run(s, 'docker exec aa1 ping -c 1 10.0.0.3');
    expect(r.output).toContain('1 received');
    // the ARP entry is STALE by now: the echo goes unicast to the old MAC, which the bridge no longer knows
    expect(keys(r.trace)).toContain('bridge.flood-unknown');
    expect(keys(r.trace)).not.toContain('bridge.forward-known');
    s = r.session;
    const again = run(s, 'docker exec aa1 ping -c 1 10.0.0.3');
    expect(keys(again.trace)).toContain('bridge.forward-known');
    expect(keys(again.trace)).not.toContain('bridge.flood-unknown');
  });

  it('each frame from the MAC refreshes its entry: pinging every 200 s keeps both listed', () => {
    let s = setup(base);
    const br = bridgeOf(s);
    for (let i = 0; i < 3; i++) {
      s = run(s, 'sleep 200').session;
      s = run(s, 'docker exec aa1 ping -c 1 10.0.0.3').session;
    }
    s = run(s, 'sleep 200').session;
    expect(learned(s, br)).toHaveLength(2);
  });

  it('the playback tables and the Inspector read only live entries (tablesAt at the command’s start)', () => {
    const s = setup([...base, 'sleep 400']);
    const r = run(s, 'docker exec aa1 ping -c 1 10.0.0.3');
    const net = ctr(s, 'aa1').endpoints[0].networkId;
    expect(s.world.networks[net].fdb).toHaveLength(2); // still stored, aged out
    expect(liveFdb(s.world.networks[net].fdb, s.world.clock)).toEqual([]);
    expect(tablesAt(s.world, r.session.world, r.trace!.steps, -1).networks[net].fdb).toEqual([]);
    // the command dropped the aged entries and learned afresh
    expect(r.session.world.networks[net].fdb.every((e) => e.at! >= s.world.clock)).toBe(true);
  });

  it('a save from before (entries without a time) opens, and its entries never age', () => {
    const s = setup(base);
    const net = ctr(s, 'aa1').endpoints[0].networkId;
    const old: World = JSON.parse(JSON.stringify(s.world));
    for (const e of old.networks[net].fdb) delete e.at;
    expect(worldRefusal(old)).toBeNull();
    let t = createSession(old);
    t = run(t, 'sleep 1000').session;
    expect(learned(t, bridgeOf(t))).toHaveLength(2);
    // a tampered time is refused with the field named
    const bad = JSON.parse(JSON.stringify(s.world));
    bad.networks[net].fdb[0].at = 'soon';
    expect(worldRefusal(bad)).not.toBeNull();
  });
});
