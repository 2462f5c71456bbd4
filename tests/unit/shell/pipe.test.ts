import { describe, expect, it } from 'vitest';
import { createSession, runLine, runScript, type Session } from '../../../src/sim/console';
import { FILTERS } from '../../../src/sim/shell/filters';
import { runFilters, splitPipeline, toolOf } from '../../../src/sim/shell/pipe';
import { createDefaultWorld } from '../../../src/sim/world';

const lines = ['alpha', 'Beta', 'gamma 10.0.0.2', 'delta', 'alpha'];
const f = (line: string) => {
  const argv = line.split(' ');
  return FILTERS[argv[0]](argv, lines, 'bash');
};

describe('pipe filters', () => {
  it.each([
    ['head -2', ['alpha', 'Beta']],
    ['head -n 1', ['alpha']],
    ['head -n1', ['alpha']],
    ['head --lines=3', ['alpha', 'Beta', 'gamma 10.0.0.2']],
    ['head -n -3', ['alpha', 'Beta']],
    ['tail -2', ['delta', 'alpha']],
    ['tail -n +4', ['delta', 'alpha']],
    ['grep alpha', ['alpha', 'alpha']],
    ['grep -i beta', ['Beta']],
    ['grep -v a', []],
    ['grep -vi alpha', ['Beta', 'gamma 10.0.0.2', 'delta']],
    ['grep -n delta', ['4:delta']],
    ['grep -c alpha', ['2']],
    ['grep 10\\.0\\.0\\.[0-9]', ['gamma 10.0.0.2']],
    ['grep alpha\\|delta', ['alpha', 'delta', 'alpha']],
    ['grep -E Beta|delta', ['Beta', 'delta']],
    ['grep -o [[:digit:]]\\+', ['10', '0', '0', '2']],
    ['wc -l', ['5']],
    ['wc', ['      5       6      38']],
    ['sort', ['Beta', 'alpha', 'alpha', 'delta', 'gamma 10.0.0.2']],
    ['uniq -c', ['      1 alpha', '      1 Beta', '      1 gamma 10.0.0.2', '      1 delta', '      1 alpha']],
  ])('%s', (line, stdout) => {
    expect(f(line).stdout).toEqual(stdout);
  });

  it('grep exits 1 without a match, 2 without a pattern', () => {
    expect(f('grep zzz')).toEqual({ stdout: [], stderr: [], exitCode: 1 });
    expect(f('grep').exitCode).toBe(2);
    expect(f('grep').stderr[0]).toBe(
      "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.",
    );
  });

  it('head with a bad count says so as GNU head does', () => {
    expect(f('head -n x').stderr).toEqual([
      "head: invalid number of lines: 'x'\nTry 'head --help' for more information.",
    ]);
  });
});

describe('splitting a line into a pipeline', () => {
  it('splits at unquoted bars only', () => {
    expect(splitPipeline(`curl -s x | grep 'a|b' | wc -l`, 'bash')).toEqual({
      ok: true,
      segments: ['curl -s x', `grep 'a|b'`, 'wc -l'],
    });
    expect(splitPipeline('grep a\\|b', 'bash')).toEqual({ ok: true, segments: ['grep a\\|b'] });
  });

  it('an empty command around a bar is a syntax error, worded per shell', () => {
    expect(splitPipeline('| head', 'bash')).toEqual({
      ok: false,
      error: "bash: syntax error near unexpected token `|'",
    });
    expect(splitPipeline('ls |', 'bash')).toEqual({ ok: false, error: 'bash: syntax error: unexpected end of file' });
    expect(splitPipeline('ls | | wc', 'sh')).toEqual({ ok: false, error: 'sh: syntax error: unexpected "|"' });
  });

  it('finds the tool behind docker exec and @', () => {
    expect(toolOf(['docker', 'exec', '-it', 'web', 'curl', '-s', 'x'])).toBe('curl');
    expect(toolOf(['@pc1', '/usr/bin/ping', 'x'])).toBe('ping');
  });

  it('stderr lines pass by the filters and keep their place', () => {
    const out = ['*   Trying 1.2.3.4:80...', '> GET / HTTP/1.1', 'one', 'two', 'three', '* Connection #0 left'];
    expect(runFilters(out.join('\n'), 'curl', false, [['head', '-1']], 'bash')).toEqual({
      output: ['*   Trying 1.2.3.4:80...', '> GET / HTTP/1.1', 'one', '* Connection #0 left'].join('\n'),
      exitCode: 0,
    });
    // 2>&1 sends them through the pipe too
    expect(runFilters(out.join('\n'), 'curl', true, [['wc', '-l']], 'bash').output).toBe('6');
  });
});

describe('pipes on the console', () => {
  const script = (text: string) => runScript(createDefaultWorld(), text).results;

  it('curl -s URL | head -3 shows the first three lines of the page', () => {
    const r = script('docker run -d -p 8001:80 --name web nginx\ncurl -s localhost:8001 | head -3');
    expect(r[1]).toMatchObject({ output: '<!DOCTYPE html>\n<html>\n<head>', exitCode: 0 });
    expect(r[1].trace?.command).toBe('curl -s localhost:8001');
  });

  it('docker ps | grep NAME keeps the matching row only', () => {
    const r = script('docker run -d --name web nginx\ndocker run -d --name db redis\ndocker ps | grep web');
    expect(r[2].output.split('\n')).toHaveLength(1);
    expect(r[2].output).toMatch(/^[0-9a-f]{12} {3}nginx {5}"\/docker-entrypoint\.…" .* web$/);
  });

  it('ip addr | grep inet, and a filter the shell does not have', () => {
    const s: Session = createSession(createDefaultWorld());
    expect(runLine(s, 'ip addr | grep -v inet6 | grep inet').output).toBe(
      [
        '    inet 127.0.0.1/8 scope host lo',
        '    inet 192.168.0.10/24 brd 192.168.0.255 scope global eth0',
        '    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0',
      ].join('\n'),
    );
    expect(runLine(s, "ip addr | awk '{print $2}'")).toMatchObject({
      output: 'bash: awk: command not found',
      exitCode: 127,
    });
  });

  it("a tool's error goes to the terminal, not into grep; the exit code is the last command's", () => {
    const r = script('curl -s -S localhost:8009 | grep html');
    expect(r[0]).toMatchObject({
      output: "curl: (7) Failed to connect to localhost port 8009 after 0 ms: Couldn't connect to server",
      exitCode: 1,
    });
    expect(script('curl localhost:8009 2>/dev/null')[0].output).toBe('');
  });

  it('a real command after the bar runs (ignoring its stdin); earlier stderr still shows', () => {
    const r = script('docker network create idle\necho y | docker network prune');
    expect(r[1].output).toBe(
      'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] y\nDeleted Networks:\nidle\n',
    );
    expect(script('curl -sS localhost:9 | docker ps -q | wc -l')[0].output).toBe(
      "curl: (7) Failed to connect to localhost port 9 after 0 ms: Couldn't connect to server\n0",
    );
  });

  it('no option errors from the words after the bar any more', () => {
    const r = script('docker run -d -p 8001:80 --name web nginx\ncurl -s localhost:8001 | wc -l');
    expect(r[1]).toMatchObject({ output: '23', exitCode: 0 });
  });
});
