import { performance } from 'node:perf_hooks';
import { createSession, runLine, type Session } from '../src/sim/console';
import { addDockerHost, createDefaultWorld } from '../src/sim/world';
import type { BudgetCheck } from './budgets';
import { median, p95 } from './stats';

/**
 * The swarm world of issue 12: `hosts` Docker hosts in one swarm, `overlays` user overlays and
 * `tasks` tasks (services of 5 replicas, spread over the nodes, every tenth published on the
 * routing mesh). Times every `docker service create` of the build, then the routing mesh: `curl`
 * from pc1 to a node that has no task of a one-replica service, so the request goes DOCKER-INGRESS
 * → ingress_sbox → IPVS → VXLAN to the task's node and back.
 */
export interface SwarmFigures {
  hosts: number;
  overlays: number;
  services: number;
  tasks: number;
  serviceCreateMedianMs: number;
  serviceCreateP95Ms: number;
  ingressCurlTraceMedianMs: number;
  ingressCurlTraceSteps: number;
  /** a plain `docker run -d nginx` in the same world and process: what a machine's speed does to the figures */
  dockerRunRefMedianMs: number;
}

const REPLICAS = 5;

function run(s: Session, line: string): Session {
  const r = runLine(s, line);
  if (r.exitCode !== 0) throw new Error(`bench setup failed: ${line}\n${r.output}`);
  return r.session;
}

export function benchSwarm(hosts = 5, tasks = 500, overlays = 3): SwarmFigures {
  let w = createDefaultWorld();
  for (let i = 1; i < hosts; i++) {
    const r = addDockerHost(w, `docker-host-${i + 1}`, `192.168.0.${10 + i}`);
    if (!r.ok) throw new Error(r.error);
    w = r.world;
  }
  let s = createSession(w);
  const init = runLine(s, 'docker swarm init --advertise-addr 192.168.0.10');
  s = init.session;
  const join = /docker swarm join --token \S+ \S+/.exec(init.output)![0];
  for (let i = 1; i < hosts; i++) s = run(s, `@docker-host-${i + 1} ${join}`);
  for (let n = 0; n < overlays; n++) s = run(s, `docker network create -d overlay ov${n}`);
  // the mesh's service first: one task, on the first node (the scheduler's spread)
  s = run(s, 'docker service create -d --name web -p 8080:80 nginx');
  const times: number[] = [];
  const services = Math.ceil(tasks / REPLICAS);
  for (let i = 0; i < services; i++) {
    const publish = i % 10 === 0 ? ` -p ${9000 + i}:80` : '';
    const line = `docker service create -d --name s${i} --replicas ${REPLICAS} --network ov${i % overlays}${publish} nginx`;
    const t = performance.now();
    s = run(s, line);
    times.push(performance.now() - t);
  }
  const task = Object.values(s.world.swarm!.tasks).find((t) => s.world.swarm!.services[t.serviceId].name === 'web')!;
  const other = s.world.swarm!.nodes.find((n) => n.machine !== task.node)!;
  const curl = `@pc1 curl -s -o /dev/null http://${other.addr.split(':')[0]}:8080/`;
  const probe = runLine(s, curl);
  const steps = probe.trace?.steps ?? [];
  if (probe.exitCode !== 0 || steps.filter((x) => x.action === 'vxlan-encap').length < 2)
    throw new Error(`bench trace failed: ${curl}\n${probe.output}`);
  const base = probe.session;
  const curlMs: number[] = [];
  for (let i = 0; i < 20; i++) runLine(base, curl);
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    runLine(base, curl);
    curlMs.push(performance.now() - t);
  }
  const runMs: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    runLine(base, `docker run -d --name ref${i} nginx`);
    runMs.push(performance.now() - t);
  }
  return {
    hosts,
    overlays,
    services: services + 1,
    tasks: Object.values(s.world.swarm!.tasks).filter((t) => t.desired === 'running').length,
    serviceCreateMedianMs: median(times),
    serviceCreateP95Ms: p95(times),
    ingressCurlTraceMedianMs: median(curlMs),
    ingressCurlTraceSteps: steps.length,
    dockerRunRefMedianMs: median(runMs),
  };
}

const check = (name: string, value: number, limit: number): BudgetCheck => ({
  name,
  value,
  limit,
  unit: 'ms',
  ok: Number.isFinite(value) && value <= limit + 1e-9,
});

/** Issue 12's swarm budgets. */
export function swarmBudgets(f: SwarmFigures): BudgetCheck[] {
  return [
    check('swarm: median ms per `docker service create`', f.serviceCreateMedianMs, 5),
    check('swarm: ingress curl trace through VXLAN, median', f.ingressCurlTraceMedianMs, 0.5),
  ];
}

/** The swarm figures as rows of run.ts's table. */
export function swarmRows(f: SwarmFigures, budgets: BudgetCheck[]): string[][] {
  const v = (b: BudgetCheck | undefined) => (b ? [`≤ ${b.limit} ${b.unit}`, b.ok ? 'ok' : 'MISS'] : ['', '']);
  const [create, curl] = [
    budgets.find((b) => b.name.startsWith('swarm: median')),
    budgets.find((b) => b.name.startsWith('swarm: ingress')),
  ];
  return [
    [
      `swarm: ${f.hosts} hosts, ${f.overlays} overlays, ${f.tasks} tasks: \`docker service create\` (${REPLICAS} replicas), median / p95`,
      `${f.serviceCreateMedianMs.toFixed(3)} / ${f.serviceCreateP95Ms.toFixed(3)} ms (a plain \`docker run\` there: ${f.dockerRunRefMedianMs.toFixed(3)} ms)`,
      ...v(create),
    ],
    [
      `swarm: curl pc1 → node → ingress_sbox → IPVS → VXLAN → task (${f.ingressCurlTraceSteps} steps), median`,
      `${f.ingressCurlTraceMedianMs.toFixed(3)} ms`,
      ...v(curl),
    ],
  ];
}
