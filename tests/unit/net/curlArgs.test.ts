import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information";

describe('curl option errors (tool_getparam.c, printed by helpf with its hint, exit 2)', () => {
  const s = setup(['docker run -d -p 8080:80 --name web nginx']);
  it.each([
    ['curl -m', 'curl: option -m: requires parameter'],
    ['curl localhost:8080 -X', 'curl: option -X: requires parameter'],
    ['curl localhost:8080 -o', 'curl: option -o: requires parameter'],
    ['curl localhost:8080 --header', 'curl: option --header: requires parameter'],
    ['curl -m abc localhost:8080', 'curl: option -m: expected a proper numerical parameter'],
    ['curl -s --max-time "" localhost:8080', 'curl: option --max-time: expected a proper numerical parameter'],
    ['curl -s -m -1 localhost:8080', 'curl: option -m: expected a positive numerical parameter'],
    [
      'curl --connect-timeout -2 localhost:8080',
      'curl: option --connect-timeout: expected a positive numerical parameter',
    ],
    ['curl --max-time=3 localhost:8080', 'curl: option --max-time=3: is unknown'],
  ])('%s', (line, first) => {
    const r = run(s, line);
    expect(r.output).toBe(`${first}\n${TRY}`);
    expect(r.exitCode).toBe(2);
  });

  it('-m 0 is no limit: the page from a running app, the console ^C for a paused one', () => {
    const r = run(s, 'curl -s -m 0 localhost:8080');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')[0]).toBe('<!DOCTYPE html>');
    const p = run(run(s, 'docker pause web').session, 'curl -m 0 localhost:8080');
    expect([p.output, p.exitCode]).toEqual(['^C', 130]);
  });
});
