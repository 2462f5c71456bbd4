import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;

// docker/cli v28.5.2 cli/command/container/logs.go; moby v28.5.2 client/container_logs.go
// (GetTimestamp), daemon/logs.go (Tail via strconv.Atoi), daemon/logger/loggerutils/logfile.go
// (tail first, since/until inclusive), api/server/httputils/write_log_stream.go (-t, --details).
describe('docker logs --tail, -t, --since, --until, --details, -f', () => {
  // a detached endless ping: the header and the first reply at start, then one reply a second
  const setup = ['docker run -d --name pg busybox ping 8.8.8.8', 'sleep 6'];

  it('-t prefixes each line with the time it was written, RFC 3339 with nanoseconds', () => {
    const r = play([...setup, 'docker logs -t pg', "docker inspect -f '{{.State.StartedAt}}' pg"]);
    const lines = r[2].output.split('\n');
    const start = r[3].output;
    expect(lines[0]).toBe(`${start} PING 8.8.8.8 (8.8.8.8): 56 data bytes`);
    expect(lines[1].startsWith(`${start} 64 bytes from 8.8.8.8: seq=0 `)).toBe(true);
    const t2 = new Date(Date.parse(start) + 1000).toISOString().replace('.000Z', '.000000000Z');
    expect(lines[2].startsWith(`${t2} 64 bytes from 8.8.8.8: seq=1 `)).toBe(true);
  });

  it('-n/--tail keeps the last N lines; 0 none; a value Atoi refuses shows all', () => {
    // a ping that ends: its log no longer grows
    const r = play([
      'docker run -d --name pc busybox ping -c 3 8.8.8.8',
      'docker logs pc',
      'docker logs -n 2 pc',
      'docker logs --tail=0 pc',
      'docker logs --tail x pc',
    ]);
    const all = r[1].output.split('\n');
    expect(all.at(-1)).toMatch(/^round-trip min\/avg\/max = /);
    expect(r[2].output).toBe(all.slice(-2).join('\n'));
    expect(r[3].output).toBe('');
    expect(r[4].output).toBe(r[1].output);
  });

  it('--since and --until take a duration, an RFC 3339 time or a Unix timestamp, both bounds inclusive', () => {
    const r = play([
      ...setup,
      "docker inspect -f '{{.State.StartedAt}}' pg",
      'docker logs -t --since 2026-01-01T00:00:03Z --until 1767225604 pg',
      'docker logs -t --since 2s pg',
      'docker logs pg',
    ]);
    expect(r[2].output).toBe('2026-01-01T00:00:00.000000000Z');
    expect(r[3].output.split('\n').map((l) => l.split(' 64 bytes')[0].replace(/^.*T/, ''))).toEqual([
      '00:00:03.000000000Z',
      '00:00:04.000000000Z',
    ]);
    const recent = r[4].output.split('\n');
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(r[5].output.split('\n').length);
  });

  it('a --since or --until the client cannot read is refused before any request', () => {
    const r = play([...setup, 'docker logs --since foo pg', 'docker logs --until 12x pg']);
    expect(r[2].output).toBe('invalid value for "since": failed to parse value as time or duration: "foo"');
    expect(r[2].exitCode).toBe(1);
    expect(r[3].output).toBe('invalid value for "until": failed to parse value as time or duration: "12x"');
  });

  it('--details puts the (empty) attributes and a blank before each line; -f prints what is there', () => {
    const r = play([
      'docker run -d --name web nginx',
      'docker logs web',
      'docker logs --details web',
      'docker logs -f web',
    ]);
    expect(r[2].output).toBe(
      r[1].output
        .split('\n')
        .map((l) => ` ${l}`)
        .join('\n'),
    );
    expect(r[3].output).toBe(r[1].output);
  });

  it('a boolean flag with a value ParseBool refuses is pflag’s error', () => {
    const r = play(['docker run -d --name web nginx', 'docker logs --timestamps=maybe web']);
    expect(r[1].output).toBe(
      `invalid argument "maybe" for "-t, --timestamps" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information`,
    );
    expect(r[1].exitCode).toBe(125);
  });
});
