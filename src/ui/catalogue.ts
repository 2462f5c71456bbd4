import { imageCatalogue } from '../sim/images';

/**
 * The images the "add container" picker offers, from the engine's catalogue (src/sim/images.ts),
 * which lists a tool-rich image first so nobody trips on "ping: command not found" by accident.
 */
export interface ImageChoice {
  image: string;
  /** an image with no app of its own: run with -dit so it keeps running */
  shell: boolean;
  /** ports its process listens on, suggested in the port field */
  listens: string[];
  /** one line on what the image is for (a technical note, kept in English like the CLI) */
  summary: string;
}

let cached: ImageChoice[] | null = null;

/** The picker's list, netshoot first. */
export function imageChoices(): ImageChoice[] {
  cached ??= imageCatalogue()
    .map((i) => ({ image: i.image, shell: i.app === null, listens: [...i.exposed], summary: i.summary }))
    .sort((a, b) => Number(b.image === 'nicolaka/netshoot') - Number(a.image === 'nicolaka/netshoot'));
  return cached;
}
