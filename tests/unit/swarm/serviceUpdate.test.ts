import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { backendsOf, loadBalancers } from '../../../src/sim/swarm/loadBalancer';
import { createDefaultWorld } from '../../../src/sim/world';
import { dockerOn, session } from './helpers';

const BAR = `[${'='.repeat(50)}>] `;
const svcSetup = [
  'docker swarm init',
  'docker network create -d overlay appnet',
  'docker service create -d --name web -p 8080:80 --network appnet --replicas 2 nginx',
];

describe('docker service update', () => {
  it('prints the service as typed, then the settled progress; old tasks Shutdown under "\\_" rows', () => {
    const { world, outs } = session([...svcSetup, 'docker service update --image nginx:alpine web']);
    expect(outs[3].output.split('\n')).toEqual([
      'web',
      'overall progress: 2 out of 2 tasks ',
      `1/2: running   ${BAR}`,
      `2/2: running   ${BAR}`,
      'verify: Service web converged ',
    ]);
    const ps = dockerOn(world, 'docker-host', 'docker service ps web').output.split('\n');
    expect(ps.map((l) => l.replace(/^[0-9a-z]{12}/, 'ID').replace(/\s+$/, ''))).toEqual([
      'ID             NAME        IMAGE          NODE          DESIRED STATE   CURRENT STATE                     ERROR     PORTS',
      'ID   web.1       nginx:alpine   docker-host   Running         Running less than a second ago',
      'ID    \\_ web.1   nginx:latest   docker-host   Shutdown        Shutdown less than a second ago',
      'ID   web.2       nginx:alpine   docker-host   Running         Running less than a second ago',
      'ID    \\_ web.2   nginx:latest   docker-host   Shutdown        Shutdown less than a second ago',
    ]);
  });

  it('new tasks get new overlay addresses; the VIP is kept; IPVS balances over the new tasks', () => {
    const before = session(svcSetup).world;
    const after = dockerOn(before, 'docker-host', 'docker service update -d --env-add A=1 web').world;
    const svc = Object.values(after.swarm!.services)[0];
    expect(svc.vips).toEqual(Object.values(before.swarm!.services)[0].vips);
    const oldIps = Object.values(before.swarm!.tasks).flatMap((t) => t.addrs.map((a) => a.ip));
    const live = Object.values(after.swarm!.tasks).filter((t) => t.desired === 'running');
    expect(live).toHaveLength(2);
    for (const t of live) for (const a of t.addrs) expect(oldIps).not.toContain(a.ip);
    for (const lb of loadBalancers(after))
      expect(
        backendsOf(after, lb)
          .map((b) => b.task.id)
          .sort(),
      ).toEqual(live.map((t) => t.id).sort());
    const env = runScript(after, "docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec.Env}}' web");
    expect(env.results[0].output).toBe('["A=1"]');
  });

  it('--publish-add / --publish-rm (by target port) change the routing mesh', () => {
    const { world, outs } = session([
      ...svcSetup,
      'docker service update -d --publish-add 9090:80 web',
      'docker service ls',
      'docker service update -d --publish-rm 80 web',
      'docker service ls',
      "docker service inspect --format '{{json .Endpoint.VirtualIPs}}' web",
    ]);
    expect(outs[4].output).toMatch(/\*:8080->80\/tcp, \*:9090->80\/tcp$/);
    expect(outs[6].output.split('\n')[1]).toMatch(/nginx:latest {3}$/);
    // no ingress port left: the service leaves ingress, its ingress VIP goes; the appnet VIP stays
    const appnet = Object.values(world.networks).find((n) => n.name === 'appnet')!;
    expect(outs[7].output).toBe(`[{"NetworkID":"${appnet.id}","Addr":"10.0.1.2/24"}]`);
    expect(runScript(world, 'iptables -t nat -S DOCKER-INGRESS').results[0].output).not.toContain('9090');
  });

  it('--network-add / --network-rm: tasks move, a VIP on the new network', () => {
    const { world } = session([
      ...svcSetup,
      'docker network create -d overlay other',
      'docker service update -d --network-add other --network-rm appnet web',
    ]);
    const other = Object.values(world.networks).find((n) => n.name === 'other')!;
    const svc = Object.values(world.swarm!.services)[0];
    expect(svc.networks).toEqual([other.id]);
    expect(svc.vips.map((v) => v.addr)).toEqual(['10.0.0.3/24', '10.0.2.2/24']);
    for (const t of Object.values(world.swarm!.tasks).filter((x) => x.desired === 'running'))
      expect(world.containers[t.containerId!].endpoints.map((e) => world.networks[e.networkId].name)).toEqual([
        'ingress',
        'docker_gwbridge',
        'other',
      ]);
  });

  it('--replicas, --label-add without task changes: no UpdateStatus; PreviousSpec kept', () => {
    const { world, outs } = session([
      ...svcSetup,
      'docker service update -d --replicas 3 --label-add tier=web web',
      "docker service inspect --format '{{.Spec.Labels}} {{.Spec.Mode.Replicated.Replicas}} {{.PreviousSpec.Mode.Replicated.Replicas}}' web",
    ]);
    expect(outs[3].output).toBe('web');
    expect(outs[4].output).toBe('map[tier:web] 3 2');
    expect(Object.values(world.swarm!.services)[0].updateStatus).toBeUndefined();
    expect(Object.values(world.swarm!.tasks)).toHaveLength(3);
  });

  it('UpdateStatus, ForceUpdate and --pretty after --force', () => {
    const { outs } = session([
      ...svcSetup,
      'docker service update -d --force web',
      "docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}} {{.Spec.TaskTemplate.ForceUpdate}}' web",
      'docker service inspect --pretty web',
    ]);
    expect(outs[4].output).toBe('completed update completed 1');
    expect(outs[5].output).toContain(
      'UpdateStatus:\n State:\t\tcompleted\n Started:\tLess than a second ago\n Completed:\tLess than a second ago\n Message:\tupdate completed\n',
    );
  });

  it('health, generic resources, DNS and hosts as updateService sets them', () => {
    const { outs } = session([
      ...svcSetup,
      'docker service update -d --health-cmd "curl -f localhost" --health-retries 3 --generic-resource-add gpu=2 --dns-add 9.9.9.9 --dns-add 1.1.1.1 --host-add db:10.1.2.3 web',
      "docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec.Healthcheck}} {{json .Spec.TaskTemplate.Resources.Reservations}} {{json .Spec.TaskTemplate.ContainerSpec.DNSConfig}} {{json .Spec.TaskTemplate.ContainerSpec.Hosts}}' web",
      'docker service update -d --no-healthcheck --health-retries 1 web',
      'docker service update -d --generic-resource-rm fpga web',
    ]);
    expect(outs[4].output).toBe(
      '{"Test":["CMD-SHELL","curl -f localhost"],"Retries":3} {"GenericResources":[{"DiscreteResourceSpec":{"Kind":"gpu","Value":2}}]} {"Nameservers":["1.1.1.1","9.9.9.9"]} ["10.1.2.3 db"]',
    );
    expect(outs[5].output).toBe('--no-healthcheck conflicts with --health-* options');
    expect(outs[6].output).toBe('could not find generic-resource `fpga` to remove it');
  });

  it('a global service: a node its new constraints exclude loses its task, and gets one back', () => {
    const { world, outs } = session([
      'docker swarm init',
      'docker service create -d --name agent --mode global busybox sleep 1d',
      'docker service update -d --constraint-add node.role==worker agent',
      "docker service ps agent --format '{{.DesiredState}} {{.CurrentState}}'",
      'docker service update -d --constraint-rm node.role==worker agent',
    ]);
    expect(outs[3].output).toBe('Shutdown Shutdown less than a second ago');
    expect(Object.values(world.swarm!.tasks).map((t) => t.desired)).toEqual(['shutdown', 'running']);
  });

  it.each([
    ['docker service update --image nginx nope', 'Error response from daemon: service nope not found'],
    ['docker service update --network-add appnet web', 'service is already attached to network appnet'],
    ['docker service update --network-add nope web', 'Error response from daemon: network nope not found'],
    ['docker service update --rollback --image x web', 'other flags may not be combined with --rollback'],
    [
      'docker service update --rollback web',
      /^Error response from daemon: rpc error: code = FailedPrecondition desc = service [0-9a-z]{25} does not have a previous spec$/,
    ],
    ['docker service update --secret-add s1 web', 'secret not found: s1'],
    [
      'docker service update --restart-condition bad web',
      'Error response from daemon: invalid RestartCondition: "bad"',
    ],
    [
      'docker service update --update-failure-action bad web',
      'Error response from daemon: unrecognized update failure action bad',
    ],
    [
      'docker service update --endpoint-mode dnsrr web',
      "Error response from daemon: rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode",
    ],
    [
      'docker service update --publish-add 8081:80 web',
      /^Error response from daemon: rpc error: code = InvalidArgument desc = port '8081' is already in use by service 'other' \([0-9a-z]{25}\) as an ingress port$/,
    ],
    [
      'docker service update web web',
      "docker: 'docker service update' requires 1 argument\n\nUsage:  docker service update [OPTIONS] SERVICE\n\nRun 'docker service update --help' for more information",
    ],
  ])('%s', (line, expected) => {
    const w = session([...svcSetup, 'docker service create -d --name other -p 8081:80 nginx']).world;
    const r = dockerOn(w, 'docker-host', line);
    if (typeof expected === 'string') expect(r.output).toBe(expected);
    else expect(r.output).toMatch(expected);
    expect(r.exitCode).toBe(1);
    expect(r.world).toBe(w);
  });

  it('--help lists update.go and addServiceFlags without create-only flags or create defaults', () => {
    const help = dockerOn(createDefaultWorld(), 'docker-host', 'docker service update --help').output;
    expect(help).toMatch(/^Usage: {2}docker service update \[OPTIONS\] SERVICE\n\nUpdate a service\n/);
    expect(help).toContain('      --publish-add port                   Add or update a published port\n');
    expect(help).toMatch(/--update-parallelism uint {12}Maximum number of tasks\n/);
    expect(help).not.toContain('(default 1)');
    expect(help).not.toContain('--mode ');
    expect(help).not.toContain('--name ');
  });
});

describe('docker service rollback', () => {
  it('back to PreviousSpec with the rollback lines; the spec before becomes the previous one', () => {
    const { world, outs } = session([
      ...svcSetup,
      'docker service update -d --image nginx:alpine web',
      'docker service rollback web',
      "docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.PreviousSpec.TaskTemplate.ContainerSpec.Image}} {{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web",
      'docker service rollback -d web',
    ]);
    expect(outs[4].output.split('\n')).toEqual([
      'web',
      'rollback: manually requested rollback ',
      'overall progress: rolling back update: 2 out of 2 tasks ',
      `1/2: running   ${BAR}`,
      `2/2: running   ${BAR}`,
      'verify: Service web converged ',
      'rollback: rollback completed',
    ]);
    expect(outs[5].output).toBe('nginx:latest nginx:alpine rollback_completed rollback completed');
    expect(outs[6].output).toBe('web');
    expect(Object.values(world.swarm!.services)[0].image).toBe('nginx:alpine');
  });

  it('a service never updated: the daemon refuses', () => {
    const r = dockerOn(session(svcSetup).world, 'docker-host', 'docker service rollback web');
    expect(r.output).toMatch(
      /^Error response from daemon: rpc error: code = FailedPrecondition desc = service [0-9a-z]{25} does not have a previous spec$/,
    );
  });
});

describe('an update whose new tasks fail (updater.go failure actions)', () => {
  const warn = [
    'image my-image:latest could not be accessed on a registry to record',
    'its digest. Each node will access my-image:latest independently,',
    'possibly leading to different nodes running different',
    'versions of the image.',
    '',
  ];

  it('pause (the default): stops after the first slot, the CLI ends in error; the other slot keeps its task', () => {
    const { world, outs } = session([
      'docker swarm init',
      'docker service create -d --name web --replicas 2 nginx',
      'docker service update --image my-image web',
      'docker service ls',
    ]);
    const failed = Object.values(world.swarm!.tasks).find((t) => t.state === 'rejected')!;
    expect(outs[2].output.split('\n')).toEqual([
      ...warn,
      'web',
      'overall progress: 0 out of 2 tasks ',
      '1/2: No such image: my-image:latest ',
      '2/2:   ',
      `service update paused: update paused due to failure or early termination of task ${failed.id}`,
    ]);
    expect(outs[2].exitCode).toBe(1);
    expect(outs[3].output).toContain(' 1/2 ');
    expect(Object.values(world.swarm!.services)[0].updateStatus?.state).toBe('paused');
  });

  it('rollback: back to the previous spec, PreviousSpec dropped, the rollback lines', () => {
    const { world, outs } = session([
      'docker swarm init',
      'docker service create -d --name api --replicas 2 --update-failure-action rollback nginx',
      'docker service update --image my-image api',
    ]);
    const failed = Object.values(world.swarm!.tasks).find((t) => t.state === 'rejected')!;
    expect(outs[2].output.split('\n')).toEqual([
      ...warn,
      'api',
      'overall progress: rolling back update: 2 out of 2 tasks ',
      `1/2: running   ${BAR}`,
      `2/2: running   ${BAR}`,
      `rollback: update rolled back due to failure or early termination of task ${failed.id} `,
      'verify: Service api converged ',
      'rollback: rollback completed',
    ]);
    const svc = Object.values(world.swarm!.services)[0];
    expect([svc.image, svc.previous, svc.updateStatus?.state]).toEqual([
      'nginx:latest',
      undefined,
      'rollback_completed',
    ]);
  });

  it('continue, or --update-parallelism 0: every slot replaced before any check', () => {
    for (const flags of ['--update-failure-action continue', '--update-parallelism 0']) {
      const { world } = session([
        'docker swarm init',
        `docker service create -d --name c --replicas 3 ${flags} nginx`,
        'docker service update -d --image my-image c',
      ]);
      expect(Object.values(world.swarm!.tasks).filter((t) => t.state === 'rejected')).toHaveLength(3);
    }
  });
});
