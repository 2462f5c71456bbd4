import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/**
 * A health check seen as a person sees it: the container's Inspector says "starting", and once
 * the probe (curl inside nginx) has run, "healthy", as `docker ps` says after "Up …".
 */
const shots = new URL('../../shots/', import.meta.url).pathname;

for (const lang of ['en', 'ko'] as const) {
  test(`the Inspector shows a container's health as its probes decide it (${lang})`, async ({ page }) => {
    mkdirSync(shots, { recursive: true });
    const app = new AppPage(page);
    await app.open(`?lang=${lang}`);
    await app.seed("docker run -d --name web --health-cmd 'curl -f http://localhost/' --health-interval 3s nginx");
    await app.container('web').click();
    const starting = lang === 'en' ? 'starting' : '시작 중';
    const healthy = lang === 'en' ? 'healthy' : '정상';
    await expect(app.inspector).toContainText(lang === 'en' ? 'Health' : '헬스 체크');
    await expect(app.inspector).toContainText(starting);
    await app.type('sleep 3');
    await expect(app.inspector).toContainText(healthy);
    await app.type('docker ps --format "{{.Names}} {{.Status}}"');
    await expect(page.locator('.console, [data-testid="console"]').first()).toContainText('web Up 5 seconds (healthy)');
    await page.screenshot({ path: `${shots}health-${lang}-1280.png` });
    if (lang === 'en') {
      await page.setViewportSize({ width: 768, height: 1024 });
      await app.fit();
      await page.screenshot({ path: `${shots}health-en-768.png` });
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.keyboard.press('Escape');
      await page.getByTestId('tool-presenter').click();
      await page.waitForTimeout(900);
      await page.screenshot({ path: `${shots}health-en-presenter-1920.png` });
    }
  });
}
