import { type ReactFlowState, useStoreApi } from '@xyflow/react';
import { useLayoutEffect } from 'react';
import type { FlowNode } from './flow';

type UpdateNodeInternals = ReactFlowState<FlowNode>['updateNodeInternals'];

/** The store's own measuring function, kept so it can be put back. */
const ORIGINAL = Symbol('updateNodeInternals');

/**
 * React Flow watches every node with a ResizeObserver, which reports each element once as soon as
 * it is observed; React Flow then measures the node again (`force`): its box and every handle read
 * from the page, each node replaced in its store and every node and cable rendered again, in the
 * frame of the first picture. The canvas hands React Flow each card's size and handles (flow.ts),
 * so a report of the size React Flow already holds changes nothing and is dropped here; a node
 * whose size did change (or that has no handles yet) is measured as before (issue 11).
 *
 * Installed before React Flow mounts (Canvas mounts it only after its first layout effect): its
 * observer keeps the function it found at mount.
 */
export function useKnownSizes(): void {
  const store = useStoreApi<FlowNode>();
  useLayoutEffect(() => {
    const current = store.getState().updateNodeInternals as UpdateNodeInternals & { [ORIGINAL]?: UpdateNodeInternals };
    const original = current[ORIGINAL] ?? current;
    const known: UpdateNodeInternals = (updates, ...rest) => {
      const { nodeLookup } = store.getState();
      let changed = updates;
      for (const [id, u] of updates) {
        const n = nodeLookup.get(id);
        const el = u.nodeElement;
        if (
          n &&
          !n.hidden &&
          n.internals.handleBounds &&
          el.offsetWidth === n.measured.width &&
          el.offsetHeight === n.measured.height
        ) {
          if (changed === updates) changed = new Map(updates);
          changed.delete(id);
        }
      }
      if (changed.size) original(changed, ...rest);
    };
    store.setState({ updateNodeInternals: Object.assign(known, { [ORIGINAL]: original }) });
    return () => store.setState({ updateNodeInternals: original });
  }, [store]);
}
