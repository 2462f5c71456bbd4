import type { Frame, Step } from '../model';

/** The protocol families the marker colours and the filters use. */
export type ProtoCategory = 'arp' | 'icmp' | 'tcp' | 'udp' | 'other';

/** Every category in display order (filters, legend). */
export const PROTO_CATEGORIES: readonly ProtoCategory[] = ['arp', 'icmp', 'tcp', 'udp', 'other'];

/** Which protocol family a frame belongs to, by its outermost meaningful header. */
export function frameCategory(frame: Frame): ProtoCategory {
  if (frame.arp || frame.eth?.type === 'ARP') return 'arp';
  switch (frame.ip?.proto) {
    case 'icmp':
      return 'icmp';
    case 'tcp':
      return 'tcp';
    case 'udp':
      return 'udp';
    default:
      return 'other';
  }
}

/** A step's category; DNS steps without headers still count as UDP. */
export function stepCategory(step: Step): ProtoCategory {
  const cat = frameCategory(step.frame);
  if (cat === 'other' && step.action.startsWith('dns')) return 'udp';
  if (cat === 'other' && step.action.startsWith('arp')) return 'arp';
  // an application step (the server answering) carries only its payload
  if (cat === 'other' && /^(HTTP|GET |POST |HEAD )/.test(step.frame.app?.summary ?? '')) return 'tcp';
  return cat;
}

/**
 * A short protocol label for the event list: the application protocol where the ports say so
 * (HTTP, DNS), else the transport.
 */
export function protoLabel(step: Step): string {
  const cat = stepCategory(step);
  const l4 = step.frame.l4;
  const ports = l4 ? [l4.sport, l4.dport] : [];
  if (cat === 'tcp' && (ports.includes(80) || /^HTTP|^GET |^POST /.test(step.frame.app?.summary ?? ''))) return 'HTTP';
  if (cat === 'udp' && (ports.includes(53) || step.action.startsWith('dns'))) return 'DNS';
  return cat === 'other' ? '—' : cat.toUpperCase();
}
