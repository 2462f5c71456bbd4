import { describe, expect, it } from 'vitest';
import { createDefaultWorld } from '../../../src/sim/world';
import { docker } from './helpers';

// Expected texts are docker/cli v28 captures at the CLI's fallback width (80 columns).
const PS_HELP = `
Usage:  docker ps [OPTIONS]

List containers

Aliases:
  docker container ls, docker container list, docker container ps, docker ps

Options:
  -a, --all             Show all containers (default shows just running)
  -f, --filter filter   Filter output based on conditions provided
      --format string   Format output using a custom template:
                        'table':            Print output in table format
                        with column headers (default)
                        'table TEMPLATE':   Print output in table format
                        using the given Go template
                        'json':             Print in JSON format
                        'TEMPLATE':         Print output using the given
                        Go template.
                        Refer to https://docs.docker.com/go/formatting/
                        for more information about formatting output with
                        templates
  -n, --last int        Show n last created containers (includes all
                        states) (default -1)
  -l, --latest          Show the latest created container (includes all
                        states)
      --no-trunc        Don't truncate output
  -q, --quiet           Only display container IDs
  -s, --size            Display total file sizes`;

const EXEC_HELP = `
Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]

Execute a command in a running container

Aliases:
  docker container exec, docker exec

Options:
  -d, --detach               Detached mode: run command in the background
      --detach-keys string   Override the key sequence for detaching a
                             container
  -e, --env list             Set environment variables
      --env-file list        Read in a file of environment variables
  -i, --interactive          Keep STDIN open even if not attached
      --privileged           Give extended privileges to the command
  -t, --tty                  Allocate a pseudo-TTY
  -u, --user string          Username or UID (format:
                             "<name|uid>[:<group|gid>]")
  -w, --workdir string       Working directory inside the container`;

describe('--help prints v28 usage instead of "unknown flag: --help"', () => {
  const w = createDefaultWorld();

  it('docker ps --help and docker container ls --help', () => {
    expect(docker(w, 'docker ps --help')).toMatchObject({ output: PS_HELP, exitCode: 0 });
    expect(docker(w, 'docker ps -a --help').output).toBe(PS_HELP);
    expect(docker(w, 'docker container ls --help').output).toBe(
      PS_HELP.replace('docker ps [OPTIONS]', 'docker container ls [OPTIONS]'),
    );
  });

  it('docker exec --help; -h is the root help flag, deprecated as a shorthand', () => {
    expect(docker(w, 'docker exec --help').output).toBe(EXEC_HELP);
    expect(docker(w, 'docker exec -h').output).toBe(`Flag shorthand -h has been deprecated, use --help\n${EXEC_HELP}`);
  });

  it('docker run --help: header, Aliases and pflag-wrapped rows', () => {
    const out = docker(w, 'docker run --help').output;
    expect(
      out.startsWith(`
Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]

Create and run a new container from an image

Aliases:
  docker container run, docker run

Options:
      --add-host list                    Add a custom host-to-IP mapping
                                         (host:ip)
      --annotation map                   Add an annotation to the
                                         container (passed through to the
                                         OCI runtime) (default map[])
`),
    ).toBe(true);
    expect(out).toContain(`      --cgroupns string                  Cgroup namespace to use
                                         (host|private)
                                         'host':    Run the container in
                                         the Docker host's cgroup
                                         namespace
                                         'private': Run the container in
                                         its own private cgroup namespace
                                         '':        Use the cgroup
                                         namespace as configured by the
                                                    default-cgroupns-mode
                                         option on the daemon (default)
`);
    expect(out).toContain(`      --help                             Print usage
  -h, --hostname string                  Container host name
`);
    expect(
      out.endsWith(`  -w, --workdir string                   Working directory inside the
                                         container`),
    ).toBe(true);
    expect(docker(w, 'docker container run --help').output).toBe(
      out.replace('docker run [OPTIONS]', 'docker container run [OPTIONS]'),
    );
  });

  it("a --help after the image belongs to the container command; -h is run's --hostname", () => {
    expect(docker(w, 'docker run --rm nginx --help').output).not.toContain('Usage:');
    expect(docker(w, 'docker run -h').output).toContain("flag needs an argument: 'h' in -h");
  });

  it('docker --help / docker -h: root usage with Global Options and the guides line', () => {
    const out = docker(w, 'docker --help').output;
    expect(
      out.startsWith(
        '\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n',
      ),
    ).toBe(true);
    expect(out).toContain(`Global Options:
      --config string      Location of client config files (default
                           "/root/.docker")
  -c, --context string     Name of the context to use to connect to the
                           daemon (overrides DOCKER_HOST env var and
                           default context set with "docker context use")
  -D, --debug              Enable debug mode
`);
    expect(
      out.endsWith(`  -v, --version            Print version information and quit

Run 'docker COMMAND --help' for more information on a command.

For more help on how to use Docker, head to https://docs.docker.com/go/guides/`),
    ).toBe(true);
    expect(docker(w, 'docker -h').output).toBe(`Flag shorthand -h has been deprecated, use --help\n${out}`);
  });

  it('a command whose v28 text is not here keeps the flag error', () => {
    expect(docker(w, 'docker stop --help')).toMatchObject({ exitCode: 125 });
  });
});
