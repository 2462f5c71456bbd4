import { expect, type Locator, test } from '@playwright/test';
import { formatExplain } from '../../src/i18n/trace';
import { nextVisible } from '../../src/sim/playback/filters';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel, sceneTrace } from './pages/LessonPanel';

/**
 * The teacher's audit of simulation mode: seed 000 entirely by clicking, the keys after a click
 * anywhere but the console input, the marker on a cable between two machines, and presenter mode
 * on a projector in either theme.
 */

const DNS = sceneById('dns-test')!;
const NAT = sceneById('nat-portfwd')!;
const PORT = sceneById('port-forwarding')!;

test('seed 000 outbound by clicking: the event list jumps to MASQUERADE and to the un-NAT, and says why', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(NAT);
  const trace = await sim.sendPacket(NAT, 'web-google');
  await expect(sim.panel.getByTestId('sim-command')).toHaveText(trace.command);
  const events = sim.panel.getByTestId('sim-event');
  await expect(events).toHaveCount(trace.steps.length);
  const at = (action: string, node: string) =>
    trace.steps.findIndex(
      (s) => s.action === action && 'node' in s.at && s.at.node === node && s.frame.ip?.proto === 'tcp',
    );
  const masq = at('snat', 'router');
  await events.nth(masq).click();
  await sim.expectAt(trace, masq);
  await expect(sim.narration()).toContainText('because nobody out there could answer 192.168.0.10');
  await sim.expectRewrite('IPv4.src', '192.168.0.10', '124.111.46.91');
  const unSnat = at('un-nat', 'router');
  await events.nth(unSnat).click();
  await sim.expectAt(trace, unSnat);
  await expect(sim.narration()).toContainText('the destination 124.111.46.91:');
  await expect(sim.narration()).toContainText('again, the machine that really asked');
  await sim.expectRewrite('IPv4.dst', '124.111.46.91', '192.168.0.10');
  // and one step back with the keyboard, focus still on the clicked row
  await page.keyboard.press('ArrowLeft');
  await sim.expectAt(trace, unSnat - 1);
});

test('Space after clicking a lesson packet, an event or step forward plays; arrows work after a click on a filter or a card, not while typing', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(DNS);
  const ping = DNS.packets[0];
  const trace = sceneTrace(DNS, ping.line);
  await sim.clickPacket(ping.label.en);
  await sim.expectAt(trace, 0);
  const logLength = (await app.api((w) => w.log())).length;
  const pause = sim.panel.getByRole('button', { name: 'Pause' });
  const play = sim.panel.getByRole('button', { name: 'Play', exact: true });
  /** Space starts playback and Space again pauses it: focus did not swallow the key */
  const spacePlaysAndPauses = async () => {
    await page.keyboard.press('Space');
    await expect(pause).toBeVisible();
    await page.keyboard.press('Space');
    await expect(play).toBeVisible();
  };
  // focus is on the packet button just clicked: Space plays, it does not send the ping again
  await spacePlaysAndPauses();
  expect((await app.api((w) => w.log())).length).toBe(logLength);
  await expect(sim.position()).toHaveText(new RegExp(`of ${trace.steps.length}$`));

  await sim.panel.getByRole('button', { name: 'Restart' }).click();
  await sim.panel.getByRole('button', { name: 'Step forward' }).click();
  await sim.expectAt(trace, 1);
  await spacePlaysAndPauses();

  await sim.panel.getByTestId('sim-event').nth(4).click();
  await sim.expectAt(trace, 4);
  await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, 5);
  await spacePlaysAndPauses();

  // a protocol filter keeps Space for itself, the arrows still step
  await sim.panel.getByTestId('sim-event').nth(2).click();
  await sim.panel.getByRole('checkbox', { name: 'ARP' }).click();
  await expect(sim.panel.getByRole('checkbox', { name: 'ARP' })).not.toBeChecked();
  await page.keyboard.press('Home');
  await sim.expectAt(trace, 0);
  await page.keyboard.press('ArrowRight');
  const notArp = nextVisible(trace.steps, 0, { arp: false, icmp: true, tcp: true, udp: true, other: true });
  await expect(sim.position()).toHaveText(`Step ${notArp + 1} of ${trace.steps.length}`);
  await sim.panel.getByRole('checkbox', { name: 'ARP' }).click();

  // a card clicked to read its tables: → steps on and the card stays where it is
  await page.keyboard.press('Home');
  const card = app.container('containerA');
  await card.click();
  const before = await card.boundingBox();
  await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, 1);
  expect(await card.boundingBox()).toEqual(before);

  // typing in the console: the keys are the text field's
  await app.consoleInput.click();
  await page.keyboard.type('echo a');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  await page.keyboard.press('Home');
  await page.keyboard.type('#');
  // ← moved the caret, Space typed a space, Home went to the start of the line
  await expect(app.consoleInput).toHaveValue('#echo  a');
  await sim.expectAt(trace, 1);
  await expect(play).toBeVisible();
});

test('a cable between two machines: the marker sits on it at both ends, leaving remote and arriving at the internet', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(NAT);
  const packet = NAT.packets.find((p) => p.id === 'remote-80')!;
  const trace = sceneTrace(NAT, packet.line);
  await sim.clickPacket(packet.label.en);
  const leave = trace.steps.findIndex((s) => 'link' in s.at && s.at.link === 'if:remote:eth0');
  expect(trace.steps[leave + 1].at).toEqual({ link: 'if:internet:eth1' });
  const cable = page.locator('.react-flow__edge[data-id="if:remote:eth0"]');
  const marker = page.locator('[data-testid="packet-marker"]:visible');
  const centre = async () => {
    await page.waitForTimeout(1300); // the hop's animation at 1x
    const b = (await marker.boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  for (let i = 0; i < leave; i++) await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, leave);
  await expect(cable).toHaveClass(/sim-here/);
  await expect(marker).toHaveCount(1);
  const half = await centre();
  await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, leave + 1);
  // the far end's step names internet's eth1, which is the same drawn cable
  await expect(cable).toHaveClass(/sim-here/);
  await expect(marker).toHaveCount(1);
  const end = await centre();
  const internet = (await page.getByTestId('machine-internet').boundingBox())!;
  const dist = (p: { x: number; y: number }) =>
    Math.hypot(p.x - (internet.x + internet.width / 2), p.y - (internet.y + internet.height / 2));
  // halfway along the cable first, then at the internet's side of it
  expect(dist(end)).toBeLessThan(dist(half));
  expect(end.y).toBeLessThanOrEqual(internet.y + 4);
});

test('presenter mode is one surface in either theme, and the whole scene stays in view at every step', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.open();
  await sim.loadScene(NAT);
  await page.keyboard.press('p');
  const trace = await sim.sendPacket(NAT, 'remote-80');
  const bg = () => sim.panel.evaluate((el) => getComputedStyle(el).backgroundColor);
  const fg = () => sim.narration().evaluate((el) => getComputedStyle(el).color);
  // light theme: black on white under the light canvas
  expect(await bg()).toBe('rgb(255, 255, 255)');
  expect(await fg()).toBe('rgb(0, 0, 0)');
  const canvas = page.getByTestId('canvas');
  const inside = async () => {
    const c = (await canvas.boundingBox())!;
    const web = (await app.container('web').boundingBox())!;
    expect(web.y + web.height).toBeLessThanOrEqual(c.y + c.height);
    expect(web.y).toBeGreaterThanOrEqual(c.y);
  };
  await page.waitForTimeout(500);
  const height = (await canvas.boundingBox())!.height;
  await inside();
  // the longest narrations (DNAT, un-NAT) do not grow the dock over the canvas
  const longest = trace.steps.reduce(
    (m, s, i) => (formatExplain('en', s.explain).length > formatExplain('en', trace.steps[m].explain).length ? i : m),
    0,
  );
  // presenter mode shows no event list: the teacher steps with the keyboard
  for (let i = 0; i < longest; i++) await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, longest);
  expect((await canvas.boundingBox())!.height).toBe(height);
  await inside();
  await page.keyboard.press('p');
  await page.getByTestId('tool-theme').click();
  await page.keyboard.press('p');
  await expect.poll(bg).toBe('rgb(0, 0, 0)');
  expect(await fg()).toBe('rgb(255, 255, 255)');
});

test('predict mode: the choices include stops the packet never reaches; the class picks the internet and is right', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(NAT);
  await sim.panel.getByRole('checkbox', { name: 'Predict mode' }).check();
  const packet = NAT.packets.find((p) => p.id === 'remote-private')!;
  await sim.clickPacket(packet.label.en);
  const ask = sim.panel.getByTestId('sim-predict');
  await expect(ask.getByRole('button')).toHaveText([
    'It arrives',
    'It stops at remote',
    'It stops at internet',
    'It stops at router',
    'It stops at LAN',
    'It stops at docker-host',
  ]);
  // the event list would tell: it waits for the answer
  await expect(sim.panel.getByTestId('sim-event')).toHaveCount(0);
  await ask.getByRole('button', { name: 'It stops at internet' }).click();
  await expect(sim.panel.getByTestId('sim-predict-watching')).toContainText('Your answer: It stops at internet');
  // the teacher does not wait: "Show the answer now", by keyboard
  await sim.panel.getByRole('button', { name: 'Show the answer now' }).focus();
  await page.keyboard.press('Enter');
  const result = sim.panel.getByTestId('sim-predict-result');
  await expect(result).toContainText('1 of 1 predictions right');
  await expect(result).toBeFocused();
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('timed out', { timeout: 30_000 });
  await expect(sim.narration()).toContainText('private addresses (10/8, 172.16/12, 192.168/16) are not routed');
  // on the canvas the reason sits on a pill wider than its text, so crossing cables do not strike it
  const reason = page.locator('[data-testid="packet-drop"] .sim-drop__reason');
  await expect(reason).toHaveText(/^internet has no route to 192\.168\.0\.10/);
  const textWidth = await reason.evaluate((el) => (el as SVGTextElement).getBBox().width);
  const pill = page.locator('[data-testid="packet-drop"] .sim-drop__back');
  expect(Number(await pill.getAttribute('width'))).toBeGreaterThan(textWidth);
  // the internet card is in the top row: the reason hides no text of the cards around it
  expect(await textUnder(pill)).toEqual([]);
});

/** The card texts a box on screen lies over. */
async function textUnder(box: Locator): Promise<string[]> {
  const r = (await box.boundingBox())!;
  return box.page().evaluate(({ x, y, width, height }) => {
    const hidden: string[] = [];
    const range = document.createRange();
    for (const card of document.querySelectorAll('.react-flow__node')) {
      const walk = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (!n.textContent?.trim()) continue;
        range.selectNodeContents(n);
        const b = range.getBoundingClientRect();
        if (b.width > 0 && x < b.right && b.left < x + width && y < b.bottom && b.top < y + height)
          hidden.push(n.textContent);
      }
    }
    return hidden;
  }, r);
}

for (const [width, height, lang] of [
  [1280, 720, 'ko'],
  [768, 1024, 'en'],
] as const)
  test(`${width}x${height} ${lang}: seed 004's pc1 → 172.17.0.2 dies at the internet; its reason hides no card's text`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const app = new AppPage(page);
    const sim = new LessonPanel(page);
    await app.open();
    if (width < 800) await sim.loadSceneFromTab('en', PORT);
    else await sim.loadScene(PORT);
    if (lang === 'ko') await page.getByTestId('lang-select').selectOption('ko');
    const packet = PORT.packets.find((p) => p.id === 'pc1-nginx-ip')!;
    await sim.clickPacket(packet.label[lang]);
    await page.keyboard.press('End');
    const pill = page.locator('[data-testid="packet-drop"] .sim-drop__back');
    await expect(pill).toBeVisible();
    await page.waitForTimeout(500);
    expect(await textUnder(pill)).toEqual([]);
    await page.screenshot({ path: `/tmp/scr/drop-${width}-${lang}.png` });
  });

test('the marker follows its card when presenter mode resizes the drawing', async ({ page }) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.open();
  await sim.loadScene(NAT);
  const packet = NAT.packets.find((p) => p.id === 'remote-80')!;
  const trace = sceneTrace(NAT, packet.line);
  await sim.clickPacket(packet.label.en);
  const dnat = trace.steps.findIndex((s) => s.action === 'dnat');
  await sim.panel.getByTestId('sim-event').nth(dnat).click();
  await sim.expectAt(trace, dnat);
  const router = page.getByTestId('machine-router');
  const marker = page.locator('[data-testid="packet-marker"]:visible');
  // at the router: the marker sits on the card's top-right corner
  const offCorner = async () => {
    const r = (await router.boundingBox())!;
    const m = (await marker.boundingBox())!;
    return Math.hypot(m.x + m.width / 2 - (r.x + r.width), m.y + m.height / 2 - r.y);
  };
  await expect.poll(offCorner).toBeLessThan(16);
  await page.keyboard.press('p');
  await page.waitForTimeout(800); // the fit's 300 ms animation
  await expect.poll(offCorner).toBeLessThan(24);
  await page.keyboard.press('p');
  await page.waitForTimeout(800);
  await expect.poll(offCorner).toBeLessThan(16);
});

test('the event list keeps the current step in view, stepping with the keys or clicking a row', async ({ page }) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(NAT);
  const trace = await sim.sendPacket(NAT, 'remote-80');
  const list = sim.panel.locator('.sim-events__list');
  const inView = async () => {
    const l = (await list.boundingBox())!;
    const r = (await sim.panel.locator('[aria-current="step"]').boundingBox())!;
    return r.y >= l.y - 1 && r.y + r.height <= l.y + l.height + 1;
  };
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, 30);
  expect(await inView()).toBe(true);
  await sim.panel.getByTestId('sim-event').nth(35).click();
  await sim.expectAt(trace, 35);
  expect(await inView()).toBe(true);
  await page.keyboard.press('ArrowRight');
  expect(await inView()).toBe(true);
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
  await sim.expectAt(trace, 16);
  expect(await inView()).toBe(true);
  await page.keyboard.press('Home');
  await sim.expectAt(trace, 0);
  expect(await inView()).toBe(true);
});

test('at 1280x720 in Korean the transport bar is one line, so the narration and its table fit the dock', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open('?lang=ko');
  await sim.panel
    .getByTestId('sim-scene-nat-portfwd')
    .getByRole('button', { name: `불러오기: ${NAT.title.ko}` })
    .click();
  await sim.clickPacket(NAT.packets[0].label.ko);
  const play = (await sim.panel.getByRole('button', { name: '재생', exact: true }).boundingBox())!;
  const predict = (await sim.panel.getByText('예측 모드').boundingBox())!;
  // the step count with the phase under it (one block), the toggle: on the play button's line, inside the dock
  const pos = (await sim.panel.locator('.sim-controls__where').boundingBox())!;
  for (const b of [predict, pos]) expect(Math.abs(b.y + b.height / 2 - (play.y + play.height / 2))).toBeLessThan(8);
  expect(predict.x + predict.width).toBeLessThanOrEqual(1280);
  // the command heads the story column in full (screens.spec.ts), its text in the title too
  await expect(sim.panel.getByTestId('sim-command')).toHaveAttribute('title', '@remote curl -s http://124.111.46.91/');
});

for (const lang of ['en', 'ko'] as const)
  test(`presenter 1920x1080 ${lang}: the longest DNS step's narration fits its column without scrolling, the headers beside it unclipped`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const app = new AppPage(page);
    const sim = new LessonPanel(page);
    await app.open(`?lang=${lang}`);
    await app.seed(
      'docker network create appnet',
      'docker run -d --name web --network appnet nginx',
      'docker run -d --name tools --network appnet nicolaka/netshoot sleep infinity',
    );
    await app.type('docker exec tools ping -c 1 web');
    await sim.panel.locator('h2').click();
    await page.keyboard.press('p');
    await expect(page.locator('.app.presenter')).toBeVisible();
    // the resolver step names 127.0.0.11, the DOCKER_OUTPUT rule and dockerd's port: six lines at 30 px once
    await expect(sim.narration()).toContainText('DOCKER_OUTPUT');
    const story = page.getByTestId('sim-story');
    const s = (await story.boundingBox())!;
    const n = (await sim.narration().boundingBox())!;
    expect(await story.evaluate((el) => el.scrollTop)).toBe(0);
    expect(n.y + n.height).toBeLessThanOrEqual(s.y + s.height);
    expect(
      await sim.narration().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(28);
    // a step with Ethernet and IPv4 headers: the narrower detail column still shows each line whole
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    const detail = page.getByTestId('sim-detail');
    await expect(detail.locator('.sim-layer').first()).toBeVisible();
    expect(await detail.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
