import { describe, expect, it } from 'vitest';
import { EPOCH_MS } from '../../../src/sim/clock';
import { createSession, runLine, type Session } from '../../../src/sim/console';
import { healthSettled, settleHealth } from '../../../src/sim/docker/health';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * The health monitor's probes are played once per typed line (console.ts: at the line's end, when
 * the clock has moved); the settle at each command's start plays only what the line's own commands
 * made due (a `sleep` before it in `a && b`, a `sh -c`). Probe times follow moby v28.5.2
 * daemon/health.go: Interval after the start, then Interval after each probe ends; every console
 * line takes 1 s (LINE_MS). These expectations held before the settle was made once a line.
 */
const ms = (t: string) => Date.parse(t) - EPOCH_MS;

function play(lines: string[]): { s: Session; outs: string[] } {
  let s = createSession(createDefaultWorld());
  const outs: string[] = [];
  for (const line of lines) {
    const r = runLine(s, line);
    outs.push(r.output);
    s = r.session;
  }
  return { s, outs };
}

const starts = (out: string, started: number) =>
  (JSON.parse(out) as { Start: string }[]).map((l) => ms(l.Start) - started);

describe('health probes are settled once a line, at unchanged times', () => {
  it('single lines, `sleep && inspect`, `;` lists, pipes and sh -c see the probes due by their moment', () => {
    const { outs } = play([
      "docker run -d --name web --health-cmd 'curl -fs http://localhost/ || exit 1' --health-interval 3s nginx",
      'docker inspect --format "{{.State.StartedAt}}" web',
      // 1 s a line: at 2 s nothing has run yet
      'docker inspect --format "{{len .State.Health.Log}} {{.State.Health.Status}}" web',
      'sleep 2 && docker inspect --format "{{len .State.Health.Log}} {{.State.Health.Status}}" web',
      'sleep 4; docker inspect --format "{{len .State.Health.Log}}" web | cat',
      'sh -c \'sleep 3; docker inspect --format "{{len .State.Health.Log}}" web\'',
      'docker inspect --format "{{json .State.Health.Log}}" web',
    ]);
    const started = ms(outs[1]);
    expect(outs[2]).toBe('0 starting');
    // from 3 s (the 3 s probe played at the end of the line before): sleep 2 and its 1 s reach 6 s,
    // and the inspect after `&&` sees the 6 s probe
    expect(outs[3]).toBe('2 healthy');
    // from 7 s: sleep 4 and its 1 s reach 12 s (probes at 9 and 12 s)
    expect(outs[4]).toBe('4');
    // from 13 s: sh -c runs its commands at once, sleep 3 reaches 16 s (the 15 s probe)
    expect(outs[5]).toBe('5');
    expect(starts(outs[6], started)).toEqual([3000, 6000, 9000, 12000, 15000]);
  });

  it('the World a line leaves has nothing due: settling it again returns that very World', () => {
    const { s } = play([
      "docker run -d --name bad --health-cmd 'exit 1' --health-interval 2s --health-retries 2 busybox sleep 1d",
      'sleep 7',
    ]);
    expect(settleHealth(s.world)).toBe(s.world);
    // known as settled: the next command's start-of-command settle returns without looking
    expect(healthSettled(s.world)).toBe(true);
    // a World whose clock moved since has probes to look for
    expect(healthSettled({ ...s.world, clock: s.world.clock + 2000 })).toBe(false);
  });
});
