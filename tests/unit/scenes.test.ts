import { describe, expect, it } from 'vitest';
import { type LineResult, runLine, runScript, type Session } from '../../src/sim/console';
import type { Step } from '../../src/sim/model';
import { SCENES, type Scene, sceneById, sceneContainers, sceneWorld } from '../../src/sim/scenes';

/**
 * Lesson scenes: every script line does what the seed shows (the yellow app's conflict is the one
 * failure), and every suggested packet ends the way the lesson says, from the scene's own World.
 */

function build(scene: Scene): { results: LineResult[]; lines: string[]; session: Session } {
  return runScript(sceneWorld(scene), `${scene.script.join('\n')}\n`);
}

function send(scene: Scene, packetId: string): LineResult {
  const p = scene.packets.find((x) => x.id === packetId);
  if (!p) throw new Error(`no packet ${packetId}`);
  return runLine(build(scene).session, p.line);
}

const ipOf = (s: Step) => `${s.frame.ip?.dst}:${s.frame.l4?.dport}`;

describe.each(SCENES.map((s) => [s.id, s] as const))('scene %s', (_id, scene) => {
  const { results, lines, session } = build(scene);

  it('runs every line with exit 0, except the failures the seed shows', () => {
    const codes = lines.map((l, i) => [l, results[i].exitCode === 0] as const);
    for (const [line, ok] of codes) expect(ok, line).toBe(!scene.expectedFailures.includes(line));
    expect(scene.expectedFailures.every((l) => lines.includes(l))).toBe(true);
  });

  it('creates the containers it names, on the Docker host, and ends at the host prompt', () => {
    // a swarm's task containers are named by the swarm (web.1.<task id>), not by the script
    const names = Object.values(session.world.containers)
      .filter((c) => !c.labels?.['com.docker.swarm.task.id'])
      .map((c) => c.name);
    expect(names.sort()).toEqual([...sceneContainers(scene)].sort());
    expect(session.stack).toEqual([{ kind: 'machine', id: 'docker-host' }]);
  });

  it.each(scene.packets.map((p) => [p.id, p] as const))('packet %s ends as the lesson says', (_pid, p) => {
    const r = runLine(session, p.line);
    expect(r.trace, p.line).toBeDefined();
    expect(r.trace?.outcome).toEqual(p.expect);
    expect(r.exitCode === 0).toBe(p.expect.ok);
    if (p.shows) expect(r.output).toContain(p.shows);
  });

  it('packets keep their outcomes when sent one after another (ARP and conntrack warm)', () => {
    let s = session;
    for (const p of [...scene.packets, ...scene.packets]) {
      const r = runLine(s, p.line);
      expect(r.trace?.outcome, p.line).toEqual(p.expect);
      s = r.session;
    }
  });

  it('has a title and summary in English and Korean', () => {
    for (const t of [scene.title, scene.summary, ...scene.packets.map((p) => p.label)]) {
      expect(t.en.length).toBeGreaterThan(0);
      expect(t.ko).toMatch(/[가-힣]|→/);
    }
  });
});

describe('what each lesson teaches', () => {
  it('seed 004: the yellow app fails with Docker’s bind error and stays Created', () => {
    const scene = sceneById('port-forwarding')!;
    const { lines, results, session } = build(scene);
    const yellow = results[lines.indexOf(scene.expectedFailures[0])];
    expect(yellow.exitCode).toBe(125);
    expect(yellow.output).toMatch(/Bind for 0\.0\.0\.0:8003 failed: port is already allocated$/m);
    const c = Object.values(session.world.containers).find((x) => x.name === 'yellowColorApp');
    expect(c?.state).toBe('created');
  });

  it('seed 004: 8004 is forwarded to 3030 inside greenColorApp (172.17.0.6: yellow holds no address), where nothing listens', () => {
    const scene = sceneById('port-forwarding')!;
    const r = send(scene, 'pc1-8004');
    const dnat = r.trace!.steps.find((s) => s.action === 'dnat');
    expect(dnat && ipOf(dnat)).toBe('172.17.0.6:3030');
  });

  it('seed 004: ARP flood and reply, then ICMP echo request and reply, after the DNS answer', () => {
    const r = send(sceneById('dns-test')!, 'a-b-ping');
    const actions = r.trace!.steps.map((s) => s.action);
    const at = (a: string) => actions.indexOf(a);
    expect(at('dns-answer')).toBeLessThan(at('arp-request'));
    expect(at('arp-request')).toBeLessThan(at('flood'));
    expect(at('flood')).toBeLessThan(at('arp-reply'));
    const icmp = r.trace!.steps.map((s) => s.frame.l4?.icmpType).filter(Boolean);
    expect(icmp).toContain('echo-request');
    expect(icmp).toContain('echo-reply');
  });

  it('seed 000: remote → router → docker-host → web, rewritten by the router then by Docker', () => {
    const r = send(sceneById('nat-portfwd')!, 'remote-80');
    const dnats = r.trace!.steps.filter((s) => s.action === 'dnat');
    const first = dnats.slice(0, 2).map((s) => [(s.at as { node: string }).node, ipOf(s)]);
    expect(first).toEqual([
      ['router', '192.168.0.10:8001'],
      ['docker-host', '172.17.0.2:80'],
    ]);
    expect(r.trace!.steps.at(-1)?.at).toEqual({ node: 'remote' });
  });

  it('seed 000: web reaches google.com through Docker’s MASQUERADE and the router’s NAT', () => {
    const r = send(sceneById('nat-portfwd')!, 'web-google');
    const tcpSnat = r.trace!.steps.filter((s) => s.action === 'snat' && s.frame.ip?.proto === 'tcp');
    const where = (steps: typeof tcpSnat) => steps.map((s) => [(s.at as { node: string }).node, s.frame.ip?.src]);
    // the SYN is masqueraded by the rules, the request that follows by the conntrack entry the SYN made
    expect(where(tcpSnat.filter((s) => s.explain.key === 'nat.snat'))).toEqual([
      ['docker-host', '192.168.0.10'],
      ['router', '124.111.46.91'],
    ]);
    expect(where(tcpSnat.filter((s) => s.explain.key === 'nat.ct-snat'))).toEqual([
      ['docker-host', '192.168.0.10'],
      ['router', '124.111.46.91'],
    ]);
    expect(r.trace!.steps.filter((s) => s.action === 'dnat')).toEqual([]);
  });

  it('sceneById and sceneContainers', () => {
    expect(sceneById('nope')).toBeUndefined();
    expect(sceneContainers(sceneById('nat-portfwd')!)).toEqual(['web']);
    expect(sceneContainers(sceneById('dns-test')!)).toEqual(['containerA', 'containerB']);
  });
});
