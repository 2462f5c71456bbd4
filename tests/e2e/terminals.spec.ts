import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const shots = new URL('../../shots/', import.meta.url).pathname;

/** Seed 004's DNS test typed as the seed types it, in two console tabs. */
test('seed 004 in two terminals: containerA keeps its prompt while terminal 2 makes and removes containerB', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  const prompt = page.getByTestId('console-prompt');
  const last = app.consoleOutput.locator('pre').last();
  await app.type('docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge');
  await app.type('docker run -it --network second-bridge --name containerA devwikirepo/pingbuntu bin/bash');
  await expect(prompt).toHaveText(/^root@[0-9a-f]{12}:\/#$/);
  const inA = (await prompt.textContent()) ?? '';
  await app.type('cat /etc/resolv.conf');
  await expect(last).toContainText('nameserver 127.0.0.11');
  await app.type('ping containerB');
  await expect(last).toHaveText('ping: containerB: Name or service not known');

  await page.getByTestId('term-new').click();
  await expect(page.getByTestId('term-tab-1')).toHaveAttribute('aria-current', 'true');
  await expect(prompt).toHaveText('root@docker-host:~#');
  await app.type('docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu');
  await expect(last).toHaveText(/^[0-9a-f]{64}$/);

  await page.keyboard.press('Alt+1');
  await expect(prompt).toHaveText(inA);
  await app.type('ping containerB');
  await expect(last).toContainText('64 bytes from containerB.second-bridge (10.0.0.3): icmp_seq=1 ttl=64');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${shots}terminals-1280-en.png` });

  await page.getByTestId('term-tab-1').click();
  await app.type('docker rm -f containerB');
  await page.keyboard.press('Alt+1');
  await app.type('ping containerB');
  await expect(last).toHaveText('ping: containerB: Name or service not known');
  await page.keyboard.press('Alt+2');
  await app.type('docker rm -f containerA');
  await app.type('docker network rm second-bridge');
  await page.keyboard.press('Alt+1');
  await expect(prompt).toHaveText('root@docker-host:~#');
  await expect(app.consoleOutput).toContainText('is removed; back on docker-host');

  // tabs survive a reload
  await app.open('', { keepStorage: true });
  await expect(page.getByTestId('term-tab-1')).toBeVisible();
});

test('a compose file written with a pasted heredoc, then read back; Korean tabs', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await app.type('cd gloddy_server');
  await expect(page.getByTestId('console-prompt')).toHaveText('root@docker-host:~/gloddy_server#');
  await app.consoleInput.click();
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="console-input"]') as HTMLInputElement;
    const data = new DataTransfer();
    data.setData('text', "cat > compose.yaml <<'EOF'\nservices:\n  web:\n    image: nginx\nEOF\n");
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await app.type('ls');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText('compose.yaml  docker-compose.yml');
  await app.type('cat compose.yaml');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText('services:\n  web:\n    image: nginx');
  await page.keyboard.press('Alt+t');
  await expect(page.getByTestId('term-tab-1')).toHaveText('터미널 2');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${shots}terminals-1280-ko.png` });
});

for (const lang of ['en', 'ko'] as const) {
  test(`presenter mode 1920x1080 shows the active terminal large beside the simulation (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const app = new AppPage(page);
    await app.open(lang === 'ko' ? '?lang=ko' : '');
    await app.type('mkdir shop && cd shop');
    for (const line of [
      "cat > compose.yaml <<'EOF'",
      'services:',
      '  web:',
      '    image: nginx',
      '  db:',
      '    image: redis',
      'EOF',
    ])
      await app.type(line);
    await app.type('docker compose up -d');
    await expect(app.consoleOutput.locator('pre').last()).toContainText(' Container shop-web-1  Started');
    await page.getByTestId('term-new').click();
    await app.type('docker exec shop-web-1 cat /etc/resolv.conf');
    await page.getByTestId('tool-presenter').click();
    await expect(page.getByTestId('app')).toHaveClass(/presenter/);
    // the terminal stays, and its text is readable from the back row
    const out = app.consoleOutput;
    await expect(out).toContainText('nameserver 127.0.0.11');
    for (const el of [out, app.consoleInput, page.getByTestId('console-prompt')]) {
      const px = await el.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
      expect(px).toBeGreaterThanOrEqual(18);
    }
    const box = await out.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(800);
    // typing still works in presenter mode
    await app.type('docker compose ls');
    await expect(out.locator('pre').last()).toContainText('shop');
    await page.getByTestId('node-docker-host').waitFor();
    await page.screenshot({ path: `${shots}terminals-1920-presenter-${lang}.png` });
  });
}
