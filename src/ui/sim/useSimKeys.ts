import { useEffect } from 'react';
import { useSim } from './useSim';

/** Whether a key event belongs to something that takes typing or its own arrow/space keys. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // a focused button already answers Space itself: handling it here would act twice
  if (key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || target.getAttribute('role') === 'button'))
    return true;
  // a focused canvas node or edge uses arrows to move and Space/Enter to select (React Flow a11y)
  return target.closest('[role="textbox"], .react-flow__node, .react-flow__edge') !== null;
}

/** Space play/pause, ← back, → forward, Home restart, while focus is not in a text field. */
export function useSimKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // not `defaultPrevented`: React Flow prevents Space's default (its pan key) on every press
      if (e.altKey || e.ctrlKey || e.metaKey || (e.repeat && e.key === ' ')) return;
      const s = useSim.getState();
      if (!s.trace || ownsKeys(e.target, e.key)) return;
      const act: Record<string, () => void> = {
        ' ': s.togglePlay,
        ArrowLeft: s.stepBack,
        ArrowRight: s.stepForward,
        Home: s.restart,
      };
      const f = act[e.key];
      if (!f) return;
      e.preventDefault();
      f();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
