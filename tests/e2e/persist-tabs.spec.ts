import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/** The networks in the stored autosave, and in every copy set aside (read in the page). */
const stored = (page: Page) =>
  page.evaluate(() => {
    const names = (text: string | null) =>
      text ? Object.values(JSON.parse(text).world.networks as Record<string, { name: string }>).map((n) => n.name) : [];
    const copies = Object.keys(localStorage)
      .filter((k) => k.startsWith('whalewire.copy.'))
      .flatMap((k) => names(localStorage.getItem(k)));
    return { save: names(localStorage.getItem('whalewire.save')), copies };
  });

/** Issue 10 (safety): two tabs never silently overwrite each other's work; one notices and asks. */
test('two tabs editing one project: the second asks, neither loses work, both answers work by keyboard', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const a = new AppPage(page);
  await a.open();
  await a.seed('docker network create from-a');
  await expect.poll(async () => (await stored(page)).save).toContain('from-a');

  const pageB = await page.context().newPage();
  const b = new AppPage(pageB);
  await b.open('', { keepStorage: true });
  await expect(b.network('from-a')).toBeVisible();

  // both edit: A saves; B is told at once (storage event) and stops autosaving
  await a.seed('docker network create a-more');
  const notice = pageB.getByTestId('notice').filter({ hasText: 'changed in another tab' });
  await expect(notice).toContainText(
    'This project changed in another tab. Autosave is paused here, so neither tab overwrites the other.',
  );
  await b.seed('docker network create b-own');
  await pageB.waitForTimeout(600);
  expect((await stored(page)).save).toEqual(expect.arrayContaining(['from-a', 'a-more']));
  expect((await stored(page)).save).not.toContain('b-own');

  // B keeps its own (by keyboard): its work becomes the save, A's is kept as a copy
  await notice.getByTestId('tab-keep-mine').focus();
  await pageB.keyboard.press('Enter');
  await expect(pageB.getByTestId('notice')).toContainText('The other version is kept as a copy.');
  await expect.poll(async () => (await stored(page)).save).toContain('b-own');
  expect((await stored(page)).copies).toContain('a-more');

  // now A is the one behind: it asks; Load theirs shows B's work, A's own is kept as a copy
  const noticeA = page.getByTestId('notice').filter({ hasText: 'changed in another tab' });
  await expect(noticeA).toBeVisible();
  await a.seed('docker network create a-late');
  await noticeA.getByTestId('tab-load-theirs').focus();
  await page.keyboard.press('Enter');
  await expect(a.network('b-own')).toBeVisible();
  await expect(a.network('a-late')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('The other version is kept as a copy.');
  const end = await stored(page);
  expect(end.save).toContain('b-own');
  expect(end.copies).toEqual(expect.arrayContaining(['a-more', 'a-late']));
  // A's own World is one undo away
  await page.keyboard.press('Control+z');
  await expect(a.network('a-late')).toBeVisible();
  await pageB.close();
});

test('Korean: the notice and its two answers', async ({ page }) => {
  const a = new AppPage(page);
  await a.open('?lang=ko');
  await a.seed('docker network create one');
  const pageB = await page.context().newPage();
  const b = new AppPage(pageB);
  await b.open('?lang=ko', { keepStorage: true });
  await a.seed('docker network create two');
  const notice = pageB.getByTestId('notice');
  await expect(notice).toContainText('다른 탭에서 이 프로젝트가 바뀌었습니다');
  await expect(notice.getByTestId('tab-load-theirs')).toHaveText('그 탭의 것 불러오기 (내 것은 사본으로 보관)');
  await expect(notice.getByTestId('tab-keep-mine')).toHaveText('내 것 유지 (그 탭의 것은 사본으로 보관)');
  await pageB.screenshot({ path: 'test-results/tabs-ko.png' });
  await pageB.close();
});
