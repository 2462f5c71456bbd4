import { describe, expect, it } from 'vitest';
import { runDocker } from '../../../src/sim/docker';
import { findContainer } from '../../../src/sim/lookup';
import { createDefaultWorld } from '../../../src/sim/world';
import { docker, ipOf, play } from './helpers';

const HEX64 = /^[0-9a-f]{64}$/;
const RUN_USAGE =
  "\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information";

describe('seed 004: nginx with and without -p 8001:80', () => {
  it('prints the 64-hex id and puts nginx on 172.17.0.2 with a random MAC', () => {
    const r = docker(createDefaultWorld(), 'docker run -d --name nginx nginx');
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(HEX64);
    const c = findContainer(r.world, 'nginx')!;
    expect(c.id).toBe(r.output);
    expect(c.state).toBe('running');
    expect(c.endpoints[0]).toMatchObject({ ip: '172.17.0.2', ifname: 'eth0' });
    expect(c.endpoints[0].mac).toMatch(/^[0-9a-f][26ae](:[0-9a-f]{2}){5}$/);
    expect(c.endpoints[0].veth).toMatch(/^veth[0-9a-f]{7}$/);
    expect(c.endpoints[0].endpointId).toMatch(HEX64);
  });

  it('publishes 8001->80 for nginx2 on 172.17.0.3', () => {
    const { world, last } = play(['docker run -d --name nginx nginx', 'docker run -d -p 8001:80 --name nginx2 nginx']);
    expect(last.exitCode).toBe(0);
    const c = findContainer(world, 'nginx2')!;
    expect(c.ports).toEqual([{ hostIp: '', hostPort: 8001, containerPort: 80, proto: 'tcp', boundPort: 8001 }]);
    expect(ipOf(world, 'nginx2', 'bridge')).toBe('172.17.0.3');
  });
});

describe('seed 004: colour apps and the 8003 conflict', () => {
  const base = [
    'docker run -d -p 8002:3000 --name redColorApp --env COLOR=red devwikirepo/envnodecolorapp',
    'docker run -d -p 8003:3000 --name blueColorApp --env COLOR=blue devwikirepo/envnodecolorapp',
  ];

  it('the seed’s misspelt image is refused as docker pull refuses it, with a whalewire hint; nothing is created', () => {
    const r = docker(
      createDefaultWorld(),
      'docker run -d -p 8002:3000 --name redColorApp --env COLOR=red devwikirepo/envnodoecolorapp',
    );
    expect(r.exitCode).toBe(125);
    expect(r.output.split('\n')).toEqual([
      "Unable to find image 'devwikirepo/envnodoecolorapp:latest' locally",
      "docker: Error response from daemon: pull access denied for devwikirepo/envnodoecolorapp, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      '',
      "Run 'docker run --help' for more information",
      "whalewire: this simulation has no image 'devwikirepo/envnodoecolorapp'; it knows nicolaka/netshoot, busybox, alpine, devwikirepo/pingbuntu, ubuntu, nginx, httpd, devwikirepo/envnodecolorapp, redis, postgres, mysql. Did you mean devwikirepo/envnodecolorapp?",
    ]);
    expect(r.world.containers).toEqual({});
    expect(docker(r.world, 'docker images').output.split('\n')).toHaveLength(1);
  });

  it('runs red and blue on 8002 and 8003', () => {
    const { world } = play(base);
    expect(findContainer(world, 'redColorApp')!.state).toBe('running');
    expect(findContainer(world, 'blueColorApp')!.env).toEqual(['COLOR=blue']);
  });

  it('yellow on 8003: id printed, Docker 28 error, container stays Created with no IP', () => {
    const { world } = play(base);
    const r = docker(
      world,
      'docker run -d -p 8003:3000 --name yellowColorApp --env COLOR=yellow devwikirepo/envnodecolorapp',
    );
    expect(r.exitCode).toBe(125);
    const [id, ...rest] = r.output.split('\n');
    expect(id).toMatch(HEX64);
    const m =
      /^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint yellowColorApp \(([0-9a-f]{64})\): Bind for 0\.0\.0\.0:8003 failed: port is already allocated$/.exec(
        rest[0],
      );
    expect(m).not.toBeNull();
    expect(rest.slice(1)).toEqual(['', "Run 'docker run --help' for more information"]);
    const y = findContainer(r.world, 'yellowColorApp')!;
    expect(y.id).toBe(id);
    expect(y.state).toBe('created');
    expect(y.endpoints[0].ip).toBeUndefined();
    expect(y.ports[0].boundPort).toBeUndefined();
    // blue keeps its port
    expect(findContainer(r.world, 'blueColorApp')!.ports[0].boundPort).toBe(8003);
  });

  it('green on 8004:3030 starts (nothing listens on 3030, which is real)', () => {
    const { world, last } = play([
      ...base,
      'docker run -d -p 8004:3030 --name greenColorApp --env COLOR=green devwikirepo/envnodecolorapp',
    ]);
    expect(last.exitCode).toBe(0);
    expect(findContainer(world, 'greenColorApp')!.ports[0]).toMatchObject({
      hostPort: 8004,
      containerPort: 3030,
      boundPort: 8004,
    });
  });

  it('rm -f of all six prints each name and empties the World', () => {
    const { world, last } = play([
      'docker run -d --name nginx nginx',
      'docker run -d -p 8001:80 --name nginx2 nginx',
      ...base,
      'docker run -d -p 8003:3000 --name yellowColorApp --env COLOR=yellow devwikirepo/envnodecolorapp',
      'docker run -d -p 8004:3030 --name greenColorApp --env COLOR=green devwikirepo/envnodecolorapp',
      'docker rm -f nginx nginx2 redColorApp blueColorApp yellowColorApp greenColorApp',
    ]);
    expect(last.output).toBe('nginx\nnginx2\nredColorApp\nblueColorApp\nyellowColorApp\ngreenColorApp');
    expect(Object.keys(world.containers)).toEqual([]);
  });
});

describe('seed 004: DNS walkthrough on second-bridge', () => {
  it('containerA 10.0.0.2 (entered), containerB 10.0.0.3 with DNSNames', () => {
    const { world } = play(['docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge']);
    const a = docker(world, 'docker run -it --network second-bridge --name containerA devwikirepo/pingbuntu bin/bash');
    expect(a.output).toBe('');
    expect(a.enter).toBe(findContainer(a.world, 'containerA')!.id);
    const b = docker(a.world, 'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu');
    expect(ipOf(b.world, 'containerA', 'second-bridge')).toBe('10.0.0.2');
    expect(ipOf(b.world, 'containerB', 'second-bridge')).toBe('10.0.0.3');
    expect(findContainer(b.world, 'containerB')!.state).toBe('running');
  });
});

describe('run variants', () => {
  it.each([
    ['docker run -d ubuntu', 'exited'],
    ['docker run -d alpine', 'exited'],
    ['docker run -d busybox', 'exited'],
    ['docker run -d nicolaka/netshoot', 'exited'],
    ['docker run -dit ubuntu', 'running'],
    ['docker run -d -it alpine', 'running'],
    ['docker run -d devwikirepo/pingbuntu', 'running'],
    ['docker run -d busybox sleep 3600', 'running'],
    ['docker run -d busybox echo hi', 'exited'],
    ['docker run -d redis', 'running'],
    ['docker run -d postgres', 'exited'],
    ['docker run -d -e POSTGRES_PASSWORD=pw postgres', 'running'],
  ])('%s -> %s', (line, state) => {
    const r = docker(createDefaultWorld(), line);
    expect(r.exitCode).toBe(0);
    expect(Object.values(r.world.containers)[0].state).toBe(state);
  });

  it('run -it IMAGE with a shell enters the container and prints nothing', () => {
    for (const line of [
      'docker run -it ubuntu bash',
      'docker run -it ubuntu',
      'docker run -it alpine sh',
      'docker run -it ubuntu /bin/bash',
    ]) {
      const r = docker(createDefaultWorld(), line);
      expect(r.output).toBe('');
      expect(r.enter).toBe(Object.keys(r.world.containers)[0]);
    }
  });

  it('run -it of a server image runs the server attached instead of entering', () => {
    const r = docker(createDefaultWorld(), 'docker run -it --name web nginx');
    expect(r.enter).toBeUndefined();
    expect(r.output.split('\n')[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
  });

  it('run without -d of a server prints its first log lines and keeps it up', () => {
    const r = docker(createDefaultWorld(), 'docker run --name web httpd');
    expect(r.output.split('\n')[0]).toBe(
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message",
    );
    expect(findContainer(r.world, 'web')!.state).toBe('running');
  });

  it('run of a one-shot command goes through the shell and leaves the container exited with its code', () => {
    const r = docker(createDefaultWorld(), 'docker run --name once busybox hostname');
    const c = findContainer(r.world, 'once')!;
    expect(c.state).toBe('exited');
    expect(c.exitCode).toBe(r.exitCode);
    expect(c.endpoints[0].ip).toBeUndefined();
    const rm = docker(createDefaultWorld(), 'docker run --rm busybox hostname');
    expect(Object.keys(rm.world.containers)).toEqual([]);
  });

  it('an image neither here nor on Docker Hub: run (125, with run’s help line) and create (1, bare) fail as the pull does', () => {
    const w = createDefaultWorld();
    const run = docker(w, 'docker run -d some/unknown-image');
    expect(run.exitCode).toBe(125);
    expect(run.output.split('\n').slice(0, 4)).toEqual([
      "Unable to find image 'some/unknown-image:latest' locally",
      "docker: Error response from daemon: pull access denied for some/unknown-image, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      '',
      "Run 'docker run --help' for more information",
    ]);
    const create = docker(w, 'docker create --name web my-image:1.0');
    expect(create.exitCode).toBe(1);
    expect(create.output.split('\n').slice(0, 2)).toEqual([
      "Unable to find image 'my-image:1.0' locally",
      "Error response from daemon: pull access denied for my-image, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    ]);
    expect(create.output.split('\n')[2]).toMatch(
      /^whalewire: this simulation has no image 'my-image'; it knows nicolaka\/netshoot, /,
    );
    expect(run.world).toBe(w);
    expect(create.world).toBe(w);
    // the daemon's own errors from create are printed bare with status 1 too (create.go returns them)
    const twice = docker(docker(w, 'docker create --name web nginx').world, 'docker create --name web nginx');
    expect(twice.exitCode).toBe(1);
    expect(twice.output).toMatch(
      /^Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.$/,
    );
  });

  it('a tool the image lacks fails as the daemon says and the container stays Created', () => {
    const r = docker(createDefaultWorld(), 'docker run --name n nginx ping x');
    expect(r.output).toBe(
      `docker: Error response from daemon: Invalid container name (n), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n\nRun 'docker run --help' for more information`,
    );
    const r2 = docker(createDefaultWorld(), 'docker run --name web nginx ping -c 1 google.com');
    expect(r2.exitCode).toBe(127);
    expect(r2.output).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "ping": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information',
    );
    expect(findContainer(r2.world, 'web')!.state).toBe('created');
  });

  it('--network host -p warns, creates anyway and has no endpoint', () => {
    const r = docker(createDefaultWorld(), 'docker run -d -p 80:80 --network host --name h1 nginx');
    const [warn, id] = r.output.split('\n');
    expect(warn).toBe('WARNING: Published ports are discarded when using host network mode');
    expect(id).toMatch(HEX64);
    const c = findContainer(r.world, 'h1')!;
    expect(c.networkMode).toBe('host');
    expect(c.endpoints).toEqual([]);
    expect(c.ports).toEqual([]);
    expect(c.hostname).toBe('docker-host');
  });

  it('--network none and container:NAME have no endpoints of their own', () => {
    const { world } = play([
      'docker run -d --name web nginx',
      'docker run -d --network none --name iso busybox sleep 1d',
      'docker run -d --network container:web --name side busybox sleep 1d',
    ]);
    expect(findContainer(world, 'iso')!.endpoints).toEqual([]);
    const side = findContainer(world, 'side')!;
    expect(side.networkMode).toBe(`container:${findContainer(world, 'web')!.id}`);
    expect(side.state).toBe('running');
  });

  it('-e KEY without a value in the CLI environment is passed on bare (it unsets KEY); --hostname and aliases are kept', () => {
    const { world } = play([
      'docker network create app',
      'docker run -d -e A=1 -e B --hostname box --network app --network-alias db --name pg -e POSTGRES_PASSWORD=x postgres',
    ]);
    const c = findContainer(world, 'pg')!;
    expect(c.env).toEqual(['A=1', 'B', 'POSTGRES_PASSWORD=x']);
    expect(c.hostname).toBe('box');
    expect(c.endpoints[0].aliases).toEqual(['db']);
  });

  it('-p with ip:host:container/proto and -P with random ports from 32768 (fact 38)', () => {
    const { world } = play([
      'docker run -d -p 127.0.0.1:8080:80/tcp -p 5353:53/udp --name a1 nginx',
      'docker run -d -P --name a2 nginx',
      'docker run -d -p 80 --name a3 nginx',
      'docker rm -f a2',
      'docker run -d -p 80 --name a4 nginx',
    ]);
    expect(findContainer(world, 'a1')!.ports.map((p) => [p.hostIp, p.boundPort, p.proto])).toEqual([
      ['127.0.0.1', 8080, 'tcp'],
      ['', 5353, 'udp'],
    ]);
    expect(findContainer(world, 'a3')!.ports[0].boundPort).toBe(32769);
    // round robin: the freed 32768 is not handed out straight away
    expect(findContainer(world, 'a4')!.ports[0].boundPort).toBe(32770);
  });

  it('the same host port on another address or protocol is not a conflict', () => {
    const { last } = play([
      'docker run -d -p 127.0.0.1:8080:80 --name a1 nginx',
      'docker run -d -p 8080:80/udp --name a2 nginx',
    ]);
    expect(last.exitCode).toBe(0);
    const r = play([
      'docker run -d -p 127.0.0.1:8080:80 --name a1 nginx',
      'docker run -d -p 8080:80 --name a2 nginx',
    ]).last;
    expect(r.output).toContain('Bind for 0.0.0.0:8080 failed: port is already allocated');
  });
});

describe('run errors (docker-facts B) leave the World unchanged', () => {
  const w0 = play(['docker run -d --name web nginx', 'docker network create app']).world;
  it.each([
    [
      'docker run -d --name web nginx',
      `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${findContainer(w0, 'web')!.id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information`,
      125,
    ],
    [
      'docker run -d --ip 172.17.0.50 nginx',
      "docker: Error response from daemon: invalid config for network default: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only\n\nRun 'docker run --help' for more information",
      125,
    ],
    [
      'docker run -d --network-alias x nginx',
      "docker: Error response from daemon: invalid config for network default: invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks\n\nRun 'docker run --help' for more information",
      125,
    ],
    ['docker run --foo nginx', `unknown flag: --foo${RUN_USAGE}`, 125],
    ['docker run -Z nginx', `unknown shorthand flag: 'Z' in -Z${RUN_USAGE}`, 125],
    ['docker run --name', `flag needs an argument: --name${RUN_USAGE}`, 125],
    ['docker run -p', `flag needs an argument: 'p' in -p${RUN_USAGE}`, 125],
    [
      'docker run -d',
      "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information",
      1,
    ],
    [
      'docker run -d --network bridge --ip 10.1.1.1 --network-alias x nginx',
      "docker: Error response from daemon: invalid config for network bridge: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* network-scoped alias is supported only for containers in user defined networks\n* no configured subnet or ip-range contain the IP address 10.1.1.1\n\nRun 'docker run --help' for more information",
      125,
    ],
    [
      'docker run -p 80:abc nginx',
      "docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information",
      125,
    ],
    ['docker frobnicate', "docker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information", 1],
    [
      'docker --bogus ps',
      "unknown flag: --bogus\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information",
      125,
    ],
    [
      'docker container frob',
      "docker: unknown command: docker container frob\n\nUsage:  docker container\n\nRun 'docker container --help' for more information",
      1,
    ],
    [
      'docker network frob',
      "docker: unknown command: docker network frob\n\nUsage:  docker network\n\nRun 'docker network --help' for more information",
      1,
    ],
    [
      'docker ps -a web',
      "docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information",
      1,
    ],
    [
      'docker port',
      "docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information",
      1,
    ],
    [
      'docker rename web',
      "docker: 'docker rename' requires 2 arguments\n\nUsage:  docker rename CONTAINER NEW_NAME\n\nRun 'docker rename --help' for more information",
      1,
    ],
    [
      'docker container rm',
      "docker: 'docker container rm' requires at least 1 argument\n\nUsage:  docker container rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker container rm --help' for more information",
      1,
    ],
  ])('%s', (line, output, code) => {
    const r = docker(w0, line);
    expect(r.output).toBe(output);
    expect(r.exitCode).toBe(code);
    expect(r.world).toBe(w0);
  });

  it('an unknown network: created, then start fails (v28 resolves networks at start)', () => {
    const r = docker(w0, 'docker run -d --name lost --network nope nginx');
    expect(r.output.split('\n')[1]).toBe(
      'docker: Error response from daemon: failed to set up container networking: network nope not found',
    );
    expect(findContainer(r.world, 'lost')!.state).toBe('created');
  });

  it('docker is not a command inside a container or on a PC', () => {
    expect(runDocker(w0, ['ps'], { kind: 'machine', id: 'pc1' }).output).toBe('bash: docker: command not found');
    const id = findContainer(w0, 'web')!.id;
    expect(runDocker(w0, ['ps'], { kind: 'container', id }).exitCode).toBe(127);
  });
});

describe('run … sh -c with exit', () => {
  it('exit ends that shell quietly with its code and skips the rest of the list', () => {
    const { world, last } = play(['docker run --name sh3 busybox sh -c "echo hi; exit 3; echo no"']);
    expect([last.output, last.exitCode]).toEqual(['hi', 3]);
    expect(docker(world, 'docker ps -a --format "{{.Status}}"').output).toMatch(/^Exited \(3\)/);
    expect(docker(world, 'docker logs sh3').output).toBe('hi');
  });
});
