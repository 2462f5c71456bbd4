import { expect, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel, sceneTrace } from './pages/LessonPanel';

/** The Inspector flashes what a playback step used, for every table a step can name. */
const NAT = sceneById('nat-portfwd')!;

test('seed 000: the DNAT, port-forward and MASQUERADE steps flash their iptables rule; a DNS answer its zone row', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(NAT);
  const trace = await sim.sendPacket(NAT, 'remote-80');
  const events = sim.panel.getByTestId('sim-event');
  const at = (t: typeof trace, action: string, node: string) =>
    t.steps.findIndex((s) => s.action === action && 'node' in s.at && s.at.node === node);
  const chip = (name: string) => app.inspector.getByTestId('step-touch').filter({ hasText: name });
  const line = app.inspector.getByTestId('flash-line');

  await events.nth(at(trace, 'dnat', 'docker-host')).click();
  await chip('NAT rule applied docker-host').click();
  await expect(app.inspector.locator('.insp-title')).toHaveText('docker-host');
  await expect(line).toHaveText(
    '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8001 -j DNAT --to-destination 172.17.0.2:80',
  );
  await expect(line).toBeInViewport();
  await expect(app.inspector.getByTestId('insp-nat')).toHaveClass(/hot/);

  // the next step routes it to docker0: the route row flashes, the NAT rule no longer does
  await page.keyboard.press('ArrowRight');
  await chip('docker-host').first().click();
  await expect(line).toHaveCount(0);
  await expect(app.inspector.getByTestId('insp-routes').getByTestId('flash-row')).toContainText('172.17.0.0/16');

  await events.nth(at(trace, 'dnat', 'router')).click();
  await chip('NAT rule applied router').click();
  await expect(app.inspector.locator('.insp-title')).toHaveText('router');
  await expect(line).toHaveText(
    '-A PREROUTING -i wan0 -p tcp -m tcp --dport 80 -j DNAT --to-destination 192.168.0.10:8001',
  );
  await expect(line).toBeInViewport();

  // outbound: docker-host's MASQUERADE for 172.17.0.0/16, and the DNS server's zone row
  const outbound = NAT.packets.find((p) => p.id === 'web-google')!;
  await sim.clickPacket(outbound.label.en);
  const event = (name: string) =>
    sim.panel.getByRole('button', { name: new RegExp(`^Go to step \\d+: ${name}$`) }).first();
  await expect(sim.panel.getByTestId('sim-command')).toHaveText(sceneTrace(NAT, outbound.line).command);
  await event('MASQUERADE at docker-host').click();
  await chip('docker-host').first().click();
  await expect(line).toHaveText('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
  await expect(line).toBeInViewport();
  await event('DNS answer at dns').click();
  await chip('dns').first().click();
  await expect(app.inspector.locator('.insp-title')).toHaveText('dns.google');
  const zoneRow = app.inspector.getByTestId('insp-zone').getByTestId('flash-row');
  await expect(zoneRow).toContainText('google.com');
  await expect(zoneRow).toBeInViewport();
  await event('DNS answer at router').click();
  await chip('router').first().click();
  await expect(app.inspector.getByTestId('insp-resolv').getByTestId('flash-line')).toHaveText(/^nameserver /);
});
