import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../../src/sim/net/decode';
import { frameBytes, type WireFrame } from '../../../src/sim/net/wire';
import { matches, parseFilter } from '../../../src/sim/shell/tcpdumpFilter';

const eth = { src: '02:42:ac:12:00:03', dst: '02:42:ac:12:00:02' };
const frames: Record<string, WireFrame> = {
  arp: {
    eth: { src: eth.src, dst: 'ff:ff:ff:ff:ff:ff' },
    arp: {
      op: 'request',
      senderIp: '172.18.0.3',
      senderMac: eth.src,
      targetIp: '172.18.0.2',
      targetMac: '00:00:00:00:00:00',
    },
  },
  icmp: {
    eth,
    ip: { src: '172.18.0.3', dst: '172.18.0.2', ttl: 64, proto: 'icmp' },
    l4: { sport: 7, dport: 0, icmpType: 'echo-request' },
  },
  http: {
    eth,
    ip: { src: '172.18.0.3', dst: '172.18.0.2', ttl: 64, proto: 'tcp' },
    l4: { sport: 40000, dport: 80, flags: 'SYN' },
  },
  dns: {
    eth,
    ip: { src: '172.18.0.3', dst: '8.8.8.8', ttl: 64, proto: 'udp' },
    l4: { sport: 40001, dport: 53 },
    app: { summary: 'A? google.com' },
  },
};
const decoded = Object.fromEntries(
  Object.entries(frames).map(([k, f]) => [k, decodeFrame(frameBytes(f) as Uint8Array)]),
);

const resolve = (n: string) => (n === 'web' ? '172.18.0.2' : null);

describe('tcpdump filter expressions (pcap-filter subset)', () => {
  it.each([
    ['', ['arp', 'icmp', 'http', 'dns']],
    ['icmp', ['icmp']],
    ['arp', ['arp']],
    ['tcp', ['http']],
    ['udp', ['dns']],
    ['ip', ['icmp', 'http', 'dns']],
    ['host 172.18.0.2', ['arp', 'icmp', 'http']],
    ['host web', ['arp', 'icmp', 'http']],
    ['src host 172.18.0.3 and not arp', ['icmp', 'http', 'dns']],
    ['dst 8.8.8.8', ['dns']],
    ['port 80', ['http']],
    ['port 80 or 53', ['http', 'dns']],
    ['tcp port 80 or udp port 53', ['http', 'dns']],
    ['udp port 80', []],
    ['dst port domain', ['dns']],
    ['net 172.18.0.0/16 and icmp', ['icmp']],
    ['not ( icmp or arp )', ['http', 'dns']],
    ['icmp or arp and host 9.9.9.9', []],
    ['!tcp && !udp', ['arp', 'icmp']],
  ])('%s', (expr, want) => {
    const p = parseFilter(expr ? expr.split(' ') : [], resolve);
    if (!p.ok) throw new Error(p.error);
    expect(Object.keys(decoded).filter((k) => matches(p.filter, decoded[k]))).toEqual(want);
  });

  it.each([
    ['host', 'syntax error'],
    ['port', 'syntax error'],
    ['( icmp', 'syntax error'],
    ['icmp and', 'syntax error'],
    ['host nosuch', "unknown host 'nosuch'"],
    ['port 70000', "unknown port '70000'"],
  ])('refuses %s: %s', (expr, error) => {
    expect(parseFilter(expr.split(' '), resolve)).toEqual({ ok: false, error });
  });
});
