import { produce } from '../containerIndex';
import { imageInfo, referenceError } from '../images';
import type { CommandResult, Container, World } from '../model';
import { isSet, parseFlags } from './flags';
import {
  parseRef,
  type StoredImage,
  setImages,
  stableHex,
  storedImage,
  storedImages,
  storeEntries,
  UNTAGGED,
} from './imageStore';
import { argsError, daemon, fail, flagError } from './output';
import type { On } from './scope';

/**
 * `docker rmi` / `docker image rm IMAGE…` (cli/command/image/remove.go: the daemon's Untagged /
 * Deleted records as they come, every error after them; daemon/images/image_delete.go decides).
 */

type Outcome = { ok: true; lines: string[]; world: World } | { ok: false; error: string };

/** The containers (any state) made from `img`, oldest first. */
function usersOf(world: World, img: StoredImage): Container[] {
  return Object.values(world.containers)
    .filter((c) => storedImage(c.image).id === img.id)
    .sort((a, b) => a.seq - b.seq);
}

/** The entry of the store `arg` names: a tagged reference, or a prefix of an image id. */
function find(world: World, daemonId: string, arg: string): { entry: string; img: StoredImage; byId: boolean } | null {
  const entries = storeEntries(world, daemonId);
  const imgs = storedImages(world, daemonId);
  const familiar = parseRef(arg).familiar;
  const tagged = entries.indexOf(familiar);
  if (tagged >= 0 && !referenceError(arg)) return { entry: familiar, img: imgs[tagged], byId: false };
  const hex = arg.replace(/^sha256:/, '');
  if (/^[0-9a-f]+$/.test(hex)) {
    const i = imgs.findIndex((x) => x.id.startsWith(hex));
    if (i >= 0) return { entry: entries[i], img: imgs[i], byId: true };
  }
  return null;
}

/** The records of a removal: the tag and digest untagged, then the image and its layers deleted. */
function records(img: StoredImage, entry: string, deleted: boolean): string[] {
  const lines: string[] = [];
  if (!entry.startsWith(UNTAGGED)) {
    lines.push(`Untagged: ${img.ref.familiar}`);
    if (imageInfo(img.ref.familiar).known) lines.push(`Untagged: ${img.ref.repo}@sha256:${img.digest}`);
  }
  if (deleted) {
    lines.push(`Deleted: sha256:${img.id}`);
    const key = entry.replace(UNTAGGED, '');
    for (let i = 0; i < img.layers.length; i++) lines.push(`Deleted: sha256:${stableHex(`chain:${key}:${i}`)}`);
  }
  return lines;
}

function removeOne(world: World, daemonId: string, arg: string, force: boolean): Outcome {
  const hit = find(world, daemonId, arg);
  if (!hit) return { ok: false, error: `No such image: ${referenceError(arg) ? arg : parseRef(arg).familiar}` };
  const { entry, img, byId } = hit;
  const users = usersOf(world, img);
  const running = users.find((c) => c.state === 'running');
  const short = img.id.slice(0, 12);
  let keep = false;
  if (byId) {
    if (running)
      return {
        ok: false,
        error: `conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`,
      };
    if (users.length && !force)
      return {
        ok: false,
        error: `conflict: unable to delete ${short} (must be forced) - image is being used by stopped container ${users[0].id.slice(0, 12)}`,
      };
  } else if (users.length) {
    if (!force)
      return {
        ok: false,
        error: `conflict: unable to remove repository reference "${arg}" (must force) - container ${users[0].id.slice(0, 12)} is using its referenced image ${short}`,
      };
    // Forced: only the tag goes; the image stays for its containers, as <none>:<none>.
    keep = true;
  }
  const next = produce(world, (d) => {
    const list = storeEntries(d, daemonId).filter((e) => e !== entry);
    if (keep) list.push(`${UNTAGGED}${entry}`);
    setImages(d, daemonId, list);
  });
  return { ok: true, lines: records(img, entry, !keep), world: next };
}

export function dockerRmi(world: World, argv: string[], on: On, cmdPath = 'rmi'): CommandResult {
  const p = parseFlags(argv, [{ long: 'force', short: 'f' }, { long: 'no-prune' }, { long: 'platform', value: true }]);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError(cmdPath, 'at least', 1), 1);
  let w = world;
  const out: string[] = [];
  const errs: string[] = [];
  for (const arg of p.value.args) {
    const r = removeOne(w, on.daemon, arg, isSet(p.value, 'force'));
    if (!r.ok) {
      errs.push(daemon(r.error));
      continue;
    }
    w = r.world;
    out.push(...r.lines);
  }
  return { world: w, output: [...out, ...errs].join('\n'), exitCode: errs.length ? 1 : 0 };
}
