import { type Decoded, decodeDns, decodeFrame } from './decode';

/**
 * One packet as tcpdump 4.99 prints it without -v (print-ether.c, print-arp.c, print-ip.c,
 * print-icmp.c, print-tcp.c, print-udp.c, print-domain.c, print-vxlan.c): the lines the lab
 * recorded (../shared/lab/real-outputs.txt) and what `tcpdump -r` prints of our own `.pcap`.
 */

export interface PrintOptions {
  /** -e: the link-level header (MACs, ethertype, frame length) */
  link: boolean;
  /** -n: addresses and ports as numbers (else well-known ports by their /etc/services names) */
  numeric: boolean;
}

/**
 * What tcpdump remembers between packets: the first sequence and acknowledgement numbers of each
 * TCP conversation, so later segments print relative ones (print-tcp.c's tcp_seq_hash). JSON-safe.
 */
export type TcpSeqState = Record<string, { seq: number; ack: number }>;

/** /etc/services names tcpdump prints without -n. */
const SERVICES: Record<number, string> = {
  21: 'ftp',
  22: 'ssh',
  25: 'smtp',
  53: 'domain',
  80: 'http',
  443: 'https',
  3306: 'mysql',
  5432: 'postgresql',
  6379: 'redis',
  8080: 'http-alt',
};

const ETHERTYPE_NAME: Record<number, string> = { 2048: 'IPv4', 2054: 'ARP', 34525: 'IPv6' };
const DNS_TYPE: Record<number, string> = { 1: 'A', 28: 'AAAA', 5: 'CNAME', 12: 'PTR', 15: 'MX', 16: 'TXT', 2: 'NS' };
const RCODE: Record<number, string> = { 1: 'FormErr', 2: 'ServFail', 3: 'NXDomain', 4: 'NotImp', 5: 'Refused' };

/** `HH:MM:SS.uuuuuu` of a time in µs since 1970 (UTC, as a container's clock shows it). */
export function tcpdumpTime(us: number): string {
  const day = 86_400_000_000;
  const t = ((us % day) + day) % day;
  const s = Math.floor(t / 1e6);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}.${p(t % 1e6, 6)}`;
}

const hostPort = (ip: string, port: number, o: PrintOptions) =>
  `${ip}.${!o.numeric && SERVICES[port] ? SERVICES[port] : port}`;

/** The line of one frame, after its timestamp. `seqs` is updated as tcpdump's table would be. */
export function printFrame(bytes: Uint8Array, o: PrintOptions, seqs: TcpSeqState): string {
  return printDecoded(decodeFrame(bytes), o, seqs);
}

function linkHeader(d: Decoded): string {
  const name = ETHERTYPE_NAME[d.ethertype] ?? 'Unknown';
  return `${d.ethSrc} > ${d.ethDst}, ethertype ${name} (0x${d.ethertype.toString(16).padStart(4, '0')}), length ${d.length}: `;
}

function printDecoded(d: Decoded, o: PrintOptions, seqs: TcpSeqState): string {
  const link = o.link ? linkHeader(d) : '';
  if (d.arp) {
    const a = d.arp;
    const body =
      a.op === 1
        ? `Request who-has ${a.tpa} tell ${a.spa}, length 28`
        : a.op === 2
          ? `Reply ${a.spa} is-at ${a.sha}, length 28`
          : `Unknown (${a.op}), length 28`;
    return o.link ? `${link}${body}` : `ARP, ${body}`;
  }
  if (!d.ip) return `${link}unknown ethertype`;
  return `${o.link ? link : d.ethertype === 0x86dd ? 'IP6 ' : 'IP '}${printIp(d, o, seqs)}`;
}

function printIp(d: Decoded, o: PrintOptions, seqs: TcpSeqState): string {
  const ip = d.ip as NonNullable<Decoded['ip']>;
  if (d.icmp) return `${ip.src} > ${ip.dst}: ${printIcmp(d.icmp)}`;
  if (d.icmp6) return `${ip.src} > ${ip.dst}: ${printIcmp6(d.icmp6)}`;
  if (d.tcp) {
    const t = d.tcp;
    return `${hostPort(ip.src, t.sport, o)} > ${hostPort(ip.dst, t.dport, o)}: ${printTcp(d, seqs)}`;
  }
  if (d.udp) {
    const u = d.udp;
    const ends = `${hostPort(ip.src, u.sport, o)} > ${hostPort(ip.dst, u.dport, o)}: `;
    if (d.vxlan) {
      const v = d.vxlan;
      const inner = printDecoded(v.inner, { ...o, link: true }, seqs);
      return `${ends}VXLAN, flags [${v.flags & 0x08 ? 'I' : '.'}] (0x${v.flags.toString(16).padStart(2, '0')}), vni ${v.vni}\n${inner}`;
    }
    if (u.sport === 53 || u.dport === 53) {
      const dns = printDns(u.payload, u.dport === 53);
      if (dns) return ends + dns;
    }
    return `${ends}UDP, length ${u.payload.length}`;
  }
  return `${ip.src} > ${ip.dst}: ip-proto-${ip.proto} ${ip.len - 20}`;
}

function printIcmp(i: NonNullable<Decoded['icmp']>): string {
  const q = i.quoted;
  let what: string;
  if (i.type === 8 || i.type === 0) what = `echo ${i.type === 8 ? 'request' : 'reply'}, id ${i.id}, seq ${i.seq}`;
  else if (i.type === 3 && q) {
    what =
      i.code === 3
        ? `${q.dst} ${q.proto === 6 ? 'tcp' : 'udp'} port ${q.dport} unreachable`
        : i.code === 1
          ? `host ${q.dst} unreachable`
          : i.code === 0
            ? `net ${q.dst} unreachable`
            : `${q.dst} unreachable`;
  } else if (i.type === 11) what = 'time exceeded in-transit';
  else what = `type-#${i.type}`;
  return `ICMP ${what}, length ${i.length}`;
}

/** print-icmp6.c without -v: `ICMP6, echo request, id 1, seq 1, length 64`. */
function printIcmp6(i: NonNullable<Decoded['icmp6']>): string {
  let what: string;
  if (i.type === 128 || i.type === 129) what = `echo ${i.type === 128 ? 'request' : 'reply'}, id ${i.id}, seq ${i.seq}`;
  else if (i.type === 135) what = `neighbor solicitation, who has ${i.target ?? ''}`;
  else if (i.type === 136) what = `neighbor advertisement, tgt is ${i.target ?? ''}`;
  else if (i.type === 1) {
    const why = ['unreachable route', 'unreachable prohibited', 'unreachable beyond scope', 'unreachable address'];
    what = i.code === 4 ? 'destination unreachable, unreachable port' : `destination ${why[i.code] ?? 'unreachable'}`;
  } else if (i.type === 3) what = 'time exceeded in-transit';
  else what = `type-#${i.type}`;
  return `ICMP6, ${what}, length ${i.length}`;
}

/** print-tcp.c's flag letters, in its order. */
function tcpFlags(f: number): string {
  const letters: [number, string][] = [
    [0x01, 'F'],
    [0x02, 'S'],
    [0x04, 'R'],
    [0x08, 'P'],
    [0x10, '.'],
    [0x20, 'U'],
    [0x40, 'E'],
    [0x80, 'W'],
  ];
  const s = letters
    .filter(([bit]) => f & bit)
    .map(([, l]) => l)
    .join('');
  return s || 'none';
}

function tcpOptions(opts: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < opts.length; ) {
    const k = opts[i];
    if (k === 0) {
      out.push('eol');
      break;
    }
    if (k === 1) {
      out.push('nop');
      i += 1;
      continue;
    }
    const len = opts[i + 1] ?? 2;
    const v = opts.slice(i + 2, i + len);
    const n = (a: number[]) => a.reduce((x, b) => x * 256 + b, 0);
    if (k === 2) out.push(`mss ${n(v)}`);
    else if (k === 3) out.push(`wscale ${v[0]}`);
    else if (k === 4) out.push('sackOK');
    else if (k === 8) out.push(`TS val ${n(v.slice(0, 4))} ecr ${n(v.slice(4, 8))}`);
    else out.push(`opt-${k}:${v.map((b) => b.toString(16).padStart(2, '0')).join('')}`);
    i += Math.max(2, len);
  }
  return out.join(',');
}

function printTcp(d: Decoded, seqs: TcpSeqState): string {
  const ip = d.ip as NonNullable<Decoded['ip']>;
  const t = d.tcp as NonNullable<Decoded['tcp']>;
  let seq = t.seq;
  let ack = t.ack;
  if (t.flags & 0x10) {
    const rev = t.sport > t.dport || (t.sport === t.dport && ip.src > ip.dst);
    const key = rev ? `${ip.dst}.${t.dport}>${ip.src}.${t.sport}` : `${ip.src}.${t.sport}>${ip.dst}.${t.dport}`;
    const th = seqs[key];
    if (!th || t.flags & 0x02) {
      seqs[key] = rev ? { ack: seq, seq: (ack - 1) >>> 0 } : { seq, ack: (ack - 1) >>> 0 };
    } else if (rev) {
      seq = (seq - th.ack) >>> 0;
      ack = (ack - th.seq) >>> 0;
    } else {
      seq = (seq - th.seq) >>> 0;
      ack = (ack - th.ack) >>> 0;
    }
  }
  const len = t.payload.length;
  let s = `Flags [${tcpFlags(t.flags)}]`;
  if (len > 0 || t.flags & 0x07) s += `, seq ${seq}${len > 0 ? `:${(seq + len) >>> 0}` : ''}`;
  if (t.flags & 0x10) s += `, ack ${ack}`;
  s += `, win ${t.win}`;
  if (t.options.length) s += `, options [${tcpOptions(t.options)}]`;
  s += `, length ${len}`;
  if (len > 0 && (t.sport === 80 || t.dport === 80 || t.sport === 8080 || t.dport === 8080)) {
    const first = new TextDecoder().decode(t.payload).split('\r\n')[0];
    if (/^(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) \S+ HTTP\/1\.[01]$|^HTTP\/1\.[01] \d{3}/.test(first))
      s += `: HTTP: ${first}`;
    else s += ': HTTP';
  }
  return s;
}

/** print-domain.c without -v: `12345+ A? google.com. (28)`, `12345 1/0/0 A 142.250.1.1 (44)`. */
function printDns(payload: Uint8Array, query: boolean): string | null {
  const m = decodeDns(payload);
  if (!m) return null;
  const qtype = DNS_TYPE[m.qtype] ?? `Type${m.qtype}`;
  if (!m.response || query) {
    return `${m.id}${m.rd ? '+' : ''} ${qtype}? ${m.qname} (${payload.length})`;
  }
  const rcode = m.rcode ? ` ${RCODE[m.rcode] ?? `Resp${m.rcode}`}` : '';
  const answers = m.answers.map((a) => ` ${DNS_TYPE[a.type] ?? `Type${a.type}`} ${a.data}`).join(',');
  return `${m.id}${rcode} ${m.an}/${m.ns}/${m.ar}${answers} (${payload.length})`;
}
