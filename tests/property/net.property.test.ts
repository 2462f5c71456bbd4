import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceMessages } from '../../src/i18n/trace';
import { createSession, runLine, type Session } from '../../src/sim/console';
import type { Trace } from '../../src/sim/model';
import { createDefaultWorld } from '../../src/sim/world';

const NAMES = ['c1', 'c2', 'c3', 'c4'];
const IMAGES = ['nicolaka/netshoot', 'nginx', 'busybox', 'devwikirepo/pingbuntu', 'devwikirepo/envnodecolorapp'];

const setupCmd = fc.oneof(
  fc.constantFrom(
    'docker network create --subnet 10.0.0.0/24 na',
    'docker network create --subnet 10.0.1.0/24 nb',
    'docker network create --internal ni',
    '@router portfwd add tcp 80 192.168.0.10 8001',
  ),
  fc
    .record({
      name: fc.constantFrom(...NAMES),
      image: fc.constantFrom(...IMAGES),
      net: fc.constantFrom('', '--network na', '--network nb', '--network ni', '--network none', '--network host'),
      port: fc.constantFrom('', '-p 8001:80', '-p 8002:3000', '-p 8004:3030'),
    })
    .map(
      ({ name, image, net, port }) =>
        `docker run -d ${net} ${port} --name ${name} ${image} ${image.includes('netshoot') || image === 'busybox' ? 'sleep infinity' : ''}`,
    ),
  fc.constantFrom(...NAMES).map((n) => `docker stop ${n}`),
  fc.constantFrom(...NAMES).map((n) => `docker rm -f ${n}`),
  fc.constantFrom(...NAMES).map((n) => `docker network connect nb ${n}`),
);

const probe = fc
  .record({
    where: fc.constantFrom('', '@pc1 ', '@remote ', '@router ', ...NAMES.map((n) => `docker exec ${n} `)),
    tool: fc.constantFrom('ping -c 2', 'curl -s -m 2', 'nslookup', 'getent hosts'),
    target: fc.constantFrom(
      ...NAMES,
      'google.com',
      'localhost',
      'nosuch',
      '172.17.0.2',
      '10.0.0.2',
      '192.168.0.10:8001',
      '124.111.46.91',
      '192.168.0.10:8004',
    ),
  })
  .map(
    ({ where, tool, target }) =>
      `${where}${tool} ${tool.startsWith('ping') || tool.startsWith('nslookup') || tool.startsWith('getent') ? target.split(':')[0] : target}`,
  );

function build(lines: string[]): Session {
  let s = createSession(createDefaultWorld(7));
  for (const l of lines) s = runLine(s, l).session;
  return s;
}

let seen = 0;

function checkTrace(t: Trace): void {
  seen += t.steps.length;
  expect(t.steps.length).toBeLessThan(2000);
  for (const st of t.steps) {
    expect(traceMessages.en[st.explain.key], st.explain.key).toBeTypeOf('string');
    expect(traceMessages.ko[st.explain.key], st.explain.key).toBeTypeOf('string');
  }
  // every NATed request's reply is rewritten back: what arrives at the client is addressed to it
  const first = t.steps.find((s) => s.action === 'send');
  const client = first && 'node' in first.at ? first.at.node : null;
  for (let i = 0; i < t.steps.length; i++) {
    const s = t.steps[i];
    if (s.action !== 'reply' || !s.frame.ip) continue;
    const end = t.steps.slice(i + 1).find((x) => x.action === 'deliver' || x.action === 'drop' || x.action === 'send');
    if (end?.action === 'deliver' && 'node' in end.at && end.at.node === client && first?.frame.ip) {
      expect(end.frame.ip!.dst).toBe(first.frame.ip.src);
    }
  }
}

describe('packet engine properties', () => {
  it('random worlds and random probes: never throws, finite traces, explained in en and ko, replies un-NATed', () => {
    fc.assert(
      fc.property(
        fc.array(setupCmd, { maxLength: 10 }),
        fc.array(probe, { minLength: 1, maxLength: 4 }),
        (setup, probes) => {
          let s = build(setup);
          for (const line of probes) {
            const r = runLine(s, line);
            if (r.trace) checkTrace(r.trace);
            s = r.session;
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(seen).toBeGreaterThan(1000);
  });

  it('every explanation key has English and Korean text', () => {
    expect(Object.keys(traceMessages.ko).sort()).toEqual(Object.keys(traceMessages.en).sort());
    for (const v of Object.values(traceMessages.ko)) expect(v).toMatch(/[가-힣]/);
  });
});
