import { expect, type Page, test } from '@playwright/test';
import { lessonStrings } from '../../src/i18n/lessons';
import { TOPICS } from '../../src/sim/lessonFrame';
import { SCENES, type Scene, type SuggestedPacket } from '../../src/sim/scenes';
import { outcomeText } from '../../src/ui/sim/outcomeText';
import { AppPage } from './pages/AppPage';
import { LessonPanel } from './pages/LessonPanel';

/**
 * Every lesson walked as a class does (issue 11): loaded from the "Lesson scenes" list, each step
 * reached with the guide's Next button, each predict question answered with the choice the lesson
 * names (the trace played to its end must say "Right" and name it), each step's packet sent, and
 * each checkpoint run and shown passing. One lesson answers wrong first; one is walked in Korean.
 * The expected words come from the lesson data and the UI's catalogue, not from this file.
 */

type Lang = 'en' | 'ko';
const LESSONS = SCENES.filter((s) => (s.steps ?? []).length > 0);

/** What the guide's catalogue says in `lang`, with its {{placeholders}} filled. */
function say(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  return lessonStrings[lang][key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
}

/** Loads `scene` from the lesson list; once a lesson is loaded the list asks first, and the person says Replace. */
async function load(sim: LessonPanel, scene: Scene, lang: Lang) {
  const item = await sim.sceneItem(scene);
  await item.getByRole('button', { name: `${lang === 'ko' ? '불러오기' : 'Load'}: ${scene.title[lang]}` }).click();
  const replace = item.getByRole('button', { name: lang === 'ko' ? '바꾸기' : 'Replace', exact: true });
  const guide = sim.panel.getByTestId('sim-guide');
  await expect(replace.or(guide).first()).toBeVisible();
  if (await replace.isVisible()) await replace.click();
  await expect(guide).toHaveAttribute('aria-label', say(lang, 'sim.guide.title', { title: scene.title[lang] }));
}

/**
 * After a packet's button: its line and what the lesson points at are in the console, and when it
 * made a trace, End plays it to its last step, whose outcome is the one the lesson says.
 */
async function sent(page: Page, lang: Lang, packet: SuggestedPacket, where: string) {
  const out = new AppPage(page).consoleOutput;
  await expect(out, where).toContainText(`# ${packet.line}`);
  if (packet.shows) await expect(out, where).toContainText(packet.shows);
  await page.keyboard.press('End');
  const outcome = page.getByTestId('sim-panel').getByTestId('sim-outcome');
  // a line the kernel refuses before anything leaves (ping from a none container) makes no trace
  if (await outcome.count()) await expect(outcome, where).toContainText(outcomeText(lang, packet.expect.summary));
}

/** Walks every step of `scene`: Next, the question (wrong first when `wrongFirst`), the packet, the checkpoint. */
async function walk(page: Page, scene: Scene, lang: Lang, wrongFirst = false) {
  const sim = new LessonPanel(page);
  await load(sim, scene, lang);
  const guide = sim.panel.getByTestId('sim-guide');
  await expect(guide.getByTestId('sim-guide-topic')).toHaveText(TOPICS[scene.topic][lang]);
  const steps = scene.steps ?? [];
  let wrong = wrongFirst;
  for (const [i, step] of steps.entries()) {
    const where = `${scene.id} step ${step.id}`;
    if (i > 0) await guide.getByTestId('sim-guide-next').click();
    await expect(guide.getByTestId('sim-guide-count'), where).toHaveText(
      say(lang, 'sim.guide.step', { n: i + 1, total: steps.length }),
    );
    await expect(guide.getByTestId('sim-guide-say'), where).toHaveText(step.say[lang]);
    await expect(guide.getByTestId('sim-guide-prev')).toBeEnabled({ enabled: i > 0 });
    await expect(guide.getByTestId('sim-guide-next')).toBeEnabled({ enabled: i < steps.length - 1 });
    const packet = step.packet ? scene.packets.find((p) => p.id === step.packet) : undefined;
    if (step.ask) {
      const ask = guide.getByTestId('sim-guide-ask');
      await expect(ask.locator('legend'), where).toHaveText(step.ask.q[lang]);
      const right = step.ask.choices.find((c) => c.id === step.ask!.answer)!;
      const proved = say(lang, 'sim.guide.proved', { answer: right.label[lang] });
      const verdict = guide.getByTestId('sim-guide-verdict');
      if (wrong) {
        wrong = false;
        const other = step.ask.choices.find((c) => c.id !== right.id)!;
        await ask.getByRole('button', { name: other.label[lang], exact: true }).click();
        // the verdict waits for the packet's last step
        await expect(guide.getByTestId('sim-guide-wait')).toBeVisible();
        await sent(page, lang, packet!, where);
        await expect(verdict, where).toContainText(`${say(lang, 'sim.guide.wrong')} ${proved}`);
        await expect(verdict, where).toContainText(step.ask.why[lang]);
      }
      await ask.getByRole('button', { name: right.label[lang], exact: true }).click();
      await expect(ask.getByRole('button', { name: right.label[lang], exact: true })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await sent(page, lang, packet!, where);
      await expect(verdict, where).toContainText(`${say(lang, 'sim.guide.right')} ${proved}`);
      await expect(verdict, where).toContainText(step.ask.why[lang]);
    } else if (packet) {
      await guide
        .getByRole('button', { name: say(lang, 'sim.guide.send', { label: packet.label[lang] }), exact: true })
        .click();
      await sent(page, lang, packet, where);
    }
    if (step.check) {
      const check = step.check;
      await guide.getByRole('button', { name: `${say(lang, 'sim.guide.run')}: ${check.line}`, exact: true }).click();
      await expect(guide.getByTestId('sim-guide-checked'), where).toHaveText(
        check.shows ? say(lang, 'sim.guide.checkOk', { shows: check.shows }) : '✓',
      );
    }
  }
}

/** Groups of lessons, one page each, so the walk runs as a few tests rather than one long one. */
const GROUPS: Record<string, string[]> = {
  'NAT, DNS and bridges': ['dns-test', 'nat-portfwd', 'bridges'],
  'publishing and compose': ['port-forwarding', 'compose-projects'],
  'many hosts': ['seed001-four-kinds', 'seed001-swarm'],
  drivers: ['drivers-side-by-side', 'drivers-ipvlan-l3'],
  'misconceptions and Docker Desktop': [
    'mis-host-p',
    'mis-default-dns',
    'mis-localhost',
    'mis-ip-changes',
    'mis-same-port',
    'desktop-172',
  ],
};

test('every lesson is in one walk group', () => {
  expect(Object.values(GROUPS).flat().sort()).toEqual(LESSONS.map((s) => s.id).sort());
});

for (const [name, ids] of Object.entries(GROUPS))
  test(`lesson walk, en: ${name}: every step, question and checkpoint`, async ({ page }) => {
    test.setTimeout(180_000);
    const app = new AppPage(page);
    await app.open();
    for (const [i, id] of ids.entries()) {
      const scene = LESSONS.find((s) => s.id === id)!;
      // the first misconception is answered wrong first: the trace names the right choice
      await walk(page, scene, 'en', name.startsWith('misconceptions') && i === 0);
    }
  });

test('lesson walk, ko: a misconception lesson, a wrong guess and every step in Korean', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await walk(page, LESSONS.find((s) => s.id === 'mis-default-dns')!, 'ko', true);
});
