import { describe, expect, it } from 'vitest';
import { run, setup } from '../net/helpers';

const ctrs = [
  'docker run -d --name ns nicolaka/netshoot sleep infinity',
  'docker run -d --name bb busybox sleep 3600',
  'docker run -d --name ub ubuntu sleep infinity',
];

describe('"not found" is worded by the shell that runs the line', () => {
  it.each([
    // netshoot is Alpine: sh is busybox ash, bash 5.2 names the line of a -c string, zsh too
    ['docker exec ns sh -c foo', 'sh: foo: not found'],
    ['docker exec ns bash -c foo', 'bash: line 1: foo: command not found'],
    ['docker exec ns zsh -c foo', 'zsh:1: command not found: foo'],
    ['docker exec bb sh -c foo', 'sh: foo: not found'],
    // Debian and Ubuntu: sh is dash, which always says the line number
    ['docker exec ub sh -c foo', 'sh: 1: foo: not found'],
    ['docker exec ub bash -c foo', 'bash: line 1: foo: command not found'],
    // $0 is the name it was called by, as in a Dockerfile's RUN (/bin/sh -c)
    ['docker exec ns /bin/sh -c foo', '/bin/sh: foo: not found'],
    ['docker exec ub /bin/sh -c foo', '/bin/sh: 1: foo: not found'],
    ['docker exec ub /bin/bash -c foo', '/bin/bash: line 1: foo: command not found'],
  ])('%s → %s (exit 127)', (line, want) => {
    const r = run(setup(ctrs), line);
    expect(r.output).toBe(want);
    expect(r.exitCode).toBe(127);
  });

  it('a pipeline inside sh -c: the missing filter is sh’s, the exit code the last command’s', () => {
    const s = setup(ctrs);
    const r = run(s, 'docker exec ns sh -c "foo | cat"');
    expect(r.output).toBe('sh: foo: not found');
    expect(r.exitCode).toBe(0);
    const f = run(s, "docker exec ns sh -c 'ip addr | nosuch'");
    expect(f.output).toBe('sh: nosuch: not found');
    expect(f.exitCode).toBe(127);
    // sh's message is stderr: 2>/dev/null hides it
    expect(run(s, 'docker exec ub sh -c foo 2>/dev/null').output).toBe('');
  });

  it('docker exec -it ns sh speaks busybox sh; zsh, netshoot’s own shell, keeps its wording', () => {
    const s = setup(ctrs);
    const sh = run(s, 'docker exec -it ns sh').session;
    expect(run(sh, 'foo').output).toBe('sh: foo: not found');
    const zsh = run(s, 'docker exec -it ns zsh').session;
    expect(run(zsh, 'foo').output).toBe('zsh: command not found: foo');
    expect(zsh.stack.at(-1)).toEqual({ kind: 'container', id: expect.any(String), via: 'exec', tty: true });
    const bash = run(s, 'docker exec -it ns bash').session;
    expect(run(bash, 'foo').output).toBe('bash: foo: command not found');
    expect(run(s, 'docker exec -it ub bash').session.stack.at(-1)).not.toHaveProperty('shell');
    // Ubuntu's sh is dash, which counts the lines it has read
    let dash = run(s, 'docker exec -it ub sh').session;
    const first = run(dash, 'foo');
    expect(first.output).toBe('sh: 1: foo: not found');
    dash = run(first.session, 'echo hi').session;
    expect(run(dash, 'foo; foo').output).toBe('sh: 3: foo: not found\nsh: 3: foo: not found');
  });
});
