import { produce, restartingContainers } from '../containerIndex';
import type { Container, World } from '../model';
import { runShell } from '../shell';
import { atOnceExitCode, exitsAtOnce, oneShotCmd, startContainer, stopContainer } from './lifecycle';
import { execFormatError } from './platform';

/**
 * The restart manager (moby v28.5.2 restartmanager/restartmanager.go, daemon/monitor.go
 * handleContainerExit). When a container's main process ends by itself, its policy decides:
 * `always` restarts it, `unless-stopped` unless the user stopped it, `on-failure[:N]` when the
 * exit code is not 0 and fewer than N restarts were made. RestartCount grows at the exit, the
 * container shows "Restarting (CODE) … ago" (State.Running and State.Restarting both true) and is
 * started again after a back-off: 100 ms, doubled after each exit, at most 1 minute (reset when a
 * run lasted 10 s). `docker stop`/`kill` cancel it (ExitOnNext) and mark it manually stopped.
 *
 * The engine has no timers: the wait is kept as `restartLoop.at` and `settleRestarts` plays the
 * restarts that are due whenever the clock has passed them (before each command).
 */

const DEFAULT_MS = 100;
const MAX_MS = 60_000;

/** restartmanager.ShouldRestart: whether a container whose process just exited is started again. */
export function shouldRestart(c: Container, exitCode: number, manuallyStopped: boolean): boolean {
  const p = c.restartPolicy;
  if (!p || p.Name === 'no') return false;
  if (p.Name === 'always') return true;
  if (p.Name === 'unless-stopped') return !manuallyStopped;
  const max = p.MaximumRetryCount;
  return (max === 0 || (c.restartCount ?? 0) < max) && exitCode !== 0;
}

/** The next back-off: 100 ms first, then doubled up to a minute (a run of 10 s or more starts over). */
function nextDelay(c: Container, ranMs: number): number {
  const prev = ranMs >= 10_000 ? 0 : (c.restartLoop?.delay ?? 0);
  return prev === 0 ? DEFAULT_MS : Math.min(prev * 2, MAX_MS);
}

/**
 * The container's main process ended by itself with `exitCode` (not `docker stop`/`kill`):
 * it exits (releasing its network), then its restart policy may schedule a restart.
 */
export function processExited(draft: World, id: string, exitCode: number): void {
  const c = draft.containers[id];
  if (c?.state !== 'running') return;
  const ran = draft.clock - c.startedAt;
  const prevLoop = c.restartLoop;
  stopContainer(draft, id, exitCode);
  const after = draft.containers[id];
  if (!after) return;
  if (!shouldRestart(after, exitCode, after.manuallyStopped === true)) {
    delete after.restartLoop;
    return;
  }
  after.restartLoop = prevLoop;
  const delay = nextDelay(after, ran);
  after.restartCount = (after.restartCount ?? 0) + 1;
  after.restartLoop = { at: draft.clock + delay, delay };
}

/** `docker stop`/`kill` (and the daemon's own shutdown): ExitOnNext cancels a pending restart. */
export function cancelRestart(draft: World, id: string, manual: boolean): void {
  const c = draft.containers[id];
  if (!c) return;
  delete c.restartLoop;
  // HasBeenManuallyStopped only matters to a restart policy: without one the World keeps no flag
  if (manual && c.restartPolicy) c.manuallyStopped = true;
}

/** A start by the user (`docker start`/`restart`, daemon restore): a fresh restart manager. */
export function resetRestartManager(draft: World, id: string): void {
  const c = draft.containers[id];
  if (!c) return;
  delete c.restartLoop;
  delete c.restartCount;
  delete c.manuallyStopped;
}

/** Whether Docker shows it "restarting" (State.Restarting): waiting for its next start. */
export const isRestarting = (c: Container): boolean => c.restartLoop !== undefined;

/** At most this many restarts are played in one settle (a minute apart once backed off). */
const MAX_ROUNDS = 200;

/**
 * Plays every restart that is due by the World's clock: the container starts again at `at`; a
 * main process that runs to its end at once (a one-shot CMD, an image whose process exits) exits
 * again, with its output added to the log, and the policy is asked again.
 */
export function settleRestarts(world: World): World {
  // a running container with a loop is being restarted right now (its one-shot is running)
  const due = (c: Container) => c.restartLoop !== undefined && c.state !== 'running' && c.restartLoop.at <= world.clock;
  if (!restartingContainers(world).some(due)) return world;
  let w = world;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = restartingContainers(w)
      .filter(due)
      .sort((a, b) => a.restartLoop!.at - b.restartLoop!.at || a.seq - b.seq)[0];
    if (!next) break;
    w = restartOnce(w, next.id, world.clock);
  }
  return w;
}

/** One restart of `id` at its `restartLoop.at`, with the World's clock set to that instant. */
function restartOnce(world: World, id: string, now: number): World {
  const at = world.containers[id].restartLoop!.at;
  let started = produce(world, (d) => {
    d.clock = at;
    const c = d.containers[id];
    const loop = c.restartLoop;
    delete c.restartLoop;
    // monitor.go: a start that fails leaves it stopped (SetStopped) with its last exit code.
    if (startContainer(d, id)) return;
    c.restartLoop = loop;
  });
  const c = started.containers[id];
  if (c.state !== 'running') return { ...started, clock: now };
  if (oneShotCmd(c)) {
    const res = runShell(started, c.cmd, { kind: 'container', id }, c.cmd.join(' '));
    started = produce(res.world, (d) => {
      // the run takes no time of its own: a `sh -c` line would have moved the clock on
      d.clock = at;
      const dc = d.containers[id];
      if (res.output !== '') dc.logs = [...(dc.logs ?? []), ...res.output.split('\n')];
      processExited(d, id, res.exitCode);
    });
  } else if (exitsAtOnce(c)) {
    started = produce(started, (d) => {
      if (c.platform) d.containers[id].logs = [...(c.logs ?? []), execFormatError(c)];
      processExited(d, id, atOnceExitCode(c));
    });
  } else {
    // it keeps running: the manager waits for its next exit
    started = produce(started, (d) => {
      delete d.containers[id].restartLoop;
    });
  }
  return { ...started, clock: now };
}
