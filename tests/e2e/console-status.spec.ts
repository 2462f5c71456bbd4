import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test('the page console keeps $? from one line to the next, as a shell does', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const last = app.consoleOutput.locator('pre').last();
  await app.consoleInput.click();
  await page.keyboard.type('docker inspect nosuch');
  await page.keyboard.press('Enter');
  await expect(last).toHaveText(/No such object: nosuch/);
  await page.keyboard.type('echo $?');
  await page.keyboard.press('Enter');
  await expect(last).toHaveText('1');
  // the echo succeeded: now 0
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(app.consoleOutput.locator('pre').filter({ hasText: /^0$/ })).toHaveCount(1);
});
