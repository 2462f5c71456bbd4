import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const macOf = (mode: string, name: string) =>
  `docker inspect -f '{{.NetworkSettings.Networks.${mode}.MacAddress}}' ${name}`;

// docker/cli v28.5.2 opts.go applyContainerOptions puts --mac-address into the first network's
// EndpointsConfig whatever the mode (host, none, container:X), and client/container_create.go
// clears the container-wide Config.MacAddress for API >= 1.44. So the v28.5.2 daemon never sees the
// old field and never answers "conflicting options: mac-address and the network mode" (that check
// lives only in handleMACAddressBC's API < 1.44 branch, api/server/router/container/container_routes.go).
// validateEndpointSettings only parses the MAC; updateContainerNetworkSettings skips container:X
// modes (Networks stays {}); the host/none endpoint has no interface, so the value is what inspect
// shows until the first start, whose cleanOperationalData empties it (as releaseNetwork does at stop).
describe('--mac-address with --network host, none and container:X (v28.5.2)', () => {
  it('is accepted with no warning, and takes no interface', () => {
    const r = play([
      'docker run -d --name h1 --network host --mac-address 92:d0:c6:0a:29:33 nicolaka/netshoot sleep infinity',
      'docker run -d --name n1 --network none --mac-address 92:d0:c6:0a:29:34 nicolaka/netshoot sleep infinity',
      'docker run -d --name c1 --network container:n1 --mac-address 92:d0:c6:0a:29:35 nicolaka/netshoot sleep infinity',
      'docker ps --format "{{.Names}} {{.State}}"',
      'docker exec n1 ip link',
      "docker inspect -f '{{json .NetworkSettings.Networks}}' c1",
      macOf('host', 'h1'),
      macOf('none', 'n1'),
    ]);
    for (const i of [0, 1, 2]) {
      expect(r[i].exitCode).toBe(0);
      expect(r[i].output).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(r[3].output.split('\n').sort()).toEqual(['c1 running', 'h1 running', 'n1 running']);
    expect(r[4].output).not.toContain('92:d0:c6');
    expect(r[5].output).toBe('{}');
    expect(r[6].output).toBe('');
    expect(r[7].output).toBe('');
  });

  it('shows in the mode’s EndpointSettings while created, and is gone after a start and stop', () => {
    const r = play([
      'docker create --name h2 --network host --mac-address 92:d0:c6:0a:29:33 nginx',
      'docker create --name n2 --network none --mac-address 92:d0:c6:0a:29:34 nginx',
      macOf('host', 'h2'),
      macOf('none', 'n2'),
      "docker inspect -f '{{.Config.MacAddress}}' h2",
      'docker start n2',
      'docker stop n2',
      macOf('none', 'n2'),
    ]);
    expect(r[2].output).toBe('92:d0:c6:0a:29:33');
    expect(r[3].output).toBe('92:d0:c6:0a:29:34');
    // daemon/inspect.go copies DesiredMacAddress to Config only for bridge and user-defined modes
    expect(r[4].output).toBe('<no value>');
    expect(r[7].output).toBe('');
  });
});

// daemon/inspect.go (v28.5.2): for bridge and user-defined modes, Config.MacAddress (omitempty)
// takes the main network's DesiredMacAddress as written, on every inspect; the endpoint's own
// MacAddress is emptied by releaseNetwork when the container stops.
describe('--mac-address on a bridge network in inspect', () => {
  it('Config.MacAddress keeps the configured value; the endpoint’s is empty once stopped', () => {
    const r = play([
      'docker network create appnet',
      'docker create --name web --network appnet --mac-address 02:AA:bb:cc:dd:01 nicolaka/netshoot sleep infinity',
      "docker inspect -f '{{.NetworkSettings.Networks.appnet.MacAddress}}|{{.Config.MacAddress}}' web",
      'docker start web',
      "docker inspect -f '{{.NetworkSettings.Networks.appnet.MacAddress}}|{{.Config.MacAddress}}' web",
      'docker stop web',
      "docker inspect -f '{{.NetworkSettings.Networks.appnet.MacAddress}}|{{.Config.MacAddress}}' web",
      'docker run -d --name plain --network appnet nicolaka/netshoot sleep infinity',
      "docker inspect -f '{{.Config.MacAddress}}' plain",
    ]);
    expect(r[2].output).toBe('02:AA:bb:cc:dd:01|02:AA:bb:cc:dd:01');
    expect(r[4].output).toBe('02:aa:bb:cc:dd:01|02:AA:bb:cc:dd:01');
    expect(r[6].output).toBe('|02:AA:bb:cc:dd:01');
    expect(r[8].output).toBe('<no value>');
  });
});
