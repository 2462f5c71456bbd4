import { expect, type Page, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel, sceneTrace } from './pages/LessonPanel';

const shots = new URL('../../shots/', import.meta.url).pathname;

/** A compose file typed line by line as a heredoc, then `docker compose up -d`: the project shows on the canvas. */
async function composeUp(page: Page, lang: 'en' | 'ko') {
  const app = new AppPage(page);
  await app.open(lang === 'ko' ? '?lang=ko' : '');
  await app.type('mkdir shop && cd shop');
  for (const line of [
    "cat > compose.yaml <<'EOF'",
    'services:',
    '  web:',
    '    image: nginx',
    '    ports:',
    '      - "8080:80"',
    '    depends_on: [db]',
    '  db:',
    '    image: redis',
    'EOF',
  ])
    await app.type(line);
  await app.type('docker compose up -d');
  await expect(app.consoleOutput.locator('pre').last()).toContainText(' Container shop-web-1  Started');
  await app.type('docker run -d --name plain nginx');
  await app.fit();
  return app;
}

for (const lang of ['en', 'ko'] as const) {
  test(`docker compose up -d draws the project on its containers and network (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await composeUp(page, lang);
    const word = lang === 'en' ? 'Compose project' : 'Compose 프로젝트';
    const service = lang === 'en' ? 'service' : '서비스';
    await expect(page.getByTestId('container-shop-web-1').getByTestId('compose-tag')).toHaveText(
      `${word} shop · ${service} web`,
    );
    await expect(page.getByTestId('container-shop-db-1').getByTestId('compose-tag')).toHaveText(
      `${word} shop · ${service} db`,
    );
    await expect(page.getByTestId('network-shop_default').getByTestId('compose-tag')).toHaveText(`${word} shop`);
    // a plain `docker run` container and docker0 carry no tag
    await expect(page.getByTestId('container-plain').getByTestId('compose-tag')).toHaveCount(0);
    await expect(page.getByTestId('network-bridge').getByTestId('compose-tag')).toHaveCount(0);
    // the project's cards share one colour
    const colour = (id: string) => page.getByTestId(id).evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(await colour('container-shop-web-1')).toBe(await colour('network-shop_default'));
    await page.screenshot({ path: `${shots}compose-1280-${lang}.png` });
    // zoomed in, the full detail: the words around the project and the service
    await page.getByTestId('container-shop-web-1').dblclick();
    for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${shots}compose-1280-${lang}-detail.png` });

    await new AppPage(page).type('docker compose down');
    await expect(page.getByTestId('network-shop_default')).toHaveCount(0);
    await expect(page.getByTestId('container-shop-web-1')).toHaveCount(0);
  });
}

test('compose project in presenter mode, 1920x1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await composeUp(page, 'en');
  await page.getByTestId('tool-presenter').click();
  await page.waitForTimeout(900);
  await expect(page.getByTestId('network-shop_default').getByTestId('compose-tag')).toBeVisible();
  await page.screenshot({ path: `${shots}compose-1920-presenter-en.png` });
});

/** Opens the app at 1280x720 and loads the seed 002 lesson. */
async function openSeed002(page: Page) {
  const scene = sceneById('compose-projects')!;
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(scene);
  return { scene, app, sim };
}

test('seed 002 lesson: two compose projects joined by a shared network; client → app by name, step through', async ({
  page,
}) => {
  const { scene, app, sim } = await openSeed002(page);
  for (const name of ['gloddy_server_app_1', 'gloddy_server_redis_1', 'gloddy_client_client_1', 'plain'])
    await expect(app.container(name)).toBeVisible();
  await expect(page.getByTestId('network-gloddy_server_default').getByTestId('compose-tag')).toHaveText(
    'Compose project gloddy_server',
  );
  await expect(page.getByTestId('network-gloddy_shared').getByTestId('compose-tag')).toHaveCount(0);
  await sim.panel.getByRole('button', { name: scene.packets[0].label.en, exact: true }).click();
  const trace = sceneTrace(scene, scene.packets[0].line);
  await sim.expectAt(trace, 0);
  for (let i = 1; i < 5; i++) await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, 4);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}lessons-002-1280.png` });
  await page.getByTestId('lang-select').selectOption('ko');
  // while a packet plays, the lesson's packets are a list behind 'Lesson packets (N)'
  await sim.panel.getByTestId('sim-lesson-packets-open').click();
  await expect(sim.panel.getByRole('button', { name: scene.packets[1].label.ko, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sim.panel.getByRole('button', { name: scene.packets[1].label.ko, exact: true })).toHaveCount(0);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('p');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${shots}lessons-002-1920-presenter-ko.png` });
});

test('seed 002 typed as written: docker-compose up -d in ~/gloddy_server makes gloddy_server_default on 172.18.0.0/16', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  const last = app.consoleOutput.locator('pre').last();
  await app.type('docker network ls');
  await app.type('cd gloddy_server');
  await app.type('docker-compose up -d');
  await expect(last).toHaveText(
    'Creating network "gloddy_server_default" with the default driver\nCreating gloddy_server_app_1   ... done\nCreating gloddy_server_redis_1 ... done',
  );
  await app.type('docker network ls');
  await expect(last).toContainText('gloddy_server_default   bridge    local');
  await app.type('docker network inspect gloddy_server_default');
  await expect(last).toContainText('"Subnet": "172.18.0.0/16"');
  await app.type('ip route');
  await expect(last).toContainText('172.18.0.0/16 dev br-');
  await expect(page.getByTestId('network-gloddy_server_default')).toContainText('172.18.0.0/16');
  await expect(page.getByTestId('container-gloddy_server_app_1').getByTestId('compose-tag')).toContainText(
    'gloddy_server',
  );
});

test('seed 002 lesson guide: the bridges checked by ip route, a wrong guess about docker0 the trace corrects, app by name answered right in Korean', async ({
  page,
}) => {
  const { scene, sim } = await openSeed002(page);
  const guide = sim.panel.getByTestId('sim-guide');
  await expect(guide.getByTestId('sim-guide-count')).toHaveText(`Lesson step 1 of ${scene.steps!.length}`);
  await expect(guide.getByTestId('sim-guide-topic')).toHaveText('Compose networks');
  await guide.getByRole('button', { name: 'Run: ip route' }).click();
  await expect(guide.getByTestId('sim-guide-checked')).toHaveText('✓ it prints 172.18.0.0/16 dev br-');

  await guide.getByTestId('sim-guide-next').click();
  await guide.getByRole('button', { name: 'plain answers' }).click();
  await expect(sim.panel.getByTestId('sim-command')).toHaveText('ping -c 1 172.17.0.2');
  await page.keyboard.press('End');
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('0/1 replies from 172.17.0.2');
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('Not this time.');
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('isolation rules');

  await page.getByTestId('lang-select').selectOption('ko');
  await guide.getByTestId('sim-guide-next').click();
  await expect(guide.getByTestId('sim-guide-say')).toContainText('external로 선언');
  await guide.getByRole('button', { name: '172.30.0.2, gloddy_shared에서 app의 주소' }).click();
  await page.keyboard.press('End');
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('127.0.0.11');
  await expect(guide.getByRole('button', { name: '172.30.0.2, gloddy_shared에서 app의 주소' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.screenshot({ path: `${shots}lessons-002-guide-1280-ko.png` });
});
