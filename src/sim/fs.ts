import { DOCKER_HOST } from './ids';
import type { FileTree, World } from './model';
import type { Where } from './where';

/**
 * Each machine and container has a small filesystem: the directories every Linux box has, the
 * Docker host's home with seed 002's project, and whatever people write. `World.files` holds an
 * owner's whole tree from its first change on; before that (and in older saves) the tree is its
 * default, so a World nobody wrote to is the World it always was. /etc/hosts, /etc/resolv.conf
 * and /etc/hostname are not stored: files.ts computes them, as Docker writes them.
 */

/** The home directory: root's, on every machine and in every container. */
export const HOME = '/root';

/** Files the networking code writes for a process; listed by `ls /etc`, read by `cat`. */
export const GENERATED = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'];

const BASE_DIRS = ['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/run', '/sys', '/tmp', '/usr', '/var'];

/** Seed 002's application: `docker-compose up -d` in ~/gloddy_server makes gloddy_server_default. */
export const GLODDY_COMPOSE = `version: "3"
services:
  app:
    image: nginx
    ports:
      - "8080:80"
  redis:
    image: redis
`;

function defaultTree(world: World, owner: string): FileTree {
  const tree: FileTree = {};
  for (const d of BASE_DIRS) tree[d] = null;
  if (owner === DOCKER_HOST || world.machines[owner]?.tools.includes('docker')) {
    for (const d of ['/var/run', '/var/run/docker', '/var/run/docker/netns', '/root/gloddy_server']) tree[d] = null;
    tree['/root/gloddy_server/docker-compose.yml'] = GLODDY_COMPOSE;
  }
  return tree;
}

/** Whose files a process at `where` sees: the machine's, or the container's own. */
export function fsOwner(where: Where): string {
  return where.id;
}

/** The tree of an owner (its default until something is written). */
export function treeOf(world: World, owner: string): FileTree {
  return world.files?.[owner] ?? defaultTree(world, owner);
}

/** The working directory a frame starts in: `~` on a machine, `/` in a container (Docker's default WorkingDir). */
export function defaultCwd(where: Where): string {
  return where.kind === 'machine' ? HOME : '/';
}

/** An absolute, normalised path: `..` and `.` resolved, `~` is the home directory. */
export function resolvePath(cwd: string, p: string): string {
  let path = p;
  if (path === '~' || path.startsWith('~/')) path = HOME + path.slice(1);
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** How bash's \w shows a directory: the home as `~`. */
export function showCwd(cwd: string): string {
  if (cwd === HOME) return '~';
  return cwd.startsWith(`${HOME}/`) ? `~${cwd.slice(HOME.length)}` : cwd;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export type Kind = 'dir' | 'file' | null;

/** What is at `path`: a directory, a file (stored or generated), or nothing. */
export function kindAt(world: World, owner: string, path: string): Kind {
  const tree = treeOf(world, owner);
  if (path in tree) return tree[path] === null ? 'dir' : 'file';
  return GENERATED.includes(path) ? 'file' : null;
}

/** A stored file's text, or undefined (a directory, nothing, or a generated file). */
export function readStored(world: World, owner: string, path: string): string | undefined {
  const v = treeOf(world, owner)[path];
  return v === null ? undefined : v;
}

/** The names directly inside a directory, sorted as `ls` sorts them in the C locale. */
export function childrenOf(world: World, owner: string, dir: string): string[] {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const names = new Set<string>();
  for (const p of Object.keys(treeOf(world, owner))) {
    if (p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.add(p.slice(prefix.length));
  }
  for (const g of GENERATED) if (parentOf(g) === dir) names.add(g.slice(prefix.length));
  return [...names].sort();
}

/** The World with an owner's tree changed (copy on write: the default tree is copied in first). */
export function withTree(world: World, owner: string, change: (tree: FileTree) => void): World {
  const tree = { ...treeOf(world, owner) };
  change(tree);
  return { ...world, files: { ...world.files, [owner]: tree } };
}

/** Adds each directory of `paths` and its parents to a tree (mkdir -p); files in the way stay. */
export function mkdirs(tree: FileTree, paths: string[]): void {
  for (const path of paths) {
    for (let p = path; p !== '/' && !(p in tree); p = parentOf(p)) tree[p] = null;
  }
}

/** Why a file cannot be written at `path`, in the words of `err` (bash's or a tool's), or null. */
export function writeProblem(world: World, owner: string, path: string): 'dir' | 'nodir' | 'notdir' | 'rofs' | null {
  const k = kindAt(world, owner, path);
  if (k === 'dir') return 'dir';
  const parent = kindAt(world, owner, parentOf(path));
  if (parent === null) return 'nodir';
  if (parent === 'file') return 'notdir';
  const c = world.containers[owner];
  return c && readOnlyAt(c, path) ? 'rofs' : null;
}

/** The words of a {@link writeProblem} (strerror's). */
export const PROBLEM_WORDS = {
  dir: 'Is a directory',
  nodir: 'No such file or directory',
  notdir: 'Not a directory',
  rofs: 'Read-only file system',
} as const;

/**
 * Whether a container's `path` sits on a read-only filesystem: the innermost mount holding it
 * decides (`-v …:ro`, `--mount …,readonly`); outside them the root filesystem, read-only with
 * `--read-only`, except what Docker mounts itself (/dev, /proc, and the networking files).
 */
export function readOnlyAt(c: World['containers'][string], path: string): boolean {
  const holds = (t: string) => path === t || path.startsWith(t === '/' ? '/' : `${t}/`);
  const mount = (c.mounts ?? []).filter((m) => holds(m.target)).sort((a, b) => b.target.length - a.target.length)[0];
  if (mount) return !mount.rw;
  if (GENERATED.includes(path) || holds('/dev') || holds('/proc')) return false;
  return c.readOnlyRootfs === true;
}

/** Writes (or with `append`, appends to) a file whose parent exists; callers check {@link writeProblem} first. */
export function writeFile(world: World, owner: string, path: string, text: string, append = false): World {
  return withTree(world, owner, (t) => {
    const before = append ? (t[path] ?? '') : '';
    t[path] = before + text;
  });
}

/** The files an owner holds (stored ones, not directories), sorted by path: what the Inspector lists. */
export function storedFiles(world: World, owner: string): { path: string; size: number; binary: boolean }[] {
  const tree = treeOf(world, owner);
  return Object.keys(tree)
    .filter((p) => tree[p] !== null)
    .sort()
    .map((p) => {
      const text = tree[p] as string;
      return { path: p, size: text.length, binary: isBinaryText(text) };
    });
}

/** A pcap (tcpdump -w) is stored one byte a character: control bytes other than tab, newline and CR mark it as binary. */
export function isBinaryText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return true;
  }
  return false;
}
