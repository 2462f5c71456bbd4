import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/sim/model';
import { runShell } from '../../../src/sim/shell';
import type { Where } from '../../../src/sim/where';
import { A_ID, labWorld } from './labWorld';

const host: Where = { kind: 'machine', id: 'docker-host' };
const ctrA: Where = { kind: 'container', id: A_ID };
const run = (w: World, where: Where, line: string) => runShell(w, line.split(' '), where, line);

describe('ip -br and ip route get (iproute2)', () => {
  const w = labWorld();

  it('ip -br addr: %-16s name, %-14s state, each address followed by a space', () => {
    expect(run(w, ctrA, 'ip -br addr').output).toBe(
      ['lo               UNKNOWN        127.0.0.1/8 ::1/128 ', 'eth0@if7         UP             10.0.0.2/24 '].join(
        '\n',
      ),
    );
    expect(run(w, ctrA, 'ip -br link').output.split('\n')[1]).toBe(
      'eth0@if7         UP             22:33:d8:71:f6:3d <BROADCAST,MULTICAST,UP,LOWER_UP> ',
    );
  });

  it('ip route get: on-link, via the gateway, local, unreachable', () => {
    expect(run(w, ctrA, 'ip route get 10.0.0.3').output).toBe('10.0.0.3 dev eth0 src 10.0.0.2 uid 0 \n    cache ');
    expect(run(w, ctrA, 'ip route get 8.8.8.8').output).toBe(
      '8.8.8.8 via 10.0.0.1 dev eth0 src 10.0.0.2 uid 0 \n    cache ',
    );
    expect(run(w, host, 'ip route get 172.17.0.2').output).toBe(
      '172.17.0.2 dev docker0 src 172.17.0.1 uid 0 \n    cache ',
    );
    expect(run(w, host, 'ip route get 192.168.0.10').output).toBe(
      'local 192.168.0.10 dev lo src 192.168.0.10 uid 0 \n    cache <local> ',
    );
    expect(run(w, host, 'ip route get')).toMatchObject({
      output: 'need at least a destination address',
      exitCode: 255,
    });
  });
});
