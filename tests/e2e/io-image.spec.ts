import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/** Issue 10: the canvas as shown, as PNG and SVG for slides. */
async function download(page: Page, testId: string) {
  await page.getByTestId('tool-project').click();
  const d = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await d;
  await page.keyboard.press('Escape');
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('Project > Canvas as PNG / SVG download real images of the canvas as shown', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create shopnet', 'docker run -dit --name webshop --network shopnet nginx');
  const pane = await page.locator('[data-testid="canvas"] .react-flow').evaluate((el) => ({
    w: el.clientWidth,
    h: el.clientHeight,
  }));

  const png = await download(page, 'project-export-png');
  expect(png.name).toBe('whalewire-canvas.png');
  const shots = new URL('../../shots/', import.meta.url).pathname;
  mkdirSync(shots, { recursive: true });
  writeFileSync(`${shots}canvas-export.png`, png.bytes);
  // PNG signature, then IHDR: width and height of the visible canvas
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([pane.w, pane.h]);
  expect(png.bytes.length).toBeGreaterThan(10_000);
  // it decodes in the browser as an image of that size and is not one flat colour
  const seen = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { w: img.width, h: img.height, colours: colours.size };
  }, png.bytes.toString('base64'));
  expect(seen).toMatchObject({ w: pane.w, h: pane.h });
  expect(seen.colours).toBeGreaterThan(5);

  const svg = await download(page, 'project-export-svg');
  expect(svg.name).toBe('whalewire-canvas.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(new RegExp(`^<svg[^>]* width="${pane.w}" height="${pane.h}"`));
  // the drawing itself: the container's and the network's names, no zoom buttons
  expect(text).toContain('webshop');
  expect(text).toContain('shopnet');
  expect(text).not.toContain('react-flow__controls');
  // the edges keep their paint (html-to-image 1.11.13 drops SVG styles: bubkoo/html-to-image#516)
  expect(text).toMatch(/<path[^>]*stroke="rgb\(/);
  expect(errors).toEqual([]);
});
