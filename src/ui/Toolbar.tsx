import { useTranslation } from '../i18n/translate';
import { appStore, redo, undo, useApp, useHistory } from '../store/instance';
import { arrange, containerOf, deleteSelected, openAddContainer, toggleRunning } from './actions';
import { useCanvasDrawn } from './canvas/useCanvasDrawn';

/** The top bar: add things, act on the selection, undo, view switches. */
export function Toolbar({ onFit }: { onFit: () => void }) {
  const { t } = useTranslation();
  const selected = useApp((s) => s.selected);
  const container = useApp((s) => containerOf(s.world, s.selected));
  const theme = useApp((s) => s.theme);
  const lang = useApp((s) => s.lang);
  // an English page names Korean in Korean once the canvas is drawn: the option's text alone made the
  // first layout look up and load a Korean font before the first picture (issue 11)
  const drawn = useCanvasDrawn();
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  const s = appStore().getState();
  const deletable = !!selected && (selected.startsWith('ctr:') || selected.startsWith('net:'));
  return (
    <nav className="toolbar" aria-label={t('toolbar.label')} data-testid="toolbar">
      <span className="brand">
        <span aria-hidden="true" className="logo">
          ◆
        </span>{' '}
        whalewire
      </span>
      <div className="tb-group">
        <button type="button" data-testid="tool-add-container" onClick={openAddContainer}>
          + {t('toolbar.addContainer')}
        </button>
        <button type="button" data-testid="tool-add-network" onClick={() => s.openDialog({ kind: 'addNetwork' })}>
          + {t('toolbar.addNetwork')}
        </button>
        <button
          type="button"
          data-testid="tool-add-host"
          title={t('toolbar.addHostHint')}
          aria-label={t('toolbar.addHostHint')}
          onClick={() => s.addHost()}
        >
          + {t('toolbar.addHostShort')}
        </button>
      </div>
      <div className="tb-group">
        <button
          type="button"
          disabled={!container}
          data-testid="tool-startstop"
          onClick={() => toggleRunning(selected)}
        >
          {container?.state === 'running' ? `■ ${t('toolbar.stop')}` : `▶ ${t('toolbar.start')}`}
        </button>
        <button
          type="button"
          disabled={!container}
          data-testid="tool-rename"
          onClick={() => container && s.openDialog({ kind: 'rename', container: container.id })}
        >
          {t('toolbar.rename')}
        </button>
        <button
          type="button"
          disabled={!container}
          data-testid="tool-publish"
          onClick={() => container && s.openDialog({ kind: 'publish', container: container.id })}
        >
          {t('toolbar.publish')}
        </button>
        <button type="button" disabled={!deletable} data-testid="tool-delete" onClick={deleteSelected} title="Delete">
          {t('toolbar.delete')}
        </button>
      </div>
      <div className="tb-group">
        <button
          type="button"
          disabled={!canUndo}
          data-testid="tool-undo"
          onClick={() => undo()}
          title={`${t('toolbar.undo')} (Ctrl+Z)`}
          aria-label={t('toolbar.undo')}
        >
          ↶
        </button>
        <button
          type="button"
          disabled={!canRedo}
          data-testid="tool-redo"
          onClick={() => redo()}
          title={`${t('toolbar.redo')} (Ctrl+Shift+Z)`}
          aria-label={t('toolbar.redo')}
        >
          ↷
        </button>
        <button
          type="button"
          onClick={() => void arrange().then(onFit)}
          data-testid="tool-arrange"
          title={t('toolbar.arrangeHint')}
        >
          {t('toolbar.arrange')}
        </button>
        <button type="button" onClick={onFit} data-testid="tool-fit">
          {t('toolbar.fit')}
        </button>
      </div>
      <div className="tb-spacer" />
      <div className="tb-group">
        {/* one glyph: at 1280x720 the toolbar has 4 px to spare in English (narrow padding) and must stay one row */}
        <button
          type="button"
          data-testid="tool-matrix"
          className="tb-glyph"
          title={t('toolbar.classroom')}
          aria-label={t('toolbar.classroom')}
          onClick={() => s.openDialog({ kind: 'matrix' })}
        >
          <span aria-hidden="true">▦</span>
        </button>
        <button type="button" data-testid="tool-project" onClick={() => s.openDialog({ kind: 'project' })}>
          {t('toolbar.project')}
        </button>
        <button
          type="button"
          data-testid="tool-theme"
          onClick={() => s.setTheme(theme === 'dark' ? 'light' : 'dark')}
          aria-label={t('toolbar.theme')}
          title={t('toolbar.theme')}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <button type="button" data-testid="tool-presenter" onClick={s.togglePresenter} title="P">
          {t('toolbar.presenter')}
        </button>
        <select
          aria-label={t('toolbar.language')}
          data-testid="lang-select"
          value={lang}
          onChange={(e) => s.setLang(e.target.value === 'ko' ? 'ko' : 'en')}
        >
          <option value="en">English</option>
          <option value="ko">{lang === 'ko' || drawn ? '한국어' : ''}</option>
        </select>
      </div>
    </nav>
  );
}
