import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/sim/console';
import { runDocker } from '../../src/sim/docker';
import { flagUsages } from '../../src/sim/docker/help';
import { inCidr } from '../../src/sim/ipam';
import { inNoneNetwork } from '../../src/sim/lookup';
import type { World } from '../../src/sim/model';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * Random docker command sequences keep the World consistent: unique addresses per network,
 * addresses inside subnets, no host port published twice, failures change nothing (except a
 * `run` whose start fails, which leaves a Created container), no throw, JSON-safe.
 */

const HOST = { kind: 'machine', id: 'docker-host' } as const;
const ctr = fc.constantFrom('c1', 'c2', 'c3', 'c4');
const net = fc.constantFrom('n1', 'n2', 'n3', 'bridge', 'host', 'none');
const image = fc.constantFrom(
  'nginx',
  'busybox',
  'ubuntu',
  'devwikirepo/pingbuntu',
  'devwikirepo/envnodecolorapp',
  'redis',
  'nope/unknown',
);
const port = fc.constantFrom(
  '8000:80',
  '8001:80',
  '127.0.0.1:8000:80',
  '0.0.0.0:8000:80',
  '8000:53/udp',
  '80',
  '3000',
  '8000-8001:80-81',
  '8000-8002:80',
);
const subnet = fc.constantFrom(
  '',
  '--subnet 10.0.0.0/24',
  '--subnet 10.0.0.0/16',
  '--subnet 10.9.0.0/29',
  '--subnet 172.18.0.0/16',
  '--subnet 10.0.0.1/24',
  '--subnet 10.0.0.0/24 --ip-range 10.0.0.128/25 --gateway 10.0.0.254',
  '--subnet 10.0.0.0/24 --gateway 10.1.0.1',
  '--internal --attachable --label a=b -o com.docker.network.bridge.enable_icc=false',
  '-d host',
);
const ip = fc.oneof(
  { arbitrary: fc.constant(''), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      '--ip 10.0.0.5',
      '--ip 10.9.0.2',
      '--ip 172.17.0.9',
      '--ip 10.0.0.300',
      '--ip 10.0.0.200 --network-alias web',
      '--network-alias web',
    ),
    weight: 1,
  },
);
const opt = <T>(a: fc.Arbitrary<T>, f: (v: T) => string) => fc.option(a.map(f), { nil: '' });

const line = fc.oneof(
  fc
    .tuple(
      opt(ctr, (c) => `--name ${c}`),
      opt(port, (p) => `-p ${p}`),
      opt(net, (n) => `--network ${n}`),
      ip,
      fc.constantFrom('-d', '-dit', '-d --rm', '-d -P'),
      image,
    )
    .map(([n, p, nw, i, mode, img]) => `run ${mode} ${n} ${p} ${nw} ${i} ${img}`),
  fc.tuple(ctr, image).map(([c, img]) => `create --name ${c} -p 8000:80 ${img}`),
  fc
    .tuple(fc.constantFrom('start', 'stop', 'restart', 'rm', 'rm -f', 'kill', 'pause', 'unpause'), ctr)
    .map(([v, c]) => `${v} ${c}`),
  // Several names: Docker applies the ones that succeed and reports the others.
  fc
    .tuple(
      fc.constantFrom('start', 'stop', 'restart', 'rm', 'rm -f', 'kill', 'pause', 'unpause'),
      fc.uniqueArray(ctr, { minLength: 2, maxLength: 4 }),
    )
    .map(([v, cs]) => `${v} ${cs.join(' ')} nosuch`),
  fc
    .uniqueArray(fc.constantFrom('n1', 'n2', 'n3', 'bridge', 'nosuch'), { minLength: 2 })
    .map((ns) => `network rm ${ns.join(' ')}`),
  fc.tuple(subnet, fc.constantFrom('n1', 'n2', 'n3')).map(([s, n]) => `network create ${s} ${n}`),
  fc.constantFrom('n1', 'n2', 'n3', 'bridge').map((n) => `network rm ${n}`),
  fc.tuple(ip, net, ctr).map(([i, n, c]) => `network connect ${i} ${n} ${c}`),
  fc.tuple(fc.constantFrom('', '-f'), net, ctr).map(([f, n, c]) => `network disconnect ${f} ${n} ${c}`),
  fc.constantFrom(
    'network prune -f',
    'container prune -f',
    'ps -a',
    'network ls',
    'inspect c1',
    'network inspect n1',
    'port c1',
    'rename c1 c9',
    'bogus',
    'run --nope x',
    'run -d --name c4 --network n1 --network n2 nginx',
    'run -d busybox ping -c 1 c1',
    'run -d --name c4 busybox ping c1',
    'run --name c9 busybox ping -c 1 8.8.8.8',
    'start c9',
    'pull nginx',
    'pull nope/unknown',
    'rmi busybox nosuch',
    'rmi -f nginx',
    'images',
    'top c1',
    'attach c1',
    'logs c4',
    'run',
    'container bogus',
    'ps extra',
    'run -d --name c4 --link c1:db busybox sleep 100',
    'run -d --link nosuch:db busybox sleep 100',
    'run --help',
    'network create --help',
    'help ps',
    'top --help',
  ),
);

/** A starting point where most generated names exist, so connect/stop/rm mostly succeed. */
const SETUP = [
  'network create n1',
  'network create --subnet 10.0.0.0/24 n2',
  'run -d --name c1 -p 8000:80 nginx',
  'run -d --name c2 --network n2 redis',
  'create --name c3 busybox',
];

function checkInvariants(w: World): void {
  const seen = new Map<string, string>();
  const bound: { ip: string; port: number; proto: string }[] = [];
  for (const c of Object.values(w.containers)) {
    if (c.paused) expect(c.state, `${c.name} is paused but not running`).toBe('running');
    // none is private: a container on it is on no other network (ErrConflictNoNetwork).
    if (inNoneNetwork(c)) expect(c.endpoints, `${c.name} is on none and on another network`).toEqual([]);
    for (const ep of c.endpoints) {
      if (c.state !== 'running') {
        expect(ep.ip, `${c.name} is ${c.state} but has an address`).toBeUndefined();
        continue;
      }
      if (!ep.ip) continue;
      const n = w.networks[ep.networkId];
      expect(n, 'a live endpoint points at an existing network').toBeDefined();
      expect(inCidr(ep.ip, n.ipam!.subnet)).toBe(true);
      expect(ep.ip).not.toBe(n.ipam!.gateway);
      const [base, bits] = n.ipam!.subnet.split('/');
      if (Number(bits) < 31) expect(ep.ip, 'the network address is never handed out').not.toBe(base);
      const key = `${n.id}/${ep.ip}`;
      expect(seen.get(key), `${ep.ip} used twice on ${n.name}`).toBeUndefined();
      seen.set(key, c.name);
    }
    for (const b of c.ports) {
      if (b.boundPort === undefined) continue;
      expect(c.state).toBe('running');
      for (const o of bound) {
        const any = (x: string) => x === '' || x === '0.0.0.0';
        const sameIp = any(o.ip) || any(b.hostIp) || o.ip === b.hostIp;
        expect(sameIp && o.port === b.boundPort && o.proto === b.proto, `${b.boundPort}/${b.proto} bound twice`).toBe(
          false,
        );
      }
      bound.push({ ip: b.hostIp, port: b.boundPort, proto: b.proto });
    }
  }
}

/**
 * A failed command over several names (`rm a b`, `network rm x y`): only the named objects may
 * have changed; everything else is as before.
 */
function checkNamedOnly(before: World, after: World, names: string[]): void {
  // the daemon also takes any unique id prefix, however short ("c3" can be a container id's start)
  const named = (n: string, id: string) =>
    names.includes(n) || names.some((x) => /^[0-9a-f]+$/.test(x) && id.startsWith(x));
  // A removed network leaves stopped containers naming it (the daemon resolves it again at start).
  const byName = (c: World['containers'][string] | undefined) =>
    c && {
      ...c,
      endpoints: c.endpoints.map((e) => ({ ...e, networkId: before.networks[e.networkId]?.name ?? e.networkId })),
    };
  for (const [id, c] of Object.entries(before.containers)) {
    if (!named(c.name, id)) expect(byName(after.containers[id]), `${c.name} was not named`).toEqual(byName(c));
  }
  // a named container that started or stopped changed its bridges' FDB: its MACs learned from its
  // unsolicited ARPs, or forgotten with its veths (net/garp.ts, lifecycle.ts forgetL2)
  const own = new Set(
    [before, after].flatMap((w) =>
      Object.entries(w.containers)
        .filter(([id, c]) => named(c.name, id))
        .flatMap(([, c]) => c.endpoints.flatMap((e) => [e.mac, e.veth])),
    ),
  );
  const others = (n: World['networks'][string] | undefined) =>
    n && { ...n, fdb: n.fdb.filter((e) => !own.has(e.mac) && !own.has(e.port)) };
  for (const [id, n] of Object.entries(before.networks)) {
    if (!named(n.name, id)) expect(others(after.networks[id]), `${n.name} was not named`).toEqual(others(n));
  }
  for (const id of Object.keys(after.containers)) expect(before.containers[id]).toBeDefined();
}

/** A failed `run` may only add a container that is Created (or already gone with --rm). */
function checkPartial(before: World, after: World): void {
  expect(after.networks).toEqual(before.networks);
  for (const [id, c] of Object.entries(before.containers)) expect(after.containers[id]).toEqual(c);
  for (const [id, c] of Object.entries(after.containers)) {
    if (before.containers[id]) continue;
    expect(c.state).toBe('created');
    expect(c.endpoints.every((e) => e.ip === undefined)).toBe(true);
  }
}

describe('docker engine properties', () => {
  it('keeps the World consistent over random command sequences', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), (lines) => {
        let w = createDefaultWorld();
        for (const l of [...SETUP, ...lines]) {
          const before = w;
          const snapshot = JSON.stringify(before);
          const argv = tokenize(l);
          let r: ReturnType<typeof runDocker>;
          expect(() => {
            r = runDocker(w, argv, HOST);
          }).not.toThrow();
          r = r!;
          expect(r.output).not.toContain('internal error');
          expect(JSON.stringify(before), 'the input World is never mutated').toBe(snapshot);
          if (r.exitCode !== 0) {
            const many =
              ['start', 'stop', 'restart', 'rm', 'kill', 'pause', 'unpause', 'rmi'].includes(argv[0]) ||
              (argv[0] === 'network' && argv[1] === 'rm');
            if (argv[0] === 'run') checkPartial(before, r.world);
            else if (many)
              checkNamedOnly(
                before,
                r.world,
                argv.filter((a) => !a.startsWith('-')),
              );
            else expect(r.world, `failed "${l}" changed the World`).toBe(before);
          }
          w = r.world;
          checkInvariants(w);
          expect(JSON.parse(JSON.stringify(w))).toEqual(w);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('pflag flag table layout', () => {
  it('wraps every usage within 79 columns when its words are short, keeping each word', () => {
    const word = fc.stringMatching(/^[a-z()"'.,=-]{1,18}$/);
    const row = fc.tuple(
      fc.constantFrom('', 'a', 'p'),
      fc.stringMatching(/^[a-z][a-z-]{0,20}$/),
      fc.constantFrom('', 'string', 'list', 'int', 'map'),
      fc.array(word, { minLength: 1, maxLength: 40 }).map((ws) => ws.join(' ')),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const out = flagUsages(rows);
        for (const l of out.split('\n')) expect(l.length, l).toBeLessThanOrEqual(79);
        const words = (t: string) => t.split(/\s+/).filter(Boolean);
        const expected = rows.flatMap(([s, l, v, u]) => [
          ...(s ? [`-${s},`] : []),
          `--${l}`,
          ...(v ? [v] : []),
          ...words(u),
        ]);
        expect(words(out)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
