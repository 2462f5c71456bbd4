import { driverOf } from '../drivers';
import { extraHostRecords, hostsNames } from '../lookup';
import type { CommandResult, Container, World } from '../model';
import { buildResolvConf, renderResolvConf } from '../net/resolvconf';
import { namespaceOwner } from '../stack';
import type { Where } from '../where';

/**
 * The files people `cat` to understand container networking: /etc/resolv.conf as Docker writes
 * it (moby libnetwork/internal/resolvconf), /etc/hosts (libnetwork/etchosts), /etc/hostname.
 */

function machineResolvConf(world: World, machineId: string): string {
  const m = world.machines[machineId];
  return (m?.nameservers ?? []).map((ns) => `nameserver ${ns}`).join('\n');
}

/** /etc/resolv.conf as a process at `where` reads it. */
export function resolvConf(world: World, where: Where): string {
  const owner = where.kind === 'machine' ? where : namespaceOwner(world, where.id, true);
  if (owner.kind === 'machine') return machineResolvConf(world, owner.id);
  const c = world.containers[owner.id];
  if (!c) return '';
  return renderResolvConf(buildResolvConf(world, c, hasEmbeddedResolver(world, c)));
}

/** Docker gives a container the embedded resolver when one of its networks is user-defined (fact 26). */
export function hasEmbeddedResolver(world: World, c: Container): boolean {
  return c.endpoints.some((ep) => {
    const n = world.networks[ep.networkId];
    return n && driverOf(n).embeddedDns(n);
  });
}

// libnetwork/etchosts defaultContentIPv4 + defaultContentIPv6, printed by netip ("fe00::")
const DOCKER_HOSTS = [
  '127.0.0.1\tlocalhost',
  '::1\tlocalhost ip6-localhost ip6-loopback',
  'fe00::\tip6-localnet',
  'ff00::\tip6-mcastprefix',
  'ff02::1\tip6-allnodes',
  'ff02::2\tip6-allrouters',
];

/** /etc/hosts as a process at `where` reads it. */
export function etcHosts(world: World, where: Where): string {
  const owner = where.kind === 'machine' ? where : namespaceOwner(world, where.id, true);
  if (owner.kind === 'machine') {
    const m = world.machines[owner.id];
    return [
      '127.0.0.1\tlocalhost',
      `127.0.1.1\t${m?.hostname ?? owner.id}`,
      '',
      '# The following lines are desirable for IPv6 capable hosts',
      '::1     localhost ip6-localhost ip6-loopback',
      'ff02::1 ip6-allnodes',
      'ff02::2 ip6-allrouters',
    ].join('\n');
  }
  const c = world.containers[owner.id];
  const first = c?.endpoints.find((ep) => ep.ip || ep.ip6);
  const ip = first?.ip;
  const lines = [...DOCKER_HOSTS];
  // etchosts.Build writes --add-host and --link records after the defaults; the own line comes last,
  // "FQDN hostname" when the name has a domain (sandbox_dns_unix.go makeHostsRecs)
  if (c) for (const r of extraHostRecords(world, c)) lines.push(`${r.ip}\t${r.names.join(' ')}`);
  // makeHostsRecs: one record for each of the interface's addresses, IPv4 then IPv6
  if (c && ip) lines.push(`${ip}\t${hostsNames(c).join(' ')}`);
  if (c && first?.ip6) lines.push(`${first.ip6}\t${hostsNames(c).join(' ')}`);
  return lines.join('\n');
}

/** `cat FILE…` for the networking files; anything else does not exist in our machines. */
export function catCommand(world: World, argv: string[], where: Where): CommandResult {
  const files = argv.slice(1);
  if (files.length === 0) return { world, output: '', exitCode: 0 };
  const out: string[] = [];
  let exitCode = 0;
  for (const f of files) {
    const hostname = () => {
      const owner = where.kind === 'machine' ? where : namespaceOwner(world, where.id, true);
      return owner.kind === 'machine'
        ? (world.machines[owner.id]?.hostname ?? owner.id)
        : (world.containers[owner.id]?.hostname ?? '');
    };
    if (f === '/etc/resolv.conf') out.push(resolvConf(world, where));
    else if (f === '/etc/hosts') out.push(etcHosts(world, where));
    else if (f === '/etc/hostname') out.push(hostname());
    else {
      out.push(`cat: ${f}: No such file or directory`);
      exitCode = 1;
    }
  }
  return { world, output: out.join('\n'), exitCode };
}
