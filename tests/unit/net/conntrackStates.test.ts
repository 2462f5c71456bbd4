import { describe, expect, it } from 'vitest';
import { runLine, type Session } from '../../../src/sim/console';
import type { ConntrackEntry, Step, Trace, World } from '../../../src/sim/model';
import { tablesAt } from '../../../src/sim/net/tablesAt';
import { sceneById } from '../../../src/sim/scenes';
import { setup } from './helpers';

/**
 * nf_conntrack_proto_tcp.c moves a TCP flow through its states as the segments pass, each with
 * its own timeout (SYN_SENT 120 s, SYN_RECV 60 s, ESTABLISHED 5 days, TIME_WAIT 120 s, CLOSE
 * 10 s), [ASSURED] once the handshake completes. Playback shows the table as of each step.
 */

function send(s: Session, line: string): { before: World; trace: Trace; after: World; session: Session } {
  const r = runLine(s, line);
  if (!r.trace) throw new Error(`no trace: ${line}\n${r.output}`);
  return { before: s.world, trace: r.trace, after: r.session.world, session: r.session };
}

/** "STATE timeout [ASSURED]" of each row on `machine` as of step `i`. */
function rowsAt(t: ReturnType<typeof send>, machine: string, i: number): string[] {
  return tablesAt(t.before, t.after, t.trace.steps, i).machines[machine].conntrack.map(
    (e: ConntrackEntry) => `${e.state} ${e.timeout}${e.assured ? ' [ASSURED]' : ''}`,
  );
}

/** The first step from `from` on at `node` doing `action` on a segment with `flags`. */
function find(steps: Step[], node: string, action: string, flags: string, from = 0): number {
  const i = steps.findIndex(
    (x, j) => j >= from && 'node' in x.at && x.at.node === node && x.action === action && x.frame.l4?.flags === flags,
  );
  if (i < 0) throw new Error(`no ${action} ${flags} at ${node}`);
  return i;
}

const ctKinds = (st: Step) => st.changes.filter((c) => c.table === 'conntrack').map((c) => `${c.on} ${c.kind}`);

describe('conntrack TCP states during playback', () => {
  it('pc1 curl to a published port: SYN_SENT, SYN_RECV, ESTABLISHED [ASSURED], TIME_WAIT at the end', () => {
    const s = setup(['docker run -d --name web -p 8001:80 nginx']);
    const t = send(s, '@pc1 curl 192.168.0.10:8001');
    const steps = t.trace.steps;
    const syn = find(steps, 'docker-host', 'conntrack-new', 'SYN');
    // conntrack sees the answer in PREROUTING; its un-DNAT comes later, in POSTROUTING
    const synAck = find(steps, 'docker-host', 'conntrack-hit', 'SYN,ACK');
    expect(find(steps, 'docker-host', 'un-nat', 'SYN,ACK')).toBeGreaterThan(
      find(steps, 'docker-host', 'route', 'SYN,ACK'),
    );
    // the client's first data segment carries the ACK that completes the handshake
    const req = find(steps, 'docker-host', 'dnat', 'PSH,ACK');
    const answer = find(steps, 'docker-host', 'conntrack-hit', 'PSH,ACK', req);
    const last = steps.length - 1;
    expect(syn < synAck && synAck < req && req < answer && answer < last).toBe(true);

    expect(rowsAt(t, 'docker-host', syn - 1)).toEqual([]);
    expect(rowsAt(t, 'docker-host', syn)).toEqual(['SYN_SENT 119']);
    expect(rowsAt(t, 'docker-host', synAck - 1)).toEqual(['SYN_SENT 119']);
    expect(rowsAt(t, 'docker-host', synAck)).toEqual(['SYN_RECV 59']);
    expect(rowsAt(t, 'docker-host', req - 1)).toEqual(['SYN_RECV 59']);
    expect(rowsAt(t, 'docker-host', req)).toEqual(['ESTABLISHED 431999 [ASSURED]']);
    expect(rowsAt(t, 'docker-host', answer)).toEqual(['ESTABLISHED 431999 [ASSURED]']);
    expect(rowsAt(t, 'docker-host', last - 1)).toEqual(['ESTABLISHED 431999 [ASSURED]']);
    // the close (FIN, FIN-ACK, ACK) ends the command: the last step shows what conntrack -L lists
    expect(rowsAt(t, 'docker-host', last)).toEqual(['TIME_WAIT 119 [ASSURED]']);

    // a state change is recorded as an update, a segment that leaves the state as a hit
    expect(ctKinds(steps[syn])).toEqual(['docker-host add']);
    expect(ctKinds(steps[synAck])).toEqual(['docker-host update']);
    expect(ctKinds(steps[req])).toEqual(['docker-host update']);
    expect(ctKinds(steps[answer])).toEqual(['docker-host hit']);
    expect(ctKinds(steps[last])).toEqual(['docker-host update']);

    const out = runLine(t.session, 'conntrack -L').output;
    expect(out).toMatch(
      /^conntrack v1\.4\.7 \(conntrack-tools\): 1 flow entries have been shown\.\ntcp {6}6 118 TIME_WAIT src=192\.168\.0\.20 dst=192\.168\.0\.10 sport=\d+ dport=8001 src=172\.17\.0\.2 dst=192\.168\.0\.20 sport=80 dport=\d+ \[ASSURED\] mark=0 use=1$/,
    );
  });

  it('seed 000 port-forward: the router and the host each move on as the segment passes them', () => {
    const s = setup(sceneById('nat-portfwd')!.script.filter((l) => !l.startsWith('#')));
    const t = send(s, '@remote curl -s http://124.111.46.91/');
    const steps = t.trace.steps;
    const rSyn = find(steps, 'router', 'conntrack-new', 'SYN');
    const hSyn = find(steps, 'docker-host', 'conntrack-new', 'SYN');
    const hSynAck = find(steps, 'docker-host', 'conntrack-hit', 'SYN,ACK');
    const rSynAck = find(steps, 'router', 'conntrack-hit', 'SYN,ACK');
    const rReq = find(steps, 'router', 'dnat', 'PSH,ACK');
    const hReq = find(steps, 'docker-host', 'dnat', 'PSH,ACK');
    const last = steps.length - 1;
    expect([rSyn, hSyn, hSynAck, rSynAck, rReq, hReq, last]).toEqual(
      [rSyn, hSyn, hSynAck, rSynAck, rReq, hReq, last].sort((a, b) => a - b),
    );
    const both = (i: number) => [rowsAt(t, 'router', i), rowsAt(t, 'docker-host', i)];
    expect(both(rSyn)).toEqual([['SYN_SENT 119'], []]);
    expect(both(hSyn)).toEqual([['SYN_SENT 119'], ['SYN_SENT 119']]);
    // the SYN-ACK reaches the host first, then the router
    expect(both(hSynAck)).toEqual([['SYN_SENT 119'], ['SYN_RECV 59']]);
    expect(both(rSynAck)).toEqual([['SYN_RECV 59'], ['SYN_RECV 59']]);
    expect(both(rReq)).toEqual([['ESTABLISHED 431999 [ASSURED]'], ['SYN_RECV 59']]);
    expect(both(hReq)).toEqual([['ESTABLISHED 431999 [ASSURED]'], ['ESTABLISHED 431999 [ASSURED]']]);
    expect(both(last)).toEqual([['TIME_WAIT 119 [ASSURED]'], ['TIME_WAIT 119 [ASSURED]']]);
    expect(t.after.machines.router.conntrack.map((e) => e.state)).toEqual(['TIME_WAIT']);
    // the narration names the state the row is in
    expect(steps[rSynAck].explain.params.state).toBe('SYN_RECV');
  });

  it('a refused port: the RST moves SYN_SENT to CLOSE (10 s) at its own step, never [ASSURED]', () => {
    const s = setup(['docker run -d --name web -p 8001:80 nginx']);
    const t = send(s, '@pc1 curl -s 192.168.0.10:8002');
    const steps = t.trace.steps;
    const syn = find(steps, 'docker-host', 'conntrack-new', 'SYN');
    const rst = find(steps, 'docker-host', 'conntrack-hit', 'RST,ACK');
    expect(rowsAt(t, 'docker-host', rst - 1)).toEqual(['SYN_SENT 119']);
    expect(rowsAt(t, 'docker-host', rst)).toEqual(['CLOSE 9']);
    expect(rowsAt(t, 'docker-host', steps.length - 1)).toEqual(['CLOSE 9']);
    expect(syn).toBeLessThan(rst);
    expect(steps[rst].explain.params.state).toBe('CLOSE');
  });

  it('a paused app: established by the request, CLOSE_WAIT (60 s) once the client gives up', () => {
    const s = setup(['docker run -d --name web -p 8001:80 nginx', 'docker pause web']);
    const t = send(s, '@pc1 curl -s -m 1 192.168.0.10:8001');
    const steps = t.trace.steps;
    const req = find(steps, 'docker-host', 'dnat', 'PSH,ACK');
    const last = steps.length - 1;
    expect(steps[last].action).not.toBe('dnat');
    expect(rowsAt(t, 'docker-host', req - 1)).toEqual(['SYN_RECV 59']);
    expect(rowsAt(t, 'docker-host', req)).toEqual(['ESTABLISHED 431999 [ASSURED]']);
    expect(rowsAt(t, 'docker-host', last - 1)).toEqual(['ESTABLISHED 431999 [ASSURED]']);
    expect(rowsAt(t, 'docker-host', last)).toEqual(['CLOSE_WAIT 59 [ASSURED]']);
  });

  it('curl localhost: docker-proxy closes its own connection without closing the client’s', () => {
    const s = setup(['docker run -d --name web -p 8080:80 nginx']);
    const t = send(s, 'curl -s http://localhost:8080');
    const steps = t.trace.steps;
    const byPort = (i: number) =>
      tablesAt(t.before, t.after, steps, i)
        .machines['docker-host'].conntrack.map((e) => `${e.orig.dport} ${e.state}`)
        .sort();
    // the proxy's answer back over loopback: its backend leg is closed, the client's still open
    const back = find(
      steps,
      'docker-host',
      'reply',
      'PSH,ACK',
      find(
        steps,
        'docker-host',
        'conntrack-hit',
        'PSH,ACK',
        steps.findIndex((x) => x.action === 'app'),
      ),
    );
    expect(byPort(back)).toEqual(['80 TIME_WAIT', '8080 ESTABLISHED']);
    expect(byPort(steps.length - 1)).toEqual(['80 TIME_WAIT', '8080 TIME_WAIT']);
    expect(t.after.machines['docker-host'].conntrack.map((e) => `${e.state} ${e.timeout}`)).toEqual([
      'TIME_WAIT 119',
      'TIME_WAIT 119',
    ]);
  });
});
