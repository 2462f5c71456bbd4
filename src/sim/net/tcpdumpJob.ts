import { EPOCH_MS } from '../clock';
import { writeFile } from '../fs';
import { linkId } from '../ids';
import type { Trace, World } from '../model';
import type { Filter } from '../shell/tcpdumpFilter';
import { matches } from '../shell/tcpdumpFilter';
import type { Where } from '../where';
import { captureFrames } from './capture';
import { decodeFrame } from './decode';
import { bytesToText, pcapBytes } from './pcapFile';
import { completeTcp } from './tcpComplete';
import { printFrame, type TcpSeqState, tcpdumpTime } from './tcpdumpPrint';
import { buildNode, type NetNode, nodeKeyOf } from './topo';
import { frameBytes } from './wire';

/**
 * A running `tcpdump`: armed by the command, it belongs to the terminal that typed it and sees the
 * frames that later commands (in any terminal) put on its interface. Plain data (JSON-safe): the
 * terminal keeps it in its session until `-c N` is reached, Ctrl+C or `kill %1`.
 */
export interface CaptureJob {
  /** the command as typed (what bash's `jobs` and `fg` show) */
  command: string;
  /** where tcpdump runs */
  where: Where;
  /** `eth0`, `br-…`, `docker0`, `veth…` or `any` */
  iface: string;
  /** -e */
  link: boolean;
  /** -n */
  numeric: boolean;
  /** -c N */
  limit?: number;
  filter: Filter | null;
  /** -w FILE: absolute path of the pcap written when the capture ends */
  file?: string;
  /** frames that passed the filter */
  captured: number;
  /** frames the interface saw */
  received: number;
  /** time of the last frame printed (µs since 1970); the next is never earlier */
  lastUs: number;
  seqs: TcpSeqState;
  /** -w: the frames so far, hex-encoded */
  records?: { us: number; hex: string }[];
  /** started with `&`: its lines interleave with the terminal's own commands */
  background?: boolean;
}

/** The canvas links an interface at `where` sees frames on, each with the name tcpdump -i any shows; null: no such device. */
export function captureLinks(world: World, where: Where, iface: string): Map<string, IfaceView> | null {
  const node = buildNode(world, nodeKeyOf(world, where));
  if (!node) return null;
  const out = new Map<string, IfaceView>();
  const veths = hostVeths(world, node);
  if (iface === 'any') {
    for (const f of node.ifaces) if (f.link) out.set(f.link, { name: f.name, mac: f.mac });
    for (const [link, v] of veths) out.set(link, v);
    return out;
  }
  const f = node.ifaces.find((x) => x.name === iface);
  if (f?.link) {
    out.set(f.link, { name: f.name, mac: f.mac });
    // a bridge device sees every frame its ports switch (the lab's tcpdump -i br-…)
    if (node.kind === 'machine' && f.domain?.kind === 'br') {
      const netId = f.domain.netId;
      for (const [link, v] of veths) if (v.netId === netId) out.set(link, { name: f.name, mac: f.mac });
    }
    return out;
  }
  for (const [link, v] of veths) if (v.name === iface) return new Map([[link, v]]);
  return null;
}

interface IfaceView {
  name: string;
  mac: string;
  /** a host-side veth: the container's MAC at its other end */
  peer?: string;
  netId?: string;
}

/** The host-side veths of the containers on a machine's bridges. */
function hostVeths(world: World, node: NetNode): Map<string, IfaceView> {
  const out = new Map<string, IfaceView>();
  if (node.kind !== 'machine') return out;
  const bridges = new Set(node.ifaces.flatMap((f) => (f.domain?.kind === 'br' ? [f.domain.netId] : [])));
  for (const c of Object.values(world.containers)) {
    if (c.state !== 'running') continue;
    for (const ep of c.endpoints) {
      if (!ep.veth || !bridges.has(ep.networkId)) continue;
      out.set(linkId.veth(ep.veth), { name: ep.veth, mac: '', peer: ep.mac ?? '', netId: ep.networkId });
    }
  }
  return out;
}

/** `eth0  Out `: what -i any (LINUX_SLL2) puts before each packet (print-sll.c: "%-5s %-3s "). */
function sllPrefix(view: IfaceView, src: string, dst: string): string {
  const out = view.peer !== undefined ? src !== view.peer : src === view.mac;
  const type = out
    ? 'Out'
    : dst === 'ff:ff:ff:ff:ff:ff'
      ? 'B'
      : Number.parseInt(dst.slice(0, 2), 16) & 1
        ? 'M'
        : view.peer !== undefined || dst === view.mac
          ? 'In'
          : 'P';
  return `${view.name.padEnd(5)} ${type.padEnd(3)} `;
}

/** `N packets captured` …: what tcpdump prints when it stops. */
export function summary(job: CaptureJob): string[] {
  const n = (k: number, what: string) => `${k} packet${k === 1 ? '' : 's'} ${what}`;
  return [n(job.captured, 'captured'), n(job.received, 'received by filter'), n(0, 'dropped by kernel')];
}

export interface Fed {
  job: CaptureJob;
  /** what tcpdump printed meanwhile */
  lines: string[];
  /** -c N was reached: the capture has ended (the summary is in `lines`, the file written) */
  done: boolean;
  world: World;
}

/**
 * Feeds a command's trace to a running capture. `clockMs` is the World's clock when the command
 * started; frames keep the trace's own spacing after it, and never run earlier than what was printed.
 */
export function feedCapture(world: World, job: CaptureJob, trace: Trace, clockMs: number): Fed {
  const links = captureLinks(world, job.where, job.iface);
  if (!links) return { job, lines: [], done: false, world };
  const anyIface = job.iface === 'any';
  const lines: string[] = [];
  const next: CaptureJob = { ...job, seqs: { ...job.seqs }, records: job.records?.slice() };
  const base = (EPOCH_MS + clockMs) * 1000;
  let prev = '';
  for (const c of completeTcp(captureFrames(trace.steps))) {
    const view = links.get(c.at);
    if (!view) continue;
    // a frame the bridge switches crosses two of its ports: tcpdump on the bridge sees it once
    const key = `${anyIface ? c.at : ''}${JSON.stringify(c.frame)}`;
    if (key === prev) continue;
    prev = key;
    const bytes = frameBytes(c.frame);
    if (!bytes) continue;
    next.received += 1;
    const d = decodeFrame(bytes);
    if (!matches(next.filter, d)) continue;
    next.captured += 1;
    const us = Math.max(base + c.us, next.lastUs + 1);
    next.lastUs = us;
    if (next.file) next.records?.push({ us, hex: toHex(bytes) });
    else {
      const prefix = anyIface ? sllPrefix(view, d.ethSrc, d.ethDst) : '';
      const text = printFrame(bytes, { link: job.link && !anyIface, numeric: job.numeric }, next.seqs);
      lines.push(`${tcpdumpTime(us)} ${prefix}${text}`);
    }
    if (next.limit !== undefined && next.captured >= next.limit) {
      const stopped = stopCapture(world, next);
      return { job: next, lines: [...lines, ...stopped.lines], done: true, world: stopped.world };
    }
  }
  return { job: next, lines, done: false, world };
}

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

/** Ends a capture: its summary, and with -w the pcap written to the machine's or container's file. */
export function stopCapture(world: World, job: CaptureJob): { world: World; lines: string[] } {
  let w = world;
  if (job.file) {
    const bytes = pcapBytes((job.records ?? []).map((r) => ({ us: r.us, bytes: fromHex(r.hex) })));
    w = writeFile(w, job.where.id, job.file, bytesToText(bytes));
  }
  return { world: w, lines: summary(job) };
}
