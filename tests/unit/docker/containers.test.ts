import { describe, expect, it } from 'vitest';
import { shellSessionEnded } from '../../../src/sim/docker';
import { findContainer } from '../../../src/sim/lookup';
import type { World } from '../../../src/sim/model';
import { docker, ipOf, play } from './helpers';

const later = (w: World, ms: number): World => ({ ...w, clock: w.clock + ms });

describe('docker ps', () => {
  it('prints the real column layout, newest first, with durations from the clock', () => {
    let { world } = play(['docker run -d --name web -p 8001:80 nginx']);
    world = later(world, 5_000);
    ({ world } = play(['docker run -d --name box ubuntu'], world));
    world = later(world, 2_000);
    const all = docker(world, 'docker ps -a').output.split('\n');
    const web = findContainer(world, 'web')!.id.slice(0, 12);
    const box = findContainer(world, 'box')!.id.slice(0, 12);
    expect(all).toEqual([
      `CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                     PORTS${' '.repeat(37)}NAMES`,
      `${box}   ubuntu    "/bin/bash"              2 seconds ago   Exited (0) 2 seconds ago   ${' '.repeat(42)}box`,
      `${web}   nginx     "/docker-entrypoint.…"   7 seconds ago   Up 7 seconds               0.0.0.0:8001->80/tcp, [::]:8001->80/tcp   web`,
    ]);
    const running = docker(world, 'docker ps').output.split('\n');
    expect(running).toHaveLength(2);
    expect(running[1]).toContain('web');
    expect(docker(world, 'docker ps -aq').output).toBe(`${box}\n${web}`);
  });

  it.each([
    [500, 'Less than a second'],
    [1_000, '1 second'],
    [59_000, '59 seconds'],
    [61_000, 'About a minute'],
    [150_000, '2 minutes'],
    [3_600_000, 'About an hour'],
    [3 * 3_600_000, '3 hours'],
  ])('CREATED after %i ms says "%s ago"', (ms, text) => {
    const { world } = play(['docker run -d --name web nginx']);
    expect(docker(later(world, ms), 'docker ps').output).toContain(`${text} ago`);
  });

  it('shows Created for a container that never started and no ports for it', () => {
    const { world } = play(['docker create --name idle -p 9000:80 nginx']);
    const line = docker(world, 'docker ps -a').output.split('\n')[1];
    expect(line).toMatch(/Created\s+idle$/);
  });
});

describe('start / stop / restart', () => {
  it('stop releases address, ports, ARP and FDB; start allocates again lowest-first', () => {
    let { world } = play(['docker run -d --name c1 nginx', 'docker run -d --name c2 -p 8080:80 nginx']);
    const c2 = findContainer(world, 'c2')!;
    const bridge = Object.values(world.networks).find((n) => n.name === 'bridge')!;
    world = {
      ...world,
      networks: {
        ...world.networks,
        [bridge.id]: { ...bridge, fdb: [{ mac: c2.endpoints[0].mac!, port: c2.endpoints[0].veth! }] },
      },
      containers: {
        ...world.containers,
        [c2.id]: { ...c2, arp: [{ ip: '172.17.0.1', mac: 'aa:aa:aa:aa:aa:aa', dev: 'eth0', state: 'REACHABLE' }] },
      },
    };
    const stopped = docker(later(world, 3_000), 'docker stop c2');
    expect(stopped.output).toBe('c2');
    const s = findContainer(stopped.world, 'c2')!;
    expect(s.state).toBe('exited');
    expect(s.exitCode).toBe(0);
    expect(s.finishedAt).toBe(3_000);
    expect(s.endpoints[0].ip).toBeUndefined();
    expect(s.endpoints[0].veth).toBeUndefined();
    expect(s.ports[0].boundPort).toBeUndefined();
    expect(s.arp).toEqual([]);
    expect(stopped.world.networks[bridge.id].fdb).toEqual([]);
    // the port is free again, and the address goes to the next container
    const { world: w2 } = play(['docker run -d --name c3 -p 8080:80 nginx'], stopped.world);
    expect(ipOf(w2, 'c3', 'bridge')).toBe('172.17.0.3');
    expect(findContainer(w2, 'c3')!.ports[0].boundPort).toBe(8080);
    const { world: w3 } = play(['docker rm -f c3', 'docker start c2'], w2);
    expect(ipOf(w3, 'c2', 'bridge')).toBe('172.17.0.3');
    expect(findContainer(w3, 'c2')!.state).toBe('running');
  });

  it('start of a container whose port is taken prints the error and the failed-start line', () => {
    const { world } = play(['docker run -d --name c1 -p 8080:80 nginx', 'docker create --name c2 -p 8080:80 nginx']);
    const r = docker(world, 'docker start c2');
    const [err, summary] = r.output.split('\n');
    expect(err).toMatch(
      /^Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint c2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/,
    );
    expect(summary).toBe('Error: failed to start containers: c2');
    expect(r.world).toBe(world);
  });

  it('stop of a shell-like main process is a SIGKILL (137); --rm containers go away', () => {
    const { world } = play([
      'docker run -d --name pb devwikirepo/pingbuntu',
      'docker run -d --rm --name tmp nginx',
      'docker stop pb tmp',
    ]);
    expect(findContainer(world, 'pb')!.exitCode).toBe(137);
    expect(findContainer(world, 'tmp')).toBeNull();
  });

  it('restart keeps a --rm container and gives it an address again', () => {
    const { world, last } = play(['docker run -d --rm --name web nginx', 'docker restart web']);
    expect(last.output).toBe('web');
    expect(findContainer(world, 'web')!.state).toBe('running');
    expect(ipOf(world, 'web', 'bridge')).toBe('172.17.0.2');
  });

  it('reports unknown names per name and still applies the others', () => {
    const { world } = play(['docker run -d --name web nginx']);
    const r = docker(world, 'docker stop nope web');
    expect(r.output).toBe('web\nError response from daemon: No such container: nope');
    expect(r.exitCode).toBe(1);
    expect(findContainer(r.world, 'web')!.state).toBe('exited');
  });
});

describe('docker rm', () => {
  it('refuses a running container without -f (Docker 28 wording)', () => {
    const { world } = play(['docker run -d --name web nginx', 'docker create --name idle nginx']);
    const r = docker(world, 'docker rm web idle ghost');
    expect(r.output).toBe(
      'idle\nError response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\nError response from daemon: No such container: ghost',
    );
    expect(r.exitCode).toBe(1);
    expect(findContainer(r.world, 'web')).not.toBeNull();
    expect(findContainer(r.world, 'idle')).toBeNull();
  });

  it('accepts an id prefix and reports an ambiguous one', () => {
    const { world } = play(['docker run -d --name web nginx']);
    const id = findContainer(world, 'web')!.id;
    expect(docker(world, `docker rm -f ${id.slice(0, 4)}`).output).toBe(id.slice(0, 4));
    expect(docker(world, 'docker rm -f').output).toContain("'docker rm' requires at least 1 argument\n");
  });
});

describe('port, rename, logs, exec', () => {
  it('docker port lists v4 and v6 bindings', () => {
    const { world } = play(['docker run -d --name web -p 8001:80 -p 127.0.0.1:9090:80/udp nginx']);
    expect(docker(world, 'docker port web').output).toBe(
      '80/tcp -> 0.0.0.0:8001\n80/tcp -> [::]:8001\n80/udp -> 127.0.0.1:9090',
    );
    expect(docker(world, 'docker port web 80').output).toBe('0.0.0.0:8001\n[::]:8001');
    expect(docker(world, 'docker port web 81').output).toBe("Error: No public port '81' published for web");
    expect(docker(world, 'docker port web 81/udp').output).toBe("Error: No public port '81/udp' published for web");
    expect(docker(world, 'docker port web 80/udp').output).toBe('127.0.0.1:9090');
    expect(docker(world, 'docker port web http').output).toBe(
      'Error: invalid port (http): strconv.ParseUint: parsing "http": invalid syntax',
    );
  });

  it('rename changes the name and checks conflicts', () => {
    const { world } = play(['docker run -d --name web nginx', 'docker run -d --name db redis']);
    const r = docker(world, 'docker rename web front');
    expect(findContainer(r.world, 'front')).not.toBeNull();
    expect(docker(world, 'docker rename web db').output).toContain(
      'Conflict. The container name "/db" is already in use',
    );
  });

  it('logs shows the image startup lines', () => {
    const { world } = play(['docker run -d --name web nginx', 'docker run -d --name pg postgres']);
    expect(docker(world, 'docker logs web').output.split('\n')[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    expect(docker(world, 'docker logs pg').output).toContain('You must specify POSTGRES_PASSWORD');
  });

  it('exec: missing tool, stopped container, shell entry', () => {
    const { world } = play([
      'docker run -d --name web nginx',
      'docker create --name idle ubuntu',
      'docker run -dit --name box ubuntu',
    ]);
    const web = findContainer(world, 'web')!;
    const idle = findContainer(world, 'idle')!;
    expect(docker(world, 'docker exec web ping -c 1 google.com').output).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown',
    );
    expect(docker(world, 'docker exec idle ls').output).toBe(
      `Error response from daemon: container ${idle.id} is not running`,
    );
    const enter = docker(world, 'docker exec -it web bash');
    expect(enter.enter).toBe(web.id);
    expect(enter.output).toBe('');
    expect(docker(world, 'docker exec nope ls').output).toBe('Error response from daemon: No such container: nope');
    // leaving a `run -it … bash` session stops the container
    const box = findContainer(world, 'box')!;
    expect(shellSessionEnded(world, box.id, 0).containers[box.id].state).toBe('exited');
    expect(shellSessionEnded(world, web.id, 0)).toBe(world);
  });
});

describe('--network container:NAME', () => {
  it('cannot start while the namespace owner is not running (v28 wording: its name and state)', () => {
    const { world } = play([
      'docker run -d --name web nginx',
      'docker create --network container:web --name side busybox sleep 1d',
      'docker stop web',
    ]);
    const r = docker(world, 'docker start side');
    expect(r.output).toBe(
      'Error response from daemon: cannot join network namespace of a non running container: container web is exited\nError: failed to start containers: side',
    );
    expect(r.world).toBe(world);
  });
});

describe('--rm', () => {
  it('fires when the process ends, not when a never-started container is stopped', () => {
    const { world } = play(['docker create --rm --name idle nginx', 'docker stop idle']);
    expect(findContainer(world, 'idle')!.state).toBe('created');
    const { world: w2 } = play(['docker run -d --rm --name once ubuntu']);
    expect(findContainer(w2, 'once')).toBeNull();
  });
});
