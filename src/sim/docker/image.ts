import { produce } from 'immer';
import { DOCKER_HOST } from '../ids';
import { imageInfo, referenceError } from '../images';
import type { CommandResult, World } from '../model';
import { all, isSet, last, parseFlags } from './flags';
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
import { formatList } from './listFormat';
import { argsError, daemon, fail, flagError, humanDuration, ok, table, unknownSubcommand } from './output';

/** `docker images` / `docker image ls|list|pull`, `docker pull`. */

const LIST_FLAGS = [
  { long: 'quiet', short: 'q' },
  { long: 'all', short: 'a' },
  { long: 'no-trunc' },
  { long: 'digests' },
  { long: 'format', value: true },
  { long: 'filter', short: 'f', value: true },
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
 * default; the experimental `--tree` view is not offered), newest image first as the daemon sorts them.
 */
export function dockerImages(world: World, argv: string[], cmdPath = 'images'): CommandResult {
  const p = parseFlags(argv, LIST_FLAGS);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  if (p.value.args.length > 1) return fail(world, argsError(cmdPath, 'at most', 1), 1);
  const trunc = !isSet(p.value, 'no-trunc');
  const filtered = filterImages(storedImages(world, DOCKER_HOST), [
    ...all(p.value, 'filter'),
    ...p.value.args.map((a) => `reference=${a}`),
  ]);
  if (!filtered.ok) return fail(world, filtered.error, filtered.code);
  const list = filtered.list;
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
 * The progress a pull of a catalogue image prints once finished, as a terminal shows it (each
 * layer's line ends on "Pull complete"): the "<tag>: Pulling from" header to the Status line.
 */
export function pullProgress(world: World, image: string): string[] {
  const img = storedImage(image);
  const present = hasImage(world, DOCKER_HOST, image);
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
export function dockerPull(world: World, argv: string[], cmdPath = 'pull'): CommandResult {
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
  if (!imageInfo(image).known) return fail(world, [...lines, daemon(pullDenied(img.ref.repo))].join('\n'), 1);
  if (!quiet) lines.push(...pullProgress(world, image));
  lines.push(img.ref.full);
  return ok(
    produce(world, (d) => recordImage(d, DOCKER_HOST, image)),
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
export function dockerImage(world: World, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'ls':
    case 'list':
      return dockerImages(world, rest, 'image ls');
    case 'pull':
      return dockerPull(world, rest, 'image pull');
    case 'rm':
    case 'remove':
      return dockerRmi(world, rest, 'image rm');
    case undefined:
    case '--help':
      return ok(world, IMAGE_HELP);
    default:
      if (sub.startsWith('-')) return fail(world, flagError('image', `unknown flag: ${sub.split('=')[0]}`), 125);
      return fail(world, unknownSubcommand('image', sub), 1);
  }
}
