import type { TableChange } from '../../sim/model';

/** The i18n key naming a table change, e.g. "sim.change.arp.add" → "ARP learned". */
export function changeKey(change: TableChange): string {
  return `sim.change.${change.table}.${change.kind ?? 'add'}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function tuple(t: unknown): string {
  if (!isRecord(t)) return String(t);
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
}

/**
 * A table entry as one line of text, shaped like the tool that prints that table: `ip neigh` for
 * ARP, `bridge fdb show` for FDB, `conntrack -L` for conntrack; other shapes as key=value pairs.
 * Plain text: the panel renders it as a text node.
 */
export function formatEntry(change: TableChange): string {
  const e = change.entry;
  if (typeof e === 'string' || typeof e === 'number') return String(e);
  if (!isRecord(e)) return '';
  switch (change.table) {
    case 'arp':
      if (e.ip && e.mac) return `${e.ip}${e.dev ? ` dev ${e.dev}` : ''} lladdr ${e.mac}${e.state ? ` ${e.state}` : ''}`;
      break;
    case 'fdb':
      if (e.mac && e.port) return `${e.mac} dev ${e.port}${e.vlan ? ` vlan ${e.vlan}` : ''} master`;
      break;
    case 'conntrack':
      if (e.orig && e.reply)
        return [e.proto, e.state, tuple(e.orig), tuple(e.reply), e.assured ? '[ASSURED]' : '']
          .filter((x) => x !== undefined && x !== '')
          .join(' ');
      break;
    case 'nat':
      if (e.rule && e.to)
        return `${e.chain ? `${e.chain}: ` : ''}${e.rule} ${e.from ?? ''} → ${e.to}`.replace('  ', ' ');
      break;
    case 'route':
      if (e.dst && e.dev)
        return [
          e.dst,
          e.via && `via ${e.via}`,
          `dev ${e.dev}`,
          e.proto && `proto ${e.proto}`,
          e.scope && `scope ${e.scope}`,
          e.src && `src ${e.src}`,
        ]
          .filter(Boolean)
          .join(' ');
      break;
    case 'dns':
      if (e.name && (e.ip || e.address || e.answer)) {
        const a = e.ip ?? e.address ?? e.answer;
        return `${e.name} → ${Array.isArray(a) ? a.join(', ') : a}`;
      }
      break;
  }
  return Object.entries(e)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ');
}
