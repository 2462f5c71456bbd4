import '../../i18n/challenges';
import '../matrix/matrix.css';
import './challenges.css';
import { useEffect, useId, useRef, useState } from 'react';
import { resolveParticles } from '../../i18n/josa';
import { formatExplain } from '../../i18n/trace';
import type { TFunction } from '../../i18n/translate';
import { useTranslation } from '../../i18n/translate';
import { CHALLENGES } from '../../sim/challenges/builtin';
import { checkChallenge, type GoalResult } from '../../sim/challenges/check';
import { type FieldError, parseChallenge } from '../../sim/challenges/parse';
import { appStore, useApp } from '../../store/instance';
import { ClassroomTabs } from '../matrix/ClassroomTabs';
import { outcomeText } from '../sim/outcomeText';
import { useDialogFocus } from '../useDialogFocus';
import { challengeUi, useChallengeUi } from './challengeUi';
import { goalText } from './goalText';
import { openChallengeLink } from './openChallengeLink';
import { challengeLink, startChallenge } from './startChallenge';

/** A refusal in the reader's language (the expectation itself translated), never zod's English. */
function fieldText(t: TFunction, e: FieldError): string {
  const expected = e.params.expected;
  const params = expected
    ? {
        ...e.params,
        expected: t(`challenge.expect.${expected}`, {
          defaultValue: t(`import.expect.${expected}`, { defaultValue: expected }),
        }),
      }
    : e.params;
  return t(`challenge.why.${e.code}`, params);
}

function play(r: GoalResult) {
  const s = appStore().getState();
  if (!r.trace) return;
  s.openDialog(null);
  s.loadTrace(r.trace, { before: s.world, after: r.after ?? s.world });
  s.play();
}

/**
 * Challenges the engine checks: pick one (or load a teacher's file), build in the console or on the
 * canvas, then Check: each goal sends its packet and shows whether it passed, why not, and its trace.
 */
export default function ChallengesDialog() {
  const { t } = useTranslation();
  const lang = useApp((s) => s.lang);
  const world = useApp((s) => s.world);
  const active = useChallengeUi((s) => s.active);
  const results = useChallengeUi((s) => s.results);
  const errors = useChallengeUi((s) => s.errors);
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const close = () => appStore().getState().openDialog(null);
  const onKeyDown = useDialogFocus(ref, close);
  const loadText = (src: string) => {
    const r = parseChallenge(src);
    if (r.ok) startChallenge(r.challenge);
    else challengeUi.getState().set({ errors: r.errors });
  };
  useEffect(() => {
    void openChallengeLink(location.hash);
  }, []);
  const fresh = results && results.length > 0;
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={ref}
        className="modal mx-dialog ch-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        data-testid="challenges-dialog"
      >
        <ClassroomTabs current="challenges" titleId={titleId} />
        {active ? (
          <section className="ch-active" data-testid="challenge-active">
            <h3>
              {active.title[lang]}
              {active.seed && <span className="dim small"> · {t('challenge.seed', { seed: active.seed })}</span>}
            </h3>
            <p className="ch-task">{active.task[lang]}</p>
            {active.hints.length > 0 && (
              <details>
                <summary>{t('challenge.hints')}</summary>
                <ul>
                  {active.hints.map((h) => (
                    <li key={h.en}>{h[lang]}</li>
                  ))}
                </ul>
              </details>
            )}
            <ol className="ch-goals" data-testid="challenge-goals">
              {active.goals.map((g, i) => {
                const r = fresh ? results[i] : undefined;
                return (
                  <li
                    // biome-ignore lint/suspicious/noArrayIndexKey: goals have no id; their order is fixed
                    key={i}
                    className={r ? (r.ok ? 'mx-ok' : 'mx-fail') : ''}
                    data-testid={`challenge-goal-${i}`}
                    data-ok={r ? String(r.ok) : undefined}
                  >
                    <span className="ch-mark">{r ? (r.ok ? t('challenge.passed') : t('challenge.failed')) : '○'}</span>{' '}
                    {goalText(g, lang, t)}
                    {r && (
                      <div className="ch-result">
                        {r.line && <code>{r.line}</code>} {outcomeText(lang, r.summary)}
                        {r.why && <div className="mx-why">{resolveParticles(formatExplain(lang, r.why))}</div>}
                        {r.trace && (
                          <button type="button" onClick={() => play(r)} data-testid={`challenge-play-${i}`}>
                            {t('challenge.play')}
                          </button>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
            {fresh && results.every((r) => r.ok) && (
              <p className="ch-done" role="status" data-testid="challenge-done">
                {t('challenge.done')}
              </p>
            )}
            <div className="ch-actions">
              <button
                type="button"
                className="primary"
                data-testid="challenge-check"
                onClick={() => challengeUi.getState().set({ results: checkChallenge(world, active) })}
              >
                {t('challenge.check')}
              </button>
              <button type="button" data-testid="challenge-reset" onClick={() => startChallenge(active)}>
                {t('challenge.reset')}
              </button>
              <button
                type="button"
                data-testid="challenge-share"
                onClick={() => void challengeLink(active, location.href).then(setLink)}
              >
                {t('challenge.share')}
              </button>
              <button
                type="button"
                data-testid="challenge-others"
                onClick={() => challengeUi.getState().set({ active: null, results: null })}
              >
                {t('challenge.others')}
              </button>
            </div>
            {link && (
              <label className="ch-link">
                {t('challenge.link')}
                <input readOnly value={link} data-testid="challenge-link" onFocus={(e) => e.target.select()} />
              </label>
            )}
          </section>
        ) : (
          <section>
            <p className="dim small">{t('challenge.intro')}</p>
            <ul className="ch-list">
              {CHALLENGES.map((c) => (
                <li key={c.id} data-testid={`challenge-${c.id}`}>
                  <div>
                    <strong>{c.title[lang]}</strong>{' '}
                    <span className="dim small">{t('challenge.seed', { seed: c.seed ?? '' })}</span>
                    <p className="dim small">{c.task[lang]}</p>
                  </div>
                  <button type="button" onClick={() => startChallenge(c)} data-testid={`challenge-start-${c.id}`}>
                    {t('challenge.start')}
                  </button>
                </li>
              ))}
            </ul>
            <details className="ch-file">
              <summary>{t('challenge.fileTitle')}</summary>
              <p className="dim small">{t('challenge.fileHint')}</p>
              <label>
                {t('challenge.fileText')}
                <textarea
                  className="mono"
                  rows={6}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  data-testid="challenge-file-text"
                />
              </label>
              <div className="ch-actions">
                <button type="button" onClick={() => loadText(text)} data-testid="challenge-file-load">
                  {t('challenge.fileLoad')}
                </button>
                <label className="button-like">
                  {t('challenge.fileOpen')}
                  <input
                    type="file"
                    accept=".yaml,.yml,.json,text/yaml,application/json"
                    className="visually-hidden"
                    onChange={(e) => void e.target.files?.[0]?.text().then(loadText)}
                  />
                </label>
              </div>
            </details>
          </section>
        )}
        {errors && (
          <div role="alert" className="dialog-error" data-testid="challenge-errors">
            <p>{t('challenge.refused')}</p>
            <ul>
              {errors.map((e) => (
                <li key={`${e.field}:${e.code}`}>
                  <code>{e.field || t('challenge.theFile')}</code>: {fieldText(t, e)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={close} data-testid="challenges-close">
            {t('challenge.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
