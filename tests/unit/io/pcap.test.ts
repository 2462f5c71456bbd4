import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcapFileName, tracePcap, WORLD_EPOCH_MS } from '../../../src/io/pcap';
import type { Step, Trace } from '../../../src/sim/model';
import { captureFrames } from '../../../src/sim/net/capture';
import { run, setup } from '../net/helpers';
import { decode, readPcap } from './pcapReader';

const world = () =>
  setup([
    'docker network create net1',
    'docker run -d --name ca --network net1 nicolaka/netshoot sleep infinity',
    'docker run -d --name cb --network net1 -p 8080:80 nginx',
  ]);

function traceOf(line: string): { trace: Trace; clock: number } {
  const r = run(world(), line);
  if (!r.trace) throw new Error(`no trace for ${line}`);
  return { trace: r.trace, clock: r.session.world.clock };
}

/** `tcpdump -r` on the file, when this machine has tcpdump (CI need not). */
function tcpdump(bytes: Uint8Array, ...flags: string[]): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'ww-pcap-'));
  const file = join(dir, 't.pcap');
  writeFileSync(file, bytes);
  try {
    return execFileSync('tcpdump', ['-r', file, ...flags], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

const packetSteps = (t: Trace) => t.steps.filter((s) => s.frame.arp || s.frame.ip).length;

describe('pcap export of a trace', () => {
  it('writes a libpcap 2.4 Ethernet file with one frame per step that carries a packet', () => {
    const { trace, clock } = traceOf('docker exec ca ping -c 1 cb');
    const file = readPcap(tracePcap(trace, clock));
    expect(file.linktype).toBe(1);
    expect(file.records).toHaveLength(packetSteps(trace));
    expect(file.records.length).toBeGreaterThan(10);
    // the World's clock is ms since 2026-01-01; the first frame sits at that instant
    expect(file.records[0].sec).toBe(Math.floor((WORLD_EPOCH_MS + clock) / 1000));
    for (let i = 1; i < file.records.length; i++) {
      const a = file.records[i - 1];
      const b = file.records[i];
      expect(b.sec * 1e6 + b.usec).toBeGreaterThan(a.sec * 1e6 + a.usec);
    }
  });

  it('writes the ARP request and the echo request with the real sizes (42 and 98 bytes) and valid checksums', () => {
    const { trace, clock } = traceOf('docker exec ca ping -c 1 cb');
    const decoded = readPcap(tracePcap(trace, clock)).records.map((r) => ({ len: r.bytes.length, d: decode(r.bytes) }));
    const arp = decoded.find((x) => x.d.arp?.op === 1);
    expect(arp?.len).toBe(42);
    expect(arp?.d.ethDst).toBe('ff:ff:ff:ff:ff:ff');
    expect(arp?.d.arp).toEqual({ op: 1, spa: '172.18.0.2', tpa: '172.18.0.3' });
    const echo = decoded.find((x) => x.d.l4?.icmpType === 8 && x.d.ethDst !== '00:00:00:00:00:00');
    expect(echo?.len).toBe(98);
    expect(echo?.d.ip).toMatchObject({ src: '172.18.0.2', dst: '172.18.0.3', ttl: 64, proto: 1, len: 84 });
    expect(decoded.some((x) => x.d.l4?.icmpType === 0)).toBe(true);
    expect(decoded.every((x) => x.d.checksumsOk)).toBe(true);
  });

  it('writes TCP with the handshake, sequence numbers that follow, and the HTTP request bytes', () => {
    const { trace, clock } = traceOf('docker exec ca curl -s http://cb/');
    const recs = readPcap(tracePcap(trace, clock)).records.map((r) => decode(r.bytes));
    expect(recs.every((d) => d.checksumsOk)).toBe(true);
    const flags = [...new Set(recs.filter((d) => d.ip?.proto === 6).map((d) => d.l4?.flags))];
    // SYN, SYN+ACK, PSH+ACK
    expect(flags.slice(0, 3)).toEqual([0x02, 0x12, 0x18]);
    const get = recs.find((d) => d.payload && d.payload.length > 0 && d.l4?.dport === 80);
    expect(new TextDecoder().decode(get?.payload).split('\r\n')[0]).toBe('GET / HTTP/1.1');
    const out = tcpdump(tracePcap(trace, clock), '-n', '-vv');
    if (out !== null) {
      expect(out).not.toMatch(/incorrect|bad cksum|wrong/);
      expect(out).toMatch(
        /172\.18\.0\.2\.\d+ > 172\.18\.0\.3\.80: Flags \[S\], cksum 0x[0-9a-f]+ \(correct\), seq (\d+), win 64240, options \[mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 7\], length 0/,
      );
      expect(out).toMatch(/Flags \[P\.\], cksum 0x[0-9a-f]+ \(correct\), seq 1:75, ack 1, win 502/);
      expect(out).toMatch(/Flags \[P\.\], cksum 0x[0-9a-f]+ \(correct\), seq 1:39, ack 75, win 502/);
    }
  });

  it('writes DNS questions and answers through the router, which tcpdump reads as DNS', () => {
    const { trace, clock } = traceOf('docker exec ca nslookup google.com');
    const bytes = tracePcap(trace, clock);
    const recs = readPcap(bytes).records.map((r) => decode(r.bytes));
    expect(recs.every((d) => d.checksumsOk)).toBe(true);
    expect(recs.some((d) => d.ip?.src === '192.168.0.10' && d.l4?.dport === 53)).toBe(true);
    const out = tcpdump(bytes, '-n');
    if (out !== null) {
      expect(out).toMatch(/IP 192\.168\.0\.10\.\d+ > 192\.168\.0\.1\.53: \d+\+ A\? google\.com\. \(28\)/);
      expect(out).toMatch(/IP 8\.8\.8\.8\.53 > 124\.111\.46\.91\.\d+: \d+ 1\/0\/0 A 142\.250\.196\.142 \(44\)/);
    }
  });

  it("prints as the lab's real tcpdump lines do (ARP, ICMP) when tcpdump reads it back", () => {
    const { trace, clock } = traceOf('docker exec ca ping -c 1 cb');
    const out = tcpdump(tracePcap(trace, clock), '-e', '-n');
    if (out === null) return;
    const lines = out
      .trim()
      .split('\n')
      .map((l) => l.replace(/^\S+ /, ''));
    const arp =
      /^[0-9a-f:]{17} > ff:ff:ff:ff:ff:ff, ethertype ARP \(0x0806\), length 42: Request who-has 172\.18\.0\.3 tell 172\.18\.0\.2, length 28$/;
    expect(lines.some((l) => arp.test(l))).toBe(true);
    expect(
      lines.some((l) =>
        /ethertype IPv4 \(0x0800\), length 98: 172\.18\.0\.2 > 172\.18\.0\.3: ICMP echo request, id \d+, seq 1, length 64$/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(lines.some((l) => /is-at [0-9a-f:]{17}, length 28$/.test(l))).toBe(true);
  });

  it('wraps a step with frame.outer in VXLAN (UDP 4789, the VNI) around the inner Ethernet frame', () => {
    const inner = {
      eth: { src: '02:42:0a:00:00:02', dst: '02:42:0a:00:00:03', type: 'IPv4' as const },
      ip: { src: '10.0.0.2', dst: '10.0.0.3', ttl: 64, proto: 'icmp' as const },
      l4: { sport: 7, dport: 7, icmpType: 'echo-request' },
      app: { summary: 'echo request seq=1' },
    };
    const outer = {
      eth: { src: '52:54:00:00:00:0a', dst: '52:54:00:00:00:0b' },
      ip: { src: '192.168.0.10', dst: '192.168.0.11', ttl: 64 },
      udp: { sport: 41234, dport: 4789 },
      vxlan: { vni: 4097 },
    };
    const step = {
      at: { link: 'x' },
      action: 'transmit',
      frame: { ...inner, outer },
      changes: [],
      explain: { key: 'k', params: {} },
    } as Step;
    const trace: Trace = { command: 'ping', steps: [step], outcome: { ok: true, summary: '' } };
    const [rec] = readPcap(tracePcap(trace)).records;
    const d = decode(rec.bytes);
    expect(rec.bytes.length).toBe(98 + 50);
    expect(d.ip).toMatchObject({ src: '192.168.0.10', dst: '192.168.0.11', proto: 17 });
    expect(d.vni).toBe(4097);
    expect(d.inner?.ip).toMatchObject({ src: '10.0.0.2', dst: '10.0.0.3', proto: 1 });
    expect(d.checksumsOk).toBe(true);
    const out = tcpdump(tracePcap(trace), '-n');
    if (out !== null)
      expect(out).toMatch(
        /VXLAN, flags \[I\] \(0x08\), vni 4097\nIP 10\.0\.0\.2 > 10\.0\.0\.3: ICMP echo request, id 7, seq 1, length 64/,
      );
  });

  it('gives an IP step seen inside a machine the Ethernet header of its wire, and skips narration-only steps', () => {
    const { trace } = traceOf('docker exec ca nslookup google.com');
    const caps = captureFrames(trace.steps);
    expect(caps.every((c) => trace.steps[c.step].frame.ip || trace.steps[c.step].frame.arp)).toBe(true);
    expect(caps.filter((c) => c.frame.eth.src === '00:00:00:00:00:00')).toEqual([]);
  });

  it('names the file after the command', () => {
    const { trace } = traceOf('docker exec ca ping -c 1 cb');
    expect(pcapFileName(trace)).toBe('whalewire-ping-c-1-cb.pcap');
  });
});
