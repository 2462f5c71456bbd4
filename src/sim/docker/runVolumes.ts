import { resolvePath } from '../fs';
import type { Container } from '../model';
import { digest } from './inspect';
import { parseMount } from './runOptValues';

/**
 * `-v/--volume` and `--mount` as the CLI splits them (docker/cli v28.5.2 internal/volumespec
 * Parse; container/opts.go parse: a spec with a source is a bind in HostConfig.Binds, one without
 * an anonymous volume in Config.Volumes) and as `docker inspect` lists the mount points (moby
 * api/types/container MountPoint; volume/mounts/linux_parser.go: `-v` binds rprivate, named
 * volumes mode "z" on the local driver).
 */

export type VolumeSpec = { source: string; target: string; readOnly: boolean; type: 'bind' | 'volume'; mode: string };

/** volumespec.Parse: the spec, or the CLI's error. */
export function parseVolume(spec: string): { ok: true; value: VolumeSpec } | { ok: false; error: string } {
  if (spec.length === 0) return { ok: false, error: 'invalid empty volume spec' };
  const v = { source: '', target: '', readOnly: false, mode: '' };
  if (spec.length <= 2) return { ok: true, value: { ...v, target: spec, type: 'volume' } };
  const parts: string[] = [];
  let buf = '';
  for (const ch of [...spec, '\0']) {
    const drive = ch === ':' && buf.length === 1 && /\p{L}/u.test(buf);
    if (!drive && (ch === ':' || ch === '\0')) {
      parts.push(buf);
      buf = '';
    } else buf += ch;
  }
  const typeOf = (s: string) => (s !== '' && /^[./~]|^\\\\|^\p{L}:/u.test(s) ? 'bind' : 'volume') as VolumeSpec['type'];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (part === '') return { ok: false, error: `invalid spec: ${spec}: empty section between colons` };
    if (v.source === '' && last) v.target = part;
    else if (v.source === '') v.source = part;
    else if (v.target === '') v.target = part;
    else if (!last) return { ok: false, error: `invalid spec: ${spec}: too many colons` };
    else {
      v.mode = part;
      for (const o of part.split(',')) if (o === 'ro' || o === 'rw') v.readOnly = o === 'ro';
    }
  }
  return { ok: true, value: { ...v, type: typeOf(v.source) } };
}

/** The daemon's refusal of a `-v` spec (linux_parser.go ParseMountRaw), or null. */
export function volumeError(spec: string): string | null {
  const r = parseVolume(spec);
  if (!r.ok) return null;
  const { source, target } = r.value;
  if (!target.startsWith('/')) {
    const type = source ? r.value.type : 'volume';
    return `invalid volume specification: '${spec}': invalid mount config for type "${type}": invalid mount path: '${target}' mount path must be absolute`;
  }
  if (source && r.value.type === 'volume' && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(source)) {
    return `create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`;
  }
  return null;
}

/** A `-v` spec as the CLI sends it: a `.`-relative bind source made absolute against its cwd. */
export function absoluteVolume(spec: string, cwd: string): string {
  const r = parseVolume(spec);
  if (!r.ok || r.value.type !== 'bind' || !r.value.source.startsWith('.')) return spec;
  return `${resolvePath(cwd, r.value.source)}${spec.slice(r.value.source.length)}`;
}

/** HostConfig.Binds and Config.Volumes (the map's keys sorted as encoding/json writes them). */
export function bindsAndVolumes(c: Container) {
  const binds: string[] = [];
  const volumes: Record<string, object> = {};
  for (const spec of c.opts?.volume ?? []) {
    const r = parseVolume(spec);
    if (!r.ok) continue;
    if (r.value.source === '') volumes[r.value.target] = {};
    else binds.push(spec);
  }
  const keys = Object.keys(volumes).sort();
  return {
    Binds: binds.length ? binds : null,
    Volumes: keys.length ? Object.fromEntries(keys.map((k) => [k, {}])) : null,
  };
}

const volumeDir = (name: string) => `/var/lib/docker/volumes/${name}/_data`;

/** inspect's top-level Mounts: every -v and --mount mount point, by destination (the daemon keeps a map). */
export function mountPoints(c: Container): object[] {
  const out: { Destination: string }[] = [];
  const anon = (dest: string) => digest(`volume:${c.id}:${dest}`);
  for (const spec of c.opts?.volume ?? []) {
    const r = parseVolume(spec);
    if (!r.ok) continue;
    const { source, target, readOnly, type, mode } = r.value;
    if (type === 'bind') {
      out.push({
        Type: 'bind',
        Source: source,
        Destination: target,
        Mode: mode,
        RW: !readOnly,
        Propagation: 'rprivate',
      } as never);
    } else {
      const name = source || anon(target);
      out.push({
        Type: 'volume',
        Name: name,
        Source: volumeDir(name),
        Destination: target,
        Driver: 'local',
        Mode: mode || 'z',
        RW: !readOnly,
        Propagation: '',
      } as never);
    }
  }
  for (const spec of c.opts?.mount ?? []) {
    const r = parseMount(spec);
    if (!r.ok) continue;
    const m = r.value;
    const base = { Type: m.Type };
    if (m.Type === 'bind') {
      const prop = (m.BindOptions as { Propagation?: string } | undefined)?.Propagation;
      out.push({
        ...base,
        Source: m.Source,
        Destination: m.Target,
        Mode: '',
        RW: !m.ReadOnly,
        Propagation: prop || 'rprivate',
      } as never);
    } else if (m.Type === 'volume') {
      const name = m.Source || anon(m.Target);
      out.push({
        ...base,
        Name: name,
        Source: volumeDir(name),
        Destination: m.Target,
        Driver: 'local',
        Mode: 'z',
        RW: !m.ReadOnly,
        Propagation: '',
      } as never);
    } else {
      out.push({ ...base, Source: '', Destination: m.Target, Mode: '', RW: !m.ReadOnly, Propagation: '' } as never);
    }
  }
  return out.sort((a, b) => (a.Destination < b.Destination ? -1 : a.Destination > b.Destination ? 1 : 0));
}

/** What -v, --mount and --tmpfs mount over the root filesystem: each target and whether it is writable. */
export function mountTable(volumes: string[], mounts: string[], tmpfs: string[]): { target: string; rw: boolean }[] {
  const out: { target: string; rw: boolean }[] = [];
  for (const spec of volumes) {
    const r = parseVolume(spec);
    if (r.ok) out.push({ target: r.value.target, rw: !r.value.readOnly });
  }
  for (const spec of mounts) {
    const r = parseMount(spec);
    if (r.ok) out.push({ target: r.value.Target, rw: r.value.ReadOnly !== true });
  }
  for (const t of tmpfs) {
    const [target, options = ''] = t.split(/:(.*)/s);
    out.push({ target, rw: !options.split(',').includes('ro') });
  }
  return out;
}
