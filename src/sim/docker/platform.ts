import { imageInfo } from '../images';
import type { Container, World } from '../model';
import { pullProgress } from './image';
import { parseRef } from './imageStore';

/**
 * `--platform` on a single-architecture Docker host (linux/amd64, a CPU of x86-64-v4) with the
 * classic image store, as docker/cli v28.5.2 and moby v28.5.2 handle it: the CLI parses the value
 * (containerd/platforms Parse); the daemon's GetImage refuses a local image of another platform as
 * not found (daemon/images/image.go), so the CLI prints "Unable to find image" and pulls the
 * requested variant, which takes the tag (the store keeps one image per tag); the container then
 * starts and its first exec fails in runc's init ("exec PATH: exec format error", exit 255: no
 * binfmt emulation on a plain Linux host). A later run without --platform gets the daemon's
 * warning (daemon/create.go) and the same failure. An image without the platform: distribution's
 * "no matching manifest for P in the manifest list entries".
 */

export interface Platform {
  os: string;
  arch: string;
  variant: string;
}

/** platforms.FormatAll of the host: maximumSpec() (runtime.GOARCH and the CPU's amd64 level). */
export const HOST_PLATFORM_ALL = 'linux/amd64/v4';

const SPECIFIER = /^[A-Za-z0-9_.-]+$/;
const KNOWN_OS = ['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux'];
const KNOWN_OS2 = ['nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos'];
const KNOWN_ARCH = ['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle'];
const KNOWN_ARCH2 = ['mips64', 'mips64le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'wasm'];

/** containerd/platforms normalizeArch. */
function normalizeArch(arch: string, variant: string): [string, string] {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  switch (a) {
    case 'i386':
      return ['386', ''];
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return ['amd64', v === 'v1' ? '' : v];
    case 'aarch64':
    case 'arm64':
      return ['arm64', ['8', 'v8', 'v8.0'].includes(v) ? '' : ['9', '9.0', 'v9.0'].includes(v) ? 'v9' : v];
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      return ['arm', v === '' || v === '7' ? 'v7' : /^[5-8]$/.test(v) ? `v${v}` : v];
    default:
      return [a, v];
  }
}

/** containerd/platforms Parse, as the CLI reads `--platform` (its errors end in errdefs' "invalid argument"). */
export function parsePlatform(spec: string): { ok: true; value: Platform } | { ok: false; error: string } {
  const q = JSON.stringify;
  const bad = (why: string) => ({ ok: false as const, error: `${why}: invalid argument` });
  if (spec.includes('*')) return bad(`${q(spec)}: wildcards not yet supported`);
  const parts = spec.split('/');
  if (parts.length > 4) parts.splice(3, parts.length - 3, parts.slice(3).join('/'));
  for (const part of parts) {
    if (!SPECIFIER.test(part)) {
      return bad(
        `${q(part)} is an invalid component of ${q(spec)}: platform specifier component must match ${q(SPECIFIER.source)}`,
      );
    }
  }
  const os = parts[0].toLowerCase() === 'macos' ? 'darwin' : parts[0].toLowerCase();
  if (parts.length === 1) {
    if ([...KNOWN_OS, ...KNOWN_OS2].includes(os)) return { ok: true, value: { os, arch: 'amd64', variant: '' } };
    const [arch, variant] = normalizeArch(parts[0], '');
    if ([...KNOWN_ARCH, ...KNOWN_ARCH2].includes(arch)) {
      return { ok: true, value: { os: 'linux', arch, variant: arch === 'arm' && variant === 'v7' ? '' : variant } };
    }
    return bad(`${q(spec)}: unknown operating system or architecture`);
  }
  if (parts.length === 2) {
    const [arch, variant] = normalizeArch(parts[1], '');
    return { ok: true, value: { os, arch, variant: arch === 'arm' && variant === 'v7' ? '' : variant } };
  }
  if (parts.length === 3) {
    const [arch, variant] = normalizeArch(parts[1], parts[2]);
    return { ok: true, value: { os, arch, variant: arch === 'arm64' && variant === '' ? 'v8' : variant } };
  }
  return bad(`${q(spec)}: cannot parse platform specifier`);
}

/** platforms.FormatAll. */
export const formatPlatform = (p: Platform) => [p.os, p.arch, p.variant].filter((x) => x).join('/');

/** Whether the host runs it natively: linux/amd64 at any level up to the CPU's (platforms.Only). */
export const isHostPlatform = (p: Platform) => p.os === 'linux' && p.arch === 'amd64' && /^(v[1-4])?$/.test(p.variant);

/**
 * The platforms each catalogue image's manifest list offers (Docker Hub's official-images library
 * files; nicolaka/netshoot builds amd64 and arm64). The seed images are assumed single-platform.
 */
const DEBIAN_ARCHES = ['amd64', 'arm/v5', 'arm/v7', 'arm64/v8', '386', 'mips64le', 'ppc64le', 's390x'];
const OFFERED: Record<string, string[]> = {
  nginx: DEBIAN_ARCHES,
  httpd: DEBIAN_ARCHES,
  redis: DEBIAN_ARCHES,
  postgres: DEBIAN_ARCHES,
  mysql: ['amd64', 'arm64/v8'],
  alpine: ['amd64', 'arm/v6', 'arm/v7', 'arm64/v8', '386', 'ppc64le', 'riscv64', 's390x'],
  busybox: ['amd64', 'arm/v5', 'arm/v6', 'arm/v7', 'arm64/v8', '386', 'mips64le', 'ppc64le', 'riscv64', 's390x'],
  ubuntu: ['amd64', 'arm/v7', 'arm64/v8', 'ppc64le', 'riscv64', 's390x'],
  'nicolaka/netshoot': ['amd64', 'arm64'],
};

/** The manifest-list entry a pull of `p` picks (FormatAll of the image's platform), or null. */
export function offeredPlatform(image: string, p: Platform): string | null {
  const list = OFFERED[imageInfo(image).repo];
  if (!list || p.os !== 'linux') return null;
  const hit = list.find((e) => {
    const [arch, variant = ''] = e.split('/');
    return arch === p.arch && (p.variant === '' || variant === p.variant);
  });
  return hit ? `linux/${hit}` : null;
}

/** Whether whalewire knows the image's manifest list (the seed images are not modelled beyond amd64). */
export const platformsKnown = (image: string) => imageInfo(image).repo in OFFERED;

/** The platform a daemon's local copy of `image` has, when not the host's. */
export function storedPlatform(world: World, daemon: string, image: string): string | undefined {
  return world.daemons[daemon]?.imagePlatforms?.[parseRef(image).familiar];
}

/**
 * runc's init failing to execve a foreign binary: the path exec.LookPath found (an absolute
 * entrypoint, docker-entrypoint.sh in /usr/local/bin, a Debian command in /usr/bin, a busybox or
 * Alpine one in /bin), as Go's os.PathError prints it.
 */
export function execFormatError(c: Container): string {
  const info = imageInfo(c.image);
  const first = c.cmd[0] ?? info.entrypoint[0] ?? info.defaultCmd[0] ?? 'sh';
  const argv0 = c.cmd.length ? first : (info.entrypoint[0] ?? first);
  let path = argv0;
  if (!argv0.includes('/')) {
    if (argv0 === 'docker-entrypoint.sh' || argv0 === 'httpd-foreground') path = `/usr/local/bin/${argv0}`;
    else if (info.flavor === 'glibc') path = `/usr/bin/${argv0}`;
    else path = `/bin/${argv0}`;
  }
  return `exec ${path}: exec format error`;
}

/** What the create request meets: the platform its container gets, the daemon's warning, the CLI's pull, or the pull's error. */
export type PlatformChoice =
  | { platform?: string; warning?: string; pulled: string[] }
  | { error: string; pulled: string[] };

/**
 * The create path for `image` on `daemon`: without --platform a local copy of another platform is
 * used with the daemon's warning; with one, a local copy of another platform is "not found", so the
 * CLI pulls the requested variant first (its progress on stderr), or fails as the pull does.
 */
export function platformChoice(world: World, daemon: string, image: string, wanted: Platform | null): PlatformChoice {
  const stored = storedPlatform(world, daemon, image);
  if (!imageInfo(image).known) return { pulled: [] };
  if (!wanted) {
    if (!stored) return { pulled: [] };
    const warning = `WARNING: The requested image's platform (${stored}) does not match the detected host platform (${HOST_PLATFORM_ALL}) and no specific platform was requested`;
    return { platform: stored, warning, pulled: [] };
  }
  const unable = `Unable to find image '${parseRef(image).familiar}' locally`;
  const fresh = { ...world, daemons: { ...world.daemons, [daemon]: { ...world.daemons[daemon], images: [] } } };
  if (isHostPlatform(wanted)) return { pulled: stored ? [unable, ...pullProgress(fresh, daemon, image)] : [] };
  if (!platformsKnown(image)) {
    return { error: `whalewire: ${imageInfo(image).repo} is modelled for linux/amd64 only`, pulled: [] };
  }
  const offered = offeredPlatform(image, wanted);
  if (!offered) {
    const ref = parseRef(image);
    return {
      error: `no matching manifest for ${formatPlatform(wanted)} in the manifest list entries`,
      pulled: [unable, `${ref.tag}: Pulling from ${ref.path}`],
    };
  }
  if (stored === offered) return { platform: offered, pulled: [] };
  return { platform: offered, pulled: [unable, ...pullProgress(fresh, daemon, image)] };
}

/** Keeps which platform the daemon's copy of `image` has (on an immer draft); undefined: the host's. */
export function recordPlatform(draft: World, daemon: string, image: string, platform: string | undefined): void {
  const d = draft.daemons[daemon];
  const key = parseRef(image).familiar;
  if (platform) d.imagePlatforms = { ...d.imagePlatforms, [key]: platform };
  else if (d.imagePlatforms?.[key]) {
    const { [key]: _, ...rest } = d.imagePlatforms;
    if (Object.keys(rest).length) d.imagePlatforms = rest;
    else delete d.imagePlatforms;
  }
}
