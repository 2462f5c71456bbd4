import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../io/download';
import { appStore, useApp } from '../store/instance';

/** The whole-file reasons a save, file or link is refused, in the reader's language (a field's own problem stays as written). */
const REASONS: [RegExp, string][] = [
  [/^not valid JSON$/, 'reason.notJson'],
  [/^not a whalewire (project|document)$/, 'reason.notProject'],
  [/^the link is damaged \(not base64url UTF-8\)$/, 'reason.damagedLink'],
  [/^saved by a newer whalewire \(version (\d+)\)$/, 'reason.newer'],
];
export function reasonText(t: TFunction, error: string): string {
  for (const [re, key] of REASONS) {
    const m = re.exec(error);
    if (m) return t(key, { version: m[1] ?? '' });
  }
  return error;
}

/** Messages over the canvas: refused drops, unreadable saves (offered for download), bad links. */
/** An info message leaves by itself after this long; an error stays until dismissed. */
export const INFO_MS = 8000;

export function Notices() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  const infoIds = notices
    .filter((n) => n.tone === 'info')
    .map((n) => n.id)
    .join(',');
  useEffect(() => {
    if (!infoIds) return;
    const ids = infoIds.split(',').map(Number);
    const timer = setTimeout(() => {
      for (const id of ids) appStore().getState().dismiss(id);
    }, INFO_MS);
    return () => clearTimeout(timer);
  }, [infoIds]);
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
          <div className="notice-text">
            {t(n.key, n.params?.error ? { ...n.params, error: reasonText(t, n.params.error) } : n.params)}
          </div>
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
