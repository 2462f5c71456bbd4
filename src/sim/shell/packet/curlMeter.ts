/**
 * curl's progress meter (lib/progress.c), which it writes to stderr whenever its output is not
 * a terminal: `curl URL | head`, `curl -o FILE URL`. `-s` turns it off.
 */

export const METER_HEADER = [
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
  '                                 Dload  Upload   Total   Spent    Left  Speed',
];

/** `max5data`: a size or speed in 5 characters (615, 600k, 12.3M). */
function max5(n: number): string {
  const KB = 1024;
  const MB = KB * KB;
  if (n < 100_000) return String(Math.floor(n)).padStart(5);
  if (n < 10_000 * KB) return `${String(Math.floor(n / KB)).padStart(4)}k`;
  if (n < 100 * MB) return `${String(Math.floor(n / MB)).padStart(2)}.${Math.floor((n % MB) / (MB / 10))}M`;
  return `${String(Math.floor(n / MB)).padStart(4)}M`;
}

/** `time2str`: --:--:-- for no time, else " H:MM:SS". */
function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The meter's last line: `bytes` received in `ms`, all of them (100%) when any arrived. */
export function meterLine(bytes: number, ms: number): string {
  const pct = bytes > 0 ? 100 : 0;
  const speed = bytes > 0 ? (bytes * 1000) / Math.max(1, ms) : 0;
  const spent = Math.floor(ms / 1000);
  const p3 = (n: number) => String(n).padStart(3);
  return (
    `${p3(pct)} ${max5(bytes)}  ${p3(pct)} ${max5(bytes)}  ${p3(0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} ` +
    `${time2str(bytes > 0 ? spent : 0)} ${time2str(spent)} ${time2str(0)} ${max5(speed)}`
  );
}

/** Whether a curl argv shows the meter when its output is not a terminal (no -s, no -v). */
export function showsMeter(argv: string[]): boolean {
  return !argv.some(
    (a) => a === '--silent' || a === '--verbose' || (/^-[A-Za-z]+$/.test(a) && (a.includes('s') || a.includes('v'))),
  );
}

/** What `-w` can name: the transfer as it ended. */
export interface WriteOutVars {
  http_code: number;
  remote_ip: string;
  port: number;
  bytes: number;
  ms: number;
  exit: number;
  url: string;
}

/** `-w FORMAT`: %{variable} and the \\n \\t escapes curl expands; an unknown variable is left out. */
export function writeOut(format: string, v: WriteOutVars): string {
  const values: Record<string, string> = {
    http_code: String(v.http_code).padStart(3, '0'),
    response_code: String(v.http_code).padStart(3, '0'),
    remote_ip: v.remote_ip,
    remote_port: v.remote_ip ? String(v.port) : '0',
    size_download: String(v.bytes),
    time_total: (v.ms / 1000).toFixed(6),
    url_effective: v.url,
    exitcode: String(v.exit),
  };
  return format
    .replace(/%\{(\w+)\}/g, (_, k: string) => values[k] ?? '')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}
