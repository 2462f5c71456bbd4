import { describe, expect, it } from 'vitest';
import { createDefaultWorld } from '../../../src/sim/world';
import { docker, play } from './helpers';

// Expected texts are docker/cli v28 captures at the CLI's fallback width (80 columns).
const PS_HELP = `Usage:  docker ps [OPTIONS]

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

const EXEC_HELP = `Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]

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
      out.startsWith(`Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]

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
    // v28 still lists content trust and --kernel-memory, and --ip is a string flag.
    expect(out).toContain(`      --disable-content-trust            Skip image verification (default
                                         true)
`);
    expect(out).toContain(`      --ip string                        IPv4 address (e.g., 172.30.100.104)
`);
    expect(out).toContain(`      --isolation string                 Container isolation technology
      --kernel-memory bytes              Kernel memory limit
`);
    expect(out).toContain(`      --ulimit ulimit                    Ulimit options (default [])
      --use-api-socket                   Bind mount Docker API socket and
                                         required auth
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
        'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n',
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

  it('docker --help lists the Compose plugin as v28 with docker-compose-plugin does (decoratedName: compose*)', () => {
    const out = docker(w, 'docker --help').output;
    expect(out).toContain(
      'Management Commands:\n  compose*    Docker Compose\n  container   Manage containers\n  image       Manage images\n',
    );
  });

  it('docker create --help: run without -d/--detach-keys/--sig-proxy, pulling "before creating"', () => {
    const out = docker(w, 'docker create --help').output;
    expect(
      out.startsWith(
        'Usage:  docker create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate a new container\n\nAliases:\n  docker container create, docker create\n',
      ),
    ).toBe(true);
    expect(out).not.toContain('--detach');
    expect(out).not.toContain('--sig-proxy');
    expect(out).toContain(`      --pull string                      Pull image before creating
                                         ("always", "|missing", "never")
                                         (default "missing")
`);
  });

  it('docker stop --help: v28 names -t --timeout (--time is hidden, deprecated)', () => {
    expect(docker(w, 'docker stop --help').output).toBe(`Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]

Stop one or more running containers

Aliases:
  docker container stop, docker stop

Options:
  -s, --signal string   Signal to send to the container
  -t, --timeout int     Seconds to wait before killing the container`);
    const { world } = play(['docker run -d --name web nginx']);
    expect(docker(world, 'docker stop --timeout 3 web')).toMatchObject({ output: 'web', exitCode: 0 });
    expect(docker(world, 'docker stop --time 3 web')).toMatchObject({
      output: 'Flag --time has been deprecated, use --timeout instead\nweb',
      exitCode: 0,
    });
  });

  it('docker rm / container remove --help (CommandPath names the command, not the alias)', () => {
    const rm = `Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]

Remove one or more containers

Aliases:
  docker container rm, docker container remove, docker rm

Options:
  -f, --force     Force the removal of a running container (uses SIGKILL)
  -l, --link      Remove the specified link
  -v, --volumes   Remove anonymous volumes associated with the container`;
    expect(docker(w, 'docker rm --help').output).toBe(rm);
    expect(docker(w, 'docker container remove --help').output).toBe(rm.replace('docker rm [', 'docker container rm ['));
  });

  it('docker port --help has no Options section; port refuses unknown flags as cobra does', () => {
    expect(docker(w, 'docker port --help').output).toBe(`Usage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]

List port mappings or a specific mapping for the container

Aliases:
  docker container port, docker port`);
    expect(docker(w, 'docker port -x web')).toMatchObject({
      output:
        "unknown shorthand flag: 'x' in -x\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information",
      exitCode: 125,
    });
  });

  it('docker logs --help', () => {
    expect(docker(w, 'docker logs --help').output).toBe(`Usage:  docker logs [OPTIONS] CONTAINER

Fetch the logs of a container

Aliases:
  docker container logs, docker logs

Options:
      --details        Show extra details provided to logs
  -f, --follow         Follow log output
      --since string   Show logs since timestamp (e.g.
                       "2013-01-02T13:23:37Z") or relative (e.g. "42m"
                       for 42 minutes)
  -n, --tail string    Number of lines to show from the end of the logs
                       (default "all")
  -t, --timestamps     Show timestamps
      --until string   Show logs before a timestamp (e.g.
                       "2013-01-02T13:23:37Z") or relative (e.g. "42m"
                       for 42 minutes)`);
  });

  it('docker inspect --help and docker container inspect --help differ', () => {
    expect(
      docker(w, 'docker inspect --help').output,
    ).toContain(`  -s, --size            Display total file sizes if the type is container
      --type string     Only inspect objects of the given type`);
    expect(
      docker(w, 'docker container inspect --help').output,
    ).toBe(`Usage:  docker container inspect [OPTIONS] CONTAINER [CONTAINER...]

Display detailed information on one or more containers

Options:
  -f, --format string   Format output using a custom template:
                        'json':             Print in JSON format
                        'TEMPLATE':         Print output using the given
                        Go template.
                        Refer to https://docs.docker.com/go/formatting/
                        for more information about formatting output with
                        templates
  -s, --size            Display total file sizes`);
  });

  it('docker network create / ls / rm / disconnect --help', () => {
    expect(docker(w, 'docker network create --help').output).toBe(`Usage:  docker network create [OPTIONS] NETWORK

Create a network

Options:
      --attachable           Enable manual container attachment
      --aux-address map      Auxiliary IPv4 or IPv6 addresses used by
                             Network driver (default map[])
      --config-from string   The network from which to copy the configuration
      --config-only          Create a configuration only network
  -d, --driver string        Driver to manage the Network (default "bridge")
      --gateway strings      IPv4 or IPv6 Gateway for the master subnet
      --ingress              Create swarm routing-mesh network
      --internal             Restrict external access to the network
      --ip-range strings     Allocate container ip from a sub-range
      --ipam-driver string   IP Address Management Driver (default "default")
      --ipam-opt map         Set IPAM driver specific options (default map[])
      --ipv4                 Enable or disable IPv4 address assignment
                             (default true)
      --ipv6                 Enable or disable IPv6 address assignment
      --label list           Set metadata on a network
  -o, --opt map              Set driver specific options (default map[])
      --scope string         Control the network's scope
      --subnet strings       Subnet in CIDR format that represents a
                             network segment`);
    const ls = docker(w, 'docker network list --help').output;
    expect(
      ls.startsWith(
        'Usage:  docker network ls [OPTIONS]\n\nList networks\n\nAliases:\n  docker network ls, docker network list\n\nOptions:\n  -f, --filter filter   Provide filter values (e.g. "driver=bridge")\n',
      ),
    ).toBe(true);
    expect(docker(w, 'docker network rm --help').output).toBe(`Usage:  docker network rm NETWORK [NETWORK...]

Remove one or more networks

Aliases:
  docker network rm, docker network remove

Options:
  -f, --force   Do not error if the network does not exist`);
    expect(
      docker(w, 'docker network disconnect --help').output,
    ).toBe(`Usage:  docker network disconnect [OPTIONS] NETWORK CONTAINER

Disconnect a container from a network

Options:
  -f, --force   Force the container to disconnect from a network`);
    expect(
      docker(w, 'docker network connect --help').output,
    ).toContain(`      --gw-priority int         Highest gw-priority provides the default
                                gateway. Accepts positive and negative values.
`);
  });
});

describe('docker help [command] (cli/cobra.go helpCommand) and image help', () => {
  const w = createDefaultWorld();

  it('docker help is the root help; docker help run is run --help; an unknown topic is an error', () => {
    expect(docker(w, 'docker help').output).toBe(docker(w, 'docker --help').output);
    expect(docker(w, 'docker help run').output).toBe(docker(w, 'docker run --help').output);
    expect(docker(w, 'docker help network ls').output).toBe(docker(w, 'docker network ls --help').output);
    expect(docker(w, 'docker help network').output).toBe(docker(w, 'docker network --help').output);
    expect(docker(w, 'docker help nope')).toMatchObject({ output: 'unknown help topic: nope', exitCode: 1 });
  });

  it('docker images --help / docker image ls --help (v28 lists --tree as experimental)', () => {
    const out = docker(w, 'docker images --help').output;
    expect(
      out.startsWith(
        'Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n\nAliases:\n  docker image ls, docker image list, docker images\n\nOptions:\n  -a, --all             Show all images (default hides intermediate images)\n',
      ),
    ).toBe(true);
    expect(
      out.endsWith(
        '  -q, --quiet           Only show image IDs\n      --tree            List multi-platform images as a tree (EXPERIMENTAL)',
      ),
    ).toBe(true);
    expect(docker(w, 'docker image list --help').output).toBe(out.replace('docker images [', 'docker image ls ['));
    expect(docker(w, 'docker pull --help').output).toBe(`Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]

Download an image from a registry

Aliases:
  docker image pull, docker pull

Options:
  -a, --all-tags                Download all tagged images in the repository
      --disable-content-trust   Skip image verification (default true)
      --platform string         Set platform if server is multi-platform
                                capable
  -q, --quiet                   Suppress verbose output`);
  });
});

describe('--help before the arguments, whatever the command parses', () => {
  const w = createDefaultWorld();

  it('top and rename (which take no flags of their own) print their help', () => {
    expect(docker(w, 'docker top --help').output).toBe(`Usage:  docker top CONTAINER [ps OPTIONS]

Display the running processes of a container

Aliases:
  docker container top, docker top`);
    expect(docker(w, 'docker container rename --help')).toMatchObject({
      output: `Usage:  docker container rename CONTAINER NEW_NAME

Rename a container

Aliases:
  docker container rename, docker rename`,
      exitCode: 0,
    });
    expect(
      docker(w, 'docker top -h').output.startsWith(
        'Flag shorthand -h has been deprecated, use --help\nUsage:  docker top',
      ),
    ).toBe(true);
  });

  it('attach and container prune; prune alone is no top-level command', () => {
    expect(docker(w, 'docker attach --help').output).toBe(`Usage:  docker attach [OPTIONS] CONTAINER

Attach local standard input, output, and error streams to a running container

Aliases:
  docker container attach, docker attach

Options:
      --detach-keys string   Override the key sequence for detaching a
                             container
      --no-stdin             Do not attach STDIN
      --sig-proxy            Proxy all received signals to the process
                             (default true)`);
    expect(docker(w, 'docker container prune --help').output).toContain(
      '  -f, --force           Do not prompt for confirmation',
    );
    expect(docker(w, 'docker help prune')).toMatchObject({ output: 'unknown help topic: prune', exitCode: 1 });
  });
});
