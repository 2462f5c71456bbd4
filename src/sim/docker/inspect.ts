import { isPrivileged } from '../caps';
import { dockerTime } from '../clock';
import { configEnv } from '../containerEnv';
import { driverOf, isNodeLocalSwarm } from '../drivers';
import { imageInfo } from '../images';
import { isUserDefinedName, prefixLen } from '../ipam';
import { prefixLen6 } from '../ipam6';
import {
  containersOn,
  endpointDnsNames,
  inNoneNetwork,
  linkedContainers,
  lookupContainer,
  lookupNetwork,
} from '../lookup';
import type { CommandResult, Container, Endpoint, IpamConfig, Network, World } from '../model';
import { isGatewayEndpoint } from '../swarm/taskContainer';
import { containerSizes } from './containerSize';
import { isSet, last, parseFlags } from './flags';
import { healthJson } from './healthState';
import { containerPaths, graphDriverJson, hostConfigJson, STOP_SIGNAL, securityLabels } from './inspectDefaults';
import { argsError, fail, flagError, goJson, ok } from './output';
import { exposedPorts, portFrontends } from './ports';
import { stateName } from './ps';
import { restartPolicyJson } from './restartPolicy';
import { configOverrides, hostOverrides } from './runOptsInspect';
import { bindsAndVolumes, mountPoints } from './runVolumes';
import { compileTemplate } from './template';

/** `docker inspect`, `docker container inspect`, `docker network inspect`: the API's JSON, 4-space indent. */

/** A stable 64-hex digest derived from a string (image ids, sandbox ids): no PRNG draw needed. */
export function digest(s: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${s}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** AppArmorProfile for --privileged ("unconfined") or --security-opt apparmor=X (daemon_unix.go setSecurityOptions). */
function appArmor(c: Container): { AppArmorProfile?: string } {
  const opt = c.opts?.['security-opt']?.findLast((o) => /^apparmor[=:]/.test(o));
  if (opt) return { AppArmorProfile: opt.slice('apparmor='.length) };
  return isPrivileged(c) ? { AppArmorProfile: 'unconfined' } : {};
}

/** The keys of `o` named in `keys` that it has. */
const pick = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));

/** Go's encoding/json writes a map's keys sorted; struct fields keep their order. */
function sortKeys<T>(m: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The endpoint a running host/none container has on that network (no address): a stable id. */
const sharedEndpointId = (c: Container, net: Network) => digest(`${c.id}/${net.id}/endpoint`);

function endpointJson(world: World, c: Container, ep: Endpoint | null, net: Network) {
  const live = c.state === 'running' && ep?.endpointId !== undefined;
  const live4 = live && ep?.ip !== undefined;
  return {
    // EndpointIPAMConfig's fields are omitempty
    IPAMConfig:
      ep?.ipamIp || ep?.ipamIp6 || ep?.linkLocalIps
        ? {
            ...(ep.ipamIp ? { IPv4Address: ep.ipamIp } : {}),
            ...(ep.ipamIp6 ? { IPv6Address: ep.ipamIp6 } : {}),
            ...(ep.linkLocalIps ? { LinkLocalIPs: ep.linkLocalIps } : {}),
          }
        : null,
    // --link on a user-defined network lands in that endpoint's settings (cli applyContainerOptions).
    Links: ep?.links?.length
      ? ep.links
      : ep && !net.predefined && ep.networkId === c.endpoints[0]?.networkId && c.links?.length
        ? c.links
        : null,
    Aliases: ep?.aliases.length ? ep.aliases : null,
    // ipvlan endpoints have no MAC of their own (ipvlan_endpoint.go sets none)
    // the configured MAC until the first start: start and stop both empty it (cleanOperationalData)
    MacAddress:
      live && !driverOf(net).sharesParentMac
        ? ep.mac!
        : c.state === 'created'
          ? ((ep ? ep.macAddress : c.modeMacAddress) ?? '')
          : '',
    DriverOpts: ep?.driverOpts ?? null,
    GwPriority: ep?.gwPriority ?? 0,
    NetworkID: net.id,
    EndpointID: live ? ep.endpointId! : !ep && c.state === 'running' ? sharedEndpointId(c, net) : '',
    Gateway: live4 ? net.ipam!.gateway : '',
    IPAddress: live4 ? ep.ip! : '',
    IPPrefixLen: live4 ? prefixLen(net) : 0,
    IPv6Gateway: live && ep?.ip6 ? net.ipam6!.gateway : '',
    GlobalIPv6Address: live && ep?.ip6 ? ep.ip6 : '',
    GlobalIPv6PrefixLen: live && ep?.ip6 ? prefixLen6(net) : 0,
    DNSNames: ep ? endpointDnsNames(world, c, ep) : null,
  };
}

function portsJson(world: World, c: Container): Record<string, { HostIp: string; HostPort: string }[] | null> {
  if (c.state !== 'running' || c.networkMode === 'host') return {};
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const e of exposedPorts(c)) out[e] = null;
  for (const { b, hostIp, hostPort } of portFrontends(world, c)) {
    const key = `${b.containerPort}/${b.proto}`;
    out[key] = [...(out[key] ?? []), { HostIp: hostIp, HostPort: hostPort }];
  }
  return out;
}

function hostConfigLinks(world: World, c: Container): string[] | null {
  if (!c.links?.length || isUserDefinedName(c.networkMode)) return null;
  const links = linkedContainers(world, c).map(({ child, alias }) => `/${child.name}:/${c.name}/${alias}`);
  return links.length ? links : null;
}

/**
 * Config.MacAddress (omitempty): daemon/inspect.go copies the main network's DesiredMacAddress
 * there for API < 1.44 clients, unconditionally, when the network mode is bridge or user-defined.
 */
function configMac(world: World, c: Container): { MacAddress?: string } {
  if (['host', 'none'].includes(c.networkMode) || c.networkMode.startsWith('container:')) return {};
  const main = c.endpoints.find((ep) => {
    const net = lookupNetwork(world, ep.networkId);
    return net.ok && (net.value.name === c.networkMode || net.value.id === c.networkMode);
  });
  return main?.macAddress ? { MacAddress: main.macAddress } : {};
}

/** The container object of `docker container inspect` (the fields people read, in the API's order). */
export function containerJson(world: World, c: Container) {
  const info = imageInfo(c.image);
  const running = c.state === 'running';
  const networks: Record<string, ReturnType<typeof endpointJson>> = {};
  for (const mode of ['host', 'none']) {
    if (mode === 'host' ? c.networkMode !== 'host' : !inNoneNetwork(c)) continue;
    const net = Object.values(world.networks).find((n) => n.predefined && n.name === mode);
    if (net) networks[net.name] = endpointJson(world, c, null, net);
  }
  for (const ep of c.endpoints) {
    const net = lookupNetwork(world, ep.networkId);
    // the daemon only knows the networks it attached; libnetwork's docker_gwbridge endpoint is not one
    if (net.ok && !isGatewayEndpoint(world, c, ep)) networks[net.value.name] = endpointJson(world, c, ep, net.value);
  }
  const legacy = networks.bridge ?? null;
  // --entrypoint: `cmd` starts with it, and the image's CMD is not inherited (daemon merge())
  const own = c.entrypoint;
  const main = own ? c.cmd.slice(own.length) : c.cmd.length ? c.cmd : info.defaultCmd;
  const entrypoint = own ?? info.entrypoint;
  const [path, ...args] = [...entrypoint, ...main];
  const config = configOverrides(c);
  const volumes = bindsAndVolumes(c);
  // The CLI sends -p's container ports as exposed too; the daemon adds the image's EXPOSE.
  const exposedKeys = [...new Set([...c.ports.map((b) => `${b.containerPort}/${b.proto}`), ...exposedPorts(c)])];
  const exposed = Object.fromEntries(exposedKeys.map((e) => [e, {}]));
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const b of c.ports) {
    const key = `${b.containerPort}/${b.proto}`;
    bindings[key] = [
      ...(bindings[key] ?? []),
      {
        // HostConfig is what the user asked for; NetworkSettings.Ports shows where it was bound
        HostIp: b.givenHostIp ?? b.hostIp,
        HostPort: b.hostPort === null ? '' : `${b.hostPort}${b.hostPortEnd ? `-${b.hostPortEnd}` : ''}`,
      },
    ];
  }
  const sandbox = digest(`sandbox:${c.id}:${c.startedAt}`);
  return {
    Id: c.id,
    Created: c.created,
    Path: path ?? '',
    Args: args,
    State: {
      Status: stateName(c),
      // SetRestarting: a restarting container is Running too (its process is not)
      Running: running || c.restartLoop !== undefined,
      Paused: c.paused === true,
      Restarting: c.restartLoop !== undefined,
      OOMKilled: false,
      Dead: false,
      Pid: running ? 1000 + c.seq * 37 : 0,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: running || c.finishedAt !== undefined ? dockerTime(c.startedAt) : ZERO_TIME,
      FinishedAt: c.finishedAt !== undefined ? dockerTime(c.finishedAt) : ZERO_TIME,
      ...(c.health ? { Health: healthJson(c) } : {}),
    },
    Image: `sha256:${digest(`image:${info.repo}`)}`,
    ...containerPaths(c),
    Name: `/${c.name}`,
    RestartCount: c.restartCount ?? 0,
    Driver: 'overlay2',
    Platform: 'linux',
    ...securityLabels(),
    ...appArmor(c),
    HostConfig: hostConfigJson(
      {
        NetworkMode: c.networkMode,
        PortBindings: sortKeys(bindings),
        RestartPolicy: restartPolicyJson(c),
        AutoRemove: c.autoRemove,
        // the CLI always sends these three as lists (opts.go GetAllOrEmpty); ExtraHosts stays null when empty
        Dns: c.dns ?? [],
        DnsOptions: c.dnsOptions ?? [],
        DnsSearch: c.dnsSearch ?? [],
        ExtraHosts: c.extraHosts ?? null,
        // daemon/inspect.go: the registered links as "/child:/parent/alias" (none on user-defined networks).
        Links: hostConfigLinks(world, c),
        PublishAllPorts: c.publishAll,
      },
      { Binds: volumes.Binds, ...hostOverrides(world, c) },
    ),
    GraphDriver: graphDriverJson(digest(`layer:${c.id}`), digest(`image-layer:${info.repo}`)),
    Mounts: mountPoints(c),
    Config: {
      Hostname: c.hostname,
      Domainname: c.domainname ?? '',
      User: c.user ?? '',
      // docker/cli run.go: with -d the CLI clears AttachStdin/Stdout/Stderr and StdinOnce
      AttachStdin: c.interactive && c.attached === true,
      AttachStdout: c.attached === true,
      AttachStderr: c.attached === true,
      ...pick(config, ['AttachStdin', 'AttachStdout', 'AttachStderr']),
      ...(exposedKeys.length ? { ExposedPorts: sortKeys(exposed) } : {}),
      Tty: c.tty,
      OpenStdin: c.interactive,
      StdinOnce: (config.StdinOnce as boolean | undefined) ?? (c.interactive && c.attached === true),
      // daemon merge(): the user's -e values first, then the image's ENV the user did not name.
      Env: configEnv(c),
      Cmd: own && main.length === 0 ? null : main,
      Healthcheck: config.Healthcheck,
      Image: c.image,
      Volumes: volumes.Volumes,
      WorkingDir: c.workingDir ?? '',
      Entrypoint: entrypoint.length ? entrypoint : null,
      ...configMac(world, c),
      OnBuild: null,
      Labels: sortKeys(c.labels ?? {}),
      StopSignal: config.StopSignal ?? STOP_SIGNAL[info.repo],
      StopTimeout: config.StopTimeout,
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: running ? sandbox : '',
      SandboxKey: running ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
      Ports: sortKeys(portsJson(world, c)),
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: legacy?.EndpointID ?? '',
      Gateway: legacy?.Gateway ?? '',
      GlobalIPv6Address: legacy?.GlobalIPv6Address ?? '',
      GlobalIPv6PrefixLen: legacy?.GlobalIPv6PrefixLen ?? 0,
      IPAddress: legacy?.IPAddress ?? '',
      IPPrefixLen: legacy?.IPPrefixLen ?? 0,
      IPv6Gateway: legacy?.IPv6Gateway ?? '',
      MacAddress: legacy?.MacAddress ?? '',
      Networks: sortKeys(networks),
    },
  };
}

/** A network `docker network create` made (not the daemon's own, nor Compose's). */
const cliMade = (n: Network) =>
  !n.predefined && !n.labels['com.docker.compose.network'] && !['docker_gwbridge', 'ingress'].includes(n.name);

/** One IPAM.Config entry; Gateway is none when the driver skipped it (ipvlan l3) and the user gave none: omitempty. */
const ipamJson = (c: IpamConfig) => ({
  Subnet: c.subnet,
  ...(c.ipRange ? { IPRange: c.ipRange } : {}),
  ...(c.gateway && !c.gatewayFromPool ? { Gateway: c.gateway } : {}),
  ...(c.aux ? { AuxiliaryAddresses: sortKeys(c.aux) } : {}),
});

/**
 * buildIPAMResources: the IPv4 config (allocated, or kept as given with IPv4 off), then the IPv6
 * one; a nil list (null) when there is none.
 */
function configsOf(n: Network) {
  const list = [n.ipam ?? n.ipam4Kept, n.ipam6].filter((c) => c !== null && c !== undefined).map(ipamJson);
  return list.length ? list : null;
}

/**
 * A swarm-scoped network of a node-local driver as a manager shows it before any task joins it:
 * the cluster's record through convert.BasicNetworkFromGRPC (moby v28.5.2
 * daemon/cluster/convert/network.go): the allocator's empty IPAM (Driver "", Config []), Driver
 * and nil Options from DriverState, labels as protobuf returns them (nil when none), no Containers.
 * The keys keep networkJson's order (a spread keeps a key where it first stood).
 */
const nodeLocalSwarmJson = (n: Network, json: ReturnType<typeof networkJson>) => ({
  ...json,
  EnableIPv4: true,
  IPAM: { Driver: '', Options: null, Config: [] },
  Containers: null,
  Options: null,
  Labels: Object.keys(n.labels).length ? sortKeys(n.labels) : null,
});

/** The network object of `docker network inspect` (fact 44). */
export function networkJson(world: World, n: Network) {
  const containers: Record<string, object> = {};
  for (const c of containersOn(world, n.id)) {
    const ep = c.endpoints.find((e) => e.networkId === n.id)!;
    containers[c.id] = {
      // default_gateway.go: "gateway_" + the sandbox id's first 12
      Name: isGatewayEndpoint(world, c, ep)
        ? `gateway_${digest(`sandbox:${c.id}:${c.startedAt}`).slice(0, 12)}`
        : c.name,
      EndpointID: ep.endpointId,
      MacAddress: driverOf(n).sharesParentMac ? '' : ep.mac,
      IPv4Address: ep.ip ? `${ep.ip}/${prefixLen(n)}` : '',
      IPv6Address: ep.ip6 ? `${ep.ip6}/${prefixLen6(n)}` : '',
    };
  }
  // host and none: running containers of that mode have an endpoint without addresses.
  if (n.predefined && driverOf(n).singleton) {
    for (const c of Object.values(world.containers)) {
      const member = n.driver === 'host' ? c.networkMode === 'host' : inNoneNetwork(c);
      if (c.state !== 'running' || !member) continue;
      containers[c.id] = {
        Name: c.name,
        EndpointID: sharedEndpointId(c, n),
        MacAddress: '',
        IPv4Address: '',
        IPv6Address: '',
      };
    }
  }
  return {
    Name: n.name,
    Id: n.id,
    Created: n.created,
    Scope: n.scope,
    Driver: n.driver,
    EnableIPv4: n.enableIPv4 !== false,
    EnableIPv6: n.enableIPv6 === true,
    IPAM: {
      Driver: 'default',
      // the CLI sends --ipam-opt's map, empty but not nil (network/create.go createIPAMConfig);
      // networks the daemon or Compose makes carry none
      Options: cliMade(n) ? { ...sortKeys(n.ipamOptions ?? {}) } : null,
      // buildIPAMResources: the IPv4 config, then the IPv6 one
      Config: configsOf(n),
    },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: n.ingress === true,
    ConfigFrom: { Network: n.configFrom ?? '' },
    ConfigOnly: n.configOnly === true,
    Containers: sortKeys(containers),
    Options: sortKeys(n.options),
    Labels: sortKeys(n.labels),
  };
}

const INSPECT_FLAGS = [
  { long: 'format', short: 'f', value: true },
  { long: 'size', short: 's' },
  { long: 'type', value: true },
  { long: 'verbose', short: 'v' },
];

/**
 * `docker inspect` (containers, then networks), `docker container inspect`, `docker network
 * inspect`: found objects as a JSON array, then one error line per missing name.
 */
const TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

export function dockerInspect(world: World, argv: string[], scope: 'any' | 'container' | 'network'): CommandResult {
  const cmdPath = scope === 'any' ? 'inspect' : `${scope} inspect`;
  const p = parseFlags(argv, INSPECT_FLAGS);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError(cmdPath, 'at least', 1), 1);
  // cli/command/system/inspect.go: --type narrows the search to one kind of object.
  const type = scope === 'any' ? (last(p.value, 'type') ?? '') : '';
  if (type !== '' && !TYPES.includes(type)) return fail(world, `"${type}" is not a valid value for --type`, 1);
  if (type !== '' && type !== 'container' && type !== 'network') {
    // The simulation has no images, volumes or swarm objects: nothing of that type is found.
    return fail(world, [goJson([]), ...p.value.args.map((r) => `Error: No such object: ${r}`)].join('\n'), 1);
  }
  const kind = type === '' ? scope : type;
  const found: object[] = [];
  const errs: string[] = [];
  for (const ref of p.value.args) {
    if (kind !== 'network') {
      const c = lookupContainer(world, ref);
      if (c.ok) {
        // -s: the daemon adds SizeRw and SizeRootFs after GraphDriver (ContainerJSONBase's order)
        found.push(
          isSet(p.value, 'size')
            ? withSizes(world, c.value, containerJson(world, c.value))
            : containerJson(world, c.value),
        );
        continue;
      }
      if (kind === 'container') {
        errs.push(`Error response from daemon: ${c.error}`);
        continue;
      }
    }
    const n = lookupNetwork(world, ref);
    if (n.ok)
      found.push(
        isNodeLocalSwarm(n.value)
          ? nodeLocalSwarmJson(n.value, networkJson(world, n.value))
          : networkJson(world, n.value),
      );
    else errs.push(kind === 'network' ? `Error response from daemon: ${n.error}` : `Error: No such object: ${ref}`);
  }
  const format = last(p.value, 'format');
  let body = goJson(found);
  if (format !== undefined && format !== '' && format !== 'json') {
    // cli/command/inspect/inspector.go: each object through the template, one line each; with
    // nothing found the template inspector's Flush still writes an empty line.
    const tmpl = compileTemplate(format);
    if (!tmpl.ok) return fail(world, `template parsing error: ${tmpl.error}`, 64);
    body = found
      .map((o) => `${tmpl.run(JSON.parse(JSON.stringify(o)))}\n`)
      .join('')
      .replace(/\n$/, '');
  }
  const out = [body, ...errs].join('\n');
  return errs.length ? fail(world, out, 1) : ok(world, out);
}

/** A container's inspect object with SizeRw and SizeRootFs after GraphDriver, as `inspect -s` returns it. */
function withSizes(world: World, c: Container, json: object): object {
  const s = containerSizes(world, c);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    out[k] = v;
    if (k === 'GraphDriver') Object.assign(out, { SizeRw: s.rw, SizeRootFs: s.rootFs });
  }
  return out;
}
