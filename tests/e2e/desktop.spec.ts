import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { formatExplain } from '../../src/i18n/trace';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel, sceneTrace } from './pages/LessonPanel';

/**
 * Docker Desktop mode (issue 11): the lesson that starts from Docker Desktop's World reproduces
 * seed 004's Windows observation. pc1 pings 172.17.0.2 and gets nothing, localhost:8001 answers
 * through com.docker.backend's forwarding into the VM, and a container reaches the PC as
 * host.docker.internal. Expected traces come from the engine run headlessly on the same World.
 */

const shots = new URL('../../shots/', import.meta.url).pathname;
const DESKTOP = sceneById('desktop-172')!;

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}${name}.png` });
}

test('Docker Desktop: 172.17.0.2 is lost on the way to the router, localhost:8001 is forwarded into the VM', async ({
  page,
}) => {
  // a loaded 2-core machine plays these traces slowly
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  const item = sim.panel.getByTestId(`sim-scene-${DESKTOP.id}`);
  await expect(item.getByTestId('sim-scene-topic')).toHaveText('Docker Desktop · seed 004');
  await sim.loadScene(DESKTOP);
  // the VM is the Docker host of this World, and the console says where it runs
  await expect(page.getByText('docker-desktop', { exact: true }).first()).toBeVisible();
  expect(await app.api((w) => w.log())).toContain(
    'root@docker-desktop:~# docker run -d -p 8001:80 --name nginx2 nginx',
  );

  const guide = sim.panel.getByTestId('sim-guide');
  await expect(guide.getByTestId('sim-guide-topic')).toHaveText('Docker Desktop');
  // a wrong guess: the trace shows the ping never entered the VM
  await guide.getByRole('button', { name: 'nginx answers' }).click();
  await expect(sim.panel.getByTestId('sim-command')).toHaveText('@pc1 ping -c 1 172.17.0.2');
  await page.keyboard.press('End');
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('0/1 replies from 172.17.0.2');
  const verdict = guide.getByTestId('sim-guide-verdict');
  await expect(verdict).toContainText('Not this time.');
  await expect(verdict).toContainText('I cannot ping my containers');
  await guide.getByRole('button', { name: /^Run: @pc1 ip route/ }).click();
  await expect(guide.getByTestId('sim-guide-checked')).toContainText('✓');
  await shot(page, 'desktop-ping-1280');

  // localhost:8001: step to the forwarding hop at pc1, then the VM takes the connection
  await guide.getByTestId('sim-guide-next').click();
  await guide.getByRole('button', { name: 'nginx2, through Docker Desktop’s forwarding into the VM' }).click();
  const trace = sceneTrace(DESKTOP, '@pc1 curl -s http://localhost:8001/');
  const hop = trace.steps.findIndex((s) => s.explain.key === 'app.desktop-forward');
  await page.keyboard.press('Home');
  await sim.expectAt(trace, 0);
  for (let i = 1; i <= hop + 1; i++) await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, hop + 1);
  await expect(sim.narration()).toHaveText(formatExplain('en', trace.steps[hop + 1].explain));
  await expect(sim.narration()).toContainText('Inside the VM docker-desktop');
  await shot(page, 'desktop-forward-1280');
  await page.keyboard.press('End');
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('HTTP 200 from 127.0.0.1:8001');
  await expect(verdict).toContainText('Right.');

  // host.docker.internal from a container
  for (let i = 0; i < 3; i++) await guide.getByTestId('sim-guide-next').click();
  await guide.getByRole('button', { name: '192.168.65.254, the PC as the VM sees it' }).click();
  await page.keyboard.press('End');
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('1/1 replies from 192.168.65.254');
  await expect(verdict).toContainText('Right.');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('p');
  await shot(page, 'desktop-presenter-1920');
});

test('Docker Desktop in Korean: the lesson, one-click packets and the forwarding hop read in Korean', async ({
  page,
}) => {
  // a loaded 2-core machine plays these traces slowly
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open('?lang=ko');
  const item = sim.panel.getByTestId(`sim-scene-${DESKTOP.id}`);
  await item.getByRole('button', { name: `불러오기: ${DESKTOP.title.ko}` }).click();
  const guide = sim.panel.getByTestId('sim-guide');
  await expect(guide.getByTestId('sim-guide-count')).toHaveText(`수업 ${DESKTOP.steps!.length}단계 중 1단계`);
  await guide.getByRole('button', { name: '응답 없음: pc1은 패킷을 VM이 아니라 공유기로 보낸다' }).click();
  await page.keyboard.press('End');
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('맞았습니다.');
  await shot(page, 'desktop-ko-1280');

  // every one-click packet of the lesson plays to the outcome the lesson names
  for (const p of DESKTOP.packets) {
    await sim.clickPacket(p.label.ko);
    await expect(sim.panel.getByTestId('sim-command')).toHaveText(sceneTrace(DESKTOP, p.line).command);
    await page.keyboard.press('End');
    await expect(sim.panel.getByTestId('sim-outcome')).toBeVisible();
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('p');
  await shot(page, 'desktop-ko-presenter-1920');
});

test('Project › New Docker Desktop world starts the VM World', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('tool-project').click();
  await page.getByTestId('project-new-desktop').click();
  await expect(page.getByText('docker-desktop', { exact: true }).first()).toBeVisible();
  const out = await app.api((w) => w.run('@pc1 ping -c 1 172.17.0.1'));
  expect(out.output).toContain('100% packet loss');
});

for (const lang of ['en', 'ko'] as const)
  test(`Docker Desktop lesson on a tablet (768x1024), ${lang}: the VM says it is inside pc1, and the lesson's Previous/Next stay together while a packet plays`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 768, height: 1024 });
    const app = new AppPage(page);
    await app.open(`?lang=${lang}`);
    await new LessonPanel(page).loadSceneFromTab(lang, DESKTOP);
    await expect(page.getByTestId('host-vm-of')).toHaveText(lang === 'ko' ? 'pc1 안의 VM' : 'VM inside pc1');
    await expect(page.getByTestId('host-vm-of')).toBeInViewport();
    // the VM's box hangs below pc1, whose cable runs down into it
    const pc1 = (await page.getByTestId('machine-pc1').boundingBox())!;
    const vm = (await page.getByTestId('node-docker-host').boundingBox())!;
    expect(vm.y).toBeGreaterThan(pc1.y + pc1.height);
    await page.getByRole('button', { name: DESKTOP.packets[1].label[lang] }).click();
    const prev = page.getByTestId('sim-guide-prev');
    const next = page.getByTestId('sim-guide-next');
    await expect(next).toBeVisible();
    const [p, n] = [(await prev.boundingBox())!, (await next.boundingBox())!];
    expect(Math.abs(p.y - n.y)).toBeLessThan(2);
    expect(n.x).toBeGreaterThan(p.x);
    await next.click();
    await expect(page.getByTestId('sim-guide-count')).toContainText(lang === 'ko' ? '2단계' : 'step 2');
    await shot(page, `desktop-768-${lang}`);
  });
