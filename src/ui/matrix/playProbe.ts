import { type Party, runProbe } from '../../sim/matrix';
import { appStore } from '../../store/instance';

/**
 * Plays one cell's packet in the simulation panel: the probe is run again from the current World
 * (cells keep no traces: 3,000 of them would be megabytes) and handed to the store's own playback.
 * The World is not changed: the matrix only looks.
 */
export function playProbe(from: Party, kind: 'ping' | 'http', target: string): void {
  const s = appStore().getState();
  const world = s.world;
  const p = runProbe(world, from, kind, target);
  if (!p.trace) return;
  s.loadTrace(p.trace, { before: world, after: p.after ?? world });
  s.play();
}
