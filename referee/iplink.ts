/** Reads what the engine prints with `ip addr` / `ip route` and `iptables -S` into what the kernel side builds. */

export interface Link {
  index: number;
  name: string;
  /** the veth peer's ifindex (`eth0@if7`) */
  peer?: number;
  mtu: number;
  master?: string;
  /** "a.b.c.d/p" */
  addrs: string[];
}

/** The interfaces of one `ip addr` listing. */
export function parseIpAddr(text: string): Link[] {
  const links: Link[] = [];
  for (const line of text.split('\n')) {
    const head = /^(\d+): ([^:@\s]+)(?:@if(\d+))?: <[^>]*> mtu (\d+)(.*)$/.exec(line);
    if (head) {
      const master = / master (\S+)/.exec(head[5]);
      links.push({
        index: Number(head[1]),
        name: head[2],
        peer: head[3] ? Number(head[3]) : undefined,
        mtu: Number(head[4]),
        master: master?.[1],
        addrs: [],
      });
      continue;
    }
    const inet = /^\s+inet (\S+)/.exec(line);
    if (inet && links.length) links[links.length - 1].addrs.push(inet[1]);
  }
  return links;
}

/** Routes `ip` would not add by itself with the addresses: those through a gateway. */
export function gatewayRoutes(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => / via /.test(l))
    .map((l) => l.replace(/ linkdown$/, ''));
}

/** `iptables -S` of each table as one iptables-restore input. */
export function restoreInput(tables: Record<string, string>): string {
  const out: string[] = [];
  for (const [table, text] of Object.entries(tables)) {
    out.push(`*${table}`);
    const rules: string[] = [];
    for (const line of text.split('\n').map((l) => l.trim())) {
      const policy = /^-P (\S+) (\S+)$/.exec(line);
      const chain = /^-N (\S+)$/.exec(line);
      if (policy) out.push(`:${policy[1]} ${policy[2]} [0:0]`);
      else if (chain) out.push(`:${chain[1]} - [0:0]`);
      else if (line.startsWith('-A ')) rules.push(line);
    }
    out.push(...rules, 'COMMIT');
  }
  return `${out.join('\n')}\n`;
}
