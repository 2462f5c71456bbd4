import { stringify } from 'yaml';
import { parsePublish } from '../docker/ports';
import type { Project } from './project';

/**
 * `docker compose config`: the normalised model as compose-go marshals it (go-yaml, 2-space
 * indent, struct field order, which for the keys simulated here is alphabetical), e.g.
 * `ports: - mode: ingress / target: 80 / published: "8080" / protocol: tcp` and
 * `networks: default: name: p_default`.
 */
export function composeConfig(p: Project): string {
  const services: Record<string, unknown> = {};
  for (const s of [...p.services].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const svc: Record<string, unknown> = {};
    if (s.command.length) svc.command = s.command;
    if (s.containerName) svc.container_name = s.containerName;
    if (s.dependsOn.length)
      svc.depends_on = Object.fromEntries(
        [...s.dependsOn].sort().map((d) => [d, { condition: 'service_started', required: true }]),
      );
    if (s.environment.length)
      svc.environment = Object.fromEntries(
        s.environment
          .map((e) => (e.includes('=') ? [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] : [e, null]))
          .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
      );
    if (s.expose.length) svc.expose = s.expose;
    if (s.hostname) svc.hostname = s.hostname;
    svc.image = s.image;
    if (Object.keys(s.labels).length) svc.labels = s.labels;
    if (s.networkMode) svc.network_mode = s.networkMode;
    if (s.networks.length) {
      svc.networks = Object.fromEntries(
        [...s.networks]
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map((n) => {
            const cfg: Record<string, unknown> = {};
            if (n.aliases.length) cfg.aliases = n.aliases;
            if (n.ipv4) cfg.ipv4_address = n.ipv4;
            if (n.ipv6) cfg.ipv6_address = n.ipv6;
            if (n.priority) cfg.priority = n.priority;
            return [n.key, Object.keys(cfg).length ? cfg : null];
          }),
      );
    }
    if (s.ports.length) {
      svc.ports = s.ports.flatMap((spec): unknown[] => {
        const r = parsePublish(spec);
        if (!r.ok) return [spec];
        return r.value.map((b) => ({
          mode: 'ingress',
          ...(b.hostIp ? { host_ip: b.hostIp } : {}),
          target: b.containerPort,
          ...(b.hostPort !== null
            ? { published: b.hostPortEnd ? `${b.hostPort}-${b.hostPortEnd}` : String(b.hostPort) }
            : {}),
          protocol: b.proto,
        }));
      });
    }
    if (s.stdinOpen) svc.stdin_open = true;
    if (s.tty) svc.tty = true;
    services[s.name] = svc;
  }
  const networks: Record<string, unknown> = {};
  for (const key of Object.keys(p.networks).sort()) {
    const n = p.networks[key];
    const cfg: Record<string, unknown> = { name: n.name };
    if (n.driver) cfg.driver = n.driver;
    if (Object.keys(n.driverOpts).length) cfg.driver_opts = n.driverOpts;
    if (n.ipam.length)
      cfg.ipam = {
        config: n.ipam.map((x) => ({
          ...(x.subnet ? { subnet: x.subnet } : {}),
          ...(x.ipRange ? { ip_range: x.ipRange } : {}),
          ...(x.gateway ? { gateway: x.gateway } : {}),
        })),
      };
    if (n.external) cfg.external = true;
    if (n.internal) cfg.internal = true;
    if (n.attachable) cfg.attachable = true;
    if (Object.keys(n.labels).length) cfg.labels = n.labels;
    // compose-go NetworkConfig: enable_ipv4, then enable_ipv6, after labels
    if (n.enableIPv4 !== undefined) cfg.enable_ipv4 = n.enableIPv4;
    if (n.enableIPv6 !== undefined) cfg.enable_ipv6 = n.enableIPv6;
    networks[key] = cfg;
  }
  const doc: Record<string, unknown> = { name: p.name, services };
  if (Object.keys(networks).length) doc.networks = networks;
  return stringify(doc, { indent: 2, indentSeq: true, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }).replace(
    /\n$/,
    '',
  );
}
