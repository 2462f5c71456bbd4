import { expect, type Locator, type Page } from '@playwright/test';
import { formatExplain } from '../../../src/i18n/trace';
import { runLine, runScript } from '../../../src/sim/console';
import type { Trace } from '../../../src/sim/model';
import type { Scene } from '../../../src/sim/scenes';
import { createDefaultWorld } from '../../../src/sim/world';

/** The trace the engine makes for `line` after the scene's script, headlessly. */
export function sceneTrace(scene: Scene, line: string): Trace {
  const { session } = runScript(createDefaultWorld(), `${scene.script.join('\n')}\n`);
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
    const item = this.panel.getByTestId(`sim-scene-${scene.id}`);
    if (!(await item.isVisible())) await this.panel.getByTestId('sim-lessons-open').click();
    await item.getByRole('button', { name: `Load: ${scene.title.en}` }).click();
  }
  /** Clicks one of the scene's one-click packets; the trace it plays, as the engine makes it headlessly. */
  async sendPacket(scene: Scene, id: string): Promise<Trace> {
    const packet = scene.packets.find((p) => p.id === id);
    if (!packet) throw new Error(`scene ${scene.id} has no packet ${id}`);
    await this.panel.getByRole('button', { name: packet.label.en, exact: true }).click();
    return sceneTrace(scene, packet.line);
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
