import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const help = `\n\nRun 'docker run --help' for more information`;

// runc libcontainer (finalizeNamespace: "chdir to cwd (%q) set in config.json failed: %w";
// utils ValidateProcessSpec: "Cwd must be an absolute path"), seen through moby v28.5.2
// daemon/exec.go ContainerExecStart and daemon/errors.go setExitCodeFromError (127 for "no such
// file or directory", the bind-mount hint and 127 for "not a directory", else 128);
// container/container.go SetupWorkingDirectory (create makes the directory, "Cannot mkdir: %s is
// not a directory"), daemon/container.go translateWorkingDir (filepath.Clean).
describe('working directories: exec -w that does not exist, run -w that makes it', () => {
  const web = 'docker run -d --name web -w /app/ nginx';

  it('exec -w DIR that the container lacks: runc’s chdir error, exit 127', () => {
    const r = play([web, 'docker exec -w /nope web pwd', 'docker exec -it -w /nope web bash', 'pwd']);
    const msg =
      'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown';
    expect(r[1].output).toBe(msg);
    expect(r[1].exitCode).toBe(127);
    expect(r[2].output).toBe(msg);
    expect(r[2].exitCode).toBe(127);
    expect(r[3].output).toBe('/root');
  });

  it('exec -w onto a file, and a relative -w', () => {
    const r = play([web, 'docker exec -w /etc/hosts web pwd', 'docker exec -w tmp web pwd']);
    expect(r[1].output).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/etc/hosts") set in config.json failed: not a directory: unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type',
    );
    expect(r[1].exitCode).toBe(127);
    expect(r[2].output).toBe('OCI runtime exec failed: exec failed: Cwd must be an absolute path: unknown');
    expect(r[2].exitCode).toBe(128);
  });

  it('run -w makes the directory (cleaned), the main process and exec start in it', () => {
    const r = play([
      web,
      'docker exec web pwd',
      'docker exec web ls /',
      "docker inspect -f '{{.Config.WorkingDir}}' web",
      'docker run --rm -w /w/x alpine pwd',
      'docker exec -w /etc web pwd',
    ]);
    expect(r[1].output).toBe('/app');
    expect(r[2].output).toBe('app  bin  dev  etc  home  proc  root  run  sys  tmp  usr  var');
    expect(r[3].output).toBe('/app');
    expect(r[4].output).toBe('/w/x');
    expect(r[5].output).toBe('/etc');
  });

  it('run -w onto a file of the init layer is refused by the daemon', () => {
    const r = play(['docker run -w /etc/hosts nginx', 'docker ps -aq']);
    expect(r[0].output).toBe(`docker: Error response from daemon: Cannot mkdir: /etc/hosts is not a directory${help}`);
    expect(r[0].exitCode).toBe(125);
    expect(r[1].output).toBe('');
  });
});
