import { expect, type Locator, type Page, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { expectInside, inside } from './pages/geometry';
import { LessonPanel } from './pages/LessonPanel';

const host = (page: Page, id: string) => page.getByTestId(`node-${id}`);
/** The overlay's card on one host (it has one on every host it spans; React Flow draws children beside their parent). */
async function overlayOn(page: Page, id: string, name = 'my-overlay'): Promise<Locator | null> {
  const all = page.getByTestId(`network-${name}`);
  for (let i = 0; i < (await all.count()); i++) if (await inside(all.nth(i), host(page, id))) return all.nth(i);
  return null;
}

/** Steps the simulation panel to the first event with this action. */
async function jumpTo(page: Page, action: string) {
  const panel = page.getByTestId('sim-panel');
  await panel
    .getByTestId('sim-event')
    .filter({ has: page.locator(`.sim-event__action[data-action="${action}"]`) })
    .first()
    .click();
}

/** Opens the app and loads the seed 001 swarm lesson (three hosts, built by its script). */
async function openSwarmLesson(page: Page) {
  test.setTimeout(180_000);
  const scene = sceneById('seed001-swarm')!;
  const app = new AppPage(page);
  await app.open();
  const lessons = new LessonPanel(page);
  await lessons.loadScene(scene);
  return { scene, app, lessons };
}

test('a 3-node swarm typed in the console: tasks on their nodes, the overlay across them, a VXLAN trace', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await app.toolbar.getByTestId('tool-add-host').click();
  await app.toolbar.getByTestId('tool-add-host').click();
  await expect(host(page, 'docker-host-3')).toBeVisible();

  await app.type('docker swarm init');
  await expect(app.consoleOutput).toContainText('is now a manager.');
  // the join line as init printed it, token and all
  const printed = (await app.consoleOutput.textContent()) ?? '';
  const join = /docker swarm join --token (SWMTKN-1-[0-9a-z-]+) 192\.168\.0\.10:2377/.exec(printed);
  expect(join).not.toBeNull();
  await app.type(`@docker-host-2 ${join![0]}`);
  await app.type(`@docker-host-3 ${join![0]}`);
  await expect(app.consoleOutput.getByText('This node joined a swarm as a worker.')).toHaveCount(2);
  await app.type('docker network create -d overlay --attachable my-overlay');
  await app.type('docker service create --name web --replicas 3 --network my-overlay nginx');
  await expect(app.consoleOutput).toContainText('converged');
  await app.type('docker run -dit --name client --network my-overlay nicolaka/netshoot');
  await app.fit();

  // one task per node, drawn inside its node; the overlay has a card on each node, tunnelled together
  for (const [n, id] of [
    [1, 'docker-host'],
    [2, 'docker-host-2'],
    [3, 'docker-host-3'],
  ] as const) {
    const task = page.locator(`[data-testid^="container-web.${n}."]`);
    await expect(task).toHaveCount(1);
    await expectInside(task, host(page, id), `web.${n} in ${id}`);
    expect(await overlayOn(page, id), `my-overlay on ${id}`).not.toBeNull();
  }
  await expect(page.getByTestId('network-my-overlay')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge-path.wire-vxlan')).toHaveCount(4); // ingress and my-overlay, 2 hops each
  await expect(page.locator('.edge-label.edge-vxlan').first()).toHaveText(/^VXLAN \d+$/);

  const web2 = await app.api((api) => api.containers().find((c) => c.name.startsWith('web.2.'))?.ifaces[0].ip);
  await app.type(`docker exec client ping -c 1 ${web2}`);
  const panel = page.getByTestId('sim-panel');
  await expect(panel.getByTestId('sim-command')).toHaveText(`ping -c 1 ${web2}`);
  await jumpTo(page, 'vxlan-encap');
  // the header panel: the outer layers between the nodes, then the inner frame
  const headers = panel.getByTestId('sim-headers');
  for (const layer of ['Outer Ethernet', 'Outer IPv4', 'Outer UDP', 'VXLAN', 'IPv4'])
    await expect(headers.getByRole('heading', { name: layer, exact: true })).toBeAttached();
  await expect(headers).toContainText('192.168.0.10');
  await expect(headers).toContainText('192.168.0.11');
  await expect(headers).toContainText('4789');
  const client = await app.api((api) => api.containers().find((c) => c.name === 'client')?.ifaces[0].ip);
  await expect(headers).toContainText(client ?? '');
  await expect(headers).toContainText(web2 ?? '');
  const marker = page.getByTestId('packet-marker').first();
  await page.waitForTimeout(1200);
  await expectInside(marker, host(page, 'docker-host'), 'encapsulated on docker-host');
  // the outer packet crosses the LAN, and docker-host-2 unwraps it on its own card of the overlay
  await jumpTo(page, 'vxlan-decap');
  await page.waitForTimeout(1200);
  await expectInside(marker, host(page, 'docker-host-2'), 'decapsulated on docker-host-2');
  await expect(page.locator('.react-flow__node.sim-here [data-testid="network-my-overlay"]')).toHaveCount(1);
  await expectInside(page.locator('.react-flow__node.sim-here'), host(page, 'docker-host-2'));
  expect(errors).toEqual([]);
});

test('the seed 001 swarm lesson builds the same swarm and plays its overlay packet', async ({ page }) => {
  const { scene, app, lessons } = await openSwarmLesson(page);
  await expect(host(page, 'docker-host-3')).toBeVisible();
  await expect(page.getByTestId('network-my-overlay')).toHaveCount(3);
  await app.fit();
  for (const id of ['docker-host', 'docker-host-2', 'docker-host-3']) expect(await overlayOn(page, id)).not.toBeNull();
  await expect(page.locator('[data-testid^="container-web."]')).toHaveCount(3);
  await expect(app.container('client')).toBeVisible();
  await lessons.clickPacket(scene.packets[0].label.en);
  const panel = page.getByTestId('sim-panel');
  await expect(panel.getByTestId('sim-command')).toHaveText('ping -c 1 10.0.1.5');
  await jumpTo(page, 'vxlan-decap');
  await page.waitForTimeout(1200);
  await expectInside(page.getByTestId('packet-marker').first(), host(page, 'docker-host-2'));
});

test('dragging a container onto an overlay: attachable connects it, not attachable is refused with Docker’s words', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker swarm init',
    'docker network create -d overlay locked',
    'docker network create -d overlay --attachable my-overlay',
    'docker run -dit --name box alpine',
  );
  await app.dragContainerTo('box', app.network('locked'));
  await expect(page.getByTestId('notice')).toContainText(
    'Could not attach to network locked: rpc error: code = PermissionDenied desc = network locked not manually attachable.',
  );
  const nets = async () =>
    (await app.api((api) => api.containers())).find((c) => c.name === 'box')?.ifaces.map((i) => i.network);
  expect(await nets()).toEqual(['bridge']);

  await app.dragContainerTo('box', app.network('my-overlay'));
  await expect(app.consoleOutput).toContainText('docker network connect my-overlay box');
  // bridge gone, nothing gives a default route: libnetwork's sbLeave joins docker_gwbridge (setupDefaultGW)
  await expect.poll(nets).toEqual(['my-overlay', 'docker_gwbridge']);
  // locked took 10.0.1.0/24, my-overlay the next /24
  await expect(app.container('box')).toContainText('10.0.2.2/24');
});

test('the seed 001 swarm lesson plays the routing mesh: pc1 → a node without the task, forwarded in VXLAN', async ({
  page,
}) => {
  const { scene, app, lessons } = await openSwarmLesson(page);
  await expect(page.locator('[data-testid^="container-api.1."]')).toHaveCount(1);
  await expectInside(page.locator('[data-testid^="container-api.1."]'), host(page, 'docker-host'));
  const mesh = scene.packets.find((p) => p.id === 'mesh-curl')!;
  await lessons.clickPacket(mesh.label.en);
  const panel = page.getByTestId('sim-panel');
  await expect(panel.getByTestId('sim-command')).toHaveText('@pc1 curl -s 192.168.0.12:9090');
  // docker-host-3 DNATs to its ingress sandbox, IPVS picks the task on docker-host, VXLAN carries it
  for (const action of ['dnat', 'vxlan-encap', 'vxlan-decap'])
    await expect(panel.locator(`.sim-event__action[data-action="${action}"]`).first()).toBeAttached();
  await jumpTo(page, 'vxlan-encap');
  const headers = panel.getByTestId('sim-headers');
  await expect(headers).toContainText('192.168.0.12');
  await expect(headers).toContainText('192.168.0.10');
  await expect(headers).toContainText('4789');
  await jumpTo(page, 'vxlan-decap');
  await page.waitForTimeout(1200);
  await expectInside(page.getByTestId('packet-marker').first(), host(page, 'docker-host'));
  await expect(app.consoleOutput).toContainText('Welcome to nginx!');
});

/** The lines (distinct tops) the random id at the end of a task card's name is drawn on. */
async function idLines(card: Locator) {
  return card.locator('.ctr-name').evaluate((el) => {
    const name = el.textContent ?? '';
    const id = name.slice(name.lastIndexOf('.') + 1);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(id);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + id.length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return { id, lines: tops.size };
    }
    return { id, lines: -1 };
  });
}

test("a swarm task's random id (web.2.<25 characters>) is never broken inside on its card: compact and full detail", async ({
  page,
}) => {
  const { app } = await openSwarmLesson(page);
  await expect(host(page, 'docker-host-3')).toBeVisible();
  await app.fit();
  await page.getByRole('button', { name: 'Zoom to host docker-host-2' }).click();
  await page.waitForTimeout(800);
  const task = page.locator('[data-testid^="container-web.2."]');
  await expect(task).toHaveCount(1);
  for (const detail of ['compact', 'full']) {
    if (detail === 'full')
      for (let i = 0; i < 16 && (await app.canvas.getAttribute('data-detail')) !== 'full'; i++) {
        const b = (await task.boundingBox())!;
        await page.mouse.move(b.x + b.width / 2, b.y + 10);
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(150);
      }
    await expect(app.canvas).toHaveAttribute('data-detail', detail);
    await page.waitForTimeout(300);
    const { id, lines } = await idLines(task);
    expect(id).toMatch(/^[a-z0-9]{25}$/);
    expect(lines, `${detail}: ${id}`).toBe(1);
    // the id stays inside its card (cut with an ellipsis when the card is narrower)
    const card = (await task.boundingBox())!;
    const name = (await task.locator('.ctr-name').boundingBox())!;
    expect(name.x + name.width).toBeLessThanOrEqual(card.x + card.width + 0.5);
  }
});
