import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n'));
const last = (lines: string[]) => play(lines).results.at(-1)!;
const usage = `\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information`;

// docker/cli v28.5.2 cli/command/network/create.go createIPAMConfig: the client's checks, printed bare (exit 1).
describe('network create: the CLI pairs --ip-range, --gateway and --aux-address with a --subnet', () => {
  it.each([
    ['--gateway 10.0.0.1', 'every ip-range or gateway must have a corresponding subnet'],
    ['--subnet 10.0.0.0/24 --gateway 10.1.0.1', 'no matching subnet for gateway 10.1.0.1'],
    ['--subnet 10.0.0.0/24 --ip-range 10.1.0.0/25', 'no matching subnet for range 10.1.0.0/25'],
    ['--subnet 10.0.0.0/24 --ip-range 10.0.0.0/33', 'invalid CIDR address: 10.0.0.0/33'],
    ['--subnet 10.0.0.0/24 --subnet 10.0.0.0/16', 'multiple overlapping subnet configuration is not supported'],
    ['--subnet 10.0.0.0/24,10.0.0.128/25', 'multiple overlapping subnet configuration is not supported'],
    ['--subnet foo --subnet 10.0.0.0/24', 'invalid subnet: invalid CIDR address: foo'],
    [
      '--subnet 10.0.0.0/24 --gateway 10.0.0.1 --gateway 10.0.0.254',
      'every ip-range or gateway must have a corresponding subnet',
    ],
    [
      '--subnet 10.0.0.0/24 --subnet 10.1.0.0/24 --gateway 10.0.0.1 --gateway 10.0.0.254',
      'cannot configure multiple gateways (10.0.0.254, 10.0.0.1) for the same subnet (10.0.0.0/24)',
    ],
    [
      '--subnet 10.0.0.0/24 --subnet 10.1.0.0/24 --ip-range 10.0.0.0/25 --ip-range 10.0.0.128/25',
      'cannot configure multiple ranges (10.0.0.128/25, 10.0.0.0/25) on the same subnet (10.0.0.0/24)',
    ],
    ['--subnet 10.0.0.0/24 --aux-address r=10.9.0.1', 'no matching subnet for aux-address 10.9.0.1'],
  ])('%s', (flags, error) => {
    const r = play([`docker network create ${flags} n1`]);
    expect(r.results[0].output).toBe(error);
    expect(r.results[0].exitCode).toBe(1);
    expect(Object.values(r.session.world.networks).map((n) => n.name)).not.toContain('n1');
  });

  it('a CSV --subnet is several subnets: the bridge driver refuses the second', () => {
    expect(last(['docker network create --subnet 10.0.0.0/24,10.2.0.0/24 n1']).output).toBe(
      "Error response from daemon: bridge driver doesn't support multiple subnets",
    );
  });
});

// pflag BoolVar (strconv.ParseBool) and opts.ValidateLabel; moby daemon/network.go createNetwork,
// libnetwork controller.go NewNetwork, drivers/bridge/bridge_linux.go createNetwork.
describe('network create: --ipv4, --ipv6, --ingress, --scope, --ipam-driver, --ipam-opt, --label', () => {
  it.each([
    [
      '--ipv4=maybe',
      `invalid argument "maybe" for "--ipv4" flag: strconv.ParseBool: parsing "maybe": invalid syntax${usage}`,
      125,
    ],
    ['--label =a', `invalid argument "=a" for "--label" flag: invalid label '=a': empty name${usage}`, 125],
    ['--ipv4=false', 'Error response from daemon: IPv4 or IPv6 must be enabled', 1],
    [
      '-o com.docker.network.enable_ipv4=no',
      'Error response from daemon: driver-opt "com.docker.network.enable_ipv4" is not a valid bool',
      1,
    ],
    ['--ingress', 'Error response from daemon: Ingress network can only be global scope network', 1],
    [
      '-d overlay --ingress',
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
      1,
    ],
    ['--scope swarm', 'Error response from daemon: cannot create a swarm scoped network when swarm is not active', 1],
    ['--ipam-driver foo', 'Error response from daemon: plugin "foo" not found', 1],
    ['--ipam-driver null', 'Error response from daemon: ipv4 pool is empty', 1],
  ])('%s', (flags, error, code) => {
    const r = play([`docker network create ${flags} n1`]);
    expect(r.results[0].output).toBe(error);
    expect(r.results[0].exitCode).toBe(code);
    expect(Object.values(r.session.world.networks).map((n) => n.name)).not.toContain('n1');
  });

  it('--ipv4=true, --ipv4=1 and --ipam-driver default create; --ipam-opt is IPAM.Options', () => {
    const r = play([
      'docker network create --ipv4=true --ipam-driver default n1',
      'docker network create --ipv4=1 --ipam-opt b=2 --ipam-opt a=1 n2',
      "docker network inspect -f '{{.EnableIPv4}} {{json .IPAM}}' n1 n2",
    ]).results;
    expect(r[2].output).toBe(
      'true {"Driver":"default","Options":{},"Config":[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]}\n' +
        'true {"Driver":"default","Options":{"a":"1","b":"2"},"Config":[{"Subnet":"172.19.0.0/16","Gateway":"172.19.0.1"}]}',
    );
  });

  it('--ingress on a swarm manager: one ingress network only, and never attachable', () => {
    const r = play([
      'docker swarm init --advertise-addr 192.168.0.10',
      'docker network create -d overlay --ingress --attachable in2',
      'docker network create -d overlay --ingress in2',
      "docker network inspect -f '{{.Id}} {{.Ingress}}' ingress",
    ]).results;
    expect(r[1].output).toBe(
      'Error response from daemon: rpc error: code = InvalidArgument desc = ingress network cannot be attachable',
    );
    const [id, ingress] = r[3].output.split(' ');
    expect(ingress).toBe('true');
    expect(r[2].output).toBe(
      `Error response from daemon: rpc error: code = AlreadyExists desc = ingress network (${id}) is already present`,
    );
  });
});

// libnetwork network.go validateConfiguration, applyConfigurationTo, Delete, CreateEndpoint;
// controller.go NewNetwork (configOnly: type null, scope local, goto addToStore); daemon/prune.go.
describe('network create --config-only / --config-from', () => {
  const cfg =
    'docker network create --config-only --subnet 10.5.0.0/24 --gateway 10.5.0.1 --ip-range 10.5.0.128/25 --aux-address r=10.5.0.128 -o parent=eth0 --label team=a cfg';

  it('a config-only network is listed with driver null and scope local, and holds the config', () => {
    const r = play([
      cfg,
      'docker network ls --filter name=cfg',
      "docker network inspect -f '{{.ConfigOnly}} {{json .IPAM.Config}} {{json .Options}} {{json .Labels}}' cfg",
    ]).results;
    expect(r[1].output).toBe(
      `NETWORK ID     NAME      DRIVER    SCOPE\n${r[0].output.slice(0, 12)}   cfg       null      local`,
    );
    expect(r[2].output).toBe(
      'true [{"Subnet":"10.5.0.0/24","IPRange":"10.5.0.128/25","Gateway":"10.5.0.1","AuxiliaryAddresses":{"r":"10.5.0.128"}}] {"parent":"eth0"} {"team":"a"}',
    );
  });

  it('allocates nothing: a config-only network does not hold its subnet, and no container joins it', () => {
    const r = play([
      cfg,
      'docker network create --subnet 10.5.0.0/24 other',
      'docker run -d --name web nginx',
      'docker network connect cfg web',
      'docker run -d --name c2 --network cfg nginx',
      "docker ps -a --format '{{.Names}} {{.State}}'",
    ]).results;
    expect(r[1].exitCode).toBe(0);
    expect(r[3].output).toBe('Error response from daemon: cannot create endpoint on configuration-only network');
    expect(r[4].output).toContain(
      'docker: Error response from daemon: failed to set up container networking: cannot create endpoint on configuration-only network',
    );
    expect(r[5].output).toBe('c2 created\nweb running');
  });

  it('--config-from takes the IPAM config, options and labels; its aux address and ip-range hold', () => {
    const r = play([
      cfg,
      'docker network create -d macvlan --config-from cfg mv',
      "docker network inspect -f '{{.Driver}} {{.ConfigFrom.Network}} {{json .IPAM.Config}} {{json .Options}} {{json .Labels}}' mv",
      'docker run -d --name a1 --network mv nginx',
      'docker run -d --name a2 --network mv nginx',
      "docker inspect -f '{{.NetworkSettings.Networks.mv.IPAddress}}' a1 a2",
    ]).results;
    expect(r[2].output).toBe(
      'macvlan cfg [{"Subnet":"10.5.0.0/24","IPRange":"10.5.0.128/25","Gateway":"10.5.0.1","AuxiliaryAddresses":{"r":"10.5.0.128"}}] {"parent":"eth0"} {"team":"a"}',
    );
    expect(r[5].output).toBe('10.5.0.129\n10.5.0.130');
  });

  it.each([
    [
      '--config-from cfg -o a=b',
      'network driver options are not supported if the network depends on a configuration network',
    ],
    [
      '--config-from cfg --subnet 10.6.0.0/24',
      'user specified configurations are not supported if the network depends on a configuration network',
    ],
    [
      '--config-from cfg --label x=y',
      'user specified configurations are not supported if the network depends on a configuration network',
    ],
    [
      '--config-from cfg --ipam-opt x=y',
      'user specified configurations are not supported if the network depends on a configuration network',
    ],
    [
      '--config-from cfg --ipv4=false',
      'user specified configurations are not supported if the network depends on a configuration network',
    ],
    ['--config-from nope', 'configuration network "nope" does not exist'],
    ['--config-only --config-from cfg', 'a configuration network cannot depend on another configuration network'],
    [
      '--config-only --attachable',
      'configuration network can only contain network specific fields. Network operator fields like [ ingress | internal | attachable | scope ] are not supported.',
    ],
  ])('%s is refused', (flags, error) => {
    const r = play([cfg, `docker network create ${flags} n1`]);
    expect(r.results[1].output).toBe(`Error response from daemon: ${error}`);
    expect(Object.values(r.session.world.networks).map((n) => n.name)).not.toContain('n1');
  });

  it('is not removed while a network uses it, and never pruned', () => {
    const r = play([
      cfg,
      'docker network create --config-from cfg br1',
      'docker network rm cfg',
      'docker network prune -f',
      'docker network rm br1 cfg',
    ]).results;
    expect(r[2].output).toBe(
      'Error response from daemon: error while removing network: configuration network "cfg" is in use',
    );
    expect(r[3].output).toBe('Deleted Networks:\nbr1\n');
    expect(r[4].output).toBe('Error response from daemon: network br1 not found\ncfg');
  });
});

// docker/cli connect.go convertDriverOpt; moby daemon/container_operations.go validateEndpointSettings,
// api/types/network/endpoint.go Validate and IsInRange; buildJoinOptions (Links as aliases).
describe('network connect --ip6, --driver-opt, --link', () => {
  const setup = ['docker network create app', 'docker run -d --name web nginx'];

  it.each([
    [
      '--ip6 fd00::5 app',
      'invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets',
    ],
    [
      '--ip6 foo app',
      'invalid endpoint settings:\n* invalid IPv6 address: foo\n* user specified IP address is supported only when connecting to networks with user configured subnets',
    ],
    [
      '--ip6 fd00::5 bridge',
      'invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets',
    ],
  ])('%s is refused as the daemon refuses it', (flags, error) => {
    const r = last([...setup, `docker network connect ${flags} web`]);
    expect(r.output).toBe(`Error response from daemon: ${error}`);
    expect(r.exitCode).toBe(1);
  });

  it('--driver-opt becomes EndpointSettings.DriverOpts; a bare key is refused by the CLI', () => {
    const r = play([
      ...setup,
      'docker network connect --driver-opt novalue app web',
      'docker network connect --driver-opt a=b,c=d --driver-opt " e = f " app web',
      "docker inspect -f '{{json .NetworkSettings.Networks.app.DriverOpts}}' web",
    ]).results;
    expect(r[2].output).toBe('invalid key/value pair format in driver options');
    expect(r[2].exitCode).toBe(1);
    expect(r[4].output).toBe('{"a":"b","c":"d","e":"f"}');
  });

  it('--link NAME:ALIAS is an alias the connected container resolves on that network', () => {
    const r = play([
      'docker network create app',
      'docker run -d --name db --network app redis',
      'docker run -d --name cli nicolaka/netshoot sleep infinity',
      'docker network connect --link db:store app cli',
      'docker exec cli getent hosts store',
      "docker inspect -f '{{json .NetworkSettings.Networks.app.Links}}' cli",
      'docker network connect --link a:b:c app cli',
    ]).results;
    expect(r[4].output).toMatch(/^172\.18\.0\.2\s+store$/);
    expect(r[5].output).toBe('["db:store"]');
    expect(r[6].output).toContain('invalid argument "a:b:c" for "--link" flag: bad format for links: a:b:c');
  });
});

// pflag shorthand forms of a map flag (opts.MapOpts: KEY=VALUE, a bare KEY maps to "").
describe('network create -o forms', () => {
  it('-o=K=V, -oK=V, --opt=K=V and a bare -o K are all driver options', () => {
    const r = play([
      'docker network create -o=com.docker.network.bridge.name=brA a1',
      'docker network create -ocom.docker.network.bridge.name=brB a2',
      'docker network create --opt=com.docker.network.driver.mtu=1400 a3',
      'docker network create -o foo a4',
      "docker network inspect -f '{{json .Options}}' a1 a2 a3 a4",
      'ip link show brA',
    ]).results;
    expect(r[4].output).toBe(
      '{"com.docker.network.bridge.name":"brA"}\n{"com.docker.network.bridge.name":"brB"}\n{"com.docker.network.driver.mtu":"1400"}\n{"foo":""}',
    );
    expect(r[5].output).toMatch(/^\d+: brA: /);
  });
});
