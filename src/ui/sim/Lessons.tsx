import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveParticles } from '../../i18n/josa';
import type { Scene } from '../../sim/scenes';
import { engine } from '../../store/engine';
import { appStore, undo, useApp } from '../../store/instance';
import { useNarrationLang } from './lang';
import { lessonUi, useLessonUi } from './lessonUi';
import { hasUserWork, loadScene } from './loadScene';

function load(scene: Scene, t: (k: string, o?: Record<string, string>) => string, title: string) {
  const res = loadScene(appStore(), scene, t('sim.lessons.note', { title, seed: scene.seed }));
  // Korean particles follow the title: “… 도커 DNS”를, “… 포트포워딩”을
  const status = resolveParticles(
    res.unexpected.length
      ? t('sim.lessons.unexpected', { lines: res.unexpected.join('; ') })
      : t('sim.lessons.loaded', { title }),
  );
  lessonUi.getState().set({
    lessonId: scene.id,
    confirmId: null,
    lessonsOpen: false,
    status,
    canUndo: res.unexpected.length === 0,
  });
}

/** The "Lesson scenes" toggle for the panel's top row. */
export const LessonsToggle = memo(function LessonsToggle() {
  const { t } = useTranslation();
  const open = useLessonUi((s) => s.lessonsOpen);
  return (
    <button
      type="button"
      className="sim-lesson-btn"
      aria-expanded={open}
      aria-controls="sim-lessons"
      data-testid="sim-lessons-open"
      onClick={() => lessonUi.getState().set({ lessonsOpen: !open, confirmId: null })}
    >
      {t('sim.lessons.open')}
    </button>
  );
});

/**
 * The scene list. Loading replaces the document in one undo step; when the World holds the
 * person's own work, "Load" asks first, so nothing they built goes without them saying so.
 */
export const LessonPicker = memo(function LessonPicker(props: { inline?: boolean }) {
  const { t } = useTranslation();
  const lang = useNarrationLang();
  const open = useLessonUi((s) => s.lessonsOpen);
  const confirmId = useLessonUi((s) => s.confirmId);
  const ready = useApp((s) => s.ready);
  const replaceRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmId) replaceRef.current?.focus();
  }, [confirmId]);
  if (!open && !props.inline) return null;
  // the scenes arrive with the engine, right after the first paint
  const scenes = ready ? engine().SCENES : [];

  return (
    <section id="sim-lessons" className="sim-section sim-lessons" aria-label={t('sim.lessons.title')}>
      <p className="sim-muted sim-lessons__intro">{t('sim.lessons.intro')}</p>
      <ul className="sim-lessons__list">
        {scenes.map((scene) => {
          const title = scene.title[lang];
          return (
            <li key={scene.id} className="sim-lesson" data-testid={`sim-scene-${scene.id}`}>
              <div className="sim-lesson__text">
                <strong>{title}</strong>{' '}
                <span className="sim-muted">{t('sim.lessons.seed', { seed: scene.seed })}</span>
                <p className="sim-lesson__summary sim-muted">{scene.summary[lang]}</p>
              </div>
              {confirmId === scene.id ? (
                <fieldset
                  className="sim-lesson__confirm"
                  aria-label={resolveParticles(t('sim.lessons.confirm', { title }))}
                >
                  <p>{resolveParticles(t('sim.lessons.confirm', { title }))}</p>
                  <button
                    ref={replaceRef}
                    type="button"
                    className="sim-lesson-btn sim-lesson-btn--primary"
                    onClick={() => load(scene, t, title)}
                  >
                    {t('sim.lessons.replace')}
                  </button>
                  <button
                    type="button"
                    className="sim-lesson-btn"
                    onClick={() => lessonUi.getState().set({ confirmId: null })}
                  >
                    {t('sim.lessons.cancel')}
                  </button>
                </fieldset>
              ) : (
                <button
                  type="button"
                  className="sim-lesson-btn"
                  disabled={!ready}
                  aria-label={`${t('sim.lessons.load')}: ${title}`}
                  onClick={() =>
                    hasUserWork(appStore()) ? lessonUi.getState().set({ confirmId: scene.id }) : load(scene, t, title)
                  }
                >
                  {t('sim.lessons.load')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
});

/** The loaded scene, while the World still holds its containers (an undo past the load hides it). */
export function useActiveScene(): Scene | undefined {
  const lessonId = useLessonUi((s) => s.lessonId);
  const present = useApp((s) => {
    const scene = lessonId && s.ready ? engine().sceneById(lessonId) : undefined;
    if (!scene) return false;
    const names = new Set(Object.values(s.world.containers).map((c) => c.name));
    return engine()
      .sceneContainers(scene)
      .every((n) => names.has(n));
  });
  return present && lessonId ? engine().sceneById(lessonId) : undefined;
}

/** The loaded lesson's suggested packets as one-click buttons, for the panel's top row. */
export const LessonPackets = memo(function LessonPackets() {
  const { t } = useTranslation();
  const lang = useNarrationLang();
  const ready = useApp((s) => s.ready);
  const scene = useActiveScene();
  if (!scene) return null;
  return (
    <fieldset
      className="sim-lesson-packets"
      aria-label={t('sim.lessons.packets', { title: scene.title[lang] })}
      data-testid="sim-lesson-packets"
    >
      {scene.packets.map((p) => (
        <button
          key={p.id}
          type="button"
          className="sim-lesson-btn sim-lesson-packet"
          title={p.line}
          disabled={!ready}
          onClick={() => {
            lessonUi.getState().set({ status: '', canUndo: false });
            appStore().getState().run(p.line);
          }}
        >
          {p.label[lang]}
        </button>
      ))}
      <button
        type="button"
        className="sim-lesson-btn sim-lesson-btn--quiet sim-lesson-packet"
        aria-label={t('sim.lessons.close')}
        title={t('sim.lessons.close')}
        onClick={() => lessonUi.getState().set({ lessonId: null, status: '', canUndo: false })}
      >
        ×
      </button>
    </fieldset>
  );
});

/** What the last load did, with Undo beside it while the lesson is what Undo would take back. */
export const LessonStatus = memo(function LessonStatus() {
  const { t } = useTranslation();
  const status = useLessonUi((s) => s.status);
  const canUndo = useLessonUi((s) => s.canUndo);
  const scene = useActiveScene();
  return (
    <p className="sim-muted sim-lesson-status" role="status" data-testid="sim-lesson-status">
      {status}
      {canUndo && scene && (
        <>
          {' '}
          <button
            type="button"
            className="sim-lesson-btn sim-lesson-btn--quiet"
            onClick={() => {
              undo();
              lessonUi.getState().set({ status: '', canUndo: false });
            }}
          >
            {t('sim.lessons.undo')}
          </button>
        </>
      )}
    </p>
  );
});
