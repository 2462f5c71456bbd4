import type { Step } from '../../sim/model';

/** What the canvas knows that places a step: parents, host boxes, edge ends. */
export interface CardLookup {
  has(id: string): boolean;
  parentOf(id: string): string | undefined;
  isHost(id: string): boolean;
  edgeEnds(id: string): { source: string; target: string } | null;
}

/** The Docker host a place belongs to: the host itself, the host box a card sits in, a host's cable. */
function hostOf(at: Step['at'], look: CardLookup): string | null {
  if ('node' in at) {
    if (look.isHost(at.node)) return at.node;
    const p = look.parentOf(at.node);
    return p && look.isHost(p) ? p : null;
  }
  const m = /^if:(.+):[^:]+$/.exec(at.link);
  if (m && look.isHost(m[1])) return m[1];
  const ends = look.edgeEnds(at.link);
  if (!ends) return null;
  for (const end of [ends.target, ends.source]) {
    const p = look.parentOf(end);
    if (p && look.isHost(p)) return p;
  }
  return null;
}

/**
 * An overlay is drawn on every host it spans (store/graph.ts networkCardId), while the engine names
 * it by one id. Each step at an overlay goes to the card on the host where it happens: the host of
 * the nearest step before it that has one (the sender's veth before an encapsulation, the receiving
 * host's eth0 before a decapsulation), else the nearest after it. Other steps are returned as they are.
 */
export function placeOnCards(steps: readonly Step[], look: CardLookup): Step[] {
  const out = steps.slice();
  for (let i = 0; i < out.length; i++) {
    const at = out[i].at;
    if (!('node' in at) || !at.node.startsWith('net:') || at.node.includes('@')) continue;
    const first = look.parentOf(at.node);
    let host: string | null = null;
    for (let j = i - 1; j >= 0 && !host; j--) host = hostOf(out[j].at, look);
    for (let j = i + 1; j < out.length && !host; j++) host = hostOf(out[j].at, look);
    const card = `${at.node}@${host}`;
    if (host && host !== first && look.has(card)) out[i] = { ...out[i], at: { node: card } };
  }
  return out;
}
