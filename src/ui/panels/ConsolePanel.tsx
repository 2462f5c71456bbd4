import { type ClipboardEvent, type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/translate';
import { promptFor } from '../../store/docSlice';
import { appStore, useApp } from '../../store/instance';
import { imageChoices } from '../catalogue';
import { candidatesFor, complete } from './complete';
import { TerminalTabs } from './TerminalTabs';

/**
 * The console (DESIGN §5): a prompt naming the machine lines run on, ↑/↓ history, Tab completion.
 * Output is plain text in a <pre>: an image's answer (an HTML page, an env value) shows literally.
 */
export function ConsolePanel() {
  const { t } = useTranslation();
  const log = useApp((s) => s.log);
  const world = useApp((s) => s.world);
  const stack = useApp((s) => s.stack);
  const ready = useApp((s) => s.ready);
  const [line, setLine] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const outRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const pending = useApp((s) => Boolean(s.pending));
  // a foreground tcpdump holds the terminal: no prompt until Ctrl+C stops it
  const capturing = useApp((s) => Boolean(s.capture && !s.capture.background));
  const prompt = pending ? '>' : capturing ? '' : promptFor(world, stack);

  useLayoutEffect(() => {
    const el = outRef.current;
    // an empty log has nothing to scroll: reading scrollHeight would force a layout on mount (issue 11)
    if (el && log.length > 0) el.scrollTop = el.scrollHeight;
  }, [log]);
  useEffect(() => {
    const focus = () => inputRef.current?.focus();
    window.addEventListener('whalewire:focus-console', focus);
    return () => window.removeEventListener('whalewire:focus-console', focus);
  }, []);

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const s = appStore().getState();
    // a Korean (or any IME) syllable still being composed: this Enter only ends the composition
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      s.run(line);
      setLine('');
      setCursor(null);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const h = s.history;
      if (!h.length) return;
      let i = cursor ?? h.length;
      i = e.key === 'ArrowUp' ? Math.max(0, i - 1) : i + 1;
      if (i >= h.length) {
        setCursor(null);
        setLine('');
      } else {
        setCursor(i);
        setLine(h[i]);
      }
    } else if (e.key === 'Tab') {
      e.preventDefault();
      const r = complete(
        line,
        candidatesFor(
          line,
          s.world,
          imageChoices().map((x) => x.image),
        ),
      );
      setLine(r.line);
      if (r.matches.length) s.note(r.matches.join('  '));
    } else if (e.key === 'c' && e.ctrlKey && !e.metaKey && !e.altKey) {
      // with text selected, Ctrl+C copies it; otherwise it is the terminal's interrupt
      const el = e.currentTarget;
      if (el.selectionStart !== el.selectionEnd) return;
      e.preventDefault();
      s.interrupt(line);
      setLine('');
      setCursor(null);
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      appStore().setState({ log: [] });
    }
  };

  // several lines pasted at once run one by one, as in a terminal; a last unfinished line waits at
  // the prompt (a one-line input would otherwise glue them into one line: "…mynetdocker run …")
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (!/[\r\n]/.test(text)) return;
    e.preventDefault();
    const el = e.currentTarget;
    const whole = line.slice(0, el.selectionStart ?? line.length) + text + line.slice(el.selectionEnd ?? line.length);
    const lines = whole.split(/\r\n|\r|\n/);
    const rest = lines.pop() ?? '';
    // a heredoc's blank lines are part of its body
    for (const l of lines) if (l.trim() || appStore().getState().pending) appStore().getState().run(l);
    setLine(rest);
    setCursor(null);
  };

  return (
    <section className="console" aria-label={t('console.title')} data-testid="console">
      <header className="panel-head">
        <span>{t('console.title')}</span>
        <span className="dim small">{t('console.hint')}</span>
      </header>
      <TerminalTabs />
      <div
        className="console-out mono"
        ref={outRef}
        role="log"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
        tabIndex={0}
        aria-label={t('console.output')}
        data-testid="console-output"
        onClick={() => inputRef.current?.focus()}
      >
        {log.length === 0 && <div className="dim">{t('console.empty')}</div>}
        {log.map((e) =>
          e.kind === 'cmd' ? (
            <div key={e.id} className={`log-cmd${e.source === 'gesture' ? ' from-gesture' : ''}`}>
              <span className="prompt">{e.prompt}</span> {e.text}
              {e.source === 'gesture' && <span className="gesture-tag">{t('console.fromCanvas')}</span>}
            </div>
          ) : (
            <pre key={e.id} className={`log-${e.kind}`}>
              {e.key ? t(e.key) : e.text}
            </pre>
          ),
        )}
      </div>
      <div className="console-in mono">
        <label htmlFor="console-input" className="prompt" data-testid="console-prompt">
          {prompt}
        </label>
        <input
          id="console-input"
          ref={inputRef}
          data-testid="console-input"
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKey}
          onPaste={onPaste}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          placeholder={capturing ? t('console.capturing') : t('console.placeholder')}
          disabled={!ready}
        />
      </div>
    </section>
  );
}
