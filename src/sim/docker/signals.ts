import type { Container } from '../model';
import { stopExitCode } from './daemonRestart';

/**
 * Signals as moby v28.5.2 takes them: moby/sys/signal ParseSignal (a number 1-255, or a Linux
 * name with or without SIG, any case), ValidSignalForPlatform for `kill`, and what a container's
 * main process does with one: SIGKILL kills it (137); a server's handler makes TERM, INT and QUIT
 * an orderly exit (0); any other signal, or one its PID 1 has no handler for, changes nothing
 * (the kernel delivers no default action to a namespace's init).
 */

const NAMES: Record<string, number> = {
  ABRT: 6,
  ALRM: 14,
  BUS: 7,
  CHLD: 17,
  CLD: 17,
  CONT: 18,
  FPE: 8,
  HUP: 1,
  ILL: 4,
  INT: 2,
  IO: 29,
  IOT: 6,
  KILL: 9,
  PIPE: 13,
  POLL: 29,
  PROF: 27,
  PWR: 30,
  QUIT: 3,
  SEGV: 11,
  STKFLT: 16,
  STOP: 19,
  SYS: 31,
  TERM: 15,
  TRAP: 5,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  USR1: 10,
  USR2: 12,
  VTALRM: 26,
  WINCH: 28,
  XCPU: 24,
  XFSZ: 25,
  RTMIN: 34,
  RTMAX: 64,
};
for (let i = 1; i <= 15; i++) {
  NAMES[`RTMIN+${i}`] = 34 + i;
  NAMES[`RTMAX-${i}`] = 64 - i;
}

/** ParseSignal: the signal's number, or the error (`Invalid signal: X`, X as typed). */
export function parseSignal(raw: string): { ok: true; sig: number } | { ok: false; error: string } {
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    if (n === 0 || n > 255) return { ok: false, error: `Invalid signal: ${raw}` };
    return { ok: true, sig: n };
  }
  const name = raw.toUpperCase().replace(/^SIG/, '');
  return name in NAMES ? { ok: true, sig: NAMES[name] } : { ok: false, error: `Invalid signal: ${raw}` };
}

/** ContainerKill's refusal of a signal, or null. */
export function killSignalError(raw: string): string | null {
  const s = parseSignal(raw);
  if (!s.ok) return s.error;
  return s.sig > 64 ? `the linux daemon does not support signal ${s.sig}` : null;
}

/** The exit code signal `sig` ends the container's main process with, or null when it keeps running. */
export function signalOutcome(c: Container, sig: number): number | null {
  if (sig === 9) return 137;
  if ([2, 3, 15].includes(sig) && stopExitCode(c) === 0) return 0;
  return null;
}
