import { memo, useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/translate';
import type { LessonStep } from '../../sim/lessonFrame';
import type { Scene } from '../../sim/scenes';
import { engine } from '../../store/engine';
import { appStore, useApp } from '../../store/instance';
import { guideUi, type StepRecord, useGuideUi } from './guideUi';
import { useActiveScene } from './Lessons';
import { useNarrationLang } from './lang';
import { lessonUi } from './lessonUi';
import { useSim } from './useSim';
import './guide.css';

function packetOf(scene: Scene, step: LessonStep) {
  return step.packet ? scene.packets.find((p) => p.id === step.packet) : undefined;
}

/** Sends the step's packet; with a question, the trace decides which choices were right. */
function send(scene: Scene, step: LessonStep, picked?: string) {
  const p = packetOf(scene, step);
  if (!p) return;
  lessonUi.getState().set({ status: '', canUndo: false });
  const before = appStore().getState().world;
  const res = appStore().getState().run(p.line);
  if (step.ask)
    guideUi.getState().record(scene.id, step.id, { picked, proven: engine().provenChoices(step.ask, res, before) });
}

function runCheck(scene: Scene, step: LessonStep) {
  if (!step.check) return;
  const res = appStore().getState().run(step.check.line);
  guideUi.getState().record(scene.id, step.id, { checked: engine().checkpointHolds(step.check, res) });
}

const Question = memo(function Question(props: { scene: Scene; step: LessonStep; rec: StepRecord | undefined }) {
  const { t } = useTranslation();
  const lang = useNarrationLang();
  const ready = useApp((s) => s.ready);
  const { step, rec } = props;
  const ask = step.ask;
  // the verdict waits for the trace's last step (played or jumped to with End), as predict mode does
  const atEnd = useSim((s) => s.trace !== null && s.cursor === s.trace.steps.length - 1);
  const answered = rec?.proven !== undefined && (rec.revealed === true || atEnd);
  useEffect(() => {
    if (rec?.proven !== undefined && !rec.revealed && atEnd)
      guideUi.getState().record(props.scene.id, step.id, { revealed: true });
  }, [rec, atEnd, props.scene.id, step.id]);
  if (!ask) return null;
  const right = answered && rec?.picked !== undefined && rec.proven?.includes(rec.picked);
  const proven = ask.choices.filter((c) => rec?.proven?.includes(c.id));
  return (
    <fieldset className="sim-guide__ask" data-testid="sim-guide-ask">
      <legend>{ask.q[lang]}</legend>
      <div className="sim-guide__choices">
        {ask.choices.map((c) => (
          <button
            key={c.id}
            type="button"
            className="sim-lesson-btn sim-guide__choice"
            aria-pressed={rec?.picked === c.id}
            disabled={!ready}
            onClick={() => send(props.scene, step, c.id)}
          >
            {c.label[lang]}
          </button>
        ))}
      </div>
      {rec?.proven !== undefined && !answered && (
        <p className="sim-muted" data-testid="sim-guide-wait">
          {t('sim.guide.wait')}
        </p>
      )}
      {answered && (
        <div
          className={`sim-guide__verdict sim-guide__verdict--${right ? 'ok' : 'fail'}`}
          data-testid="sim-guide-verdict"
          role="status"
        >
          <strong>{right ? t('sim.guide.right') : t('sim.guide.wrong')}</strong>{' '}
          {t('sim.guide.proved', { answer: proven.map((c) => c.label[lang]).join(' / ') || t('sim.guide.none') })}
          <p>{ask.why[lang]}</p>
        </div>
      )}
    </fieldset>
  );
});

const Check = memo(function Check(props: { scene: Scene; step: LessonStep; rec: StepRecord | undefined }) {
  const { t } = useTranslation();
  const lang = useNarrationLang();
  const ready = useApp((s) => s.ready);
  const check = props.step.check;
  if (!check) return null;
  const done = props.rec?.checked;
  return (
    <div className="sim-guide__check" data-testid="sim-guide-check">
      <span>
        {t('sim.guide.checkpoint')} {check.say[lang]}
      </span>{' '}
      <button
        type="button"
        className="sim-lesson-btn"
        disabled={!ready}
        aria-label={`${t('sim.guide.run')}: ${check.line}`}
        onClick={() => runCheck(props.scene, props.step)}
      >
        {t('sim.guide.run')}
      </button>
      <code>{check.line}</code>
      {done !== undefined && (
        <strong className={`sim-guide__mark sim-guide__mark--${done ? 'ok' : 'fail'}`} data-testid="sim-guide-checked">
          {/* a line that prints nothing on success (ip route add) is checked by its exit status alone */}
          {done
            ? check.shows
              ? t('sim.guide.checkOk', { shows: check.shows })
              : '✓'
            : t('sim.guide.checkFail', { shows: check.shows })}
        </strong>
      )}
    </div>
  );
});

/**
 * Brings a lesson step into the idle panel's view: at 1280x720 the dock is 250 px, and the loaded
 * note, the scene list's row and the buttons above put the step's question below its fold. Only
 * the panel scrolls (scrollIntoView would move the page too), and only before a packet plays: then
 * the guide sits under the narration, which keeps the view.
 */
function useIntoView(ref: React.RefObject<HTMLElement | null>, key: string) {
  const tracing = useSim((s) => s.trace !== null);
  useEffect(() => {
    const el = ref.current;
    const panel = el?.closest<HTMLElement>('.sim-panel');
    if (!el || !panel || tracing || !key) return;
    const top = el.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    const gap = Number.parseFloat(getComputedStyle(panel).paddingTop) || 0;
    const bottom = top + el.offsetHeight;
    // already whole in view: leave the panel where the person put it
    if (top >= 0 && bottom <= panel.clientHeight) return;
    panel.scrollTop += top - gap;
  }, [ref, key, tracing]);
}

/**
 * The loaded lesson's narrated steps, one at a time: what to look at, the question to answer
 * before the packet goes (the trace then shows which answer was right), and a checkpoint line the
 * class runs to confirm what it saw. Lessons without steps show nothing here.
 */
export const LessonGuide = memo(function LessonGuide() {
  const { t } = useTranslation();
  const lang = useNarrationLang();
  const scene = useActiveScene();
  const sceneId = useGuideUi((s) => s.sceneId);
  const storedIndex = useGuideUi((s) => s.index);
  const records = useGuideUi((s) => s.records);
  const ready = useApp((s) => s.ready);
  const steps = scene?.steps ?? [];
  const ref = useRef<HTMLElement>(null);
  const visibleIndex = scene && sceneId === scene.id ? Math.min(storedIndex, steps.length - 1) : 0;
  useIntoView(ref, scene && steps.length ? `${scene.id}:${visibleIndex}` : '');
  if (!scene || steps.length === 0) return null;
  const same = sceneId === scene.id;
  const index = visibleIndex;
  const step = steps[index];
  const rec = same ? records[step.id] : undefined;
  const packet = packetOf(scene, step);
  const topic = ready ? engine().TOPICS[scene.topic][lang] : '';
  return (
    <section
      ref={ref}
      className="sim-section sim-guide"
      aria-label={t('sim.guide.title', { title: scene.title[lang] })}
      data-testid="sim-guide"
    >
      <div className="sim-guide__head">
        <span className="sim-muted" data-testid="sim-guide-topic">
          {topic}
        </span>
        <span className="sim-guide__count" data-testid="sim-guide-count">
          {t('sim.guide.step', { n: index + 1, total: steps.length })}
        </span>
        {/* the two move together when the head wraps (a narrow column on a tablet) */}
        <span className="sim-guide__nav">
          <button
            type="button"
            className="sim-lesson-btn"
            disabled={index === 0}
            data-testid="sim-guide-prev"
            onClick={() => guideUi.getState().goto(scene.id, index - 1)}
          >
            {t('sim.guide.prev')}
          </button>
          <button
            type="button"
            className="sim-lesson-btn"
            disabled={index === steps.length - 1}
            data-testid="sim-guide-next"
            onClick={() => guideUi.getState().goto(scene.id, index + 1)}
          >
            {t('sim.guide.next')}
          </button>
        </span>
      </div>
      <p className="sim-guide__say" data-testid="sim-guide-say">
        {step.say[lang]}
      </p>
      {step.ask ? (
        <Question scene={scene} step={step} rec={rec} />
      ) : (
        packet && (
          <button
            type="button"
            className="sim-lesson-btn sim-lesson-btn--primary"
            disabled={!ready}
            title={packet.line}
            onClick={() => send(scene, step)}
          >
            {t('sim.guide.send', { label: packet.label[lang] })}
          </button>
        )
      )}
      <Check scene={scene} step={step} rec={rec} />
    </section>
  );
});
