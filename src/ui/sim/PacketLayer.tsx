import { useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { engine } from '../../store/engine';
import { appStore } from '../../store/instance';
import { metricsFor } from '../canvas/metrics';
import { COMPACT_MAX_EM, FULL_MIN_EM, floorPx } from '../canvas/readability';
import { followView } from './follow';
import { useNarrationLang } from './lang';
import './marker.css';
import type { Step, Trace } from '../../sim/model';
import { STOP_ACTIONS } from '../../sim/playback/predict';
import { type CardLookup, placeOnCards } from './cardPlace';
import { markerSpot } from './markerSpot';
import { type CanvasGeometry, PacketAnimator } from './packetAnimator';
import { idOfAt } from './placeName';
import { ease, planDuration, planStep, shortReason } from './stepPlan';
import { useSim } from './useSim';

type RfApi = ReturnType<typeof useStoreApi>;

/** Canvas geometry read straight from React Flow's store and DOM, at the moment it is needed. */
function rfGeometry(rf: RfApi): CanvasGeometry {
  // one DOM walk per step for all edge paths: a flood over 300 ports would otherwise run 300
  // attribute-selector queries in a single frame
  let paths: Map<string, SVGPathElement> | null = null;
  return {
    refresh() {
      paths = null;
    },
    nodeCentre(id) {
      const n = rf.getState().nodeLookup.get(id);
      if (!n || n.hidden) return null;
      const { x, y } = n.internals.positionAbsolute;
      const w = n.measured?.width ?? n.width ?? 0;
      const h = n.measured?.height ?? n.height ?? 0;
      return { x: x + w / 2, y: y + h / 2 };
    },
    nodeBadge(id) {
      const n = rf.getState().nodeLookup.get(id);
      if (!n || n.hidden) return null;
      const { x, y } = n.internals.positionAbsolute;
      const w = n.measured?.width ?? n.width ?? 0;
      return { x: x + w - 4, y: y + 4 };
    },
    zoom() {
      return rf.getState().transform[2];
    },
    nodeSpot(id, link, r) {
      const st = rf.getState();
      const n = st.nodeLookup.get(id);
      if (!n || n.hidden) return null;
      const children = [...st.nodeLookup.values()].filter((c) => c.parentId === id && !c.hidden);
      if (!children.length) return null;
      const edgeId = this.edgeOf?.(link) ?? link;
      const e = st.edgeLookup.get(edgeId);
      const path = e && (e.source === id || e.target === id) ? this.edgePath(edgeId) : null;
      if (!e || !path) return null;
      const len = path.getTotalLength();
      // a cable to a card inside this one (docker0's gateway to its bridge) is read from that card's
      // end: the packet routed out docker0 sits by the bridge and its gateway label
      const other = e.source === id ? e.target : e.source;
      const inner = children.some((c) => c.id === other);
      const fromStart = (e.source === id) !== inner;
      const at = (d: number) => {
        const p = path.getPointAtLength(fromStart ? Math.min(d, len) : Math.max(0, len - d));
        return { x: p.x, y: p.y };
      };
      const rect = (m: typeof n) => ({
        x: m.internals.positionAbsolute.x,
        y: m.internals.positionAbsolute.y,
        w: m.measured?.width ?? m.width ?? 0,
        h: m.measured?.height ?? m.height ?? 0,
      });
      // labels are HTML over the canvas: their screen boxes back into flow coordinates, by the
      // transform the viewport has on screen now (the store's runs ahead of it while a fit animates)
      const dom = st.domNode;
      const vp = dom?.querySelector<HTMLElement>('.react-flow__viewport');
      const m = vp ? new DOMMatrixReadOnly(getComputedStyle(vp).transform) : null;
      const [tx, ty, zoom] = m && m.a > 0 ? [m.e, m.f, m.a] : st.transform;
      const origin = vp?.parentElement?.getBoundingClientRect();
      const labels = origin
        ? [
            ...dom!.querySelectorAll(`.edge-label, .react-flow__node[data-id="${CSS.escape(id)}"] .host-header > *`),
          ].map((el) => {
            const b = el.getBoundingClientRect();
            return {
              x: (b.left - origin.left - tx) / zoom,
              y: (b.top - origin.top - ty) / zoom,
              w: b.width / zoom,
              h: b.height / zoom,
            };
          })
        : [];
      return markerSpot(at(0), at, rect(n), { labels, cards: children.map(rect) }, r.label, r.card);
    },
    edgeEnds(id) {
      const e = rf.getState().edgeLookup.get(id);
      return e ? { source: e.source, target: e.target } : null;
    },
    edgeOf(link) {
      const lookup = rf.getState().edgeLookup;
      if (lookup.has(link)) return link;
      const m = /^if:(.+):([^:]+)$/.exec(link);
      if (!m) return null;
      for (const e of lookup.values()) {
        const labels = (e.data as { labels?: string[] } | undefined)?.labels;
        if ((e.source === m[1] && labels?.[0] === m[2]) || (e.target === m[1] && labels?.[1] === m[2])) return e.id;
      }
      return null;
    },
    edgePath(id) {
      if (!paths) {
        paths = new Map();
        const dom = rf.getState().domNode;
        for (const g of dom?.querySelectorAll('.react-flow__edge') ?? []) {
          const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
          const edgeId = g.getAttribute('data-id');
          if (path && edgeId) paths.set(edgeId, path);
        }
      }
      return paths.get(id) ?? null;
    },
    edgesOf(nodeId) {
      const out: { id: string; other: string }[] = [];
      for (const e of rf.getState().edgeLookup.values()) {
        if (e.source === nodeId) out.push({ id: e.id, other: e.target });
        else if (e.target === nodeId) out.push({ id: e.id, other: e.source });
      }
      return out;
    },
  };
}

/** The canvas as cardPlace.ts reads it: React Flow's nodes and edges now. */
function rfCards(rf: RfApi): CardLookup {
  return {
    has: (id) => rf.getState().nodeLookup.has(id),
    parentOf: (id) => rf.getState().nodeLookup.get(id)?.parentId,
    isHost: (id) => rf.getState().nodeLookup.get(id)?.type === 'host',
    edgeEnds(id) {
      const e = rf.getState().edgeLookup.get(id);
      return e ? { source: e.source, target: e.target } : null;
    },
  };
}

/**
 * The moving packet marker. Mount as a child of <ReactFlow>. It renders once; after that a
 * requestAnimationFrame loop moves the markers' CSS transforms directly, so neither the graph nor this component
 * re-renders per frame. When a step's animation ends during playback it calls `advance()`.
 */
export const PacketLayer = memo(function PacketLayer() {
  const rf = useStoreApi();
  const flow = useReactFlow();
  // state, not a ref: the portal target appears only after React Flow has mounted its DOM
  const [layer, setLayer] = useState<HTMLDivElement | null>(null);
  const lang = useNarrationLang();
  const langRef = useRef(lang);
  langRef.current = lang;

  const animRef = useRef<PacketAnimator | null>(null);

  // a drop's reason follows the language without restarting the step
  useEffect(() => {
    const s = useSim.getState();
    const step = s.trace?.steps[s.cursor];
    if (step && STOP_ACTIONS.has(step.action))
      animRef.current?.setDropReason(shortReason(engine().formatExplain(lang, step.explain)));
  }, [lang]);

  useEffect(() => {
    if (!layer) return;
    const geo = rfGeometry(rf);
    const anim = new PacketAnimator(layer, geo);
    // the trace's steps placed on the cards drawn now (an overlay has one per host); recomputed
    // when the trace or the graph changes
    let placed: { trace: Trace; nodes: unknown; steps: Step[] } | null = null;
    const stepsOf = (trace: Trace): Step[] => {
      const nodes = rf.getState().nodes;
      if (placed?.trace !== trace || placed.nodes !== nodes)
        placed = { trace, nodes, steps: placeOnCards(trace.steps, rfCards(rf)) };
      return placed.steps;
    };
    animRef.current = anim;
    let raf = 0;
    let start = 0;
    let duration = 1;
    let finished = true;
    let easing = true;

    const tick = (now: number) => {
      const t = Math.min(1, (now - start) / duration);
      anim.frame(easing ? ease(t) : t);
      if (t < 1) {
        raf = requestAnimationFrame(tick);
        return;
      }
      finished = true;
      if (useSim.getState().playing) useSim.getState().advance();
    };

    // the node or wire where the current step happens gets a class (outline), set on React Flow's
    // own element so the graph does not re-render
    let marked: Element | null = null;
    const mark = (id: string | null, cls: string) => {
      marked?.classList.remove('sim-here', 'sim-here--drop');
      marked = null;
      if (!id) return;
      const dom = rf.getState().domNode;
      const esc = CSS.escape(id);
      marked = dom?.querySelector(`.react-flow__node[data-id="${esc}"], .react-flow__edge[data-id="${esc}"]`) ?? null;
      marked?.classList.add('sim-here', ...(cls ? [cls] : []));
    };

    // with several Docker hosts the fitted world is too small to read: the view follows the packet
    const follow = (p: { x: number; y: number } | null) => {
      const st = rf.getState();
      if (!p || [...st.nodeLookup.values()].filter((n) => n.type === 'host').length < 2) return;
      const { presenter, largeLabels } = appStore().getState();
      const font = metricsFor(presenter).font;
      const floor = floorPx(presenter, largeLabels);
      const [x, y, zoom] = st.transform;
      const to = followView(
        p,
        { x, y, zoom, w: st.width, h: st.height },
        floor / (font * COMPACT_MAX_EM),
        floor / (font * FULL_MIN_EM),
      );
      if (to) void flow.setCenter(to.x, to.y, { zoom: to.zoom, duration: 400 });
    };

    const run = () => {
      cancelAnimationFrame(raf);
      const s = useSim.getState();
      const step = s.trace && stepsOf(s.trace)[s.cursor];
      // a cable between two machines is drawn once: its far end's link outlines the same edge
      const at =
        step && 'link' in step.at ? (geo.edgeOf?.(step.at.link) ?? step.at.link) : step ? idOfAt(step.at) : null;
      mark(at, step?.action === 'drop' ? 'sim-here--drop' : '');
      if (!s.trace || !step) {
        anim.clear();
        finished = true;
        return;
      }
      const plan = planStep(stepsOf(s.trace), s.cursor);
      const reason =
        plan?.kind === 'at' && plan.drop ? shortReason(engine().formatExplain(langRef.current, step.explain)) : '';
      anim.show(plan, s.cursor, reason);
      follow(anim.focus());
      easing = plan?.kind !== 'at';
      duration = plan ? planDuration(plan, s.speed) : 1;
      start = performance.now();
      finished = false;
      raf = requestAnimationFrame(tick);
    };

    const unsub = useSim.subscribe((s, prev) => {
      if (s.epoch !== prev.epoch || s.trace !== prev.trace) run();
      else if (s.speed !== prev.speed && !finished) {
        // keep the marker where it is, continue at the new pace
        const now = performance.now();
        const progress = (now - start) / duration;
        const plan = s.trace && planStep(stepsOf(s.trace), s.cursor);
        duration = plan ? planDuration(plan, s.speed) : 1;
        start = now - progress * duration;
      } else if (s.playing && !prev.playing && finished) s.advance();
    });
    // the graph moved under the marker (presenter mode's larger cards, a drag, a re-layout): put
    // the marker back on the same step's cable or card, keeping its progress, instead of leaving
    // it where that cable used to be. Edge paths are redrawn after React renders: wait a frame.
    let retrack = 0;
    let settle = 0;
    const reshow = () => {
      const s = useSim.getState();
      const step = s.trace?.steps[s.cursor];
      if (!s.trace || !step) return;
      const plan = planStep(stepsOf(s.trace), s.cursor);
      const reason =
        plan?.kind === 'at' && plan.drop ? shortReason(engine().formatExplain(langRef.current, step.explain)) : '';
      anim.show(plan, s.cursor, reason);
      if (finished) anim.frame(1);
    };
    const unsubRf = rf.subscribe((st, prev) => {
      if (st.nodes === prev.nodes && st.edges === prev.edges) return;
      cancelAnimationFrame(retrack);
      clearTimeout(settle);
      retrack = requestAnimationFrame(() => {
        retrack = requestAnimationFrame(reshow);
      });
      // once more when the cards and labels have settled: a spot kept clear of labels (nodeSpot)
      // was measured against presenter mode's smaller labels otherwise
      settle = window.setTimeout(reshow, 400);
    });
    run();
    return () => {
      mark(null, '');
      unsub();
      unsubRf();
      cancelAnimationFrame(retrack);
      clearTimeout(settle);
      cancelAnimationFrame(raf);
      layer.replaceChildren();
    };
  }, [rf, flow, layer]);

  return (
    <ViewportPortal>
      <div className="sim-packets" aria-hidden="true" ref={setLayer} />
    </ViewportPortal>
  );
});
