import { useEffect } from 'react';
import { useTranslation } from '../../i18n/translate';
import { appStore, useApp } from '../../store/instance';

/**
 * The console's terminals as tabs: click to switch, double-click to rename, × to close, + for a
 * new one. Keys (browsers keep Ctrl+T and Ctrl+W for themselves): Alt+T new, Alt+W close,
 * Alt+1…9 switch.
 */
export function TerminalTabs() {
  const { t } = useTranslation();
  const tabs = useApp((s) => s.tabs);
  const active = useApp((s) => s.activeTab);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const s = appStore().getState();
      if (e.code === 'KeyT') s.newTab();
      else if (e.code === 'KeyW') s.closeTab(s.activeTab);
      else if (/^Digit[1-9]$/.test(e.code)) s.switchTab(Number(e.code.slice(5)) - 1);
      else return;
      e.preventDefault();
      window.dispatchEvent(new Event('whalewire:focus-console'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const rename = (i: number) => {
    const name = window.prompt(t('term.renamePrompt'), tabs[i].name);
    if (name) appStore().getState().renameTab(i, name);
  };

  return (
    // a group of buttons, the current one marked: a tablist may hold only tabs, and each tab here has its own close button
    <fieldset className="term-tabs" aria-label={t('term.tabs')} data-testid="term-tabs">
      {tabs.map((tab, i) => (
        <span key={tab.name} className={`term-tab${i === active ? ' active' : ''}`}>
          <button
            type="button"
            aria-current={i === active ? 'true' : undefined}
            title={t('term.rename')}
            data-testid={`term-tab-${i}`}
            onClick={() => {
              appStore().getState().switchTab(i);
              window.dispatchEvent(new Event('whalewire:focus-console'));
            }}
            onDoubleClick={() => rename(i)}
          >
            {t('term.tab', { name: tab.name })}
          </button>
          {tabs.length > 1 && (
            <button
              type="button"
              className="term-close"
              aria-label={t('term.close', { name: tab.name })}
              title={t('term.close', { name: tab.name })}
              onClick={() => appStore().getState().closeTab(i)}
            >
              ×
            </button>
          )}
        </span>
      ))}
      <button
        type="button"
        className="term-new"
        aria-label={t('term.new')}
        title={t('term.new')}
        data-testid="term-new"
        onClick={() => {
          appStore().getState().newTab();
          window.dispatchEvent(new Event('whalewire:focus-console'));
        }}
      >
        +
      </button>
    </fieldset>
  );
}
