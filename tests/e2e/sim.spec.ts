import { expect, type Locator, type Page, test } from '@playwright/test';
import { formatExplain, type Lang } from '../../src/i18n/trace';
import { createSession, runLine } from '../../src/sim/console';
import type { Trace } from '../../src/sim/model';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * Simulation mode (issue 4), driven with the real keyboard and mouse. The expected narration and
 * table entries come from running the same lines through the engine here: the page must show
 * exactly what the trace says, step by step.
 */

/** Runs lines headlessly from the default world, as a new page does; returns the last trace. */
function engineTrace(lines: string[]): Trace {
  let session = createSession(createDefaultWorld());
  let trace: Trace | undefined;
  for (const line of lines) {
    const r = runLine(session, line);
    session = r.session;
    trace = r.trace;
  }
  if (!trace) throw new Error(`no trace for ${lines.at(-1)}`);
  return trace;
}

class SimPage {
  readonly panel: Locator;
  constructor(readonly page: Page) {
    this.panel = page.getByTestId('sim-panel');
  }
  async type(lines: string[]) {
    const input = this.page.getByTestId('console-input');
    for (const line of lines) {
      await input.click();
      await input.fill(line);
      await input.press('Enter');
      await expect(input).toHaveValue('');
    }
    // leave the text field, so the simulation keys are not typing
    await this.panel.locator('h2').click();
  }
  narration() {
    return this.panel.getByTestId('sim-narration');
  }
  current() {
    return this.panel.locator('[aria-current="step"]');
  }
  changes() {
    return this.panel.getByTestId('sim-change');
  }
  field(name: string) {
    return this.panel.locator(`[data-field="${name}"]`);
  }
  position() {
    return this.panel.getByTestId('sim-position');
  }
  async expectAt(trace: Trace, i: number, lang: Lang = 'en') {
    await expect(this.position()).toHaveText(
      new RegExp(`\\b${i + 1}\\b.*\\b${trace.steps.length}\\b|\\b${trace.steps.length}\\b.*\\b${i + 1}\\b`),
    );
    await expect(this.narration()).toHaveText(formatExplain(lang, trace.steps[i].explain));
    await expect(this.changes()).toHaveCount(trace.steps[i].changes.length);
  }
}

const NET = [
  'docker network create second-bridge',
  'docker run -d --name containerA --network second-bridge devwikirepo/pingbuntu',
  'docker run -d --name containerB --network second-bridge devwikirepo/pingbuntu',
];
const PING = 'docker exec containerA ping -c 1 containerB';

test('ping on a user-defined network: ARP flood, ARP reply, ICMP echo request and reply, step back', async ({
  page,
}) => {
  const trace = engineTrace([...NET, PING]);
  const sim = new SimPage(page);
  await page.goto('/');
  await sim.type([...NET, PING]);
  await expect(sim.panel.getByTestId('sim-command')).toHaveText(trace.command);
  await sim.expectAt(trace, 0);

  const seen = new Set<string>();
  let sawArpEntry = false;
  let sawFloodFanOut = false;
  for (let i = 0; i < trace.steps.length; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await sim.expectAt(trace, i);
    const step = trace.steps[i];
    seen.add(step.action);
    if (step.frame.l4?.icmpType) seen.add(step.frame.l4.icmpType);
    await expect(sim.current().locator('.sim-event__action')).toHaveAttribute('data-action', step.action);
    if (step.action === 'flood' && 'node' in step.at) {
      // a broadcast leaves on every other port of the bridge: more than one marker at once
      const shown = page.locator('[data-testid="packet-marker"]:visible');
      expect(await shown.count()).toBeGreaterThan(1);
      sawFloodFanOut = true;
    }
    const arp = step.changes.find((c) => c.table === 'arp');
    if (arp) {
      const e = arp.entry as { ip: string; mac: string };
      await expect(sim.changes().filter({ hasText: e.mac })).toContainText(e.ip);
      await expect(sim.changes().first()).toHaveClass(/sim-change--hl/);
      sawArpEntry = true;
    }
  }
  for (const a of ['arp-request', 'flood', 'arp-reply', 'echo-request', 'echo-reply']) expect(seen).toContain(a);
  expect(sawFloodFanOut).toBe(true);
  expect(sawArpEntry).toBe(true);
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText(trace.outcome.summary);

  // step back: narration and table entries follow
  const last = trace.steps.length - 1;
  await page.keyboard.press('ArrowLeft');
  await sim.expectAt(trace, last - 1);
  await page.keyboard.press('Home');
  await sim.expectAt(trace, 0);

  // jump by clicking the event list to the ARP reply: its ARP entry is highlighted
  const reply = trace.steps.findIndex((s) => s.action === 'arp-reply');
  await sim.panel.getByTestId('sim-event').nth(reply).click();
  await sim.expectAt(trace, reply);
});

test('@pc1 curl to a published port shows the DNAT rewrite before → after', async ({ page }) => {
  const lines = ['docker run -d -p 8001:80 --name web nginx', '@pc1 curl 192.168.0.10:8001'];
  const trace = engineTrace(lines);
  const dnat = trace.steps.findIndex((s) => s.action === 'dnat');
  expect(dnat).toBeGreaterThan(0);
  const after = trace.steps[dnat].frame;
  const sim = new SimPage(page);
  await page.goto('/');
  await sim.type(lines);
  await sim.panel.getByTestId('sim-event').filter({ hasText: 'dnat' }).first().click();
  await sim.expectAt(trace, dnat);
  const dst = sim.field('IPv4.dst');
  await expect(dst).toHaveClass(/sim-field--changed/);
  await expect(dst.locator('.sim-field__before')).toHaveText('192.168.0.10');
  await expect(dst.locator('.sim-field__value')).toHaveText(after.ip!.dst);
  const dport = sim.field('TCP.dport');
  await expect(dport.locator('.sim-field__before')).toHaveText('8001');
  await expect(dport.locator('.sim-field__value')).toHaveText(String(after.l4!.dport));
});

test('with Korean chosen the narration is Korean', async ({ page }) => {
  const trace = engineTrace([...NET, PING]);
  const sim = new SimPage(page);
  await page.goto('/');
  await page.getByTestId('lang-select').selectOption('ko');
  await sim.type([...NET, PING]);
  await sim.expectAt(trace, 0, 'ko');
  await expect(sim.narration()).toHaveText(/[가-힣]/);
  await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, 1, 'ko');
  await expect(sim.panel.getByRole('button', { name: '다음 단계' })).toBeVisible();
  // the event list names actions in Korean too, not the engine's ids
  const actions = sim.panel.locator('.sim-event__action');
  const i = trace.steps.findIndex((s) => s.action === 'transmit');
  await expect(actions.nth(i)).toHaveText('전송');
  await expect(actions.filter({ hasText: /^(transmit|deliver|send|reply)$/ })).toHaveCount(0);
  // and the outcome line: where the reply came from, in Korean
  await sim.panel.getByTestId('sim-event').last().click();
  await expect(sim.panel.getByTestId('sim-outcome')).toHaveText('도착함 172.18.0.3에서 응답 1/1');
});

test('Korean narration never wraps a hyphenated name at its hyphen (second-bridge, br-…, docker-host)', async ({
  page,
}) => {
  const trace = engineTrace([...NET, PING]);
  const sim = new SimPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?lang=ko');
  await sim.type([...NET, PING]);
  let seen = 0;
  for (let i = 0; i < trace.steps.length; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await sim.expectAt(trace, i, 'ko');
    const words = await sim.narration().evaluate((p) => ({
      hyphenated: (p.textContent ?? '').match(/\S*\w-\w\S*/g) ?? [],
      kept: [...p.querySelectorAll('.nobr')].map((s) => ({ text: s.textContent, lines: s.getClientRects().length })),
    }));
    expect(words.kept.map((k) => k.text)).toEqual(words.hyphenated);
    for (const k of words.kept) expect(k.lines, k.text ?? '').toBe(1);
    seen += words.kept.length;
  }
  expect(seen).toBeGreaterThan(0);
});

test('predict mode asks, records the answer, reveals and plays', async ({ page }) => {
  const trace = engineTrace([...NET, PING]);
  const sim = new SimPage(page);
  await page.goto('/');
  await sim.panel.getByLabel('Predict mode').check();
  await sim.type([...NET, PING]);
  await expect(sim.panel.getByTestId('sim-predict')).toContainText('Will it arrive?');
  // nothing gives the answer away while the class thinks
  await expect(sim.panel.getByTestId('sim-event')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(sim.narration()).toHaveCount(0);

  await sim.panel.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await sim.panel.getByRole('button', { name: 'It arrives' }).click();
  // take the answer, then play: the class's answer shows while it plays, the verdict does not yet
  const watching = sim.panel.getByTestId('sim-predict-watching');
  const result = sim.panel.getByTestId('sim-predict-result');
  await expect(watching).toContainText('Your answer: It arrives');
  await expect(sim.panel.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(sim.position()).not.toHaveText(/^Step 1 of/, { timeout: 5000 });
  await expect(result).toHaveCount(0);
  await expect(sim.panel.getByTestId('sim-outcome')).toHaveCount(0);
  // reveal when playback reaches the end
  await expect(result).toContainText(trace.outcome.ok ? 'Right!' : 'Not quite.', { timeout: 30_000 });
  await expect(sim.position()).toHaveText(`Step ${trace.steps.length} of ${trace.steps.length}`);
  await expect(result).toContainText('Your answer: It arrives');
  await expect(result).toContainText(`${trace.outcome.ok ? 1 : 0} of 1 predictions right`);
  await expect(watching).toHaveCount(0);

  // a refused connection: the class says where it stops; the teacher presses End to reveal at once
  await sim.type(['@pc1 curl 192.168.0.10:8009']);
  await expect(sim.panel.getByTestId('sim-predict')).toBeVisible();
  await sim.panel.getByRole('button', { name: 'It stops at docker-host' }).click();
  await expect(watching).toContainText('Your answer: It stops at docker-host');
  await expect(result).toHaveCount(0);
  // focus moved to the answer, so Space still pauses and End jumps to the end
  await expect(watching).toBeFocused();
  await page.keyboard.press('End');
  await expect(result).toContainText('Right!');
  await expect(result).toContainText('What happens: It stops at docker-host');
  await expect(result).toContainText(`${trace.outcome.ok ? 2 : 1} of 2 predictions right`);
});

test('controls are reachable by keyboard with names, and speed goes from 0.25x to 4x', async ({ page }) => {
  const sim = new SimPage(page);
  await page.goto('/');
  await sim.type([...NET, PING]);
  for (const name of ['Restart', 'Step back', 'Play', 'Step forward']) {
    await expect(sim.panel.getByRole('button', { name, exact: true })).toBeVisible();
  }
  const speed = sim.panel.getByRole('combobox', { name: 'Speed' });
  await expect(speed.locator('option')).toHaveText(['0.25x', '0.5x', '1x', '1.5x', '2x', '4x']);
  // Tab from the panel heading to the step-forward button: real keyboard navigation
  const forward = sim.panel.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < 10 && !(await forward.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(forward).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(sim.position()).toHaveText(/^Step 2 of/);
  // Space plays and pauses while focus is on the page, not in the console
  await sim.panel.locator('h2').click();
  await page.keyboard.press('Space');
  await expect(sim.panel.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(sim.panel.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // hiding ARP leaves only the ICMP (and DNS) events, and → skips the ARP exchange
  await sim.panel.getByRole('checkbox', { name: 'ARP' }).uncheck();
  await expect(sim.panel.getByTestId('sim-event').filter({ hasText: 'ARP' })).toHaveCount(0);
  await sim.panel.locator('h2').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(sim.current().locator('.sim-event__proto')).not.toHaveText('ARP');

  await forward.focus();
  const outline = await sim.panel
    .getByRole('button', { name: 'Step forward' })
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});
