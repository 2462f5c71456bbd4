import { createStore, useStore } from 'zustand';
import type { SendSpec } from './sendPacket';

/**
 * View state of the "Send a packet…" form and the lesson picker. It lives outside the app store
 * (never saved, never undone) and outside the components, because the panel swaps its empty state
 * for the trace view when a packet is sent and the form must keep what was chosen.
 */
export interface LessonUi {
  sendOpen: boolean;
  spec: SendSpec;
  /** picking on the canvas: the next node clicked fills this field */
  pick: 'off' | 'source' | 'target';
  lessonsOpen: boolean;
  /** the scene whose suggested packets are offered */
  lessonId: string | null;
  /** a scene waiting for "Replace" because the World holds the person's work */
  confirmId: string | null;
  /** the last thing loaded or sent, announced politely */
  status: string;
  /** the status is about a lesson load, which the Undo button beside it takes back */
  canUndo: boolean;
  set: (patch: Partial<Omit<LessonUi, 'set' | 'setSpec'>>) => void;
  setSpec: (patch: Partial<SendSpec>) => void;
}

export const lessonUi = createStore<LessonUi>()((set) => ({
  sendOpen: false,
  spec: { source: '', target: '', kind: 'ping', port: 80 },
  pick: 'off',
  lessonsOpen: false,
  lessonId: null,
  confirmId: null,
  status: '',
  canUndo: false,
  set: (patch) => set(patch),
  setSpec: (patch) => set((s) => ({ spec: { ...s.spec, ...patch } })),
}));

/** Subscribes a component to the form and picker state (select primitives or stable references). */
export function useLessonUi<T>(selector: (s: LessonUi) => T): T {
  return useStore(lessonUi, selector);
}
