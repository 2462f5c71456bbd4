import type { StateCreator } from 'zustand';
import type { Refusal } from '../io/zodRefusal';
import type { AppState } from './appStore';
import type { XY } from './docSlice';

export type Theme = 'light' | 'dark';
export type Lang = 'en' | 'ko';

/** A message the app shows above the canvas until dismissed. */
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  /** i18n key */
  key: string;
  params?: Record<string, string>;
  /** the field a refused save, file or link is refused for: shown in the reader's language */
  refusal?: Refusal;
  /** an unreadable save kept aside: offered for download */
  keptAside?: { storageKey: string | null; text: string; file?: string };
  /** another tab saved newer work: offer Load theirs / Keep mine (src/store/tabConflict.ts) */
  tabConflict?: boolean;
}

/** Which dialog is open, with what it was opened for. */
export type Dialog =
  | { kind: 'addContainer'; network?: string }
  | { kind: 'addNetwork' }
  | { kind: 'rename'; container: string }
  | { kind: 'publish'; container: string }
  | { kind: 'project' }
  | { kind: 'importDocker' }
  | { kind: 'matrix' }
  | { kind: 'challenges' }
  | null;

/** The context menu: at a screen point, for a node (or the empty canvas). */
export interface ContextMenu {
  x: number;
  y: number;
  node: string | null;
}

/** View state: never part of the undo history, saved as preferences where it says so. */
export interface UiSlice {
  theme: Theme;
  lang: Lang;
  presenter: boolean;
  /** larger canvas type for big rooms: raises the on-screen floor of canvas text (readability.ts) */
  largeLabels: boolean;
  /** the Inspector is shown; closed, the canvas takes its width */
  inspectorOpen: boolean;
  /** the dock's height in CSS px as a person dragged it (panelSizes.ts clamps it); null = the layout's default */
  dockHeight: number | null;
  /** the Inspector's width in CSS px as a person dragged it; null = the layout's default */
  inspectorWidth: number | null;
  /** selected canvas node id */
  selected: string | null;
  notices: Notice[];
  dialog: Dialog;
  menu: ContextMenu | null;
  /** a node being dragged: its live position, so the drag itself writes no history */
  dragging: { id: string; pos: XY } | null;
  /** the engine has loaded: console lines and gestures can run */
  ready: boolean;
  /** network ids the canvas leaves out to declutter (a view choice: never in the World) */
  hiddenNetworks: string[];
  setTheme: (t: Theme) => void;
  setLang: (l: Lang) => void;
  togglePresenter: () => void;
  setLargeLabels: (on: boolean) => void;
  setInspectorOpen: (open: boolean) => void;
  setPanelSize: (size: { dockHeight?: number | null; inspectorWidth?: number | null }) => void;
  select: (id: string | null) => void;
  notify: (n: Omit<Notice, 'id'>) => void;
  dismiss: (id: number) => void;
  openDialog: (d: Dialog) => void;
  openMenu: (m: ContextMenu | null) => void;
  setDragging: (d: { id: string; pos: XY } | null) => void;
  /** hide or show one network on the canvas; `null` shows them all */
  setNetworkHidden: (id: string | null, hidden?: boolean) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [['temporal', unknown]], [], UiSlice> = (set, get) => ({
  theme: 'light',
  lang: 'en',
  presenter: false,
  largeLabels: false,
  inspectorOpen: true,
  dockHeight: null,
  inspectorWidth: null,
  selected: null,
  notices: [],
  dialog: null,
  menu: null,
  dragging: null,
  ready: false,
  hiddenNetworks: [],
  setTheme: (theme) => set({ theme }),
  setLang: (lang) => set({ lang }),
  togglePresenter: () => set({ presenter: !get().presenter }),
  setLargeLabels: (largeLabels) => set({ largeLabels }),
  setInspectorOpen: (inspectorOpen) => set({ inspectorOpen }),
  setPanelSize: (size) => set(size),
  select: (selected) => set({ selected }),
  // a newer message of the same kind replaces the older one, so refused drops do not pile up over
  // the canvas; a kept-aside save is never replaced (its download button is the only way back)
  notify: (n) => {
    const kept = get().notices.filter((o) => o.keptAside || o.key !== n.key);
    set({ notices: [...kept, { ...n, id: nextNoticeId++ }] });
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  openDialog: (dialog) => set({ dialog, menu: null }),
  openMenu: (menu) => set({ menu }),
  setDragging: (dragging) => set({ dragging }),
  setNetworkHidden: (id, hidden = true) => {
    const rest = id === null ? [] : get().hiddenNetworks.filter((x) => x !== id);
    set({ hiddenNetworks: id !== null && hidden ? [...rest, id] : rest });
  },
});
