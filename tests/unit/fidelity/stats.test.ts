import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { bytesSize, goG, HOST_MEM_BYTES, humanSize3 } from '../../../src/sim/docker/stats';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const cells = (row: string) => row.split(/ {2,}/);

// docker/cli v28.5.2 cli/command/container/stats.go, formatter_stats.go, stats_helpers.go;
// moby v28.5.2 daemon/stats.go (a container that is not running answers empty stats).
describe('docker stats --no-stream', () => {
  it("prints Docker's columns; the LIMIT is -m, else the host's memory, and MEM % is usage over it", () => {
    const r = play([
      'docker run -d --name web nginx',
      'docker run -d --name small -m 64m nginx',
      'docker stats --no-stream',
      'docker stats --no-stream --format "{{.Name}} {{.MemUsage}} {{.MemPerc}} {{.PIDs}}"',
    ]);
    const [head, ...rows] = r[2].output.split('\n');
    expect(cells(head)).toEqual([
      'CONTAINER ID',
      'NAME',
      'CPU %',
      'MEM USAGE / LIMIT',
      'MEM %',
      'NET I/O',
      'BLOCK I/O',
      'PIDS',
    ]);
    expect(rows.map((l) => cells(l)[1])).toEqual(['small', 'web']);
    const lines = r[3].output.split('\n').map((l) => l.split(' '));
    const [, smallUse, , smallLimit, smallPerc, pids] = lines[0];
    expect(smallLimit).toBe('64MiB');
    const [, webUse, , webLimit, webPerc] = lines[1];
    expect(webLimit).toBe(bytesSize(HOST_MEM_BYTES));
    expect(webLimit).toBe('7.751GiB');
    expect(smallUse).toBe(webUse);
    // the same usage over a limit about 124 times smaller
    const use = Number.parseFloat(webUse) * 1024 * 1024;
    expect(smallPerc).toBe(`${((use / (64 * 1024 * 1024)) * 100).toFixed(2)}%`);
    expect(webPerc).toBe(`${((use / HOST_MEM_BYTES) * 100).toFixed(2)}%`);
    // nginx: the master and worker_processes auto on the 4-CPU host
    expect(pids).toBe('5');
  });

  it('-a adds stopped containers with empty stats; names pick containers; unknown names fail together', () => {
    const r = play([
      'docker run -d --name web nginx',
      'docker create --name cr nginx',
      'docker stats -a --no-stream --format "{{.Name}}|{{.CPUPerc}}|{{.MemUsage}}|{{.MemPerc}}|{{.NetIO}}|{{.BlockIO}}|{{.PIDs}}"',
      'docker stats --no-stream --no-trunc --format "{{.ID}} {{.Container}}" web',
      'docker inspect --format "{{.Id}}" web',
      'docker stats --no-stream nosuch web other',
      'docker container stats --no-stream --format "table {{.Name}}\\t{{.PIDs}}" web',
      'docker stats --no-stream --bogus',
    ]);
    expect(r[2].output.split('\n')).toEqual([
      'cr|0.00%|0B / 0B|0.00%|0B / 0B|0B / 0B|0',
      expect.stringMatching(/^web\|0\.00%\|[\d.]+MiB \/ 7\.751GiB\|\d\.\d\d%\|0B \/ 0B\|0B \/ 0B\|5$/),
    ]);
    expect(r[3].output).toBe(`${r[4].output} web`);
    expect(r[5]).toMatchObject({
      output:
        'Error response from daemon: No such container: nosuch\nError response from daemon: No such container: other',
      exitCode: 1,
    });
    expect(r[6].output).toBe('NAME      PIDS\nweb       5');
    expect(r[7].exitCode).toBe(125);
    expect(r[7].output).toContain('unknown flag: --bogus');
  });

  it("go-units' sizes: BytesSize keeps 4 significant digits in binary units, HumanSizeWithPrecision 3 in decimal", () => {
    expect([0, 512, 1024, 3.5 * 1024 * 1024, 64 * 1024 ** 2, 1023.99].map(bytesSize)).toEqual([
      '0B',
      '512B',
      '1KiB',
      '3.5MiB',
      '64MiB',
      '1024B',
    ]);
    expect([0, 876, 1050, 1_234_567].map(humanSize3)).toEqual(['0B', '876B', '1.05kB', '1.23MB']);
  });

  it("Go's %.Ng as go-units prints it: the %e form once the exponent reaches the precision", () => {
    expect([3.5, 7.751, 100, 1.05, 1023.95].map((x) => goG(x, 4))).toEqual(['3.5', '7.751', '100', '1.05', '1024']);
    expect([999.5, 1000, 0.0001234, 0.00001234].map((x) => goG(x, 3))).toEqual([
      '1e+03',
      '1e+03',
      '0.000123',
      '1.23e-05',
    ]);
    expect(humanSize3(999_999)).toBe('1e+03kB');
  });
});
