import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { runLine, runScript } from '../../src/sim/console';
import { provenChoices } from '../../src/sim/lessonFrame';
import { type Scene, sceneById } from '../../src/sim/scenes';
import { createDefaultWorld } from '../../src/sim/world';
import { AppPage } from './pages/AppPage';
import { LessonPanel } from './pages/LessonPanel';

/**
 * The lesson frame as a class uses it (issue 11): a lesson's narrated steps, a predict question
 * answered by clicking a choice (the packet goes and its trace decides), a checkpoint line run
 * from the panel, in English and Korean, at 1280x720, presenter 1920x1080 and tablet 768x1024.
 */

const shots = new URL('../../shots/', import.meta.url).pathname;
const PORT = sceneById('port-forwarding')!;
const NAT = sceneById('nat-portfwd')!;

/** What the engine proves for a step's question, headlessly from the scene's World. */
function proven(scene: Scene, stepId: string): string[] {
  const step = scene.steps!.find((s) => s.id === stepId)!;
  const { session } = runScript(createDefaultWorld(), `${scene.script.join('\n')}\n`);
  const line = scene.packets.find((p) => p.id === step.packet)!.line;
  return provenChoices(step.ask!, runLine(session, line), session.world);
}

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}${name}.png` });
}

test('seed 004: the lesson’s steps, a wrong guess the trace corrects, a right one, a checkpoint', async ({ page }) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(PORT);
  const guide = sim.panel.getByTestId('sim-guide');
  await expect(guide.getByTestId('sim-guide-count')).toHaveText(`Lesson step 1 of ${PORT.steps!.length}`);
  await expect(guide.getByTestId('sim-guide-topic')).toHaveText('Publishing ports (-p)');
  await expect(guide.getByTestId('sim-guide-say')).toContainText('172.17.0.2 on docker0');
  expect(proven(PORT, 'no-publish')).toEqual(['internet']);

  // a wrong guess: the packet goes, the trace shows where it really stopped
  await guide.getByRole('button', { name: 'nginx answers' }).click();
  await expect(sim.panel.getByTestId('sim-command')).toHaveText('@pc1 curl -s http://172.17.0.2/');
  // the verdict waits for the last step, so the class watches the packet first
  const verdict = guide.getByTestId('sim-guide-verdict');
  await expect(guide.getByTestId('sim-guide-wait')).toBeVisible();
  await expect(verdict).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('timed out');
  await expect(verdict).toContainText('Not this time. The trace shows: past the router, on the internet.');
  await expect(verdict).toContainText('pc1 has no route to 172.17.0.0/16');

  // the checkpoint runs its line in the console and is checked against the output
  await guide.getByRole('button', { name: /^Run: docker container inspect/ }).click();
  await expect(guide.getByTestId('sim-guide-checked')).toHaveText('✓ it prints 172.17.0.2');
  expect(await app.api((w) => w.log())).toContain(`root@docker-host:~# ${PORT.steps![0].check!.line}`);
  await shot(page, 'guide-004-wrong-1280');

  // the next step, answered right
  await guide.getByTestId('sim-guide-next').click();
  await expect(guide.getByTestId('sim-guide-count')).toHaveText(`Lesson step 2 of ${PORT.steps!.length}`);
  await guide.getByRole('button', { name: 'nginx2 (172.17.0.3)' }).click();
  await page.keyboard.press('End');
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('Right. The trace shows: nginx2 (172.17.0.3).');
  await expect(guide.getByRole('button', { name: 'nginx2 (172.17.0.3)' })).toHaveAttribute('aria-pressed', 'true');

  // a step with a packet but no question sends it with one click
  await guide.getByTestId('sim-guide-next').click();
  await guide.getByRole('button', { name: 'Send: pc1 → 192.168.0.10:8002 (red)' }).click();
  await page.keyboard.press('End');
  await expect(sim.panel.getByTestId('sim-outcome')).toContainText('HTTP 200 from 192.168.0.10:8002');

  // back keeps what was answered
  await guide.getByRole('button', { name: '← Previous' }).click();
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('Right.');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('p');
  await shot(page, 'guide-004-presenter-1920');
  await page.keyboard.press('p');
  await page.setViewportSize({ width: 768, height: 1024 });
  await shot(page, 'guide-004-tablet-768');
});

test('seed 000 in Korean: topic, narration, question and verdict are Korean; the answer is the router’s public address', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open('?lang=ko');
  const item = sim.panel.getByTestId(`sim-scene-${NAT.id}`);
  await expect(item.getByTestId('sim-scene-topic')).toHaveText('NAT와 포트포워딩 · 시드 000');
  await item.getByRole('button', { name: `불러오기: ${NAT.title.ko}` }).click();
  const guide = sim.panel.getByTestId('sim-guide');
  await expect(guide.getByTestId('sim-guide-count')).toHaveText(`수업 ${NAT.steps!.length}단계 중 1단계`);
  await guide.getByRole('button', { name: /^실행: @router portfwd list/ }).click();
  await expect(guide.getByTestId('sim-guide-checked')).toContainText('✓');
  const outbound = NAT.steps!.findIndex((s) => s.id === 'outbound');
  for (let i = 0; i < outbound; i++) await guide.getByTestId('sim-guide-next').click();
  await expect(guide.getByRole('group')).toContainText('google.com이 보는 출발지 주소는?');
  expect(proven(NAT, 'outbound')).toEqual(['public']);
  await guide.getByRole('button', { name: '124.111.46.91 (공유기)' }).click();
  await page.keyboard.press('End');
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('맞았습니다.');
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('MASQUERADE가 두 번');
  await shot(page, 'guide-000-ko-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('p');
  await shot(page, 'guide-000-ko-presenter-1920');
  await page.keyboard.press('p');
  await page.setViewportSize({ width: 768, height: 1024 });
  await shot(page, 'guide-000-ko-tablet-768');
});

test('misconception in Korean: localhost inside a container is the container, proved by the trace', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  const scene = sceneById('mis-localhost')!;
  await app.open('?lang=ko');
  const item = sim.panel.getByTestId(`sim-scene-${scene.id}`);
  await expect(item.getByTestId('sim-scene-topic')).toHaveText('자주 하는 오해 · 시드 004');
  await item.getByRole('button', { name: `불러오기: ${scene.title.ko}` }).click();
  const guide = sim.panel.getByTestId('sim-guide');
  expect(proven(scene, 'localhost')).toEqual(['self']);
  await guide.getByRole('button', { name: '공개된 포트를 거쳐 web이 답한다' }).click();
  await page.keyboard.press('End');
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('이번에는 아닙니다.');
  await expect(guide.getByTestId('sim-guide-verdict')).toContainText('client가 스스로 거절한다');
  await shot(page, 'guide-mis-localhost-ko-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('p');
  await shot(page, 'guide-mis-localhost-ko-presenter-1920');
  await page.keyboard.press('p');
  await page.setViewportSize({ width: 768, height: 1024 });
  await shot(page, 'guide-mis-localhost-ko-tablet-768');
});

/** Whether `el` is drawn whole: on screen and inside every box around it that clips (a scrolled panel's fold counts). */
async function unclipped(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.top < 0 || r.bottom > innerHeight + 0.5 || r.left < 0 || r.right > innerWidth + 0.5)
        return false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowY === 'visible' && getComputedStyle(p).overflowX === 'visible') continue;
        const b = p.getBoundingClientRect();
        if (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5 || r.left < b.left - 0.5 || r.right > b.right + 0.5)
          return false;
      }
      return true;
    });
}

for (const lang of ['en', 'ko'] as const)
  test(`presenter 1920x1080, ${lang}: while a lesson's packet plays, the guide's step, its question and its buttons are on screen without a scroll`, async ({
    page,
  }) => {
    await new LessonPanel(page).presentLesson(PORT, lang);
    const guide = page.getByTestId('sim-guide');
    // the question answered: its packet plays, the narration and the headers fill the simulation
    await guide.getByTestId('sim-guide-ask').getByRole('button').first().click();
    await expect(page.getByTestId('sim-narration')).toBeVisible();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await expect(guide.getByTestId('sim-guide-verdict')).toBeVisible();
    await page.waitForTimeout(400);
    for (const id of [
      'sim-guide-count',
      'sim-guide-say',
      'sim-guide-prev',
      'sim-guide-next',
      'sim-guide-ask',
      'sim-guide-verdict',
    ])
      expect(await unclipped(page, id), id).toBe(true);
    // the packet's narration and its headers stay in view beside it
    await expect(page.getByTestId('sim-narration')).toBeInViewport();
    await expect(page.getByTestId('sim-headers')).toBeInViewport();
    // the next step: its say and its checkpoint's Run button
    await guide.getByTestId('sim-guide-next').click();
    for (const id of ['sim-guide-count', 'sim-guide-say', 'sim-guide-next'])
      expect(await unclipped(page, id), `step 2 ${id}`).toBe(true);
  });
