import { describe, expect, it } from 'vitest';
import { composeFile } from '../../../src/io/exportCompose';
import { dockerScript } from '../../../src/io/exportScript';
import { importInspect } from '../../../src/io/inspectImport';
import { parseProject, serializeProject } from '../../../src/io/project';
import { worldRefusal } from '../../../src/io/worldSchema';
import { createSession, runLine, runScript, type Session } from '../../../src/sim/console';
import { importMachine } from '../../../src/sim/import';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';
import { steps, write } from '../compose/helpers';

/** Runs lines in a session from `world`, failing on a non-zero exit. */
function build(lines: string[], world: World = createDefaultWorld()): Session {
  let s = createSession(world);
  for (const l of lines) {
    const r = runLine(s, l);
    if (r.exitCode !== 0) throw new Error(`${l}: ${r.output}`);
    s = r.session;
  }
  return s;
}

const V6ONLY = [
  'docker network create --ipv4=false --ipv6 --subnet fd00:9::/64 v6only',
  'docker run -d --name web --network v6only --ip6 fd00:9::20 nginx',
  'docker run -d --name api --network v6only nginx',
];

/** Each container's IPv4 and IPv6 addresses, by name. */
const addrs = (w: World) =>
  Object.values(w.containers)
    .map((c) => [c.name, c.endpoints.map((e) => [e.ip ?? null, e.ip6 ?? null])])
    .sort();

describe('an IPv6-only World is kept', () => {
  it('a save passes the schema and round-trips; a save before EnableIPv4 existed still opens', () => {
    const w: World = JSON.parse(JSON.stringify(build(V6ONLY).world));
    expect(worldRefusal(w)).toBeNull();
    const res = parseProject(serializeProject({ world: w, pinned: {} }));
    expect(res.ok && res.doc.world).toEqual(w);
    expect(findNetwork(w, 'v6only')).toMatchObject({ enableIPv4: false, ipam: null });
    // a spoiled flag is refused by name
    const bad = JSON.parse(JSON.stringify(w));
    findNetwork(bad, 'v6only')!.enableIPv4 = true as never;
    expect(worldRefusal(bad)).not.toBeNull();
    // an old save (no enableIPv4 field anywhere) opens as IPv4 on
    const old = JSON.parse(JSON.stringify(build(['docker network create n1']).world));
    expect(JSON.stringify(old)).not.toContain('enableIPv4');
    expect(worldRefusal(old)).toBeNull();
    expect(runLine(createSession(old), "docker network inspect n1 --format '{{.EnableIPv4}}'").output).toBe('true');
  });

  it('the docker script gives --ipv4=false, and replayed in another seed the addresses stay', () => {
    const made = build(V6ONLY);
    const script = dockerScript(made.world);
    expect(script).toContain(
      'docker network create --driver bridge --ipv4=false --ipv6 --subnet fd00:9::/64 --gateway fd00:9::1 v6only',
    );
    // --ip6 once: the endpoint's, not the kept run flag again
    expect(script).toContain('docker run -d --name web --network v6only --ip6 fd00:9::20 nginx');
    const again = build(
      script.split('\n').filter((l) => l.startsWith('docker ')),
      createDefaultWorld(42),
    );
    expect(addrs(again.world)).toEqual(addrs(made.world));
    expect(findNetwork(again.world, 'v6only')?.enableIPv4).toBe(false);
  });

  it('the compose export says enable_ipv4: false and enable_ipv6: true after labels, with ipv6_address', () => {
    const file = composeFile(build(V6ONLY).world);
    expect(file).toContain(
      [
        '      config:',
        '        - subnet: fd00:9::/64',
        '          gateway: fd00:9::1',
        '    enable_ipv4: false',
        '    enable_ipv6: true',
      ].join('\n'),
    );
    expect(file).toContain('ipv6_address: fd00:9::20');
    expect(file).not.toContain('ipv4_address:');
  });

  it('an inspect of it imports as an IPv6-only network, its containers with their IPv6 addresses only', () => {
    const s = build(V6ONLY);
    const nets = runLine(s, 'docker network inspect v6only').output;
    const ctrs = runLine(s, 'docker inspect web api').output;
    const r = importInspect(
      [
        { label: 'networks', text: nets },
        { label: 'containers', text: ctrs },
      ],
      createDefaultWorld(),
      importMachine,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.refusal));
    expect(findNetwork(r.world, 'v6only')).toMatchObject({
      enableIPv4: false,
      ipam: null,
      enableIPv6: true,
      ipam6: { subnet: 'fd00:9::/64', gateway: 'fd00:9::1' },
    });
    expect(findContainer(r.world, 'web')!.endpoints[0]).toMatchObject({ ip6: 'fd00:9::20' });
    expect(findContainer(r.world, 'web')!.endpoints[0].ip).toBeUndefined();
    expect(r.notes.filter((n) => n.code === 'noAddress' || n.code === 'noIpv4')).toEqual([]);
    // and it prints as it did
    const again = JSON.parse(runLine(createSession(r.world), 'docker network inspect v6only').output)[0];
    const before = JSON.parse(nets)[0];
    for (const k of ['EnableIPv4', 'EnableIPv6', 'IPAM']) expect(again[k], k).toEqual(before[k]);
  });
});

describe('compose: enable_ipv4 (compose-go NetworkConfig.EnableIPv4, sent since Compose v2.34)', () => {
  const { r, session } = steps([
    'mkdir lab && cd lab',
    write(
      'compose.yaml',
      `services:
  web:
    image: nginx
    networks: [app]
networks:
  app:
    enable_ipv4: false
    enable_ipv6: true
`,
    ),
    'docker compose up -d',
    'docker compose config',
  ]);

  it('creates an IPv6-only network; the container has an IPv6 address only', () => {
    expect(r[2].exitCode).toBe(0);
    const n = findNetwork(session.world, 'lab_app')!;
    expect([n.enableIPv4, n.ipam, n.enableIPv6]).toEqual([false, null, true]);
    const ep = findContainer(session.world, 'lab-web-1')!.endpoints[0];
    expect(ep.ip).toBeUndefined();
    expect(ep.ip6).toMatch(/^fd[0-9a-f:]+::2$/);
  });

  it('compose config prints enable_ipv4 then enable_ipv6', () => {
    expect(r[3].output).toContain('    enable_ipv4: false\n    enable_ipv6: true');
  });

  it('a file without enable_ipv4 keeps IPv4 on', () => {
    const plain = runScript(createDefaultWorld(), 'docker network create keep\n').session.world;
    expect(findNetwork(plain, 'keep')?.enableIPv4).toBeUndefined();
  });
});
