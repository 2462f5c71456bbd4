import { memo, useEffect, useRef, useState } from 'react';
import { resolveParticles } from '../../i18n/josa';
import { useTranslation } from '../../i18n/translate';
import type { Scene } from '../../sim/scenes';
import { engine } from '../../store/engine';
import { appStore, undo, useApp } from '../../store/instance';
import { useNarrationLang } from './lang';
import { lessonUi, useLessonUi } from './lessonUi';
import { hasUserWork, loadScene } from './loadScene';

function load(scene: Scene, t: (k: string, o?: Record<string, string>) => string, title: string, lang: string) {
  const res = loadScene(appStore(), scene, t('sim.lessons.note', { title, seed: scene.seed }), lang);
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
                <span className="sim-muted" data-testid="sim-scene-topic">
                  {engine().TOPICS[scene.topic][lang]} · {t('sim.lessons.seed', { seed: scene.seed })}
                </span>
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
                    onClick={() => load(scene, t, title, lang)}
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
                    hasUserWork(appStore())
                      ? lessonUi.getState().set({ confirmId: scene.id })
                      : load(scene, t, title, lang)
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

function sendLessonPacket(line: string) {
  lessonUi.getState().set({ status: '', canUndo: false });
  appStore().getState().run(line);
}

/** The lesson's packets, one whole label a row (a list never clips a label, issue 11). */
function PacketList(props: { scene: Scene; id?: string; onSent?: () => void }) {
  const { t } = useTranslation();
  const lang = useNarrationLang();
  const ready = useApp((s) => s.ready);
  return (
    <ul
      id={props.id}
      className="sim-lesson-packets__list"
      aria-label={t('sim.lessons.packets', { title: props.scene.title[lang] })}
      data-testid="sim-lesson-packet-list"
    >
      {props.scene.packets.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            className="sim-lesson-btn sim-lesson-packet"
            title={p.line}
            disabled={!ready}
            onClick={() => {
              sendLessonPacket(p.line);
              props.onSent?.();
            }}
          >
            {p.label[lang]}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The loaded lesson's suggested packets, for the panel's top row: a button that opens them as a
 * list over the canvas (so the controls and the header diff keep their place on a 720-pixel
 * screen), and the lesson's close button. While no packet plays the list also shows in the panel.
 */
export const LessonPackets = memo(function LessonPackets() {
  const { t } = useTranslation();
  const scene = useActiveScene();
  // open: where the list stands, fixed to the window above its button (the dock clips what overflows it)
  const [open, setOpen] = useState<{ left: number; bottom: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  if (!scene) return null;
  return (
    <div
      className="sim-lesson-packets"
      ref={box}
      data-testid="sim-lesson-packets"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(null);
        box.current?.querySelector<HTMLButtonElement>('.sim-lesson-packets__toggle')?.focus();
      }}
    >
      <button
        type="button"
        className="sim-lesson-btn sim-lesson-packets__toggle"
        aria-expanded={open !== null}
        aria-controls="sim-lesson-packet-menu"
        data-testid="sim-lesson-packets-open"
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setOpen(open ? null : { left: r.left, bottom: window.innerHeight - r.top + 6 });
        }}
      >
        {t('sim.lessons.packetsButton', { count: scene.packets.length })} {open ? '▴' : '▾'}
      </button>
      <button
        type="button"
        className="sim-lesson-btn sim-lesson-btn--quiet sim-lesson-packet"
        aria-label={t('sim.lessons.close')}
        title={t('sim.lessons.close')}
        onClick={() => lessonUi.getState().set({ lessonId: null, status: '', canUndo: false })}
      >
        ×
      </button>
      {open && (
        <div className="sim-lesson-packets__menu" style={{ left: open.left, bottom: open.bottom }}>
          <PacketList scene={scene} id="sim-lesson-packet-menu" onSent={() => setOpen(null)} />
        </div>
      )}
    </div>
  );
});

/** The lesson's packets in the idle panel, one click each, before any packet plays. */
export const IdleLessonPackets = memo(function IdleLessonPackets() {
  const scene = useActiveScene();
  if (!scene) return null;
  return (
    <div className="sim-lesson-packets__idle">
      <PacketList scene={scene} />
    </div>
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
