import type { CommandResult, Container } from '../model';
import { L, type Project } from './project';
import { type Ctx, docker, event, logrusWarning, networksNamed, projectContainers, projectNetworks } from './state';
import { v1Lines } from './up';

/**
 * `docker compose down` (pkg/compose/down.go v2.40.3): containers in reverse dependency order
 * (Stopping, Stopped, Removing, Removed), then the project's own networks (Removing, Removed, or
 * `Resource is still in use`); external networks stay. `docker-compose down` (1.29) prints
 * `Stopping NAME ... done`, `Removing NAME ... done`, `Removing network NAME`.
 * `project` is the compose file's project, or only a name when down runs with `-p` and no file.
 */
export function composeDown(ctx: Ctx, p: Project | { name: string }): CommandResult {
  const all = projectContainers(ctx.world, ctx.daemon, p.name);
  const order = 'services' in p ? [...p.services].reverse().map((s) => s.name) : [];
  const rank = (c: Container) => {
    const i = order.indexOf(c.labels?.[L.service] ?? '');
    return i < 0 ? order.length : i;
  };
  const containers = [...all].sort((a, b) => rank(a) - rank(b));
  const nets =
    'services' in p
      ? Object.keys(p.networks)
          .sort()
          .map((k) => p.networks[k])
          .filter((n) => !n.external)
          .flatMap((n) =>
            networksNamed(ctx.world, ctx.daemon, n.name).filter(
              (x) => x.labels[L.project] === p.name && x.labels[L.network] === n.key,
            ),
          )
      : projectNetworks(ctx.world, ctx.daemon, p.name);
  if (ctx.flavor === 'v1')
    return downV1(
      ctx,
      p,
      containers,
      nets.map((n) => n.name),
    );
  for (const c of containers) {
    const id = `Container ${c.name}`;
    ctx.out.push(event(id, 'Stopping'));
    docker(ctx, ['stop', c.id]);
    ctx.out.push(event(id, 'Stopped'), event(id, 'Removing'));
    docker(ctx, ['rm', '-f', c.id]);
    ctx.out.push(event(id, 'Removed'));
  }
  for (const n of nets) {
    const id = `Network ${n.name}`;
    ctx.out.push(event(id, 'Removing'));
    const r = docker(ctx, ['network', 'rm', n.id]);
    ctx.out.push(event(id, r.exitCode === 0 ? 'Removed' : 'Resource is still in use'));
  }
  if (containers.length === 0 && nets.length === 0) {
    ctx.out.push(logrusWarning(ctx.world, `Warning: No resource found to remove for project "${p.name}".`));
  }
  return { world: ctx.world, output: ctx.out.join('\n'), exitCode: 0 };
}

function downV1(ctx: Ctx, p: Project | { name: string }, containers: Container[], nets: string[]): CommandResult {
  const running = containers.filter((c) => c.state === 'running');
  const pad = (verb: string, names: string[]) => v1Lines(names.map((name) => ({ verb, name })));
  for (const c of running) docker(ctx, ['stop', c.id]);
  ctx.out.push(
    ...pad(
      'Stopping',
      running.map((c) => c.name),
    ),
  );
  for (const c of containers) docker(ctx, ['rm', '-f', c.id]);
  ctx.out.push(
    ...pad(
      'Removing',
      containers.map((c) => c.name),
    ),
  );
  if ('services' in p) {
    for (const k of Object.keys(p.networks).sort()) {
      const n = p.networks[k];
      if (n.external) ctx.out.push(`Network ${n.name} is external, skipping`);
      else if (nets.includes(n.name)) {
        ctx.out.push(`Removing network ${n.name}`);
        const r = docker(ctx, ['network', 'rm', n.name]);
        if (r.exitCode !== 0) ctx.out.push(`ERROR: ${r.output.split('\n')[0]}`);
      } else ctx.out.push(`WARNING: Network ${n.name} not found.`);
    }
  }
  return { world: ctx.world, output: ctx.out.join('\n'), exitCode: 0 };
}
