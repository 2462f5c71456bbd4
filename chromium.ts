import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * How tests and benchmarks launch Chromium: CHROMIUM_PATH when set ('' means Playwright's own
 * browser), else Debian's /usr/bin/chromium when present, else Playwright's own browser when it is
 * installed. Where neither exists, one line says what to install.
 */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const NO_CHROMIUM_HINT =
  'No Chromium for the browser tests: install one with `npx playwright install chromium` (or Debian/Ubuntu: `apt-get install chromium`), or set CHROMIUM_PATH to a Chromium binary.';

/** The executable to launch: undefined means Playwright's own browser. Pure so tests can call it. */
export function pickChromium(
  env: string | undefined,
  exists: (path: string) => boolean,
  playwrightOwn: string,
): string | undefined {
  if (env !== undefined) return env || undefined;
  if (exists(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (playwrightOwn && exists(playwrightOwn)) return undefined;
  throw new Error(NO_CHROMIUM_HINT);
}

function playwrightOwnPath(): string {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
}

/** Resolved lazily: importing the config must not fail on a machine that only runs unit tests. */
export function chromiumPath(): string | undefined {
  return pickChromium(process.env.CHROMIUM_PATH, existsSync, playwrightOwnPath());
}

/** Flags for a sandboxless, offline, GPU-less machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
