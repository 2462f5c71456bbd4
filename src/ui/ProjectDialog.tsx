import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from '../i18n/translate';
import { downloadText } from '../io/download';
import { type ParseResult, parseProject, serializeProject } from '../io/project';
import { shortShareLink } from '../io/shareLink';
import { createDefaultWorld } from '../sim/world';
import { loadEngine } from '../store/engine';
import { appStore } from '../store/instance';
import { reasonText } from './Notices';
import { useDialogFocus } from './useDialogFocus';

/** Export, import, share link and a fresh start. A file that fails validation changes nothing. */
export function ProjectDialog() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [link, setLink] = useState('');
  const s = appStore().getState();
  const close = () => s.openDialog(null);
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = useDialogFocus(ref, close);
  const doc = () => {
    const st = appStore().getState();
    return { world: st.world, pinned: st.pinned, recipe: st.recipe };
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const text = await file.text().catch(() => null);
    const res: ParseResult = text === null ? { ok: false, error: 'unreadable file' } : parseProject(text);
    if (!res.ok) {
      setMessage({ tone: 'error', text: t('project.importFailed', { error: reasonText(t, res.error, res.refusal) }) });
      return;
    }
    appStore()
      .getState()
      .loadDocument(res.doc.world, res.doc.pinned, res.doc.recipe ?? null);
    appStore()
      .getState()
      .note(t('project.imported', { file: file.name }));
    close();
  };

  const makeLink = async () => {
    const url = await shortShareLink(doc(), window.location.href.split('#')[0], loadEngine);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ tone: 'ok', text: t('project.copied') });
    } catch {
      setMessage({ tone: 'ok', text: t('project.copyManually') });
    }
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={ref}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={t('project.title')}
        data-testid="dialog"
        onKeyDown={onKeyDown}
      >
        <h2>{t('project.title')}</h2>
        <div className="project-actions">
          <button
            type="button"
            data-testid="project-export"
            onClick={() => downloadText('whalewire-project.json', serializeProject(doc(), 2))}
          >
            {t('project.export')}
          </button>
          <button
            type="button"
            data-testid="project-export-script"
            onClick={async () => {
              const { dockerScript } = await import('../io/exportScript');
              downloadText('whalewire-topology.sh', dockerScript(doc().world), 'text/x-shellscript');
            }}
          >
            {t('project.exportScript')}
          </button>
          <button
            type="button"
            data-testid="project-export-compose"
            onClick={async () => {
              const { composeFile } = await import('../io/exportCompose');
              downloadText('compose.yaml', composeFile(doc().world), 'application/yaml');
            }}
          >
            {t('project.exportCompose')}
          </button>
          {(['png', 'svg'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              data-testid={`project-export-${kind}`}
              onClick={async () => {
                const { exportCanvasImage } = await import('../io/canvasImage');
                await exportCanvasImage(kind);
              }}
            >
              {t(`project.export${kind === 'png' ? 'Png' : 'Svg'}`)}
            </button>
          ))}
          <label className="button-like">
            {t('project.import')}
            <input type="file" accept="application/json,.json" onChange={onFile} data-testid="project-import" hidden />
          </label>
          <button
            type="button"
            data-testid="project-import-docker"
            onClick={() => appStore().getState().openDialog({ kind: 'importDocker' })}
          >
            {t('project.importDocker')}
          </button>
          <button type="button" data-testid="project-share" onClick={makeLink}>
            {t('project.share')}
          </button>
          <button
            type="button"
            data-testid="project-new"
            onClick={() => {
              appStore().getState().loadDocument(createDefaultWorld(), {}, []);
              // nothing asked "are you sure?": say how to get it back
              appStore().getState().notify({ tone: 'info', key: 'notice.newProject' });
              close();
            }}
          >
            {t('project.new')}
          </button>
          <button
            type="button"
            data-testid="project-new-desktop"
            onClick={() => {
              // Docker Desktop's World (engine in a VM inside pc1): a lazy chunk, like the lessons
              void import('../sim/desktop').then(({ createDesktopWorld }) => {
                appStore().getState().loadDocument(createDesktopWorld(), {}, null);
                appStore().getState().notify({ tone: 'info', key: 'notice.newProject' });
                close();
              });
            }}
          >
            {t('project.newDesktop')}
          </button>
        </div>
        {link && (
          <input
            className="mono share-link"
            readOnly
            value={link}
            onFocus={(e) => e.target.select()}
            data-testid="share-link"
          />
        )}
        {message && (
          <p className={message.tone === 'error' ? 'dialog-error' : 'dim'} role="status" data-testid="project-message">
            {message.text}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={close}>
            {t('dialog.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
