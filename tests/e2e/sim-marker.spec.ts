import { expect, type Page, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel, sceneTrace } from './pages/LessonPanel';

/**
 * At a step inside the Docker host's big group the marker sits where the packet is handled: by
 * eth0's cable end for the DNAT of a packet that came in on eth0, by docker0's gateway (172.17.0.1)
 * when it is routed out to the bridge; never on a label, and not on the group's far corner.
 */
const NAT = sceneById('nat-portfwd')!;

type Box = { x: number; y: number; width: number; height: number };
const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
/** Whether the round dot (its box `a`) covers any of label box `b`. */
const overlaps = (a: Box, b: Box) => {
  const c = centre(a);
  const nx = Math.max(b.x, Math.min(c.x, b.x + b.width));
  const ny = Math.max(b.y, Math.min(c.y, b.y + b.height));
  return Math.hypot(c.x - nx, c.y - ny) < a.width / 2;
};

async function markerDot(page: Page): Promise<Box> {
  await page.waitForTimeout(700); // the step's pulse at 1x
  const dot = page.locator('[data-testid="packet-marker"]:visible .sim-marker__dot');
  await expect(dot).toHaveCount(1);
  return (await dot.boundingBox())!;
}

for (const view of [
  { width: 1280, height: 720, presenter: false },
  { width: 1920, height: 1080, presenter: true },
]) {
  test(`${view.width}x${view.height}${view.presenter ? ' presenter' : ''}: the marker is at docker-host's eth0 for the DNAT, at docker0's gateway for the route`, async ({
    page,
  }) => {
    await page.setViewportSize(view);
    const app = new AppPage(page);
    const sim = new LessonPanel(page);
    await app.open();
    await sim.loadScene(NAT);
    const packet = NAT.packets.find((p) => p.id === 'remote-80')!;
    const trace = sceneTrace(NAT, packet.line);
    await sim.clickPacket(packet.label.en);
    const dnat = trace.steps.findIndex((s) => s.action === 'dnat' && 'node' in s.at && s.at.node === 'docker-host');
    expect(trace.steps[dnat + 1].action).toBe('route');
    await sim.panel.getByTestId('sim-event').nth(dnat).click();
    if (view.presenter) {
      await page.keyboard.press('p');
      await page.waitForTimeout(800); // the fit's animation
    }
    await sim.expectAt(trace, dnat);
    // the cable labels show in full detail (readability.ts): zoom in on the host's uplink until then
    const host = (await page.getByTestId('node-docker-host').boundingBox())!;
    await page.mouse.move(host.x + host.width / 2, host.y + 20);
    for (let i = 0; i < 12 && (await app.canvas.getAttribute('data-detail')) !== 'full'; i++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(150);
    }
    await expect(app.canvas).toHaveAttribute('data-detail', 'full');
    await page.waitForTimeout(300);
    // labels, cards and the marker are measured together: the view may still be gliding to its
    // fit after the lesson loaded, and everything on it moves as one
    const labelBoxes = async () => {
      const labels = await page.locator('.edge-label, [data-testid="node-docker-host"] .host-header > *').all();
      return (await Promise.all(labels.map((l) => l.boundingBox()))).filter((b): b is Box => !!b);
    };

    const atDnat = await markerDot(page);
    const group = (await page.getByTestId('node-docker-host').boundingBox())!;
    const eth0 = (await page.getByTestId('edge-label-if:docker-host:eth0').boundingBox())!;
    const c = centre(atDnat);
    // just inside the group, under eth0's cable (its label sits above the border)
    expect(Math.abs(c.x - centre(eth0).x)).toBeLessThan(8);
    expect(c.y).toBeGreaterThan(group.y);
    expect(c.y - (eth0.y + eth0.height)).toBeLessThan(40);
    for (const b of await labelBoxes()) expect(overlaps(atDnat, b), JSON.stringify([b, atDnat, group])).toBe(false);

    await page.keyboard.press('ArrowRight');
    await sim.expectAt(trace, dnat + 1);
    const atRoute = await markerDot(page);
    const gw = (await page.getByTestId('edge-label-brhost:docker0').boundingBox())!;
    const hostNow = (await page.getByTestId('node-docker-host').boundingBox())!;
    const r = centre(atRoute);
    expect(Math.hypot(r.x - centre(gw).x, r.y - centre(gw).y)).toBeLessThan(gw.width + 30);
    for (const b of await labelBoxes()) expect(overlaps(atRoute, b), JSON.stringify([b, atRoute])).toBe(false);
    // not the group's top-right corner, where the marker used to sit
    expect(Math.hypot(r.x - (hostNow.x + hostNow.width), r.y - hostNow.y)).toBeGreaterThan(hostNow.width / 2);
  });
}
