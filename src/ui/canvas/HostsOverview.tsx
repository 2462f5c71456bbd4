import { useStore as useFlowStore, useReactFlow, ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from '../../i18n/translate';
import type { Graph } from '../../store/graph';
import { hostsOverview } from '../../store/hostsOverview';
import { appStore } from '../../store/instance';
import { zoomToHost } from './fit';
import type { FlowNode } from './flow';
import type { Layout } from './layout';
import { OVERVIEW_EM, placeOverview } from './overviewLabels';

/**
 * The canvas zoomed out too far for any card's text (readability.ts `none`): each Docker host's
 * name, LAN address and counts on a card under its networks, each other machine's name and address
 * on a tag, all sized from the room's floor (overviewLabels.ts), and a button that zooms to a host.
 */
export const HostsOverview = memo(function HostsOverview({
  graph,
  layout,
  floor,
}: {
  graph: Graph;
  layout: Layout;
  floor: number;
}) {
  const { t } = useTranslation();
  const rf = useReactFlow<FlowNode>();
  // rounded down, so the text is never below the floor; a step of 1/400 re-places it a few times a zoom
  const zoom = useFlowStore((s) => Math.max(0.01, Math.floor(s.transform[2] * 400) / 400));
  const overview = useMemo(() => hostsOverview(graph), [graph]);
  const places = useMemo(
    () => placeOverview(graph, layout, overview, zoom, floor),
    [graph, layout, overview, zoom, floor],
  );
  const u = places.unit;
  const zoomTo = (id: string) => {
    const s = appStore().getState();
    zoomToHost(rf, id, s.presenter, s.largeLabels);
  };
  return (
    <ViewportPortal>
      <section className="hosts-overview" data-testid="hosts-overview" aria-label={t('canvas.overview')}>
        {places.hosts.map((p) => {
          const h = overview.hosts.find((x) => x.id === p.id);
          if (!h) return null;
          return (
            <div
              key={p.id}
              className="ov-host"
              data-testid={`overview-${p.id}`}
              style={{ left: p.x, top: p.y, fontSize: u }}
            >
              <div className="ov-name" style={{ fontSize: `${OVERVIEW_EM.hostName}em` }}>
                {h.name}
              </div>
              {h.ip && (
                <div className="ov-ip" style={{ fontSize: `${OVERVIEW_EM.hostIp}em` }}>
                  {h.ip}
                </div>
              )}
              <div className="ov-meta" style={{ fontSize: `${OVERVIEW_EM.hostMeta}em` }}>
                {t(h.containers === 1 ? 'canvas.hostCountsOne' : 'canvas.hostCounts', {
                  containers: h.containers,
                  networks: h.networks,
                })}
              </div>
              <button
                type="button"
                className="ov-zoom nodrag nopan"
                data-testid={`zoom-to-${p.id}`}
                aria-label={t('canvas.zoomToHostNamed', { host: h.name })}
                onClick={() => zoomTo(p.id)}
              >
                {t('canvas.zoomToHost')}
              </button>
            </div>
          );
        })}
        {places.machines.map((p) => {
          const m = overview.machines.find((x) => x.id === p.id);
          if (!m) return null;
          return (
            <div
              key={p.id}
              className={`ov-tag ov-${p.layout}`}
              data-testid={`overview-${p.id}`}
              style={{ left: p.box.x, top: p.box.y, width: p.box.w, height: p.box.h, fontSize: u }}
            >
              <span className="ov-name" style={{ fontSize: `${p.layout === 'over' ? 1 : OVERVIEW_EM.machineName}em` }}>
                {m.name}
              </span>
              {p.showIp && m.ip && (
                <span className="ov-ip" style={{ fontSize: `${OVERVIEW_EM.machineIp}em` }}>
                  {m.ip}
                </span>
              )}
            </div>
          );
        })}
      </section>
    </ViewportPortal>
  );
});
