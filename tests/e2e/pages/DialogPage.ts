import { expect, type Locator, type Page } from '@playwright/test';

/** The open dialog (add container / network, rename, publish): fields by label, real keyboard. */
export class DialogPage {
  readonly root: Locator;
  readonly preview: Locator;
  readonly error: Locator;
  readonly submit: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog');
    this.preview = page.getByTestId('cmd-preview');
    this.error = page.getByTestId('dialog-error');
    this.submit = page.getByTestId('dialog-submit');
    this.cancel = page.getByTestId('dialog-cancel');
  }

  field(name: 'image' | 'name' | 'network' | 'ports' | 'env' | 'driver' | 'subnet' | 'port'): Locator {
    return this.root.getByTestId(`field-${name}`);
  }

  /** Clicks into a field, clears it and types like a person. */
  async type(name: Parameters<DialogPage['field']>[0], text: string) {
    const f = this.field(name);
    await f.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  async choose(name: 'image' | 'network' | 'driver', value: string) {
    await this.field(name).selectOption(value);
  }

  async expectOpen(title: string | RegExp) {
    await expect(this.root).toBeVisible();
    await expect(this.root.getByRole('heading')).toHaveText(title);
  }

  async expectClosed() {
    await expect(this.root).toHaveCount(0);
  }
}

/** The right-click menu. */
export class ContextMenuPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('menu');
  }

  item(name: string | RegExp): Locator {
    return this.root.getByRole('menuitem', { name });
  }

  async openOn(target: Locator, pos?: { x: number; y: number }) {
    await target.click({ button: 'right', position: pos });
    await expect(this.root).toBeVisible();
  }
}
