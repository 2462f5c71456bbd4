import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readPcap } from '../unit/io/pcapReader';
import { AppPage } from './pages/AppPage';

const shots = new URL('../../shots/', import.meta.url).pathname;

/** Issue 10, "Capture in the console": tcpdump in one terminal sees what another terminal's commands send. */
test('tcpdump in terminal 1 prints the ping typed in terminal 2; Ctrl+C prints its summary', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const prompt = page.getByTestId('console-prompt');
  await app.type('docker network create --subnet 10.0.0.0/24 net1');
  await app.type('docker run -d --name ca --network net1 devwikirepo/pingbuntu');
  await app.type('docker run -d --name cb --network net1 devwikirepo/pingbuntu');
  await app.type('tcpdump -n -i any');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText(
    'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes',
  );
  // tcpdump holds the terminal: no prompt, and the input says how to stop it
  await expect(prompt).toHaveText('');
  await expect(app.consoleInput).toHaveAttribute('placeholder', /Ctrl\+C stops it/);

  await page.keyboard.press('Alt+t');
  await expect(page.getByTestId('term-tab-1')).toHaveAttribute('aria-current', 'true');
  await app.type('docker exec ca ping -c 1 cb');
  await expect(app.consoleOutput).toContainText('1 packets transmitted, 1 received');
  await page.keyboard.press('Alt+1');
  const out = app.consoleOutput;
  await expect(out).toContainText(/ARP, Request who-has 10\.0\.0\.3 tell 10\.0\.0\.2, length 28/);
  await expect(out).toContainText(/IP 10\.0\.0\.2 > 10\.0\.0\.3: ICMP echo request, id \d+, seq 1, length 64/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${shots}tcpdump-1280-en.png` });

  await app.consoleInput.focus();
  await page.keyboard.press('Control+c');
  await expect(out.locator('pre').last()).toHaveText(
    '^C\n8 packets captured\n8 packets received by filter\n0 packets dropped by kernel',
  );
  await expect(prompt).toHaveText('root@docker-host:~#');
  // at a prompt, Ctrl+C drops the half-typed line as bash does
  await page.keyboard.type('docker ps');
  await page.keyboard.press('Control+c');
  await expect(out.locator('div.log-cmd').last()).toHaveText('root@docker-host:~# docker ps^C');
  await expect(app.consoleInput).toHaveValue('');
});

test('tcpdump -w FILE, Ctrl+C, then the Inspector downloads the capture that tcpdump -r reads (Korean)', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await app.type('docker network create --subnet 10.0.0.0/24 net1');
  await app.type('docker run -d --name ca --network net1 devwikirepo/pingbuntu');
  await app.type('docker run -d --name cb --network net1 devwikirepo/pingbuntu');
  await app.type('tcpdump -i any -w /root/ping.pcap');
  await expect(app.consoleInput).toHaveAttribute('placeholder', /Ctrl\+C로 멈춥니다/);
  await page.getByTestId('term-new').click();
  await app.type('docker exec ca ping -c 2 cb');
  await expect(app.consoleOutput).toContainText('2 packets transmitted, 2 received');
  await page.getByTestId('term-tab-0').click();
  await expect(app.consoleInput).toBeFocused();
  await page.keyboard.press('Control+c');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText(
    '^C\n12 packets captured\n12 packets received by filter\n0 packets dropped by kernel',
  );
  await app.type('ls -l ping.pcap');
  await expect(app.consoleOutput.locator('pre').last()).toContainText('ping.pcap');

  await page.getByTestId('node-docker-host').click({ position: { x: 40, y: 12 } });
  const files = page.getByTestId('insp-files');
  await expect(files).toContainText('/root/ping.pcap');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${shots}tcpdump-files-1280-ko.png` });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    files.getByRole('button', { name: '내려받기: /root/ping.pcap' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ping.pcap');
  const file = await download.path();
  const { records } = readPcap(new Uint8Array(readFileSync(file)));
  expect(records.length).toBe(12);
  if (existsSync('/usr/bin/tcpdump')) {
    const text = execFileSync('/usr/bin/tcpdump', ['-n', '-r', file], { encoding: 'utf8' });
    expect(text.trim().split('\n')).toHaveLength(12);
    expect(text).toMatch(/IP 10\.0\.0\.2 > 10\.0\.0\.3: ICMP echo request, id \d+, seq 2, length 64/);
  }
});
