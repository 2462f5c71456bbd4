import { describe, expect, it } from 'vitest';
import { dockerScript } from '../../../src/io/exportScript';
import { createSession, runLine, type Session } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

/** Runs lines from the default World; every line must succeed. */
function build(lines: string[], world: World = createDefaultWorld()): Session {
  let s = createSession(world);
  for (const l of lines) {
    if (!l.trim() || l.startsWith('#') || l === 'set -e') continue;
    const r = runLine(s, l);
    if (r.exitCode !== 0) throw new Error(`line failed: ${l}\n${r.output}`);
    s = r.session;
  }
  return s;
}

type Json = Record<string, unknown>;
const get = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((x, k) => (x as Json | undefined)?.[k], o);

/** IPAMConfig less the IPv4Address the script gives on purpose (--ip keeps each address). */
function unpinned(c: Json | null): Json | null {
  if (!c) return null;
  const { IPv4Address, ...rest } = c;
  return Object.keys(rest).length ? rest : null;
}

/** What `docker inspect NAME` says about the fields a run's flags set (ids and addresses aside). */
function runFields(s: Session, name: string): Json {
  const [c] = JSON.parse(runLine(s, `docker inspect ${name}`).output) as Json[];
  const paths = [
    'Config.Entrypoint',
    'Config.Cmd',
    'Config.Env',
    'Config.Labels',
    'Config.WorkingDir',
    'Config.User',
    'Config.StopSignal',
    'Config.Healthcheck',
    'Config.MacAddress',
    'HostConfig.ReadonlyRootfs',
    'HostConfig.Binds',
    'HostConfig.Mounts',
    'HostConfig.Tmpfs',
    'HostConfig.RestartPolicy',
    'HostConfig.Dns',
    'HostConfig.DnsSearch',
    'HostConfig.DnsOptions',
    'HostConfig.ExtraHosts',
    'HostConfig.CapAdd',
    'HostConfig.Init',
    'HostConfig.Memory',
    'HostConfig.NetworkMode',
    'State.Status',
  ];
  const nets = get(c, 'NetworkSettings.Networks') as Record<string, Json>;
  return {
    ...Object.fromEntries(paths.map((p) => [p, get(c, p)])),
    // an anonymous volume's name comes from the new container's id
    Mounts: (c.Mounts as Json[]).map(({ Name, Source, ...m }) => (m.Type === 'volume' ? m : { Source, ...m })),
    Networks: Object.fromEntries(
      Object.entries(nets).map(([n, ep]) => [
        n,
        {
          Aliases: ep.Aliases,
          IPAMConfig: unpinned(ep.IPAMConfig as Json | null),
          MacAddress: ep.MacAddress,
          GwPriority: ep.GwPriority,
          DriverOpts: ep.DriverOpts,
          Links: ep.Links,
        },
      ]),
    ),
  };
}

describe('the docker script recreates each container as its flags made it', () => {
  const lines = [
    'docker network create appnet',
    'docker network create --subnet 10.9.0.0/24 back',
    'docker run -d --name web --network appnet --mac-address 02:aa:bb:cc:dd:01 --entrypoint /bin/sh --read-only -v /data -v /srv:/srv:ro --mount type=tmpfs,target=/run --tmpfs /tmp:rw,size=64m --restart on-failure:3 --dns 1.1.1.1 --dns-search example.com --dns-option ndots:2 --add-host db:10.0.0.5 -l tier=front -e A=1 -w /app -u 1000 --stop-signal SIGINT --health-cmd "curl -f localhost" --memory 256m --cap-add NET_ADMIN --init nicolaka/netshoot -c "sleep infinity"',
    'docker network connect --alias api --link-local-ip 169.254.9.9 --driver-opt com.example.k=v --gw-priority 5 back web',
    'docker create --name hostnet --network host --mac-address 92:d0:c6:0a:29:33 --entrypoint "" nginx echo hi',
    'echo tier=back > labels.txt',
    'echo B=2 > app.env',
    'docker run -d --name plain --network none --restart unless-stopped --label-file labels.txt --env-file app.env redis',
    'docker stop plain',
    // a second network's own MAC: only run's advanced form gives one (network connect has no --mac-address)
    'docker run -d --name multi --network name=appnet,mac-address=02:aa:00:00:00:01 --network name=back,alias=db2,mac-address=02:aa:00:00:00:02 nicolaka/netshoot sleep infinity',
  ];

  it('writes the flags: entrypoint and command apart, mounts, read-only, restart, DNS, MACs, endpoint settings', () => {
    const script = dockerScript(build(lines).world);
    expect(script).toContain(
      "docker run -d --name web --label tier=front --network appnet --ip 172.18.0.2 --mac-address 02:aa:bb:cc:dd:01 --workdir /app --user 1000 --cap-add=NET_ADMIN --entrypoint=/bin/sh '--health-cmd=curl -f localhost' --init=true --memory=256m --mount=type=tmpfs,target=/run --read-only=true --stop-signal=SIGINT --tmpfs=/tmp:rw,size=64m --volume=/data --volume=/srv:/srv:ro -e A=1 --dns 1.1.1.1 --dns-search example.com --dns-option ndots:2 --add-host db:10.0.0.5 --restart on-failure:3 nicolaka/netshoot -c 'sleep infinity'\n",
    );
    expect(script).toContain(
      'docker network connect --ip 10.9.0.2 --alias api --link-local-ip 169.254.9.9 --driver-opt com.example.k=v --gw-priority 5 back web\n',
    );
    expect(script).toContain(
      'docker create --name hostnet --network host --mac-address 92:d0:c6:0a:29:33 --entrypoint= nginx echo hi\n',
    );
    expect(script).toContain(
      'docker run -d --name multi --network appnet --ip 172.18.0.3 --mac-address 02:aa:00:00:00:01 --network name=back,ip=10.9.0.3,alias=db2,mac-address=02:aa:00:00:00:02 nicolaka/netshoot sleep infinity\n',
    );
    expect(script).not.toContain('network connect --ip 10.9.0.3');
    // the files were read into the labels and env: the other machine has no such files
    expect(script).toContain(
      'docker run -d --name plain --label tier=back --network none -e B=2 --restart unless-stopped redis\n',
    );
    expect(script).not.toContain('-file');
  });

  it('round trip: the replayed script gives the same inspect for those fields', () => {
    const made = build(lines);
    const again = build(dockerScript(made.world).split('\n'));
    for (const name of ['web', 'hostnet', 'plain', 'multi']) {
      const want = runFields(made, name);
      expect(runFields(again, name), name).toEqual(want);
    }
    // and the fields really were set (not the defaults on both sides)
    const web = runFields(made, 'web');
    expect(web['Config.Entrypoint']).toEqual(['/bin/sh']);
    expect(web['Config.Cmd']).toEqual(['-c', 'sleep infinity']);
    expect(web['HostConfig.ReadonlyRootfs']).toBe(true);
    expect(web['HostConfig.RestartPolicy']).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 });
    expect(web['Config.MacAddress']).toBe('02:aa:bb:cc:dd:01');
    expect((web.Networks as Json).back).toMatchObject({ Aliases: ['api'], GwPriority: 5 });
    expect(runFields(made, 'hostnet')['Config.Entrypoint']).toBeNull();
    expect(runFields(made, 'multi').Networks).toMatchObject({
      appnet: { MacAddress: '02:aa:00:00:00:01' },
      back: { MacAddress: '02:aa:00:00:00:02', Aliases: ['db2'] },
    });
  });
});

describe('dockerScript: IPv6 networks', () => {
  it('keeps --ipv6 with the /64 (the daemon’s ULA pick named) and each container’s IPv6 address', () => {
    const made = build([
      'docker network create --ipv6 v6',
      'docker network create --ipv6 --subnet fd00:7::/64 --gateway fd00:7::fe pinned',
      'docker run -d --name a1 --network v6 nginx',
      'docker run -d --name a2 --network pinned --ip6 fd00:7::20 nginx',
      'docker network connect v6 a2',
    ]);
    const script = dockerScript(made.world);
    const v6 = Object.values(made.world.networks).find((n) => n.name === 'v6')!;
    expect(script).toContain(`--ipv6 --subnet ${v6.ipam6!.subnet} --gateway ${v6.ipam6!.gateway} v6`);
    expect(script).toContain('--network pinned --ip 172.19.0.2 --ip6 fd00:7::20');
    // replayed in a World of another seed (other ids and MACs), the addresses stay
    const again = build(script.split('\n'), createDefaultWorld(42));
    const addrs = (s: Session) => Object.values(s.world.containers).map((c) => [c.name, c.endpoints.map((e) => e.ip6)]);
    expect(addrs(again)).toEqual(addrs(made));
    expect(addrs(made).flat(2)).toContain('fd00:7::20');
  });
});
