import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../../src/io/project';
import { worldRefusal } from '../../../src/io/worldSchema';
import { createSession, runLine, runScript } from '../../../src/sim/console';
import { findNetwork } from '../../../src/sim/lookup';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

/** Writes /etc/docker/daemon.json on the host, then runs `lines`; their outputs and exit codes. */
function run(json: string | null, lines: string[], before: string[] = []) {
  const setup = [
    ...before,
    ...(json === null ? [] : ['sudo mkdir -p /etc/docker', `echo '${json}' > /etc/docker/daemon.json`]),
  ];
  const r = runScript(createDefaultWorld(), [...setup, ...lines].join('\n'));
  const rest = r.results.slice(setup.length);
  return { world: r.session.world, out: rest.map((x) => x.output), codes: rest.map((x) => x.exitCode) };
}

const FIXED = '{"ipv6": true, "fixed-cidr-v6": "fd00:1::/64"}';
const UNABLE = 'unable to configure the Docker daemon with file /etc/docker/daemon.json: ';

describe('daemon.json ipv6 / fixed-cidr-v6 on docker0 (daemon_unix.go initBridgeDriver)', () => {
  it('after the restart: EnableIPv6, the v6 config (no Gateway until docker0 carries it), docker0 fd00:1::1', () => {
    const { out, codes } = run(FIXED, [
      'dockerd --validate',
      'sudo systemctl restart docker',
      "docker network inspect bridge --format '{{.EnableIPv6}} {{json .IPAM.Config}}'",
      'ip -6 addr show docker0',
      'sudo systemctl restart docker',
      "docker network inspect bridge --format '{{json .IPAM.Config}}'",
    ]);
    expect(out[0]).toBe('configuration OK');
    expect(codes.slice(0, 2)).toEqual([0, 0]);
    expect(out[2]).toBe(
      'true [{"Subnet":"172.17.0.0/16","Gateway":"172.17.0.1"},{"Subnet":"fd00:1::/64","IPRange":"fd00:1::/64"}]',
    );
    expect(out[3]).toContain(
      '    inet6 fd00:1::1/64 scope global nodad \n       valid_lft forever preferred_lft forever',
    );
    // selectBIP: the next start finds fd00:1::1/64 on docker0 and takes it as the gateway
    expect(out[5]).toBe(
      '[{"Subnet":"172.17.0.0/16","Gateway":"172.17.0.1"},{"Subnet":"fd00:1::/64","IPRange":"fd00:1::/64","Gateway":"fd00:1::1"}]',
    );
  });

  it('containers on the default bridge get IPv6: inspect, ip -6 addr/route; restarted ones too', () => {
    const { out } = run(
      FIXED,
      [
        'sudo systemctl restart docker',
        'docker run -dit --name web alpine',
        "docker inspect web --format '{{.NetworkSettings.GlobalIPv6Address}} {{.NetworkSettings.GlobalIPv6PrefixLen}} {{.NetworkSettings.IPv6Gateway}}'",
        "docker inspect old --format '{{.NetworkSettings.GlobalIPv6Address}}'",
        'docker exec web ip -6 route',
      ],
      ['docker run -dit --name old --restart always alpine'],
    );
    expect(out[2]).toBe('fd00:1::3 64 fd00:1::1');
    expect(out[3]).toBe('fd00:1::2');
    expect(out[4]).toBe(
      [
        '::1 dev lo proto kernel metric 256 pref medium',
        'fd00:1::/64 dev eth0 proto kernel metric 256 pref medium',
        'fe80::/64 dev eth0 proto kernel metric 256 pref medium',
        'default via fd00:1::1 dev eth0 metric 1024 pref medium',
      ].join('\n'),
    );
  });

  it('"ipv6": true alone: the next /64 of the ULA pool, with its gateway; back to false: IPv4 only', () => {
    const { world, out } = run('{"ipv6": true}', [
      'sudo systemctl restart docker',
      "docker network inspect bridge --format '{{.EnableIPv6}} {{len .IPAM.Config}}'",
      `echo '{"ipv6": false, "ip6tables": true}' > /etc/docker/daemon.json`,
      'sudo systemctl restart docker',
      "docker network inspect bridge --format '{{.EnableIPv6}} {{json .IPAM.Config}}'",
    ]);
    expect(out[1]).toBe('true 2');
    expect(out[4]).toBe('false [{"Subnet":"172.17.0.0/16","Gateway":"172.17.0.1"}]');
    expect(findNetwork(world, 'bridge')!.ipam6).toBeUndefined();
  });

  it.each([
    ['{"ipv6": true,}', "invalid character '}' looking for beginning of object key string"],
    ['{"ipv6": tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"ipv6" true}', "invalid character 't' after object key"],
    ['{"ipv6": true', 'unexpected end of JSON input'],
    ['[]', 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['{"ipv6": "yes"}', 'json: cannot unmarshal string into Go struct field Config.ipv6 of type bool'],
    [
      '{"ipv6": true, "fixed-cidr-v6": 64}',
      'json: cannot unmarshal number into Go struct field Config.fixed-cidr-v6 of type string',
    ],
    ['{"ipv6": true, "ipv6-pool": "x"}', "the following directives don't match any configuration option: ipv6-pool"],
    [
      '{"ipv6": true, "fixed-cidr-v6": "fd00:1::"}',
      `merged configuration validation from file and command line flags failed: invalid fixed-cidr-v6: invalid fixed-cidr-v6: netip.ParsePrefix("fd00:1::"): no '/'`,
    ],
    [
      '{"fixed-cidr-v6": "fd00::/129"}',
      'merged configuration validation from file and command line flags failed: invalid fixed-cidr-v6: invalid fixed-cidr-v6: netip.ParsePrefix("fd00::/129"): prefix length out of range',
    ],
    [
      '{"fixed-cidr-v6": "10.0.0.0/8"}',
      "merged configuration validation from file and command line flags failed: invalid fixed-cidr-v6: invalid fixed-cidr-v6: '10.0.0.0/8' is not a valid IPv6 subnet",
    ],
    [
      '{"fixed-cidr-v6": "fe80::/10"}',
      "merged configuration validation from file and command line flags failed: invalid fixed-cidr-v6: invalid fixed-cidr-v6: 'fe80::/10' clashes with the Link-Local prefix 'fe80::/64'",
    ],
    [
      '{"fixed-cidr-v6": "ff00::/8"}',
      "merged configuration validation from file and command line flags failed: invalid fixed-cidr-v6: invalid fixed-cidr-v6: multicast subnet 'ff00::/8' is not allowed",
    ],
  ])('%s: dockerd refuses it word for word', (json, error) => {
    const { out, codes } = run(json, [
      'dockerd --validate',
      'sudo systemctl restart docker',
      'docker ps',
      'systemctl is-active docker',
    ]);
    expect(out[0]).toBe(UNABLE + error);
    expect(out[1]).toBe(
      'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.',
    );
    expect(out[2]).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    );
    expect(out[3]).toBe('failed');
    expect(codes).toEqual([1, 1, 1, 3]);
  });

  it('a fixed file and `systemctl start docker` bring the daemon back; nested objects count by their keys', () => {
    const { out, codes } = run('{"ipv6": tru}', [
      'sudo systemctl restart docker',
      `echo '{"ipv6": true, "log-opts": {"max-size": "10m"}, "tls-opts": {"tlsverify": false}}' > /etc/docker/daemon.json`,
      'dockerd --validate',
      'sudo systemctl start docker',
      'docker ps --format x',
    ]);
    expect(out[2]).toBe('configuration OK');
    expect(codes).toEqual([1, 0, 0, 0, 0]);
  });

  it('a save with a down daemon and a pool-given gateway passes the schema; an older save still opens', () => {
    const { world } = run(FIXED, ['sudo systemctl restart docker', 'docker run -d --name web nginx']);
    const down = run('{"ipv6": 1}', ['sudo systemctl restart docker']).world;
    for (const w of [world, down]) {
      const saved: World = JSON.parse(JSON.stringify(w));
      expect(worldRefusal(saved)).toBeNull();
      const res = parseProject(serializeProject({ world: saved, pinned: {} }));
      expect(res.ok && res.doc.world).toEqual(saved);
    }
    expect(findNetwork(world, 'bridge')!.ipam6).toMatchObject({ gatewayFromPool: true });
    expect(down.daemons['docker-host'].down).toBe(true);
    // a save from before daemon.json (no down, no ipam6 on the bridge) opens with the daemon up
    const old = JSON.parse(JSON.stringify(createDefaultWorld()));
    expect(JSON.stringify(old)).not.toMatch(/"down"|gatewayFromPool/);
    expect(worldRefusal(old)).toBeNull();
    expect(runLine(createSession(old), "docker network inspect bridge --format '{{.EnableIPv6}}'").output).toBe(
      'false',
    );
  });
});
