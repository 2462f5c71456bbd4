import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/instance';
import type { FlowNode } from './flow';
import { metricsFor } from './metrics';

/**
 * Canvas node components, memo'd: React Flow re-renders a node only when its object changes, and
 * the flow selector hands back the same object for unchanged nodes. Every text here is a React
 * text child (never HTML), so names and values a person typed show literally.
 */

const Ends = () => (
  <>
    <Handle type="source" position={Position.Top} id="top" className="handle" isConnectable={false} />
    <Handle type="source" position={Position.Bottom} id="bottom" className="handle" isConnectable={false} />
    <Handle type="source" position={Position.Left} id="left" className="handle" isConnectable={false} />
    <Handle type="source" position={Position.Right} id="right" className="handle" isConnectable={false} />
  </>
);

type P = NodeProps<FlowNode>;

export const HostNode = memo(function HostNode({ data }: P) {
  const { t } = useTranslation();
  const headerH = useApp((s) => metricsFor(s.presenter).hostHeader);
  if (data.kind !== 'host') return null;
  const eth0 = data.ifaces.find((f) => f.name === 'eth0');
  return (
    <div className="node host" style={{ width: data.w, height: data.h }} data-testid="node-docker-host">
      <div className="host-drag host-header" style={{ height: headerH - 2 }}>
        <span className="host-title">
          <span className="badge badge-host">{t('node.dockerHost')}</span> {data.hostname}
        </span>
        <span className="host-meta mono">eth0 {eth0?.ip}</span>
        <span className="host-meta">{t('node.hostStack')}</span>
      </div>
      <Handle
        type="source"
        position={Position.Top}
        id="top"
        className="handle"
        isConnectable={false}
        style={{ left: data.uplinkX }}
      />
      <Handle
        type="source"
        position={Position.Bottom}
        id="stack"
        className="handle handle-stack"
        isConnectable={false}
        style={{ top: headerH, bottom: 'auto' }}
      />
    </div>
  );
});

export const NetworkNode = memo(function NetworkNode({ data, selected }: P) {
  const { t } = useTranslation();
  if (data.kind !== 'network') return null;
  return (
    <div
      className={`node network drv-${data.driver}${selected ? ' selected' : ''}${data.dropTarget ? ' drop-target' : ''}`}
      style={{ width: data.w, height: data.h }}
      data-testid={`network-${data.name}`}
    >
      <Ends />
      <div className="net-title">
        <span className="net-name">{data.name}</span>
        <span className={`badge drv-badge drv-${data.driver}`}>{data.driver}</span>
        {data.internal && <span className="badge">{t('node.internal')}</span>}
        {data.dns && <span className="badge badge-dns">{t('node.dns')}</span>}
      </div>
      {data.bridge ? (
        <>
          <div className="mono dim">{data.bridge}</div>
          <div className="mono">{data.subnet}</div>
          <div className="mono dim">
            {t('node.gateway')} {data.gateway}
          </div>
        </>
      ) : (
        <div className="dim small">{data.driver === 'host' ? t('node.hostNetHint') : t('node.noneNetHint')}</div>
      )}
    </div>
  );
});

export const ContainerNode = memo(function ContainerNode({ data, selected }: P) {
  const { t } = useTranslation();
  if (data.kind !== 'container') return null;
  return (
    <div
      className={`node container st-${data.state}${selected ? ' selected' : ''}`}
      style={{ width: data.w, height: data.h }}
      data-testid={`container-${data.name}`}
      data-state={data.state}
    >
      <Ends />
      <div className="ctr-title">
        <span className={`dot st-${data.state}`} title={t(`state.${data.state}`)} />
        <span className="ctr-name">{data.name}</span>
        <span className="ctr-state small">{t(`state.${data.state}`)}</span>
      </div>
      <div className="ctr-image mono dim">
        {/* a long image name breaks after its registry path, not mid-word */}
        {data.image.split('/').map((part, i, all) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: path parts are positional
          <span key={i}>
            {part}
            {i < all.length - 1 && (
              <>
                /<wbr />
              </>
            )}
          </span>
        ))}
      </div>
      {data.ifaces.length === 0 && (
        <div className="ctr-mode dim small" data-testid="ctr-mode">
          {t('node.mode', { mode: data.networkMode })}
        </div>
      )}
      {data.ifaces.map((f) => (
        <div className="iface" key={`${f.network}-${f.name}`} data-testid="iface">
          <span className="mono ifname">{f.name || '—'}</span>
          <span className="mono ip">{f.ip || t(data.state === 'created' ? 'node.notStarted' : 'node.noAddress')}</span>
          <span className="mono dim mac">{f.mac || f.network}</span>
        </div>
      ))}
      {data.ports.length > 0 && <div className="ports mono">{data.ports.join(', ')}</div>}
    </div>
  );
});

/** Small glyphs that every system font has (emoji are missing on many classroom Linux boxes). */
const roleIcon: Record<string, string> = { pc: '▭', router: '⇄', server: '◍', 'docker-host': '▣' };

export const MachineNode = memo(function MachineNode({ data, selected }: P) {
  const { t } = useTranslation();
  if (data.kind !== 'machine') return null;
  return (
    <div
      className={`node machine role-${data.role}${data.machineId === 'internet' ? ' role-internet' : ''}${selected ? ' selected' : ''}`}
      style={{ width: data.w, height: data.h }}
      data-testid={`machine-${data.machineId}`}
    >
      <Ends />
      <div className="m-title">
        <span aria-hidden="true">{roleIcon[data.role] ?? '•'}</span>
        <span className="m-name">{data.machineId}</span>
      </div>
      <div className="m-role small dim">{t(`role.${data.machineId === 'internet' ? 'internet' : data.role}`)}</div>
      {data.ifaces.slice(0, 2).map((f) => (
        <div className="mono small m-if" key={f.name}>
          <span className="dim">{f.name}</span> {f.ip}
        </div>
      ))}
    </div>
  );
});

export const SegmentNode = memo(function SegmentNode({ data }: P) {
  const { t } = useTranslation();
  if (data.kind !== 'segment') return null;
  return (
    <div className="node segment" style={{ width: data.w, height: data.h }} data-testid={`segment-${data.segment}`}>
      <Ends />
      <span>{data.segment === 'lan' ? t('node.lanSwitch') : data.segment}</span>
      {data.segment === 'lan' && <span className="mono dim">192.168.0.0/24</span>}
    </div>
  );
});

/** Module-scope so React Flow never sees a new object (which would remount every node). */
export const nodeTypes = {
  host: HostNode,
  network: NetworkNode,
  container: ContainerNode,
  machine: MachineNode,
  segment: SegmentNode,
};
