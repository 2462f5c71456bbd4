import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';
import { engine } from './engine';

/** The file open in the editor: whose, where, and the text as last saved (or read). */
export interface OpenFile {
  /** a machine id or a container id */
  owner: string;
  /** absolute path */
  path: string;
  /** the text as read or last saved */
  text: string;
  /** the file does not exist yet: saving creates it (as nano does) */
  isNew: boolean;
  /** who opened it: closing gives the keyboard back to the console, or to the Inspector */
  from: 'console' | 'inspector';
}

export interface EditorSlice {
  editor: OpenFile | null;
  /** Opens a file of a machine or container; returns the engine's refusal (a directory…) or null. */
  openEditor: (owner: string, path: string, from: OpenFile['from']) => string | null;
  closeEditor: () => void;
  /**
   * Writes the editor's text into the World's files (one undo step), with a final newline as nano
   * and vi add. Returns the number of lines written, or the refusal in nano's words.
   */
  saveEditor: (text: string) => { lines: number } | { error: string };
}

/** What nano and vi write: the text with a final newline. */
export function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

export const createEditorSlice: StateCreator<AppState, [['temporal', unknown]], [], EditorSlice> = (set, get) => ({
  editor: null,
  openEditor: (owner, path, from) => {
    const r = engine().openForEdit(get().world, owner, path);
    if ('error' in r) return r.error;
    set({ editor: { owner, path, text: r.text, isNew: r.isNew, from } });
    return null;
  },
  closeEditor: () => set({ editor: null }),
  saveEditor: (text) => {
    const s = get();
    const ed = s.editor;
    if (!ed) return { error: 'no file is open' };
    const body = withFinalNewline(text);
    const r = engine().saveEdited(s.world, ed.owner, ed.path, body);
    if (r.error) return { error: r.error };
    // the recipe is console lines; a file saved in the editor is none, so links carry the World itself
    set({ world: r.world, recipe: r.world === s.world ? s.recipe : null, editor: { ...ed, text: body, isNew: false } });
    return { lines: body === '' ? 0 : body.split('\n').length - 1 };
  },
});
