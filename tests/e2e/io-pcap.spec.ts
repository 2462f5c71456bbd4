import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { decode, readPcap } from '../unit/io/pcapReader';
import { AppPage } from './pages/AppPage';

/** Issue 10: a trace leaves the page as a .pcap that a pcap reader opens, frame by frame. */
test('the simulation panel saves the loaded trace as a .pcap with valid frames', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create net1', 'docker run -d --name web --network net1 nginx');
  const input = app.consoleInput;
  await input.fill('docker run --rm --network net1 nicolaka/netshoot curl -s http://web/');
  await input.press('Enter');
  const button = page.getByTestId('sim-pcap');
  await expect(button).toHaveText('Save .pcap');
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^whalewire-curl-s-http-web\.pcap$/);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  const { linktype, records } = readPcap(bytes);
  expect(linktype).toBe(1);
  const frames = records.map((r) => decode(r.bytes));
  expect(frames.length).toBeGreaterThan(20);
  expect(frames.every((f) => f.checksumsOk)).toBe(true);
  expect(frames.some((f) => f.arp?.op === 1)).toBe(true);
  expect(frames.some((f) => f.l4?.dport === 80 && f.l4.flags === 0x02)).toBe(true);
});

test('the .pcap button speaks Korean with ?lang=ko', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await app.seed('docker run -d --name web nginx');
  await app.consoleInput.fill('curl -s http://172.17.0.2/');
  await app.consoleInput.press('Enter');
  await expect(page.getByTestId('sim-pcap')).toHaveText('.pcap 저장');
});
