import { describe, expect, it } from 'vitest';
import { steps, write } from './helpers';

const WEB_DB = `services:
  web:
    image: nginx
    ports:
      - "8080:80"
    depends_on:
      - db
  db:
    image: redis
`;

describe('docker compose up -d (v2)', () => {
  const { r, session } = steps([
    'mkdir app && cd app',
    write('compose.yaml', WEB_DB),
    'docker compose up -d',
    'docker compose up -d',
    'docker network inspect app_default --format "{{json .Labels}}"',
    'docker inspect app-web-1 --format "{{json .Config.Labels}}"',
    'docker inspect app-web-1 --format "{{json .NetworkSettings.Networks.app_default.Aliases}}"',
    'docker exec app-web-1 getent hosts db',
    'docker compose ps',
    'docker compose ls',
  ]);

  it('prints the network, then each container in dependency order, as the plain progress writer does', () => {
    expect(r[2].output).toBe(
      [
        ' Network app_default  Creating',
        ' Network app_default  Created',
        ' Container app-db-1  Creating',
        ' Container app-db-1  Created',
        ' Container app-web-1  Creating',
        ' Container app-web-1  Created',
        ' Container app-db-1  Starting',
        ' Container app-db-1  Started',
        ' Container app-web-1  Starting',
        ' Container app-web-1  Started',
      ].join('\n'),
    );
    expect(r[2].exitCode).toBe(0);
  });

  it('is idempotent: a second up finds both running and changes nothing', () => {
    expect(r[3].output).toBe(' Container app-db-1  Running\n Container app-web-1  Running');
    const w = session.world;
    expect(Object.values(w.containers).map((c) => c.name)).toEqual(['app-db-1', 'app-web-1']);
    expect(Object.values(w.networks).filter((n) => n.name === 'app_default')).toHaveLength(1);
  });

  it("labels the network and the containers as Compose 2.40 does, the network on Docker's next pool", () => {
    expect(JSON.parse(r[4].output)).toMatchObject({
      'com.docker.compose.network': 'default',
      'com.docker.compose.project': 'app',
      'com.docker.compose.version': '2.40.3',
    });
    expect(JSON.parse(r[4].output)['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);
    const labels = JSON.parse(r[5].output);
    expect(labels).toMatchObject({
      'com.docker.compose.project': 'app',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.depends_on': 'db:service_started:false',
      'com.docker.compose.project.working_dir': '/root/app',
      'com.docker.compose.project.config_files': '/root/app/compose.yaml',
      'com.docker.compose.version': '2.40.3',
    });
    expect(labels['com.docker.compose.image']).toMatch(/^sha256:[0-9a-f]{64}$/);
    const net = Object.values(session.world.networks).find((n) => n.name === 'app_default');
    expect(net?.ipam).toEqual({ subnet: '172.18.0.0/16', gateway: '172.18.0.1' });
  });

  it('aliases each container by its name and its service (getAliases), so the service name resolves', () => {
    expect(JSON.parse(r[6].output)).toEqual(['app-web-1', 'web']);
    expect(r[7].output).toMatch(/^172\.18\.0\.2\s+db$/);
  });

  it('ps and ls print the v2 tables', () => {
    const ps = r[8].output.split('\n');
    expect(ps[0]).toMatch(/^NAME\s+IMAGE\s+COMMAND\s+SERVICE\s+CREATED\s+STATUS\s+PORTS$/);
    expect(ps[1]).toMatch(
      /^app-db-1\s+redis\s+"docker-entrypoint\.s…"\s+db\s+\d+ seconds ago\s+Up \d+ seconds\s+6379\/tcp$/,
    );
    expect(ps[2]).toMatch(/^app-web-1\s+nginx\s+.*0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp$/);
    expect(r[9].output).toBe('NAME      STATUS       CONFIG FILES\napp       running(2)   /root/app/compose.yaml');
  });
});

describe('docker compose down (v2)', () => {
  const { r, session } = steps([
    'mkdir app && cd app',
    write('compose.yaml', WEB_DB),
    'docker compose up -d',
    'docker compose down',
    'docker compose down',
    'docker compose ps -a',
  ]);

  it('removes containers in reverse dependency order, then the network', () => {
    expect(r[3].output).toBe(
      [
        ' Container app-web-1  Stopping',
        ' Container app-web-1  Stopped',
        ' Container app-web-1  Removing',
        ' Container app-web-1  Removed',
        ' Container app-db-1  Stopping',
        ' Container app-db-1  Stopped',
        ' Container app-db-1  Removing',
        ' Container app-db-1  Removed',
        ' Network app_default  Removing',
        ' Network app_default  Removed',
      ].join('\n'),
    );
    expect(Object.keys(session.world.containers)).toHaveLength(0);
    expect(Object.values(session.world.networks).map((n) => n.name)).toEqual(['bridge', 'host', 'none']);
  });

  it('warns through logrus when nothing is left to remove', () => {
    expect(r[4].output).toMatch(
      /^time="2026-01-01T00:00:\d\dZ" level=warning msg="Warning: No resource found to remove for project \\"app\\"\."$/,
    );
    expect(r[4].exitCode).toBe(0);
    expect(r[5].output).toBe('NAME      IMAGE     COMMAND   SERVICE   CREATED   STATUS    PORTS');
  });
});

describe('a changed file recreates what changed', () => {
  const { r } = steps([
    'mkdir app && cd app',
    write('compose.yaml', WEB_DB),
    'docker compose up -d',
    write('compose.yaml', WEB_DB.replace('8080:80', '8081:80')),
    'docker compose up -d',
    'docker port app-web-1',
  ]);
  it('Recreate/Recreated, then Starting/Started; the other service keeps Running', () => {
    expect(r[4].output).toBe(
      [
        ' Container app-db-1  Running',
        ' Container app-web-1  Recreate',
        ' Container app-web-1  Recreated',
        ' Container app-web-1  Starting',
        ' Container app-web-1  Started',
      ].join('\n'),
    );
    expect(r[5].output).toBe('80/tcp -> 0.0.0.0:8081\n80/tcp -> [::]:8081');
  });
});

describe('logs and attached up', () => {
  const { r } = steps([
    'mkdir w && cd w',
    write(
      'compose.yaml',
      'services:\n  web:\n    image: nginx\n  worker:\n    image: devwikirepo/pingbuntu\n    command: ping -c 1 web\n    depends_on: [web]\n',
    ),
    'docker compose up',
    'docker compose logs worker',
  ]);
  it("up without -d attaches and prints each container's log with its padded SERVICE-N prefix", () => {
    const lines = r[2].output.split('\n');
    expect(lines).toContain('Attaching to web-1, worker-1');
    expect(lines).toContain('web-1    | /docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(lines).toContain('worker-1 | PING web (172.18.0.2) 56(84) bytes of data.');
  });
  it('logs keeps the blank line ping prints before its statistics', () => {
    const lines = r[3].output.split('\n');
    const i = lines.indexOf('worker-1 | --- web ping statistics ---');
    expect(i).toBeGreaterThan(0);
    expect(lines[i - 1]).toBe('worker-1 | ');
  });
});
