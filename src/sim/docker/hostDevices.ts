import { isPrivileged } from '../caps';
import { kindAt } from '../fs';
import type { Container, World } from '../model';

/**
 * The device nodes of a Docker host, which the engine's small filesystems do not hold: what a
 * Linux VM with one SCSI disk has under /dev (whalewire's assumption). The daemon reads them when
 * a container starts (moby v28.5.2 daemon/oci_linux.go createSpec): WithResources stats each
 * `--blkio-weight-device` and `--device-{read,write}-{bps,iops}` path (daemon_unix.go
 * getBlkioWeightDevices, getBlkioThrottleDevices), then WithDevices reads each `--device` (oci
 * DevicesFromPath: a device node, or a directory holding some) and `--gpus` (devices.go).
 */
const HOST_DEVICES = [
  '/dev/console',
  '/dev/full',
  '/dev/fuse',
  '/dev/kmsg',
  '/dev/loop0',
  '/dev/net/tun',
  '/dev/null',
  '/dev/ptmx',
  '/dev/random',
  '/dev/sda',
  '/dev/sda1',
  '/dev/tty',
  '/dev/urandom',
  '/dev/zero',
];

const holdsDevices = (dir: string) => HOST_DEVICES.some((d) => d.startsWith(`${dir === '/' ? '' : dir}/`));

/** What stat(2) finds at a host path: a device node, a directory (with devices in it or not), another file, or nothing. */
function hostNode(world: World, host: string, path: string): 'device' | 'dir' | 'devdir' | 'file' | null {
  if (HOST_DEVICES.includes(path)) return 'device';
  if (holdsDevices(path)) return 'devdir';
  const k = kindAt(world, host, path);
  return k === 'file' ? 'file' : k;
}

/** The flags whose paths WithResources stats, in its order. */
const BLKIO = ['blkio-weight-device', 'device-read-bps', 'device-write-bps', 'device-read-iops', 'device-write-iops'];

/** docker/cli opts.go parseLinuxDevice: `src[:dst][:mode]`, dst defaulting to src. */
function deviceMapping(spec: string): { src: string; dst: string } {
  const arr = spec.split(':');
  const modeOnly = arr.length === 2 && /^[rwm]{1,3}$/.test(arr[1]);
  const dst = arr.length >= 2 && !modeOnly ? arr[1] : arr[0];
  return { src: arr[0], dst };
}

/**
 * Why createSpec cannot describe the container's devices, in its order (blkio before --device),
 * or null. A privileged container gets every host device, so a --device mapped onto its own path
 * is skipped; one mapped elsewhere is still read.
 */
export function deviceStartError(world: World, c: Container): string | null {
  for (const flag of BLKIO) {
    for (const v of c.opts?.[flag] ?? []) {
      const path = v.slice(0, v.indexOf(':'));
      if (hostNode(world, c.daemon, path) === null) return `stat ${path}: no such file or directory`;
    }
  }
  const privileged = isPrivileged(c);
  for (const spec of c.opts?.device ?? []) {
    const { src, dst } = deviceMapping(spec);
    if (privileged && src === dst) continue;
    const node = hostNode(world, c.daemon, src);
    if (node === 'device' || node === 'devdir') continue;
    const why = node === null ? 'no such file or directory' : 'not a device node';
    return `error gathering device information while adding custom device ${JSON.stringify(src)}: ${why}`;
  }
  return null;
}
