import type { AppStore } from './appStore';
import { type KeyValue, safeGet, safeSet } from './persist';

/** Where the room's display choice lives: a setting of this browser, not part of a project or a share link. */
export const LARGE_LABELS_KEY = 'whalewire.largeLabels';
/** Networks hidden on the canvas (their ids): a view choice of this browser, never in the World. */
export const HIDDEN_NETWORKS_KEY = 'whalewire.hiddenNetworks';
/** The panels as a person left them: Inspector shown or closed, the dock's height and the Inspector's width. */
export const PANELS_KEY = 'whalewire.panels';

interface SavedPanels {
  inspectorOpen?: boolean;
  dockHeight?: number | null;
  inspectorWidth?: number | null;
}

function readPanels(text: string | null): SavedPanels {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object') return {};
    const o = v as Record<string, unknown>;
    const size = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? Math.round(x) : null);
    return {
      inspectorOpen: typeof o.inspectorOpen === 'boolean' ? o.inspectorOpen : undefined,
      dockHeight: size(o.dockHeight),
      inspectorWidth: size(o.inspectorWidth),
    };
  } catch {
    return {};
  }
}

/** A saved list of network ids; anything else reads as none. */
function readIds(text: string | null): string[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x)) : [];
  } catch {
    return [];
  }
}

/**
 * Restores "larger labels" and the panels, and writes them back whenever they change (storage
 * failures and unreadable values change nothing: the defaults stay).
 */
export function keepViewPrefs(store: AppStore, storage: KeyValue | null): () => void {
  const st = store.getState();
  if (safeGet(storage, LARGE_LABELS_KEY) === '1') st.setLargeLabels(true);
  const panels = readPanels(safeGet(storage, PANELS_KEY));
  if (panels.inspectorOpen !== undefined) st.setInspectorOpen(panels.inspectorOpen);
  st.setPanelSize({ dockHeight: panels.dockHeight ?? null, inspectorWidth: panels.inspectorWidth ?? null });
  for (const id of readIds(safeGet(storage, HIDDEN_NETWORKS_KEY))) st.setNetworkHidden(id, true);
  return store.subscribe((now, prev) => {
    if (now.hiddenNetworks !== prev.hiddenNetworks)
      safeSet(storage, HIDDEN_NETWORKS_KEY, JSON.stringify(now.hiddenNetworks));
    if (now.largeLabels !== prev.largeLabels) safeSet(storage, LARGE_LABELS_KEY, now.largeLabels ? '1' : '0');
    if (
      now.inspectorOpen !== prev.inspectorOpen ||
      now.dockHeight !== prev.dockHeight ||
      now.inspectorWidth !== prev.inspectorWidth
    ) {
      const saved: SavedPanels = {
        inspectorOpen: now.inspectorOpen,
        dockHeight: now.dockHeight,
        inspectorWidth: now.inspectorWidth,
      };
      safeSet(storage, PANELS_KEY, JSON.stringify(saved));
    }
  });
}
