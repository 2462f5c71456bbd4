import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const help = `\n\nRun 'docker run --help' for more information`;

// moby v28.5.2 daemon/oci_linux.go createSpec (WithResources before WithDevices), oci/devices_linux.go
// DevicesFromPath ("error gathering device information while adding custom device %q: %s";
// containerd's ErrNotADevice "not a device node"), daemon/daemon_unix.go getBlkioWeightDevices and
// getBlkioThrottleDevices (os.PathError "stat PATH: …"), daemon/start.go (a failed start leaves the
// container Created); docker/cli v28.5.2 cli/command/container/run.go toStatusError (127).
describe('--device and the blkio device flags name host devices, read as the container starts', () => {
  it('a --device the host lacks: the start error, the container left Created, exit 127', () => {
    const r = play([
      'docker run --name web --device /dev/xyz nginx',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      'docker start web',
    ]);
    const msg =
      'Error response from daemon: error gathering device information while adding custom device "/dev/xyz": no such file or directory';
    expect(r[0].output).toBe(`docker: ${msg}${help}`);
    expect(r[0].exitCode).toBe(127);
    expect(r[1].output).toBe('web Created');
    expect(r[2].output).toBe(`${msg}\nError: failed to start containers: web`);
    expect(r[2].exitCode).toBe(1);
  });

  it('host devices, directories holding them, and a file that is not a device node', () => {
    const r = play([
      'docker run -d --name aa --device /dev/sda --device /dev/net:/dev/net:rw nginx',
      'docker run -d --name bb --device /etc/hosts:/dev/h nginx',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
    ]);
    expect(r[0].exitCode).toBe(0);
    expect(r[1].output.split('\n')[1]).toBe(
      'docker: Error response from daemon: error gathering device information while adding custom device "/etc/hosts": not a device node',
    );
    expect(r[1].exitCode).toBe(125);
    expect(r[2].output).toBe('bb Created\naa Up 2 seconds');
  });

  it('blkio devices are stat()ed first; --privileged skips a --device onto its own path', () => {
    const r = play([
      'docker run -d --device /dev/xyz --blkio-weight-device /dev/sdb:100 nginx',
      'docker run -d --device-write-iops /dev/nvme0n1:100 nginx',
      'docker run -d --device-read-bps /dev/sda:1mb --privileged --device /dev/xyz nginx',
      'docker run -d --privileged --device /dev/xyz:/dev/y nginx',
    ]);
    expect(r[0].output.split('\n')[1]).toBe(
      'docker: Error response from daemon: stat /dev/sdb: no such file or directory',
    );
    expect(r[0].exitCode).toBe(127);
    expect(r[1].output.split('\n')[1]).toBe(
      'docker: Error response from daemon: stat /dev/nvme0n1: no such file or directory',
    );
    expect(r[2].exitCode).toBe(0);
    expect(r[3].output.split('\n')[1]).toBe(
      'docker: Error response from daemon: error gathering device information while adding custom device "/dev/xyz": no such file or directory',
    );
  });
});
