import type { StateCreator } from 'zustand';
import type { Pending, Session } from '../sim/console';
import type { Trace, World } from '../sim/model';
import type { AppState } from './appStore';
import type { LogEntry } from './docSlice';
import { engine, engineReady, hostSession } from './engine';

/**
 * The console's terminals as tabs. The active tab's live state is the doc slice's `stack`,
 * `lastExit`, `pending`, `log` and `history` (what the console and the tests already read); the
 * others wait here with theirs. Switching saves one and restores the other; a tab brought back
 * whose container is gone is back on the host, with the engine's note.
 */
export interface TermTab {
  name: string;
  stack: Session['stack'];
  lastExit: number;
  pending?: Pending;
  history: string[];
  log: LogEntry[];
  /** its running tcpdump (not kept across a reload: a reload ends it, as closing a window does) */
  capture?: Session['capture'];
}

export interface TermSlice {
  tabs: TermTab[];
  activeTab: number;
  newTab: () => void;
  closeTab: (i: number) => void;
  switchTab: (i: number) => void;
  renameTab: (i: number, name: string) => void;
  /** Restores tabs saved by an earlier visit (the World comes from the autosave). */
  restoreTabs: (tabs: TermTab[], active: number) => void;
}

let noteId = 1_000_000;

function live(s: AppState): TermTab {
  const tab = s.tabs[s.activeTab];
  return {
    name: tab?.name ?? '1',
    stack: s.stack,
    lastExit: s.lastExit,
    ...(s.pending ? { pending: s.pending } : {}),
    ...(s.capture ? { capture: s.capture } : {}),
    history: s.history,
    log: s.log,
  };
}

/** The doc slice's fields for a tab, with dead container frames left (and said so). */
function load(s: AppState, tab: TermTab): Partial<AppState> {
  let stack = tab.stack;
  let log = tab.log;
  if (engineReady()) {
    const d = engine().dropDeadFrames({ world: s.world, stack });
    stack = d.session.stack;
    log = log.concat(d.notes.map((text) => ({ id: noteId++, kind: 'note' as const, text })));
  } else if (stack.some((f) => f.kind === 'container' && !s.world.containers[f.id])) stack = hostSession(s.world).stack;
  return { stack, lastExit: tab.lastExit, pending: tab.pending, capture: tab.capture, history: tab.history, log };
}

/** The smallest free number, as a new tab's name. */
function freeName(tabs: TermTab[]): string {
  for (let n = 1; ; n++) if (!tabs.some((t) => t.name === String(n))) return String(n);
}

export const createTermSlice: StateCreator<AppState, [['temporal', unknown]], [], TermSlice> = (set, get) => ({
  tabs: [{ name: '1', stack: [], lastExit: 0, history: [], log: [] }],
  activeTab: 0,
  newTab: () => {
    const s = get();
    const tabs = s.tabs.slice();
    tabs[s.activeTab] = live(s);
    const tab: TermTab = { name: freeName(tabs), stack: hostSession(s.world).stack, lastExit: 0, history: [], log: [] };
    set({ tabs: [...tabs, tab], activeTab: tabs.length, ...load(s, tab) });
  },
  closeTab: (i) => {
    const s = get();
    if (s.tabs.length <= 1 || !s.tabs[i]) return;
    const tabs = s.tabs.slice();
    tabs[s.activeTab] = live(s);
    tabs.splice(i, 1);
    const active = Math.min(i === s.activeTab ? i : s.activeTab > i ? s.activeTab - 1 : s.activeTab, tabs.length - 1);
    set({ tabs, activeTab: active, ...load(s, tabs[active]) });
  },
  switchTab: (i) => {
    const s = get();
    if (i === s.activeTab || !s.tabs[i]) return;
    const tabs = s.tabs.slice();
    tabs[s.activeTab] = live(s);
    set({ tabs, activeTab: i, ...load(s, tabs[i]) });
  },
  renameTab: (i, name) => {
    const s = get();
    const clean = name.trim().slice(0, 24);
    // names are the tabs' keys: two tabs never share one
    if (!clean || !s.tabs[i] || s.tabs.some((t, k) => k !== i && t.name === clean)) return;
    set({ tabs: s.tabs.map((t, k) => (k === i ? { ...t, name: clean } : t)) });
  },
  restoreTabs: (tabs, active) => {
    const s = get();
    if (tabs.length === 0) return;
    const at = Math.min(Math.max(0, active), tabs.length - 1);
    set({ tabs, activeTab: at, ...load(s, tabs[at]) });
  },
});

/** What a reload keeps of the tabs: names, places, `$?` and history (not the scrollback). */
export function tabsToSave(s: AppState): { tabs: Omit<TermTab, 'log'>[]; active: number } {
  const tabs = s.tabs.map((t, i) => (i === s.activeTab ? live(s) : t));
  return { tabs: tabs.map(({ log: _, capture: __, ...t }) => t), active: s.activeTab };
}

/**
 * A line's packets reach the tcpdumps of the terminals not in front (terminals.ts does the same for
 * `npm run sim`): each prints them in its own scrollback, seen when it comes to the front.
 * `clockMs`: the World's clock when the line started.
 */
export function feedOtherTabs(
  s: AppState,
  world: World,
  trace: Trace,
  clockMs: number,
): { tabs: TermTab[]; world: World } | null {
  if (!s.tabs.some((t, i) => i !== s.activeTab && t.capture)) return null;
  let w = world;
  const tabs = s.tabs.map((tab, i) => {
    if (i === s.activeTab || !tab.capture) return tab;
    const fed = engine().feedTerminal({ stack: tab.stack, capture: tab.capture }, w, trace, clockMs);
    w = fed.world;
    const { capture: _, ...rest } = tab;
    const log = fed.lines.length
      ? tab.log.concat({ id: noteId++, kind: 'out' as const, text: fed.lines.join('\n') })
      : tab.log;
    return fed.term.capture ? { ...rest, log, capture: fed.term.capture } : { ...rest, log };
  });
  return { tabs, world: w };
}
