import { dockerTime } from '../clock';
import type { CommandResult, World } from '../model';
import { lookupService, notManagerError } from '../swarm/state';
import type { SwarmService } from '../swarm/types';
import { isSet, last, parseFlags } from './flags';
import { SWARM_HELP } from './helpSwarm';
import { argsError, daemon, fail, flagError, goJson, humanDuration, ok } from './output';
import { swarmSpecs } from './serviceFlags';
import { compileTemplate } from './template';

/**
 * `docker service inspect [--pretty] [--format]` (cli/command/service/inspect.go): the Service
 * object with InsertDefaults (docs/reference/commandline/service_inspect.md), or the pretty text.
 */

const portJson = (svc: SwarmService) =>
  svc.ports.map((p) => ({
    Protocol: p.protocol,
    TargetPort: p.target,
    PublishedPort: p.published,
    PublishMode: p.mode,
  }));

/** InsertDefaults' values for a service whose spec predates ServiceSpecExtra, or gave no flag. */
const UPDATE_DEFAULTS = {
  Parallelism: 1,
  FailureAction: 'pause',
  Monitor: 5000000000,
  MaxFailureRatio: 0,
  Order: 'stop-first',
};

/** The ContainerSpec in Go's field order (moby api/types/swarm/container.go), omitempty as there. */
const CONTAINER_KEYS = [
  'Image',
  'Labels',
  'Command',
  'Args',
  'Hostname',
  'Env',
  'Dir',
  'User',
  'Groups',
  'Privileges',
  'Init',
  'StopSignal',
  'TTY',
  'OpenStdin',
  'ReadOnly',
  'Mounts',
  'StopGracePeriod',
  'Healthcheck',
  'Hosts',
  'DNSConfig',
  'Secrets',
  'Configs',
  'Isolation',
  'Sysctls',
  'CapabilityAdd',
  'CapabilityDrop',
  'Ulimits',
  'OomScoreAdj',
];

function containerSpec(svc: SwarmService): Record<string, unknown> {
  const all: Record<string, unknown> = {
    Init: false,
    StopGracePeriod: 10000000000,
    DNSConfig: {},
    Isolation: 'default',
    ...svc.spec?.containerSpec,
    Image: svc.image,
    ...(svc.args.length ? { Args: svc.args } : {}),
    ...(svc.env.length ? { Env: svc.env } : {}),
  };
  return Object.fromEntries(CONTAINER_KEYS.filter((k) => all[k] !== undefined).map((k) => [k, all[k]]));
}

/** Spec.Mode in the API's shape. */
function modeJson(svc: SwarmService): object {
  if (svc.mode === 'global') return { Global: {} };
  if (svc.mode === 'global-job') return { GlobalJob: {} };
  if (svc.mode === 'replicated-job')
    return { ReplicatedJob: { MaxConcurrent: svc.maxConcurrent ?? svc.replicas, TotalCompletions: svc.replicas } };
  return { Replicated: { Replicas: svc.replicas } };
}

/** UpdateStatus as the API gives it (swarm.UpdateStatus: State, StartedAt, CompletedAt, Message). */
function updateStatusJson(svc: SwarmService): object {
  const u = svc.updateStatus;
  if (!u) return {};
  return {
    UpdateStatus: {
      State: u.state,
      StartedAt: dockerTime(u.startedAt),
      ...(u.completedAt !== undefined ? { CompletedAt: dockerTime(u.completedAt) } : {}),
      Message: u.message,
    },
  };
}

export function serviceJson(svc: SwarmService): object {
  const spec = {
    Mode: svc.endpointMode,
    ...(svc.ports.length ? { Ports: portJson(svc) } : {}),
  };
  return {
    ID: svc.id,
    Version: { Index: svc.version },
    CreatedAt: dockerTime(svc.createdAt),
    UpdatedAt: dockerTime(svc.updatedAt),
    Spec: specJson(svc),
    ...(svc.previous ? { PreviousSpec: specJson({ ...svc, ...svc.previous }) } : {}),
    Endpoint: {
      Spec: spec,
      ...(svc.ports.length ? { Ports: portJson(svc) } : {}),
      ...(svc.vips.length ? { VirtualIPs: svc.vips.map((v) => ({ NetworkID: v.networkId, Addr: v.addr })) } : {}),
    },
    ...updateStatusJson(svc),
    ...(svc.mode.endsWith('-job')
      ? { JobStatus: { JobIteration: { Index: svc.jobIteration ?? 0 }, LastExecution: dockerTime(svc.updatedAt) } }
      : {}),
  };
}

/** A ServiceSpec: the service's own, or its PreviousSpec laid over it. */
function specJson(svc: SwarmService): object {
  const spec = {
    Mode: svc.endpointMode,
    ...(svc.ports.length ? { Ports: portJson(svc) } : {}),
  };
  const x = svc.spec;
  return {
    Name: svc.name,
    Labels: svc.labels ?? {},
    TaskTemplate: {
      ContainerSpec: containerSpec(svc),
      Resources: x?.resources ?? { Limits: {}, Reservations: {} },
      RestartPolicy: x?.restartPolicy ?? { Condition: 'any', Delay: 5000000000, MaxAttempts: 0 },
      Placement: x?.placement ?? {},
      ...(svc.networks.length
        ? {
            Networks: svc.networks.map((n) => ({
              Target: n,
              Aliases: [svc.name, ...(svc.aliases?.[n] ?? [])],
            })),
          }
        : {}),
      ...(x?.logDriver ? { LogDriver: x.logDriver } : {}),
      ForceUpdate: svc.forceUpdate ?? 0,
      Runtime: 'container',
    },
    Mode: modeJson(svc),
    UpdateConfig: x?.updateConfig ?? UPDATE_DEFAULTS,
    RollbackConfig: x?.rollbackConfig ?? UPDATE_DEFAULTS,
    EndpointSpec: spec,
  };
}

/**
 * The --pretty text: serviceInspectPrettyTemplate with InsertDefaults' values. It is not a table
 * format, so formatter.Context writes it without a tabwriter: the tabs reach the terminal as tabs.
 */
function pretty(world: World, svc: SwarmService): string {
  const lines = [
    '',
    `ID:\t\t${svc.id}`,
    `Name:\t\t${svc.name}`,
    `Service Mode:${svc.mode === 'global' ? '\tGlobal' : svc.mode === 'replicated' ? '\tReplicated' : ''}`,
    ...(svc.mode === 'replicated' ? [` Replicas:\t${svc.replicas}`] : []),
    ...(svc.updateStatus
      ? [
          'UpdateStatus:',
          ` State:\t\t${svc.updateStatus.state}`,
          ` Started:\t${humanDuration(world.clock - svc.updateStatus.startedAt)} ago`,
          ...(svc.updateStatus.state === 'completed' && svc.updateStatus.completedAt !== undefined
            ? [` Completed:\t${humanDuration(world.clock - svc.updateStatus.completedAt)} ago`]
            : []),
          ` Message:\t${svc.updateStatus.message}`,
        ]
      : []),
    'Placement:',
    'UpdateConfig:',
    ' Parallelism:\t1',
    ' On failure:\tpause',
    ' Monitoring Period: 5s',
    ' Max failure ratio: 0',
    ' Update order:      stop-first',
    'RollbackConfig:',
    ' Parallelism:\t1',
    ' On failure:\tpause',
    ' Monitoring Period: 5s',
    ' Max failure ratio: 0',
    ' Rollback order:    stop-first',
    'ContainerSpec:',
    ` Image:\t\t${svc.image}`,
    ...(svc.args.length ? [` Args:\t\t${svc.args.map((a) => `${a} `).join('')}`] : []),
    ...(svc.env.length ? [` Env:\t\t${svc.env.map((e) => `${e} `).join('')}`] : []),
    ' Init:\t\tfalse',
    'Resources:',
    ...(svc.networks.length
      ? [`Networks:${svc.networks.map((n) => ` ${world.networks[n]?.name ?? n}`).join('')} `]
      : []),
    `Endpoint Mode:\t${svc.endpointMode}`,
    ...(svc.ports.length
      ? [
          'Ports:',
          ...svc.ports.flatMap((p, i) => [
            ` PublishedPort = ${p.published}`,
            `  Protocol = ${p.protocol}`,
            `  TargetPort = ${p.target}`,
            `  PublishMode = ${p.mode}${i === svc.ports.length - 1 ? ' ' : ''}`,
          ]),
        ]
      : []),
  ];
  return lines.join('\n');
}

export function serviceInspect(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, swarmSpecs(SWARM_HELP['service inspect'].flags));
  if (!p.ok) return fail(world, flagError('service inspect', p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError('service inspect', 'at least', 1), 1);
  const err = notManagerError(world, machine);
  if (err) return fail(world, [goJson([]), ...p.value.args.map(() => daemon(err))].join('\n'), 1);
  const s = world.swarm!;
  const found: SwarmService[] = [];
  const errs: string[] = [];
  for (const ref of p.value.args) {
    const r = lookupService(s, ref);
    if (r.ok) found.push(r.value);
    else errs.push(`Error: no such service: ${ref}`);
  }
  const format = last(p.value, 'format');
  let body: string;
  if (isSet(p.value, 'pretty') || format === 'pretty') {
    body = found.map((svc) => pretty(world, svc)).join('\n\n\n');
  } else if (format !== undefined && format !== '' && format !== 'json') {
    const tmpl = compileTemplate(format);
    if (!tmpl.ok) return fail(world, `template parsing error: ${tmpl.error}`, 64);
    body = found.map((svc) => tmpl.run(JSON.parse(JSON.stringify(serviceJson(svc))))).join('\n');
  } else {
    body = goJson(found.map((svc) => serviceJson(svc)));
  }
  const out = [body, ...errs].join('\n');
  return errs.length ? fail(world, out, 1) : ok(world, out);
}
