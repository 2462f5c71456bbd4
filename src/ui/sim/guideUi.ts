import { createStore, useStore } from 'zustand';

/** What the class did at one step: the choice picked and the choices the trace proved; a checkpoint's result. */
export interface StepRecord {
  picked?: string;
  proven?: string[];
  /** the trace of the answer was played to its end, so the verdict stays shown */
  revealed?: boolean;
  checked?: boolean;
}

/**
 * Where the class is in the loaded lesson's narrated steps. View state like lessonUi: never saved,
 * never undone; it starts over when another lesson is loaded.
 */
export interface GuideUi {
  sceneId: string | null;
  index: number;
  records: Record<string, StepRecord>;
  /** go to a step of `sceneId`, starting the lesson over if it is another one */
  goto: (sceneId: string, index: number) => void;
  /** what happened at a step of `sceneId` (a record for another lesson starts this one over) */
  record: (sceneId: string, stepId: string, patch: StepRecord) => void;
}

export const guideUi = createStore<GuideUi>()((set) => ({
  sceneId: null,
  index: 0,
  records: {},
  goto: (sceneId, index) => set((s) => (s.sceneId === sceneId ? { index } : { sceneId, index, records: {} })),
  record: (sceneId, stepId, patch) =>
    set((s) =>
      s.sceneId === sceneId
        ? { records: { ...s.records, [stepId]: { ...s.records[stepId], ...patch } } }
        : { sceneId, index: 0, records: { [stepId]: patch } },
    ),
}));

export function useGuideUi<T>(selector: (s: GuideUi) => T): T {
  return useStore(guideUi, selector);
}
