import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM, NO_CHROMIUM_HINT, pickChromium } from '../../chromium';

const OWN = '/home/u/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
const has =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('which Chromium the browser tests launch', () => {
  it('uses Debian’s /usr/bin/chromium when present', () => {
    expect(pickChromium(undefined, has(DEBIAN_CHROMIUM, OWN), OWN)).toBe('/usr/bin/chromium');
  });
  it('falls back to Playwright’s own browser (undefined executablePath) when Debian’s is absent', () => {
    expect(pickChromium(undefined, has(OWN), OWN)).toBeUndefined();
  });
  it('says in one line what to install when neither exists', () => {
    expect(() => pickChromium(undefined, has(), OWN)).toThrow(NO_CHROMIUM_HINT);
    expect(NO_CHROMIUM_HINT).not.toContain('\n');
    expect(NO_CHROMIUM_HINT).toContain('npx playwright install chromium');
  });
  it('CHROMIUM_PATH wins; empty means Playwright’s own', () => {
    expect(pickChromium('/opt/chrome', has(), OWN)).toBe('/opt/chrome');
    expect(pickChromium('', has(DEBIAN_CHROMIUM), OWN)).toBeUndefined();
  });
});
