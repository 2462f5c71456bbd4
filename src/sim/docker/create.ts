import { dockerTime } from '../clock';
import { containerNamed, produce } from '../containerIndex';
import { driverOf, isNodeLocalSwarm } from '../drivers';
import { GENERATED, kindAt, mkdirs, parentOf, resolvePath, withTree, writeFile } from '../fs';
import { referenceError } from '../images';
import { endpointSettingsError, isUserDefinedName } from '../ipam';
import { lookupContainer, lookupNetwork, parseLink } from '../lookup';
import { parseMac } from '../macAddress';
import type { Container, Endpoint, PortBinding, World } from '../model';
import { randomId } from '../prng';
import { nodeLocalInstanceNotSimulated } from '../swarm/nodeLocal';
import { notAttachable } from '../swarm/state';
import { DNS_FLAGS, dnsFlagFields } from './dnsFlags';
import { all, type FlagSpec, isSet, last, type Parsed } from './flags';
import { hasImage, parseRef, recordImage } from './imageStore';
import { generateName, hostHostname } from './lifecycle';
import { applyNetworkOpts, networkFlagError, networkSettings } from './networkOpt';
import { parsePlatform, platformChoice, recordPlatform } from './platform';
import { parseExpose, parsePublish, publishAllBindings } from './ports';
import { parseRestartPolicy } from './restartPolicy';
import { OPT_FLAGS, validateLabel } from './runOpts';
import { cliParse, pullOptError, storedOpts } from './runOptsCheck';
import { createTimeError, daemonVerify } from './runOptsDaemon';
import { mountTable } from './runVolumes';

/** `docker create` / the create half of `docker run`: flags -> a Container record. */

export const CREATE_FLAGS: FlagSpec[] = [
  { long: 'detach', short: 'd' },
  { long: 'interactive', short: 'i' },
  { long: 'tty', short: 't' },
  { long: 'rm' },
  { long: 'name', value: true },
  { long: 'publish', short: 'p', value: true },
  { long: 'publish-all', short: 'P' },
  { long: 'network', value: true },
  { long: 'net', value: true, alias: 'network' },
  { long: 'network-alias', value: true },
  { long: 'net-alias', value: true, alias: 'network-alias' },
  { long: 'ip', value: true },
  { long: 'mac-address', value: true },
  { long: 'hostname', short: 'h', value: true },
  { long: 'env', short: 'e', value: true },
  { long: 'expose', value: true },
  { long: 'restart', value: true },
  { long: 'workdir', short: 'w', value: true },
  { long: 'user', short: 'u', value: true },
  {
    long: 'label',
    short: 'l',
    value: true,
    set: (v) => {
      const e = validateLabel(v);
      return e ? `invalid argument "${v}" for "-l, --label" flag: ${e}` : null;
    },
  },
  { long: 'link', value: true },
  ...DNS_FLAGS,
  // the rest of opts.go addFlags, run.go and create.go: one table (runOpts.ts)
  ...OPT_FLAGS,
];

/** pflag's error for an `-e` value opts.ValidateEnv refuses (`-e =x`), a `--link` opts.ValidateLink refuses or a bad DNS/host flag (dnsFlags.ts), or null. */
export function envFlagError(p: Parsed): string | null {
  if (networkFlagError(p)) return networkFlagError(p);
  const bad = all(p, 'env').find((e) => e.startsWith('=') || e === '');
  if (bad !== undefined) return `invalid argument "${bad}" for "-e, --env" flag: invalid environment variable: ${bad}`;
  for (const l of all(p, 'link')) {
    const r = parseLink(l);
    if ('error' in r) return `invalid argument "${l}" for "--link" flag: ${r.error}`;
  }
  const dns = dnsFlagFields(p);
  return dns.ok ? null : dns.error;
}

export type CreateOutcome =
  /** `pulled`: what the CLI printed pulling the image first (another platform's variant) */
  | { ok: true; world: World; id: string; warnings: string[]; pulled?: string[] }
  /**
   * `daemon`: an API error (gets "Error response from daemon: "); else a CLI-side error, which
   * `plain` ones (create.go's --cidfile errors) are not wrapped in the help hint by `docker create`
   */
  | { ok: false; error: string; daemon: boolean; plain?: true; pulled?: string[] };

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Validates the flags and records a new container in state `created` (nothing is allocated yet). */
export function createContainer(
  world: World,
  p: Parsed,
  daemonId: string,
  /** runs in the same recipe right after the container is added (`docker run` starts it there) */
  then?: (draft: World, id: string) => void,
  /** the CLI's working directory on the daemon's host (--env-file, --label-file, seccomp profiles) */
  cwd = '/root',
): CreateOutcome {
  const [image, ...cmd] = p.args;
  const name = last(p, 'name');
  const cli = (error: string): CreateOutcome => ({ ok: false, error, daemon: false });
  const api = (error: string): CreateOutcome => ({ ok: false, error, daemon: true });
  // create.go validatePullOpt comes before the options are parsed
  const pull = pullOptError(p);
  if (pull) return cli(pull);
  const badRef = referenceError(image);
  if (badRef) return cli(badRef);

  const ports: PortBinding[] = [];
  for (const spec of all(p, 'publish')) {
    const r = parsePublish(spec);
    if (!r.ok) return cli(r.error);
    ports.push(...r.value);
  }
  const expose: string[] = [];
  for (const spec of all(p, 'expose')) {
    const r = parseExpose(spec);
    if (!r.ok) return cli(r.error);
    for (const e of r.value) if (!expose.includes(e)) expose.push(e);
  }
  const publishAll = isSet(p, 'publish-all');
  if (publishAll) {
    for (const b of publishAllBindings({ image, expose })) {
      if (!ports.some((x) => x.containerPort === b.containerPort && x.proto === b.proto)) ports.push(b);
    }
  }
  const parsed = cliParse(world, p, { owner: daemonId, cwd });
  if (!parsed.ok) return cli(parsed.error);
  const { envFile, labelFile, entrypoint } = parsed.value;
  // create.go newCIDFile, before the image reference is even parsed
  const cidfile = last(p, 'cidfile');
  const cidPath = cidfile ? resolvePath(cwd, cidfile) : '';
  if (cidfile && kindAt(world, daemonId, cidPath) !== null) {
    const error = `container ID file found, make sure the other container isn't running or delete ${cidfile}`;
    return { ok: false, error, daemon: false, plain: true };
  }
  if (cidfile && kindAt(world, daemonId, parentOf(cidPath)) !== 'dir') {
    const error = `failed to create the container ID file: open ${cidfile}: no such file or directory`;
    return { ok: false, error, daemon: false, plain: true };
  }
  // create.go: --platform is parsed once the ID file is made
  const platformFlag = last(p, 'platform');
  const wanted = platformFlag ? parsePlatform(platformFlag) : null;
  if (wanted && !wanted.ok) return cli(`error parsing specified platform: ${wanted.error}`);
  // opts.ReadKVEnvStrings: the files' variables, then -e's ("KEY" alone is passed on as it is)
  const env = [...envFile, ...all(p, 'env')];

  // cli parseNetworkOpts: several --network values must be distinct and all user-defined.
  if (applyNetworkOpts(p)) return cli(applyNetworkOpts(p)!);
  const nets = all(p, 'network');
  const dup = nets.find((n, i) => nets.indexOf(n) !== i);
  if (dup !== undefined) return cli(`network "${dup}" is specified multiple times`);
  if (nets.some(isUserDefinedName) && nets.some((n) => !isUserDefinedName(n))) {
    return cli('conflicting options: cannot attach both user-defined and non-user-defined network-modes');
  }
  const extra = nets.length > 1 && nets.every(isUserDefinedName) ? nets.slice(1) : [];
  // The first network is HostConfig.NetworkMode and takes --ip/--network-alias.
  const netRef = (extra.length ? nets[0] : last(p, 'network')) ?? 'default';
  const aliases = all(p, 'network-alias');
  const ip = last(p, 'ip');
  const ip6 = last(p, 'ip6') || undefined;
  const mac = last(p, 'mac-address');
  if (mac) {
    const m = parseMac(mac);
    if (!m.ok) return cli(m.error);
  }
  // cli applyContainerOptions: --ip and --mac-address go to the first network's EndpointSettings.
  const linkLocalIps = all(p, 'link-local-ip');
  const own = {
    ...(ip ? { ipamIp: ip } : {}),
    ...(ip6 ? { ipamIp6: ip6 } : {}),
    ...(mac ? { macAddress: mac } : {}),
    ...(linkLocalIps.length ? { linkLocalIps } : {}),
  };
  let networkMode = netRef === 'default' ? 'bridge' : netRef;
  const warnings: string[] = [];
  let endpoints: Endpoint[] = [];
  if (netRef.startsWith('container:')) {
    // The CLI itself rejects these (runconfig validation), before any API call.
    if (ports.length) return cli('conflicting options: port publishing and the container type network mode');
    if (last(p, 'hostname')) return cli('conflicting options: hostname and the network mode');
  }
  // validateNetworkingConfig (daemon/create.go) runs before the name is reserved.
  const found = lookupNetwork(world, netRef === 'default' ? 'bridge' : netRef);
  const known = found.ok && !netRef.startsWith('container:') && netRef !== 'default' ? found.value : null;
  // ParseRestartPolicy and the --rm conflict (CLI), then the daemon's ValidateRestartPolicy
  const policy = parseRestartPolicy(last(p, 'restart'), isSet(p, 'rm'));
  if (!policy.ok) return policy.daemon ? api(policy.error) : cli(policy.error);
  const verified = daemonVerify(world, p, daemonId);
  if (verified.error) return api(verified.error);
  // then the image: --pull never does not fetch a missing one
  if (last(p, 'pull') === 'never' && !hasImage(world, daemonId, image)) {
    return api(`No such image: ${parseRef(image).familiar}`);
  }
  warnings.push(...verified.warnings.map((w) => `WARNING: ${w}`));
  const linkLocal = all(p, 'link-local-ip');
  const bad = endpointSettingsError(netRef, known, ip, aliases, linkLocal, ip6);
  if (bad) return api(`invalid config for network ${netRef}: ${bad}`);
  const links = all(p, 'link');
  if (links.length && netRef.startsWith('container:')) {
    return api(
      "conflicting options: container type network can't be used with links. This would result in undefined behavior",
    );
  }
  if (name !== undefined) {
    const bare = name.startsWith('/') ? name.slice(1) : name;
    if (!NAME_RE.test(bare)) return api(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const clash = containerNamed(world, bare);
    if (clash) {
      return api(
        `Conflict. The container name "/${bare}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
  }
  // registerLinks (daemon/daemon_unix.go), after the name is reserved; skipped on user-defined networks.
  if (!isUserDefinedName(netRef)) {
    for (const l of links) {
      const { name: ref } = parseLink(l) as { name: string };
      let child = lookupContainer(world, ref);
      if (!child.ok) return api(`could not get container for ${ref}: ${child.error}`);
      while (child.ok && child.value.networkMode.startsWith('container:')) {
        const cid = child.value.networkMode.slice('container:'.length);
        child = lookupContainer(world, cid);
        if (!child.ok) return api(`could not get container for ${cid}: ${child.error}`);
      }
      if (child.ok && child.value.networkMode === 'host') {
        return api(
          "conflicting options: host type networking can't be used with links. This would result in undefined behavior",
        );
      }
    }
  }
  if (netRef === 'host') {
    if (ports.length) warnings.push('WARNING: Published ports are discarded when using host network mode');
  } else if (netRef === 'none') {
    // Published ports are accepted and simply never bound: there is no bridge endpoint.
  } else if (netRef.startsWith('container:')) {
    const other = lookupContainer(world, netRef.slice('container:'.length));
    if (!other.ok) return api(other.error);
    networkMode = `container:${other.value.id}`;
  } else if (found.ok) {
    const n = found.value;
    if (n.driver === 'overlay' && (!n.attachable || n.ingress)) return api(notAttachable(n.name));
    if (isNodeLocalSwarm(n)) {
      if (!n.attachable) return api(notAttachable(n.name));
      return { ok: false, error: nodeLocalInstanceNotSimulated(n), daemon: false, plain: true };
    }
    if (driverOf(n).singleton) {
      // `--network <id of host>` behaves like `--network host`.
      networkMode = n.driver === 'host' ? 'host' : 'none';
    } else {
      endpoints = [{ networkId: n.id, aliases, ...own }];
    }
  } else {
    // The daemon resolves user networks when the container starts (v28): create succeeds.
    endpoints = [{ networkId: netRef, aliases, ...own }];
  }
  for (const ref of extra) {
    const n = lookupNetwork(world, ref);
    endpoints.push({ networkId: n.ok ? n.value.id : ref, aliases: [] });
  }
  for (const [i, ep] of endpoints.entries()) Object.assign(ep, networkSettings(p, nets[i] ?? ''));

  // after the name is reserved: daemon.create's log config, volumes-from and storage checks
  const late = createTimeError(world, p);
  if (late) return api(late);
  // opts.ReadKVStrings: --label-file's lines, then -l's; a later key wins
  const labels = Object.fromEntries(
    [...labelFile, ...all(p, 'label')].map((l) =>
      l.includes('=') ? [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] : [l, ''],
    ),
  );
  // daemon mergeAndVerifyConfig: an entrypoint reset to [""] with no CMD leaves nothing to run
  if (entrypoint && entrypoint.length === 0 && cmd.length === 0) return api('no command specified');
  // translateWorkingDir cleans it; createContainerOSSpecificSettings' SetupWorkingDirectory makes it
  // (mkdir -p) in the container's root, where the init layer's /etc/hosts and friends are files
  const workdir = last(p, 'workdir') ? resolvePath('/', last(p, 'workdir')!) : '';
  if (workdir && GENERATED.includes(workdir)) return api(`Cannot mkdir: ${last(p, 'workdir')} is not a directory`);
  const plat = platformChoice(world, daemonId, image, wanted?.ok ? wanted.value : null);
  if ('error' in plat) return { ok: false, error: plat.error, daemon: false, plain: true, pulled: plat.pulled };
  if (plat.warning) warnings.push(plat.warning);
  const opts = storedOpts(p, cwd);
  const fsMounts = mountTable(all(p, 'volume'), all(p, 'mount'), all(p, 'tmpfs'));
  const dnsFields = dnsFlagFields(p);
  if (!dnsFields.ok) return cli(dnsFields.error);
  let id = '';
  const next = produce(world, (d) => {
    id = randomId(d);
    const c: Container = {
      id,
      name: name ? name.replace(/^\//, '') : generateName(d),
      daemon: daemonId,
      image,
      cmd: [...(entrypoint ?? []), ...cmd],
      ...(entrypoint ? { entrypoint } : {}),
      ...(opts ? { opts } : {}),
      ...(isSet(p, 'read-only') ? { readOnlyRootfs: true as const } : {}),
      ...(fsMounts.length ? { mounts: fsMounts } : {}),
      env,
      // --network host and --uts host share the host's UTS namespace: its hostname
      hostname:
        last(p, 'hostname') ??
        (networkMode === 'host' || last(p, 'uts') === 'host' ? hostHostname(d, daemonId) : id.slice(0, 12)),
      state: 'created',
      exitCode: 0,
      created: dockerTime(d.clock),
      startedAt: 0,
      networkMode,
      endpoints,
      ports: networkMode === 'host' ? [] : ports,
      ...(expose.length ? { expose } : {}),
      ...(links.length ? { links } : {}),
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(workdir ? { workingDir: workdir } : {}),
      ...(last(p, 'user') ? { user: last(p, 'user') } : {}),
      ...dnsFields.value,
      // daemon validateEndpointSettings only parses it; the host/none endpoint has no interface
      ...(mac && (networkMode === 'host' || networkMode === 'none') ? { modeMacAddress: mac } : {}),
      ...(policy.value ? { restartPolicy: policy.value } : {}),
      publishAll,
      autoRemove: isSet(p, 'rm'),
      tty: isSet(p, 'tty'),
      interactive: isSet(p, 'interactive'),
      ...(isSet(p, 'detach') ? {} : { attached: true as const }),
      arp: [],
      seq: d.seq,
    };
    d.seq += 1;
    d.containers[id] = c;
    // The image is now in the store (run/create pull what is missing; see run.ts for why quietly).
    recordImage(d, c.daemon, image);
    recordPlatform(d, c.daemon, image, plat.platform);
    if (plat.platform) c.platform = plat.platform;
    then?.(d, id);
  });
  // the runtime makes each mount's target directory in the container; the CLI writes --cidfile (no newline)
  const dirs = [...fsMounts.map((m) => m.target), ...(workdir ? [workdir] : [])];
  let made = dirs.length ? withTree(next, id, (t) => mkdirs(t, dirs)) : next;
  if (cidfile) made = writeFile(made, daemonId, cidPath, id);
  return { ok: true, world: made, id, warnings, ...(plat.pulled.length ? { pulled: plat.pulled } : {}) };
}
