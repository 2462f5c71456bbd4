import { describe, expect, test } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';
import { networkCreateCommand, proposedPublish, republishCommands } from '../../../src/ui/dialogCommands';

function world(...lines: string[]) {
  return runScript(createDefaultWorld(), `${lines.join('\n')}\n`).session.world;
}
const named = (w: ReturnType<typeof world>, name: string) => Object.values(w.containers).find((c) => c.name === name)!;

describe('republishCommands (Publish port)', () => {
  test('a running container is run again with its flags, ports, env, networks and command', () => {
    const w = world(
      'docker network create front',
      'docker network create back',
      'docker run -dit --name app --network front -p 8080:80 -e COLOR=red nicolaka/netshoot',
      'docker network connect back app',
    );
    expect(republishCommands(w, named(w, 'app'), '9090:90')).toEqual([
      'docker rm -f app',
      'docker run -dit --name app --network front -p 8080:80 -p 9090:90 -e COLOR=red nicolaka/netshoot',
      'docker network connect back app',
    ]);
  });

  test('a stopped container is created again, not started: it stays stopped, and the lines run', () => {
    const w = world('docker run -dit --name c4 nicolaka/netshoot', 'docker stop c4');
    const lines = republishCommands(w, named(w, 'c4'), '8080:80');
    expect(lines).toEqual(['docker rm -f c4', 'docker create -it --name c4 -p 8080:80 nicolaka/netshoot']);
    const after = runScript(w, `${lines.join('\n')}\n`);
    expect(after.results.map((r) => r.exitCode)).toEqual([0, 0]);
    const c4 = named(after.session.world, 'c4');
    expect(c4.state).toBe('created');
    expect(c4.ports.map((p) => `${p.hostPort}:${p.containerPort}`)).toEqual(['8080:80']);
  });
});

describe('proposedPublish (the Publish port field)', () => {
  test('a port the image listens on, on the first host port from 8080 nobody on the daemon holds', () => {
    const w = world(
      'docker run -d --name one -p 8080:80 nginx',
      'docker run -d --name two -p 8081:80 -p 8082-8084:3000 nginx',
      'docker run -d --name cache redis',
      'docker run -d --name web nginx',
    );
    expect(proposedPublish(w, named(w, 'cache'))).toBe('8085:6379');
    expect(proposedPublish(w, named(w, 'web'))).toBe('8085:80');
    // one's own 8080:80 is never proposed again (it read -p 8080:80 -p 8080:80)
    expect(proposedPublish(w, named(w, 'one'))).toBe('8085:80');
  });

  test('the proposed lines run: Docker allocates the port instead of refusing it', () => {
    const w = world('docker run -d --name one -p 8080:80 nginx', 'docker run -d --name web nginx');
    for (const name of ['one', 'web']) {
      const lines = republishCommands(w, named(w, name), proposedPublish(w, named(w, name)));
      const r = runScript(w, `${lines.join('\n')}\n`);
      expect(r.results.map((x) => `${x.exitCode} ${x.output}`)).toEqual(lines.map(() => expect.stringMatching(/^0 /)));
    }
  });
});

describe('networkCreateCommand', () => {
  test('an empty name is left out, so the CLI refuses it in its own words', () => {
    expect(networkCreateCommand({ name: '  ', driver: 'bridge', subnet: '' })).toBe('docker network create');
    const r = runScript(createDefaultWorld(), 'docker network create\n').results[0];
    expect(r.exitCode).not.toBe(0);
    expect(r.output).toContain("'docker network create' requires 1 argument");
    expect(networkCreateCommand({ name: 'my net', driver: 'overlay', subnet: '10.0.0.0/24' })).toBe(
      "docker network create -d overlay --subnet 10.0.0.0/24 'my net'",
    );
  });
});
