/**
 * The shell a line runs in, when a `sh -c` or an interactive `docker exec -it c sh` chose it: it
 * decides how "not found" is worded. `kind`: busybox ash, Debian's dash, bash or zsh; `name`: how
 * it was called ($0: `sh`, `/bin/sh`); `script`: a `-c` string, where bash, dash and zsh name the line.
 */
export interface ShellVoice {
  kind: 'ash' | 'dash' | 'bash' | 'zsh';
  name: string;
  script: boolean;
  /** the line an interactive dash is on (it names it in every message) */
  line?: number;
}

/** Where a command runs: a machine of the World, or inside a container (optionally in a chosen shell). */
export type Where = ({ kind: 'machine'; id: string } | { kind: 'container'; id: string }) & {
  shell?: ShellVoice;
  /** the shell's working directory (absent: `~` on a machine, `/` in a container; fs.ts) */
  cwd?: string;
  /** the user a `docker exec -u` runs as (a name or a uid); absent: root */
  user?: string;
  /** a `docker exec`'s own -e / --env-file values, set over the container's environment; absent: none */
  env?: string[];
  /** a `docker exec` with (-t) or without a terminal; absent: the container's main process (its -t) */
  tty?: boolean;
  /** a host's command run in a container's namespace (nsenter): it sees the host's PIDs */
  hostPids?: boolean;
  /** `docker exec --privileged`: the process has every capability (daemon/exec_linux.go) */
  privileged?: boolean;
};
