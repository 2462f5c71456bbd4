import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { RUN_FLAGS } from '../../../src/sim/docker/helpRunFlags';
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

// Every flag `docker run --help` lists (helpRunFlags.ts, v28) is one `run` and `create` accept.
describe('every flag run --help lists is accepted by run and create', () => {
  const value = (type: string, long: string) =>
    ({ bool: null, list: long === 'attach' ? 'stdout' : 'x', bytes: '64m', int: '1', decimal: '1' })[type] ?? 'x';
  for (const verb of ['run', 'create']) {
    it(`${verb}: none of them is an unknown flag`, () => {
      for (const [short, long, type] of RUN_FLAGS) {
        if (long === 'help') continue;
        const v = value(type, long);
        for (const form of [`--${long}`, ...(short ? [`-${short}`] : [])]) {
          const line = `docker ${verb} ${form}${v === null ? '' : ` ${v}`} nginx`;
          const out = runScript(createDefaultWorld(), line).results[0].output;
          expect(out, line).not.toMatch(/unknown (shorthand )?flag/);
        }
      }
    });
  }
});

const inspect = (lines: string[], fmt: string, name = 'c1') => {
  const r = play([...lines, `docker inspect -f '${fmt}' ${name}`]);
  return r[r.length - 1].output;
};
const err = (line: string) => runScript(createDefaultWorld(), line).results[0];

// docker/cli v28.5.2 opts/opts.go MemBytes (go-units RAMInBytes), NanoCPUs (ParseCPUs); moby
// daemon_unix.go adaptContainerSettings (MemorySwap = 2 x Memory) and verifyPlatformContainerResources.
describe('memory and CPU flags', () => {
  it('are stored in Docker’s encoding', () => {
    const fmt =
      '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.MemoryReservation}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.CpusetCpus}} {{.HostConfig.PidsLimit}} {{.HostConfig.OomScoreAdj}} {{.HostConfig.ShmSize}}';
    expect(
      inspect(
        [
          'docker create --name c1 -m 512m --memory-reservation 256MiB --cpus 1.5 -c 512 --cpuset-cpus 0-1 --pids-limit 100 --oom-score-adj 200 --shm-size 1g nginx',
        ],
        fmt,
      ),
    ).toBe('536870912 1073741824 268435456 1500000000 512 0-1 100 200 1073741824');
    // -1 is unlimited swap; --pids-limit 0 or -1 means none (null)
    expect(
      inspect(
        ['docker create --name c1 -m 100m --memory-swap -1 --pids-limit -1 nginx'],
        '{{.HostConfig.MemorySwap}} {{json .HostConfig.PidsLimit}}',
      ),
    ).toBe('-1 null');
  });

  it('refuses bad values with pflag’s and the daemon’s words, creating nothing', () => {
    const cases: [string, string, number][] = [
      ['-m abc', 'invalid argument "abc" for "-m, --memory" flag: invalid size: \'abc\'', 125],
      ['-m 12x', 'invalid argument "12x" for "-m, --memory" flag: invalid suffix: \'x\'', 125],
      ['--cpus abc', 'invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number', 125],
      ['--cpus 0.0000000001', 'invalid argument "0.0000000001" for "--cpus" flag: value is too precise', 125],
      ['-c x', 'invalid argument "x" for "-c, --cpu-shares" flag: strconv.ParseInt: parsing "x": invalid syntax', 125],
      [
        '--blkio-weight 70000',
        'invalid argument "70000" for "--blkio-weight" flag: strconv.ParseUint: parsing "70000": value out of range',
        125,
      ],
    ];
    for (const [flags, msg, code] of cases) {
      const r = err(`docker create ${flags} nginx`);
      expect(r.output).toBe(
        `${msg}\n\nUsage:  docker create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker create --help' for more information`,
      );
      expect(r.exitCode).toBe(code);
    }
    const daemon: [string, string][] = [
      ['-m 4m', 'Minimum memory limit allowed is 6MB'],
      ['-m 100m --memory-swap 50m', 'Minimum memoryswap limit should be larger than memory limit, see usage'],
      ['--memory-swap 1g', 'You should always set the Memory limit when using Memoryswap limit, see usage'],
      [
        '-m 100m --memory-reservation 200m',
        'Minimum memory limit can not be less than memory reservation limit, see usage',
      ],
      ['--cpus 9', 'range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available'],
      ['--cpus 1 --cpu-period 100000', 'Conflicting options: Nano CPUs and CPU Period cannot both be set'],
      ['--cpu-period 10', 'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)'],
      ['--cpu-quota 10', 'CPU cfs quota can not be less than 1ms (i.e. 1000)'],
      ['--cpuset-cpus 1-0', 'Invalid value 1-0 for cpuset cpus: invalid format: 1-0'],
      ['--cpuset-cpus 7', 'Requested CPUs are not available - requested 7, available: 0-3'],
      ['--blkio-weight 5', 'Range of blkio weight is from 10 to 1000'],
      ['--oom-score-adj 2000', 'Invalid value 2000, range for oom score adj is [-1000, 1000]'],
    ];
    for (const [flags, msg] of daemon) {
      const r = runScript(createDefaultWorld(), `docker create ${flags} nginx`);
      expect(r.results[0].output, flags).toBe(`Error response from daemon: ${msg}`);
      expect(r.results[0].exitCode).toBe(1);
      expect(Object.keys(r.session.world.containers)).toHaveLength(0);
    }
    expect(err('docker run --memory-swappiness 101 nginx').output).toBe(
      "docker: invalid value: 101. Valid memory swappiness range is 0-100\n\nRun 'docker run --help' for more information",
    );
  });

  it('warns where a cgroup v2 host discards a setting, and shows null', () => {
    const r = play([
      'docker run -d --name c1 --oom-kill-disable --memory-swappiness 10 nginx',
      "docker inspect -f '{{json .HostConfig.OomKillDisable}} {{json .HostConfig.MemorySwappiness}}' c1",
    ]);
    const lines = r[0].output.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'WARNING: Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. Memory swappiness discarded.',
      'WARNING: Your kernel does not support OomKillDisable. OomKillDisable discarded.',
    ]);
    expect(lines[2]).toMatch(/^[0-9a-f]{64}$/);
    expect(r[1].output).toBe('null null');
  });
});

// docker/cli v28.5.2 opts/parse.go ReadKVEnvStrings/ReadKVStrings over pkg/kvfile (files first,
// then -e/-l; bare keys: looked up / dropped), container/opts.go --entrypoint, moby daemon/create.go
// mergeAndVerifyConfig ([""] resets the entrypoint; then "no command specified").
describe('--env-file, --label-file, --entrypoint', () => {
  it('read the files of the host the CLI runs on, before -e and -l, and the app sees them', () => {
    const r = play([
      "echo 'COLOR=red' > app.env",
      "echo '# a comment' >> app.env",
      "echo 'UNSET_ON_CLIENT' >> app.env",
      "echo 'tier=web' > labels.txt",
      'docker run -d --name c1 --env-file app.env --label-file labels.txt -l tier=api -l x=1 -e X=1 -p 8001:3000 devwikirepo/envnodecolorapp',
      "docker inspect -f '{{json .Config.Env}} {{json .Config.Labels}}' c1",
      'curl -s localhost:8001',
    ]);
    expect(r[5].output).toBe(
      '["COLOR=red","X=1","PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"] {"tier":"api","x":"1"}',
    );
    expect(r[6].output).toContain('COLOR: red');
  });

  it('fail as the CLI does for a missing file, a directory or a bad line', () => {
    const help = "\n\nRun 'docker run --help' for more information";
    expect(err('docker run --env-file nope.env nginx').output).toBe(
      `docker: open nope.env: no such file or directory${help}`,
    );
    expect(err('docker run --label-file /tmp nginx').output).toBe(
      `docker: invalid env file (/tmp): read /tmp: is a directory${help}`,
    );
    const r = play([
      "echo 'BAD KEY=1' > e.env",
      'docker run --env-file e.env nginx',
      "echo '=1' > f.env",
      'docker create --env-file f.env nginx',
    ]);
    expect(r[1].output).toBe(`docker: invalid env file (e.env): variable 'BAD KEY' contains whitespaces${help}`);
    expect(r[1].exitCode).toBe(125);
    expect(r[3].output).toBe(
      "docker: invalid env file (f.env): no variable name on line '=1'\n\nRun 'docker create --help' for more information",
    );
  });

  it('--entrypoint replaces the image’s and its CMD: what runs, inspect, ps', () => {
    const r = play([
      'docker run --rm --entrypoint echo nicolaka/netshoot hello world',
      'docker run -d --name c1 --entrypoint sleep nicolaka/netshoot 300',
      "docker inspect -f '{{.Path}} {{json .Args}} {{json .Config.Entrypoint}} {{json .Config.Cmd}}' c1",
      "docker ps --format '{{.Command}}' --no-trunc",
      'docker create --entrypoint "" nginx',
      'docker create --name c2 --entrypoint "" nginx nginx -g "daemon off;"',
      "docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Path}}' c2",
    ]);
    expect(r[0].output).toBe('hello world');
    expect(r[2].output).toBe('sleep ["300"] ["sleep"] ["300"]');
    expect(r[3].output).toBe('"sleep 300"');
    expect(r[4].output).toBe('Error response from daemon: no command specified');
    expect(r[6].output).toBe('null ["nginx","-g","daemon off;"] nginx');
  });
});

// docker/cli v28.5.2 create.go newCIDFile / cidFile.Write, run.go toStatusError (127 for a missing file).
describe('--cidfile', () => {
  it('writes the id into a new file on the host, and refuses one that exists', () => {
    const r = play([
      'docker create --cidfile /tmp/web.cid --name c1 nginx',
      'cat /tmp/web.cid',
      "docker inspect -f '{{.HostConfig.ContainerIDFile}}' c1",
      'docker create --cidfile /tmp/web.cid nginx',
      'docker run --cidfile /nodir/x.cid nginx',
      'docker create --cidfile /nodir/x.cid nginx',
      'docker ps -aq',
    ]);
    expect(r[1].output).toBe(r[0].output);
    expect(r[2].output).toBe('/tmp/web.cid');
    expect(r[3].output).toBe(
      "container ID file found, make sure the other container isn't running or delete /tmp/web.cid",
    );
    expect(r[3].exitCode).toBe(1);
    expect(r[4].output).toBe(
      "docker: failed to create the container ID file: open /nodir/x.cid: no such file or directory\n\nRun 'docker run --help' for more information",
    );
    expect(r[4].exitCode).toBe(127);
    expect(r[5].exitCode).toBe(1);
    expect(r[6].output.split('\n')).toHaveLength(1);
  });
});

// docker/cli v28.5.2 opts.go validateAttach and parse (AttachStdin with -i, StdinOnce), run.go's -a/-d conflict.
describe('-a/--attach', () => {
  it('chooses the streams inspect shows, and is refused with -d or a bad name', () => {
    expect(
      inspect(
        ['docker create --name c1 -a stdin -a STDERR -i nginx'],
        '{{.Config.AttachStdin}} {{.Config.AttachStdout}} {{.Config.AttachStderr}} {{.Config.StdinOnce}}',
      ),
    ).toBe('true false true true');
    const r = err('docker run -d -a stdout nginx');
    expect([r.output, r.exitCode]).toEqual(['conflicting options: cannot specify both --attach and --detach', 1]);
    expect(err('docker run -a foo nginx').output).toMatch(
      /^invalid argument "foo" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR\n\nUsage:/,
    );
  });
});
