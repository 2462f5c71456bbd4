import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test('an unreadable save is reported, kept aside and offered for download', async ({ page }) => {
  const app = new AppPage(page);
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('whalewire.save', '{"format":"whalewire","version":2,"world":{"schema":1, broken');
  });
  await app.open('', { keepStorage: true });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('could not be restored');
  await expect(notice).toContainText('not valid JSON');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('whalewire.unreadable.'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"format":"whalewire","version":2,"world":{"schema":1, broken']);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-unreadable').click();
  expect((await download).suggestedFilename()).toBe('whalewire-unreadable-save.json');
  // the default world is drawn and usable
  await expect(app.network('bridge')).toBeVisible();
});

test('a tampered share link is refused with a message and changes nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create keepme');
  await page.waitForTimeout(400);
  await page.goto('/?shared=1#project=eyJmb3JtYXQiOiJ3aGFsZXdpcmUiLCJ2ZXJzaW9uIjoyLCJ3b3JsZCI6e319');
  await app.ready();
  await expect(page.getByTestId('notice')).toContainText('cannot be opened');
  await expect(app.network('keepme')).toBeVisible();
});
