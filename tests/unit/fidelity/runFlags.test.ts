import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const usage = (verb: string) => `\n\nRun 'docker ${verb} --help' for more information`;
const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;

// docker/cli v28.5.2 cli/command/container/opts.go parse (net.ParseMAC) and applyContainerOptions
// (the first network's EndpointSettings.MacAddress); moby v28.5.2 client/container_create.go clears
// the deprecated Config.MacAddress for API >= 1.44, so inspect's Config has none.
describe('docker run / create --mac-address', () => {
  it('refuses what net.ParseMAC refuses, and creates nothing', () => {
    for (const bad of ['02:42:ac:11:00', 'zz:42:ac:11:00:02', '02:42-ac:11:00:02', '0242.ac11.000']) {
      for (const [verb, name] of [
        ['run -d', 'run'],
        ['create', 'create'],
      ]) {
        const r = runScript(createDefaultWorld(), `docker ${verb} --mac-address ${bad} nginx`);
        expect(r.results[0].output).toBe(`docker: ${bad} is not a valid mac address${usage(name)}`);
        expect(r.results[0].exitCode).toBe(125);
        expect(Object.keys(r.session.world.containers)).toHaveLength(0);
      }
    }
  });

  it('is the endpoint’s MAC on the first network: ip link, the peer’s ARP entry, inspect', () => {
    const r = play([
      'docker network create appnet',
      'docker create --name web --network appnet --mac-address 02:AA:bb:cc:dd:01 nicolaka/netshoot sleep infinity',
      "docker inspect -f '{{.NetworkSettings.Networks.appnet.MacAddress}}|{{.Config.MacAddress}}' web",
      'docker start web',
      'docker run -d --name peer --network appnet nicolaka/netshoot sleep infinity',
      "docker inspect -f '{{.NetworkSettings.Networks.appnet.MacAddress}}' web",
      'docker exec web ip link show eth0',
      'docker exec peer ping -c1 web',
      'docker exec peer ip neigh',
      'docker run -d --name dflt --mac-address 02-42-ac-11-00-99 nginx',
      "docker inspect -f '{{.NetworkSettings.MacAddress}} {{.NetworkSettings.Networks.bridge.MacAddress}}' dflt",
    ]);
    expect(r[2].output).toBe('02:AA:bb:cc:dd:01|<no value>');
    expect(r[5].output).toBe('02:aa:bb:cc:dd:01');
    expect(r[6].output).toContain('link/ether 02:aa:bb:cc:dd:01 brd ff:ff:ff:ff:ff:ff');
    expect(r[8].output).toMatch(/^172\.18\.0\.2 dev eth0 lladdr 02:aa:bb:cc:dd:01 REACHABLE ?$/m);
    expect(r[10].output).toBe('02:42:ac:11:00:99 02:42:ac:11:00:99');
  });
});

// docker/cli v28.5.2 opts.go parse: Config.WorkingDir = copts.workingDir, Config.User = copts.user.
describe('docker run / create -w/--workdir, -u/--user', () => {
  it('are what inspect shows as Config.WorkingDir and Config.User', () => {
    const r = play([
      'docker create --name wa -w /srv/app -u 1000:1000 nginx',
      'docker run -d --name wb --workdir=/tmp --user nobody nginx',
      'docker run -d --name wc nginx',
      "docker inspect -f '{{.Config.WorkingDir}}|{{.Config.User}}' wa wb wc",
    ]);
    expect(r[3].output).toBe('/srv/app|1000:1000\n/tmp|nobody\n|');
  });
});
