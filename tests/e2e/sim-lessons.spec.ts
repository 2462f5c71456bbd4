import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel, sceneTrace } from './pages/LessonPanel';

/**
 * A teacher walks a class through the seed lessons without touching the console: a lesson scene
 * from the picker, a packet from the "Send a packet…" form or a suggested-packet button, then
 * stepping. Expected steps come from the engine run headlessly on the same lines.
 */

const shots = new URL('../../shots/', import.meta.url).pathname;

const DNS = sceneById('dns-test')!;
const NAT = sceneById('nat-portfwd')!;
const PING = 'docker exec containerA ping -c 1 containerB';

test('seed 004: load the lesson, send containerA → containerB ping with the form, step through ARP and ICMP and back', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(DNS);
  await expect(sim.panel.getByTestId('sim-lesson-status')).toContainText(
    'Loaded “Docker DNS on a user-defined bridge”',
  );
  await expect(app.container('containerA')).toBeVisible();
  // the console echoed the scene's lines as if typed
  const log = await app.api((w) => w.log());
  expect(log).toContain(
    'root@docker-host:~# docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
  );

  await sim.panel.getByTestId('sim-send-open').click();
  const form = sim.panel.getByTestId('sim-send-form');
  await form.getByLabel('From').selectOption('containerA');
  await form.getByLabel('To').fill('containerB');
  // DNS lookup from pingbuntu: the form says so before anything is sent
  await form.getByRole('radio', { name: 'DNS lookup' }).check();
  await expect(form.getByTestId('sim-send-preview')).toHaveText('docker exec containerA nslookup containerB');
  await expect(form.getByTestId('sim-send-warn')).toContainText('devwikirepo/pingbuntu');
  await expect(form.getByTestId('sim-send-warn')).toContainText('nicolaka/netshoot');
  await form.getByRole('radio', { name: 'Ping' }).check();
  await expect(form.getByTestId('sim-send-warn')).toHaveCount(0);
  await expect(form.getByTestId('sim-send-preview')).toHaveText(PING);
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(form).toHaveCount(0);
  await expect(app.consoleInput).toHaveValue('');
  expect(await app.api((w) => w.log())).toContain(`root@docker-host:~# ${PING}`);

  const trace = sceneTrace(DNS, PING);
  await expect(sim.panel.getByTestId('sim-command')).toHaveText(trace.command);
  await sim.expectAt(trace, 0);
  const seen: string[] = [];
  for (let i = 1; i < trace.steps.length; i++) {
    await page.keyboard.press('ArrowRight');
    await sim.expectAt(trace, i);
    seen.push(trace.steps[i].action, trace.steps[i].frame.l4?.icmpType ?? '');
  }
  for (const a of ['arp-request', 'flood', 'arp-reply', 'echo-request', 'echo-reply']) expect(seen).toContain(a);
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('1/1 replies from 10.0.0.3');
  // and back, through the ICMP exchange to the ARP reply
  const arpReply = trace.steps.findIndex((s) => s.action === 'arp-reply');
  for (let i = trace.steps.length - 2; i >= arpReply; i--) {
    await page.keyboard.press('ArrowLeft');
    await sim.expectAt(trace, i);
  }
  await expect(sim.panel.getByTestId('sim-change').filter({ hasText: 'ARP' }).first()).toContainText('10.0.0.2');

  // the lesson's suggested packets: the name nobody has does not resolve
  await sim.clickPacket('containerA → containerC ping (no such container)');
  await expect(sim.panel.getByTestId('sim-command')).toHaveText('ping -c 1 containerC');
  await sim.panel.getByTestId('sim-event').last().click();
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('name not known');
});

test('seed 000: remote → router → docker-host → web shows both DNAT rewrites', async ({ page }) => {
  // it plays 109 steps in real time (about 21 s at 4x, up to 50 s on a loaded machine) before the clicks
  test.setTimeout(120_000);
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(NAT);
  const packet = NAT.packets.find((p) => p.id === 'remote-80')!;
  const trace = sceneTrace(NAT, packet.line);
  await sim.panel.getByRole('button', { name: 'remote → 124.111.46.91:80', exact: true }).click();
  await expect(sim.panel.getByTestId('sim-command')).toHaveText(trace.command);

  // play it at 4x to the end, as a class would watch it
  await sim.panel.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await sim.panel.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('HTTP 200 from 124.111.46.91:80', {
    timeout: 50_000,
  });

  const dnats = trace.steps.flatMap((s, i) => (s.action === 'dnat' ? [i] : []));
  const events = sim.panel.getByTestId('sim-event');
  await events.nth(dnats[0]).click();
  await sim.expectAt(trace, dnats[0]);
  await sim.expectRewrite('IPv4.dst', '124.111.46.91', '192.168.0.10');
  await sim.expectRewrite('TCP.dport', '80', '8001');
  await events.nth(dnats[1]).click();
  await sim.expectAt(trace, dnats[1]);
  await sim.expectRewrite('IPv4.dst', '192.168.0.10', '172.17.0.2');
  await sim.expectRewrite('TCP.dport', '8001', '80');
});

test('loading a lesson over the person’s work asks first, and Undo brings the work back', async ({ page }) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await app.seed('docker run -d --name mine nginx');
  await sim.loadScene(NAT);
  const replace = sim.panel.getByRole('button', { name: 'Replace' });
  await expect(replace).toBeFocused();
  await sim.panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.container('mine')).toBeVisible();
  await expect(app.container('web')).toHaveCount(0);

  await sim.loadScene(NAT);
  await page.keyboard.press('Enter');
  await expect(app.container('web')).toBeVisible();
  await expect(app.container('mine')).toHaveCount(0);
  await expect(sim.panel.getByTestId('sim-lesson-packets')).toBeVisible();
  await sim.panel.getByTestId('sim-lesson-status').getByRole('button', { name: 'Undo' }).click();
  await expect(app.container('mine')).toBeVisible();
  await expect(app.container('web')).toHaveCount(0);
  await expect(sim.panel.getByTestId('sim-lesson-packets')).toHaveCount(0);
});

test('picking source and target on the canvas fills the form', async ({ page }) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(DNS);
  await app.fit();
  await sim.panel.getByTestId('sim-send-open').click();
  const form = sim.panel.getByTestId('sim-send-form');
  await form.getByRole('button', { name: 'Pick on canvas' }).click();
  await expect(form).toContainText('Click the source on the canvas');
  await app.container('containerB').click();
  await expect(form).toContainText('Now click the target');
  await page.getByTestId('machine-pc1').click();
  await expect(form.getByLabel('From')).toHaveValue('containerB');
  await expect(form.getByLabel('To')).toHaveValue('pc1');
  await expect(form.getByTestId('sim-send-preview')).toHaveText('docker exec containerB ping -c 1 192.168.0.20');
  await page.keyboard.press('Escape');
});

test('with Korean chosen the lesson picker, its packets and the form are Korean', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('lang-select').selectOption('ko');
  const panel = page.getByTestId('sim-panel');
  await panel
    .getByTestId('sim-scene-dns-test')
    .getByRole('button', { name: `불러오기: ${DNS.title.ko}` })
    .click();
  await expect(panel.getByTestId('sim-lesson-status')).toContainText(`“${DNS.title.ko}”를 불러왔습니다`);
  await expect(panel.getByRole('button', { name: 'containerA → containerC ping (없는 컨테이너)' })).toBeVisible();
  await panel.getByRole('button', { name: '패킷 보내기…' }).click();
  await expect(panel.getByTestId('sim-send-form').getByRole('radio', { name: 'DNS 조회' })).toBeVisible();
  await panel.getByRole('button', { name: 'containerA → containerB ping', exact: true }).click();
  await expect(panel.getByTestId('sim-narration')).toHaveText(/[가-힣]/);
});

test('screenshots: presenter 1920x1080 and 1280x720', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open();
  await page.screenshot({ path: `${shots}lessons-empty-1280.png` });
  await sim.loadScene(DNS);
  await sim.panel.getByTestId('sim-send-open').click();
  await sim.panel.getByTestId('sim-send-form').getByLabel('From').selectOption('containerA');
  await sim.panel.getByTestId('sim-send-form').getByLabel('To').fill('containerB');
  await page.screenshot({ path: `${shots}lessons-form-1280.png` });
  await sim.panel.getByTestId('sim-send-form').getByRole('button', { name: 'Send' }).click();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${shots}lessons-004-1280.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('p');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${shots}lessons-004-presenter-1920.png` });
  // the form works projected too: opened, filled and sent from the keyboard
  await sim.panel.getByTestId('sim-send-open').click();
  const form = sim.panel.getByTestId('sim-send-form');
  await expect(form.getByLabel('From')).toBeFocused();
  await form.getByLabel('To').fill('google.com');
  await form.getByRole('radio', { name: 'HTTP GET' }).check();
  await expect(form.getByTestId('sim-send-warn')).toContainText('has no curl');
  await page.screenshot({ path: `${shots}lessons-form-presenter-1920.png` });
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(sim.panel.getByTestId('sim-send-open')).toBeFocused();

  await sim.loadScene(NAT);
  await sim.panel.getByRole('button', { name: 'Replace' }).click();
  await sim.panel.getByRole('button', { name: 'remote → 124.111.46.91:80', exact: true }).click();
  const trace = sceneTrace(NAT, NAT.packets[0].line);
  const dnat = trace.steps.findIndex((s) => s.action === 'dnat');
  for (let i = 0; i < dnat; i++) await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, dnat);
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${shots}lessons-000-presenter-1920.png` });
  await page.keyboard.press('p');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${shots}lessons-000-1280.png` });
});
