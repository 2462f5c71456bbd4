import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { createSession, LINE_MS, prompt, runLine, runScript, type Session, tokenize } from '../../src/sim/console';
import { createDefaultWorld } from '../../src/sim/world';
import { A_ID, labWorld } from './shell/labWorld';

const inside = (s: Session, id: string, via: 'run' | 'exec' = 'exec'): Session => ({
  ...s,
  stack: [...s.stack, { kind: 'container', id, via }],
});

describe('console language (DESIGN §5)', () => {
  it('comments and blank lines print nothing and take no time', () => {
    const s = createSession(createDefaultWorld());
    for (const line of ['', '   ', '# a comment', '  # indented']) {
      const r = runLine(s, line);
      expect(r).toMatchObject({ output: '', exitCode: 0, machine: 'docker-host' });
      expect(r.session).toBe(s);
    }
  });

  it('each command advances the clock by one second', () => {
    const s = createSession(createDefaultWorld());
    const r = runLine(s, 'hostname');
    expect(r.session.world.clock).toBe(s.world.clock + LINE_MS);
    expect(r.output).toBe('docker-host');
  });

  it('@MACHINE runs one line elsewhere and stays put', () => {
    const s = createSession(createDefaultWorld());
    const r = runLine(s, '@pc1 hostname');
    expect(r).toMatchObject({ output: 'pc1', machine: 'pc1' });
    expect(r.session.stack).toEqual(s.stack);
    expect(runLine(r.session, 'hostname').output).toBe('docker-host');
  });

  it('@CONTAINER accepts a container name or short id', () => {
    const s = createSession(labWorld());
    expect(runLine(s, '@containerA hostname')).toMatchObject({ output: '3866c4fcd4b6', machine: A_ID });
    expect(runLine(s, '@3866c4fc ip route').output).toContain('default via 10.0.0.1 dev eth0 ');
  });

  it('@ of something that does not exist', () => {
    const r = runLine(createSession(createDefaultWorld()), '@nope ls');
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('no machine or container named "nope"');
  });

  it('docker is only on the Docker host', () => {
    const s = createSession(createDefaultWorld());
    expect(runLine(s, '@pc1 docker ps')).toMatchObject({ output: 'bash: docker: command not found', exitCode: 127 });
    expect(runLine(inside(createSession(labWorld()), A_ID), 'docker ps')).toMatchObject({
      output: 'zsh: command not found: docker',
      exitCode: 127,
    });
  });

  it('lines run inside the container on top of the stack; exit pops it', () => {
    const s = inside(createSession(labWorld()), A_ID);
    expect(runLine(s, 'hostname')).toMatchObject({ output: '3866c4fcd4b6', machine: A_ID });
    const out = runLine(s, 'exit');
    expect(out.output).toBe('exit');
    expect(out.session.stack).toHaveLength(1);
    expect(runLine(out.session, 'hostname').output).toBe('docker-host');
  });

  it('exit at the host says logout and keeps the console', () => {
    const r = runLine(createSession(createDefaultWorld()), 'exit');
    expect(r.output).toBe('logout');
    expect(r.session.stack).toEqual([{ kind: 'machine', id: 'docker-host' }]);
  });

  it('a container that stops underneath the console sends it back to the host, saying so', () => {
    const s = inside(createSession(labWorld()), A_ID);
    const stopped = {
      ...s,
      world: produce(s.world, (w) => {
        w.containers[A_ID].state = 'exited';
      }),
    };
    const r = runLine(stopped, 'hostname');
    expect(r.output).toBe('3866c4fcd4b6\n[containerA is no longer running; back on docker-host]');
    expect(r.session.stack).toHaveLength(1);
    const removed = { ...s, world: { ...s.world, containers: {} } };
    expect(runLine(removed, 'echo hi').output).toContain('[3866c4fcd4b6 is removed; back on docker-host]');
  });

  it('prompt: root@hostname:/# in a container, root@machine:~# on a machine', () => {
    const s = createSession(labWorld());
    expect(prompt(s)).toBe('root@docker-host:~#');
    expect(prompt(inside(s, A_ID))).toBe('root@3866c4fcd4b6:/#');
    expect(prompt({ ...s, stack: [{ kind: 'machine', id: 'dns' }] })).toBe('root@dns:~#');
  });

  it.each([
    ['docker run -d --name a nginx', ['docker', 'run', '-d', '--name', 'a', 'nginx']],
    ['echo "a b"  \'c d\'', ['echo', 'a b', 'c d']],
    ['echo a\\ b', ['echo', 'a b']],
    ['curl "http://x/?q=\\"y\\""', ['curl', 'http://x/?q="y"']],
  ])('tokenize %s', (line, argv) => {
    expect(tokenize(line)).toEqual(argv);
  });

  it('runScript replays every line, tolerating CRLF', () => {
    const { lines, results } = runScript(createDefaultWorld(), 'hostname\r\n# c\r\n@pc2 hostname\r\n');
    expect(lines).toEqual(['hostname', '# c', '@pc2 hostname']);
    expect(results.map((r) => r.output)).toEqual(['docker-host', '', 'pc2']);
  });

  it("docker run -it … bash enters the container; exit stops it with the shell's code", () => {
    let s = createSession(createDefaultWorld());
    const run = runLine(s, 'docker run -it --name box1 ubuntu bash');
    s = run.session;
    const id = s.stack.at(-1)?.id ?? '';
    expect(s.world.containers[id]?.name).toBe('box1');
    expect(prompt(s)).toBe(`root@${id.slice(0, 12)}:/#`);
    expect(runLine(s, 'hostname').output).toBe(id.slice(0, 12));
    const out = runLine(s, 'exit 3');
    expect(out.output).toBe('exit');
    expect(out.session.stack).toHaveLength(1);
    expect(out.session.world.containers[id]).toMatchObject({ state: 'exited', exitCode: 3 });
  });

  it('leaving a run -it --rm shell removes the container', () => {
    const { session } = runScript(createDefaultWorld(), 'docker run -it --rm --name box2 busybox sh\nexit\n');
    expect(Object.values(session.world.containers)).toHaveLength(0);
  });

  it('docker exec -it … bash enters a running container and exit leaves it running', () => {
    const { session, results } = runScript(
      createDefaultWorld(),
      'docker run -d --name web nginx\ndocker exec -it web bash\nhostname\nexit\n',
    );
    const web = Object.values(session.world.containers)[0];
    expect(results[2].output).toBe(web.hostname);
    expect(session.stack).toHaveLength(1);
    expect(web.state).toBe('running');
  });
});
