import { parsesAsIp } from '../ipam';
import type { Container } from '../model';
import { all, type FlagSpec, last, type Parsed } from './flags';

/**
 * `docker run|create --dns --dns-search --dns-option --add-host --domainname`, validated as the
 * CLI's opts do (docker/cli v28.5.2 opts/opts.go ValidateIPAddress, ValidateDNSSearch,
 * opts/hosts.go ValidateExtraHost) with pflag's `invalid argument` wrapper.
 */

export const DNS_FLAGS: FlagSpec[] = [
  { long: 'dns', value: true },
  { long: 'dns-search', value: true },
  { long: 'dns-option', value: true },
  { long: 'dns-opt', value: true, alias: 'dns-option' },
  { long: 'add-host', value: true },
  { long: 'domainname', value: true },
];

// opts.go domainRegexp, as written there (its `(:?` groups included)
const DOMAIN_RE =
  /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?\s*$/;

export function dnsSearch(val: string): { value: string } | { error: string } {
  const v = val.replace(/^ +| +$/g, '');
  if (v === '.') return { value: v };
  const m = /[a-zA-Z]/.test(v) ? DOMAIN_RE.exec(v) : null;
  if (m && m[1].length < 255) return { value: m[1] };
  return { error: `${v} is not a valid domain` };
}

export function extraHost(val: string): { value: string } | { error: string } {
  let cut = val.indexOf('=');
  if (cut < 0) cut = val.indexOf(':');
  const k = cut < 0 ? '' : val.slice(0, cut);
  let v = cut < 0 ? '' : val.slice(cut + 1);
  if (cut < 0 || k === '' || k.includes(':')) return { error: `bad format for add-host: "${val}"` };
  if (v !== 'host-gateway') {
    if (v.length > 2 && v.startsWith('[') && v.endsWith(']')) v = v.slice(1, -1);
    if (!parsesAsIp(v.trim())) return { error: `invalid IP address in add-host: "${v}"` };
  }
  // the daemon takes neither '=' nor brackets: "name:address"
  return { value: `${k}:${v}` };
}

type Fields = Pick<Container, 'dns' | 'dnsSearch' | 'dnsOptions' | 'extraHosts' | 'domainname'>;

/** The container fields these flags set, or pflag's error for the first bad value. */
export function dnsFlagFields(p: Parsed): { ok: true; value: Fields } | { ok: false; error: string } {
  const bad = (flag: string, val: string, why: string) => ({
    ok: false as const,
    error: `invalid argument "${val}" for "--${flag}" flag: ${why}`,
  });
  const dns: string[] = [];
  for (const v of all(p, 'dns')) {
    if (!parsesAsIp(v.trim())) return bad('dns', v, `IP address is not correctly formatted: ${v}`);
    dns.push(v.trim());
  }
  const search: string[] = [];
  for (const v of all(p, 'dns-search')) {
    const r = dnsSearch(v);
    if ('error' in r) return bad('dns-search', v, r.error);
    search.push(r.value);
  }
  const hosts: string[] = [];
  for (const v of all(p, 'add-host')) {
    const r = extraHost(v);
    if ('error' in r) return bad('add-host', v, r.error);
    hosts.push(r.value);
  }
  const options = all(p, 'dns-option');
  const domainname = last(p, 'domainname');
  return {
    ok: true,
    value: {
      ...(dns.length ? { dns } : {}),
      ...(search.length ? { dnsSearch: search } : {}),
      ...(options.length ? { dnsOptions: options } : {}),
      ...(hosts.length ? { extraHosts: hosts } : {}),
      ...(domainname ? { domainname } : {}),
    },
  };
}
