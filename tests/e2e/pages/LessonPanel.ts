import { expect, type Locator, type Page } from '@playwright/test';
import { formatExplain } from '../../../src/i18n/trace';
import { runLine, runScript } from '../../../src/sim/console';
import type { Trace } from '../../../src/sim/model';
import { type Scene, sceneWorld } from '../../../src/sim/scenes';
import { AppPage } from './AppPage';

/** The trace the engine makes for `line` after the scene's script, headlessly. */
export function sceneTrace(scene: Scene, line: string): Trace {
  const { session } = runScript(sceneWorld(scene), `${scene.script.join('\n')}\n`);
  const r = runLine(session, line);
  if (!r.trace) throw new Error(`no trace for ${line}`);
  return r.trace;
}

/** The simulation panel as a teacher uses it. */
export class LessonPanel {
  readonly panel: Locator;
  constructor(readonly page: Page) {
    this.panel = page.getByTestId('sim-panel');
  }
  async loadScene(scene: Scene) {
    const item = await this.sceneItem(scene);
    await item.getByRole('button', { name: `Load: ${scene.title.en}` }).click();
  }
  /** On a tablet, where the panels stack as tabs: opens the simulation tab and loads the scene from its row. */
  async loadSceneFromTab(lang: 'en' | 'ko', scene: Scene) {
    await this.page.getByRole('tab', { name: lang === 'ko' ? '패킷 시뮬레이션' : 'Packet simulation' }).click();
    const item = await this.sceneItem(scene);
    await item.getByRole('button').first().click();
  }
  /** The scene's row in the lesson list, opening the list when it is folded. */
  async sceneItem(scene: Scene): Promise<Locator> {
    const item = this.panel.getByTestId(`sim-scene-${scene.id}`);
    const toggle = this.panel.getByTestId('sim-lessons-open');
    // the idle panel lists the scenes inline once the engine and the lazy panel have arrived; after a
    // lesson or a trace they fold behind the toggle. Wait for one of the two before choosing.
    await expect(item.or(toggle).first()).toBeVisible();
    if (!(await item.isVisible())) await toggle.click();
    return item;
  }
  /**
   * Presenter mode as a teacher opens it: 1920x1080, a lesson (`scene`) loaded from
   * its row in `lang`, then P with nothing focused.
   */
  async presentLesson(scene: Scene, lang: 'en' | 'ko') {
    await this.page.setViewportSize({ width: 1920, height: 1080 });
    await new AppPage(this.page).open(`?lang=${lang}`);
    const item = await this.sceneItem(scene);
    await item.getByRole('button').first().click();
    await expect(this.page.getByTestId('sim-guide')).toBeVisible();
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press('p');
    await expect(this.page.locator('.app.presenter')).toBeVisible();
  }
  /** Clicks one of the scene's one-click packets; the trace it plays, as the engine makes it headlessly. */
  async sendPacket(scene: Scene, id: string): Promise<Trace> {
    const packet = scene.packets.find((p) => p.id === id);
    if (!packet) throw new Error(`scene ${scene.id} has no packet ${id}`);
    await this.clickPacket(packet.label.en);
    return sceneTrace(scene, packet.line);
  }
  /**
   * Clicks a lesson packet by its label: in the idle panel's list, or (while a packet plays) in the
   * list the "Lesson packets" button opens.
   */
  async clickPacket(label: string) {
    const button = this.panel.getByRole('button', { name: label, exact: true });
    const toggle = this.panel.getByTestId('sim-lesson-packets-open');
    await expect(button.or(toggle).first()).toBeVisible();
    if (!(await button.isVisible())) await toggle.click();
    await button.click();
  }
  narration() {
    return this.panel.getByTestId('sim-narration');
  }
  position() {
    return this.panel.getByTestId('sim-position');
  }
  async expectAt(trace: Trace, i: number) {
    await expect(this.position()).toHaveText(`Step ${i + 1} of ${trace.steps.length}`);
    await expect(this.narration()).toHaveText(formatExplain('en', trace.steps[i].explain));
  }
  field(name: string) {
    return this.panel.locator(`[data-field="${name}"]`);
  }
  async expectRewrite(name: string, before: string, after: string) {
    const f = this.field(name);
    await expect(f).toHaveClass(/sim-field--changed/);
    await expect(f.locator('.sim-field__before')).toHaveText(before);
    await expect(f.locator('.sim-field__value')).toHaveText(after);
  }
}
