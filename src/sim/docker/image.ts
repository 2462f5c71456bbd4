import { produce } from '../containerIndex';
import { imageInfo, referenceError } from '../images';
import type { CommandResult, World } from '../model';
import { all, isSet, last, parseFlags } from './flags';
import { PICKER_ORDER } from './imageData';
import { dockerRmi } from './imageRm';
import {
  createdEpochMs,
  hasImage,
  humanSize,
  recordImage,
  type StoredImage,
  storedImage,
  storedImages,
} from './imageStore';
import { imageTree, treeFlagError } from './imageTree';
import { formatList } from './listFormat';
import { argsError, daemon, fail, flagError, humanDuration, ok, table, unknownSubcommand } from './output';
import {
  formatPlatform,
  isHostPlatform,
  offeredPlatform,
  parsePlatform,
  platformsKnown,
  recordPlatform,
  storedPlatform,
} from './platform';
import type { On } from './scope';

/** `docker images` / `docker image ls|list|pull`, `docker pull`. */

const LIST_FLAGS = [
  { long: 'quiet', short: 'q' },
  { long: 'all', short: 'a' },
  { long: 'no-trunc' },
  { long: 'digests' },
  { long: 'format', value: true },
  { long: 'filter', short: 'f', value: true },
  { long: 'tree' },
];

const HEADERS: Record<string, string> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
};

/**
 * `docker images [REPOSITORY[:TAG]]`: cli/command/formatter/image.go's classic table (the v28
 * default; `--tree` is imageTree.ts), newest image first as the daemon sorts them.
 */
export function dockerImages(world: World, argv: string[], on: On, cmdPath = 'images'): CommandResult {
  const p = parseFlags(argv, LIST_FLAGS);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  if (p.value.args.length > 1) return fail(world, argsError(cmdPath, 'at most', 1), 1);
  const tree = isSet(p.value, 'tree');
  const treeErr = tree ? treeFlagError(p.value) : null;
  if (treeErr) return fail(world, treeErr, 1);
  const trunc = !isSet(p.value, 'no-trunc');
  const filtered = filterImages(storedImages(world, on.daemon), [
    ...all(p.value, 'filter'),
    ...p.value.args.map((a) => `reference=${a}`),
  ]);
  if (!filtered.ok) return fail(world, filtered.error, filtered.code);
  const list = filtered.list;
  if (tree) return ok(world, imageTree(list, isSet(p.value, 'all')));
  list.sort((a, b) => b.created - a.created);
  const id = (i: (typeof list)[number]) => (trunc ? i.id.slice(0, 12) : `sha256:${i.id}`);
  if (isSet(p.value, 'quiet')) return ok(world, list.map(id).join('\n'));
  const row = (i: (typeof list)[number]): Record<string, string> => ({
    ID: id(i),
    Repository: i.ref.repo,
    Tag: i.ref.tag,
    Digest: `sha256:${i.digest}`,
    CreatedSince: `${humanDuration(world.clock - i.created)} ago`,
    CreatedAt: `${new Date(createdEpochMs(i)).toISOString().replace('T', ' ').slice(0, 19)} +0000 UTC`,
    Size: humanSize(i.bytes),
  });
  const formatted = formatList(world, last(p.value, 'format'), () => list.map(row), HEADERS);
  if (formatted) return formatted;
  const digests = isSet(p.value, 'digests');
  const cols = digests
    ? ['Repository', 'Tag', 'Digest', 'ID', 'CreatedSince', 'Size']
    : ['Repository', 'Tag', 'ID', 'CreatedSince', 'Size'];
  return ok(world, table([cols.map((c) => HEADERS[c]), ...list.map((i) => cols.map((c) => row(i)[c]))]));
}

/** path.Match as the reference filter uses it: `*` and `?` stop at "/". */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '[^/]*')
    .replaceAll('?', '[^/]');
  return new RegExp(`^${body}$`);
}

/**
 * `--filter` (and the REPOSITORY[:TAG] argument, a reference filter) as daemon/images/image_list.go
 * applies them: dangling, reference (a glob on the familiar name, with the tag when the pattern
 * has one), before/since (an image present). label and until are accepted and not applied (the
 * catalogue has no labels; every image predates the World).
 */
function filterImages(
  list: StoredImage[],
  specs: string[],
): { ok: true; list: StoredImage[] } | { ok: false; error: string; code: number } {
  const by: Record<string, string[]> = {};
  for (const f of specs) {
    const eq = f.indexOf('=');
    if (eq < 0) {
      const msg = `invalid argument "${f}" for "-f, --filter" flag: bad format of filter (expected name=value)`;
      return { ok: false, error: flagError('images', msg), code: 125 };
    }
    const key = f.slice(0, eq).toLowerCase();
    by[key] = [...(by[key] ?? []), f.slice(eq + 1)];
  }
  const keys = ['dangling', 'label', 'before', 'since', 'reference', 'until'];
  const bad = Object.keys(by).find((k) => !keys.includes(k));
  if (bad) return { ok: false, error: daemon(`invalid filter '${bad}'`), code: 1 };
  const dangling = by.dangling;
  if (dangling && !dangling.every((v) => v === 'true' || v === 'false')) {
    return { ok: false, error: daemon(`invalid filter 'dangling=[${dangling.join(' ')}]'`), code: 1 };
  }
  let out = dangling ? list.filter((i) => (i.dangling === true) === dangling.includes('true')) : list;
  for (const key of ['before', 'since'] as const) {
    for (const ref of by[key] ?? []) {
      const at = list.find(
        (i) => (!i.dangling && i.ref.familiar === storedImage(ref).ref.familiar) || i.id.startsWith(ref),
      );
      if (!at) return { ok: false, error: daemon(`No such image: ${storedImage(ref).ref.familiar}`), code: 1 };
      out = out.filter((i) => (key === 'before' ? i.created < at.created : i.created > at.created));
    }
  }
  if (by.reference) {
    out = out.filter(
      (i) =>
        !i.dangling &&
        by.reference.some((pat) => {
          const withTag = pat.lastIndexOf(':') > pat.lastIndexOf('/');
          return globToRegExp(pat).test(withTag ? i.ref.familiar : i.ref.repo);
        }),
    );
  }
  return { ok: true, list: out };
}

/** The daemon's answer for a repository Docker Hub does not have (distribution/errors.go). */
export const pullDenied = (repo: string) =>
  `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;

/**
 * What `docker run` / `docker create` print for an image the daemon does not have and Docker Hub
 * does not know (cli/command/container/create.go: "Unable to find image '%s' locally" on stderr,
 * then the pull's error), or null when the image is here or can be pulled. A `whalewire:` line
 * after it names the images this simulation knows, the nearest first (seed 004's typo
 * `envnodoecolorapp`, seed 001's placeholder `my-image`).
 */
export function missingImage(
  world: World,
  daemonId: string,
  image: string,
): { unable: string; denied: string; hint: string } | null {
  if (imageInfo(image).known || hasImage(world, daemonId, image)) return null;
  const ref = storedImage(image).ref;
  return {
    unable: `Unable to find image '${ref.familiar}' locally`,
    denied: daemon(pullDenied(ref.repo)),
    hint: knownImagesHint(ref.repo),
  };
}

/** `whalewire: …` naming the catalogue, the closest name by edit distance as a suggestion. */
function knownImagesHint(repo: string): string {
  const names = PICKER_ORDER;
  let best = names[0];
  let bestD = Number.POSITIVE_INFINITY;
  for (const n of names) {
    const d = editDistance(repo, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  const guess = bestD <= Math.max(2, Math.floor(best.length / 4)) ? ` Did you mean ${best}?` : '';
  return `whalewire: this simulation has no image '${repo}'; it knows ${names.join(', ')}.${guess}`;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The progress a pull of a catalogue image prints once finished, as a terminal shows it (each
 * layer's line ends on "Pull complete"): the "<tag>: Pulling from" header to the Status line.
 */
export function pullProgress(world: World, daemonId: string, image: string): string[] {
  const img = storedImage(image);
  const present = hasImage(world, daemonId, image);
  return [
    `${img.ref.tag}: Pulling from ${img.ref.path}`,
    ...(present ? [] : img.layers.map((l) => `${l}: Pull complete`)),
    `Digest: sha256:${img.digest}`,
    present
      ? `Status: Image is up to date for ${img.ref.familiar}`
      : `Status: Downloaded newer image for ${img.ref.familiar}`,
  ];
}

/** `docker pull [-q] IMAGE` (cli/command/image/pull.go). */
export function dockerPull(world: World, argv: string[], on: On, cmdPath = 'pull'): CommandResult {
  const p = parseFlags(argv, [
    { long: 'all-tags', short: 'a' },
    { long: 'quiet', short: 'q' },
    { long: 'platform', value: true },
    { long: 'disable-content-trust' },
  ]);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  if (p.value.args.length !== 1) return fail(world, argsError(cmdPath, 'exactly', 1), 1);
  const image = p.value.args[0];
  const bad = referenceError(image);
  if (bad) return fail(world, bad, 1);
  const img = storedImage(image);
  const quiet = isSet(p.value, 'quiet');
  const lines: string[] = [];
  if (img.ref.defaultTag && !quiet) lines.push('Using default tag: latest');
  if (!imageInfo(image).known) {
    return fail(world, [...lines, daemon(pullDenied(img.ref.repo)), knownImagesHint(img.ref.repo)].join('\n'), 1);
  }
  // --platform: the manifest list's entry for it (the daemon parses it; the store keeps one image a tag)
  const spec = last(p.value, 'platform');
  const wanted = spec ? parsePlatform(spec) : null;
  let platform: string | undefined;
  let present = world;
  if (wanted?.ok && !isHostPlatform(wanted.value) && platformsKnown(image)) {
    platform = offeredPlatform(image, wanted.value) ?? undefined;
    if (!platform) {
      const miss = `no matching manifest for ${formatPlatform(wanted.value)} in the manifest list entries`;
      return fail(world, [...lines, `${img.ref.tag}: Pulling from ${img.ref.path}`, miss].join('\n'), 1);
    }
  }
  if (storedPlatform(world, on.daemon, image) !== platform) {
    // another platform's copy is not this image: the pull downloads it anew
    present = { ...world, daemons: { ...world.daemons, [on.daemon]: { ...world.daemons[on.daemon], images: [] } } };
  }
  if (!quiet) lines.push(...pullProgress(present, on.daemon, image));
  lines.push(img.ref.full);
  return ok(
    produce(world, (d) => {
      recordImage(d, on.daemon, image);
      recordPlatform(d, on.daemon, image, platform);
    }),
    lines.join('\n'),
  );
}

const IMAGE_HELP = `Usage:  docker image COMMAND

Manage images

Commands:
  ls          List images
  pull        Download an image from a registry
  rm          Remove one or more images

Run 'docker image COMMAND --help' for more information on a command.`;

/** `docker image SUBCOMMAND`. */
export function dockerImage(world: World, argv: string[], on: On): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'ls':
    case 'list':
      return dockerImages(world, rest, on, 'image ls');
    case 'pull':
      return dockerPull(world, rest, on, 'image pull');
    case 'rm':
    case 'remove':
      return dockerRmi(world, rest, on, 'image rm');
    case undefined:
    case '--help':
      return ok(world, IMAGE_HELP);
    default:
      if (sub.startsWith('-')) return fail(world, flagError('image', `unknown flag: ${sub.split('=')[0]}`), 125);
      return fail(world, unknownSubcommand('image', sub), 1);
  }
}
