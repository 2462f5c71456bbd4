import { type ChangeEvent, type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from '../i18n/translate';
import type { ImportInput } from '../io/inspectImport';
import type { ImportNote, ImportRefusal } from '../sim/import/types';
import { createDefaultWorld } from '../sim/world';
import { appStore } from '../store/instance';
import { refusalText } from './refusalText';
import { useDialogFocus } from './useDialogFocus';

const COMMANDS = ['docker network inspect $(docker network ls -q)', 'docker inspect $(docker ps -aq)'];

/** Builds the World from pasted or dropped inspect output (the parser and the engine load on submit). */
async function runImport(inputs: ImportInput[]) {
  const [{ importInspect }, { importMachine }] = await Promise.all([
    import('../io/inspectImport'),
    import('../sim/import'),
  ]);
  return importInspect(inputs, createDefaultWorld(), importMachine);
}

/** Brings a compose file (or several) up on a fresh Docker host (Compose and the engine load on submit). */
async function runComposeImport(inputs: ImportInput[], project: string) {
  const { importCompose } = await import('../io/composeImport');
  return importCompose(createDefaultWorld(), inputs, project);
}

/**
 * Import a real machine: paste the two commands' output or drop the files. A refusal names the
 * field and changes nothing; on success the notes list what whalewire could not model.
 */
export function ImportDialog() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<ImportInput[]>([]);
  const [refusal, setRefusal] = useState<ImportRefusal | null>(null);
  const [project, setProject] = useState('');
  const [composeError, setComposeError] = useState<string | null>(null);
  const [notes, setNotes] = useState<ImportNote[] | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const close = () => appStore().getState().openDialog(null);

  const submit = async () => {
    const inputs = [...files, ...(text.trim() ? [{ label: '', text }] : [])];
    if (busy) return;
    setBusy(true);
    const { isComposeInput } = await import('../io/composeImport');
    if (isComposeInput(inputs)) {
      const r = await runComposeImport(inputs, project).finally(() => setBusy(false));
      if (!r.ok) {
        setComposeError(`$ ${r.command}\n${r.output}`);
        return;
      }
      const s = appStore().getState();
      s.loadDocument(r.world, {}, null);
      s.note(`$ ${r.command}\n${r.output}`);
      s.notify({
        tone: 'info',
        key: 'import.composeDone',
        params: {
          project: r.project,
          networks: String(Object.values(r.world.networks).filter((n) => !n.predefined).length),
          containers: String(Object.keys(r.world.containers).length),
        },
      });
      close();
      return;
    }
    const res = await runImport(inputs).finally(() => setBusy(false));
    if (!res.ok) {
      setRefusal(res.refusal);
      return;
    }
    const s = appStore().getState();
    s.loadDocument(res.world, {}, null);
    s.notify({
      tone: 'info',
      key: 'import.done',
      params: { networks: String(res.counts.networks), containers: String(res.counts.containers) },
    });
    if (res.notes.length === 0) close();
    else setNotes(res.notes);
  };
  const onKeyDown = useDialogFocus(ref, close, () => void submit());

  const readFiles = async (list: FileList | null) => {
    const picked = [...(list ?? [])];
    const read = await Promise.all(picked.map(async (f) => ({ label: f.name, text: await f.text() })));
    setFiles((old) => [...old, ...read]);
    setRefusal(null);
    setComposeError(null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void readFiles(e.dataTransfer.files);
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <form
        ref={ref}
        className="modal modal-wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="dialog"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
      >
        <h2 id={titleId}>{t('import.title')}</h2>
        {notes ? (
          <>
            <p className="explain">{t('import.notModelled')}</p>
            <ul className="import-notes" data-testid="import-notes">
              {notes.map((n) => (
                <li key={`${n.code}:${JSON.stringify(n.params)}`}>{t(`import.note.${n.code}`, n.params)}</li>
              ))}
            </ul>
            <div className="modal-actions">
              <button type="button" className="primary" onClick={close} data-testid="dialog-cancel">
                {t('dialog.close')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="explain">{t('import.explain')}</p>
            <div className="cmd-preview mono">
              {COMMANDS.map((l) => (
                <div key={l}>$ {l}</div>
              ))}
            </div>
            <label>
              {t('import.paste')}
              <textarea
                className="mono import-text"
                rows={8}
                value={text}
                spellCheck={false}
                onChange={(e) => {
                  setText(e.target.value);
                  setRefusal(null);
                  setComposeError(null);
                }}
                data-testid="import-text"
              />
            </label>
            <div className="import-files">
              <label className="button-like">
                {t('import.chooseFiles')}
                <input
                  type="file"
                  multiple
                  accept="application/json,.json,.txt,.yml,.yaml"
                  hidden
                  onChange={(e: ChangeEvent<HTMLInputElement>) => {
                    void readFiles(e.target.files);
                    e.target.value = '';
                  }}
                  data-testid="import-files"
                />
              </label>
              <span className="dim small" data-testid="import-file-list">
                {files.length ? files.map((f) => f.label).join(', ') : t('import.dropHint')}
              </span>
            </div>
            <label className="import-project">
              {t('import.project')}
              <input
                className="mono"
                value={project}
                placeholder={t('import.projectHint')}
                spellCheck={false}
                onChange={(e) => {
                  setProject(e.target.value);
                  setComposeError(null);
                }}
                data-testid="import-project"
              />
            </label>
            <p className="dim small">{t('import.replaces')}</p>
            {composeError && (
              <div className="dialog-error" role="alert" data-testid="dialog-error">
                {t('import.composeRefused')}
                <pre className="mono import-compose-error">{composeError}</pre>
              </div>
            )}
            {refusal && (
              <p className="dialog-error" role="alert" data-testid="dialog-error">
                {refusalText(t, refusal)}
              </p>
            )}
            <div className="modal-actions">
              <button type="button" onClick={close} data-testid="dialog-cancel">
                {t('dialog.cancel')}
              </button>
              <button
                type="submit"
                className="primary"
                disabled={busy || (!text.trim() && files.length === 0)}
                data-testid="dialog-submit"
              >
                {t('import.submit')}
              </button>
            </div>
          </>
        )}
      </form>
    </div>
  );
}
