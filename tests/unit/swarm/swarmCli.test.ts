import { describe, expect, it } from 'vitest';
import { createDefaultWorld } from '../../../src/sim/world';
import { dockerOn, joinLine, session, threeNodeSwarm, withHost } from './helpers';

const NOT_MANAGER =
  'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
const WORKER =
  "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";

describe('docker swarm init', () => {
  it('prints the node id, the worker join command with the advertise address and the manager hint', () => {
    const r = dockerOn(createDefaultWorld(), 'docker-host', 'docker swarm init');
    const lines = r.output.split('\n');
    expect(lines[0]).toMatch(/^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager\.$/);
    expect(lines.slice(1, 4)).toEqual(['', 'To add a worker to this swarm, run the following command:', '']);
    expect(lines[4]).toMatch(/^ {4}docker swarm join --token SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25} 192\.168\.0\.10:2377$/);
    expect(lines.slice(5)).toEqual([
      '',
      "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.",
    ]);
    expect(r.exitCode).toBe(0);
  });

  it('--advertise-addr takes an address (with a port) or an interface name; anything else is refused', () => {
    const w = createDefaultWorld();
    expect(dockerOn(w, 'docker-host', 'docker swarm init --advertise-addr 10.9.9.9:4000').output).toContain(
      ' 10.9.9.9:4000\n',
    );
    expect(dockerOn(w, 'docker-host', 'docker swarm init --advertise-addr eth0').output).toContain(
      ' 192.168.0.10:2377\n',
    );
    const bad = dockerOn(w, 'docker-host', 'docker swarm init --advertise-addr nope');
    expect(bad.output).toBe(
      'Error response from daemon: advertise address must be a non-zero IP address or network interface (with optional port number)',
    );
    expect(bad.world).toBe(w);
  });

  it('creates ingress (overlay, swarm, 10.0.0.0/24, VNI 4096) and docker_gwbridge (172.18.0.0/16, icc off)', () => {
    const { world } = session(['docker swarm init']);
    const nets = Object.values(world.networks);
    const ingress = nets.find((n) => n.name === 'ingress')!;
    expect([ingress.driver, ingress.scope, ingress.ipam, ingress.vni, ingress.id]).toEqual([
      'overlay',
      'swarm',
      { subnet: '10.0.0.0/24', gateway: '10.0.0.1' },
      4096,
      expect.stringMatching(/^[0-9a-z]{25}$/),
    ]);
    const gw = nets.find((n) => n.name === 'docker_gwbridge')!;
    expect([gw.driver, gw.scope, gw.ipam?.subnet, gw.bridge]).toEqual([
      'bridge',
      'local',
      '172.18.0.0/16',
      'docker_gwbridge',
    ]);
    expect(gw.options).toEqual({
      'com.docker.network.bridge.enable_icc': 'false',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.name': 'docker_gwbridge',
    });
    expect(world.swarm!.nodes[0].ingressIp).toBe('10.0.0.2');
    // The next local network skips the gateway bridge's pool.
    expect(session(['docker network create after'], world).world.networks).toSatisfy((ns: object) =>
      Object.values(ns).some((n) => n.name === 'after' && n.ipam.subnet === '172.19.0.0/16'),
    );
  });

  it('init twice: already part of a swarm', () => {
    const { outs } = session(['docker swarm init', 'docker swarm init']);
    expect(outs[1].output).toBe(
      'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
    );
    expect(outs[1].exitCode).toBe(1);
  });

  it('takes no arguments', () => {
    expect(dockerOn(createDefaultWorld(), 'docker-host', 'docker swarm init x').output).toBe(
      "docker: 'docker swarm init' accepts no arguments\n\nUsage:  docker swarm init [OPTIONS]\n\nRun 'docker swarm init --help' for more information",
    );
  });
});

describe('docker swarm join / leave, docker node ls', () => {
  it('a worker joins with the printed token; node ls lists both, sorted by hostname, * on self', () => {
    const w = threeNodeSwarm();
    const ls = dockerOn(w, 'docker-host', 'docker node ls').output.split('\n');
    expect(ls[0]).toBe(
      'ID                            HOSTNAME        STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION',
    );
    const [, a, b, c] = ls;
    expect(a).toMatch(/^[0-9a-z]{25} \* {3}docker-host {5}Ready {5}Active {9}Leader {11}28\.5\.2$/);
    expect(b).toMatch(/^[0-9a-z]{25} {5}docker-host-2 {3}Ready {5}Active {26}28\.5\.2$/);
    expect(c).toMatch(/^[0-9a-z]{25} {5}docker-host-3 /);
  });

  it('join prints the role; the manager token makes a manager (Reachable)', () => {
    let w = withHost(createDefaultWorld(), 'docker-host-2', '192.168.0.11');
    w = dockerOn(w, 'docker-host', 'docker swarm init').world;
    const tok = dockerOn(w, 'docker-host', 'docker swarm join-token -q manager').output;
    expect(tok).toMatch(/^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/);
    const r = dockerOn(w, 'docker-host-2', `docker swarm join --token ${tok} 192.168.0.10:2377`);
    expect(r.output).toBe('This node joined a swarm as a manager.');
    expect(dockerOn(r.world, 'docker-host-2', 'docker node ls').output).toContain('Reachable');
  });

  it('join errors: malformed token, wrong secret, nobody listening there', () => {
    let w = withHost(createDefaultWorld(), 'docker-host-2', '192.168.0.11');
    const init = dockerOn(w, 'docker-host', 'docker swarm init');
    w = init.world;
    const good = /--token (\S+)/.exec(init.output)![1];
    const wrong = good.slice(0, -1) + (good.endsWith('a') ? 'b' : 'a');
    expect(dockerOn(w, 'docker-host-2', 'docker swarm join --token abc 192.168.0.10:2377').output).toBe(
      'Error response from daemon: invalid join token',
    );
    expect(dockerOn(w, 'docker-host-2', `docker swarm join --token ${wrong} 192.168.0.10:2377`).output).toBe(
      'Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
    );
    // swarmkit ca.DownloadRootCA/GetRemoteCA (v28.5.2 vendor): another swarm's CA digest in the token
    const digest = good.split('-')[2];
    const otherCa = good.replace(digest, (digest.startsWith('0') ? '1' : '0') + digest.slice(1));
    expect(dockerOn(w, 'docker-host-2', `docker swarm join --token ${otherCa} 192.168.0.10:2377`).output).toMatch(
      /^Error response from daemon: remote CA does not match fingerprint\. Expected: [0-9a-f]{64}$/,
    );
    expect(dockerOn(w, 'docker-host-2', `docker swarm join --token ${good} 192.168.0.99:2377`).output).toMatch(
      /^Error response from daemon: Timeout was reached before node joined\./,
    );
    expect(dockerOn(w, 'docker-host-2', `docker swarm join --token ${good} 192.168.0.10`).output).toBe(
      'This node joined a swarm as a worker.',
    );
  });

  it('manager-only commands: not in a swarm vs on a worker', () => {
    const w = threeNodeSwarm();
    expect(dockerOn(createDefaultWorld(), 'docker-host', 'docker node ls').output).toBe(NOT_MANAGER);
    expect(dockerOn(w, 'docker-host-2', 'docker node ls').output).toBe(WORKER);
    expect(dockerOn(w, 'docker-host-2', 'docker service ls').output).toBe(WORKER);
    expect(dockerOn(w, 'docker-host-2', 'docker swarm join-token worker').output).toBe(WORKER);
    expect(dockerOn(w, 'docker-host-2', 'docker network create -d overlay x').output).toBe(NOT_MANAGER);
  });

  it('a worker leaves: Node left the swarm; the manager lists it Down; it can join again with a new id', () => {
    let w = threeNodeSwarm();
    const left = dockerOn(w, 'docker-host-2', 'docker swarm leave');
    expect(left.output).toBe('Node left the swarm.');
    w = left.world;
    expect(dockerOn(w, 'docker-host', 'docker node ls').output).toMatch(/docker-host-2 {3}Down {6}Active/);
    expect(dockerOn(w, 'docker-host-2', 'docker swarm leave').output).toBe(
      'Error response from daemon: This node is not part of a swarm',
    );
    const tok = dockerOn(w, 'docker-host', 'docker swarm join-token -q worker').output;
    w = dockerOn(w, 'docker-host-2', `docker swarm join --token ${tok} 192.168.0.10:2377`).world;
    expect(dockerOn(w, 'docker-host', 'docker node ls').output.split('\n')).toHaveLength(5);
  });

  it('the last manager needs --force, with the trailing space of the daemon text; then the swarm is gone', () => {
    const w = threeNodeSwarm();
    const r = dockerOn(w, 'docker-host', 'docker swarm leave');
    expect(r.output).toBe(
      'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ',
    );
    const f = dockerOn(w, 'docker-host', 'docker swarm leave --force');
    expect(f.output).toBe('Node left the swarm.');
    expect(f.world.swarm).toBeUndefined();
    const names = Object.values(f.world.networks).map((n) => n.name);
    expect(names).not.toContain('ingress');
    expect(names).toContain('docker_gwbridge');
    expect(dockerOn(f.world, 'docker-host', 'docker swarm init').exitCode).toBe(0);
  });

  it('two managers: leaving one loses quorum, said so', () => {
    let w = withHost(createDefaultWorld(), 'docker-host-2', '192.168.0.11');
    w = dockerOn(w, 'docker-host', 'docker swarm init').world;
    const tok = dockerOn(w, 'docker-host', 'docker swarm join-token -q manager').output;
    w = dockerOn(w, 'docker-host-2', `docker swarm join --token ${tok} 192.168.0.10:2377`).world;
    expect(dockerOn(w, 'docker-host-2', 'docker swarm leave').output).toBe(
      'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing this node leaves 1 managers out of 2. Without a Raft quorum your swarm will be inaccessible. The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.',
    );
  });

  it('join-token prints the join command; unknown role; --rotate changes the token', () => {
    const { world, outs } = session([
      'docker swarm init',
      'docker swarm join-token worker',
      'docker swarm join-token boss',
    ]);
    expect(outs[1].output).toBe(
      joinLine(outs[0].output).replace(/^/, 'To add a worker to this swarm, run the following command:\n\n    '),
    );
    expect(outs[2].output).toBe('unknown role boss');
    const rot = dockerOn(world, 'docker-host', 'docker swarm join-token --rotate -q worker');
    expect(rot.output.split('\n')[0]).toBe('Successfully rotated worker join token.');
    expect(rot.output).not.toContain(/--token (\S+)/.exec(outs[0].output)![1]);
  });
});
