import { storedFiles } from '../fs';
import type { Container, World } from '../model';
import { humanSize, storedImage } from './imageStore';

/**
 * A container's sizes as the daemon reports them when asked (`ps -s`, `inspect -s`; moby v28.5.2
 * daemon/images GetContainerLayerSize): SizeRw, what its writable layer holds (the files written
 * in it), and SizeRootFs, its whole root filesystem (the image's layers and that layer).
 */
export function containerSizes(world: World, c: Container): { rw: number; rootFs: number } {
  const rw = storedFiles(world, c.id).reduce((n, f) => n + f.size, 0);
  return { rw, rootFs: storedImage(c.image).bytes + rw };
}

/** formatter.ContainerContext.Size: "RW (virtual ROOTFS)", or "0B" when no size was asked for. */
export function sizeColumn(world: World, c: Container, asked: boolean): string {
  if (!asked) return '0B';
  const s = containerSizes(world, c);
  return `${humanSize(s.rw)} (virtual ${humanSize(s.rootFs)})`;
}
