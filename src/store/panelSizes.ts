/**
 * The limits of the panels a person resizes: the dock (console and simulation) and the Inspector.
 * One place, so the splitters, the saved preference and a restored value agree.
 */
export const DOCK_MIN = 140;
export const INSPECTOR_MIN = 220;
/** how far one arrow key press moves a splitter */
export const SPLITTER_STEP = 24;

/** The dock may not take more than this share of the window: the canvas keeps the rest. */
export function dockMax(viewportHeight: number): number {
  return Math.max(DOCK_MIN, Math.round(viewportHeight * 0.7));
}

export function inspectorMax(viewportWidth: number): number {
  return Math.max(INSPECTOR_MIN, Math.round(viewportWidth * 0.5));
}

/** A size inside [min, max], whole pixels; a value that is not a finite number gives null (the default). */
export function clampSize(value: number, min: number, max: number): number | null {
  if (!Number.isFinite(value)) return null;
  return Math.round(Math.min(max, Math.max(min, value)));
}
