import { describe, expect, it } from 'vitest';
import { type Frame, runLine, runScript } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';
import {
  buildSendLine,
  type SendSpec,
  sourceChoices,
  sourceOfNode,
  targetAddress,
  targetOfNode,
} from '../../../src/ui/sim/sendPacket';

/** The "Send a packet…" form: spec in, the console line a person would type out, and it runs. */

const HOST: Frame = { kind: 'machine', id: 'docker-host' };

function world(): World {
  return runScript(
    createDefaultWorld(),
    [
      'docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge',
      'docker run -d --network second-bridge --name containerA devwikirepo/pingbuntu',
      'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
      'docker run -d -p 8001:80 --name web nginx',
      'docker run -d --name stopped busybox',
    ].join('\n'),
  ).session.world;
}

const spec = (source: string, target: string, kind: SendSpec['kind'], port = 80): SendSpec => ({
  source,
  target,
  kind,
  port,
});

describe('buildSendLine', () => {
  const w = world();
  it.each([
    [spec('containerA', 'containerB', 'ping'), HOST, 'docker exec containerA ping -c 1 containerB'],
    [spec('pc1', '192.168.0.10', 'http', 8001), HOST, '@pc1 curl -s http://192.168.0.10:8001/'],
    [spec('containerA', 'containerB', 'dns'), HOST, 'docker exec containerA nslookup containerB'],
    [spec('remote', 'router', 'http'), HOST, '@remote curl -s http://124.111.46.91/'],
    [spec('pc1', 'router', 'ping'), HOST, '@pc1 ping -c 1 192.168.0.1'],
    [spec('web', 'google.com', 'http'), HOST, 'docker exec web curl -s http://google.com/'],
    [spec('docker-host', 'web', 'http'), HOST, 'curl -s http://172.17.0.2/'],
    [spec('web', 'containerA', 'http'), HOST, 'docker exec web curl -s http://10.0.0.2/'],
    [spec('pc1', 'dns', 'ping'), HOST, '@pc1 ping -c 1 8.8.8.8'],
    [spec('pc1', 'docker-host', 'http', 8001), HOST, '@pc1 curl -s http://192.168.0.10:8001/'],
    [spec('pc1', 'pc1', 'ping'), { kind: 'machine', id: 'pc1' }, 'ping -c 1 192.168.0.20'],
  ] as const)('%o at %o → %s', (s, here, line) => {
    expect(buildSendLine(w, here, s).line).toBe(line);
  });

  it('inside a container, a line from that container is bare; from elsewhere it is @NAME', () => {
    const a = Object.values(w.containers).find((c) => c.name === 'containerA')!;
    const inA: Frame = { kind: 'container', id: a.id };
    expect(buildSendLine(w, inA, spec('containerA', 'containerB', 'ping')).line).toBe('ping -c 1 containerB');
    expect(buildSendLine(w, inA, spec('pc1', 'google.com', 'dns')).line).toBe('@pc1 nslookup google.com');
    expect(buildSendLine(w, inA, spec('web', 'google.com', 'dns')).line).toBe('@web nslookup google.com');
  });

  it('says when the source image lacks the tool (pingbuntu has ping only; nginx has curl, no ping)', () => {
    expect(buildSendLine(w, HOST, spec('containerA', 'containerB', 'dns'))).toMatchObject({
      tool: 'nslookup',
      missingTool: true,
      image: 'devwikirepo/pingbuntu',
    });
    expect(buildSendLine(w, HOST, spec('containerA', 'containerB', 'ping')).missingTool).toBe(false);
    expect(buildSendLine(w, HOST, spec('web', 'containerA', 'ping')).missingTool).toBe(true);
    expect(buildSendLine(w, HOST, spec('router', 'remote', 'http')).missingTool).toBe(true);
  });

  it('a line flagged as missing its tool fails in the engine with Docker’s own error', () => {
    const plan = buildSendLine(w, HOST, spec('containerA', 'containerB', 'dns'));
    const r = runLine({ world: w, stack: [HOST] }, plan.line);
    expect(r.exitCode).not.toBe(0);
    expect(r.output).toContain('exec: "nslookup": executable file not found in $PATH');
  });

  it('the lines it builds run and trace', () => {
    for (const s of [spec('containerA', 'containerB', 'ping'), spec('remote', 'router', 'ping')]) {
      const r = runLine({ world: w, stack: [HOST] }, buildSendLine(w, HOST, s).line);
      expect(r.trace?.outcome.ok, JSON.stringify(s)).toBe(true);
    }
  });
});

describe('choices and canvas picks', () => {
  const w = world();
  it('sources: every machine and running containers only', () => {
    const values = sourceChoices(w).map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['docker-host', 'pc1', 'remote', 'containerA', 'web']));
    expect(values).not.toContain('stopped');
  });

  it('sources: a paused container is left out (docker exec refuses it)', () => {
    const paused = runLine({ world: w, stack: [{ kind: 'machine', id: 'docker-host' }] }, 'docker pause web').session
      .world;
    expect(paused.containers[Object.values(paused.containers).find((c) => c.name === 'web')!.id].paused).toBe(true);
    expect(sourceChoices(paused).map((c) => c.value)).not.toContain('web');
  });

  it('targets by name resolve only where Docker DNS answers', () => {
    expect(targetAddress(w, 'containerA', 'containerB')).toBe('containerB');
    expect(targetAddress(w, 'docker-host', 'containerB')).toBe('10.0.0.3');
    expect(targetAddress(w, 'pc1', '10.9.9.9')).toBe('10.9.9.9');
  });

  it('canvas node ids map to sources and targets', () => {
    const web = Object.values(w.containers).find((c) => c.name === 'web')!;
    const stopped = Object.values(w.containers).find((c) => c.name === 'stopped')!;
    expect(sourceOfNode(w, 'pc1')).toBe('pc1');
    expect(sourceOfNode(w, `ctr:${web.id}`)).toBe('web');
    expect(sourceOfNode(w, `ctr:${stopped.id}`)).toBeNull();
    expect(targetOfNode(w, `ctr:${stopped.id}`)).toBe('stopped');
    expect(sourceOfNode(w, 'seg:lan')).toBeNull();
    expect(targetOfNode(w, 'net:abc')).toBeNull();
  });
});
