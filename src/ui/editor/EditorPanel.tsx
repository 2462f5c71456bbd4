import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import { basicSetup, EditorView } from 'codemirror';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/translate';
import '../../i18n/files';
import { withFinalNewline } from '../../store/editorSlice';
import { appStore, useApp } from '../../store/instance';
import { downloadWorldFile, isBinary } from './fileDownload';
import './editor.css';

const isYaml = (path: string) => /\.ya?ml$/i.test(path);

/** YAML's colours from the theme's variables (editor.css), so keys stay readable in the dark theme too. */
const themed = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.definition(tags.propertyName), color: 'var(--cm-key)' },
    { tag: tags.string, color: 'var(--cm-string)' },
    { tag: [tags.lineComment, tags.meta], color: 'var(--cm-comment)' },
    { tag: [tags.keyword, tags.typeName, tags.labelName], color: 'var(--cm-keyword)' },
  ]),
);

/**
 * The console's editor, as nano: the file's text (YAML highlighted), Ctrl+S or ^O writes it into
 * the World's files, Esc or ^X (with nothing selected) closes, asking first when there are
 * unsaved changes. Closing gives the keyboard back to whoever opened it.
 */
export default function EditorPanel() {
  const { t } = useTranslation();
  const file = useApp((s) => s.editor);
  const where = useApp((s) => (s.editor ? (s.world.containers[s.editor.owner]?.name ?? s.editor.owner) : ''));
  const hostRef = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const returnTo = useRef<HTMLElement | null>(document.activeElement as HTMLElement | null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [asking, setAsking] = useState(false);
  const askRef = useRef<HTMLButtonElement>(null);
  const binary = file ? isBinary(file.text) : false;

  useEffect(() => {
    const s = appStore().getState().editor;
    if (!s || !hostRef.current || isBinary(s.text)) return;
    const v = new EditorView({
      parent: hostRef.current,
      state: EditorState.create({
        doc: s.text,
        extensions: [
          basicSetup,
          isYaml(s.path) ? [yaml(), themed] : [],
          EditorView.contentAttributes.of({ 'aria-label': s.path, 'data-testid': 'editor-text' }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            const saved = appStore().getState().editor?.text;
            setDirty(withFinalNewline(u.state.doc.toString()) !== saved);
          }),
        ],
      }),
    });
    view.current = v;
    v.focus();
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    if (asking) askRef.current?.focus();
  }, [asking]);

  if (!file) return null;

  const save = (): boolean => {
    if (!view.current) return false;
    const r = appStore().getState().saveEditor(view.current.state.doc.toString());
    if ('error' in r) {
      setStatus({ text: r.error, error: true });
      return false;
    }
    setStatus({ text: t('editor.wrote', { count: r.lines }) });
    setDirty(false);
    return true;
  };
  const leave = () => {
    const from = appStore().getState().editor?.from;
    appStore().getState().closeEditor();
    if (from === 'console') window.dispatchEvent(new Event('whalewire:focus-console'));
    else returnTo.current?.focus();
  };
  const close = () => {
    if (dirty) setAsking(true);
    else leave();
  };

  const onKey = (e: KeyboardEvent) => {
    const ctrl = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    if (asking) {
      if (k === 'y') {
        if (save()) leave();
      } else if (k === 'n') leave();
      else if (k === 'escape' || (e.ctrlKey && k === 'c')) {
        setAsking(false);
        view.current?.focus();
      } else return;
      e.preventDefault();
      return;
    }
    if ((ctrl && k === 's') || (e.ctrlKey && k === 'o')) save();
    else if (k === 'escape') close();
    else if (e.ctrlKey && k === 'x' && (!view.current || view.current.state.selection.main.empty)) close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <section
      className="editor"
      aria-label={t('editor.title', { path: file.path, where })}
      data-testid="editor"
      onKeyDownCapture={onKey}
    >
      <header className="editor-head">
        <span className="editor-name mono" data-testid="editor-path">
          {file.path}
        </span>
        <span className="dim">{t('editor.on', { where })}</span>
        {file.isNew && <span className="editor-tag">{t('editor.newFile')}</span>}
        {dirty && (
          <span className="editor-tag" data-testid="editor-modified">
            {t('editor.modified')}
          </span>
        )}
        <span className="editor-actions">
          {!binary && (
            <button type="button" onClick={() => save()} data-testid="editor-save" title={t('editor.saveKeys')}>
              {t('editor.save')}
            </button>
          )}
          <button
            type="button"
            onClick={() => downloadWorldFile(file.path, view.current?.state.doc.toString() ?? file.text, binary)}
            data-testid="editor-download"
          >
            {t('editor.download')}
          </button>
          <button type="button" onClick={close} data-testid="editor-close" title={t('editor.closeKeys')}>
            {t('editor.close')}
          </button>
        </span>
      </header>
      {binary ? (
        <p className="editor-binary" data-testid="editor-binary">
          {t('editor.binary', { size: file.text.length })}
        </p>
      ) : (
        <div className="editor-body mono" ref={hostRef} />
      )}
      {asking ? (
        <div className="editor-ask" role="alertdialog" aria-label={t('editor.ask')} data-testid="editor-ask">
          <span>{t('editor.ask')}</span>
          <button
            ref={askRef}
            type="button"
            onClick={() => {
              if (save()) leave();
            }}
          >
            {t('editor.yes')}
          </button>
          <button type="button" onClick={leave}>
            {t('editor.no')}
          </button>
          <button
            type="button"
            onClick={() => {
              setAsking(false);
              view.current?.focus();
            }}
          >
            {t('editor.cancel')}
          </button>
        </div>
      ) : (
        <footer className="editor-foot">
          <span className={status?.error ? 'editor-error' : ''} role="status" data-testid="editor-status">
            {status?.text ?? ''}
          </span>
          <span className="dim small">{t('editor.keys')}</span>
        </footer>
      )}
    </section>
  );
}
