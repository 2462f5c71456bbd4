/**
 * Pasted or dropped `docker network inspect` / `docker inspect` output -> a World, through the
 * engine's importer (src/sim/import). Never throws; a bad input changes nothing and its refusal
 * names the field (`[2].NetworkSettings.Networks.web.IPAddress`) and the reason.
 */
import type {
  ImportContainer,
  ImportNetwork,
  ImportNote,
  ImportRefusal,
  ImportResult,
  ImportSpec,
} from '../sim/import/types';
import type { World } from '../sim/model';
import {
  type ContainerInspect,
  containerInspectSchema,
  inspectKind,
  type NetworkInspect,
  networkInspectSchema,
} from './inspectSchema';
import { worldProblem } from './worldSchema';
import { zodRefusal } from './zodRefusal';

/** What one import may hold: the text, and the objects in it. Larger pastes are refused. */
export const MAX_IMPORT_CHARS = 5_000_000;
export const MAX_IMPORT_ITEMS = 2000;

export interface ImportInput {
  /** a file's name, or "" for pasted text */
  label: string;
  text: string;
}

type Parsed = { ok: true; spec: ImportSpec } | { ok: false; refusal: ImportRefusal };

const no = (at: string, code: string, params: Record<string, string> = {}): Parsed => ({
  ok: false,
  refusal: { at, code, params },
});

/**
 * The JSON values in `text`: one `[...]`, or several printed one after another (both commands'
 * output pasted together). Splits at the top level only, outside strings.
 */
export function jsonValues(text: string): unknown[] | null {
  const t = text.trim();
  if (!t) return [];
  try {
    return [JSON.parse(t)];
  } catch {
    // several values, or not JSON at all
  }
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inStr = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (inStr) {
      if (ch === '\\') i++;
      else if (ch === '"') inStr = false;
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === '[' || ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === ']' || ch === '}') {
      depth--;
      if (depth < 0) return null;
      if (depth === 0) {
        try {
          out.push(JSON.parse(t.slice(start, i + 1)));
        } catch {
          return null;
        }
      }
    } else if (depth === 0 && !/\s/.test(ch)) return null;
  }
  return depth === 0 ? out : null;
}

function toNetwork(n: NetworkInspect, at: string): ImportNetwork {
  const cfg = n.IPAM?.Config ?? [];
  const v4 = cfg
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !c.Subnet.includes(':'))
    .map(({ c, i }) => ({
      subnet: c.Subnet,
      // some daemons printed the gateway with its prefix ("172.18.0.1/16")
      ...(c.Gateway ? { gateway: c.Gateway.split('/')[0] } : {}),
      ...(c.IPRange ? { ipRange: c.IPRange } : {}),
      at: `${at}.IPAM.Config[${i}]`,
    }));
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    internal: n.Internal,
    attachable: n.Attachable,
    ingress: n.Ingress,
    labels: n.Labels,
    options: n.Options,
    subnets: v4,
    ipv6: cfg
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.Subnet.includes(':'))
      .map(({ c, i }) => ({
        subnet: c.Subnet,
        ...(c.Gateway ? { gateway: c.Gateway.split('/')[0] } : {}),
        at: `${at}.IPAM.Config[${i}]`,
      })),
    ...(n.EnableIPv4 === false ? { enableIPv4: false as const } : {}),
    enableIPv6: n.EnableIPv6,
    peers: Object.entries(n.Containers ?? {}).map(([key, p]) => ({
      key,
      name: p.Name,
      endpointId: p.EndpointID,
      mac: p.MacAddress,
      ipv4: p.IPv4Address,
      at: `${at}.Containers.${key}`,
    })),
    at,
  };
}

function toContainer(c: ContainerInspect, at: string): ImportContainer {
  const bound = c.NetworkSettings.Ports ?? {};
  const ports = Object.entries(c.HostConfig.PortBindings ?? {}).flatMap(([key, list]) => {
    const [port, proto = 'tcp'] = key.split('/');
    const live = (bound[key] ?? []).find((b) => !b.HostIp.includes(':'));
    return (list ?? []).map((b, i) => ({
      hostIp: b.HostIp,
      hostPort: b.HostPort,
      containerPort: Number(port),
      proto,
      ...(live && /^\d+$/.test(live.HostPort) ? { bound: Number(live.HostPort) } : {}),
      at: `${at}.HostConfig.PortBindings.${key}[${i}]`,
    }));
  });
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    image: c.Config.Image,
    status: c.State.Status,
    exitCode: c.State.ExitCode,
    ...(c.Config.Hostname ? { hostname: c.Config.Hostname } : {}),
    cmd: c.Config.Cmd ?? [],
    labels: c.Config.Labels,
    networkMode: c.HostConfig.NetworkMode,
    autoRemove: c.HostConfig.AutoRemove,
    links: c.HostConfig.Links ?? [],
    ports,
    endpoints: Object.entries(c.NetworkSettings.Networks ?? {}).map(([name, e]) => ({
      network: name,
      networkId: e.NetworkID,
      aliases: e.Aliases ?? [],
      ...(e.IPAMConfig?.IPv4Address ? { ipamIp: e.IPAMConfig.IPv4Address } : {}),
      ...(e.IPAMConfig?.IPv6Address ? { ipamIp6: e.IPAMConfig.IPv6Address } : {}),
      ...(e.GlobalIPv6Address ? { ip6: e.GlobalIPv6Address } : {}),
      ...(e.IPAddress ? { ip: e.IPAddress, prefix: e.IPPrefixLen } : {}),
      ...(e.Gateway ? { gateway: e.Gateway } : {}),
      ...(e.MacAddress ? { mac: e.MacAddress } : {}),
      ...(e.EndpointID ? { endpointId: e.EndpointID } : {}),
      at: `${at}.NetworkSettings.Networks.${name}`,
    })),
    created: c.Created,
    hadEnv: (c.Config.Env ?? []).length > 0,
    at,
  };
}

/** Reads every input into one spec: networks and containers, whichever output each array holds. */
export function parseInspect(inputs: ImportInput[]): Parsed {
  const size = inputs.reduce((n, i) => n + i.text.length, 0);
  if (size > MAX_IMPORT_CHARS) return no('', 'tooBig', { size: String(size), max: String(MAX_IMPORT_CHARS) });
  const spec: ImportSpec = { networks: [], containers: [] };
  for (const [k, input] of inputs.entries()) {
    const label = input.label || (inputs.length > 1 ? `#${k + 1}` : '');
    const pre = label ? `${label} ` : '';
    const values = jsonValues(input.text);
    if (values === null) return no(label, 'notJson');
    for (const [v, value] of values.entries()) {
      const items = Array.isArray(value) ? value : [value];
      const base = values.length > 1 ? `${pre}(${v + 1}) ` : pre;
      for (const [i, item] of items.entries()) {
        const at = `${base}[${i}]`;
        const kind = inspectKind(item);
        if (kind === 'network') {
          const r = networkInspectSchema.safeParse(item);
          if (!r.success) return { ok: false, refusal: zodRefusal(at, r.error) };
          spec.networks.push(toNetwork(r.data, at));
        } else if (kind === 'container') {
          const r = containerInspectSchema.safeParse(item);
          if (!r.success) return { ok: false, refusal: zodRefusal(at, r.error) };
          spec.containers.push(toContainer(r.data, at));
        } else return no(at, 'notInspect');
      }
    }
  }
  if (spec.networks.length + spec.containers.length > MAX_IMPORT_ITEMS)
    return no('', 'tooMany', { max: String(MAX_IMPORT_ITEMS) });
  return { ok: true, spec };
}

export type InspectImport = ImportResult<World>;

/**
 * The whole import: parse, build the World through the engine (loaded by the caller and passed
 * in, so this module stays light), then the same structural check every save passes.
 */
export function importInspect(
  inputs: ImportInput[],
  base: World,
  importMachine: (w: World, s: ImportSpec) => ImportResult<World>,
): InspectImport {
  const parsed = parseInspect(inputs);
  if (!parsed.ok) return parsed;
  const res = importMachine(base, parsed.spec);
  if (!res.ok) return res;
  const problem = worldProblem(res.world);
  if (problem) return { ok: false, refusal: { at: '', code: 'internal', params: { error: problem } } };
  return res;
}

export type { ImportNote, ImportRefusal };
