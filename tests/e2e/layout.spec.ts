import { expect, type Page, test } from '@playwright/test';
import { SCENES } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';

/** What overlaps or is cut on the canvas: labels and nodes that cover each other, text clipped. */
async function problems(page: Page) {
  return page.evaluate(() => {
    const els = [...document.querySelectorAll('.edge-label, .react-flow__node:not(.react-flow__node-host)')].map(
      (e) => ({ t: (e.textContent ?? '').slice(0, 40), r: e.getBoundingClientRect() }),
    );
    const overlaps: string[] = [];
    for (let i = 0; i < els.length; i++)
      for (let j = i + 1; j < els.length; j++) {
        const a = els[i].r;
        const b = els[j].r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          overlaps.push(`${els[i].t} / ${els[j].t}`);
      }
    // a swarm task's random id is cut with an ellipsis on purpose (nameBreaks.tsx), its name whole in the title
    const cut = [...document.querySelectorAll('.react-flow__node .node *:not(.name-id)')]
      .filter((e) => e.children.length === 0 && e.scrollWidth > e.clientWidth + 1)
      .map((e) => e.textContent);
    const clipped = [...document.querySelectorAll('.node:not(.host)')]
      .filter((e) => e.scrollHeight > e.clientHeight + 1)
      .map((e) => (e.textContent ?? '').slice(0, 40));
    return { overlaps, cut, clipped };
  });
}

/**
 * Each scene is built once and looked at four ways (en and ko, 1280x720 and presenter 1920x1080):
 * the language switch and presenter mode redraw the same canvas a fresh page would draw, at a quarter
 * of the page loads (these checks were a third of the browser suite's time).
 */
for (const scene of SCENES)
  test(`built-in scene ${scene.seed} (${scene.id}), en and ko, 1280x720 and presenter 1920x1080: names in full, nothing overlaps`, async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open('?lang=en');
    for (let i = 2; i <= (scene.hosts ?? 1); i++) await app.toolbar.getByTestId('tool-add-host').click();
    for (const line of scene.script.filter((l) => !l.startsWith('#')))
      await page.evaluate(
        (l) => (window as unknown as { __whalewire: { run: (x: string) => void } }).__whalewire.run(l),
        line,
      );
    const look = async (view: string) => {
      await page.waitForTimeout(700);
      for (const name of ['second-bridge', 'containerA', 'redColorApp', 'yellowColorApp', 'greenColorApp'])
        if ((await app.container(name).count()) + (await app.network(name).count()) > 0)
          await expect(page.getByText(name, { exact: true }).first(), `${view}: ${name}`).toBeVisible();
      expect.soft(await problems(page), view).toEqual({ overlaps: [], cut: [], clipped: [] });
    };
    for (const lang of ['en', 'ko'] as const) {
      if (lang === 'ko') await page.getByTestId('lang-select').selectOption('ko');
      await page.setViewportSize({ width: 1280, height: 720 });
      await app.fit();
      await look(`${lang}, 1280x720`);
      await page.setViewportSize({ width: 1920, height: 1080 });
      // the key goes to the page, not to the language select that has the focus
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('p');
      await expect(page.locator('.app.presenter')).toBeVisible();
      await look(`${lang}, presenter 1920x1080`);
      await page.keyboard.press('p');
      await expect(page.locator('.app.presenter')).toHaveCount(0);
    }
  });

for (const [presenter, lang] of [
  [false, 'en'],
  [false, 'ko'],
  [true, 'ko'],
] as const)
  test(`cards in every state and network mode, ${lang}${presenter ? ', presenter 1920x1080' : ', 1280x720'}: nothing cut or clipped`, async ({
    page,
  }) => {
    const app = new AppPage(page);
    if (presenter) await page.setViewportSize({ width: 1920, height: 1080 });
    await app.open(`?lang=${lang}`);
    await app.seed(
      'docker run -dit --name running1 nicolaka/netshoot',
      'docker create --name created1 -p 8080:80 nginx',
      'docker run -dit --name exited1 nicolaka/netshoot',
      'docker stop exited1',
      'docker run -dit --name hostc --network host nicolaka/netshoot',
      'docker run -dit --name nonec --network none nicolaka/netshoot',
    );
    if (presenter) await page.keyboard.press('p');
    await page.waitForTimeout(700);
    await expect(app.container('hostc').getByTestId('ctr-mode')).toHaveText(
      lang === 'ko' ? '네트워크 모드: host' : 'network mode: host',
    );
    await expect(app.container('created1')).toContainText(
      lang === 'ko' ? '주소 없음 (시작 전)' : 'no address (created)',
    );
    await expect(app.container('exited1')).toContainText(lang === 'ko' ? '주소 없음 (중지됨)' : 'no address (stopped)');
    // the mode is one line, not a word a line
    const mode = app.container('nonec').getByTestId('ctr-mode');
    const lh = await mode.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    expect((await mode.boundingBox())?.height).toBeLessThan(lh * 1.5 + 6);
    expect(await problems(page)).toEqual({ overlaps: [], cut: [], clipped: [] });
  });

test('at 1024x768 (an older projector) every toolbar button is on screen: the toolbar wraps', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const app = new AppPage(page);
  await app.open('?lang=ko');
  for (const id of ['tool-add-container', 'tool-fit', 'tool-project', 'tool-theme', 'tool-presenter', 'lang-select'])
    await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  // and at 1280x720 it stays one row, in both languages (a second row shortens the canvas, and the
  // seed 003 scene then fits below the compact-text floor: its names hide)
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const lang of ['ko', 'en'] as const) {
    await page.getByTestId('lang-select').selectOption(lang);
    const rows = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('[data-testid="toolbar"] button, [data-testid="toolbar"] select')].map(
        (e) => Math.round(e.getBoundingClientRect().top),
      );
      return new Set(tops).size;
    });
    expect(rows, lang).toBe(1);
  }
});

/** Fits the view with its key, as in presenter mode, where the toolbar is hidden. */
async function fitKey(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('f');
  await page.waitForTimeout(300);
  await new AppPage(page).viewportStill();
}

/** Wheels in over a card until the canvas shows full detail (readability.ts), where cable labels show. */
async function zoomToFull(app: AppPage, name: string) {
  for (let i = 0; i < 16 && (await app.canvas.getAttribute('data-detail')) !== 'full'; i++) {
    const b = (await app.container(name).boundingBox())!;
    await app.page.mouse.move(b.x + b.width / 2, b.y + 10);
    await app.page.mouse.wheel(0, -120);
    await app.page.waitForTimeout(150);
  }
  await expect(app.canvas).toHaveAttribute('data-detail', 'full');
  await app.page.waitForTimeout(400);
}

for (const view of [
  { lang: 'en', presenter: false },
  { lang: 'ko', presenter: true },
] as const)
  test(`a container dragged onto two more networks (${view.lang}${view.presenter ? ', presenter 1920x1080' : ', 1280x720'}): three cable ends side by side in the order of their bridges, their labels on none other`, async ({
    page,
  }) => {
    const app = new AppPage(page);
    if (view.presenter) await page.setViewportSize({ width: 1920, height: 1080 });
    await app.open(`?lang=${view.lang}`);
    await app.seed(
      'docker network create front',
      'docker network create back',
      'docker run -d --name web --network front nginx',
      'docker run -d --name db --network back redis',
    );
    if (view.presenter) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('p');
      await expect(page.locator('.app.presenter')).toBeVisible();
      await page.waitForTimeout(300);
      await app.viewportStill(); // the fit's animation, however slow the machine
    }
    // Alt adds a network instead of moving the container there
    await app.dragContainerTo('web', app.network('back'), 'Alt');
    await expect(app.consoleOutput).toContainText('docker network connect back web');
    await fitKey(page);
    await app.dragContainerTo('web', app.network('bridge'), 'Alt');
    await expect(app.consoleOutput).toContainText('docker network connect bridge web');
    await fitKey(page);
    await zoomToFull(app, 'web');
    const web = page.locator('.react-flow__node-container', { has: app.container('web') });
    // one end a cable on its top, spread along it
    const ends = await web
      .locator('.react-flow__handle-top')
      .evaluateAll((hs) => hs.map((h) => h.getAttribute('data-handleid')));
    expect(ends).toEqual(expect.arrayContaining(['top-0', 'top-1', 'top-2']));
    const box = (await web.boundingBox())!;
    const labels = await page.evaluate(
      ({ left, right, top }) =>
        [...document.querySelectorAll('.edge-label')]
          .map((e) => ({ t: e.textContent ?? '', r: e.getBoundingClientRect() }))
          .filter(
            ({ r }) => r.left + r.width / 2 > left && r.left + r.width / 2 < right && Math.abs(r.bottom - top) < 60,
          )
          .sort((a, b) => a.r.left - b.r.left)
          .map(({ t, r }) => ({ t, x: r.left + r.width / 2 })),
      { left: box.x, right: box.x + box.width, top: box.y },
    );
    // bridge (docker0) is left of front, front left of back: eth2, eth0, eth1 from left to right
    expect(labels.map((l) => l.t)).toEqual(['eth2', 'eth0', 'eth1']);
    const bridgeX = async (n: string) => {
      const b = (await app.network(n).boundingBox())!;
      return b.x + b.width / 2;
    };
    expect(await bridgeX('bridge')).toBeLessThan(await bridgeX('front'));
    expect(await bridgeX('front')).toBeLessThan(await bridgeX('back'));
    expect(await problems(page)).toEqual({ overlaps: [], cut: [], clipped: [] });
  });
