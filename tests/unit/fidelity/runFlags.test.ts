import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { RUN_FLAGS } from '../../../src/sim/docker/helpRunFlags';
import { createDefaultWorld } from '../../../src/sim/world';

const usage = (verb: string) => `\n\nRun 'docker ${verb} --help' for more information`;
const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;

// docker/cli v28.5.2 cli/command/container/opts.go parse (net.ParseMAC) and applyContainerOptions
// (the first network's EndpointSettings.MacAddress); moby v28.5.2 client/container_create.go clears
// the deprecated Config.MacAddress for API >= 1.44, but daemon/inspect.go writes the main network's
// DesiredMacAddress back into Config.MacAddress for bridge and user-defined modes.
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
    expect(r[2].output).toBe('02:AA:bb:cc:dd:01|02:AA:bb:cc:dd:01');
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

// docker/cli v28.5.2 internal/volumespec Parse and opts.go parse (Binds / Config.Volumes), opts/mount.go;
// moby volume/mounts (linux_parser.go, validate.go) and api/types/container MountPoint.
describe('-v/--volume and --mount', () => {
  it('split into Binds, Config.Volumes, HostConfig.Mounts and the Mounts list', () => {
    const r = play([
      'mkdir -p /srv/www',
      'docker run -d --name c1 -v /srv/www:/usr/share/nginx/html:ro -v data:/data -v /cache -v ./conf:/etc/conf --mount type=bind,src=/srv/www,dst=/www --mount type=tmpfs,dst=/scratch,tmpfs-size=64m nginx',
      "docker inspect -f '{{json .HostConfig.Binds}} {{json .Config.Volumes}} {{json .HostConfig.Mounts}}' c1",
      "docker inspect -f '{{range .Mounts}}{{.Type}} {{.Name}} {{.Source}} {{.Destination}} {{.Mode}} {{.RW}} {{.Propagation}}|{{end}}' c1",
    ]);
    expect(r[2].output).toBe(
      '["/srv/www:/usr/share/nginx/html:ro","data:/data","/root/conf:/etc/conf"] {"/cache":{}} [{"Type":"bind","Source":"/srv/www","Target":"/www"},{"Type":"tmpfs","Target":"/scratch","TmpfsOptions":{"SizeBytes":67108864}}]',
    );
    const mounts = r[3].output.split('|').filter((m) => m);
    expect(mounts[0]).toMatch(/^volume [0-9a-f]{64} \/var\/lib\/docker\/volumes\/[0-9a-f]{64}\/_data \/cache z true $/);
    expect(mounts.slice(1)).toEqual([
      'volume data /var/lib/docker/volumes/data/_data /data z true ',
      // Name is omitempty: the template over the decoded JSON finds no key
      'bind <no value> /root/conf /etc/conf  true rprivate',
      'tmpfs <no value>  /scratch  true ',
      'bind <no value> /srv/www /usr/share/nginx/html ro false rprivate',
      'bind <no value> /srv/www /www  true rprivate',
    ]);
  });

  it('are refused with the CLI’s and the daemon’s words', () => {
    const help = "\n\nRun 'docker run --help' for more information";
    const cases: [string, string][] = [
      ['-v /a::/b', 'docker: invalid spec: /a::/b: empty section between colons'],
      [
        '-v /a:rel',
        "docker: Error response from daemon: invalid volume specification: '/a:rel': invalid mount config for type \"bind\": invalid mount path: 'rel' mount path must be absolute",
      ],
      [
        '--mount type=bind,src=/nope,dst=/x',
        'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /nope',
      ],
      [
        '--mount type=tmpfs,src=/a,dst=/x',
        'docker: Error response from daemon: invalid mount config for type "tmpfs": field Source must not be specified',
      ],
    ];
    for (const [flags, msg] of cases) expect(err(`docker run ${flags} nginx`).output, flags).toBe(`${msg}${help}`);
    expect(err('docker run --mount src=/a nginx').output).toMatch(
      /^invalid argument "src=\/a" for "--mount" flag: target is required\n/,
    );
  });
});

// go-units ParseUlimit, opts/throttledevice.go, weightdevice.go, gpus.go; container/opts.go
// validateLinuxPath/parseLinuxDevice and validateDeviceCgroupRule; moby daemon/devices.go.
describe('ulimits, devices, block IO, GPUs', () => {
  it('are stored as the API’s lists', () => {
    const out = inspect(
      [
        'docker create --name c1 --ulimit nofile=1024:2048 --ulimit nproc=512 --ulimit nofile=100 --device /dev/fuse --device /dev/sda:/dev/xvda:r --device-cgroup-rule "c 1:3 mr" --blkio-weight 300 --blkio-weight-device /dev/sda:200 --device-read-bps /dev/sda:1mb --device-write-iops /dev/sda:100 --gpus all nginx',
      ],
      '{{json .HostConfig.Ulimits}} {{json .HostConfig.Devices}} {{json .HostConfig.DeviceCgroupRules}} {{.HostConfig.BlkioWeight}} {{json .HostConfig.BlkioWeightDevice}} {{json .HostConfig.BlkioDeviceReadBps}} {{json .HostConfig.BlkioDeviceWriteIOps}} {{json .HostConfig.DeviceRequests}}',
    );
    expect(out).toBe(
      '[{"Name":"nofile","Hard":100,"Soft":100},{"Name":"nproc","Hard":512,"Soft":512}] [{"PathOnHost":"/dev/fuse","PathInContainer":"/dev/fuse","CgroupPermissions":"rwm"},{"PathOnHost":"/dev/sda","PathInContainer":"/dev/xvda","CgroupPermissions":"r"}] ["c 1:3 mr"] 300 [{"Path":"/dev/sda","Weight":200}] [{"Path":"/dev/sda","Rate":1048576}] [{"Path":"/dev/sda","Rate":100}] [{"Driver":"","Count":-1,"DeviceIDs":null,"Capabilities":[["gpu"]],"Options":{}}]',
    );
  });

  it('refuse bad values; --gpus fails at start on a host without a GPU driver', () => {
    const flagErr: [string, string][] = [
      ['--ulimit nofile=10:5', 'ulimit soft limit must be less than or equal to hard limit: 10 > 5'],
      ['--ulimit foo=1', 'invalid ulimit type: foo'],
      ['--device-cgroup-rule x', "invalid device cgroup format 'x'"],
      ['--device-read-bps sda:1mb', 'bad format for device path: sda:1mb'],
      ['--blkio-weight-device /dev/sda:5', 'invalid weight for device: /dev/sda:5'],
      ['--gpus count=x', 'invalid count (x): value must be either "all" or an integer: invalid syntax'],
    ];
    for (const [flags, msg] of flagErr) {
      const [flag, v] = flags.split(' ');
      expect(err(`docker create ${flags} nginx`).output).toMatch(
        new RegExp(`^invalid argument "${v}" for "${flag}" flag: ${msg.replace(/[()[\]]/g, '\\$&')}\n`),
      );
    }
    expect(err('docker create --device fuse nginx').output).toBe(
      "docker: fuse is not an absolute path\n\nRun 'docker create --help' for more information",
    );
    const r = play(['docker run -d --name c1 --gpus all nginx', "docker ps -a --format '{{.Status}}'"]);
    expect(r[0].output.split('\n')[1]).toBe(
      'docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]]',
    );
    expect(r[0].exitCode).toBe(125);
    expect(r[1].output).toBe('Created');
  });
});

// container/opts.go parse (Healthcheck, --no-healthcheck, parseLoggingOpts); moby daemon/container.go
// validateHealthCheck (MinimumDuration 1ms), daemon/logger factory.go and jsonfilelog ValidateLogOpt.
describe('health checks and logging', () => {
  it('are Config.Healthcheck (ns) and HostConfig.LogConfig', () => {
    expect(
      inspect(
        [
          'docker create --name c1 --health-cmd "curl -f localhost || exit 1" --health-interval 30s --health-timeout 1m30s --health-retries 3 --health-start-period 1.5s --health-start-interval 500ms --log-driver syslog --log-opt tag=web --log-opt syslog-address=udp://1.2.3.4:514 --stop-signal SIGTERM --stop-timeout 5 nginx',
        ],
        '{{json .Config.Healthcheck}} {{json .HostConfig.LogConfig}} {{.Config.StopSignal}} {{.Config.StopTimeout}}',
      ),
    ).toBe(
      '{"Test":["CMD-SHELL","curl -f localhost || exit 1"],"Interval":30000000000,"Timeout":90000000000,"StartPeriod":1500000000,"StartInterval":500000000,"Retries":3} {"Type":"syslog","Config":{"syslog-address":"udp://1.2.3.4:514","tag":"web"}} SIGTERM 5',
    );
    expect(inspect(['docker create --name c1 --no-healthcheck nginx'], '{{json .Config.Healthcheck}}')).toBe(
      '{"Test":["NONE"]}',
    );
  });

  it('refuse what the CLI and the daemon refuse', () => {
    const help = "\n\nRun 'docker create --help' for more information";
    expect(err('docker create --no-healthcheck --health-retries 2 nginx').output).toBe(
      `docker: --no-healthcheck conflicts with --health-* options${help}`,
    );
    expect(err('docker create --health-interval -5s nginx').output).toBe(
      `docker: --health-interval cannot be negative${help}`,
    );
    expect(err('docker create --log-driver none --log-opt max-size=1m nginx').output).toBe(
      `docker: invalid logging opts for driver none${help}`,
    );
    expect(err('docker create --health-timeout 5 nginx').output).toMatch(
      /^invalid argument "5" for "--health-timeout" flag: time: missing unit in duration "5"\n/,
    );
    const daemon: [string, string][] = [
      ['--health-interval 500us', 'Interval in Healthcheck cannot be less than 1ms'],
      ['--log-driver foo', "logger: no log driver named 'foo' is registered"],
      ['--log-opt foo=bar', "unknown log opt 'foo' for json-file log driver"],
      ['--stop-signal SIGFOO', 'Invalid signal: SIGFOO'],
    ];
    for (const [flags, msg] of daemon)
      expect(err(`docker create ${flags} nginx`).output).toBe(`Error response from daemon: ${msg}`);
  });
});

// container/opts.go parse (PidMode/UTSMode/UsernsMode/CgroupnsMode Valid, parseSecurityOpts,
// parseSystemPaths, parseStorageOpts), ValidateSysctl; moby validateHostConfig/validateCapabilities,
// verifyPlatformContainerSettings, create_unix.go (privileged: no masked paths), overlay2 storage-opt.
describe('namespaces, security, runtime and the rest', () => {
  it('are shown where inspect keeps them', () => {
    const out = inspect(
      [
        'docker create --name c1 --pid host --ipc host --uts host --userns host --cgroupns host --cap-add NET_ADMIN --cap-drop mknod --security-opt no-new-privileges --security-opt apparmor=unconfined --group-add audio --isolation default --runtime runc --cgroup-parent my.slice --annotation org.x=1 --sysctl net.ipv4.ip_forward=1 --volume-driver local --read-only --init nginx',
      ],
      '{{.HostConfig.PidMode}} {{.HostConfig.IpcMode}} {{.HostConfig.UTSMode}} {{.HostConfig.UsernsMode}} {{.HostConfig.CgroupnsMode}} {{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}} {{json .HostConfig.SecurityOpt}} {{.AppArmorProfile}} {{json .HostConfig.GroupAdd}} {{.HostConfig.Isolation}} {{.HostConfig.Runtime}} {{.HostConfig.CgroupParent}} {{json .HostConfig.Annotations}} {{json .HostConfig.Sysctls}} {{.HostConfig.VolumeDriver}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Init}}',
    );
    expect(out).toBe(
      'host host host host host ["NET_ADMIN"] ["mknod"] ["no-new-privileges","apparmor=unconfined"] unconfined ["audio"] default runc my.slice {"org.x":"1"} {"net.ipv4.ip_forward":"1"} local true true',
    );
    expect(
      inspect(
        ['docker create --name c1 --privileged --security-opt systempaths=unconfined nginx'],
        '{{.HostConfig.Privileged}} {{json .HostConfig.MaskedPaths}} {{json .HostConfig.ReadonlyPaths}} {{json .HostConfig.SecurityOpt}} {{.AppArmorProfile}}',
      ),
    ).toBe('true null null null unconfined');
    expect(
      inspect(
        ['docker create --name c1 --security-opt systempaths=unconfined nginx'],
        '{{json .HostConfig.MaskedPaths}} {{.AppArmorProfile}}',
      ),
    ).toBe('[] docker-default');
  });

  it('refuse bad values with the CLI’s and the daemon’s words', () => {
    const help = "\n\nRun 'docker create --help' for more information";
    const cli: [string, string][] = [
      ['--pid foo', '--pid: invalid PID mode'],
      ['--uts foo', '--uts: invalid UTS mode'],
      ['--userns foo', '--userns: invalid USER mode'],
      ['--cgroupns foo', '--cgroupns: invalid CGROUP mode'],
      ['--security-opt foo', 'Invalid --security-opt: "foo"'],
      [
        '--security-opt seccomp=/nope.json',
        'opening seccomp profile (/nope.json) failed: open /nope.json: no such file or directory',
      ],
      ['--storage-opt size', 'invalid storage option'],
    ];
    for (const [flags, msg] of cli)
      expect(err(`docker create ${flags} nginx`).output, flags).toBe(`docker: ${msg}${help}`);
    expect(err('docker create --sysctl kernel.hostname=x nginx').output).toMatch(
      /^invalid argument "kernel.hostname=x" for "--sysctl" flag: sysctl 'kernel.hostname=x' is not allowed\n/,
    );
    expect(err('docker create --pull sometimes nginx').output).toBe(
      `docker: invalid pull option: 'sometimes': must be one of "always", "missing" or "never"${help}`,
    );
    const daemon: [string, string][] = [
      ['--ipc foo', 'invalid IPC mode: foo'],
      ['--cap-add FOO', 'invalid CapAdd: unknown capability: "CAP_FOO"'],
      ['--cap-drop bar', 'invalid CapDrop: unknown capability: "CAP_BAR"'],
      ['--isolation hyperv', "invalid isolation (hyperv): linux only supports 'default'"],
      ['--runtime crun', 'unknown or invalid runtime name: crun'],
      ['--cgroup-parent foo', 'cgroup-parent for systemd cgroup should be a valid slice named as "xxx.slice"'],
      ['--annotation =x', 'invalid Annotations: the empty string is not permitted as an annotation key'],
      ['--storage-opt size=10G', "--storage-opt is supported only for overlay over xfs with 'pquota' mount option"],
      ['--volumes-from nope', 'No such container: nope'],
      ['-w rel', "the working directory 'rel' is invalid, it needs to be an absolute path"],
      ['--tmpfs run', "invalid mount path: 'run' mount path must be absolute"],
    ];
    for (const [flags, msg] of daemon)
      expect(err(`docker create ${flags} nginx`).output, flags).toBe(`Error response from daemon: ${msg}`);
  });

  it('--ip6 and --link-local-ip go to the first network’s endpoint settings', () => {
    const r = play([
      'docker network create --subnet 172.30.0.0/16 appnet',
      'docker run -d --network appnet --ip6 2001:db8::33 nginx',
      'docker run -d --ip6 2001:db8::33 nginx',
      'docker run -d --network appnet --ip6 1.2.3.4 nginx',
      'docker run -d --name c1 --network appnet --link-local-ip 169.254.1.1 nginx',
      "docker inspect -f '{{json .NetworkSettings.Networks.appnet.IPAMConfig}}' c1",
    ]);
    const pre = 'docker: Error response from daemon: invalid config for network';
    expect(r[1].output.split('\n')[0]).toBe(`${pre} appnet: invalid endpoint settings:`);
    expect(r[1].output).toContain(
      'user specified IP address is supported only when connecting to networks with user configured subnets',
    );
    expect(r[2].output).toContain('user specified IP address is supported on user defined networks only');
    expect(r[3].output).toContain('invalid IPv6 address: 1.2.3.4');
    expect(r[5].output).toBe('{"LinkLocalIPs":["169.254.1.1"]}');
  });
});

// moby daemon/oci_linux.go (Root.Readonly with --read-only; mounts keep their own rw/ro), the
// kernel's EROFS ("Read-only file system"); Docker's own /etc/hosts, resolv.conf, hostname stay writable.
describe('--read-only and read-only mounts', () => {
  it('refuse writes on the root filesystem and on :ro mounts, not on tmpfs or rw mounts', () => {
    const r = play([
      'docker run -d --name c1 --read-only --tmpfs /run -v /srv:/data:ro -v /srv:/rw nicolaka/netshoot sleep infinity',
      "docker exec c1 sh -c 'echo hi > /x'",
      "docker exec c1 sh -c 'touch /tmp/a'",
      "docker exec c1 sh -c 'mkdir /newdir'",
      "docker exec c1 sh -c 'echo hi > /run/ok && cat /run/ok'",
      "docker exec c1 sh -c 'echo hi > /data/x'",
      "docker exec c1 sh -c 'echo hi > /rw/x && cat /rw/x'",
      "docker exec c1 sh -c 'echo 1.1.1.1 x >> /etc/hosts'",
      'docker run -d --name c2 -v /srv:/data:ro nicolaka/netshoot sleep infinity',
      "docker exec c2 sh -c 'echo hi > /x && cat /x'",
      "docker exec c2 sh -c 'echo hi > /data/x'",
    ]);
    expect(r[1].output).toBe('bash: /x: Read-only file system');
    expect(r[2].output).toBe("touch: cannot touch '/tmp/a': Read-only file system");
    expect(r[3].output).toBe('mkdir: cannot create directory ‘/newdir’: Read-only file system');
    expect(r[4].output).toBe('hi');
    expect(r[5].output).toBe('bash: /data/x: Read-only file system');
    expect(r[6].output).toBe('hi');
    expect(r[7].exitCode).toBe(0);
    expect(r[9].output).toBe('hi');
    expect(r[10].output).toBe('bash: /data/x: Read-only file system');
  });
});

// moby v28.5.2 runconfig/config.go decodeContainerConfig and hostconfig_unix.go (checked as the
// request is read: cgroup v2 has no real-time CPU); docker/cli create.go --pull never (no pull
// when the daemon has no such image); daemon oci_linux.go (--uts host: the host's hostname).
describe('request checks, --pull never, --uts host', () => {
  it('refuses what decodeContainerConfig refuses', () => {
    const cases: [string, string][] = [
      ['--uts host -h x', 'conflicting options: hostname and the UTS mode'],
      ['--cpu-rt-period 1000', 'kernel does not support CPU real-time scheduler'],
      ['-c -5', 'invalid CPU shares (-5): value must be a positive integer'],
      ['--io-maxiops 5', 'invalid option: QoS maximum IOPs configuration is not supported on linux'],
    ];
    for (const [flags, msg] of cases)
      expect(err(`docker create ${flags} nginx`).output).toBe(`Error response from daemon: ${msg}`);
  });

  it('--pull never finds no image a fresh daemon has not pulled, and takes one it has', () => {
    const r = play([
      'docker run --pull never nginx',
      'docker create --pull never foo/bar',
      'docker pull -q nginx',
      'docker run -d --name c1 --pull never nginx',
      "docker inspect -f '{{.State.Running}}' c1",
    ]);
    expect(r[0].output).toBe(
      "docker: Error response from daemon: No such image: nginx:latest\n\nRun 'docker run --help' for more information",
    );
    expect(r[0].exitCode).toBe(125);
    expect([r[1].output, r[1].exitCode]).toEqual(['Error response from daemon: No such image: foo/bar:latest', 1]);
    expect(r[4].output).toBe('true');
  });

  it('--uts host gives the host’s hostname', () => {
    const r = play([
      'docker run -d --name c1 --uts host nginx',
      'docker exec c1 hostname',
      "docker inspect -f '{{.HostConfig.UTSMode}} {{.Config.Hostname}}' c1",
    ]);
    expect(r[1].output).toBe('docker-host');
    expect(r[2].output).toBe('host docker-host');
  });
});
