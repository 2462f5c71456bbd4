import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
  useStore as useFlowStore,
  type Viewport,
} from '@xyflow/react';
import {
  type CSSProperties,
  lazy,
  type MouseEvent as ReactMouseEvent,
  Suspense,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from '../../i18n/translate';
import { DOCKER_HOST } from '../../sim/ids';
import type { World } from '../../sim/model';
import { cardNetwork, type Graph } from '../../store/graph';
import { appStore, useApp } from '../../store/instance';
import { FlowHandle } from './FlowHandle';
import { fittedViewport, MAX_ZOOM, MIN_ZOOM, zoomToHost } from './fit';
import { createFlowSelector, type FlowNode } from './flow';
import { dropCommands, nearestAttachedNetwork } from './gestures';
import { hostIds, type Layout, layoutGraph } from './layout';
import { metricsFor } from './metrics';
import { nodeTypes } from './nodes';
import { floorPx, readability } from './readability';
import './readability.css';
import { boundsOf, fitOptions, Overview } from './Overview';
import { useAutoFit } from './useAutoFit';
import { useGraph } from './useGraph';
import { useKnownSizes } from './useKnownSizes';
import { edgeTypes } from './WireEdge';

// Neither is on the default world's first picture: the packet layer draws only a playing trace, and
// the hosts overview only a world zoomed out past all text (a swarm). Loaded lazily, they and the
// address math the overview reads (ip-num) stay out of the first download (issue 11).
const PacketLayer = lazy(() => import('../sim/PacketLayer').then((m) => ({ default: m.PacketLayer })));
const HostsOverview = lazy(() => import('./HostsOverview').then((m) => ({ default: m.HostsOverview })));

/** A node's box in flow coordinates (children are laid out relative to their parent). */
function boxOf(layout: Layout, n: Graph['nodes'][number]) {
  const b = layout[n.id];
  if (!b) return null;
  const p = n.parentId ? layout[n.parentId] : undefined;
  return { x: b.x + (p?.x ?? 0), y: b.y + (p?.y ?? 0), w: b.w, h: b.h };
}

function absBox(graph: Graph, layout: Layout, id: string) {
  const n = graph.nodes.find((x) => x.id === id);
  return n ? boxOf(layout, n) : null;
}

/** Whether `pt` lies on a machine or segment node (the world outside the Docker host). */
function machineAt(graph: Graph, layout: Layout, pt: { x: number; y: number }): boolean {
  return graph.nodes.some((n) => {
    if (n.data.kind !== 'machine' && n.data.kind !== 'segment') return false;
    const b = boxOf(layout, n);
    return !!b && pt.x >= b.x && pt.x <= b.x + b.w && pt.y >= b.y && pt.y <= b.y + b.h;
  });
}

/**
 * The network node a drop at `pt` means: a network's box (with a little slack), or a card of a
 * container that sits on exactly one network, since the cards under a bridge read as part of it.
 */
function networkAt(
  graph: Graph,
  layout: Layout,
  pt: { x: number; y: number },
  world: World,
  dragged: string | null = null,
): string | null {
  for (const n of graph.nodes) {
    if (n.data.kind !== 'network') continue;
    const b = boxOf(layout, n);
    if (b && pt.x >= b.x - 12 && pt.x <= b.x + b.w + 12 && pt.y >= b.y - 12 && pt.y <= b.y + b.h + 12) return n.id;
  }
  for (const n of graph.nodes) {
    if (n.data.kind !== 'container' || n.id === dragged) continue;
    const eps = world.containers[n.data.containerId]?.endpoints ?? [];
    const b = boxOf(layout, n);
    if (eps.length === 1 && b && pt.x >= b.x && pt.x <= b.x + b.w && pt.y >= b.y && pt.y <= b.y + b.h)
      return `net:${eps[0].networkId}`;
  }
  return null;
}

/**
 * The live graph. Nodes and edges are derived from the World (useGraph) and laid out
 * deterministically; only positions and selection flow back, and a container drop becomes the
 * docker commands it stands for.
 */
export function Canvas({ onReady }: { onReady?: (rf: ReactFlowInstance<FlowNode>) => void }) {
  const { t } = useTranslation();
  const graph = useGraph();
  const pinned = useApp((s) => s.pinned);
  const selected = useApp((s) => s.selected);
  const dragging = useApp((s) => s.dragging);
  const theme = useApp((s) => s.theme);
  const presenter = useApp((s) => s.presenter);
  const metrics = metricsFor(presenter);
  const largeLabels = useApp((s) => s.largeLabels);
  // a trace needs the engine, which arrives after the first picture: so does the layer that plays it
  const engineReady = useApp((s) => s.ready);
  const floor = floorPx(presenter, largeLabels);
  // a string, so the canvas re-renders when the level or size changes, not on every zoom frame
  const lod = useFlowStore(
    useCallback(
      (s) => {
        const r = readability(s.transform[2], metrics.font, floor);
        return `${r.detail} ${r.em}`;
      },
      [metrics.font, floor],
    ),
  );
  const [detail, lodEm] = lod.split(' ');
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  /** while a container is dragged: the docker lines its drop would run, or a word on what drops do */
  const [hint, setHint] = useState<string[] | 'help' | 'nothing' | null>(null);
  const layout = useMemo(() => layoutGraph(graph, pinned, metrics), [graph, pinned, metrics]);
  const bounds = useMemo(
    () =>
      boundsOf(
        layout,
        graph.nodes.filter((n) => !n.parentId).map((n) => n.id),
      ),
    [graph, layout],
  );
  const toFlow = useMemo(() => createFlowSelector(), []);
  const view = useMemo(
    () => toFlow(graph, layout, { selected, dragging, dropTarget, hostHeader: metrics.hostHeader, font: metrics.font }),
    [toFlow, graph, layout, selected, dragging, dropTarget, metrics],
  );
  // React Flow's instance, read when a gesture needs it: a hook that subscribes would re-render the
  // canvas once React Flow's viewport is ready (FlowHandle)
  const rf = useRef<ReactFlowInstance<FlowNode> | null>(null);
  useAutoFit(rf);
  useKnownSizes();
  // React Flow mounts once the pane's size is known, at the fitted view (fittedViewport): its first
  // picture is the fitted world, with no measure-then-fit round before it (issue 11)
  const section = useRef<HTMLElement>(null);
  const [openAt, setOpenAt] = useState<Viewport | null>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first view only; useAutoFit fits after it
  useLayoutEffect(() => {
    const el = section.current;
    const all = boundsOf(
      Object.fromEntries(graph.nodes.map((n) => [n.id, boxOf(layout, n) ?? { x: 0, y: 0, w: 0, h: 0 }])),
      graph.nodes.map((n) => n.id),
    );
    const s = appStore().getState();
    setOpenAt(
      el?.clientWidth && el.clientHeight && all
        ? fittedViewport(
            all,
            absBox(graph, layout, DOCKER_HOST),
            hostIds(graph).length,
            el.clientWidth,
            el.clientHeight,
            s.presenter,
            s.largeLabels,
          )
        : null,
    );
  }, []);
  // React Flow's own tooltips and screen-reader texts, in the page's language
  const ariaLabels = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'node.a11yDescription.default': t('canvas.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('canvas.nodeHelp'),
    }),
    [t],
  );
  const dragFrom = useRef<string | null>(null);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const s = appStore().getState();
    for (const ch of changes) {
      // React Flow may report "B selected" before "A unselected": read the selection afresh for
      // each change, or clicking one node after another would unselect both
      // an overlay's card on another host selects the overlay itself (the inspector's `net:<id>`)
      if (ch.type === 'select' && ch.selected) s.select(cardNetwork(ch.id));
      else if (ch.type === 'select' && !ch.selected && appStore().getState().selected === cardNetwork(ch.id))
        s.select(null);
      else if (ch.type === 'position' && ch.dragging && ch.position) s.setDragging({ id: ch.id, pos: ch.position });
    }
  }, []);

  const flowPoint = useCallback((e: MouseEvent | TouchEvent) => {
    const p = 'changedTouches' in e ? e.changedTouches[0] : e;
    const at = { x: p?.clientX ?? 0, y: p?.clientY ?? 0 };
    return rf.current ? rf.current.screenToFlowPosition(at) : at;
  }, []);

  const onNodeDragStart = useCallback(
    (e: MouseEvent | TouchEvent, node: FlowNode) => {
      if (node.data.kind !== 'container') return;
      const world = appStore().getState().world;
      const host = world.containers[node.data.containerId]?.daemon;
      const centre = (netId: string) => {
        // an overlay's card on the container's own host, else the network's one card
        const b = absBox(graph, layout, `net:${netId}@${host}`) ?? absBox(graph, layout, `net:${netId}`);
        return b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : null;
      };
      dragFrom.current = nearestAttachedNetwork(world, node.data.containerId, centre, flowPoint(e));
    },
    [graph, layout, flowPoint],
  );

  /** What dropping `node` at the pointer would do: nothing (over a machine), or these docker lines onto `onto`. */
  const intent = useCallback(
    (e: MouseEvent | TouchEvent, node: FlowNode) => {
      if (node.data.kind !== 'container') return null;
      const world = appStore().getState().world;
      const pt = flowPoint(e);
      const net = networkAt(graph, layout, pt, world, node.id);
      const host = layout[world.containers[node.data.containerId]?.daemon ?? DOCKER_HOST];
      const outside = host && (pt.x < host.x || pt.x > host.x + host.w || pt.y < host.y || pt.y > host.y + host.h);
      // on a machine or the LAN switch is not "empty canvas": that drop means nothing, back it goes
      if (!net && outside && machineAt(graph, layout, pt)) return { onMachine: true, net, onto: null, lines: [] };
      const onto = net ? cardNetwork(net).slice(4) : outside ? 'outside' : null;
      const extra = 'altKey' in e && (e.altKey || e.shiftKey);
      const lines = dropCommands(world, node.data.containerId, dragFrom.current, onto, extra);
      return { onMachine: false, net, onto, lines };
    },
    [graph, layout, flowPoint],
  );

  const onNodeDrag = useCallback(
    (e: MouseEvent | TouchEvent, node: FlowNode) => {
      const it = intent(e, node);
      if (!it) return;
      setDropTarget(it.net && cardNetwork(it.net) !== `net:${dragFrom.current}` ? it.net : null);
      const next = it.onMachine ? 'nothing' : it.lines.length ? it.lines : 'help';
      // the same hint as before keeps its identity: no re-render per pointer move
      setHint((prev) => (String(prev) === String(next) ? prev : next));
    },
    [intent],
  );

  const onNodeDragStop = useCallback(
    (e: MouseEvent | TouchEvent, node: FlowNode) => {
      const s = appStore().getState();
      setDropTarget(null);
      setHint(null);
      const it = intent(e, node);
      dragFrom.current = null;
      if (it) {
        if (it.lines.length) {
          const res = s.gesture(it.lines, [node.id]);
          s.setDragging(null);
          if (!res.ok) s.notify({ tone: 'error', key: 'notice.dropRefused', params: { error: res.output } });
          return;
        }
        if (it.onMachine || (it.onto && it.onto !== 'outside')) {
          // onto a machine, or back onto its own network: nothing to do, back to its place
          s.setDragging(null);
          return;
        }
      }
      // pins are kept in normal-mode units, so a move made in presenter mode fits both
      s.pin(node.id, { x: node.position.x / metrics.scale, y: node.position.y / metrics.scale });
      s.setDragging(null);
    },
    [intent, metrics],
  );

  const onNodeContextMenu = useCallback((e: ReactMouseEvent, node: FlowNode) => {
    e.preventDefault();
    const s = appStore().getState();
    s.select(cardNetwork(node.id));
    s.openMenu({ x: e.clientX, y: e.clientY, node: cardNetwork(node.id) });
  }, []);
  /** A double-click on a Docker host focuses it; zoomed out past all text, so does one on a card inside it. */
  const onNodeDoubleClick = useCallback(
    (_e: ReactMouseEvent, node: FlowNode) => {
      const host = node.data.kind === 'host' ? node.id : detail === 'none' ? node.parentId : undefined;
      if (!host || !rf.current) return;
      const s = appStore().getState();
      zoomToHost(rf.current, host, s.presenter, s.largeLabels);
    },
    [detail],
  );
  const onPaneContextMenu = useCallback((e: ReactMouseEvent | MouseEvent) => {
    e.preventDefault();
    appStore().getState().openMenu({ x: e.clientX, y: e.clientY, node: null });
  }, []);
  const onPaneClick = useCallback(() => {
    const s = appStore().getState();
    s.select(null);
    s.openMenu(null);
  }, []);

  return (
    <section
      ref={section}
      className="canvas"
      data-testid="canvas"
      aria-label={t('canvas.label')}
      data-detail={detail}
      data-floor={floor}
      style={{ '--lod-em': lodEm } as CSSProperties}
    >
      {openAt !== undefined && (
        <ReactFlow<FlowNode>
          nodes={view.nodes}
          edges={view.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDrag={onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onNodeContextMenu={onNodeContextMenu}
          onNodeDoubleClick={onNodeDoubleClick}
          onPaneContextMenu={onPaneContextMenu}
          onPaneClick={onPaneClick}
          onInit={onReady}
          connectionMode={ConnectionMode.Loose}
          nodesConnectable={false}
          // a cable does nothing when focused: Tab goes from the toolbar straight to the nodes
          edgesFocusable={false}
          ariaLabelConfig={ariaLabels}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          colorMode={theme}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          {...(openAt ? { defaultViewport: openAt } : { fitView: true, fitViewOptions: fitOptions(presenter) })}
          proOptions={{ hideAttribution: true }}
          onlyRenderVisibleElements={view.nodes.length > 120}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false}>
            <ControlButton
              data-testid="tool-large-labels"
              aria-pressed={largeLabels}
              onClick={() => appStore().getState().setLargeLabels(!largeLabels)}
              aria-label={t('toolbar.largeLabels')}
              title={t('toolbar.largeLabels')}
              className="large-labels"
            >
              A+
            </ControlButton>
          </Controls>
          <Overview bounds={bounds} dark={theme === 'dark'} hidden={presenter} />
          <Suspense fallback={null}>
            {detail === 'none' && <HostsOverview graph={graph} layout={layout} floor={floor} />}
            {engineReady && <PacketLayer />}
          </Suspense>
          <FlowHandle into={rf} />
        </ReactFlow>
      )}
      {hint && (
        <div className="drag-hint" role="status" data-testid="drag-hint">
          {Array.isArray(hint) ? (
            hint.map((l) => (
              <div className="mono" key={l}>
                $ {l}
              </div>
            ))
          ) : (
            <div>{t(hint === 'help' ? 'drag.help' : 'drag.nothing')}</div>
          )}
        </div>
      )}
    </section>
  );
}
