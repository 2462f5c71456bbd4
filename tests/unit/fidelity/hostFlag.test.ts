import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { parseDockerDaemonHost } from '../../../src/sim/docker/globalFlags';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const init = 'Failed to initialize: unable to resolve docker endpoint: ';

// docker/cli v28.5.2 opts/hosts.go parseDockerDaemonHost, ParseTCPAddr, parseSimpleProtoAddr;
// cli/flags/options.go hostVar.Set ("specify only one -H"); cli/command/cli.go Client/initialize
// ("Failed to initialize:", "unable to resolve docker endpoint"); moby v28.5.2 client/options.go
// WithHost and go-connections sockets_unix.go (a named pipe: "protocol not available").
describe('-H forms as docker/cli v28.5.2 reads them', () => {
  it('refusals: an unknown scheme, a second scheme, a port that is not a number, npipe, two -H', () => {
    const r = play([
      'docker -H foo://x ps',
      'docker -H tcp://a://b ps',
      'docker -H unix://a://b ps',
      'docker -H tcp://h:x ps',
      'docker -H npipe:////./pipe/docker_engine ps',
      'docker -H a -H b ps',
    ]);
    expect(r[0]).toMatchObject({ output: `${init}invalid bind address format: foo://x`, exitCode: 1 });
    expect(r[1].output).toBe(`${init}invalid proto, expected tcp: tcp://a://b`);
    expect(r[2].output).toBe(`${init}invalid proto, expected unix: a://b`);
    expect(r[3].output).toBe(`${init}parse "tcp://h:x": invalid port ":x" after host`);
    expect(r[4]).toMatchObject({ output: 'Failed to initialize: protocol not available', exitCode: 1 });
    expect(r[5].output.split('\n')[0]).toBe('invalid argument "b" for "-H, --host" flag: specify only one -H');
    expect(r[5].exitCode).toBe(125);
  });

  it('ParseHost defaults: tcp:// the default scheme, host and port (2376 with TLS), unix:// its socket', () => {
    expect(parseDockerDaemonHost('10.0.0.5')).toEqual({ host: 'tcp://10.0.0.5:2375' });
    expect(parseDockerDaemonHost('tcp://')).toEqual({ host: 'tcp://127.0.0.1:2375' });
    expect(parseDockerDaemonHost('tcp://:2380/path')).toEqual({ host: 'tcp://127.0.0.1:2380/path' });
    expect(parseDockerDaemonHost('tcp://h', true)).toEqual({ host: 'tcp://h:2376' });
    expect(parseDockerDaemonHost('unix://')).toEqual({ host: 'unix:///var/run/docker.sock' });
    expect(parseDockerDaemonHost('npipe://')).toEqual({ host: 'npipe:////./pipe/docker_engine' });
    expect(parseDockerDaemonHost('ssh://me@host:22')).toEqual({ host: 'ssh://me@host:22' });
    const r = play([
      'docker -H 10.0.0.5 ps',
      'docker -H unix:///run/other.sock ps',
      'docker -H unix:///var/run/docker.sock ps',
    ]);
    expect(r[0].output).toBe(
      'Cannot connect to the Docker daemon at tcp://10.0.0.5:2375. Is the docker daemon running?',
    );
    expect(r[1].output).toBe(
      'Cannot connect to the Docker daemon at unix:///run/other.sock. Is the docker daemon running?',
    );
    expect(r[2]).toMatchObject({
      output: 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES',
      exitCode: 0,
    });
  });
});
