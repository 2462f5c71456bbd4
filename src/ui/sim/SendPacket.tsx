import { type FormEvent, memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { resolveParticles } from '../../i18n/josa';
import { useTranslation } from '../../i18n/translate';
import type { AppState } from '../../store/appStore';
import { appStore, useApp } from '../../store/instance';
import { lessonUi, useLessonUi } from './lessonUi';
import {
  buildSendLine,
  type SendKind,
  sourceChoices,
  sourceOfNode,
  TOOL_RICH_IMAGE,
  targetChoices,
  targetOfNode,
} from './sendPacket';

const KINDS: SendKind[] = ['ping', 'http', 'dns'];

/** Sensible first choices: a running container (or pc1) towards another container (or the Docker host). */
function defaults(s: AppState) {
  const running = Object.values(s.world.containers).filter((c) => c.state === 'running');
  const source = running[0]?.name ?? 'pc1';
  const target = running.find((c) => c.name !== source)?.name ?? '192.168.0.10';
  return { source, target };
}

/** Canvas picking: while on, the next node selected on the canvas fills the source, then the target. */
function useCanvasPick() {
  const pick = useLessonUi((s) => s.pick);
  useEffect(() => {
    if (pick === 'off') return;
    return appStore().subscribe((s, prev) => {
      if (!s.selected || s.selected === prev.selected) return;
      const ui = lessonUi.getState();
      if (ui.pick === 'source') {
        const source = sourceOfNode(s.world, s.selected);
        if (source) ui.set({ spec: { ...ui.spec, source }, pick: 'target' });
      } else if (ui.pick === 'target') {
        const target = targetOfNode(s.world, s.selected);
        if (target) ui.set({ spec: { ...ui.spec, target }, pick: 'off' });
      }
    });
  }, [pick]);
}

/** The "Send a packet…" toggle; the form opens below the panel's top row. */
export const SendPacketToggle = memo(function SendPacketToggle() {
  const { t } = useTranslation();
  const open = useLessonUi((s) => s.sendOpen);
  return (
    <button
      type="button"
      className="sim-lesson-btn"
      aria-expanded={open}
      aria-controls="sim-send-form"
      data-testid="sim-send-open"
      onClick={() => {
        const ui = lessonUi.getState();
        if (!open && !ui.spec.source) ui.setSpec(defaults(appStore().getState()));
        ui.set({ sendOpen: !open, pick: 'off' });
      }}
    >
      {t('sim.send.open')}
    </button>
  );
});

/**
 * Source, target and what to send, as a small keyboard form. It builds the exact console line a
 * person would type and runs it through the store's `run`, so the console echoes it and the trace
 * loads. A source without the tool is named before sending (Docker would refuse the exec).
 */
export const SendPacketForm = memo(function SendPacketForm() {
  const { t } = useTranslation();
  const id = useId();
  const open = useLessonUi((s) => s.sendOpen);
  const spec = useLessonUi((s) => s.spec);
  const pick = useLessonUi((s) => s.pick);
  const world = useApp((s) => s.world);
  const stack = useApp((s) => s.stack);
  const ready = useApp((s) => s.ready);
  const [error, setError] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useCanvasPick();
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const sources = useMemo(() => sourceChoices(world), [world]);
  const targets = useMemo(() => targetChoices(world), [world]);
  if (!open) return null;

  const ui = lessonUi.getState();
  const plan = spec.source && spec.target.trim() ? buildSendLine(world, stack[stack.length - 1], spec) : null;
  const close = () => {
    ui.set({ sendOpen: false, pick: 'off' });
    document.querySelector<HTMLElement>('[data-testid="sim-send-open"]')?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!plan || !ready) return;
    const res = appStore().getState().run(plan.line);
    if (res.trace) {
      setError('');
      ui.set({ status: '', canUndo: false });
      close();
    } else setError(res.output || `exit ${res.exitCode}`);
  };

  return (
    <form
      id="sim-send-form"
      className="sim-section sim-send"
      aria-label={t('sim.send.title')}
      data-testid="sim-send-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="sim-send__row">
        <label>
          <span>{t('sim.send.source')}</span>
          <select
            ref={first}
            value={spec.source}
            onChange={(e) => ui.setSpec({ source: e.target.value })}
            data-testid="sim-send-source"
          >
            {!sources.some((s) => s.value === spec.source) && <option value={spec.source}>{spec.source}</option>}
            {(['machine', 'container'] as const).map((kind) => (
              <optgroup key={kind} label={t(kind === 'machine' ? 'sim.send.machines' : 'sim.send.containers')}>
                {sources
                  .filter((s) => s.kind === kind)
                  .map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.value}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          <span>{t('sim.send.target')}</span>
          <input
            list={`${id}-targets`}
            value={spec.target}
            placeholder={t('sim.send.targetHint')}
            onChange={(e) => ui.setSpec({ target: e.target.value })}
            autoComplete="off"
            spellCheck={false}
            data-testid="sim-send-target"
          />
          <datalist id={`${id}-targets`}>
            {targets.map((o) => (
              <option key={`${o.value}-${o.label}`} value={o.value} label={o.label} />
            ))}
          </datalist>
        </label>
      </div>
      <fieldset className="sim-send__kinds">
        <legend>{t('sim.send.what')}</legend>
        {KINDS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={spec.kind === k}
              onChange={() => ui.setSpec({ kind: k })}
            />
            {t(`sim.send.${k}`)}
          </label>
        ))}
        {spec.kind === 'http' && (
          <label className="sim-send__port">
            <span>{t('sim.send.port')}</span>
            <input
              type="number"
              min={1}
              max={65535}
              value={spec.port}
              onChange={(e) => ui.setSpec({ port: Math.min(65535, Math.max(1, Number(e.target.value) || 80)) })}
              data-testid="sim-send-port"
            />
          </label>
        )}
      </fieldset>
      <div className="sim-send__row">
        <button
          type="button"
          className="sim-lesson-btn"
          aria-pressed={pick !== 'off'}
          onClick={() => {
            if (pick === 'off') appStore().getState().select(null);
            ui.set({ pick: pick === 'off' ? 'source' : 'off' });
          }}
        >
          {pick === 'off' ? t('sim.send.pick') : t('sim.send.pickStop')}
        </button>
        <span className="sim-muted" aria-live="polite">
          {pick === 'source' ? t('sim.send.pickSource') : pick === 'target' ? t('sim.send.pickTarget') : ''}
        </span>
      </div>
      {plan && (
        <p className="sim-send__preview">
          <span className="sim-muted">{t('sim.send.willRun')}</span>{' '}
          <code data-testid="sim-send-preview">{plan.line}</code>
        </p>
      )}
      {plan?.missingTool && (
        <p className="sim-send__warn" role="status" data-testid="sim-send-warn">
          {resolveParticles(
            plan.image
              ? t('sim.send.noTool', { source: spec.source, image: plan.image, tool: plan.tool, rich: TOOL_RICH_IMAGE })
              : t('sim.send.noToolMachine', { source: spec.source, tool: plan.tool }),
          )}
        </p>
      )}
      {error && (
        <pre className="sim-send__error" role="alert" data-testid="sim-send-error">
          {error}
        </pre>
      )}
      <div className="sim-send__actions">
        <button type="button" className="sim-lesson-btn" onClick={close}>
          {t('sim.send.cancel')}
        </button>
        <button
          type="submit"
          className="sim-lesson-btn sim-lesson-btn--primary"
          disabled={!plan || !ready}
          data-testid="sim-send-submit"
        >
          {ready ? t('sim.send.submit') : t('sim.send.loading')}
        </button>
      </div>
    </form>
  );
});
