import { imageInfo } from '../images';
import { imageUsers } from '../imageUsers';
import { hostsNames } from '../lookup';
import type { CommandResult, World } from '../model';
import { stackOf } from '../stack';
import type { Where } from '../where';
import type { ShellCommand } from './index';

/** What `help` prints: the console language of DESIGN.md §5. */
export const HELP_TEXT = `whalewire console: type what you would type on a Docker host.

  docker ...                 the Docker CLI (run, ps, inspect, network create/ls/inspect/connect, ...)
  docker run -it IMG bash    enter the container; later lines run inside it until "exit"
  docker exec [-it] C CMD    run one command inside container C
  @MACHINE CMD               run one line on another machine (@pc1, @router, @remote) or container
  # comment                  ignored, as are blank lines

Shell commands:
  ping curl wget nslookup dig host getent traceroute   send packets (step through them)
  ip addr | ip route [get IP] | ip link | ip neigh | ip -br addr     (busybox: route -n, arp -a)
  cat /etc/resolv.conf | cat /etc/hosts
  brctl show | bridge fdb show | conntrack -L|-C|-F
  iptables -S | iptables -t nat -S | iptables -L -n [-v]
  hostname  whoami  echo  sleep N  clear  exit  help
  pwd  cd DIR  ls [-la]  mkdir [-p]  cat FILE  touch  rm [-rf]  nano FILE  vi FILE
  echo TEXT > FILE   >> FILE   < FILE   cat > FILE <<'EOF' … EOF       files and heredocs
  CMD | grep [-i] [-v] PAT | head [-n N] | tail | wc -l     filter what a command prints
  A && B   A || B   A ; B   $(CMD)   $?                      as in bash`;

/** Commands that need no packets and no tables: echo, exit, clear, whoami, hostname, help. */
export const basicCommands: Record<string, ShellCommand> = {
  echo: (world, argv) => {
    const noNewline = argv[1] === '-n';
    return { world, output: argv.slice(noNewline ? 2 : 1).join(' '), exitCode: 0 };
  },
  // the console decides what leaving means (pop a container, or just "logout" at the top)
  exit: (world, argv) => ({ world, output: '', exitCode: Number(argv[1] ?? 0) || 0, exit: true }),
  logout: (world) => ({ world, output: '', exitCode: 0, exit: true }),
  clear: (world) => ({ world, output: '', exitCode: 0 }),
  true: (world) => ({ world, output: '', exitCode: 0 }),
  // time passes: conntrack timers count down, docker ps ages (coreutils' wording for bad input)
  sleep: (world, argv) => {
    const usage = "Try 'sleep --help' for more information.";
    if (argv.length < 2) return { world, output: `sleep: missing operand\n${usage}`, exitCode: 1 };
    let ms = 0;
    for (const a of argv.slice(1)) {
      const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
      if (!m) return { world, output: `sleep: invalid time interval '${a}'\n${usage}`, exitCode: 1 };
      ms += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'] * 1000;
    }
    return { world: { ...world, clock: world.clock + Math.round(ms) }, output: '', exitCode: 0 };
  },
  false: (world) => ({ world, output: '', exitCode: 1 }),
  whoami: (world, _argv, where) => whoami(world, where),
  help: (world) => ({ world, output: HELP_TEXT, exitCode: 0 }),
  hostname: (world, argv, where) => {
    const stack = stackOf(world, where);
    if (argv[1] === '-i' || argv[1] === '-I') {
      const ips = (stack?.ifaces ?? []).flatMap((f) => f.addrs.map((a) => a.ip)).filter((ip) => ip !== '127.0.0.1');
      return { world, output: argv[1] === '-I' ? `${ips.join(' ')} ` : ips.join(' '), exitCode: 0 };
    }
    if (argv[1] === '-f' || argv[1] === '--fqdn' || argv[1] === '-d' || argv[1] === '--domain') {
      // the canonical name from /etc/hosts: a container's own line is "FQDN short" (--domainname)
      const c = where.kind === 'container' ? world.containers[where.id] : undefined;
      const fqdn = c ? hostsNames(c)[0] : (stack?.hostname ?? '');
      const dot = fqdn.indexOf('.');
      if (argv[1] === '-f' || argv[1] === '--fqdn') return { world, output: fqdn, exitCode: 0 };
      return { world, output: dot > 0 ? fqdn.slice(dot + 1) : '', exitCode: 0 };
    }
    if (argv.length > 1) return { world, output: 'hostname: you must be root to change the host name', exitCode: 1 };
    return { world, output: stack?.hostname ?? '', exitCode: 0 };
  },
};

/**
 * `whoami` as `docker exec -u` makes it: the user's name, or for a uid the image's passwd has no
 * entry for, coreutils' (busybox's) refusal.
 */
function whoami(world: World, where: Where): CommandResult {
  const c = where.kind === 'container' ? world.containers[where.id] : undefined;
  // an exec's -u, else the container's own User (run -u) for its main process
  const user = where.user ?? c?.user?.split(':')[0];
  if (!c || user === undefined || user === '') return { world, output: 'root', exitCode: 0 };
  if (!/^\d+$/.test(user)) return { world, output: user, exitCode: 0 };
  const name = Object.entries(imageUsers(c.image)).find(([, uid]) => uid === Number(user))?.[0];
  if (name) return { world, output: name, exitCode: 0 };
  const busybox = imageInfo(c.image).flavor === 'busybox';
  return {
    world,
    output: busybox ? `whoami: unknown uid ${user}` : `whoami: cannot find name for user ID ${user}`,
    exitCode: 1,
  };
}
