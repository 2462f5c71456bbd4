import { useEffect } from 'react';
import { appStore, redo, undo } from '../store/instance';
import { deleteSelected, openAddContainer } from './actions';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

/**
 * Keyboard: Delete removes the selection, Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes,
 * P toggles presenter mode, N adds a container, F fits the view, M opens who-can-talk-to-whom, ` focuses the console, Shift+F10
 * or the menu key opens the context menu for the selection, Escape closes menus.
 * Keys typed into a field belong to the field.
 */
export function useShortcuts(onFit: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = appStore().getState();
      if (e.isComposing) return; // an IME (Korean) composition owns its keys
      if (e.key === 'Escape') {
        s.openMenu(null);
        if (s.dialog) s.openDialog(null);
        return;
      }
      if (typing(e.target) || s.dialog) return;
      if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
        // the context menu from the keyboard, at the selected node (or the canvas's corner)
        e.preventDefault();
        const el = s.selected
          ? document.querySelector(`.react-flow__node[data-id="${CSS.escape(s.selected)}"]`)
          : document.querySelector('[data-testid="canvas"]');
        const r = el?.getBoundingClientRect();
        s.openMenu({ x: (r?.left ?? 0) + 24, y: (r?.top ?? 0) + 24, node: s.selected });
        return;
      }
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === 'z') {
        e.preventDefault();
        if (e.shiftKey) redo();
        else undo();
      } else if (mod && k === 'y') {
        e.preventDefault();
        redo();
      } else if (mod || e.altKey) {
        return;
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        deleteSelected();
      } else if (k === 'p') {
        s.togglePresenter();
      } else if (k === 'n') {
        e.preventDefault();
        openAddContainer();
      } else if (k === 'f') {
        onFit();
      } else if (k === 'm') {
        // who can talk to whom (and challenges): the way in when presenter mode hides the toolbar
        s.openDialog({ kind: 'matrix' });
      } else if (e.key === '`') {
        e.preventDefault();
        window.dispatchEvent(new Event('whalewire:focus-console'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onFit]);
}
