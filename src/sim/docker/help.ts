import { type FlagRow, GLOBAL_FLAGS, HELP } from './helpData';

/**
 * `--help` as docker/cli v28 prints it: cli/cobra.go's usage template (Usage, description,
 * Aliases, Options; v28 dropped the help template's leading blank line, docker/cli#5730), the flag table laid out by
 * pflag's FlagUsagesWrapped at the CLI's fallback width (80 columns, wrapped at 79).
 */

const COLS = 79;

/** pflag's wrapN: cut `s` at the last blank before `i` unless it fits within i+slop. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap: `s` wrapped to width `w` with continuation lines indented by `i`. */
function wrap(i0: number, w: number, s: string): string {
  let i = i0;
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += `\n${' '.repeat(i)}`;
  }
  if (width < 24) return s.replaceAll('\n', r);
  const slop = 5;
  width -= slop;
  const pad = `\n${' '.repeat(i)}`;
  let [l, rest] = wrapN(width, slop, s);
  r += l.replaceAll('\n', pad);
  while (rest !== '') {
    [l, rest] = wrapN(width, slop, rest);
    r += pad + l.replaceAll('\n', pad);
  }
  return r;
}

/** pflag's FlagUsagesWrapped(cols), trailing blanks trimmed as the template's trimRightSpace. */
export function flagUsages(rows: FlagRow[], cols = COLS): string {
  const heads = rows.map(([s, l, v]) => `${s ? `  -${s}, --${l}` : `      --${l}`}${v ? ` ${v}` : ''}`);
  const maxlen = Math.max(...heads.map((h) => h.length + 1));
  return rows
    .map((row, k) => `${heads[k]} ${' '.repeat(maxlen - heads[k].length)} ${wrap(maxlen + 2, cols, row[3])}`)
    .join('\n')
    .replace(/\s+$/, '');
}

/** cobra's CommandPath names the command, not the alias typed ("container list" is "container ls"). */
const CANONICAL: Record<string, string> = {
  'container list': 'container ls',
  'container ps': 'container ls',
  'container remove': 'container rm',
  'network list': 'network ls',
  'network remove': 'network rm',
  'image list': 'image ls',
  'service list': 'service ls',
  'service remove': 'service rm',
  'node list': 'node ls',
};

/** Management commands whose subcommands' help is known here: `docker network ls --help` … */
export const MANAGEMENT = ['container', 'network', 'image', 'swarm', 'service', 'node'];

/** The help text of `docker <cmdPath>` if v28's is known here ("run", "container run", "network ls" …). */
export function commandHelp(typed: string): string | undefined {
  const cmdPath = CANONICAL[typed] ?? typed;
  const words = cmdPath.split(' ');
  let key: string | undefined;
  if (words.length === 1) key = words[0];
  else if (words.length === 2 && words[0] === 'container') {
    key = words[1] === 'ls' ? 'ps' : ['inspect', 'prune'].includes(words[1]) ? `container ${words[1]}` : words[1];
  } else if (words.length === 2 && ['network', 'swarm', 'service', 'node'].includes(words[0])) key = cmdPath;
  else if (words.length === 2 && words[0] === 'image') key = { ls: 'images', list: 'images', pull: 'pull' }[words[1]];
  const h = key === undefined || (words.length === 1 && key.includes(' ')) ? undefined : HELP[key];
  if (!h) return undefined;
  const args = h.use.split(' ').slice(1).join(' ');
  const parts = [`Usage:  docker ${cmdPath}${args ? ` ${args}` : ''}`, h.short];
  if (h.aliases) parts.push(`Aliases:\n  ${h.aliases}`);
  if (h.flags.length) parts.push(`Options:\n${flagUsages(h.flags)}`);
  return parts.join('\n\n');
}

/**
 * `docker CMD --help` (or `-h` where CMD has no -h of its own) right after the command words:
 * cobra reads it as the help flag whatever the command's own parsing would make of it.
 */
export function leadingHelp(argv: string[]): string | undefined {
  const n = MANAGEMENT.includes(argv[0]) ? 2 : 1;
  const flag = argv[n];
  if (flag !== '--help' && flag !== '-h') return undefined;
  const path = argv.slice(0, n).join(' ');
  const text = commandHelp(path);
  if (!text) return undefined;
  if (flag === '--help') return text;
  const key = CANONICAL[path] ?? path;
  const entry = HELP[key] ?? HELP[key.split(' ').at(-1) ?? ''];
  if (entry?.flags.some(([short]) => short === 'h')) return undefined;
  return `Flag shorthand -h has been deprecated, use --help\n${text}`;
}

/** The root command's "Global Options" table. */
export function globalOptions(): string {
  return flagUsages(GLOBAL_FLAGS);
}
