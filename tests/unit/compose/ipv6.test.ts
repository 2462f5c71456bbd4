import { describe, expect, it } from 'vitest';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import { steps, write } from './helpers';

describe('compose: enable_ipv6, an IPv6 ipam pool and ipv6_address', () => {
  const { r, session } = steps([
    'mkdir lab && cd lab',
    write(
      'compose.yaml',
      `services:
  web:
    image: nginx
    networks:
      app:
        ipv6_address: fd00:5::10
  cli:
    image: nicolaka/netshoot
    command: sleep infinity
    networks: [app]
networks:
  app:
    enable_ipv6: true
    ipam:
      config:
        - subnet: 10.5.0.0/24
        - subnet: fd00:5::/64
`,
    ),
    'docker compose up -d',
    'docker compose config',
  ]);
  const w = session.world;

  it('creates the network with both pools and IPv6 on, and the fixed IPv6 address', () => {
    expect(r[2].exitCode).toBe(0);
    const n = findNetwork(w, 'lab_app')!;
    expect([n.enableIPv6, n.ipam?.subnet, n.ipam6?.subnet, n.ipam6?.gateway]).toEqual([
      true,
      '10.5.0.0/24',
      'fd00:5::/64',
      'fd00:5::1',
    ]);
    const ip6 = (name: string) => findContainer(w, name)?.endpoints[0].ip6;
    expect(ip6('lab-web-1')).toBe('fd00:5::10');
    expect(ip6('lab-cli-1')).toMatch(/^fd00:5::[0-9a-f]+$/);
  });

  it('compose config prints enable_ipv6 after the other keys and ipv6_address', () => {
    expect(r[3].output).toContain('ipv6_address: fd00:5::10');
    expect(r[3].output).toContain('        - subnet: fd00:5::/64\n    enable_ipv6: true');
  });

  it('a file without enable_ipv6 still makes an IPv4-only network', () => {
    const plain = steps([
      'mkdir p && cd p',
      write('compose.yaml', 'services:\n  web:\n    image: nginx\n'),
      'docker compose up -d',
    ]).session.world;
    expect(findNetwork(plain, 'p_default')?.enableIPv6).toBeUndefined();
  });
});
