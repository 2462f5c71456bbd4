import { describe, expect, it } from 'vitest';
import { createSession, runLine, type Session } from '../../../src/sim/console';
import { produce } from '../../../src/sim/containerIndex';
import type { Trace, World } from '../../../src/sim/model';
import { neighState } from '../../../src/sim/net/ageing';
import { tablesAt } from '../../../src/sim/net/tablesAt';
import { ALL_PROTOCOLS, prevVisible } from '../../../src/sim/playback/filters';
import { SCENES, sceneById, sceneWorld } from '../../../src/sim/scenes';
import { createDefaultWorld } from '../../../src/sim/world';
import { tablesView } from '../../../src/store/tablesView';
import { setup } from './helpers';

/** Runs `line` on `s`: the World before, the trace, the World after. */
function send(s: Session, line: string): { before: World; trace: Trace; after: World } {
  const r = runLine(s, line);
  if (!r.trace) throw new Error(`no trace: ${line}\n${r.output}`);
  return { before: s.world, trace: r.trace, after: r.session.world };
}

const ips = (w: World, key: string) =>
  (w.machines[key]?.arp ?? w.containers[key.replace(/^ctr:/, '')]?.arp ?? []).map((e) => `${e.ip} ${e.dev}`);
const ctRows = (w: World, id: string) =>
  w.machines[id].conntrack.map(
    (e) => `${e.proto} ${e.orig.src}:${e.orig.sport}>${e.orig.dst}:${e.orig.dport} ${e.state}`,
  );

describe('tablesAt: the tables as of one playback step', () => {
  it('first ping: ARP empty until the reply is learned, the bridge learns the MAC at its step', () => {
    const started = setup(['docker run -d --name web nginx']);
    // the bridge learned web's MAC from its unsolicited ARPs at start (net/garp.ts); emptied here,
    // as 300 s of ageing would, so the ping teaches it again
    expect(Object.values(started.world.networks).find((n) => n.name === 'bridge')!.fdb).toHaveLength(1);
    const s = createSession(
      produce(started.world, (d) => {
        for (const n of Object.values(d.networks)) n.fdb = [];
      }),
    );
    const { before, trace, after } = send(s, 'ping -c 1 172.17.0.2');
    const web = Object.values(after.containers)[0];
    const net = web.endpoints[0].networkId;
    const learn = trace.steps.findIndex((x) => x.action === 'arp-learn');
    const reply = trace.steps.findIndex((x) => x.action === 'arp-reply');
    const fdbLearn = trace.steps.findIndex((x) => x.action === 'fdb-learn');
    expect([reply, fdbLearn, learn].every((i) => i > 0)).toBe(true);
    expect(ips(before, 'docker-host')).toEqual([]);
    expect(ips(after, 'docker-host')).toEqual(['172.17.0.2 docker0']);

    expect(ips(tablesAt(before, after, trace.steps, -1), 'docker-host')).toEqual([]);
    expect(ips(tablesAt(before, after, trace.steps, 0), 'docker-host')).toEqual([]);
    expect(ips(tablesAt(before, after, trace.steps, learn - 1), 'docker-host')).toEqual([]);
    const atLearn = tablesAt(before, after, trace.steps, learn);
    expect(atLearn.machines['docker-host'].arp).toEqual([
      { ip: '172.17.0.2', mac: web.endpoints[0].mac, dev: 'docker0', state: 'REACHABLE', at: expect.any(Number) },
    ]);
    expect(atLearn.machines['docker-host'].arp).toEqual(after.machines['docker-host'].arp);
    // the container learns the gateway from the request, at the step it answers
    expect(ips(tablesAt(before, after, trace.steps, reply - 1), web.id)).toEqual([]);
    expect(ips(tablesAt(before, after, trace.steps, reply), web.id)).toEqual(['172.17.0.1 eth0']);
    expect(tablesAt(before, after, trace.steps, fdbLearn - 1).networks[net].fdb).toEqual([]);
    expect(tablesAt(before, after, trace.steps, fdbLearn).networks[net].fdb).toEqual([
      { mac: web.endpoints[0].mac, port: web.endpoints[0].veth, at: expect.any(Number) },
    ]);
    // machines the ping never reached keep their very tables
    expect(atLearn.machines.pc1.arp).toBe(after.machines.pc1.arp);
  });

  it('port-forward curl: each conntrack row appears at its conntrack-new step, SYN_SENT until the answer', () => {
    let s = createSession(createDefaultWorld());
    for (const l of sceneById('nat-portfwd')!.script) s = runLine(s, l).session;
    const { before, trace, after } = send(s, '@remote curl -s http://124.111.46.91/');
    const news = trace.steps.flatMap((x, i) =>
      x.action === 'conntrack-new' ? [[i, (x.at as { node: string }).node]] : [],
    );
    expect(news.map(([, on]) => on)).toEqual(['router', 'docker-host']);
    const [[onRouter], [onHost]] = news as [number, string][];
    const dnat = trace.steps.findIndex((x, i) => i > onRouter && x.action === 'dnat');
    expect(dnat).toBeLessThan(onHost);
    // the DNAT step on docker-host: the SYN is still on its way in, no entry yet
    const atDnat = tablesAt(before, after, trace.steps, dnat);
    expect(ctRows(atDnat, 'docker-host')).toEqual([]);
    expect(ctRows(atDnat, 'router')).toEqual(['tcp 203.0.113.50:36774>124.111.46.91:80 SYN_SENT']);
    expect(ctRows(tablesAt(before, after, trace.steps, onHost), 'docker-host')).toEqual([
      'tcp 203.0.113.50:36774>192.168.0.10:8001 SYN_SENT',
    ]);
    // later segments update the same row (no duplicate); the close is recorded on the last step
    const last = trace.steps.length - 1;
    expect(ctRows(tablesAt(before, after, trace.steps, last - 1), 'docker-host')).toEqual([
      'tcp 203.0.113.50:36774>192.168.0.10:8001 ESTABLISHED',
    ]);
    expect(ctRows(after, 'docker-host')).toEqual(['tcp 203.0.113.50:36774>192.168.0.10:8001 TIME_WAIT']);
    expect(tablesAt(before, after, trace.steps, last).machines['docker-host'].conntrack).toEqual(
      after.machines['docker-host'].conntrack,
    );
  });

  it('a new flow goes on top; expired rows are gone once the command reads the table', () => {
    const s0 = setup(['docker run -d -p 8001:80 --name web nginx', '@pc1 curl -s 192.168.0.10:8001']);
    const s1 = runLine(s0, 'ping -c 1 172.17.0.2');
    const { before, trace, after } = send(s1.session, '@pc1 curl -s 192.168.0.10:8001');
    expect(ctRows(before, 'docker-host').map((r) => r.split(' ')[0])).toEqual(['icmp', 'tcp']);
    const added = trace.steps.findIndex((x) => x.changes.some((c) => c.table === 'conntrack' && c.kind === 'add'));
    const rows = ctRows(tablesAt(before, after, trace.steps, added), 'docker-host');
    expect(rows[0]).toMatch(/^tcp 192\.168\.0\.20:\d+>192\.168\.0\.10:8001 SYN_SENT$/);
    expect(rows.slice(1).map((r) => r.split(' ')[0])).toEqual(['icmp', 'tcp']);

    const old = runLine(s0, 'sleep 2m').session;
    const late = send(old, 'ping -c 1 172.17.0.2');
    expect(late.before.machines['docker-host'].conntrack).toHaveLength(1);
    const first = late.trace.steps.findIndex((x) => x.changes.some((c) => c.table === 'conntrack'));
    expect(ctRows(tablesAt(late.before, late.after, late.trace.steps, first - 1), 'docker-host')).toHaveLength(1);
    expect(ctRows(tablesAt(late.before, late.after, late.trace.steps, first), 'docker-host')).toEqual([
      expect.stringMatching(/^icmp 172\.17\.0\.1/),
    ]);
  });

  // the step that uses a STALE entry puts it in DELAY (neigh_event_send); it asserted REACHABLE before
  it("the step's clock: a STALE neighbour reads STALE until the step that uses it puts it in DELAY", () => {
    const s0 = setup(['docker run -d --name web nginx', 'ping -c 1 172.17.0.2', 'sleep 30']);
    const { before, trace, after } = send(s0, 'ping -c 1 172.17.0.2');
    const state = (w: World) => w.machines['docker-host'].arp.map((e) => neighState(e, w.clock));
    expect(tablesAt(before, after, trace.steps, -1).clock).toBe(before.clock);
    expect(state(tablesAt(before, after, trace.steps, -1))).toEqual(['STALE']);
    const hit = trace.steps.findIndex((x) => x.action === 'arp-hit');
    expect(hit).toBeGreaterThan(0);
    expect(state(tablesAt(before, after, trace.steps, hit - 1))).toEqual(['STALE']);
    expect(state(tablesAt(before, after, trace.steps, hit))).toEqual(['DELAY']);
    expect(tablesAt(before, after, trace.steps, trace.steps.length - 1).clock).toBeLessThanOrEqual(after.clock);
  });

  it('every lesson packet: at its last step the ARP, FDB and conntrack rows are the World after', () => {
    let checked = 0;
    for (const scene of SCENES) {
      let s = createSession(sceneWorld(scene));
      for (const l of scene.script) s = runLine(s, l).session;
      for (const p of scene.packets) {
        const { before, trace, after } = send(s, p.line);
        const w = tablesAt(before, after, trace.steps, trace.steps.length - 1);
        for (const id of Object.keys(after.machines)) {
          expect(w.machines[id].arp, `${p.id} ${id}`).toEqual(after.machines[id].arp);
          // ctFinish sets the final TCP state without a step: compare the flows, not their state
          const flows = (x: World) => x.machines[id].conntrack.map((e) => JSON.stringify([e.proto, e.orig, e.reply]));
          expect(flows(w), `${p.id} ${id}`).toEqual(flows(after));
        }
        for (const id of Object.keys(after.containers))
          expect(w.containers[id].arp, `${p.id} ${id}`).toEqual(after.containers[id].arp);
        // an overlay's br0 FDB is programmed from the swarm's gossip, and the World keeps no rows for
        // it; the encapsulation step shows the row it uses (a hit), so replay shows it: not compared
        for (const id of Object.keys(after.networks))
          if (after.networks[id].scope !== 'swarm')
            expect(w.networks[id].fdb, `${p.id} ${id}`).toEqual(after.networks[id].fdb);
        checked++;
        s = runLine(s, p.line).session;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});

describe('tablesView: which World the Inspector tables read', () => {
  const s = setup(['docker run -d --name web nginx']);
  const { before, trace, after } = send(s, 'ping -c 1 172.17.0.2');
  const worlds = { before, after };
  const learn = trace.steps.findIndex((x) => x.action === 'arp-learn');
  const last = trace.steps.length - 1;

  it('as of the cursor while playing back, the live World at the end or without a trace', () => {
    expect(tablesView(after, trace, worlds, learn - 1, ALL_PROTOCOLS).step).toBe(learn - 1);
    expect(ips(tablesView(after, trace, worlds, learn - 1, ALL_PROTOCOLS).world, 'docker-host')).toEqual([]);
    expect(ips(tablesView(after, trace, worlds, learn, ALL_PROTOCOLS).world, 'docker-host')).toHaveLength(1);
    expect(tablesView(after, trace, worlds, -1, ALL_PROTOCOLS)).toMatchObject({ step: -1 });
    expect(tablesView(after, trace, worlds, last, ALL_PROTOCOLS)).toEqual({ world: after, step: null });
    expect(tablesView(after, null, null, -1, ALL_PROTOCOLS)).toEqual({ world: after, step: null });
    expect(tablesView(after, trace, null, 3, ALL_PROTOCOLS)).toEqual({ world: after, step: null });
  });

  it('the live World once it moved on (another command, undo) even with the trace still loaded', () => {
    const next = runLine(createSession(after), 'docker run -d --name two nginx').session.world;
    expect(tablesView(next, trace, worlds, 2, ALL_PROTOCOLS)).toEqual({ world: next, step: null });
    expect(tablesView(before, trace, worlds, 2, ALL_PROTOCOLS)).toEqual({ world: before, step: null });
  });

  it('the last shown step counts as the end when later steps are filtered out', () => {
    const noIcmp = { ...ALL_PROTOCOLS, icmp: false };
    const visible = trace.steps
      .map((_, i) => i)
      .filter((i) => tablesView(after, trace, worlds, i, noIcmp).step === null);
    // the ARP exchange is the last shown: from its last step on, the tables are the live World's
    const lastShown = prevVisible(trace.steps, trace.steps.length, noIcmp);
    expect(lastShown).toBeLessThan(last);
    expect(visible[0]).toBe(lastShown);
  });
});
