import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const shots = new URL('../../shots/', import.meta.url).pathname;

/** The editor's text as CodeMirror holds it (one line a .cm-line). */
const editorText = (page: Page) =>
  page
    .getByTestId('editor-text')
    .locator('.cm-line')
    .evaluateAll((ls) => ls.map((l) => l.textContent).join('\n'));

test('nano docker-compose.yml in the console: edit a port, Ctrl+S, Esc, then docker compose up -d uses it', async ({
  page,
}) => {
  const app = new AppPage(page);
  // CodeMirror is fetched when a file opens, not with the page
  const chunks: string[] = [];
  page.on('request', (r) => chunks.push(r.url()));
  await app.open();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  expect(chunks.filter((u) => /EditorPanel/.test(u))).toEqual([]);
  await app.type('cd gloddy_server');
  await app.type('nano docker-compose.yml');
  const editor = page.getByTestId('editor');
  await expect(editor).toBeVisible();
  expect(chunks.some((u) => /EditorPanel/.test(u))).toBe(true);
  await expect(page.getByTestId('editor-path')).toHaveText('/root/gloddy_server/docker-compose.yml');
  await expect(page.getByTestId('editor-text')).toBeFocused();
  expect(await editorText(page)).toContain('      - "8080:80"');
  // YAML is highlighted: keys and strings are spans of their own
  await expect(page.getByTestId('editor-text').locator('.cm-line span').first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${shots}editor-1280-en.png` });

  // a person double-clicks the host port and types another one
  await page
    .getByTestId('editor-text')
    .getByText('"8080:80"')
    .dblclick({ position: { x: 12, y: 6 } });
  await page.keyboard.type('9090');
  await expect(page.getByTestId('editor-modified')).toBeVisible();
  expect(await editorText(page)).toContain('      - "9090:80"');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-status')).toHaveText('[ Wrote 8 lines ]');
  await expect(page.getByTestId('editor-modified')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(app.consoleInput).toBeFocused();

  await page.keyboard.type('docker-compose up -d');
  await page.keyboard.press('Enter');
  await expect(app.consoleOutput.locator('pre').last()).toContainText('Creating gloddy_server_app_1');
  await app.type('docker ps --format "{{.Names}} {{.Ports}}"');
  await expect(app.consoleOutput.locator('pre').last()).toContainText('gloddy_server_app_1 0.0.0.0:9090->80/tcp');
});

test('a new file: nano creates it on save; Esc with changes asks first (Korean)', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await app.type('nano notes.txt');
  await expect(page.getByTestId('editor')).toContainText('새 파일: 저장하면 만들어집니다');
  await expect(page.getByTestId('editor-text')).toBeFocused();
  await page.keyboard.type('hello from nano');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor-ask')).toContainText('바뀐 내용을 저장할까요?');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${shots}editor-ask-1280-ko.png` });
  await page.keyboard.press('y');
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(app.consoleInput).toBeFocused();
  await app.type('cat notes.txt');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText('hello from nano');

  // ^X as in nano closes without asking when nothing changed; ^O writes
  await app.type('nano notes.txt');
  await expect(page.getByTestId('editor-text')).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await page.keyboard.press('Control+o');
  await expect(page.getByTestId('editor-status')).toHaveText('[ 1줄 저장함 ]');
  await page.keyboard.press('Control+x');
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await app.type('cat notes.txt');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText('hello from nano!');
  // a file in a directory that does not exist: nano's refusal, nothing written
  await app.type('nano nowhere/x.yml');
  await page.keyboard.type('a: 1');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-status')).toHaveText(
    '[ Error writing /root/nowhere/x.yml: No such file or directory ]',
  );
  await page.getByTestId('editor-close').click();
  await page.getByRole('button', { name: '아니요 (N)' }).click();
  await expect(page.getByTestId('editor')).toHaveCount(0);
});

test("the Inspector lists a machine's files and opens one in the editor; presenter mode shows it large", async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('node-docker-host').click({ position: { x: 40, y: 12 } });
  const files = page.getByTestId('insp-files');
  await expect(files).toContainText('/root/gloddy_server/docker-compose.yml');
  const open = files.getByRole('button', { name: 'Open /root/gloddy_server/docker-compose.yml in the editor' });
  await open.click();
  await expect(page.getByTestId('editor-text')).toBeFocused();
  expect(await editorText(page)).toContain('  redis:');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.click();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="editor-text"]')?.blur());
  await page.keyboard.press('p');
  await expect(page.getByTestId('app')).toHaveClass(/presenter/);
  const size = await page.getByTestId('editor-text').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(18);
  await page.screenshot({ path: `${shots}editor-presenter-1920-en.png` });
});

test('the editor in presenter mode, dark theme, Korean: YAML readable at 1920x1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await page.getByTestId('tool-theme').click();
  await page.getByTestId('tool-presenter').click();
  await app.type('nano gloddy_server/docker-compose.yml');
  await expect(page.getByTestId('editor-text')).toBeFocused();
  await expect(page.getByTestId('editor')).toContainText('닫기');
  const size = await page.getByTestId('editor-text').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(18);
  await page.screenshot({ path: `${shots}editor-presenter-1920-dark-ko.png` });
  await page.keyboard.press('Escape');
  await expect(app.consoleInput).toBeFocused();
});
