import { type ReactFlowInstance, useReactFlow } from '@xyflow/react';
import { type RefObject, useLayoutEffect } from 'react';
import type { FlowNode } from './flow';

/**
 * Puts React Flow's instance into `into`. Mount it inside <ReactFlow>: `useReactFlow()` hands back a
 * new object once the viewport is ready, which re-rendered whatever called it (the whole canvas,
 * just after its first picture); only this empty component renders again now (issue 11).
 */
export function FlowHandle({ into }: { into: RefObject<ReactFlowInstance<FlowNode> | null> }) {
  const rf = useReactFlow<FlowNode>();
  useLayoutEffect(() => {
    into.current = rf;
  }, [into, rf]);
  return null;
}
