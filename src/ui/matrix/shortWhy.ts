import type { Why } from '../../sim/matrix';

/** A drop reason's short word for a cell (the full sentence shows beside the grid). */
const SHORT: Record<string, string> = {
  'drop.no-route': 'no-route',
  'drop.no-route-private': 'no-route',
  'matrix.unreachable': 'no-route',
  'drop.isolated': 'isolated',
  'drop.icc': 'icc',
  'drop.internal': 'internal',
  'drop.not-published': 'not-published',
  'app.refused': 'refused',
  'app.refused-router': 'refused',
  'drop.arp-unanswered': 'no-arp',
  'drop.host-unreachable': 'no-arp',
  'drop.name-unresolvable': 'no-name',
  'app.paused': 'paused',
  'drop.not-for-me': 'not-routed',
};

/** The i18n key of the short word for `why`. */
export function shortWhyKey(why: Why | null | undefined): string {
  return `matrix.short.${(why && SHORT[why.key]) ?? 'other'}`;
}
