import {
  Background,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  ReactFlow,
  ReactFlowProvider,
  useNodesState,
  useStoreApi,
  ViewportPortal,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The bench's baseline: the same nodes (ids, positions, sizes) and edges as the app's canvas,
 * drawn with React Flow's default nodes and edges, the same chrome (background, controls, minimap)
 * and a marker moved by requestAnimationFrame outside React, as the app's packet layer does.
 * The bench injects the graph as `window.__benchGraph` before the page loads.
 */
interface BenchGraph {
  /** the app's canvas size in CSS pixels, so fitView lands on the same zoom */
  width: number;
  height: number;
  nodes: { id: string; x: number; y: number; w: number; h: number }[];
  edges: { id: string; source: string; target: string }[];
}

type BenchWindow = typeof globalThis & { __benchGraph?: BenchGraph; __benchAnimate?: (on: boolean) => void };
const win = globalThis as BenchWindow;
const graph: BenchGraph = win.__benchGraph ?? { width: 800, height: 600, nodes: [], edges: [] };

const initialNodes: Node[] = graph.nodes.map((n) => ({
  id: n.id,
  position: { x: n.x, y: n.y },
  data: { label: n.id },
  style: { width: n.w, height: n.h },
}));
const edges: Edge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

/** A marker that walks the edges one after another, moved per frame without React renders. */
function Marker() {
  const rf = useStoreApi();
  const dot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let raf = 0;
    let start = 0;
    const centre = (id: string) => {
      const n = rf.getState().nodeLookup.get(id);
      if (!n) return { x: 0, y: 0 };
      const w = n.measured?.width ?? 0;
      const h = n.measured?.height ?? 0;
      return { x: n.internals.positionAbsolute.x + w / 2, y: n.internals.positionAbsolute.y + h / 2 };
    };
    const tick = (t: number) => {
      if (!start) start = t;
      const leg = Math.floor((t - start) / 600);
      const e = edges[leg % Math.max(1, edges.length)];
      if (e && dot.current) {
        const a = centre(e.source);
        const b = centre(e.target);
        const k = ((t - start) % 600) / 600;
        dot.current.style.transform = `translate(${a.x + (b.x - a.x) * k - 10}px, ${a.y + (b.y - a.y) * k - 10}px)`;
      }
      raf = requestAnimationFrame(tick);
    };
    win.__benchAnimate = (on) => {
      cancelAnimationFrame(raf);
      start = 0;
      if (dot.current) dot.current.style.display = on ? 'block' : 'none';
      if (on) raf = requestAnimationFrame(tick);
    };
    return () => cancelAnimationFrame(raf);
  }, [rf]);
  return (
    <ViewportPortal>
      <div
        ref={dot}
        style={{
          display: 'none',
          position: 'absolute',
          width: 20,
          height: 20,
          borderRadius: 10,
          background: '#e11d48',
        }}
      />
    </ViewportPortal>
  );
}

function Bare() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  return (
    <div style={{ width: graph.width, height: graph.height }} data-testid="bare-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        minZoom={0.05}
        maxZoom={2.5}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeStrokeWidth={3} />
        <Marker />
      </ReactFlow>
    </div>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <ReactFlowProvider>
      <Bare />
    </ReactFlowProvider>,
  );
