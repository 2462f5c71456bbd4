import { createDefaultWorld } from '../sim/world';
import type { AppStore } from '../store/appStore';
import { redo, undo } from '../store/instance';

/**
 * A small test API on `window.__whalewire` (STYLE.md): browser tests seed scenarios through it
 * instead of clicking through setup, and read state to assert on. Everything goes through the same
 * store actions a person's gestures use.
 */
export function installTestApi(store: AppStore): void {
  const api = {
    run: (line: string) => {
      const r = store.getState().run(line);
      return { output: r.output, exitCode: r.exitCode };
    },
    gesture: (lines: string[]) => store.getState().gesture(lines).ok,
    reset: () => {
      store.getState().loadDocument(createDefaultWorld(), {}, []);
      store.setState({ log: [], history: [], selected: null });
      store.temporal.getState().clear();
    },
    undo: () => undo(store),
    redo: () => redo(store),
    select: (nodeId: string | null) => store.getState().select(nodeId),
    /** containers with their interfaces, as the canvas shows them */
    containers: () =>
      Object.values(store.getState().world.containers).map((c) => ({
        id: c.id,
        name: c.name,
        state: c.state,
        ifaces: c.endpoints.map((ep) => ({
          network: store.getState().world.networks[ep.networkId]?.name,
          ifname: ep.ifname,
          ip: ep.ip,
        })),
      })),
    networks: () => Object.values(store.getState().world.networks).map((n) => ({ id: n.id, name: n.name })),
    log: () => store.getState().log.map((e) => (e.kind === 'cmd' ? `${e.prompt} ${e.text}` : e.text)),
    state: () => {
      const s = store.getState();
      return {
        lang: s.lang,
        theme: s.theme,
        presenter: s.presenter,
        selected: s.selected,
        pinned: s.pinned,
        history: store.temporal.getState().pastStates.length,
      };
    },
  };
  (globalThis as unknown as { __whalewire: typeof api }).__whalewire = api;
}
