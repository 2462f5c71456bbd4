import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * `docker network connect --link-local-ip` (docker/cli v28.5.2 network/connect.go, a StringSlice
 * into IPAMConfig.LinkLocalIPs): the daemon validates each (api/types/network/endpoint.go
 * EndpointIPAMConfig.Validate: net.ParseIP, not unspecified), libnetwork adds it to the interface
 * as IP/16 (endpoint.go CreateOptionIpam linkLocalMask; osl setInterfaceLinkLocalIPs), so the
 * kernel adds its /16 route; inspect shows it under IPAMConfig (its fields omitempty).
 */
const play = (lines: string[]) => {
  const r = runScript(createDefaultWorld(), lines.join('\n'));
  return { out: r.results.map((x) => x.output), codes: r.results.map((x) => x.exitCode) };
};
const base = [
  'docker network create --subnet 10.2.0.0/24 n1',
  'docker run -d --name web nicolaka/netshoot sleep infinity',
];

describe('network connect --link-local-ip', () => {
  const { out, codes } = play([
    ...base,
    'docker network connect --link-local-ip 169.254.10.5 n1 web',
    'docker exec web ip -4 addr show eth1',
    'docker exec web ip route',
    'docker inspect -f "{{json .NetworkSettings.Networks.n1.IPAMConfig}}" web',
  ]);

  it('the address is on eth1 as /16 beside the network’s, with its kernel route', () => {
    expect(codes[2]).toBe(0);
    expect(out[3]).toContain('    inet 10.2.0.2/24 brd 10.2.0.255 scope global eth1\n');
    expect(out[3]).toContain('    inet 169.254.10.5/16 brd 169.254.255.255 scope global eth1\n');
    expect(out[4]).toContain('169.254.0.0/16 dev eth1 proto kernel scope link src 169.254.10.5 ');
  });

  it('inspect: IPAMConfig {"LinkLocalIPs":[…]}', () => {
    expect(JSON.parse(out[5])).toEqual({ LinkLocalIPs: ['169.254.10.5'] });
  });

  it('a value that is no IP: the daemon’s words, nothing connected', () => {
    const r = play([
      ...base,
      'docker network connect --link-local-ip nope n1 web',
      'docker inspect -f "{{len .NetworkSettings.Networks}}" web',
    ]);
    expect(r.out[2]).toBe(
      'Error response from daemon: invalid endpoint settings:\ninvalid link-local IP address: nope',
    );
    expect(r.codes[2]).toBe(1);
    expect(r.out[3]).toBe('1');
  });
});
