import { DAEMON_JSON, loadDaemonConfig } from '../docker/daemonConfig';
import { restartDaemon } from '../docker/daemonRestart';
import type { CommandResult, World } from '../model';
import type { Where } from '../where';

/**
 * `systemctl VERB UNIT` and `service NAME VERB` on a machine: the one unit simulated is
 * docker.service, whose restart is the daemon's (daemonRestart.ts). Wording: systemd 255's
 * `Failed to restart x.service: Unit x.service not found.` (exit 5) and sysvinit-utils' `service`.
 */

const RESTARTS = [
  'restart',
  'try-restart',
  'reload-or-restart',
  'try-reload-or-restart',
  'condrestart',
  'force-reload',
];
const NO_OPS = ['start', 'reload'];

/** The unit name as systemctl completes it: `docker` is `docker.service`. */
const unitOf = (name: string) => (name.includes('.') ? name : `${name}.service`);

function hasDocker(world: World, where: Where): boolean {
  return where.kind === 'machine' && world.daemons[where.id] !== undefined;
}

/** systemd's words when ExecStart (dockerd) exits non-zero; dockerd's own line goes to the journal. */
const JOB_FAILED = (unit: string) =>
  `Job for ${unit} failed because the control process exited with error code.\nSee "systemctl status ${unit}" and "journalctl -xeu ${unit}" for details.`;

function restart(world: World, where: Where): CommandResult {
  const r = restartDaemon(world, where.id);
  return r.error
    ? { world: r.world, output: JOB_FAILED('docker.service'), exitCode: 1 }
    : { world: r.world, output: '', exitCode: 0 };
}

function docker(world: World, where: Where, verb: string): CommandResult | null {
  const down = world.daemons[where.id]?.down === true;
  if (RESTARTS.includes(verb) || (down && verb === 'start')) return restart(world, where);
  if (NO_OPS.includes(verb)) return { world, output: '', exitCode: 0 };
  if (verb === 'is-active')
    return down ? { world, output: 'failed', exitCode: 3 } : { world, output: 'active', exitCode: 0 };
  if (verb === 'is-enabled') return { world, output: 'enabled', exitCode: 0 };
  return null;
}

const notSimulated = (world: World, what: string): CommandResult => ({
  world,
  output: `whalewire: ${what} is not simulated here; try systemctl restart docker`,
  exitCode: 1,
});

export function systemctl(world: World, argv: string[], where: Where): CommandResult {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  const [verb, ...units] = args;
  if (verb === 'daemon-reload') return { world, output: '', exitCode: 0 };
  if (!verb || units.length === 0) return notSimulated(world, `systemctl ${args.join(' ')}`.trim());
  let w = world;
  for (const name of units) {
    const unit = unitOf(name);
    if (unit !== 'docker.service' || !hasDocker(w, where)) {
      if (verb.startsWith('is-')) return { world: w, output: 'inactive', exitCode: 3 };
      return { world: w, output: `Failed to ${verb} ${unit}: Unit ${unit} not found.`, exitCode: 5 };
    }
    const r = docker(w, where, verb);
    if (!r) return notSimulated(world, `systemctl ${verb}`);
    w = r.world;
    if (r.output) return r;
  }
  return { world: w, output: '', exitCode: 0 };
}

export function service(world: World, argv: string[], where: Where): CommandResult {
  const [name, verb] = argv.slice(1);
  if (!name) {
    return {
      world,
      output: 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]',
      exitCode: 1,
    };
  }
  if (name !== 'docker' || !hasDocker(world, where))
    return { world, output: `${name}: unrecognized service`, exitCode: 1 };
  const r = docker(world, where, verb === '--full-restart' ? 'restart' : (verb ?? ''));
  return r ?? notSimulated(world, `service docker ${verb ?? ''}`.trim());
}

/**
 * `dockerd --validate [--config-file FILE]` (cmd/dockerd/docker.go): checks the configuration and
 * prints `configuration OK`, or dockerd's error (exit 1). The daemon itself runs as docker.service.
 */
export function dockerd(world: World, argv: string[], where: Where): CommandResult {
  const args = argv.slice(1);
  if (!args.includes('--validate'))
    return notSimulated(world, `dockerd ${args.join(' ')}`.trim() + ' (the daemon runs as docker.service)');
  const at = args.findIndex((a) => a === '--config-file' || a.startsWith('--config-file='));
  const file = at < 0 ? DAEMON_JSON : args[at].includes('=') ? args[at].split('=')[1] : (args[at + 1] ?? '');
  if (file !== DAEMON_JSON) return notSimulated(world, `dockerd --config-file ${file}`);
  const r = loadDaemonConfig(world, where.id);
  return r.ok ? { world, output: 'configuration OK', exitCode: 0 } : { world, output: r.error, exitCode: 1 };
}
