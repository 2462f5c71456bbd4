import { mkdirSync } from 'node:fs';
import { test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/** Screenshots for looking at the product (not assertions): /work/main/shots/, gitignored. */
const dir = new URL('../../shots/', import.meta.url).pathname;

const scene = [
  'docker network create mynet',
  'docker run -d --name web -p 8080:80 nginx',
  'docker run -dit --name c1 --network mynet nicolaka/netshoot',
  'docker run -dit --name c2 --network mynet nicolaka/netshoot',
  "docker run -d --name color -e 'COLOR=<img src=x onerror=alert(1)>' -p 3000:3000 devwikirepo/envnodecolorapp",
];

test('screenshots at 1280x720 and 1920x1080 presenter', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  const app = new AppPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open();
  await page.screenshot({ path: `${dir}empty-1280.png` });
  await app.seed(...scene);
  await page.evaluate(() =>
    (
      window as unknown as {
        __whalewire: { select: (id: string) => void; containers: () => { id: string; name: string }[] };
      }
    ).__whalewire.select(
      `ctr:${(window as unknown as { __whalewire: { containers: () => { id: string; name: string }[] } }).__whalewire.containers().find((c) => c.name === 'c1')!.id}`,
    ),
  );
  await app.type('docker exec c1 ping -c 1 c2');
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${dir}scene-1280.png` });
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await page.getByTestId('tool-theme').click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${dir}scene-dark-1280.png` });
  await page.getByTestId('tool-theme').click();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('p');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${dir}presenter-1920.png` });
  await page.keyboard.press('p');
  await page.getByTestId('lang-select').selectOption('ko');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${dir}ko-1920.png` });
});
