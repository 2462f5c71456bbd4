import { produce } from '../containerIndex';
import { imageInfo } from '../images';
import type { Container, World } from '../model';
import { runShell } from '../shell';
import { applyBridgeIPv6, loadDaemonConfig } from './daemonConfig';
import { atOnceExitCode, exitsAtOnce, oneShotCmd, startContainer, stopContainer } from './lifecycle';
import { rerunOneShots } from './oneShot';
import { execFormatError } from './platform';
import { cancelRestart, processExited, resetRestartManager, shouldRestart } from './restartManager';

/**
 * `systemctl restart docker` / `service docker restart` on a Docker host, live-restore off
 * (docker-facts 90–91; moby v28.5.2 daemon/daemon.go Shutdown and restore):
 * - Shutdown stops every running (or restarting) container as `docker stop` does: its stop signal,
 *   then SIGKILL after the 10 s stop timeout. The daemon's own shutdown is not a manual stop, and
 *   it cancels pending restarts. `--rm` containers are removed as they exit.
 * - restore starts again each container that has run before and whose policy says so
 *   (container.ShouldRestart with its recorded exit code and HasBeenManuallyStopped): `always`
 *   even after `docker stop`, `unless-stopped` unless stopped by the user, `on-failure` after a
 *   non-zero exit (SIGKILL's 137 counts). Started with resetRestartManager: RestartCount 0.
 * - Every endpoint is new: addresses come from the lowest free in the order the containers start
 *   (dockerd starts them in parallel over a Go map; here in creation order) and MACs are new.
 */

/** SIGTERM's outcome (`docker stop`): servers with a handler exit 0, a PID 1 without one is killed (137). */
export function stopExitCode(c: Container): number {
  const app = imageInfo(c.image).app;
  return app !== null && app !== 'colorapp' && c.cmd.length === 0 ? 0 : 137;
}

/** daemon.go shutdownContainer waits a container's stop timeout (10 s) before SIGKILL. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * Restarts the Docker daemon of host `daemonId`; the World's clock moves on by the shutdown's wait.
 * The new daemon reads /etc/docker/daemon.json (daemonConfig.ts): a file it refuses leaves it down,
 * with dockerd's error.
 */
export function restartDaemon(world: World, daemonId: string): { world: World; error?: string } {
  const mine = (w: World) =>
    Object.values(w.containers)
      .filter((c) => c.daemon === daemonId)
      .sort((a, b) => a.seq - b.seq);
  const live = mine(world).filter((c) => c.state === 'running' || c.restartLoop);
  const killed = live.some((c) => c.state === 'running' && stopExitCode(c) === 137);
  let w = produce(world, (d) => {
    for (const c of live) {
      cancelRestart(d, c.id, false);
      if (stopExitCode(c) === 0) stopContainer(d, c.id, 0);
    }
    if (killed) d.clock += STOP_TIMEOUT_MS;
    for (const c of live) stopContainer(d, c.id, 137);
  });
  const cfg = loadDaemonConfig(w, daemonId);
  if (!cfg.ok) {
    const down = produce(w, (d) => {
      d.daemons[daemonId].down = true;
    });
    return { world: down, error: cfg.error };
  }
  w = produce(w, (d) => {
    delete d.daemons[daemonId].down;
    applyBridgeIPv6(d, daemonId, cfg.config);
  });
  const before = w;
  w = produce(w, (d) => {
    for (const c of mine(d)) {
      const dc = d.containers[c.id];
      // HasBeenStartedBefore: a container only created is left alone
      if (dc.state !== 'exited' || !shouldRestart(dc, dc.exitCode, dc.manuallyStopped === true)) continue;
      if (startContainer(d, c.id)) continue; // a failed start leaves it Exited (logged by dockerd)
      resetRestartManager(d, c.id);
      if (dc.platform) dc.logs = [...(dc.logs ?? []), execFormatError(dc)];
      if (exitsAtOnce(dc) && !oneShotCmd(dc)) processExited(d, c.id, atOnceExitCode(dc));
    }
  });
  // a main process that runs to its end exits again, and its policy takes over from there
  return { world: rerunOneShots(before, w, { daemon: daemonId, shell: runShell }).world };
}
