import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath, Position } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from './flow';

/**
 * A cable: veth pairs, bridge-to-host links and physical NICs. The label sits just outside the
 * lower end (the container's top for a veth) so labels of sibling edges never stack on each other;
 * a bridge's gateway label sits on the bridge.
 */
export const WireEdge = memo(function WireEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  if (data?.kind === 'vxlan') return <TunnelEdge {...props} />;
  const [path] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 10,
    // a veth runs across just under its bridge and then drops to its container: with a second row
    // of containers, the run stays above the first row instead of behind its cards
    ...(data?.kind === 'veth' && sourcePosition === Position.Bottom && targetY > sourceY + 20
      ? { centerY: sourceY + Math.min(16, (targetY - sourceY) / 2) }
      : {}),
  });
  const [a, b] = data?.labels ?? ['', ''];
  const text = data?.kind === 'veth' ? `${b} ↔ ${a}` : [a, b].filter(Boolean).join(' ↔ ');
  const below = targetY < sourceY;
  // beside the lower / nearer end, outside the node it enters
  const transform =
    data?.kind === 'brhost'
      ? // the gateway address sits on top of its own bridge: every bridge's cable ends at the same
        // point of the host, so labels there would stack
        `translate(-50%, -100%) translate(${sourceX}px, ${sourceY - 4}px)`
      : targetPosition === Position.Left
        ? `translate(-100%, -110%) translate(${targetX - 6}px, ${targetY}px)`
        : targetPosition === Position.Right
          ? `translate(0, -110%) translate(${targetX + 6}px, ${targetY}px)`
          : `translate(-50%, ${below ? '6px' : '-100%'}) translate(${targetX}px, ${below ? targetY : targetY - 6}px)`;
  return (
    <>
      <BaseEdge id={id} path={path} className={`wire-path wire-${data?.kind ?? 'iface'}`} />
      {text && (
        <EdgeLabelRenderer>
          <div className={`edge-label edge-${data?.kind}`} data-testid={`edge-label-${id}`} style={{ transform }}>
            {text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/**
 * An overlay's VXLAN tunnel between its cards on two hosts: up from one card's top, along a run in
 * the band under the host headers (one run per overlay, `lane`), down onto the next card. Its label
 * (the VNI) sits on the run, halfway.
 */
function TunnelEdge({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<FlowEdge>) {
  const runY = Math.min(sourceY, targetY) - 10 - 9 * (data?.lane ?? 0);
  const r = 6;
  const dir = targetX >= sourceX ? 1 : -1;
  const path = [
    `M ${sourceX} ${sourceY}`,
    `L ${sourceX} ${runY + r}`,
    `Q ${sourceX} ${runY} ${sourceX + dir * r} ${runY}`,
    `L ${targetX - dir * r} ${runY}`,
    `Q ${targetX} ${runY} ${targetX} ${runY + r}`,
    `L ${targetX} ${targetY}`,
  ].join(' ');
  const text = data?.labels[1] ?? '';
  return (
    <>
      <BaseEdge id={id} path={path} className="wire-path wire-vxlan" />
      {text && (
        <EdgeLabelRenderer>
          <div
            className="edge-label edge-vxlan"
            data-testid={`edge-label-${id}`}
            style={{ transform: `translate(-50%, -50%) translate(${(sourceX + targetX) / 2}px, ${runY}px)` }}
          >
            {text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const edgeTypes = { wire: WireEdge };
