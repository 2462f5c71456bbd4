import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LineResult, runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * Seed 002's Compose part as the seed types it (tests/fixtures/seeds/002-compose.txt): docker-compose
 * (v1 names and output) in ~/gloddy_server, a second project, isolation from each other and from
 * docker0, and the shared external network that joins them.
 */
const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seeds', '002-compose.txt'), 'utf8');
const { lines, results } = runScript(createDefaultWorld(28), text);
const all = (line: string): LineResult[] => results.filter((_, i) => lines[i] === line);
const one = (line: string, n = 0) => {
  const r = all(line)[n];
  if (!r) throw new Error(`no line ${line}`);
  return r;
};
const PING_APP = 'docker exec gloddy_client_client_1 ping -c 1 app';

describe('seed 002: docker-compose up -d in gloddy_server', () => {
  it('makes gloddy_server_default on 172.18.0.0/16 with v1 names and output', () => {
    expect(all('docker-compose up -d')[0].output).toBe(
      [
        'Creating network "gloddy_server_default" with the default driver',
        'Creating gloddy_server_app_1   ... done',
        'Creating gloddy_server_redis_1 ... done',
      ].join('\n'),
    );
    const ls = one('docker network ls').output.split('\n');
    expect(ls.slice(1).map((l) => l.split(/\s+/)[1])).toEqual(['bridge', 'gloddy_server_default', 'host', 'none']);
  });

  it('ip route shows its own br- bridge beside docker0', () => {
    const route = one('ip route').output;
    expect(route).toMatch(/^172\.18\.0\.0\/16 dev br-[0-9a-f]{12} proto kernel scope link src 172\.18\.0\.1 $/m);
    expect(route).toMatch(/^172\.17\.0\.0\/16 dev docker0 proto kernel scope link src 172\.17\.0\.1 $/m);
  });

  it('a second directory is a second project on its own bridge (172.19.0.0/16)', () => {
    expect(all('docker-compose up -d')[1].output).toBe(
      'Creating network "gloddy_client_default" with the default driver\nCreating gloddy_client_client_1 ... done',
    );
  });

  it('before the shared network: no name, no route to the other project or to docker0', () => {
    expect(one(PING_APP, 0)).toMatchObject({ output: 'ping: app: Name or service not known', exitCode: 2 });
    expect(one('docker exec gloddy_client_client_1 ping -c 1 -W 1 172.18.0.2').output).toContain(
      '1 packets transmitted, 0 received, 100% packet loss',
    );
    expect(one('docker exec gloddy_client_client_1 ping -c 1 -W 1 172.17.0.2', 0).output).toContain(
      '1 packets transmitted, 0 received, 100% packet loss',
    );
  });

  it('declared external in both files, the changed services are recreated onto it', () => {
    expect(all('docker-compose up -d')[2].output).toBe('Recreating gloddy_client_client_1 ... done');
    expect(all('docker-compose up -d')[3].output).toBe(
      'gloddy_server_redis_1 is up-to-date\nRecreating gloddy_server_app_1 ... done',
    );
    expect(
      one("docker network inspect gloddy_shared --format '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{end}}'")
        .output,
    ).toMatch(/gloddy_server_app_1 172\.20\.0\.\d\/16/);
  });

  it('then the client reaches app by its service name; redis (not on the network) and docker0 stay apart', () => {
    const ping = one(PING_APP, 1);
    expect(ping.exitCode).toBe(0);
    expect(ping.output).toMatch(/^PING app \(172\.20\.0\.\d\) 56\(84\) bytes of data\.$/m);
    expect(ping.output).toContain('1 packets transmitted, 1 received, 0% packet loss');
    expect(one('docker exec gloddy_client_client_1 ping -c 1 -W 1 redis').output).toBe(
      'ping: redis: Name or service not known',
    );
    expect(one('docker exec gloddy_client_client_1 ping -c 1 -W 1 172.17.0.2', 1).output).toContain('100% packet loss');
  });

  it("down removes each project's own network and skips the external one", () => {
    expect(all('docker-compose down')[0].output).toBe(
      [
        'Stopping gloddy_server_redis_1 ... done',
        'Stopping gloddy_server_app_1   ... done',
        'Removing gloddy_server_redis_1 ... done',
        'Removing gloddy_server_app_1   ... done',
        'Removing network gloddy_server_default',
        'Network gloddy_shared is external, skipping',
      ].join('\n'),
    );
    const ls = all('docker network ls');
    expect(
      ls[ls.length - 1].output
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s+/)[1]),
    ).toEqual(['bridge', 'gloddy_shared', 'host', 'none']);
  });
});
