import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runText, startWorld } from '../../src/cli/sim';
import { type LineResult, runLine, runScript } from '../../src/sim/console';
import { sceneById, sceneWorld } from '../../src/sim/scenes';

/**
 * Seed 001 ("Docker 네트워크 통신과 관련된 자세한 개념"): every Docker line the article types, in its
 * order, replayed as `npm run sim -- --hosts 2` replays it (tests/fixtures/seeds/001-communication.txt;
 * my-image, the article's placeholder, is nginx there), and the lines its lessons type in the console.
 */
const text = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '001-communication.txt'), 'utf8');
const { lines, results } = runScript(startWorld({ json: false, seed: 28, hosts: 2 }), text);
const at = (line: string, nth = 0): LineResult => {
  const hits = lines.flatMap((l, i) => (l === line ? [results[i]] : []));
  if (!hits[nth]) throw new Error(`no line ${line}`);
  return hits[nth];
};
const ID64 = /^[0-9a-f]{64}$/;
const WELCOME = '<h1>Welcome to nginx!</h1>';

describe('seed 001 replayed line by line (two Docker hosts)', () => {
  it('my-image itself is refused as a real Docker refuses it: the article’s placeholder does not exist', () => {
    const r = at('docker run -d --name my-image-check my-image');
    expect(r.exitCode).toBe(125);
    expect(r.output).toContain("Unable to find image 'my-image:latest' locally");
    expect(r.output).toContain('pull access denied for my-image, repository does not exist');
  });

  it('§1 localhost inside a container is the container: its nginx answers on 80, 8080 is refused', () => {
    expect(at('docker run -d --name web1 nginx').output).toMatch(ID64);
    const ok = at('docker exec web1 curl -s http://localhost');
    expect(ok.output).toContain(WELCOME);
    expect(ok.trace?.outcome).toEqual({ ok: true, summary: 'HTTP 200 from 127.0.0.1:80' });
    const refused = at('docker exec web1 curl -s http://localhost:8080');
    expect(refused.exitCode).toBe(7);
    expect(refused.trace?.outcome).toEqual({ ok: false, summary: 'connection refused' });
    // loopback never leaves the container
    expect(new Set(ok.trace?.steps.map((s) => ('node' in s.at ? s.at.node : s.at.link)))).toHaveProperty('size', 1);
  });

  it('§2 network inspect bridge, a user-defined network, two containers by name and by IP', () => {
    const inspect = JSON.parse(at('docker network inspect bridge').output);
    expect(inspect[0]).toMatchObject({
      Name: 'bridge',
      Driver: 'bridge',
      IPAM: { Config: [{ Subnet: '172.17.0.0/16' }] },
    });
    expect(at('docker network create my-network').output).toMatch(ID64);
    expect(at('docker run -d --name container-a --network my-network nginx').output).toMatch(ID64);
    expect(at('docker run -d --name container-b --network my-network nginx').output).toMatch(ID64);
    const byName = at('docker exec container-a curl -s http://container-b');
    expect(byName.output).toContain(WELCOME);
    expect(byName.trace?.steps.some((s) => s.action === 'dns-answer')).toBe(true);
    expect(byName.trace?.steps.some((s) => s.action === 'arp-request')).toBe(true);
    expect(at('docker exec container-a curl -s http://172.18.0.3').output).toContain(WELCOME);
  });

  it('§3 another server reaches the published port: MASQUERADE out of docker-host-2, DNAT into docker-host', () => {
    expect(at('docker run -d -p 8080:80 nginx').output).toMatch(ID64);
    const r = at('@docker-host-2 curl -s http://192.168.0.10:8080');
    expect(r.output).toContain(WELCOME);
    const dnat = r.trace?.steps.find((s) => s.action === 'dnat' && 'node' in s.at && s.at.node === 'docker-host');
    expect(`${dnat?.frame.ip?.dst}:${dnat?.frame.l4?.dport}`).toMatch(/^172\.17\.0\.\d+:80$/);
    expect(dnat?.frame.ip?.src).toBe('192.168.0.11');
  });

  it('§3 docker swarm init and docker service create --name web -p 8080:80 print what Docker 28 prints', () => {
    const init = at('docker swarm init');
    expect(init.exitCode).toBe(0);
    expect(init.output).toMatch(/^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager\.$/m);
    expect(init.output).toMatch(/docker swarm join --token SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25} 192\.168\.0\.10:2377/);
    const svc = at('docker service create --name web -p 8080:80 nginx');
    expect(svc.exitCode).toBe(0);
    expect(svc.output).toMatch(/^[0-9a-z]{25}\noverall progress: 1 out of 1 tasks/);
    expect(svc.output).toMatch(/verify: Service [0-9a-z]{25} converged/);
    expect(at('docker service ls').output).toMatch(/\sweb\s+replicated\s+1\/1\s+nginx:latest\s+\*:8080->80\/tcp/);
  });

  it('the Kubernetes line is not part of whalewire', () => {
    const r = at('kubectl expose deployment my-app --type=LoadBalancer --port=8080');
    expect(r.exitCode).toBe(127);
    expect(r.output).toBe('bash: kubectl: command not found');
  });

  it('§4 busybox pings google.com four times; the second -p 8080:80 finds the port taken', () => {
    const ping = at('docker run --rm busybox ping -c 4 google.com');
    expect(ping.output).toMatch(/^PING google\.com \(142\.250\.196\.142\): 56 data bytes$/m);
    expect(ping.output).toContain('4 packets transmitted, 4 packets received, 0% packet loss');
    const again = at('docker run -d -p 8080:80 nginx', 1);
    expect(again.exitCode).toBe(125);
    expect(again.output).toMatch(/Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/m);
    expect(at('sudo systemctl restart docker').exitCode).toBe(0);
    expect(JSON.parse(at('docker network inspect bridge', 1).output)[0].Name).toBe('bridge');
  });

  it('npm run sim prints the same replay every time', () => {
    expect(runText(text, { json: false, seed: 28, hosts: 2 })).toBe(runText(text, { json: false, seed: 28, hosts: 2 }));
  });
});

describe('seed 001 §3 typed as a person types it: the join token is the one init printed', () => {
  it('docker-host-2 joins with the printed token and runs one of three tasks', () => {
    const scene = sceneById('seed001-swarm')!;
    let s = runScript(sceneWorld(scene), 'docker swarm init\n').session;
    const init = runLine(s, 'docker node ls');
    s = init.session;
    const token = /--token (\S+)/.exec(runLine(s, 'docker swarm join-token worker').output)?.[1];
    expect(token).toMatch(/^SWMTKN-1-/);
    const join = runLine(s, `@docker-host-2 docker swarm join --token ${token} 192.168.0.10:2377`);
    expect(join.output).toBe('This node joined a swarm as a worker.');
    const wrong = runLine(join.session, `@docker-host-3 docker swarm join --token ${token}x 192.168.0.10:2377`);
    expect(wrong.exitCode).toBe(1);
    s = runLine(join.session, 'docker service create --name web --replicas 2 -p 8080:80 nginx').session;
    expect(runLine(s, '@docker-host-2 docker ps').output).toMatch(/\sweb\.\d\.[0-9a-z]{25}$/m);
  });
});
