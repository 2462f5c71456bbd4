import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { displayablePorts, portsColumn } from '../../../src/sim/docker/ports';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import { createDefaultWorld } from '../../../src/sim/world';
import { docker, play } from './helpers';

/** docker/cli v28 behaviour the audit found missing: PORTS grouping, partial failures, connect rules. */

describe('PORTS column (formatter.DisplayablePorts)', () => {
  it('groups same-number ports into ranges per IP and lists other mappings after them', () => {
    const { world } = play(['docker run -d --name w1 -p 80:80 -p 81:81 -p 8080:443 -p 127.0.0.1:53:53/udp nginx']);
    expect(portsColumn(world, findContainer(world, 'w1')!)).toBe(
      '127.0.0.1:53->53/udp, 0.0.0.0:80-81->80-81/tcp, [::]:80-81->80-81/tcp, 0.0.0.0:8080->443/tcp, [::]:8080->443/tcp',
    );
  });

  it('keeps the seed shape for one mapping and shows exposed-only ports bare', () => {
    const { world } = play(['docker run -d --name aa -p 8001:80 nginx', 'docker run -d --name bb nginx']);
    expect(portsColumn(world, findContainer(world, 'aa')!)).toBe('0.0.0.0:8001->80/tcp, [::]:8001->80/tcp');
    expect(portsColumn(world, findContainer(world, 'bb')!)).toBe('80/tcp');
  });

  it('breaks a range at a gap and groups exposed ports too', () => {
    const t = 'tcp' as const;
    expect(
      displayablePorts([
        { ip: '', privatePort: 3000, publicPort: 0, type: t },
        { ip: '', privatePort: 3001, publicPort: 0, type: t },
        { ip: '', privatePort: 3005, publicPort: 0, type: t },
        { ip: '0.0.0.0', privatePort: 80, publicPort: 80, type: t },
      ]),
    ).toBe('3000-3001/tcp, 0.0.0.0:80->80/tcp, 3005/tcp');
  });

  it('docker port sorts its lines naturally', () => {
    const { world } = play(['docker run -d --name w1 -p 8080:443 -p 127.0.0.1:9000:80 -p 80:80 nginx']);
    expect(docker(world, 'docker port w1').output).toBe(
      '80/tcp -> 0.0.0.0:80\n80/tcp -> 127.0.0.1:9000\n80/tcp -> [::]:80\n443/tcp -> 0.0.0.0:8080\n443/tcp -> [::]:8080',
    );
  });
});

describe('several names: Docker reports each and carries on', () => {
  it('rm -f only notes a missing container (exit 0); in argument order', () => {
    const { world } = play(['docker run -d --name web nginx', 'docker create --name db redis']);
    const r = docker(world, 'docker rm -f nosuch web db');
    expect(r.output).toBe('Error response from daemon: No such container: nosuch\nweb\ndb');
    expect(r.exitCode).toBe(0);
    expect(Object.keys(r.world.containers)).toHaveLength(0);
  });

  it('rm without -f prints the names removed, then every error, exit 1', () => {
    const { world } = play(['docker run -d --name web nginx', 'docker create --name db redis']);
    const r = docker(world, 'docker rm nosuch web db');
    expect(r.output).toBe(
      'db\nError response from daemon: No such container: nosuch\nError response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove',
    );
    expect(r.exitCode).toBe(1);
    expect(findContainer(r.world, 'web')).not.toBeNull();
    expect(findContainer(r.world, 'db')).toBeNull();
  });

  it('start prints each error as it happens, then the summary', () => {
    const { world } = play(['docker create --name aa nginx', 'docker create --name bb nginx']);
    const r = docker(world, 'docker start nosuch aa bb');
    expect(r.output).toBe(
      'Error response from daemon: No such container: nosuch\naa\nbb\nError: failed to start containers: nosuch',
    );
    expect(r.exitCode).toBe(1);
    expect(findContainer(r.world, 'bb')!.state).toBe('running');
  });
});

describe('network connect (daemon/container_operations.go)', () => {
  it('a stopped container already on the network is accepted again silently', () => {
    const { world } = play([
      'docker network create app',
      'docker create --name cc nginx',
      'docker network connect app cc',
    ]);
    const r = docker(world, 'docker network connect app cc');
    expect(r).toEqual({ world, output: '', exitCode: 0 });
    const run = play(['docker start cc'], world).world;
    expect(docker(run, 'docker network connect app cc').output).toBe(
      'Error response from daemon: endpoint with name cc already exists in network app',
    );
  });

  it('checks the endpoint settings before anything else', () => {
    const { world } = play(['docker network create --subnet 10.5.0.0/24 app', 'docker run -d --name cc nginx']);
    expect(docker(world, 'docker network connect --ip 10.6.0.1 app cc').output).toBe(
      'Error response from daemon: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.6.0.1',
    );
    expect(docker(world, 'docker network connect --ip 1.2.3.4 host cc').output).toBe(
      'Error response from daemon: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets',
    );
    expect(findNetwork(world, 'app')).not.toBeNull();
  });
});

describe('create: the networking config is checked before the name', () => {
  it('a bad --ip wins over a name conflict, as validateNetworkingConfig runs first', () => {
    const { world } = play(['docker run -d --name web nginx']);
    const r = docker(world, 'docker run -d --name web --ip 172.17.0.9 nginx');
    expect(r.output.split('\n')[0]).toBe(
      'docker: Error response from daemon: invalid config for network default: invalid endpoint settings:',
    );
    expect(r.world).toBe(world);
  });

  it('container create names itself in its errors', () => {
    const r = docker(play([]).world, 'docker container create --bogus nginx');
    expect(r.output).toBe(
      "unknown flag: --bogus\n\nUsage:  docker container create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker container create --help' for more information",
    );
    expect(r.exitCode).toBe(125);
  });
});

describe('host ports', () => {
  it('0.0.0.0 is every address: a later 127.0.0.1 bind of the same port fails', () => {
    const { world } = play(['docker run -d --name aa -p 0.0.0.0:8000:80 nginx']);
    const r = docker(world, 'docker run -d --name bb -p 127.0.0.1:8000:80 nginx');
    expect(r.exitCode).toBe(125);
    expect(r.output).toContain('port is already allocated');
    expect(findContainer(r.world, 'bb')!.state).toBe('created');
  });
});

describe('top level', () => {
  it('docker --version and -v print the client version line', () => {
    const w = play([]).world;
    expect(docker(w, 'docker --version').output).toBe('Docker version 28.5.2, build ecc6942');
    expect(docker(w, 'docker -v')).toEqual({ world: w, output: 'Docker version 28.5.2, build ecc6942', exitCode: 0 });
  });
});

describe('run --rm whose start fails', () => {
  it('is removed by the daemon; without --rm it stays Created', () => {
    const { world } = play(['docker run -d --name aa -p 8001:80 nginx']);
    const rm = docker(world, 'docker run -d --rm --name bb -p 8001:80 nginx');
    expect(rm.exitCode).toBe(125);
    expect(rm.output).toContain('Bind for 0.0.0.0:8001 failed: port is already allocated');
    expect(findContainer(rm.world, 'bb')).toBeNull();
    expect(findContainer(docker(world, 'docker run -d --name bb -p 8001:80 nginx').world, 'bb')!.state).toBe('created');
  });
});

describe('docker kill', () => {
  it('SIGKILLs running containers (Exited 137) and reports the rest', () => {
    const { world } = play(['docker run -d --name web nginx', 'docker create --name cc nginx']);
    const r = docker(world, 'docker kill web cc nosuch');
    const cc = findContainer(world, 'cc')!.id;
    expect(r.output).toBe(
      `web\nError response from daemon: container ${cc} is not running\nError response from daemon: No such container: nosuch`,
    );
    expect(r.exitCode).toBe(1);
    expect(findContainer(r.world, 'web')).toMatchObject({ state: 'exited', exitCode: 137 });
  });
});

describe('-p as nat.ParsePortSpec reads it', () => {
  it.each([
    ['8000-8001:80-81', '0.0.0.0:8000->80/tcp, [::]:8000->80/tcp, 0.0.0.0:8001->81/tcp, [::]:8001->81/tcp'],
    ['0:80', '0.0.0.0:32768->80/tcp, [::]:32768->80/tcp'],
    ['127.0.0.1::53/udp', '80/tcp, 127.0.0.1:32768->53/udp'],
  ])('-p %s', (spec, ports) => {
    const { world } = play([`docker run -d --name aa -p ${spec} nginx`]);
    expect(portsColumn(world, findContainer(world, 'aa')!)).toBe(ports);
  });

  it.each([
    ['8000-8002:80-81', 'invalid ranges specified for container and host Ports: 80-81 and 8000-8002'],
    ['8080:', 'no port specified: 8080:<empty>'],
    ['abc/xyz', 'invalid containerPort: abc'],
    ['80/sctpx', 'invalid proto: sctpx'],
    ['1.2.3:80:80', 'invalid IP address: 1.2.3'],
    ['70000:80', 'invalid hostPort: 70000'],
  ])('-p %s', (spec, error) => {
    const w = play([]).world;
    const r = docker(w, `docker run -d -p ${spec} nginx`);
    expect(r.output).toBe(`docker: ${error}\n\nRun 'docker run --help' for more information`);
    expect(r.exitCode).toBe(125);
    expect(r.world).toBe(w);
  });
});

describe('-e/--env (opts.ValidateEnv)', () => {
  it('a bare KEY is passed on as it is; "=x" is a flag error', () => {
    const { world } = play(['docker run -d --name aa -e A=1 --env B nginx']);
    expect(docker(world, "docker inspect -f '{{json .Config.Env}}' aa").output).toBe(
      '["A=1","B","PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NGINX_VERSION=1.27.3","NJS_VERSION=0.8.8","NJS_RELEASE=1~bookworm","PKG_RELEASE=1~bookworm","DYNPKG_RELEASE=1~bookworm"]',
    );
    const r = docker(world, 'docker run -d -e =x nginx');
    expect(r.output).toBe(
      'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker run --help\' for more information',
    );
    expect(r.exitCode).toBe(125);
  });
});

describe('--expose', () => {
  it('adds exposed ports (PORTS, -P, inspect) without publishing them', () => {
    const { world } = play([
      'docker run -d --name aa --expose 8080 --expose 9000-9001/udp nginx',
      'docker run -d --name bb -P --expose 8080 nginx',
    ]);
    expect(portsColumn(world, findContainer(world, 'aa')!)).toBe('80/tcp, 8080/tcp, 9000-9001/udp');
    expect(portsColumn(world, findContainer(world, 'bb')!)).toBe(
      '0.0.0.0:32768->80/tcp, [::]:32768->80/tcp, 0.0.0.0:32769->8080/tcp, [::]:32769->8080/tcp',
    );
    expect(docker(world, "docker inspect -f '{{json .Config.ExposedPorts}}' aa").output).toBe(
      '{"80/tcp":{},"8080/tcp":{},"9000/udp":{},"9001/udp":{}}',
    );
  });

  it.each([
    ['abc', 'invalid range format for --expose: abc, error: strconv.ParseUint: parsing "abc": invalid syntax'],
    ['1:2', 'invalid port format for --expose: 1:2'],
  ])('--expose %s is refused by the CLI', (v, error) => {
    const w = play([]).world;
    expect(docker(w, `docker run -d --expose ${v} nginx`).output).toBe(
      `docker: ${error}\n\nRun 'docker run --help' for more information`,
    );
  });

  it('inspect writes map keys sorted, as encoding/json does', () => {
    const { world } = play([
      'docker network create zeta',
      'docker network create alpha',
      'docker run -d --name aa --network zeta nginx',
      'docker network connect alpha aa',
    ]);
    expect(
      docker(world, "docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' aa").output,
    ).toBe('alpha zeta ');
    const json = JSON.parse(docker(world, 'docker inspect aa').output);
    expect(Object.keys(json[0].NetworkSettings.Networks)).toEqual(['alpha', 'zeta']);
  });
});

describe('docker errors in a pipe stay on the terminal (stderr)', () => {
  it('docker ps --foo | grep x keeps the flag error and its usage line', () => {
    const { results } = runScript(createDefaultWorld(), 'docker ps --foo | grep zzz');
    expect(results[0].output).toBe(
      "unknown flag: --foo\nUsage:  docker ps [OPTIONS]\nRun 'docker ps --help' for more information",
    );
  });
});

describe('a one-shot CMD run detached', () => {
  it('exits with its own code and leaves its output to docker logs', () => {
    const { world } = play([
      'docker run -d --name aa busybox echo hi',
      'docker run -d --name bb busybox ping -c 1 nosuch.example',
    ]);
    expect(findContainer(world, 'aa')).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(docker(world, 'docker logs aa').output).toBe('hi');
    expect(findContainer(world, 'bb')).toMatchObject({ state: 'exited', exitCode: 1 });
    expect(docker(world, 'docker logs bb').output).toBe("ping: bad address 'nosuch.example'");
  });

  it('in the foreground the output is shown and kept for docker logs', () => {
    const { world, last } = play(['docker run --name cc busybox echo yo']);
    expect(last.output).toBe('yo');
    expect(docker(world, 'docker logs cc').output).toBe('yo');
  });
});

describe('several --network values (API 1.44+)', () => {
  it('attach every user-defined network; --ip/--network-alias go to the first', () => {
    const { world } = play([
      'docker network create front',
      'docker network create back',
      'docker run -d --name aa --network front --network back --network-alias web nginx',
    ]);
    const c = findContainer(world, 'aa')!;
    expect(c.endpoints.map((e) => [world.networks[e.networkId].name, e.ip, e.ifname, e.aliases])).toEqual([
      ['front', '172.18.0.2', 'eth0', ['web']],
      ['back', '172.19.0.2', 'eth1', []],
    ]);
  });

  it.each([
    ['--network front --network front', 'network "front" is specified multiple times'],
    [
      '--network front --network bridge',
      'conflicting options: cannot attach both user-defined and non-user-defined network-modes',
    ],
  ])('%s is refused by the CLI', (flags, error) => {
    const w = play(['docker network create front']).world;
    const r = docker(w, `docker run -d ${flags} nginx`);
    expect(r.output).toBe(`docker: ${error}\n\nRun 'docker run --help' for more information`);
    expect(r.world).toBe(w);
  });
});

describe('docker container prune', () => {
  it('removes every container that is not running and prints their ids', () => {
    const { world } = play([
      'docker run -d --name aa nginx',
      'docker create --name bb nginx',
      'docker run --name cc busybox echo x',
    ]);
    const ids = ['bb', 'cc'].map((n) => findContainer(world, n)!.id);
    const r = docker(world, 'docker container prune -f');
    expect(r.output).toBe(`Deleted Containers:\n${ids.join('\n')}\n\nTotal reclaimed space: 0B`);
    expect(Object.values(r.world.containers).map((c) => c.name)).toEqual(['aa']);
    expect(docker(r.world, 'docker container prune').output).toBe(
      'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] y\nTotal reclaimed space: 0B',
    );
  });
});
