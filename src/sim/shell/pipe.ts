/**
 * Shell pipelines on a console line: `curl -s x | head -3`, `ip addr | grep inet`,
 * `docker ps | grep web`. The first command runs in the engine; what it prints on stdout goes
 * through a few pure text filters (head, tail, grep, wc, sort, uniq, cat); anything else answers as
 * the shell does for a missing command. stderr (the tool's own error and verbose lines) passes
 * by the filters straight to the terminal, as it does in a real shell.
 */

import type { ShellVoice } from '../where';
import { FILTERS } from './filters';
import { pipeSegments } from './lexer';
import { METER_HEADER, meterLine } from './packet/curlMeter';

export type ShellFlavor = 'bash' | 'sh' | 'zsh';

/** A line split at its unquoted `|`: the segments, trimmed, or the shell's syntax error. */
export type Pipeline = { ok: true; segments: string[] } | { ok: false; error: string };

/** Splits at `|` outside quotes, escapes and `$( … )`; a line without a pipe gives one segment. */
export function splitPipeline(line: string, flavor: ShellFlavor): Pipeline {
  const segs = pipeSegments(line);
  if (segs.length > 1 && segs.some((s) => s === '')) {
    const trailing = segs.slice(0, -1).every((s) => s !== '') && segs[segs.length - 1] === '';
    return { ok: false, error: syntaxError(flavor, trailing) };
  }
  return { ok: true, segments: segs };
}

function syntaxError(flavor: ShellFlavor, trailing: boolean): string {
  if (flavor === 'sh')
    return trailing ? 'sh: syntax error: unexpected end of file' : 'sh: syntax error: unexpected "|"';
  if (flavor === 'zsh') return "zsh: parse error near `|'";
  return trailing ? 'bash: syntax error: unexpected end of file' : "bash: syntax error near unexpected token `|'";
}

/**
 * Which of a command's output lines a real tool writes to stderr: its own `name: …` messages,
 * Docker's errors, the shell's "not found", and curl's `-v` lines (`*`, `>`, `<`).
 */
export function isStderrLine(tool: string, line: string): boolean {
  if (tool && line.startsWith(`${tool}: `)) return true;
  if (/^(Error response from daemon|Error: |docker: |OCI runtime |Run 'docker |See 'docker )/.test(line)) return true;
  // docker/cli's flag and usage errors (cobra FlagErrorFunc) and warnings, also on stderr.
  if (
    tool === 'docker' &&
    /^(unknown flag: |unknown shorthand flag: |flag needs an argument: |invalid argument "|Usage: {2}docker |template parsing error: |WARNING: )/.test(
      line,
    )
  )
    return true;
  // the shell's own messages, also as /bin/sh, dash's `sh: 1:` and zsh's `zsh:1:` in a -c string
  if (/^(\/(usr\/)?bin\/)?(bash|sh|ash|dash|zsh)(: |:\d+: )/.test(line)) return true;
  // busybox wget reports on stderr; only the document itself goes to stdout
  const wgetNote = /^(Connecting to |saving to '|writing to stdout$|written to stdout$|'.*' saved$)|\d+% \|\*/;
  if (tool === 'wget' && wgetNote.test(line)) return true;
  if (tool === 'conntrack' && line.startsWith('conntrack v')) return true;
  return tool === 'curl' && /^[*<>] |^[*<>]$|^\* {3}/.test(line);
}

/** The command at the start of a segment whose output the filters read (through docker exec and @). */
export function toolOf(argv: string[]): string {
  const name = toolArgv(argv)[0] ?? '';
  return name.split('/').pop() ?? name;
}

/** That command's own argv: what follows `@MACHINE` or `docker exec [OPTIONS] CONTAINER`. */
export function toolArgv(argv: string[]): string[] {
  let xs = argv[0]?.startsWith('@') ? argv.slice(1) : argv;
  if (xs[0] === 'docker' && (xs[1] === 'exec' || (xs[1] === 'container' && xs[2] === 'exec'))) {
    xs = xs.slice(xs[1] === 'exec' ? 2 : 3);
    while (xs.length && xs[0].startsWith('-')) {
      const withValue = ['-e', '--env', '-u', '--user', '-w', '--workdir', '--env-file'].includes(xs[0]);
      xs = xs.slice(withValue ? 2 : 1);
    }
    xs = xs.slice(1); // the container
  }
  return xs;
}

/**
 * The shell's answer for a command it does not have (exit 127). A `-c` string is a script: bash
 * 5.1+ says `line 1`, zsh `zsh:1:`; dash always names the line; busybox ash never does.
 */
export function notFound(voice: ShellFlavor | ShellVoice, name: string): string {
  const v: ShellVoice =
    typeof voice === 'string' ? { kind: voice === 'sh' ? 'ash' : voice, name: voice, script: false } : voice;
  if (v.kind === 'ash') return `${v.name}: ${name}: not found`;
  if (v.kind === 'dash') return `${v.name}: ${v.line ?? 1}: ${name}: not found`;
  if (v.kind === 'zsh') return v.script ? `${v.name}:1: command not found: ${name}` : `zsh: command not found: ${name}`;
  return v.script ? `${v.name}: line 1: ${name}: command not found` : `${v.name}: ${name}: command not found`;
}

/**
 * Feeds `output` of the first command (`tool`) through the filter segments (already tokenized):
 * stderr lines stay where they were, the filtered stdout takes the place of the first stdout
 * line. The exit code is the last command's, as in a shell without `pipefail`.
 */
export function runFilters(
  output: string,
  tool: string,
  mergeStderr: boolean,
  filters: string[][],
  voice: ShellFlavor | ShellVoice,
  meter = false,
): { output: string; exitCode: number } {
  const flavor: ShellFlavor =
    typeof voice === 'string' ? voice : voice.kind === 'ash' || voice.kind === 'dash' ? 'sh' : voice.kind;
  const lines = output === '' ? [] : output.split('\n');
  const isErr = (l: string) => !mergeStderr && isStderrLine(tool, l);
  let stdout = lines.filter((l) => !isErr(l));
  if (meter) {
    // curl's stdout is a pipe, so it shows its progress meter on stderr
    const bytes = stdout.length ? new TextEncoder().encode(`${stdout.join('\n')}\n`).length : 0;
    const m = /after (\d+) (?:ms|milliseconds)/.exec(lines.find((l) => l.startsWith('curl: (')) ?? '');
    lines.unshift(...METER_HEADER, meterLine(bytes, m ? Number(m[1]) : 1));
    if (mergeStderr) stdout = [...METER_HEADER, meterLine(bytes, m ? Number(m[1]) : 1), ...stdout];
  }
  const errs: string[] = [];
  let exitCode = 0;
  for (const argv of filters) {
    const name = argv[0] ?? '';
    const f = FILTERS[name.split('/').pop() ?? name];
    if (!f) {
      errs.push(notFound(voice, name));
      stdout = [];
      exitCode = 127;
      continue;
    }
    const r = f(argv, stdout, flavor);
    errs.push(...r.stderr);
    stdout = r.stdout;
    exitCode = r.exitCode;
  }
  const out: string[] = [];
  let placed = false;
  const meterLines = meter && !mergeStderr ? 3 : 0;
  for (const [i, l] of lines.entries()) {
    if (i < meterLines || isErr(l)) out.push(l);
    else if (!placed) {
      out.push(...stdout);
      placed = true;
    }
  }
  if (!placed) out.push(...stdout);
  return { output: [...errs, ...out].join('\n'), exitCode };
}
