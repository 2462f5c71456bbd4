import { describe, expect, it } from 'vitest';
import { worldProblem } from '../../../src/io/worldSchema';
import { EPOCH_MS } from '../../../src/sim/clock';
import { runScript } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const health = (out: string) =>
  JSON.parse(out) as {
    Status: string;
    FailingStreak: number;
    Log: { Start: string; End: string; ExitCode: number; Output: string }[];
  };
const ms = (t: string) => Date.parse(t) - EPOCH_MS;

// moby v28.5.2 daemon/health.go (monitor, handleProbeResult, cmdProbe), container/health.go,
// container/state.go String(), daemon/list.go (the health filter). Every console line takes 1 s.
describe('health checks (--health-*)', () => {
  it('starts "health: starting"; curl against nginx makes it healthy at the first probe, an interval after the start', () => {
    const r = play([
      "docker run -d --name web --health-cmd 'curl -fs http://localhost/ || exit 1' --health-interval 5s nginx",
      'docker ps --format "{{.Status}}"',
      'sleep 3',
      'docker ps --format "{{.Status}}"',
      'docker inspect --format "{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}" web',
      'docker inspect --format "{{json .State.Health}}" web',
      'docker inspect --format "{{.State.StartedAt}}" web',
    ]);
    expect(r[1].output).toBe('Up 1 second (health: starting)');
    // the run line starts it at 0 s, each line takes 1 s: the probe ran at 5 s, this ps at 6 s
    expect(r[3].output).toBe('Up 6 seconds (healthy)');
    expect(r[4].output).toBe('healthy 0 1');
    const h = health(r[5].output);
    expect(h.Log[0].ExitCode).toBe(0);
    // the probe's output as written (-s: no progress meter on stderr): nginx's page, ending in a newline
    expect(h.Log[0].Output).toMatch(/^<!DOCTYPE html>\n[\s\S]*<title>Welcome to nginx!<\/title>[\s\S]*<\/html>\n$/);
    expect(ms(h.Log[0].Start) - ms(r[6].output)).toBe(5000);
    // Go's json escapes <, > and & in strings
    expect(r[5].output).toContain('"Output":"\\u003c!DOCTYPE html\\u003e\\n');
  });

  it('a probe that fails Retries times in a row makes it unhealthy; the log keeps the last 5 results', () => {
    const r = play([
      "docker run -d --name bad --health-cmd 'curl -f http://localhost:8080/' --health-interval 2s --health-retries 2 nginx",
      'docker run -d --name plain nginx',
      'docker ps --format "{{.Names}} {{.Status}}"',
      'sleep 2',
      'docker ps --format "{{.Names}} {{.Status}}"',
      'sleep 20',
      'docker inspect --format "{{json .State.Health}}" bad',
      'docker ps --filter health=unhealthy --format "{{.Names}}"',
      'docker ps --filter health=none --format "{{.Names}}"',
      'docker ps --filter health=healthy --format "{{.Names}}"',
      'docker ps --filter health=sick',
    ]);
    // the first probe (2 s) failed once: still starting
    expect(r[2].output).toBe('plain Up 1 second\nbad Up 2 seconds (health: starting)');
    // the second (4 s) made 2 failures in a row
    expect(r[4].output).toBe('plain Up 5 seconds\nbad Up 6 seconds (unhealthy)');
    const h = health(r[6].output);
    expect(h.Status).toBe('unhealthy');
    // probes every 2 s up to 28 s
    expect(h.FailingStreak).toBe(14);
    expect(h.Log).toHaveLength(5);
    expect(h.Log.map((l) => l.ExitCode)).toEqual([7, 7, 7, 7, 7]);
    expect(h.Log[4].Output).toBe(
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n",
    );
    expect(h.Log.slice(1).map((l, i) => ms(l.Start) - ms(h.Log[i].End))).toEqual([2000, 2000, 2000, 2000]);
    expect(r[7].output).toBe('bad');
    expect(r[8].output).toBe('plain');
    expect(r[9].output).toBe('');
    expect(r[10].output).toBe(
      "Error response from daemon: invalid filter 'health=sick': invalid value for health (sick): must be one of none, starting, healthy, unhealthy",
    );
  });

  it('inside --health-start-period failures do not count and probes come every --health-start-interval', () => {
    const r = play([
      "docker run -d --name slow --health-cmd 'exit 1' --health-interval 30s --health-start-period 10s --health-start-interval 2s --health-retries 1 busybox sleep 1d",
      'sleep 7',
      'docker inspect --format "{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}" slow',
      'sleep 10',
      'docker inspect --format "{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}" slow',
      'sleep 30',
      'docker inspect --format "{{.State.Health.Status}} {{.State.Health.FailingStreak}}" slow',
    ]);
    // probes at 2, 4, 6, 8 s: still starting, nothing counted
    expect(r[2].output).toBe('starting 0 4');
    // 10 s: outside the start period, the interval is 30 s: the probe at 10 s counts once
    expect(r[4].output).toBe('unhealthy 1 5');
    expect(r[6].output).toBe('unhealthy 2');
  });

  it('a probe running past --health-timeout ends with -1 and the timeout in Go duration words', () => {
    const r = play([
      "docker run -d --name tm --health-cmd 'sleep 5' --health-interval 1s --health-timeout 1500ms --health-retries 1 busybox sleep 1d",
      'sleep 2',
      'docker inspect --format "{{json .State.Health}}" tm',
    ]);
    const h = health(r[2].output);
    expect(h.Status).toBe('unhealthy');
    expect(h.Log[0].ExitCode).toBe(-1);
    expect(h.Log[0].Output).toBe('Health check exceeded timeout (1.5s)');
    expect(ms(h.Log[0].End) - ms(h.Log[0].Start)).toBe(1500);
  });

  it('stop and pause stop the monitor ("unhealthy"); a new start is "starting" again with the log kept', () => {
    const r = play([
      "docker run -d --name web --health-cmd 'curl -f http://localhost/' --health-interval 5s nginx",
      'sleep 5',
      'docker pause web',
      'docker ps --format "{{.Status}}"',
      'docker inspect --format "{{.State.Health.Status}}" web',
      'docker unpause web',
      'docker ps --format "{{.Status}}"',
      'sleep 5',
      'docker ps --format "{{.Status}}"',
      'docker stop web',
      'docker inspect --format "{{.State.Health.Status}} {{len .State.Health.Log}}" web',
      'docker start web',
      'docker ps --format "{{.Status}}"',
      'docker inspect --format "{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}" web',
    ]);
    // healthy at 5 s, paused at 7 s
    expect(r[3].output).toBe('Up 8 seconds (Paused)');
    expect(r[4].output).toBe('unhealthy');
    // unpaused at 10 s: unhealthy until the probe an interval later (15 s)
    expect(r[6].output).toBe('Up 11 seconds (unhealthy)');
    expect(r[8].output).toBe('Up 18 seconds (healthy)');
    expect(r[10].output).toBe('unhealthy 2');
    expect(r[12].output).toBe('Up 1 second (health: starting)');
    expect(r[13].output).toBe('starting 0 2');
  });

  it('--no-healthcheck and a container without a check have no State.Health', () => {
    const r = play([
      'docker run -d --name nohc --no-healthcheck nginx',
      'docker run -d --name plain nginx',
      'sleep 60',
      'docker ps --format "{{.Names}} {{.Status}}"',
      'docker inspect --format "{{json .Config.Healthcheck}} {{.State.Health.Status}}" nohc plain',
    ]);
    expect(r[3].output).toBe('plain Up About a minute\nnohc Up About a minute');
    expect(r[4].output).toBe('{"Test":["NONE"]} <no value>\nnull <no value>');
  });

  it('hours of probes: the streak counts each one and the last 5 stay an interval apart', () => {
    const r = play([
      'docker run -d --name bad --health-cmd false --health-interval 10s busybox sleep 1d',
      'sleep 3600',
      'docker inspect --format "{{json .State.Health}}" bad',
      'docker inspect --format "{{.State.StartedAt}}" bad',
    ]);
    const h = health(r[2].output);
    const started = ms(r[3].output);
    const last = ms(h.Log[4].Start);
    expect((last - started) % 10_000).toBe(0);
    expect(h.FailingStreak).toBe((last - started) / 10_000);
    expect(h.FailingStreak).toBe(360);
    expect(h.Log.slice(1).map((l, i) => ms(l.Start) - ms(h.Log[i].Start))).toEqual([10_000, 10_000, 10_000, 10_000]);
  });

  it('a World saved before health states (a running container with --health-cmd, no State.Health) picks its monitor up', () => {
    const first = runScript(
      createDefaultWorld(),
      "docker run -d --name web --health-cmd 'curl -f http://localhost/' --health-interval 5s nginx",
    );
    const old = JSON.parse(JSON.stringify(first.session.world)) as World;
    for (const c of Object.values(old.containers)) delete c.health;
    expect(worldProblem(old)).toBeNull();
    const withHealth = JSON.parse(JSON.stringify(first.session.world));
    expect(worldProblem(withHealth)).toBeNull();
    const r = runScript(
      old,
      ['docker ps --format "{{.Status}}"', 'sleep 5', 'docker ps --format "{{.Status}}"'].join('\n'),
    ).results;
    expect(r[0].output).toBe('Up 1 second (health: starting)');
    expect(r[2].output).toBe('Up 8 seconds (healthy)');
  });
});
