import { useTranslation } from 'react-i18next';
import { downloadText } from '../io/download';
import { appStore, useApp } from '../store/instance';

/** Messages over the canvas: refused drops, unreadable saves (offered for download), bad links. */
export function Notices() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  if (!notices.length) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          <div className="notice-text">{t(n.key, n.params)}</div>
          {n.keptAside && (
            <div className="notice-sub dim small">
              {n.keptAside.storageKey
                ? t('notice.keptAsideAt', { key: n.keptAside.storageKey })
                : t('notice.keptInMemory')}
            </div>
          )}
          <div className="notice-actions">
            {n.keptAside && (
              <button
                type="button"
                data-testid="download-unreadable"
                onClick={() => downloadText('whalewire-unreadable-save.json', n.keptAside!.text)}
              >
                {t('notice.download')}
              </button>
            )}
            <button type="button" onClick={() => appStore().getState().dismiss(n.id)} data-testid="notice-dismiss">
              {t('notice.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
