import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;

// busybox networking/netstat.c (1.36/1.37, FEATURE_NETSTAT_WIDE + FEATURE_NETSTAT_PRG):
// FMT_NET_CONN_HEADER "\nProto Recv-Q Send-Q %-23s %-23s State       %s\n",
// FMT_NET_CONN_DATA "%s   %6lu %6lu %-23s %-23s %-12s", PROGNAME_BANNER "PID/Program name    ",
// the program name "%.20s" unpadded; "Active UNIX domain sockets" when no socket type is chosen.
describe('netstat in a busybox image prints busybox’s layout, not net-tools’', () => {
  const setup = [
    'docker run -d --name web -p 8080:80 nginx',
    'docker run -d --name bb --network host busybox sleep 1000',
  ];

  it('-tlnp: tcp for IPv6 sockets too, a 12-wide state, the host’s processes hidden by its PID namespace', () => {
    const r = play([...setup, 'docker exec bb netstat -tlnp']);
    expect(r[2].output).toBe(
      [
        'Active Internet connections (only servers)',
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ',
        'tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      -',
        'tcp        0      0 :::8080                 :::*                    LISTEN      -',
      ].join('\n'),
    );
  });

  it('-ln: no program column, then the UNIX domain section', () => {
    const r = play([...setup, 'docker exec bb netstat -ln']);
    expect(r[2].output.split('\n')).toEqual([
      'Active Internet connections (only servers)',
      'Proto Recv-Q Send-Q Local Address           Foreign Address         State       ',
      'tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      ',
      'tcp        0      0 :::8080                 :::*                    LISTEN      ',
      'Active UNIX domain sockets (only servers)',
      'Proto RefCnt Flags       Type       State         I-Node Path',
    ]);
  });

  it('net-tools’ netstat (netshoot) keeps its own layout: tcp6 and an 11-wide state', () => {
    const r = play([
      ...setup,
      'docker run -d --name ns --network host nicolaka/netshoot sleep infinity',
      'docker exec ns netstat -tln',
    ]);
    expect(r[3].output).toContain('tcp6       0      0 :::8080                 :::*                    LISTEN     ');
  });
});
