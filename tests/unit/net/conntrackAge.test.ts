import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

describe('conntrack timers count down; sleep lets time pass', () => {
  it('TIME_WAIT counts from 119, icmp from 29; both are forgotten at zero', () => {
    let s = setup([
      'docker run -d -p 8001:80 --name web nginx',
      '@pc1 curl -s 192.168.0.10:8001',
      'ping -c 1 172.17.0.2',
    ]);
    const timers = (out: string) =>
      out
        .split('\n')
        .slice(1)
        .map((l) => l.split(/ +/).slice(0, 3).join(' '));
    expect(timers(run(s, 'conntrack -L').output)).toEqual(['icmp 1 28', 'tcp 6 117']);
    s = run(s, 'sleep 30').session;
    expect(timers(run(s, 'conntrack -L').output)).toEqual(['tcp 6 86']);
    s = run(s, 'sleep 2m').session;
    expect(run(s, 'conntrack -L').output).toBe('conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.');
    // the next packet command drops the expired entries from the World too
    s = run(s, 'ping -c 1 192.168.0.1').session;
    expect(s.world.machines['docker-host'].conntrack.every((e) => e.proto === 'icmp')).toBe(true);
  });

  it('sleep takes coreutils units and words its errors as coreutils does', () => {
    const s = setup([]);
    expect(run(s, 'sleep 1.5 1m').session.world.clock - s.world.clock).toBe(61_500 + 1000);
    expect(run(s, 'sleep')).toMatchObject({
      output: "sleep: missing operand\nTry 'sleep --help' for more information.",
      exitCode: 1,
    });
    expect(run(s, 'sleep x').output).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.");
  });
});
