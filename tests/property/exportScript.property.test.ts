import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerScript } from '../../src/io/exportScript';
import { createSession, runLine, type Session } from '../../src/sim/console';
import type { World } from '../../src/sim/model';
import { createDefaultWorld } from '../../src/sim/world';

/** Runs lines from the default World; returns the session. */
function build(lines: string[]): Session {
  let s = createSession(createDefaultWorld());
  for (const l of lines) s = runLine(s, l).session;
  return s;
}

/** Runs a script as sh would (comments and `set -e` aside); every line must succeed. */
function runScript(script: string): World {
  let s = createSession(createDefaultWorld());
  for (const l of script.split('\n')) {
    if (!l.trim() || l.startsWith('#') || l === 'set -e') continue;
    const r = runLine(s, l);
    if (r.exitCode !== 0) throw new Error(`script line failed: ${l}\n${r.output}`);
    s = r.session;
  }
  return s.world;
}

/** What the script promises to keep: networks, and each container's state, mode, addresses, aliases and ports. */
function shape(w: World) {
  const netName = (id: string) => w.networks[id]?.name;
  return {
    networks: Object.values(w.networks)
      .map((n) => ({ name: n.name, driver: n.driver, ipam: n.ipam, internal: n.internal }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    containers: Object.values(w.containers)
      .sort((a, b) => a.seq - b.seq)
      .map((c) => ({
        name: c.name,
        image: c.image,
        state: c.state,
        mode: c.networkMode.startsWith('container:')
          ? `container:${w.containers[c.networkMode.slice(10)]?.name}`
          : (netName(c.networkMode) ?? c.networkMode),
        endpoints: c.endpoints.map((e) => ({ net: netName(e.networkId), ip: e.ip, aliases: e.aliases })),
        ports: c.ports.map((p) => ({ ...p })),
      })),
  };
}

/** Which container pairs reach each other by IP with one ping (same in both Worlds). */
function reach(w: World): string[] {
  const out: string[] = [];
  let s = createSession(w);
  const ctrs = Object.values(w.containers).filter((c) => c.state === 'running' && c.image === 'nicolaka/netshoot');
  for (const a of ctrs)
    for (const b of Object.values(w.containers))
      for (const ep of b.endpoints) {
        if (!ep.ip || a === b) continue;
        const r = runLine(s, `docker exec ${a.name} ping -c 1 -W 1 ${ep.ip}`);
        s = r.session;
        out.push(`${a.name}->${b.name}@${ep.ip}:${r.exitCode}`);
      }
  return out;
}

describe('World -> docker script -> engine', () => {
  it('rebuilds a hand-made topology: subnets, --ip, aliases, ports, a second network, host mode, a stopped container', () => {
    const s = build([
      'docker network create front',
      'docker network create back --subnet 10.30.0.0/24 --gateway 10.30.0.254 --internal',
      'docker run -d --name web --network front --network-alias www -p 8080:80 -p 127.0.0.1:8443:443/tcp nginx',
      'docker run -d --name db --network back -e POSTGRES_PASSWORD=x postgres',
      'docker network connect --alias api back web',
      'docker run -dit --name tool --network front nicolaka/netshoot',
      'docker run -d --name side --network container:web nicolaka/netshoot sleep infinity',
      'docker run -d --name hostnet --network host nginx',
      'docker run -d --name old redis',
      'docker stop old',
      'docker rm -f tool',
      'docker run -dit --name tool2 --network front nicolaka/netshoot',
    ]);
    const script = dockerScript(s.world);
    expect(script).toContain('docker network create --driver bridge --subnet 172.18.0.0/16 --gateway 172.18.0.1 front');
    expect(script).toContain(
      'docker network create --driver bridge --subnet 10.30.0.0/24 --gateway 10.30.0.254 --internal back',
    );
    expect(script).toContain('docker network connect --ip 10.30.0.2 --alias api back web');
    // tool2 took the address tool left behind (the engine reuses it): --ip keeps it
    expect(script).toContain('docker run -d -i -t --name tool2 --network front --ip 172.18.0.3 nicolaka/netshoot');
    const rebuilt = runScript(script);
    expect(shape(rebuilt)).toEqual(shape(s.world));
    expect(reach(rebuilt)).toEqual(reach(s.world));
  });

  it('rebuilds random topologies with the same networks, addresses and reachability', () => {
    // networks first: a container created naming a network that did not exist yet is an edge the
    // script cannot keep (its networks come first), so the generator does not make one
    const nets = fc.subarray(
      [
        'docker network create n1',
        'docker network create n2',
        'docker network create n1x --subnet 10.40.0.0/24',
        'docker network create n2x --subnet 10.50.0.0/24 --internal',
      ],
      { minLength: 1 },
    );
    const cmd = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 5 }),
          fc.constantFrom('bridge', 'n1', 'n2', 'n1x', 'n2x', 'host', 'none'),
          fc.constantFrom('nginx', 'nicolaka/netshoot', 'redis'),
        )
        .map(([i, n, img]) => `docker run -dit --name c${i} --network ${n} ${img}`),
      fc
        .tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom('n1', 'n2', 'n2x'))
        .map(([i, n]) => `docker network connect ${n} c${i}`),
      fc.integer({ min: 0, max: 5 }).map((i) => `docker rm -f c${i}`),
      fc.integer({ min: 0, max: 5 }).map((i) => `docker stop c${i}`),
    );
    fc.assert(
      fc.property(nets, fc.array(cmd, { minLength: 3, maxLength: 12 }), (netLines, lines) => {
        const s = build([...netLines, ...lines]);
        const rebuilt = runScript(dockerScript(s.world));
        expect(shape(rebuilt)).toEqual(shape(s.world));
        expect(reach(rebuilt)).toEqual(reach(s.world));
      }),
      { numRuns: 25, seed: 10 },
    );
  }, 120_000);
});
