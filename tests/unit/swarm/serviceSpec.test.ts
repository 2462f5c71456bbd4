import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';
import { dockerOn, session } from './helpers';

/**
 * `docker service create`'s flags become the service spec (docker/cli v28.5.2 opts.go ToService),
 * refused on the way with the CLI's, the daemon's (convert/service.go) and swarmkit's
 * (controlapi/service.go) words, shown by `service inspect` at Docker's paths, and felt by the
 * task containers (hostname, resolv.conf, /etc/hosts, network aliases in the embedded DNS).
 */

const run = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const last = (lines: string[]) => run(lines).at(-1)!;
const SWARM = ['docker swarm init', 'docker network create -d overlay --attachable ov1'];

describe('service create refuses a spec as the CLI, the daemon and swarmkit word it', () => {
  it.each([
    ['--restart-condition sometimes', 'Error response from daemon: invalid RestartCondition: "sometimes"'],
    ['--update-failure-action explode', 'Error response from daemon: unrecognized update failure action explode'],
    ['--rollback-order sideways', 'Error response from daemon: unrecognized update order sideways'],
    ['--endpoint-mode foo', 'Error response from daemon: invalid resolution mode: "foo"'],
    [
      '--limit-memory 1m',
      'Error response from daemon: rpc error: code = InvalidArgument desc = invalid memory value 1048576: Must be at least 4MiB',
    ],
    [
      '--reserve-cpu 0.0001',
      'Error response from daemon: rpc error: code = InvalidArgument desc = invalid cpu value 0.0001: Must be at least 0.001',
    ],
    [
      '--constraint node.role=manager',
      'Error response from daemon: rpc error: code = Unknown desc = constraint expected one operator from ==, !=',
    ],
    [
      '--constraint "node.role==man<ager"',
      "Error response from daemon: rpc error: code = Unknown desc = value 'man<ager' is invalid",
    ],
    [
      '--restart-delay -1s',
      'Error response from daemon: rpc error: code = InvalidArgument desc = TaskSpec: restart-delay cannot be negative',
    ],
    [
      '--update-max-failure-ratio 2',
      'Error response from daemon: rpc error: code = InvalidArgument desc = TaskSpec: update-maxfailureratio cannot be less than 0 or bigger than 1',
    ],
    [
      '--health-interval 10us',
      'Error response from daemon: rpc error: code = InvalidArgument desc = ContainerSpec: Interval in HealthConfig cannot be less than 1ms',
    ],
    [
      '--mount type=tmpfs,target=/a --mount type=tmpfs,target=/a',
      'Error response from daemon: rpc error: code = InvalidArgument desc = ContainerSpec: duplicate mount point: /a',
    ],
    ['--no-healthcheck --health-cmd true', '--no-healthcheck conflicts with --health-* options'],
    ['--mode global --replicas 2', 'replicas can only be used with replicated or replicated-job mode'],
    [
      '--mode global --replicas-max-per-node 1',
      'replicas-max-per-node can only be used with replicated or replicated-job mode',
    ],
    ['--max-concurrent 2', 'max-concurrent can only be used with replicated-job mode'],
    ['--mode replicated-job --update-delay 1s', 'update and rollback configuration is not supported for jobs'],
    ['--mode batch', 'Unknown mode: batch, only replicated and global supported'],
    ['--secret s1', 'secret not found: s1'],
    ['--config c1', 'config not found: c1'],
    ['--env-file /nope', 'open /nope: no such file or directory'],
  ])('%s', (flags, msg) => {
    const rs = run([...SWARM, `docker service create ${flags} nginx`, 'docker service ls -q']);
    expect(rs.at(-2)!.output).toBe(msg);
    expect(rs.at(-2)!.exitCode).toBe(1);
    expect(rs.at(-1)!.output).toBe('');
  });

  it('the endpoint mode is lower-cased by the CLI before the daemon reads it', () => {
    const r = last([
      ...SWARM,
      'docker service create -d --endpoint-mode DNSRR --name d nginx',
      'docker service inspect -f "{{.Spec.EndpointSpec.Mode}}" d',
    ]);
    expect(r.output).toBe('dnsrr');
  });
});

describe('service inspect shows the flags at Docker’s paths', () => {
  const create =
    'docker service create -d --name web --network name=ov1,alias=www --hostname "{{.Service.Name}}-{{.Task.Slot}}" ' +
    '--dns 1.1.1.1 --dns-search example.com --dns-option ndots:2 --host db:10.9.9.9 --limit-memory 64m --reserve-cpu 0.5 ' +
    '--restart-condition on-failure --restart-max-attempts 3 --update-parallelism 2 --update-order start-first ' +
    '--rollback-monitor 10s -l tier=front --container-label c=1 --constraint node.role==manager --stop-signal SIGQUIT ' +
    '--stop-grace-period 30s -w /srv -u nobody --health-cmd "curl -f localhost" --health-interval 5s --init nginx';
  const inspect = (path: string) => last([...SWARM, create, `docker service inspect -f '{{json ${path}}}' web`]).output;

  it.each([
    ['.Spec.Labels', '{"tier":"front"}'],
    ['.Spec.TaskTemplate.ContainerSpec.Hostname', '"{{.Service.Name}}-{{.Task.Slot}}"'],
    ['.Spec.TaskTemplate.ContainerSpec.Labels', '{"c":"1"}'],
    ['.Spec.TaskTemplate.ContainerSpec.Dir', '"/srv"'],
    ['.Spec.TaskTemplate.ContainerSpec.User', '"nobody"'],
    ['.Spec.TaskTemplate.ContainerSpec.Init', 'true'],
    ['.Spec.TaskTemplate.ContainerSpec.StopSignal', '"SIGQUIT"'],
    ['.Spec.TaskTemplate.ContainerSpec.StopGracePeriod', '30000000000'],
    ['.Spec.TaskTemplate.ContainerSpec.Hosts', '["10.9.9.9 db"]'],
    [
      '.Spec.TaskTemplate.ContainerSpec.DNSConfig',
      '{"Nameservers":["1.1.1.1"],"Search":["example.com"],"Options":["ndots:2"]}',
    ],
    [
      '.Spec.TaskTemplate.ContainerSpec.Healthcheck',
      '{"Test":["CMD-SHELL","curl -f localhost"],"Interval":5000000000,"Timeout":0,"StartPeriod":0,"StartInterval":0,"Retries":0}',
    ],
    ['.Spec.TaskTemplate.Resources', '{"Limits":{"MemoryBytes":67108864},"Reservations":{"NanoCPUs":500000000}}'],
    ['.Spec.TaskTemplate.RestartPolicy', '{"Condition":"on-failure","Delay":5000000000,"MaxAttempts":3}'],
    ['.Spec.TaskTemplate.Placement', '{"Constraints":["node.role==manager"]}'],
    [
      '.Spec.UpdateConfig',
      '{"Parallelism":2,"FailureAction":"pause","Monitor":5000000000,"MaxFailureRatio":0,"Order":"start-first"}',
    ],
    [
      '.Spec.RollbackConfig',
      '{"Parallelism":1,"FailureAction":"pause","Monitor":10000000000,"MaxFailureRatio":0,"Order":"stop-first"}',
    ],
  ])('%s', (path, json) => expect(inspect(path)).toBe(json));

  it('the network attachment carries the alias after the service name', () => {
    expect(inspect('(index .Spec.TaskTemplate.Networks 0).Aliases')).toBe('["web","www"]');
  });

  it('a service created without flags keeps the defaults it showed before', () => {
    const r = last([
      ...SWARM,
      'docker service create -d --name plain nginx',
      "docker service inspect -f '{{json .Spec.TaskTemplate.ContainerSpec}} {{json .Spec.UpdateConfig}}' plain",
    ]);
    expect(r.output).toBe(
      '{"Image":"nginx:latest","Init":false,"StopGracePeriod":10000000000,"DNSConfig":{},"Isolation":"default"} ' +
        '{"Parallelism":1,"FailureAction":"pause","Monitor":5000000000,"MaxFailureRatio":0,"Order":"stop-first"}',
    );
  });
});

describe('the task containers follow the spec', () => {
  const setup = [
    ...SWARM,
    'docker service create -d --name web --replicas 2 --network name=ov1,alias=www --hostname "{{.Service.Name}}-{{.Task.Slot}}" --dns 1.1.1.1 --dns-search example.com --host db:10.9.9.9 -e A=1 nginx',
  ];
  const task = (slot: number, cmd: string) => `docker exec $(docker ps -q --filter name=web.${slot}.) ${cmd}`;

  it('--hostname expands its template per task, /etc/hosts and resolv.conf follow --host and --dns*', () => {
    const rs = run([
      ...setup,
      task(1, 'hostname'),
      task(2, 'hostname'),
      task(1, 'cat /etc/hosts'),
      task(1, 'cat /etc/resolv.conf'),
    ]);
    expect(rs.at(-4)!.output).toBe('web-1');
    expect(rs.at(-3)!.output).toBe('web-2');
    expect(rs.at(-2)!.output).toContain('10.9.9.9\tdb');
    expect(rs.at(-2)!.output.trim().split('\n').at(-1)).toMatch(/^10\.0\.1\.\d+\tweb-1$/);
    expect(rs.at(-1)!.output).toContain('search example.com');
    expect(rs.at(-1)!.output).toContain('# ExtServers: [1.1.1.1]');
  });

  it('the alias resolves to the service VIP on its network, tasks.<alias> to the task addresses', () => {
    const rs = run([
      ...setup,
      "docker service inspect -f '{{(index .Endpoint.VirtualIPs 0).Addr}}' web",
      'docker run --rm --network ov1 busybox nslookup www',
      'docker run --rm --network ov1 busybox nslookup tasks.www',
    ]);
    const vip = rs.at(-3)!.output.split('/')[0];
    expect(rs.at(-2)!.output).toContain(`Name:\twww\nAddress: ${vip}\n`);
    const taskIps = [...rs.at(-1)!.output.matchAll(/Address: (10\.0\.1\.\d+)/g)].map((m) => m[1]);
    expect(taskIps).toHaveLength(2);
    expect(taskIps).not.toContain(vip);
  });

  it('with --endpoint-mode dnsrr the name answers the task addresses and no VIP is allocated', () => {
    const rs = run([
      ...SWARM,
      'docker service create -d --name rr --endpoint-mode dnsrr --replicas 2 --network ov1 nginx',
      "docker service inspect -f '{{json .Endpoint.VirtualIPs}}' rr",
      'docker run --rm --network ov1 busybox nslookup rr',
      'docker service create -d --name rr2 --endpoint-mode dnsrr -p 8080:80 nginx',
    ]);
    expect(rs.at(-3)!.output).toBe('null');
    expect([...rs.at(-2)!.output.matchAll(/Address: (10\.0\.1\.\d+)/g)]).toHaveLength(2);
    expect(rs.at(-1)!.output).toBe(
      "Error response from daemon: rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode",
    );
  });
});

describe('a save from before the spec was kept', () => {
  it('a service without spec, labels or aliases inspects with the defaults and still starts tasks', () => {
    const { world } = session([...SWARM, 'docker service create -d --name old --network ov1 nginx']);
    const copy = JSON.parse(JSON.stringify(world)) as typeof world;
    for (const svc of Object.values(copy.swarm!.services)) {
      delete svc.spec;
      delete svc.labels;
      delete svc.aliases;
    }
    const spec = dockerOn(copy, 'docker-host', "docker service inspect -f '{{json .Spec.TaskTemplate}}' old");
    expect(JSON.parse(spec.output)).toMatchObject({
      ContainerSpec: { Image: 'nginx:latest', Init: false, StopGracePeriod: 10000000000, DNSConfig: {} },
      RestartPolicy: { Condition: 'any', Delay: 5000000000, MaxAttempts: 0 },
    });
    const scaled = dockerOn(copy, 'docker-host', 'docker service scale -d old=2');
    expect(scaled.output).toBe('old scaled to 2');
    expect(dockerOn(scaled.world, 'docker-host', 'docker service ls --format "{{.Replicas}}"').output).toBe('2/2');
  });
});
