import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * Published ports behind a gateway_mode_ipv4=routed network, as Docker 28 reports them. NAT is off:
 * port_mapping_linux.go configurePortBindingIPv4 binds on 0.0.0.0 ("Using address 0.0.0.0 because
 * NAT is disabled") and addPortMappings drops the host port ("Host port ignored"); the daemon lists
 * HostPort "" (daemon/network.go getEndpointPortMapInfo), the list API turns it into public port 0
 * (container/view.go), docker ps prints 0.0.0.0:0->80/tcp (docker/cli formatter DisplayablePorts)
 * and docker port 0.0.0.0: (net.JoinHostPort of an empty port, cli/command/container/port.go).
 * The container's IPv4-only endpoint gets no :: binding. HostConfig.PortBindings keeps what -p said.
 */
const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results.map((r) => r.output);
const routed = 'docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed rn';

describe('gateway_mode_ipv4=routed: published ports without host ports', () => {
  const out = play([
    routed,
    'docker run -d --name web --network rn -p 8080:80 -p 127.0.0.1:9090:90/udp nginx',
    'docker ps --format "{{.Ports}}"',
    'docker port web',
    'docker port web 80',
    'docker inspect -f "{{json .NetworkSettings.Ports}}" web',
    'docker inspect -f "{{json .HostConfig.PortBindings}}" web',
  ]);

  it('docker ps: 0.0.0.0:0->PORT/PROTO for each, no [::] one', () => {
    expect(out[2]).toBe('0.0.0.0:0->80/tcp, 0.0.0.0:0->90/udp');
  });

  it('docker port: 0.0.0.0: (no port), for all and for one', () => {
    expect(out[3]).toBe('80/tcp -> 0.0.0.0:\n90/udp -> 0.0.0.0:');
    expect(out[4]).toBe('0.0.0.0:');
  });

  it('NetworkSettings.Ports: HostIp 0.0.0.0 (the given 127.0.0.1 too), HostPort ""; HostConfig keeps -p', () => {
    expect(JSON.parse(out[5])).toEqual({
      '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '' }],
      '90/udp': [{ HostIp: '0.0.0.0', HostPort: '' }],
    });
    expect(JSON.parse(out[6])).toEqual({
      '80/tcp': [{ HostIp: '', HostPort: '8080' }],
      '90/udp': [{ HostIp: '127.0.0.1', HostPort: '9090' }],
    });
  });

  it('-P: each exposed port the same way; a NAT network beside it still gets host ports', () => {
    const r = play([
      routed,
      'docker run -d --name aa --network rn -P nginx',
      'docker run -d --name bb -p 8080:80 nginx',
      'docker ps --format "{{.Names}} {{.Ports}}"',
    ]);
    expect(r[3].split('\n')).toEqual(['bb 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp', 'aa 0.0.0.0:0->80/tcp']);
  });

  it('a stopped container lists none', () => {
    const r = play([
      routed,
      'docker run -d --name web --network rn -p 8080:80 nginx',
      'docker stop web',
      'docker port web',
    ]);
    expect(r[3]).toBe('');
  });
});
