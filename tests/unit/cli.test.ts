import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, runText } from '../../src/cli/sim';

const SCRIPT = '# the host\nhostname\n\n@pc1 hostname\nnosuchcmd\nip route\n';

function sim(args: string[], input?: string) {
  const r = spawnSync(join('node_modules', '.bin', 'tsx'), ['src/cli/sim.ts', ...args], {
    input,
    encoding: 'utf8',
    cwd: process.cwd(),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'whalewire-sim-'));
  const file = join(dir, 'script.txt');
  writeFileSync(file, text);
  return file;
}

describe('npm run sim (DESIGN §5 headless runner)', () => {
  it('prints "$ line" then the output, skipping blank lines; exits 0 even when a command fails', () => {
    const r = sim([tempFile(SCRIPT)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '$ # the host',
        '$ hostname',
        'docker-host',
        '$ @pc1 hostname',
        'pc1',
        '$ nosuchcmd',
        'bash: nosuchcmd: command not found',
        '$ ip route',
        'default via 192.168.0.1 dev eth0 proto dhcp src 192.168.0.10 metric 100 ',
        '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown ',
        '192.168.0.0/24 dev eth0 proto kernel scope link src 192.168.0.10 ',
        '',
      ].join('\n'),
    );
  });

  it('reads stdin with "-" and prints one JSON object a line with --json', () => {
    const r = sim(['--json', '-'], 'hostname\n@pc2 nosuchcmd\n');
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toEqual([
      { command: 'hostname', machine: 'docker-host', output: 'docker-host', exitCode: 0, trace: null },
      {
        command: '@pc2 nosuchcmd',
        machine: 'pc2',
        output: 'bash: nosuchcmd: command not found',
        exitCode: 127,
        trace: null,
      },
    ]);
  });

  it('a missing file is an error on stderr with a non-zero exit', () => {
    const r = sim(['/nonexistent/walkthrough.txt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('sim: cannot read /nonexistent/walkthrough.txt: no such file\n');
  });

  it('--help prints usage and exits 0', () => {
    const r = sim(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run sim -- [--json] [--seed N] [--hosts N] [--desktop] FILE');
  });

  it('the same input and seed give the same output; another seed other MACs', () => {
    const text = 'ip link show eth0\n';
    const a = runText(text, { json: false, seed: 7 });
    expect(runText(text, { json: false, seed: 7 })).toBe(a);
    expect(runText(text, { json: false, seed: 8 })).not.toBe(a);
    expect(sim(['--seed', '7', tempFile(text)]).stdout).toBe(a);
  });

  it.each([
    [['--seed'], '--seed needs a whole number'],
    [['--seed', 'x', 'f'], '--seed needs a whole number'],
    [['--bogus', 'f'], 'unknown option --bogus'],
    [[], 'no FILE given'],
    [['a', 'b'], 'only one FILE is read'],
  ])('bad flags %j are rejected', (argv, msg) => {
    const p = parseArgs(argv);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toContain(msg);
  });

  it('bad flags exit 2 with the message on stderr', () => {
    const r = sim(['--seed', 'abc', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sim: --seed needs a whole number');
  });
});
