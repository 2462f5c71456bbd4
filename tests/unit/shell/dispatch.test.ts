import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/sim/model';
import { runShell } from '../../../src/sim/shell';
import type { Where } from '../../../src/sim/where';
import { A_ID, labWorld, N_ID } from './labWorld';

const run = (w: World, where: Where, line: string) => runShell(w, line.split(' '), where, line);
const host: Where = { kind: 'machine', id: 'docker-host' };

describe('shell dispatcher: tools, shells, fallbacks', () => {
  const w = labWorld();
  const withImage = (image: string) =>
    produce(w, (d) => {
      d.containers[N_ID].image = image;
    });
  const nginx: Where = { kind: 'container', id: N_ID };

  it.each([
    // [image, line, output]
    ['nginx', 'ping x', 'bash: ping: command not found'],
    ['ubuntu', 'ip addr', 'bash: ip: command not found'],
    ['busybox', 'curl x', 'sh: curl: not found'],
    ['alpine', 'dig x', 'sh: dig: not found'],
    ['nicolaka/netshoot', 'foo', 'zsh: command not found: foo'],
  ])('%s: %s -> %s', (image, line, output) => {
    expect(run(withImage(image), nginx, line)).toMatchObject({ output, exitCode: 127 });
  });

  it('a tool the image really has but the console does not simulate says so (not "not found")', () => {
    expect(run(withImage('nicolaka/netshoot'), nginx, 'nc -l -p 9000')).toMatchObject({
      output:
        'whalewire: nc is in this image but not simulated here; try ping, curl, wget, nslookup, dig, host, getent, traceroute, tcpdump, ip, ss, iptables, conntrack, bridge, cat',
      exitCode: 127,
    });
  });

  it('unknown commands on a machine', () => {
    expect(run(w, host, 'foo')).toMatchObject({ output: 'bash: foo: command not found', exitCode: 127 });
  });

  it('machines use their own tool list (the router has no brctl)', () => {
    expect(run(w, { kind: 'machine', id: 'router' }, 'brctl show').output).toBe('bash: brctl: command not found');
  });

  it('packet commands answer plainly until the packet engine registers them', () => {
    const r = run(w, { kind: 'container', id: A_ID }, 'ping -c 1 10.0.0.3');
    if (r.exitCode === 2) expect(r.output).toBe('ping: packet simulation is not available yet');
    else expect(r.output).toContain('PING 10.0.0.3');
  });

  it.each([
    ['echo hello world', 'hello world'],
    ['whoami', 'root'],
    ['clear', ''],
  ])('%s', (line, output) => {
    expect(run(w, host, line)).toMatchObject({ output, exitCode: 0 });
  });

  it('exit asks the console to leave', () => {
    expect(run(w, host, 'exit').exit).toBe(true);
  });

  it('help lists the console language', () => {
    const out = run(w, host, 'help').output;
    for (const s of ['docker run -it', '@MACHINE', 'iptables -t nat -S', 'conntrack -L']) expect(out).toContain(s);
  });

  it('iptables needs NET_ADMIN in a container', () => {
    expect(run(w, { kind: 'container', id: A_ID }, 'iptables -S')).toMatchObject({ exitCode: 3 });
  });

  it('commands never change the World', () => {
    for (const line of ['ip addr', 'brctl show', 'iptables -t nat -S', 'cat /etc/hosts', 'conntrack -L']) {
      expect(run(w, host, line).world).toBe(w);
    }
  });
});
