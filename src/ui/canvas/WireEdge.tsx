import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath, Position } from '@xyflow/react';
import { memo } from 'react';
import { type FlowEdge, labelText } from './flow';

/**
 * A cable: veth pairs, bridge-to-host links and physical NICs. The label sits just outside the
 * lower end (the container's top for a veth) so labels of sibling edges never stack on each other;
 * a bridge's gateway label sits on the bridge. A container on several networks has one end per
 * cable (ends.ts): there the label may be the short one and sit `row` labels further out.
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
  const text = data?.short ? b || a : data ? labelText(data.kind, data.labels) : '';
  const below = targetY < sourceY;
  // a row further out is one label height (its own 100%) and a 2 px gap further
  const row = data?.row ?? 0;
  const outY = below ? `calc(6px + ${row * 100}% + ${row * 2}px)` : `calc(${-100 * (row + 1)}% - ${row * 2}px)`;
  // beside the lower / nearer end, outside the node it enters
  const transform =
    data?.kind === 'brhost'
      ? // the gateway address sits on top of its own bridge: every bridge's cable ends at the same
        // point of the host, so labels there would stack
        `translate(-50%, -100%) translate(${sourceX}px, ${sourceY - 4}px)`
      : targetPosition === Position.Left || targetPosition === Position.Right
        ? // a sideways cable (router ↔ internet) is short: its label sits above it, centred between
          // the two machines so it keeps clear of both
          `translate(-50%, -110%) translate(${(sourceX + targetX) / 2}px, ${targetY}px)`
        : `translate(-50%, ${outY}) translate(${targetX}px, ${below ? targetY : targetY - 6}px)`;
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
