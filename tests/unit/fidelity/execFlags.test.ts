import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const usage = `\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nRun 'docker exec --help' for more information`;

// docker/cli v28.5.2 cli/command/container/exec.go (parseExec, opts.ValidateEnv, pkg/kvfile);
// moby v28.5.2 daemon/exec.go ContainerExecCreate (getActiveContainer, getUser, term.ToBytes),
// daemon/oci_linux.go getUser (moby/sys/user: "unable to find user …").
describe('docker exec -u, -w, -e, --env-file, --detach-keys, --privileged, -d', () => {
  const web = 'docker run -d --name web nginx';

  it('-u runs the command as that user: a name of the image’s passwd, or a uid', () => {
    const r = play([
      web,
      'docker exec web sh -c whoami',
      'docker exec -u nginx web sh -c whoami',
      'docker exec --user=101 web sh -c whoami',
      'docker exec -u 1000:1000 web sh -c whoami',
      'docker exec -u bogus web sh -c whoami',
    ]);
    expect(r.slice(1, 4).map((x) => x.output)).toEqual(['root', 'nginx', 'nginx']);
    expect(r[4].output).toBe('whoami: cannot find name for user ID 1000');
    expect(r[4].exitCode).toBe(1);
    expect(r[5].output).toBe(
      'Error response from daemon: unable to find user bogus: no matching entries in passwd file',
    );
    expect(r[5].exitCode).toBe(1);
  });

  it('-w is the working directory of the command and of an entered shell', () => {
    const r = play([
      web,
      'docker exec -w /etc web sh -c pwd',
      'docker exec -it --workdir /tmp web bash',
      'pwd',
      'exit',
      'pwd',
    ]);
    expect(r[1].output).toBe('/etc');
    expect(r[3].output).toBe('/tmp');
    expect(r[5].output).toBe('/root');
  });

  it('-e is checked by ValidateEnv; --env-file is read on the host, relative to the shell’s directory', () => {
    const r = play([
      web,
      'docker exec -e =x web ls',
      'docker exec --env-file nope.env web ls',
      "echo 'A=1' > app.env",
      "echo ' bad key=2' >> app.env",
      'docker exec --env-file app.env web ls',
      'docker exec --env-file /tmp web ls',
      "echo '# comment' > good.env",
      "echo 'B=2' >> good.env",
      'docker exec --env-file good.env -e C=3 web sh -c pwd',
    ]);
    expect(r[1].output).toBe(`invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x${usage}`);
    expect(r[1].exitCode).toBe(125);
    expect(r[2].output).toBe('open nope.env: no such file or directory');
    expect(r[2].exitCode).toBe(1);
    expect(r[5].output).toBe("invalid env file (app.env): variable 'bad key' contains whitespaces");
    expect(r[6].output).toBe('invalid env file (/tmp): read /tmp: is a directory');
    expect(r[9].output).toBe('/');
    expect(r[9].exitCode).toBe(0);
  });

  it('--detach-keys must be a sequence term.ToBytes reads', () => {
    const r = play([
      web,
      'docker exec --detach-keys ctrl-p,q,DEL,x web sh -c pwd',
      'docker exec --detach-keys ctrl-xx web sh -c pwd',
    ]);
    expect(r[1].output).toBe('/');
    expect(r[2].output).toBe('Error response from daemon: Invalid escape keys (ctrl-xx) provided');
    expect(r[2].exitCode).toBe(1);
  });

  it('-d prints nothing; --privileged takes a Go bool', () => {
    const r = play([
      web,
      'docker exec -d web ls /etc',
      'docker exec --privileged web sh -c pwd',
      'docker exec --privileged=maybe web ls',
    ]);
    expect(r[1].output).toBe('');
    expect(r[1].exitCode).toBe(0);
    expect(r[2].output).toBe('/');
    expect(r[3].output).toBe(
      `invalid argument "maybe" for "--privileged" flag: strconv.ParseBool: parsing "maybe": invalid syntax${usage}`,
    );
  });

  it('the daemon refuses a stopped container before it looks at the user', () => {
    const r = play([web, 'docker stop web', 'docker exec -u bogus web ls', "docker inspect -f '{{.Id}}' web"]);
    expect(r[2].output).toBe(`Error response from daemon: container ${r[3].output} is not running`);
  });
});
