import { describe, expect, it } from 'vitest';
import { runLine, runScript, type Session } from '../../src/sim/console';
import {
  checkpointHolds,
  type LessonStep,
  type Proof,
  proofHolds,
  provenChoices,
  type RunResult,
  TOPICS,
} from '../../src/sim/lessonFrame';
import { SCENES, type Scene, sceneWorld } from '../../src/sim/scenes';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * The lesson frame: every predict question's answer is the one choice the engine's trace proves,
 * sent from the scene's fresh World and again after the steps before it (as a class plays it);
 * every checkpoint's line prints what it says.
 */

const framed = SCENES.filter((s) => s.steps?.length);

function build(scene: Scene): Session {
  return runScript(sceneWorld(scene), `${scene.script.join('\n')}\n`).session;
}

function packetLine(scene: Scene, step: LessonStep): string {
  const p = scene.packets.find((x) => x.id === step.packet);
  if (!p) throw new Error(`${scene.id}/${step.id}: no packet ${step.packet}`);
  return p.line;
}

describe('the frame', () => {
  it('every seed, 000 to 004, has a framed lesson; every scene is named by a topic', () => {
    expect(framed.map((s) => s.id).sort()).toEqual(
      expect.arrayContaining(['compose-projects', 'dns-test', 'nat-portfwd', 'port-forwarding']),
    );
    expect([...new Set(framed.map((s) => s.seed))].sort()).toEqual(
      expect.arrayContaining(['000', '001', '002', '003', '004']),
    );
    for (const s of SCENES) expect(TOPICS[s.topic], s.id).toBeDefined();
  });

  const world = createDefaultWorld();
  const res = (over: Partial<RunResult>): RunResult => ({ output: '', exitCode: 0, ...over });
  const trace = {
    command: 'curl',
    outcome: { ok: false, summary: 'timed out' },
    steps: [
      {
        at: { node: 'pc1' },
        action: 'send',
        frame: { ip: { src: '192.168.0.20', dst: '172.17.0.2', ttl: 64, proto: 'tcp' as const } },
        changes: [],
        explain: { key: 'x', params: {} },
      },
      { at: { node: 'internet' }, action: 'drop', frame: {}, changes: [], explain: { key: 'x', params: {} } },
    ],
  };
  it.each<[string, Proof, boolean]>([
    ['ok from the trace, not the exit code', { ok: false }, true],
    ['ok wrong', { ok: true }, false],
    ['summary', { summary: 'timed out' }, true],
    ['summary wrong', { summary: 'refused' }, false],
    ['via', { via: 'pc1' }, true],
    ['via wrong', { via: 'router' }, false],
    ['notVia', { notVia: 'router' }, true],
    ['notVia wrong', { notVia: 'pc1' }, false],
    ['dropAt', { dropAt: 'internet' }, true],
    ['dropAt where it only passed', { dropAt: 'pc1' }, false],
    ['seenAt', { seenAt: { place: 'pc1', src: '192.168.0.20' } }, true],
    ['seenAt other source', { seenAt: { place: 'pc1', src: '10.0.0.1' } }, false],
    ['dnatTo without a DNAT', { dnatTo: '172.17.0.2:80' }, false],
    ['all fields must hold', { ok: false, via: 'router' }, false],
  ])('proofHolds: %s', (_n, proof, want) => {
    expect(proofHolds(proof, res({ exitCode: 0, trace }), world)).toBe(want);
  });

  it('without a trace, ok is the exit code and output is searched', () => {
    expect(
      proofHolds(
        { ok: false, output: 'port is already allocated' },
        res({ exitCode: 125, output: 'Bind for 0.0.0.0:8080 failed: port is already allocated' }),
        world,
      ),
    ).toBe(true);
    expect(proofHolds({ ok: true }, res({ exitCode: 125 }), world)).toBe(false);
    expect(proofHolds({ via: 'pc1' }, res({}), world)).toBe(false);
  });

  it('checkpointHolds needs exit 0 and the text', () => {
    const c = { say: { en: 'x', ko: '가' }, line: 'x', shows: '172.17.0.2' };
    expect(checkpointHolds(c, res({ output: '172.17.0.2\n' }))).toBe(true);
    expect(checkpointHolds(c, res({ output: '172.17.0.3\n' }))).toBe(false);
    expect(checkpointHolds(c, res({ output: '172.17.0.2', exitCode: 1 }))).toBe(false);
  });
});

describe.each(framed.map((s) => [s.id, s] as const))('lesson %s', (_id, scene) => {
  const fresh = build(scene);
  const steps = scene.steps ?? [];

  it('step ids are unique; every step says something in en and ko', () => {
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    for (const s of steps) {
      expect(s.say.en.length, s.id).toBeGreaterThan(10);
      expect(s.say.ko, s.id).toMatch(/[가-힣]/);
      for (const t of [s.ask?.q, s.ask?.why, s.check?.say, ...(s.ask?.choices.map((c) => c.label) ?? [])]) {
        if (!t) continue;
        expect(t.en.length, s.id).toBeGreaterThan(0);
        expect(t.ko.length, s.id).toBeGreaterThan(0);
      }
    }
  });

  it('every packet of the lesson is sent by some step', () => {
    const sent = new Set(steps.map((s) => s.packet).filter(Boolean));
    expect(scene.packets.filter((p) => !sent.has(p.id)).map((p) => p.id)).toEqual([]);
  });

  it.each(steps.filter((s) => s.ask).map((s) => [s.id, s] as const))(
    'question %s: the trace from the scene’s World proves exactly its answer',
    (_sid, step) => {
      const r = runLine(fresh, packetLine(scene, step));
      expect(provenChoices(step.ask!, r, fresh.world)).toEqual([step.ask!.answer]);
    },
  );

  it('played in order, each question is proved by its answer, each checkpoint holds', () => {
    let s = fresh;
    for (const step of steps) {
      if (step.packet) {
        const r = runLine(s, packetLine(scene, step));
        if (step.ask) expect(provenChoices(step.ask, r, s.world), step.id).toEqual([step.ask.answer]);
        s = r.session;
      }
      if (step.check) {
        const r = runLine(s, step.check.line);
        expect(checkpointHolds(step.check, r), `${step.id}: ${step.check.line}\n${r.output}`).toBe(true);
        s = r.session;
      }
    }
  });
});

describe('misconception lessons show what Docker prints', () => {
  const out = (id: string, line: string) => {
    const scene = SCENES.find((s) => s.id === id)!;
    const { lines, results } = runScript(sceneWorld(scene), `${scene.script.join('\n')}\n`);
    return results[lines.indexOf(line)];
  };
  it('-p with --network host: the warning, and the container still runs', () => {
    const r = out('mis-host-p', 'docker run -d --network host -p 8080:80 --name hostweb nginx');
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^WARNING: Published ports are discarded when using host network mode$/m);
  });
  it('the same host port twice: Docker’s bind error, exit 125', () => {
    const r = out(
      'mis-same-port',
      'docker run -d -p 8080:3000 --name blue --env COLOR=blue devwikirepo/envnodecolorapp',
    );
    expect(r.exitCode).toBe(125);
    expect(r.output).toMatch(/Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/m);
  });
  it('five misconception scenes, each with a question', () => {
    const mis = SCENES.filter((s) => s.topic === 'misconception');
    expect(mis.map((s) => s.id)).toEqual([
      'mis-host-p',
      'mis-default-dns',
      'mis-localhost',
      'mis-ip-changes',
      'mis-same-port',
    ]);
    for (const s of mis)
      expect(
        s.steps?.some((st) => st.ask),
        s.id,
      ).toBe(true);
  });
});
