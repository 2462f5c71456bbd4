import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/io/project';
import { runScript } from '../../../src/sim/console';
import { dockerOn, session, threeNodeSwarm } from './helpers';

const FULL = `[${'='.repeat(50)}>] `;

describe('--mode replicated-job / global-job', () => {
  it('a replicated job runs to completion: progress, ls, ps', () => {
    const { world, outs } = session([
      'docker swarm init',
      'docker service create --name j --mode replicated-job --replicas 3 --max-concurrent 2 busybox echo hi',
      'docker service ls',
      "docker service ps j --format '{{.Name}} {{.DesiredState}} {{.CurrentState}}'",
      "docker service inspect --format '{{json .Spec.Mode}} {{json .JobStatus.JobIteration}}' j",
    ]);
    const [id, ...rest] = outs[1].output.split('\n');
    expect(id).toMatch(/^[0-9a-z]{25}$/);
    expect(rest).toEqual([
      `job progress: 3 out of 3 complete ${FULL}`,
      'active tasks: 0 out of 0 tasks ',
      `1/3: complete  ${FULL}`,
      `2/3: complete  ${FULL}`,
      `3/3: complete  ${FULL}`,
      'job complete',
    ]);
    expect(outs[2].output.split('\n')[1]).toMatch(
      /^[0-9a-z]{12} {3}j {9}replicated job {3}0\/2 \(3\/3 completed\) {3}busybox:latest {3}$/,
    );
    const node = world.swarm!.nodes[0].id;
    // naming.Task: slot 0 is named by the node
    expect(outs[3].output.split('\n').sort()).toEqual(
      [
        'j.1 Complete Complete less than a second ago',
        'j.2 Complete Complete less than a second ago',
        `j.${node} Complete Complete less than a second ago`,
      ].sort(),
    );
    expect(outs[4].output).toBe('{"ReplicatedJob":{"MaxConcurrent":2,"TotalCompletions":3}} {"Index":0}');
    // completed tasks leave no container behind
    expect(Object.values(world.containers).filter((c) => c.name.startsWith('j.'))).toEqual([]);
  });

  it('a global job completes on every node; a long-running job stays Running', () => {
    const w = threeNodeSwarm();
    const g = dockerOn(w, 'docker-host', 'docker service create --name g --mode global-job alpine true');
    const ids = g.world.swarm!.nodes.map((n) => n.id);
    expect(g.output.split('\n').slice(1)).toEqual([
      `job progress: 3 out of 3 complete ${FULL}`,
      ...ids.map((id) => `${id}: complete  ${FULL}`),
      'job complete',
    ]);
    expect(dockerOn(g.world, 'docker-host', 'docker service ls').output).toMatch(
      /g {9}global job {3}0\/0 \(3\/3 completed\) {3}alpine:latest/,
    );
    const n = dockerOn(g.world, 'docker-host', 'docker service create --name n --mode replicated-job nginx');
    expect(n.output.split('\n').slice(1)).toEqual([
      `job progress: 0 out of 1 complete [>${' '.repeat(50)}] `,
      'active tasks: 1 out of 1 tasks ',
      `1/1: running   [${'='.repeat(45)}>${' '.repeat(5)}] `,
      'Operation continuing in background.',
      expect.stringMatching(/^Use `docker service ps [0-9a-z]{25}` to check progress\.$/),
    ]);
    expect(dockerOn(n.world, 'docker-host', 'docker service ls').output).toMatch(
      /n {9}replicated job {3}1\/1 \(0\/1 completed\) {3}nginx:latest/,
    );
  });

  it.each([
    [
      'docker service create --mode global-job --replicas 2 busybox true',
      'replicas can only be used with replicated or replicated-job mode',
    ],
    [
      'docker service create --mode global-job --max-concurrent 2 busybox true',
      'max-concurrent can only be used with replicated-job mode',
    ],
    [
      'docker service create --mode replicated --max-concurrent 2 busybox true',
      'max-concurrent can only be used with replicated-job mode',
    ],
    [
      'docker service create --mode replicated-job --update-parallelism 2 busybox true',
      'update and rollback configuration is not supported for jobs',
    ],
    [
      'docker service update --update-delay 1s j',
      'Error response from daemon: rpc error: code = InvalidArgument desc = Jobs may not have an update config',
    ],
    ['docker service update --replicas 2 j', 'replicas can only be used with replicated mode'],
  ])('%s', (line, expected) => {
    const w = session([
      'docker swarm init',
      'docker service create -d --name j --mode replicated-job busybox true',
    ]).world;
    const r = dockerOn(w, 'docker-host', line);
    expect(r.output).toBe(expected);
    expect(r.exitCode).toBe(1);
  });

  it('service update runs the job again (a new JobIteration); scale sets TotalCompletions', () => {
    const { world, outs } = session([
      'docker swarm init',
      'docker service create -d --name j --mode replicated-job busybox true',
      'docker service update -d --env-add A=1 j',
      'docker service scale j=2',
      "docker service inspect --format '{{.JobStatus.JobIteration.Index}} {{json .Spec.Mode}}' j",
      'docker service ls',
    ]);
    expect(outs[3].output.split('\n')[0]).toBe('j scaled to 2');
    expect(outs[4].output).toBe('2 {"ReplicatedJob":{"MaxConcurrent":1,"TotalCompletions":2}}');
    expect(outs[5].output).toContain('0/1 (2/2 completed)');
    expect(Object.values(world.swarm!.tasks)).toHaveLength(4);
  });
});

describe('--restart-condition / --restart-max-attempts', () => {
  it('none: a command that exits completes and is not restarted', () => {
    const { outs } = session([
      'docker swarm init',
      'docker service create --name r --restart-condition none busybox echo hi',
      "docker service ps r --format '{{.Name}} {{.DesiredState}} {{.CurrentState}}'",
      'docker service ls',
    ]);
    expect(outs[1].output.split('\n').slice(1)).toEqual([
      'overall progress: 0 out of 1 tasks ',
      '1/1:   ',
      'Operation continuing in background.',
      expect.stringMatching(/^Use `docker service ps /),
    ]);
    expect(outs[2].output).toBe('r.1 Shutdown Complete less than a second ago');
    expect(outs[3].output).toContain(' 0/1 ');
  });

  it('on-failure with max attempts: the failing task is restarted that many times, then given up', () => {
    const { outs } = session([
      'docker swarm init',
      'docker service create -d --name r --restart-condition on-failure --restart-max-attempts 2 alpine false',
      "docker service ps r --format '{{.DesiredState}} {{.Error}}'",
    ]);
    expect(outs[2].output.split('\n')).toEqual(Array(3).fill('Shutdown "task: non-zero exit (1)"'));
  });

  it('any (the default) keeps a long-running task Running; rm -f under none is not restarted', () => {
    const { world } = session([
      'docker swarm init',
      'docker service create -d --name a nginx',
      'docker service create -d --name b --restart-condition none nginx',
    ]);
    const b = Object.values(world.swarm!.tasks).find((t) => world.swarm!.services[t.serviceId].name === 'b')!;
    const out = runScript(
      world,
      [`docker rm -f ${world.containers[b.containerId!].name}`, 'docker service ls'].join('\n'),
    );
    expect(out.results[1].output).toMatch(/b {9}replicated {3}0\/1 /);
    expect(out.results[1].output).toMatch(/a {9}replicated {3}1\/1 /);
  });
});

describe('an old save (before service update) opens and updates', () => {
  it('pre-lb-save.json: update and rollback work on its service', () => {
    const res = parseProject(readFileSync(new URL('../../fixtures/saves/pre-lb-save.json', import.meta.url), 'utf8'));
    if (!res.ok) throw new Error(res.error);
    const w = res.doc.world;
    const svc = Object.values(w.swarm!.services)[0];
    expect(svc.previous).toBeUndefined();
    const out = runScript(
      w,
      [
        `docker service update -d --image nginx:alpine ${svc.name}`,
        `docker service rollback -d ${svc.name}`,
        `docker service ps --format '{{.Image}} {{.DesiredState}}' ${svc.name}`,
      ].join('\n'),
    ).results.map((r) => r.output);
    expect(out[0]).toBe(svc.name);
    expect(out[1]).toBe(svc.name);
    const rows = out[2].split('\n');
    expect(rows.filter((r) => r.endsWith('Running'))).toEqual(Array(2).fill(`${svc.image} Running`));
    expect(rows.filter((r) => r === 'nginx:alpine Shutdown')).toHaveLength(2);
  });
});

describe('service ls REPLICAS with --replicas-max-per-node (formatter.go maxReplicas)', () => {
  it('a replicated service shows its cap; a job does not', () => {
    const { outs } = session([
      'docker swarm init',
      'docker service create -d --name capped --replicas 2 --replicas-max-per-node 1 nginx',
      'docker service create -d --name j --mode replicated-job --replicas-max-per-node 1 busybox true',
      "docker service ls --format '{{.Name}} {{.Replicas}}'",
    ]);
    expect(outs[3].output).toBe('capped 1/2 (max 1 per node)\nj 0/1 (1/1 completed)');
  });
});
