import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/**
 * A student solves "pc1 loads web on port 8080" by typing in the console; Check runs each goal's
 * packet. A teacher's bad file is refused with the field and reason; a good one shares as a link.
 */

const shots = new URL('../../shots/', import.meta.url).pathname;

test('a student solves a challenge by typing, checks it, resets it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('tool-matrix').click();
  await page.getByTestId('classroom-tab-challenges').click();
  const dlg = page.getByTestId('challenges-dialog');
  await dlg.getByTestId('challenge-start-publish-8080').click();
  await expect(app.container('web')).toBeVisible();
  await dlg.getByTestId('challenge-check').click();
  await expect(dlg.getByTestId('challenge-goal-0')).toHaveAttribute('data-ok', 'false');
  await expect(dlg.getByTestId('challenge-goal-0')).toContainText('@pc1 curl -s -m 2 http://192.168.0.10:8080/');
  // the second goal (pc1 cannot ping 172.17.0.2) already holds
  await expect(dlg.getByTestId('challenge-goal-1')).toHaveAttribute('data-ok', 'true');
  await page.screenshot({ path: `${shots}challenge-en-1280.png` });
  await dlg.getByTestId('challenges-close').click();

  for (const line of ['docker rm -f web', 'docker run -d --name web -p 8080:80 nginx']) {
    await app.consoleInput.fill(line);
    await app.consoleInput.press('Enter');
  }
  await expect(app.container('web')).toContainText('8080');
  await page.getByTestId('tool-matrix').click();
  await page.getByTestId('classroom-tab-challenges').click();
  await dlg.getByTestId('challenge-check').click();
  await expect(dlg.getByTestId('challenge-goal-0')).toHaveAttribute('data-ok', 'true');
  await expect(dlg.getByTestId('challenge-done')).toBeVisible();
  // the passing packet plays in the simulation panel
  await dlg.getByTestId('challenge-play-0').click();
  await expect(page.getByTestId('sim-command')).toHaveText('@pc1 curl -s -m 2 http://192.168.0.10:8080/');

  // reset: the start World again
  await page.getByTestId('tool-matrix').click();
  await page.getByTestId('classroom-tab-challenges').click();
  await dlg.getByTestId('challenge-reset').click();
  await expect(app.container('web')).not.toContainText('8080');
});

test('in Korean the goals’ and the matrix’s results read in Korean, not the engine’s English summaries (issue 11 review)', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await page.getByTestId('tool-matrix').click();
  await page.getByTestId('classroom-tab-challenges').click();
  const dlg = page.getByTestId('challenges-dialog');
  await dlg.getByTestId('challenge-start-publish-8080').click();
  await dlg.getByTestId('challenge-check').click();
  const refused = dlg.getByTestId('challenge-goal-0');
  await expect(refused).toHaveAttribute('data-ok', 'false');
  await expect(refused).toContainText('http://192.168.0.10:8080/ 연결 거부됨');
  // one word for listen across the UI: 수신 대기, as the matrix says
  await expect(refused).toContainText('TCP 8080 포트에는 수신 대기(listen) 중인 프로그램이 없어');
  await expect(dlg.getByTestId('challenge-goal-1')).toContainText('172.17.0.2에서 응답 0/1');
  await expect(dlg).not.toContainText(/connection refused|replies from/);

  await page.getByTestId('classroom-tab-matrix').click();
  const mx = page.getByTestId('matrix-dialog');
  await mx.getByTestId('matrix-cell-pc1-web').focus();
  await expect(mx.getByTestId('matrix-details')).toContainText(
    '@pc1 ping -c 1 -W 1 172.17.0.2 ✗ 172.17.0.2에서 응답 0/1',
  );
  await expect(mx.getByTestId('matrix-details')).not.toContainText('replies from');
});

test('a teacher’s file: refused with field and reason, or loaded and shared as a link (en, ko)', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await page.getByTestId('tool-matrix').click();
  await page.getByTestId('classroom-tab-challenges').click();
  const dlg = page.getByTestId('challenges-dialog');
  await dlg.getByText('선생님의 도전 과제 파일 불러오기').click();
  await dlg.getByTestId('challenge-file-text').fill('id: x\ntitle: {en: a}\ntask: {en: a, ko: b}\ngoals: []');
  await dlg.getByTestId('challenge-file-load').click();
  await expect(dlg.getByTestId('challenge-errors')).toContainText('title.ko');
  await expect(dlg.getByTestId('challenge-errors')).toContainText('goals');
  // the reasons are Korean too, never zod's English
  await expect(dlg.getByTestId('challenge-errors')).toContainText('title.ko: 이 필드가 없습니다');
  await expect(dlg.getByTestId('challenge-errors')).toContainText('goals: 1개 이상 필요합니다');
  await expect(dlg.getByTestId('challenge-errors')).not.toContainText(/Invalid|expected|received/);
  expect(await app.api((w) => w.containers().length)).toBe(0);
  await page.screenshot({ path: `${shots}challenge-ko-1280-refused.png` });
  await dlg
    .getByTestId('challenge-file-text')
    .fill(
      'id: two\ntitle: {en: Two, ko: 둘}\ntask: {en: Ping google, ko: 구글에 ping}\nstart: [docker run -d --name box devwikirepo/pingbuntu]\ngoals:\n  - {kind: ping, from: box, to: google.com}',
    );
  await dlg.getByTestId('challenge-file-load').click();
  await expect(dlg.getByTestId('challenge-active')).toContainText('구글에 ping');
  await dlg.getByTestId('challenge-share').click();
  const link = await dlg.getByTestId('challenge-link').inputValue();
  expect(link).toContain('#challenge=');
  await dlg.getByTestId('challenges-close').click();
  // the link opens the challenge in a fresh page
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await app.ready();
  await expect(page.getByTestId('challenge-active')).toContainText('구글에 ping');
  await expect(app.container('box')).toBeVisible();
  await page.getByTestId('challenge-check').click();
  await expect(page.getByTestId('challenge-goal-0')).toHaveAttribute('data-ok', 'true');
  await page.screenshot({ path: `${shots}challenge-ko-1280.png` });
});

for (const [w, h] of [
  [1920, 1080],
  [768, 1024],
] as const)
  for (const lang of ['en', 'ko'] as const)
    test(`screenshot ${lang} ${w}x${h}: the challenge list and a checked challenge`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      const app = new AppPage(page);
      await app.open(`?lang=${lang}`);
      await page.getByTestId('tool-matrix').click();
      await page.getByTestId('classroom-tab-challenges').click();
      await expect(page.getByTestId('challenge-green-port')).toBeVisible();
      await page.screenshot({ path: `${shots}challenge-list-${lang}-${w}.png` });
      await page.getByTestId('challenge-start-private-db').click();
      await page.getByTestId('challenge-check').click();
      await expect(page.getByTestId('challenge-goal-0')).toHaveAttribute('data-ok', 'false');
      await page.screenshot({ path: `${shots}challenge-${lang}-${w}.png` });
    });

test('presenter mode 1920x1080: the challenge dialog reads from the back row (task 20 px, results 18 px or more) and fits the screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await page.keyboard.press('p');
  await page.getByTestId('presenter-matrix').click();
  await page.getByTestId('classroom-tab-challenges').click();
  await page.getByTestId('challenge-start-private-db').click();
  await page.getByTestId('challenge-check').click();
  await expect(page.getByTestId('challenge-goal-0')).toHaveAttribute('data-ok', 'false');
  // what answered reads in Korean too (it printed the engine's '… answered: empty reply')
  await expect(page.getByTestId('challenge-goal-0')).toContainText('192.168.0.10:5432에서 응답함: 빈 응답');
  /** The type's size on screen: its font size times the zoom it is drawn at. */
  const px = (sel: string) =>
    page
      .locator(sel)
      .first()
      .evaluate(
        (e) =>
          Number.parseFloat(getComputedStyle(e).fontSize) *
          ((e as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1),
      );
  expect(await px('.ch-task')).toBeGreaterThanOrEqual(20);
  expect(await px('.ch-result')).toBeGreaterThanOrEqual(18);
  const box = (await page.locator('.modal.mx-dialog').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1920);
  expect(box.y + box.height).toBeLessThanOrEqual(1080);
  await page.screenshot({ path: `${shots}challenge-ko-1920-presenter.png` });
  await page.getByTestId('classroom-tab-matrix').click();
  await expect(page.getByTestId('matrix-dialog')).toBeVisible();
  const mbox = (await page.locator('.modal.mx-dialog').boundingBox())!;
  expect(mbox.x + mbox.width).toBeLessThanOrEqual(1920);
  expect(mbox.y + mbox.height).toBeLessThanOrEqual(1080);
  await page.screenshot({ path: `${shots}matrix-ko-1920-presenter.png` });
});
