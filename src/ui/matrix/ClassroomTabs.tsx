import { useTranslation } from '../../i18n/translate';
import { appStore } from '../../store/instance';

type Kind = 'matrix' | 'challenges';

/**
 * The classroom dialogs share one toolbar button: a row of two buttons at their top switches between
 * "who can talk to whom" and the challenges (each a dialog of its own, loaded on first use).
 */
export function ClassroomTabs({ current, titleId }: { current: Kind; titleId: string }) {
  const { t } = useTranslation();
  const tab = (k: Kind) => (
    <button
      type="button"
      aria-current={current === k ? 'page' : undefined}
      className={`cls-tab${current === k ? ' cls-tab--on' : ''}`}
      data-testid={`classroom-tab-${k}`}
      onClick={() => current !== k && appStore().getState().openDialog({ kind: k })}
    >
      {current === k ? <span id={titleId}>{t(`classroom.${k}`)}</span> : t(`classroom.${k}`)}
    </button>
  );
  return (
    <nav className="cls-tabs" aria-label={t('classroom.tabs')}>
      {tab('matrix')}
      {tab('challenges')}
    </nav>
  );
}
