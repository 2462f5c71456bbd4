import { expect, test } from '@playwright/test';
import { runLine, runScript } from '../../src/sim/console';
import { sceneById } from '../../src/sim/scenes';
import { createDefaultWorld } from '../../src/sim/world';
import { AppPage, type TestApi } from './pages/AppPage';
import { LessonPanel, sceneTrace } from './pages/LessonPanel';

/** During playback the Inspector's ARP, FDB and conntrack tables are as of the current step. */

const SETUP = ['docker run -d --name web nginx'];
const PING = 'ping -c 1 172.17.0.2';

function pingTrace() {
  const { session } = runScript(createDefaultWorld(), `${SETUP.join('\n')}\n`);
  const r = runLine(session, PING);
  if (!r.trace) throw new Error(r.output);
  return r.trace;
}

test('first ping: docker-host ARP row appears at the step that learns it, and goes on step back', async ({ page }) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await app.seed(...SETUP);
  const trace = pingTrace();
  const learn = trace.steps.findIndex((s) => s.action === 'arp-learn' && 'node' in s.at && s.at.node === 'docker-host');
  expect(learn).toBeGreaterThan(1);
  const input = app.consoleInput;
  await input.fill(PING);
  await input.press('Enter');
  await expect(sim.panel.getByTestId('sim-command')).toHaveText(trace.command);
  await app.api((a) => a.select('docker-host'));
  const arp = app.inspector.getByTestId('insp-arp');
  const rows = arp.locator('tbody tr');
  const note = arp.getByTestId('insp-asof');
  await sim.expectAt(trace, 0);
  await expect(arp).toContainText('empty');
  await expect(note).toHaveText('as of step 1');

  await sim.panel
    .getByTestId('sim-event')
    .nth(learn - 1)
    .click();
  await sim.expectAt(trace, learn - 1);
  await expect(rows).toHaveCount(0);
  await expect(note).toHaveText(`as of step ${learn}`);
  await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, learn);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('172.17.0.2');
  await expect(rows.first()).toContainText('docker0');
  await expect(rows.first()).toHaveClass(/flash/);
  await expect(note).toHaveText(`as of step ${learn + 1}`);
  await page.screenshot({ path: '/tmp/tbl/arp-learn.png' });
  await page.keyboard.press('ArrowLeft');
  await sim.expectAt(trace, learn - 1);
  await expect(rows).toHaveCount(0);
  await expect(arp).toContainText('empty');

  // the last step: the live World, no note
  await page.keyboard.press('End');
  await sim.expectAt(trace, trace.steps.length - 1);
  await expect(rows).toHaveCount(1);
  await expect(note).toHaveCount(0);

  // the bridge's forwarding table has had web's MAC since web started (its unsolicited ARPs,
  // src/sim/net/garp.ts): the ping learns nothing there, and the row is there at its first step
  expect(trace.steps.some((s) => s.action === 'fdb-learn')).toBe(false);
  const bridge = await app.api((a) => a.networks().find((n) => n.name === 'bridge')!.id);
  await page.evaluate((id) => (window as unknown as { __whalewire: TestApi }).__whalewire.select(`net:${id}`), bridge);
  const fdb = app.inspector.getByTestId('insp-fdb');
  await expect(fdb.locator('tbody tr')).toHaveCount(1);
  await sim.panel.getByTestId('sim-event').first().click();
  await sim.expectAt(trace, 0);
  await expect(fdb.getByTestId('insp-asof')).toHaveText('as of step 1');
  await expect(fdb.locator('tbody tr')).toHaveCount(1);
  await expect(fdb.locator('tbody tr').first()).toContainText('veth');
});

test('seed 000 port forward: docker-host conntrack is empty at its DNAT step, then SYN_SENT, SYN_RECV, ESTABLISHED, TIME_WAIT', async ({
  page,
}) => {
  const NAT = sceneById('nat-portfwd')!;
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(NAT);
  const inbound = NAT.packets.find((p) => p.id === 'remote-80')!;
  const trace = sceneTrace(NAT, inbound.line);
  const at = (action: string, node: string) =>
    trace.steps.findIndex((s) => s.action === action && 'node' in s.at && s.at.node === node);
  await sim.clickPacket(inbound.label.en);
  await expect(sim.panel.getByTestId('sim-command')).toHaveText(trace.command);
  await app.api((a) => a.select('docker-host'));
  const ct = app.inspector.getByTestId('insp-conntrack');
  const rows = ct.locator('tbody tr');
  const events = sim.panel.getByTestId('sim-event');

  await events.nth(at('dnat', 'docker-host')).click();
  await expect(ct.getByTestId('insp-asof')).toHaveText(`as of step ${at('dnat', 'docker-host') + 1}`);
  await expect(ct).toContainText('empty');
  await events.nth(at('conntrack-new', 'docker-host')).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('203.0.113.50:36774 → 192.168.0.10:8001');
  await expect(rows.first()).toContainText('SYN_SENT');
  await expect(rows.first()).not.toContainText('TIME_WAIT');
  await page.screenshot({ path: '/tmp/tbl/ct-new.png' });
  // the SYN-ACK passing the host moves the row to SYN_RECV, the request (the handshake's ACK) to ESTABLISHED
  const seg = (action: string, flags: string) =>
    trace.steps.findIndex(
      (s) => s.action === action && 'node' in s.at && s.at.node === 'docker-host' && s.frame.l4?.flags === flags,
    );
  await events.nth(seg('un-nat', 'SYN,ACK')).click();
  await expect(rows.first()).toContainText('SYN_RECV');
  await events.nth(seg('dnat', 'PSH,ACK')).click();
  await expect(rows.first()).toContainText('ESTABLISHED');
  await page.keyboard.press('End');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('TIME_WAIT');
  await expect(ct.getByTestId('insp-asof')).toHaveCount(0);
});

test('a neighbour that never answered: the ARP row reads (incomplete) where the MAC would be, INCOMPLETE then FAILED as ip neigh prints', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.type('ping -c 1 -W 1 172.17.0.99');
  await expect(app.consoleOutput).toContainText('1 packets transmitted, 0 received');
  await app.api((a) => a.select('docker-host'));
  // the ping's last step: the kernel has asked three times, no answer
  await new LessonPanel(page).panel.getByTestId('sim-event').last().click();
  const row = app.inspector.getByTestId('insp-arp').locator('tbody tr').filter({ hasText: '172.17.0.99' });
  await expect(row.locator('td')).toHaveText(['172.17.0.99', '(incomplete)', 'docker0', 'INCOMPLETE']);
  // each line typed is a second of the World's clock; 3 s unanswered and the kernel gives up
  const last = app.consoleOutput.locator('pre').last();
  await app.type('ip neigh');
  await expect(last).toContainText('172.17.0.99 dev docker0 INCOMPLETE');
  await app.type('ip neigh');
  await expect(last).toContainText('172.17.0.99 dev docker0 FAILED');
  await expect(row.locator('td')).toHaveText(['172.17.0.99', '(incomplete)', 'docker0', 'FAILED']);
});
