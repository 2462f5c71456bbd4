import { EPOCH_MS } from '../clock';
import { imageInfo } from '../images';
import type { World } from '../model';

/**
 * The daemon's local image store: which images the World has pulled and what `docker images` /
 * `docker pull` show of them. Ids, digests and layer ids are a stable hash of the reference
 * (they are properties of the image, not of the run), so every World shows the same ones.
 */

/** A reference split the way distribution/reference normalises it. */
export interface ImageRef {
  /** FamiliarName: "nginx", "devwikirepo/pingbuntu" */
  repo: string;
  tag: string;
  /** whether the user omitted the tag ("Using default tag: latest") */
  defaultTag: boolean;
  /** the repository path on Docker Hub: "library/nginx" */
  path: string;
  /** FamiliarString with tag: "nginx:latest" */
  familiar: string;
  /** the full name the CLI prints after a pull: "docker.io/library/nginx:latest" */
  full: string;
}

/** Parses an image reference the user typed (already accepted by `referenceError`). */
export function parseRef(image: string): ImageRef {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const tag = hasTag ? noDigest.slice(colon + 1) : 'latest';
  const repo = imageInfo(image).repo;
  const path = repo.includes('/') ? repo : `library/${repo}`;
  const registry = /^[^/]+[.:][^/]*\//.test(repo) || repo.startsWith('localhost/');
  return {
    repo,
    tag,
    defaultTag: !hasTag,
    path: registry ? repo.slice(repo.indexOf('/') + 1) : path,
    familiar: `${repo}:${tag}`,
    full: registry ? `${repo}:${tag}` : `docker.io/${path}:${tag}`,
  };
}

/** 64 hex digits derived from `seed` (FNV-1a, then a xorshift chain): stable across Worlds. */
export function stableHex(seed: string, n = 64): string {
  let h = 0x811c9dc5;
  for (const ch of seed) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let out = '';
  while (out.length < n) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, n);
}

/**
 * Approximate uncompressed sizes (what the overlay2 store reports), ages relative to the World's
 * epoch and layer counts of the catalogue's `latest` images. Plausible values, not measured ones.
 */
const META: Record<string, { bytes: number; days: number; layers: number }> = {
  nginx: { bytes: 192_004_242, days: 16, layers: 7 },
  httpd: { bytes: 148_118_630, days: 20, layers: 5 },
  redis: { bytes: 117_215_009, days: 13, layers: 8 },
  postgres: { bytes: 438_452_181, days: 12, layers: 14 },
  mysql: { bytes: 797_309_436, days: 27, layers: 10 },
  busybox: { bytes: 4_277_910, days: 450, layers: 1 },
  alpine: { bytes: 8_309_109, days: 40, layers: 1 },
  ubuntu: { bytes: 78_126_423, days: 30, layers: 1 },
  'nicolaka/netshoot': { bytes: 587_342_901, days: 120, layers: 12 },
  'devwikirepo/pingbuntu': { bytes: 117_964_288, days: 400, layers: 3 },
  'devwikirepo/envnodecolorapp': { bytes: 1_101_447_823, days: 380, layers: 9 },
};

/** What the store knows of one image: id, digest, layers, size and creation time. */
export interface StoredImage {
  ref: ImageRef;
  /** 64 hex, without "sha256:" */
  id: string;
  digest: string;
  layers: string[];
  bytes: number;
  /** ms since the World's epoch (negative: before it) */
  created: number;
  /** its tag was removed while a container used it: listed as <none> <none> */
  dangling?: boolean;
}

export function storedImage(image: string): StoredImage {
  const ref = parseRef(image);
  const key = ref.familiar;
  const meta = META[ref.repo] ?? {
    bytes: 50_000_000 + (Number.parseInt(stableHex(`size:${key}`, 6), 16) % 200_000_000),
    days: 1 + (Number.parseInt(stableHex(`age:${key}`, 4), 16) % 60),
    layers: 3,
  };
  return {
    ref,
    id: stableHex(`id:${key}`),
    digest: stableHex(`digest:${key}`),
    layers: Array.from({ length: meta.layers }, (_, i) => stableHex(`layer:${key}:${i}`, 12)),
    bytes: meta.bytes,
    created: -meta.days * 86_400_000 - (Number.parseInt(stableHex(`t:${key}`, 6), 16) % 86_400_000),
  };
}

/** The prefix of a World `images` entry whose tag was removed (`rmi -f` of an image in use): `<none>:<none>`. */
export const UNTAGGED = 'untagged:';

/**
 * The store's entries on `daemon`, "repo:tag" (or UNTAGGED + the "repo:tag" it had), in pull
 * order. A daemon without the list (an older save) has the images of its containers.
 */
export function storeEntries(world: World, daemon: string): string[] {
  const list = world.daemons[daemon]?.images;
  if (Array.isArray(list)) return list;
  const mine = Object.values(world.containers).filter((c) => c.daemon === daemon);
  return [...new Set(mine.map((c) => parseRef(c.image).familiar))];
}

/** The tagged images present on `daemon`, "repo:tag". */
export function localImages(world: World, daemon: string): string[] {
  return storeEntries(world, daemon).filter((e) => !e.startsWith(UNTAGGED));
}

/** Every image present on `daemon` as the store describes it; an untagged one shows `<none>` for both. */
export function storedImages(world: World, daemon: string): StoredImage[] {
  return storeEntries(world, daemon).map((e) => {
    if (!e.startsWith(UNTAGGED)) return storedImage(e);
    const img = storedImage(e.slice(UNTAGGED.length));
    return { ...img, dangling: true, ref: { ...img.ref, repo: '<none>', tag: '<none>' } };
  });
}

/** Whether `image` is in `daemon`'s store (with its tag). */
export function hasImage(world: World, daemon: string, image: string): boolean {
  return localImages(world, daemon).includes(parseRef(image).familiar);
}

/** Sets `daemon`'s image list (on an immer draft). */
export function setImages(draft: World, daemon: string, list: string[]): void {
  draft.daemons[daemon].images = list;
}

/** Records `image` as pulled on `daemon` (on an immer draft); a pull gives an untagged copy its tag back. */
export function recordImage(draft: World, daemon: string, image: string): void {
  const key = parseRef(image).familiar;
  const list = storeEntries(draft, daemon).filter((e) => e !== `${UNTAGGED}${key}`);
  if (!list.includes(key)) list.push(key);
  setImages(draft, daemon, list);
}

/** go-units HumanSizeWithPrecision(size, 3): decimal units, "%.3g". */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(3))}${units[i]}`;
}

/** The Created instant as the World sees it (for CreatedAt). */
export const createdEpochMs = (img: StoredImage) => EPOCH_MS + img.created;
