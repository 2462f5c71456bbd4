import { useEffect } from 'react';
import type { TFunction } from '../i18n/translate';
import { useTranslation } from '../i18n/translate';
import { downloadText } from '../io/download';
import type { Refusal } from '../io/zodRefusal';
import { appStore, useApp } from '../store/instance';
import { activeAutosave } from '../store/persist';

/** The whole-file reasons a save, file or link is refused, in the reader's language (a field's own problem stays as written). */
const REASONS: [RegExp, string][] = [
  [/^not valid JSON$/, 'reason.notJson'],
  [/^not a whalewire (project|document)$/, 'reason.notProject'],
  [/^the link is damaged \(not base64url UTF-8\)$/, 'reason.damagedLink'],
  [/^saved by a newer whalewire \(version (\d+)\)$/, 'reason.newer'],
];
export function reasonText(t: TFunction, error: string, refusal?: Refusal): string {
  // a field's refusal: its English is `error` (src/io/worldSchema.ts), ko.ts has `world.why.*`
  if (refusal) {
    const p = refusal.params;
    return t(`world.why.${refusal.code}`, {
      ...p,
      at: refusal.at,
      expected: p.expected ? t(`import.expect.${p.expected}`, { defaultValue: p.expected }) : '',
      defaultValue: error,
    });
  }
  for (const [re, key] of REASONS) {
    const m = re.exec(error);
    if (m) return t(key, { version: m[1] ?? '' });
  }
  return error;
}

/** Another tab saved newer work: the person's answer (its module loads on the click). */
function resolveTabs(how: 'loadTheirs' | 'keepMine') {
  const a = activeAutosave;
  if (a) void import('../store/tabConflict').then((m) => m[how](a.store, a.s, a.guard, new Date().toISOString()));
}

/** Messages over the canvas: refused drops, unreadable saves (offered for download), bad links. */
/** An info message leaves by itself after this long; an error stays until dismissed. */
export const INFO_MS = 8000;

export function Notices() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  const infoIds = notices
    .filter((n) => n.tone === 'info' && !n.keptAside)
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
            {t(n.key, n.params?.error ? { ...n.params, error: reasonText(t, n.params.error, n.refusal) } : n.params)}
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
                onClick={() => downloadText(n.keptAside!.file ?? 'whalewire-unreadable-save.json', n.keptAside!.text)}
              >
                {t('notice.download')}
              </button>
            )}
            {n.tabConflict ? (
              <>
                <button type="button" data-testid="tab-load-theirs" onClick={() => resolveTabs('loadTheirs')}>
                  {t('notice.loadTheirs')}
                </button>
                <button type="button" data-testid="tab-keep-mine" onClick={() => resolveTabs('keepMine')}>
                  {t('notice.keepMine')}
                </button>
              </>
            ) : (
              <button type="button" onClick={() => appStore().getState().dismiss(n.id)} data-testid="notice-dismiss">
                {t('notice.dismiss')}
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
