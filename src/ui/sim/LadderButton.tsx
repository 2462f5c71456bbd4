import { lazy, memo, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../../i18n/translate';
import { Icon } from './icons';
import { useSim } from './useSim';
import { ownsKeys } from './useSimKeys';

/** The diagram, its layout and the tcpdump printer it labels hops with load on first open. */
const LadderView = lazy(() => import('../ladder/LadderView'));

/**
 * "Ladder" at the top of the simulation panel (and L on the keyboard): opens the trace's ladder
 * diagram over the canvas and the Inspector, so the transport controls below stay in reach; again,
 * Esc or Close shuts it.
 */
export const LadderButton = memo(function LadderButton() {
  const { t } = useTranslation();
  const hasTrace = useSim((s) => s.trace !== null);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'l' && e.key !== 'L') return;
      if (e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target, e.key, true)) return;
      if (!useSim.getState().trace) return;
      e.preventDefault();
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (!hasTrace) setOpen(false);
  }, [hasTrace]);
  const app = typeof document === 'undefined' ? null : document.querySelector('.app');
  return (
    <>
      <button
        ref={button}
        type="button"
        className="sim-pcap sim-ladder-open"
        aria-pressed={open}
        onClick={() => setOpen((o) => !o)}
        title={t('ladder.openHint')}
        data-testid="ladder-open"
      >
        <Icon name="ladder" /> {t('ladder.open')}
      </button>
      {open &&
        app &&
        createPortal(
          <Suspense fallback={<p className="ladder ladder--loading">{t('ladder.loading')}</p>}>
            <LadderView onClose={close} />
          </Suspense>,
          app,
        )}
    </>
  );
});
