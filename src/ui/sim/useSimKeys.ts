import { useEffect } from 'react';
import { useSim } from './useSim';

/** Whether a key event belongs to something that takes typing or its own arrow/space keys. */
export function ownsKeys(target: EventTarget | null, key: string, byPointer: boolean): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  // a checkbox takes only Space: arrows and Home still step after clicking a protocol filter
  if (tag === 'INPUT' && (target as HTMLInputElement).type === 'checkbox') return key === ' ';
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // a focused button answers Space itself, except where a teacher clicks during playback (the
  // transport bar, the event list, the lesson's packets): there Space stays play/pause. Else a
  // click on a lesson packet, an event or "step forward" then Space re-sent the packet (a new
  // trace, ARP already cached), jumped back to that event or stepped again. Enter still presses.
  if (
    key === ' ' &&
    (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || target.getAttribute('role') === 'button') &&
    !target.closest('.sim-panel__bar, .sim-events, .sim-lesson-packets')
  )
    return true;
  // text boxes, and widgets that move with arrows themselves: menus, lists, radio groups, dialogs
  if (target.closest('[role="textbox"], [role="menu"], [role="listbox"], [role="radiogroup"], [role="dialog"]'))
    return true;
  // a canvas node or edge reached with Tab uses arrows to move and Space/Enter to select (React
  // Flow a11y). One clicked to see its tables in the Inspector leaves the keys to the simulation:
  // → then steps on instead of nudging the card 5 px.
  return !byPointer && target.closest('.react-flow__node, .react-flow__edge') !== null;
}

/**
 * Space play/pause, ← back, → forward, Home restart, End to the last step, PageUp / Shift+← and
 * PageDown / Shift+→ by phases, while focus is not in a text field.
 */
export function useSimKeys(): void {
  useEffect(() => {
    // whether focus last moved by pointer (a click) rather than by Tab
    let byPointer = false;
    const onPointer = () => {
      byPointer = true;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') byPointer = false;
      // not `defaultPrevented`: React Flow prevents Space's default (its pan key) on every press
      if (e.altKey || e.ctrlKey || e.metaKey || (e.repeat && e.key === ' ')) return;
      const s = useSim.getState();
      if (!s.trace || ownsKeys(e.target, e.key, byPointer)) return;
      const act: Record<string, () => void> = {
        ' ': s.togglePlay,
        ArrowLeft: s.stepBack,
        ArrowRight: s.stepForward,
        Home: s.restart,
        End: s.toEnd,
        PageUp: s.prevPhase,
        PageDown: s.nextPhase,
      };
      if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'))
        act[e.key] = act[e.key === 'ArrowLeft' ? 'PageUp' : 'PageDown'];
      const f = act[e.key];
      if (!f) return;
      e.preventDefault();
      // in capture, before React Flow's own handler on the node would move the selection
      if (e.target instanceof Element && e.target.closest('.react-flow')) e.stopPropagation();
      f();
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
}
