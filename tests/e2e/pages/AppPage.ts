import { expect, type Locator, type Page } from '@playwright/test';

/** What `window.__whalewire` offers tests (src/ui/testApi.ts). */
export interface TestApi {
  run: (line: string) => { output: string; exitCode: number };
  reset: () => void;
  containers: () => {
    id: string;
    name: string;
    state: string;
    ifaces: { network?: string; ifname?: string; ip?: string }[];
  }[];
  networks: () => { id: string; name: string }[];
  log: () => string[];
  select: (id: string | null) => void;
  state: () => {
    lang: string;
    theme: string;
    presenter: boolean;
    selected: string | null;
    history: number;
    pinned: Record<string, unknown>;
  };
}

/** The canvas app: toolbar, canvas, console, inspector, seeded through the test API. */
export class AppPage {
  readonly toolbar: Locator;
  readonly canvas: Locator;
  readonly consoleInput: Locator;
  readonly consoleOutput: Locator;
  readonly inspector: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByTestId('toolbar');
    this.canvas = page.getByTestId('canvas');
    this.consoleInput = page.getByTestId('console-input');
    this.consoleOutput = page.getByTestId('console-output');
    this.inspector = page.getByTestId('inspector');
  }

  /** Opens the app (fresh storage unless `keepStorage`) and waits for the engine. */
  async open(query = '', opts: { keepStorage?: boolean } = {}) {
    if (!opts.keepStorage) {
      await this.page.goto(`/${query}`);
      await this.page.evaluate(() => localStorage.clear());
    }
    await this.page.goto(`/${query}`);
    await this.ready();
  }

  async ready() {
    await this.page.waitForFunction(() => 'run' in ((window as unknown as { __whalewire?: object }).__whalewire ?? {}));
    await expect(this.page.getByTestId('node-docker-host')).toBeVisible();
  }

  /** Runs lines through the test API (seeding, not what is under test). */
  async seed(...lines: string[]) {
    for (const line of lines) {
      const r = await this.page.evaluate(
        (l) => (window as unknown as { __whalewire: TestApi }).__whalewire.run(l),
        line,
      );
      expect(r.exitCode, `${line}\n${r.output}`).toBe(0);
    }
    await this.fit();
  }

  async api<T>(fn: (api: TestApi) => T): Promise<T> {
    return this.page.evaluate(`(${fn.toString()})(window.__whalewire)`) as Promise<T>;
  }

  container(name: string): Locator {
    return this.page.getByTestId(`container-${name}`);
  }

  network(name: string): Locator {
    return this.page.getByTestId(`network-${name}`);
  }

  async fit() {
    await this.page.getByTestId('tool-fit').click();
    await this.page.waitForTimeout(400);
  }

  /** Drags a container card onto a network node with the real mouse, optionally holding a modifier. */
  /** Waits until the canvas's viewport stops moving (a fit or zoom animation has ended): the same transform over 300 ms. */
  async viewportStill() {
    const vp = this.page.locator('.react-flow__viewport');
    let last = '';
    let same = 0;
    for (let i = 0; i < 100 && same < 3; i++) {
      const t = (await vp.getAttribute('style')) ?? '';
      same = t === last ? same + 1 : 0;
      last = t;
      await this.page.waitForTimeout(100);
    }
  }

  async dragContainerTo(name: string, target: Locator | { x: number; y: number }, modifier?: 'Alt' | 'Shift') {
    const from = await this.container(name).boundingBox();
    if (!from) throw new Error(`container ${name} not visible`);
    let to: { x: number; y: number };
    if ('x' in target) to = target;
    else {
      const box = await target.boundingBox();
      if (!box) throw new Error('drop target not visible');
      to = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    const m = this.page.mouse;
    await m.move(from.x + from.width / 2, from.y + 14);
    await m.down();
    if (modifier) await this.page.keyboard.down(modifier);
    const steps = 12;
    for (let i = 1; i <= steps; i++)
      await m.move(
        from.x + from.width / 2 + ((to.x - from.x - from.width / 2) * i) / steps,
        from.y + 14 + ((to.y - from.y - 14) * i) / steps,
      );
    await m.up();
    if (modifier) await this.page.keyboard.up(modifier);
  }

  /** Types a console line with the keyboard and presses Enter. */
  async type(line: string) {
    await this.consoleInput.click();
    await this.consoleInput.fill('');
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }
}
