import { describe, expect, it } from 'vitest';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import { docker, play } from './helpers';

// biome-ignore lint/suspicious/noExplicitAny: inspect JSON is read field by field, as people read it
const json = (out: string) => JSON.parse(out) as Record<string, any>[];

describe('docker container inspect', () => {
  it('seed 004: nginx on the default bridge (DNSNames null, 4-space JSON)', () => {
    const { world } = play(['docker run -d --name nginx nginx']);
    const r = docker(world, 'docker container inspect nginx');
    const c = findContainer(world, 'nginx')!;
    const bridge = findNetwork(world, 'bridge')!;
    expect(r.output.split('\n')[1]).toBe('    {');
    const [obj] = json(r.output);
    expect(obj.NetworkSettings.Networks).toEqual({
      bridge: {
        IPAMConfig: null,
        Links: null,
        Aliases: null,
        MacAddress: c.endpoints[0].mac,
        DriverOpts: null,
        GwPriority: 0,
        NetworkID: bridge.id,
        EndpointID: c.endpoints[0].endpointId,
        Gateway: '172.17.0.1',
        IPAddress: '172.17.0.2',
        IPPrefixLen: 16,
        IPv6Gateway: '',
        GlobalIPv6Address: '',
        GlobalIPv6PrefixLen: 0,
        DNSNames: null,
      },
    });
    // the legacy top-level fields mirror the default bridge
    expect(obj.NetworkSettings.IPAddress).toBe('172.17.0.2');
    expect(obj.Name).toBe('/nginx');
    expect(obj.State.Status).toBe('running');
    expect(obj.NetworkSettings.Ports).toEqual({ '80/tcp': null });
    // the key order people see
    expect(Object.keys(obj.NetworkSettings.Networks.bridge)).toEqual([
      'IPAMConfig',
      'Links',
      'Aliases',
      'MacAddress',
      'DriverOpts',
      'GwPriority',
      'NetworkID',
      'EndpointID',
      'Gateway',
      'IPAddress',
      'IPPrefixLen',
      'IPv6Gateway',
      'GlobalIPv6Address',
      'GlobalIPv6PrefixLen',
      'DNSNames',
    ]);
  });

  it('seed 004: containerB on second-bridge has DNSNames [name, short id]', () => {
    const { world } = play([
      'docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge',
      'docker run -dit --network second-bridge --name containerA devwikirepo/pingbuntu bash',
      'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
    ]);
    const b = findContainer(world, 'containerB')!;
    const [obj] = json(docker(world, 'docker inspect containerB').output);
    const ep = obj.NetworkSettings.Networks['second-bridge'];
    expect(ep).toMatchObject({ Gateway: '10.0.0.1', IPAddress: '10.0.0.3', IPPrefixLen: 24, Aliases: null });
    expect(ep.DNSNames).toEqual(['containerB', b.id.slice(0, 12)]);
    expect(obj.NetworkSettings.IPAddress).toBe('');
  });

  it('aliases, --ip and --hostname show up in IPAMConfig, Aliases and DNSNames', () => {
    const { world } = play([
      'docker network create --subnet 10.1.0.0/24 app',
      'docker run -d --network app --ip 10.1.0.9 --network-alias db --hostname dbhost --name pg -e POSTGRES_PASSWORD=x postgres',
    ]);
    const pg = findContainer(world, 'pg')!;
    const ep = json(docker(world, 'docker inspect pg').output)[0].NetworkSettings.Networks.app;
    expect(ep.IPAMConfig).toEqual({ IPv4Address: '10.1.0.9' });
    expect(ep.Aliases).toEqual(['db']);
    expect(ep.DNSNames).toEqual(['pg', 'db', pg.id.slice(0, 12), 'dbhost']);
  });

  it('a stopped container has empty live fields and published ports in HostConfig only', () => {
    const { world } = play(['docker run -d -p 8001:80 --name web nginx', 'docker stop web']);
    const [obj] = json(docker(world, 'docker inspect web').output);
    expect(obj.NetworkSettings.Networks.bridge).toMatchObject({
      IPAddress: '',
      MacAddress: '',
      EndpointID: '',
      IPPrefixLen: 0,
    });
    expect(obj.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8001' }] });
    expect(obj.NetworkSettings.Ports).toEqual({});
    expect(obj.State).toMatchObject({ Status: 'exited', Running: false, ExitCode: 0 });
  });

  it('running with -p shows v4 and v6 bindings in NetworkSettings.Ports', () => {
    const { world } = play(['docker run -d -p 8001:80 --name web nginx']);
    const [obj] = json(docker(world, 'docker inspect web').output);
    expect(obj.NetworkSettings.Ports).toEqual({
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: '8001' },
        { HostIp: '::', HostPort: '8001' },
      ],
    });
  });

  it('missing objects: [] and the CLI error', () => {
    const { world } = play(['docker run -d --name web nginx']);
    expect(docker(world, 'docker inspect nope').output).toBe('[]\nError: No such object: nope');
    expect(docker(world, 'docker container inspect nope').output).toBe(
      '[]\nError response from daemon: No such container: nope',
    );
    const both = docker(world, 'docker inspect web nope');
    expect(both.exitCode).toBe(1);
    expect(json(both.output.split('\nError')[0])).toHaveLength(1);
  });
});

describe('docker network inspect (fact 44)', () => {
  it('shows the default bridge with its options and attached containers', () => {
    const { world } = play(['docker run -d --name web nginx']);
    const web = findContainer(world, 'web')!;
    const [n] = json(docker(world, 'docker network inspect bridge').output);
    expect(Object.keys(n)).toEqual([
      'Name',
      'Id',
      'Created',
      'Scope',
      'Driver',
      'EnableIPv4',
      'EnableIPv6',
      'IPAM',
      'Internal',
      'Attachable',
      'Ingress',
      'ConfigFrom',
      'ConfigOnly',
      'Containers',
      'Options',
      'Labels',
    ]);
    expect(n.IPAM).toEqual({
      Driver: 'default',
      Options: null,
      Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }],
    });
    expect(n.Containers).toEqual({
      [web.id]: {
        Name: 'web',
        EndpointID: web.endpoints[0].endpointId,
        MacAddress: web.endpoints[0].mac,
        IPv4Address: '172.17.0.2/16',
        IPv6Address: '',
      },
    });
    expect(n.Options['com.docker.network.bridge.name']).toBe('docker0');
    expect(n.Options['com.docker.network.bridge.default_bridge']).toBe('true');
  });

  it('shows IPRange when given and the error for an unknown network', () => {
    const { world } = play([
      'docker network create --subnet 172.28.0.0/16 --ip-range 172.28.5.0/24 --gateway 172.28.5.254 r',
    ]);
    const [n] = json(docker(world, 'docker network inspect r').output);
    expect(n.IPAM.Config).toEqual([{ Subnet: '172.28.0.0/16', IPRange: '172.28.5.0/24', Gateway: '172.28.5.254' }]);
    expect(docker(world, 'docker network inspect foo').output).toBe(
      '[]\nError response from daemon: network foo not found',
    );
  });
});

describe('host and none endpoints', () => {
  it('a running host/none container is listed by its network, with an endpoint id and no address', () => {
    const { world } = play(['docker run -d --name hh --network host nginx']);
    const hh = findContainer(world, 'hh')!;
    const net = JSON.parse(docker(world, 'docker network inspect host').output)[0];
    expect(Object.keys(net.Containers)).toEqual([hh.id]);
    expect(net.Containers[hh.id]).toMatchObject({ Name: 'hh', MacAddress: '', IPv4Address: '', IPv6Address: '' });
    const ep = JSON.parse(docker(world, 'docker inspect hh').output)[0].NetworkSettings.Networks.host;
    expect(ep.EndpointID).toBe(net.Containers[hh.id].EndpointID);
    expect(ep.EndpointID).toMatch(/^[0-9a-f]{64}$/);
    const stopped = play(['docker stop hh'], world).world;
    expect(JSON.parse(docker(stopped, 'docker network inspect host').output)[0].Containers).toEqual({});
  });
});

describe('docker inspect --type', () => {
  it('narrows the lookup to containers or networks', () => {
    const { world } = play(['docker network create app', 'docker run -d --name app nginx']);
    const net = JSON.parse(docker(world, 'docker inspect --type network app').output)[0];
    expect(net.Driver).toBe('bridge');
    const ctr = JSON.parse(docker(world, 'docker inspect --type=container app').output)[0];
    expect(ctr.Name).toBe('/app');
    expect(docker(world, 'docker inspect --type network nope').output).toBe(
      '[]\nError response from daemon: network nope not found',
    );
    expect(docker(world, 'docker inspect --type bogus app').output).toBe('"bogus" is not a valid value for --type');
  });
});
