import { goBool } from './docker/flags';
import type { Container, World } from './model';
import type { Where } from './where';

/**
 * Linux capabilities as moby v28.5.2 oci/caps gives them to a container: the names it knows
 * (GetAllCapabilities, in the kernel's numbering), the default set (DefaultCapabilities), how
 * `--cap-add`/`--cap-drop` values are read (NormalizeLegacyCapabilities) and what a container's
 * process ends up holding (TweakCapabilities). One place for every "may this process do X" check.
 */

/** Every capability the host kernel knows, CAP_-prefixed, by number (capability.ListKnown). */
export const ALL_CAPS: readonly string[] =
  'CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO SYS_CHROOT SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ PERFMON BPF CHECKPOINT_RESTORE'
    .split(' ')
    .map((c) => `CAP_${c}`);

const KNOWN = new Set(ALL_CAPS);

/** oci/caps DefaultCapabilities: what a container gets without --cap-add/--cap-drop/--privileged. */
export const DEFAULT_CAPS: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
];

/**
 * oci/caps NormalizeLegacyCapabilities: upper-cased, CAP_-prefixed, "ALL" kept as it is; the
 * first unknown name is refused with the daemon's words.
 */
export function normalizeCaps(caps: readonly string[]): { ok: true; value: string[] } | { ok: false; error: string } {
  const value: string[] = [];
  for (const c of caps) {
    const up = c.toUpperCase();
    if (up === 'ALL') {
      value.push(up);
      continue;
    }
    const name = up.startsWith('CAP_') ? up : `CAP_${up}`;
    if (!KNOWN.has(name)) return { ok: false, error: `unknown capability: "${name}"` };
    value.push(name);
  }
  return { ok: true, value };
}

/** Whether a container runs `--privileged` (the last value given, read by strconv.ParseBool). */
export function isPrivileged(c: Pick<Container, 'opts'>): boolean {
  const v = c.opts?.privileged?.at(-1);
  return v !== undefined && goBool(v) === true;
}

/** oci/caps TweakCapabilities over the default set: the capabilities a container's root process holds. */
export function containerCaps(c: Pick<Container, 'opts'>): Set<string> {
  if (isPrivileged(c)) return new Set(ALL_CAPS);
  const read = (flag: string) => {
    const r = normalizeCaps(c.opts?.[flag] ?? []);
    return r.ok ? r.value : [];
  };
  const [add, drop] = [read('cap-add'), read('cap-drop')];
  if (add.includes('ALL')) return new Set(ALL_CAPS.filter((x) => !drop.includes(x)));
  if (drop.includes('ALL')) return new Set(add);
  return new Set([...DEFAULT_CAPS.filter((x) => !drop.includes(x)), ...add]);
}

/**
 * Whether the process a command runs as at `where` holds `cap` (CAP_-prefixed): a host's shell
 * and `nsenter` from it do; in a container, root with `docker exec --privileged` holds every one
 * (daemon/exec_linux.go), else what the container was given. Another user holds none (runc sets
 * no ambient capabilities, so execve as a non-root uid clears them).
 */
export function holdsCap(world: World, where: Where, cap: string): boolean {
  if (where.kind === 'machine' || where.hostPids) return true;
  if (where.user && where.user !== 'root' && where.user !== '0') return false;
  if (where.privileged) return true;
  const c = world.containers[where.id];
  return c ? containerCaps(c).has(cap) : false;
}

/** CAP_NET_ADMIN: changing or reading a namespace's links, addresses, routes and netfilter tables. */
export const mayAdministerNetwork = (world: World, where: Where): boolean => holdsCap(world, where, 'CAP_NET_ADMIN');
