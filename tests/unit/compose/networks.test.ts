import { describe, expect, it } from 'vitest';
import { steps, write } from './helpers';

describe('top-level networks: ipam, internal, name, aliases, ipv4_address, priority', () => {
  const { r, session } = steps([
    'mkdir lab && cd lab',
    write(
      'compose.yaml',
      `services:
  web:
    image: nginx
    networks:
      front:
        aliases: [www]
        ipv4_address: 10.5.0.10
      back:
        priority: 10
  db:
    image: redis
    networks: [back]
networks:
  front:
    ipam:
      config:
        - subnet: 10.5.0.0/24
          gateway: 10.5.0.1
  back:
    internal: true
    name: lab-backend
`,
    ),
    'docker compose up -d',
    'docker inspect lab-web-1 --format "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{json $v.Aliases}};{{end}}"',
    'docker exec lab-web-1 getent hosts www',
  ]);

  it('creates lab_front and the verbatim-named lab-backend, never a default network', () => {
    expect(r[2].output.split('\n').slice(0, 4)).toEqual([
      ' Network lab-backend  Creating',
      ' Network lab-backend  Created',
      ' Network lab_front  Creating',
      ' Network lab_front  Created',
    ]);
    const nets = Object.values(session.world.networks);
    const front = nets.find((n) => n.name === 'lab_front');
    const back = nets.find((n) => n.name === 'lab-backend');
    expect(front?.ipam).toEqual({ subnet: '10.5.0.0/24', gateway: '10.5.0.1' });
    expect(front?.userSubnet).toBe(true);
    expect(back?.internal).toBe(true);
    expect(back?.labels['com.docker.compose.network']).toBe('back');
    expect(nets.some((n) => n.name === 'lab_default')).toBe(false);
  });

  it('joins the highest priority network first (eth0), with the fixed address and user aliases', () => {
    const web = Object.values(session.world.containers).find((c) => c.name === 'lab-web-1')!;
    const first = session.world.networks[web.endpoints[0].networkId];
    expect(first.name).toBe('lab-backend');
    expect(r[3].output).toContain('lab_front=10.5.0.10 ["lab-web-1","web","www"];');
    expect(r[3].output).toContain('lab-backend=');
    expect(r[4].output).toMatch(/^10\.5\.0\.10\s+www$/);
  });
});

describe('external networks', () => {
  const file = `services:
  web:
    image: nginx
    networks: [shared]
networks:
  shared:
    external: true
`;
  const { r, session } = steps([
    'mkdir a && cd a',
    write('compose.yaml', file),
    'docker compose up -d',
    'docker-compose up -d',
    'docker network create shared',
    'docker compose up -d',
    'docker compose down',
    'docker network ls --format "{{.Name}}"',
  ]);

  it("a missing one is refused with compose's words, and nothing is created", () => {
    expect(r[2]).toMatchObject({ output: 'network shared declared as external, but could not be found', exitCode: 1 });
    expect(r[3].output).toBe(
      'ERROR: Network shared declared as external, but could not be found. Please create the network manually using `docker network create shared` and try again.',
    );
    expect(r[3].exitCode).toBe(1);
  });

  it('once created, the service joins it; down leaves it', () => {
    expect(r[5].output).toBe(
      ' Container a-web-1  Creating\n Container a-web-1  Created\n Container a-web-1  Starting\n Container a-web-1  Started',
    );
    expect(r[6].output).toBe(
      ' Container a-web-1  Stopping\n Container a-web-1  Stopped\n Container a-web-1  Removing\n Container a-web-1  Removed',
    );
    expect(r[7].output.split('\n')).toContain('shared');
    expect(Object.keys(session.world.containers)).toHaveLength(0);
  });
});

describe('a network of that name made by hand (fact 60)', () => {
  const { r, session } = steps([
    'mkdir p && cd p',
    write('compose.yaml', 'services:\n  web:\n    image: nginx\n'),
    'docker network create p_default',
    'docker compose up -d',
  ]);
  it('warns that compose did not create it, then fails on its missing label', () => {
    const lines = r[3].output.split('\n');
    expect(lines[0]).toMatch(
      /^time="[^"]+" level=warning msg="a network with name p_default exists but was not created by compose\.\\nSet `external: true` to use an existing network"$/,
    );
    expect(lines[1]).toBe(
      'network p_default was found but has incorrect label com.docker.compose.network set to "" (expected: "default")',
    );
    expect(r[3].exitCode).toBe(1);
    expect(Object.keys(session.world.containers)).toHaveLength(0);
  });
});

describe('network_mode', () => {
  const { r, session } = steps([
    'mkdir nm && cd nm',
    write(
      'compose.yaml',
      `services:
  app:
    image: nginx
  side:
    image: devwikirepo/pingbuntu
    network_mode: service:app
  h:
    image: devwikirepo/pingbuntu
    network_mode: host
  n:
    image: devwikirepo/pingbuntu
    network_mode: none
`,
    ),
    'docker compose up -d',
  ]);
  it("service:X shares X's namespace (container:<id>), host and none join no compose network", () => {
    expect(r[2].exitCode).toBe(0);
    const cs = Object.values(session.world.containers);
    const app = cs.find((c) => c.name === 'nm-app-1')!;
    expect(cs.find((c) => c.name === 'nm-side-1')?.networkMode).toBe(`container:${app.id}`);
    expect(cs.find((c) => c.name === 'nm-h-1')?.networkMode).toBe('host');
    expect(cs.find((c) => c.name === 'nm-n-1')?.networkMode).toBe('none');
    // side depends on app through network_mode, so app is created first
    expect(r[2].output.split('\n')[2]).toBe(' Container nm-app-1  Creating');
  });
});
