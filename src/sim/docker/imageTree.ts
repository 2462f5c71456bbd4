import type { Parsed } from './flags';
import { isSet, last } from './flags';
import { humanSize, type StoredImage } from './imageStore';

/**
 * `docker images --tree` (EXPERIMENTAL in v28) as docker/cli v28.5.2 cli/command/image/tree.go
 * prints it to a console that is no terminal (tui's plain strings, 80 columns). The daemon's
 * overlay2 image store lists no per-platform manifests, so no image has children and the
 * content size is 0B; it counts no containers for ImageList, so no image carries the In Use chip.
 */

const WIDTH = 80;
const SPACING = 3;

/** list.go's refusals of --tree with another presentation flag, or null. */
export function treeFlagError(p: Parsed): string | null {
  if (isSet(p, 'quiet')) return '--quiet is not yet supported with --tree';
  if (isSet(p, 'no-trunc')) return '--no-trunc is not yet supported with --tree';
  if (isSet(p, 'digests')) return '--show-digest is not yet supported with --tree';
  if (last(p, 'format')) return '--format is not yet supported with --tree';
  return null;
}

/** The tree view of `list` (newest first; dangling images only with -a, as `<untagged>`). */
export function imageTree(list: StoredImage[], all: boolean): string {
  const images = list
    .filter((i) => all || !i.dangling)
    .sort((a, b) => b.created - a.created)
    .map((i) => ({ name: i.dangling ? null : i.ref.familiar, id: i.id.slice(0, 12), disk: humanSize(i.bytes) }));
  const legend = ' Info ->  U In Use ';
  // adjustColumns: ID 12, DISK USAGE 10, CONTENT SIZE 12, EXTRA 5 (no chip is possible)
  const cols = [
    { title: 'IMAGE', width: 0, right: false },
    { title: 'ID', width: 12, right: false },
    { title: 'DISK USAGE', width: 10, right: true },
    { title: 'CONTENT SIZE', width: 12, right: true },
    { title: 'EXTRA', width: 5, right: false },
  ];
  let nameWidth = WIDTH;
  for (const c of cols.slice(1)) nameWidth -= c.width + SPACING;
  const widest = Math.max('Image'.length, ...images.map((i) => (i.name ?? '').length));
  cols[0].width = Math.min(nameWidth, widest);
  const cell = (c: (typeof cols)[number], s: string) => {
    const text = s.length > c.width ? `${s.slice(0, c.width - 1)}…` : s;
    const fill = ' '.repeat(c.width - text.length);
    return c.right ? fill + text : text + fill;
  };
  const row = (values: string[]) => values.map((v, k) => cell(cols[k], v)).join(' '.repeat(SPACING));
  const lines = [
    "WARNING: This is an experimental feature. The output may change and shouldn't be depended on.",
    ' '.repeat(WIDTH - legend.length) + legend,
    '',
    row(cols.map((c) => c.title)),
    ...images.map((i) => row([i.name ?? '<untagged>', i.id, i.disk, '0B', ''])),
  ];
  return lines.join('\n');
}
