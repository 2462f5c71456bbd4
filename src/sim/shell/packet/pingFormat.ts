/** ping's output lines, iputils (glibc and musl images, hosts) and busybox wording. */

/** iputils' reply time: 3 decimals under 1 ms, 2 under 10, 1 under 100, none above. */
export function iputilsTime(ms: number): string {
  const us = Math.round(ms * 1000);
  if (us >= 100_000 - 50) return String(Math.round(us / 1000));
  if (us >= 10_000 - 5) return (Math.round(us / 100) / 10).toFixed(1);
  if (us >= 1000) return (Math.round(us / 10) / 100).toFixed(2);
  return (us / 1000).toFixed(3);
}

/**
 * One echo reply's line: busybox counts `seq` from 0 and prints the address with 3 decimals;
 * iputils counts `icmp_seq` from 1 and names the sender as `who` (a name and its address when the
 * target was a name). The same for IPv4 and IPv6.
 */
export function replyLine(
  flavor: 'busybox' | 'iputils',
  r: { from: string; who: string; seq: number; ttl: number; ms: number },
): string {
  return flavor === 'busybox'
    ? `64 bytes from ${r.from}: seq=${r.seq - 1} ttl=${r.ttl} time=${r.ms.toFixed(3)} ms`
    : `64 bytes from ${r.who}: icmp_seq=${r.seq} ttl=${r.ttl} time=${iputilsTime(r.ms)} ms`;
}

/** printf's `%g`: 25, 33.3333, 100. */
function g(x: number): string {
  return String(Number(x.toPrecision(6)));
}

export interface PingStats {
  target: string;
  transmitted: number;
  rtts: number[];
  errors: number;
  timeMs: number;
  /** most probes outstanding at once (iputils prints `pipe N` when above 1) */
  pipe?: number;
}

/** The statistics block after `--- x ping statistics ---` (iputils). */
export function iputilsStats(s: PingStats): string[] {
  const rx = s.rtts.length;
  const loss = s.transmitted ? ((s.transmitted - rx) * 100) / s.transmitted : 0;
  const errs = s.errors ? `, +${s.errors} errors` : '';
  const lines = [
    '',
    `--- ${s.target} ping statistics ---`,
    `${s.transmitted} packets transmitted, ${rx} received${errs}, ${g(loss)}% packet loss, time ${s.timeMs}ms`,
  ];
  const pipe = s.pipe && s.pipe > 1 ? `pipe ${s.pipe}` : '';
  if (rx === 0) {
    lines.push(pipe);
    return lines;
  }
  const min = Math.min(...s.rtts);
  const max = Math.max(...s.rtts);
  const avg = s.rtts.reduce((a, b) => a + b, 0) / rx;
  const sq = s.rtts.reduce((a, b) => a + b * b, 0) / rx;
  const mdev = Math.sqrt(Math.max(0, sq - avg * avg));
  lines.push(
    `rtt min/avg/max/mdev = ${[min, avg, max, mdev].map((x) => x.toFixed(3)).join('/')} ms${pipe ? `, ${pipe}` : ''}`,
  );
  return lines;
}

/** busybox ping's statistics block. */
export function busyboxStats(s: PingStats): string[] {
  const rx = s.rtts.length;
  const loss = s.transmitted ? Math.floor(((s.transmitted - rx) * 100) / s.transmitted) : 0;
  const lines = [
    '',
    `--- ${s.target} ping statistics ---`,
    `${s.transmitted} packets transmitted, ${rx} packets received, ${loss}% packet loss`,
  ];
  if (rx) {
    const min = Math.min(...s.rtts);
    const max = Math.max(...s.rtts);
    const avg = s.rtts.reduce((a, b) => a + b, 0) / rx;
    lines.push(`round-trip min/avg/max = ${[min, avg, max].map((x) => x.toFixed(3)).join('/')} ms`);
  }
  return lines;
}
