import { describe, expect, it } from 'vitest';
import { createSession, runLine } from '../../../src/sim/console';
import type { Trace } from '../../../src/sim/model';
import { predictAnswer, predictChoices } from '../../../src/sim/playback/predict';
import { createDefaultWorld } from '../../../src/sim/world';
import { stepHeaders } from '../../../src/ui/sim/headerDiff';
import { buildPlaceNames, placeOf } from '../../../src/ui/sim/placeName';
import { expectedPath } from '../../../src/ui/sim/predictPath';
import { planStep } from '../../../src/ui/sim/stepPlan';

/** Runs console lines from the default world; returns the last trace and the World after it. */
function run(lines: string[]) {
  let session = createSession(createDefaultWorld());
  let trace: Trace | undefined;
  for (const l of lines) {
    const r = runLine(session, l);
    session = r.session;
    trace = r.trace ?? trace;
  }
  if (!trace) throw new Error('no trace');
  return { trace, world: session.world };
}

describe('simulation mode over the packet engine’s traces', () => {
  it('curl to a published port: the DNAT step shows the rewrite before → after', () => {
    const { trace } = run(['docker run -d -p 8001:80 --name web nginx', '@pc1 curl 192.168.0.10:8001']);
    const i = trace.steps.findIndex((s) => s.action === 'dnat');
    const layers = stepHeaders(trace.steps, i);
    const ip = layers.find((l) => l.name === 'IPv4')!.fields;
    const tcp = layers.find((l) => l.name === 'TCP')!.fields;
    expect(ip.find((f) => f.name === 'dst')).toMatchObject({ before: '192.168.0.10', value: '172.17.0.2' });
    expect(tcp.find((f) => f.name === 'dport')).toMatchObject({ before: '8001', value: '80' });
    const un = trace.steps.findIndex((s) => s.action === 'un-nat');
    const back = stepHeaders(trace.steps, un).find((l) => l.name === 'IPv4')!.fields;
    expect(back.find((f) => f.name === 'src')).toMatchObject({ before: '172.17.0.2', value: '192.168.0.10' });
  });

  it('ping on a user-defined network: every step has a plan and a readable place', () => {
    const { trace, world } = run([
      'docker network create second-bridge',
      'docker run -d --name containerA --network second-bridge devwikirepo/pingbuntu',
      'docker run -d --name containerB --network second-bridge devwikirepo/pingbuntu',
      'docker exec containerA ping -c 1 containerB',
    ]);
    const names = buildPlaceNames(world);
    const places = new Set(trace.steps.map((s) => placeOf(s, names)));
    expect([...places].sort()).toEqual(
      ['containerA', 'containerA ↔ second-bridge', 'containerB', 'containerB ↔ second-bridge', 'second-bridge'].sort(),
    );
    for (let i = 0; i < trace.steps.length; i++) expect(planStep(trace.steps, i)).not.toBeNull();
    const flood = trace.steps.findIndex((s) => s.action === 'flood');
    expect(planStep(trace.steps, flood)).toMatchObject({ kind: 'flood', except: expect.stringMatching(/^veth:/) });
    expect(predictAnswer(trace)).toBe('arrives');
  });

  it('a dropped packet: predict mode’s answer is the node where it stopped', () => {
    const { trace } = run(['@pc1 curl 192.168.0.10:8009']);
    expect(trace.outcome.ok).toBe(false);
    const answer = predictAnswer(trace);
    expect(predictChoices(trace)).toContain(answer);
    // refused by the Docker host (nothing listens there), though the RST travels back to pc1
    expect(answer).toBe('docker-host');
  });

  it('a cable between two machines is crossed in two halves: leaves on one end, arrives on the other', () => {
    const { trace } = run([
      'docker run -d -p 8001:80 --name web nginx',
      '@router portfwd add tcp 80 192.168.0.10 8001',
      '@remote curl -s http://124.111.46.91/',
    ]);
    // remote's ARP request: leaves remote eth0, arrives on internet eth1, one drawn cable
    expect(trace.steps[2].at).toEqual({ link: 'if:remote:eth0' });
    expect(trace.steps[3].at).toEqual({ link: 'if:internet:eth1' });
    expect(planStep(trace.steps, 2)).toMatchObject({ kind: 'move', from: 'remote', to: 'internet', half: 'first' });
    expect(planStep(trace.steps, 3)).toMatchObject({ kind: 'move', from: 'remote', to: 'internet', half: 'second' });
    // a veth into a bridge is one step: the whole cable
    const v = run([
      'docker network create second-bridge',
      'docker run -d --name ca --network second-bridge devwikirepo/pingbuntu',
      'docker run -d --name cb --network second-bridge devwikirepo/pingbuntu',
      'docker exec ca ping -c 1 cb',
    ]).trace;
    const veth = v.steps.findIndex((s) => 'link' in s.at && s.at.link.startsWith('veth:'));
    expect(planStep(v.steps, veth)).toMatchObject({ kind: 'move' });
    expect(planStep(v.steps, veth)).not.toHaveProperty('half');
  });

  it('predict mode also offers the stops the packet never reaches, so the buttons do not give it away', () => {
    const { trace, world } = run([
      'docker run -d -p 8001:80 --name web nginx',
      '@remote curl -s -m 3 http://192.168.0.10:8001/',
    ]);
    expect(predictAnswer(trace)).toBe('internet');
    const visited = new Set(trace.steps.flatMap((s) => ('node' in s.at ? [s.at.node] : [])));
    expect([...visited]).toEqual(['remote', 'internet']);
    expect(expectedPath(world, trace)).toEqual(['remote', 'internet', 'router', 'seg:lan', 'docker-host']);
    expect(predictChoices(trace, expectedPath(world, trace))).toEqual([
      'arrives',
      'remote',
      'internet',
      'router',
      'seg:lan',
      'docker-host',
    ]);
    // to a container: through the bridge to its card; the trace's own detours come after
    const ip = run(['docker run -d --name nginx nginx', '@pc1 curl -s -m 3 http://172.17.0.2/']);
    const nginx = Object.values(ip.world.containers).find((c) => c.name === 'nginx')!;
    const net = nginx.endpoints[0].networkId;
    const choices = predictChoices(ip.trace, expectedPath(ip.world, ip.trace));
    expect(choices.slice(0, 6)).toEqual(['arrives', 'pc1', 'seg:lan', 'docker-host', `net:${net}`, `ctr:${nginx.id}`]);
    expect(choices).toContain(predictAnswer(ip.trace));
  });
});
