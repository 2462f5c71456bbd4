/**
 * How tests and benchmarks launch Chromium: Debian's by default (browsers cannot be downloaded
 * here); CHROMIUM_PATH points elsewhere, or '' for Playwright's own browser.
 */
export const CHROMIUM_PATH: string | undefined = (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') || undefined;

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
