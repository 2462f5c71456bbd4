import type { StateCreator } from 'zustand';
import type { Trace, World } from '../sim/model';
import { ALL_PROTOCOLS, nextVisible, type ProtoFilters, prevVisible } from '../sim/playback/filters';
import { asksBefore, nextPhaseStep, phaseFirstShown, prevPhaseStep } from '../sim/playback/phaseNav';
import { type PhaseKind, phaseIndexAt, phasesOf } from '../sim/playback/phases';
import { predictAnswer } from '../sim/playback/predict';
import type { ProtoCategory } from '../sim/playback/protocol';

/** Playback speeds offered, as multiples of the normal pace. */
export const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 4] as const;

/** One answer a class gave in predict mode. */
export interface PredictRecord {
  command: string;
  /** 'arrives' or the node id where they think the packet stops */
  answer: string;
  /** what actually happened, same encoding */
  actual: string;
  correct: boolean;
}

/**
 * Predict mode: 'ask' holds playback until the class answers; 'watching' plays with their answer
 * shown; 'revealed' (once playback reaches the last shown step) says right or wrong.
 */
export interface PredictState {
  enabled: boolean;
  phase: 'off' | 'ask' | 'watching' | 'revealed';
  answer: string | null;
  correct: boolean | null;
  /** every answer given this session, oldest first */
  history: PredictRecord[];
  /** 'trace': "where does it stop?" before playing; 'phases': "what happens next?" before each phase that asks (phaseNav.ts) */
  scope?: 'trace' | 'phases';
  /** the "what happens next?" question of scope 'phases': asked (answer null, playback held) or answered */
  next?: PhaseQuestion | null;
}

/** Predict mode's question about the phase to come: `phase` indexes the trace's phases. */
export interface PhaseQuestion {
  phase: number;
  answer: PhaseKind | null;
  correct: boolean | null;
}

/**
 * Packet playback (issue 4). Owned by the simulation-mode work; the main store spreads this slice in.
 * Playback never enters the undo history.
 */
/** The World just before the command that produced the loaded trace, and the one it left. */
export interface TraceWorlds {
  before: World;
  after: World;
}

export interface PlaybackSlice {
  trace: Trace | null;
  /** where the loaded trace came from, so the Inspector can show its tables at the current step */
  traceWorlds: TraceWorlds | null;
  /** index of the current step, -1 before the first */
  cursor: number;
  /** bumps on every cursor move, so re-selecting the same step replays its animation */
  epoch: number;
  playing: boolean;
  /** 0.25 … 4, one of SPEEDS */
  speed: number;
  /** protocols shown in the event list and stepped through */
  filters: ProtoFilters;
  predict: PredictState;
  /** `worlds`: the World before and after the command, when the trace comes from one */
  loadTrace: (trace: Trace | null, worlds?: TraceWorlds) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  stepForward: () => void;
  stepBack: () => void;
  restart: () => void;
  /** jump to the last shown step and pause (End; predict mode's "show the answer now") */
  toEnd: () => void;
  /** jump to step `index` (the event list) and pause */
  jumpTo: (index: number) => void;
  /** the animation's "this step is done": next visible step, pausing at the end */
  advance: () => void;
  setSpeed: (speed: number) => void;
  toggleFilter: (category: ProtoCategory) => void;
  setPredictMode: (enabled: boolean) => void;
  /** take the class's answer and play from the start; right or wrong shows when it reaches the end */
  answerPredict: (answer: string) => void;
  /** while playing one phase as a unit (playPhase): the step it pauses after */
  phaseEnd: number | null;
  /** to the first shown step of the next phase, paused (PageDown, Shift+→) */
  nextPhase: () => void;
  /** to the start of this phase, or of the one before when already there (PageUp, Shift+←) */
  prevPhase: () => void;
  /** play phase `index` (of phasesOf(trace)) from its start and pause at its end */
  playPhase: (index: number) => void;
  /** ask where the packet stops ('trace'), or what happens next before each phase ('phases') */
  setPredictScope: (scope: 'trace' | 'phases') => void;
  /** answer "what happens next?" and play on */
  answerNext: (kind: PhaseKind) => void;
}

const PREDICT_OFF: PredictState = { enabled: false, phase: 'off', answer: null, correct: null, history: [] };

export const createPlaybackSlice: StateCreator<PlaybackSlice, [], [], PlaybackSlice> = (set, get) => {
  /** Moves the cursor (bumping the epoch) unless predict mode is still waiting for an answer. */
  const move = (cursor: number, playing: boolean, phaseEnd: number | null = null) => {
    if (get().predict.phase === 'ask') return;
    set((s) => ({
      cursor,
      playing,
      phaseEnd,
      epoch: s.epoch + 1,
      // a question nobody answered goes when the teacher moves on themselves
      predict: s.predict.next && s.predict.next.answer === null ? { ...s.predict, next: null } : s.predict,
    }));
    revealAtEnd();
  };
  /** Scope 'phases' asks before the whole trace plays, never up front. */
  const asksFirst = (p: PredictState) => p.enabled && p.scope !== 'phases';
  /** While the class watches their answer play out: the reveal (and the tally) once no step is left. */
  const revealAtEnd = () => {
    const { trace, cursor, filters, predict } = get();
    if (!trace || predict.phase !== 'watching' || predict.answer === null || cursor < 0) return;
    if (nextVisible(trace.steps, cursor, filters) !== -1) return;
    const actual = predictAnswer(trace);
    const correct = actual === predict.answer;
    set({
      predict: {
        ...predict,
        phase: 'revealed',
        correct,
        history: [...predict.history, { command: trace.command, answer: predict.answer, actual, correct }],
      },
    });
  };
  const first = () => {
    const { trace, filters } = get();
    return trace ? nextVisible(trace.steps, -1, filters) : -1;
  };

  return {
    trace: null,
    traceWorlds: null,
    cursor: -1,
    epoch: 0,
    playing: false,
    speed: 1,
    filters: ALL_PROTOCOLS,
    predict: PREDICT_OFF,
    phaseEnd: null,

    loadTrace: (trace, worlds) =>
      set((s) => {
        const asking = asksFirst(s.predict) && trace !== null && trace.steps.length > 0;
        return {
          trace,
          traceWorlds: trace && worlds ? worlds : null,
          cursor: trace && !asking ? Math.max(0, nextVisible(trace.steps, -1, s.filters)) : -1,
          playing: false,
          phaseEnd: null,
          epoch: s.epoch + 1,
          predict: {
            ...s.predict,
            phase: asking ? 'ask' : asksFirst(s.predict) ? 'revealed' : 'off',
            answer: null,
            correct: null,
            next: null,
          },
        };
      }),

    play: () => {
      const { trace, cursor, filters } = get();
      if (!trace) return;
      // at the end, play means "again from the top"
      if (nextVisible(trace.steps, cursor, filters) === -1) move(first(), true);
      else if (get().predict.phase !== 'ask') set({ playing: true });
    },
    pause: () => set({ playing: false, phaseEnd: null }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),

    stepForward: () => {
      const { trace, cursor, filters } = get();
      if (!trace) return;
      const next = nextVisible(trace.steps, cursor, filters);
      if (next !== -1) move(next, false);
    },
    stepBack: () => {
      const { trace, cursor, filters } = get();
      if (!trace) return;
      const prev = prevVisible(trace.steps, cursor, filters);
      if (prev !== -1) move(prev, false);
    },
    restart: () => {
      if (get().trace) move(first(), false);
    },
    toEnd: () => {
      const { trace, filters } = get();
      if (!trace) return;
      const last = prevVisible(trace.steps, trace.steps.length, filters);
      if (last !== -1) move(last, false);
    },
    jumpTo: (index) => {
      const { trace } = get();
      if (trace && index >= 0 && index < trace.steps.length) move(index, false);
    },
    advance: () => {
      const { trace, cursor, filters, playing, phaseEnd, predict } = get();
      if (!trace || !playing) return;
      const next = nextVisible(trace.steps, cursor, filters);
      if (next === -1 || (phaseEnd !== null && next > phaseEnd)) {
        set({ playing: false, phaseEnd: null });
        return;
      }
      const phases = phasesOf(trace);
      const k = phaseIndexAt(phases, next);
      if (
        predict.enabled &&
        predict.scope === 'phases' &&
        k !== phaseIndexAt(phases, cursor) &&
        asksBefore(phases, k)
      ) {
        set({ playing: false, predict: { ...predict, next: { phase: k, answer: null, correct: null } } });
        return;
      }
      move(next, true, phaseEnd);
    },

    setSpeed: (speed) => set({ speed: Math.min(4, Math.max(0.25, speed)) }),

    toggleFilter: (category) => {
      set((s) => {
        const filters = { ...s.filters, [category]: !s.filters[category] };
        // the cursor leaves a step that is now hidden: on to the next shown one, else back
        if (!s.trace || s.cursor < 0 || filters[category] || !s.trace.steps[s.cursor]) return { filters };
        const steps = s.trace.steps;
        const still = nextVisible(steps, s.cursor - 1, filters);
        const cursor = still !== -1 ? still : prevVisible(steps, s.cursor, filters);
        return cursor === s.cursor ? { filters } : { filters, cursor, epoch: s.epoch + 1 };
      });
      // hiding the steps after the cursor leaves it at the end
      revealAtEnd();
    },

    setPredictMode: (enabled) =>
      set((s) => {
        const asking = asksFirst({ ...s.predict, enabled }) && s.trace !== null && s.trace.steps.length > 0;
        return {
          predict: { ...s.predict, enabled, phase: asking ? 'ask' : 'off', answer: null, correct: null, next: null },
          cursor: asking ? -1 : s.cursor === -1 && s.trace ? Math.max(0, first()) : s.cursor,
          playing: false,
          epoch: s.epoch + 1,
        };
      }),

    answerPredict: (answer) => {
      const { trace, predict } = get();
      if (!trace || predict.phase !== 'ask') return;
      set({ predict: { ...predict, phase: 'watching', answer, correct: null } });
      move(first(), true);
    },

    nextPhase: () => {
      const { trace, cursor, filters } = get();
      if (!trace) return;
      const to = nextPhaseStep(trace.steps, phasesOf(trace), cursor, filters);
      if (to !== -1) move(to, false);
    },
    prevPhase: () => {
      const { trace, cursor, filters } = get();
      if (!trace) return;
      const to = prevPhaseStep(trace.steps, phasesOf(trace), cursor, filters);
      if (to !== -1) move(to, false);
    },
    playPhase: (index) => {
      const { trace, filters } = get();
      if (!trace) return;
      const phases = phasesOf(trace);
      const from = phaseFirstShown(trace.steps, phases, index, filters);
      if (from !== -1) move(from, true, phases[index].end);
    },

    setPredictScope: (scope) => {
      set((s) => ({ predict: { ...s.predict, scope } }));
      get().setPredictMode(get().predict.enabled);
    },
    answerNext: (kind) => {
      const { trace, predict, filters } = get();
      const q = predict.next;
      if (!trace || !q || q.answer !== null) return;
      const phase = phasesOf(trace)[q.phase];
      const correct = phase.kind === kind;
      const record = { command: `${trace.command} #${q.phase + 1}`, answer: kind, actual: phase.kind, correct };
      set({ predict: { ...predict, next: { ...q, answer: kind, correct }, history: [...predict.history, record] } });
      const from = phaseFirstShown(trace.steps, phasesOf(trace), q.phase, filters);
      if (from === -1) return;
      // the answered question stays on screen while its phase plays
      set((s) => ({ cursor: from, playing: true, epoch: s.epoch + 1 }));
    },
  };
};
