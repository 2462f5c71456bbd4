import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { meterLine, showsMeter } from '../../../src/sim/shell/packet/curlMeter';
import { createDefaultWorld } from '../../../src/sim/world';

const HEADER = [
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
  '                                 Dload  Upload   Total   Spent    Left  Speed',
];
const script = (text: string) => runScript(createDefaultWorld(), text).results;

describe("curl's progress meter when its output is not the terminal", () => {
  it('meter columns: sizes and speeds in 5 characters, times as --:--:-- or H:MM:SS', () => {
    expect(meterLine(615, 1)).toBe('100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k');
    expect(meterLine(0, 0)).toBe('  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0');
    expect(meterLine(0, 3002)).toBe('  0     0    0     0    0     0      0      0 --:--:--  0:00:03 --:--:--     0');
  });

  it('-s and -v turn it off; -S alone does not', () => {
    expect(showsMeter(['curl', 'x'])).toBe(true);
    expect(showsMeter(['curl', '-S', 'x'])).toBe(true);
    expect(showsMeter(['curl', '-sS', 'x'])).toBe(false);
    expect(showsMeter(['curl', '--verbose', 'x'])).toBe(false);
  });

  it('curl URL | head -2: meter on stderr first, then the filtered page', () => {
    const r = script('docker run -d -p 8001:80 --name web nginx\ncurl localhost:8001 | head -2');
    expect(r[1].output).toBe(
      [
        ...HEADER,
        '100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k',
        '<!DOCTYPE html>',
        '<html>',
      ].join('\n'),
    );
  });

  it('a refused connection shows an empty meter before the error; -o FILE shows it without a pipe', () => {
    expect(script('curl localhost:8009 | grep x')[0].output).toBe(
      [
        ...HEADER,
        '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0',
        "curl: (7) Failed to connect to localhost port 8009 after 0 ms: Couldn't connect to server",
      ].join('\n'),
    );
    const r = script('docker run -d -p 8001:80 --name web nginx\ncurl -o /dev/null localhost:8001');
    expect(r[1].output).toBe(
      [...HEADER, '100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k'].join('\n'),
    );
    expect(script('docker run -d -p 8001:80 --name web nginx\ncurl -so /dev/null localhost:8001')[1].output).toBe('');
  });
});
