import { type KeyboardEvent, type RefObject, useCallback, useEffect } from 'react';

const FOCUSABLE = 'input, select, textarea, button:not(:disabled), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Keyboard behaviour every dialog shares: on open, focus goes to the first field (or button) and
 * a text field's content is selected; Tab and Shift+Tab stay inside the dialog; Esc closes it;
 * Ctrl/Cmd+Enter submits from anywhere (a textarea takes plain Enter); on close, focus returns to
 * whatever had it before. Returns the dialog element's onKeyDown.
 */
export function useDialogFocus(
  ref: RefObject<HTMLElement | null>,
  onClose: () => void,
  onSubmit?: () => void,
): (e: KeyboardEvent<HTMLElement>) => void {
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const root = ref.current;
    const fields = [...(root?.querySelectorAll<HTMLElement>('input:not([type="file"]), select, textarea') ?? [])];
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      fields.find((f) => f.offsetParent !== null) ??
      root?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, [ref]);
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      // keys that end or cancel an IME composition (Korean) belong to the composition
      if (e.nativeEvent.isComposing || e.keyCode === 229) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSubmit) {
        e.preventDefault();
        onSubmit();
      } else if (e.key === 'Tab') {
        const els = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
        if (!els.length) return;
        const i = els.indexOf(document.activeElement as HTMLElement);
        if (e.shiftKey && i <= 0) {
          e.preventDefault();
          els[els.length - 1].focus();
        } else if (!e.shiftKey && (i === els.length - 1 || i === -1)) {
          e.preventDefault();
          els[0].focus();
        }
      }
    },
    [ref, onClose, onSubmit],
  );
}
