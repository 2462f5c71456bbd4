import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type CSSProperties, memo } from 'react';
import { useTranslation } from '../../i18n/translate';
import type { ComposeTag } from '../../store/graph';
import { endAt } from './ends';
import type { FlowNode } from './flow';
import { NORMAL } from './metrics';
import { nameBreaks } from './nameBreaks';

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

/** A container's cable ends when several cables enter one side (ends.ts): one handle each, spread along it. */
const SpreadEnds = ({ ends }: { ends?: [number, number] }) => (
  <>
    {(['top', 'bottom'] as const).flatMap((side, s) =>
      Array.from({ length: ends?.[s] ?? 0 }, (_, i) => (
        <Handle
          // biome-ignore lint/suspicious/noArrayIndexKey: an end is its position along the side
          key={`${side}-${i}`}
          type="source"
          position={side === 'top' ? Position.Top : Position.Bottom}
          id={`${side}-${i}`}
          className="handle"
          isConnectable={false}
          style={{ left: `${endAt(i, ends?.[s] ?? 1) * 100}%` }}
        />
      )),
    )}
  </>
);

/**
 * Classes for the canvas's semantic zoom (readability.ts): `lod-m` is read from afar and grows in
 * compact detail, `lod-x` is detail that hides then, `lod-c` shows only then.
 */

/** "172.17.0.2/16": the address stays in compact detail, the prefix length is detail. */
function Addr({ cidr }: { cidr: string }) {
  const slash = cidr.indexOf('/');
  if (slash < 0) return <>{cidr}</>;
  return (
    <>
      {cidr.slice(0, slash)}
      <span className="lod-x">{cidr.slice(slash)}</span>
    </>
  );
}

/** "0.0.0.0:8001->80/tcp": compact detail keeps "8001->80/tcp" of the first port and a count of the rest. */
function Ports({ ports }: { ports: string[] }) {
  return (
    <div className="ports mono lod-m">
      {ports.map((p, i) => {
        const colon = p.lastIndexOf(':', p.indexOf('->'));
        return (
          <span key={p} className={i > 0 ? 'lod-x' : undefined}>
            {i > 0 && ', '}
            {colon > 0 && <span className="lod-x">{p.slice(0, colon + 1)}</span>}
            {colon > 0 ? p.slice(colon + 1) : p}
          </span>
        );
      })}
      {ports.length > 1 && <span className="lod-c"> +{ports.length - 1}</span>}
    </div>
  );
}

/** The Compose project (and service) a card belongs to, in the project's colour. */
function ComposeTagView({ tag }: { tag: ComposeTag }) {
  const { t } = useTranslation();
  return (
    <div
      className="compose-tag small lod-m"
      data-testid="compose-tag"
      title={t('node.composeTitle', { project: tag.project })}
    >
      <span className="lod-x">{t('node.compose')} </span>
      <span className="mono">{tag.project}</span>
      {tag.service && (
        <>
          <span className="lod-x"> · {t('node.composeService')} </span>
          <span className="mono lod-x">{tag.service}</span>
        </>
      )}
    </div>
  );
}

/** The inline style that colours a card of a Compose project. */
const projectStyle = (tag: ComposeTag | undefined) =>
  tag ? ({ '--proj': `hsl(${tag.hue} 65% 45%)` } as CSSProperties) : {};

export const HostNode = memo(function HostNode({ data }: P) {
  const { t } = useTranslation();
  if (data.kind !== 'host') return null;
  const headerH = data.headerH ?? NORMAL.hostHeader;
  const eth0 = data.ifaces.find((f) => f.name === 'eth0');
  return (
    <div className="node host" style={{ width: data.w, height: data.h }} data-testid={`node-${data.machineId}`}>
      <div className="host-drag host-header" style={{ height: headerH - 2 }}>
        <span className="host-title">
          <span className="badge badge-host lod-x">{t(data.vmOf ? 'node.desktopVm' : 'node.dockerHost')}</span>{' '}
          <span className="lod-m">{data.hostname}</span>
        </span>
        {data.vmOf && (
          <span className="host-meta lod-m" data-testid="host-vm-of">
            {t('node.vmIn', { pc: data.vmOf })}
          </span>
        )}
        <span className="host-meta mono lod-m">
          <span className="lod-x">eth0 </span>
          {eth0 && <Addr cidr={eth0.ip} />}
        </span>
        <span className="host-meta lod-x">{t('node.hostStack')}</span>
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
      className={`node network drv-${data.driver}${selected ? ' selected' : ''}${data.dropTarget ? ' drop-target' : ''}${data.compose ? ' in-project' : ''}`}
      style={{ width: data.w, height: data.h, ...projectStyle(data.compose) }}
      data-testid={`network-${data.name}`}
    >
      <Ends />
      <div className="net-title">
        <span className="net-name lod-m">{nameBreaks(data.name)}</span>
        <span className={`badge drv-badge drv-${data.driver} lod-x`}>{data.driver}</span>
        {data.internal && <span className="badge lod-x">{t('node.internal')}</span>}
        {data.dns && <span className="badge badge-dns lod-x">{t('node.dns')}</span>}
        {data.overlay?.attachable && <span className="badge lod-x">{t('node.attachable')}</span>}
        {data.overlay?.ingress && <span className="badge lod-x">{t('node.ingress')}</span>}
      </div>
      {data.compose && <ComposeTagView tag={data.compose} />}
      {data.overlay ? (
        <>
          <div className="mono dim lod-x">
            {data.overlay.hosts > 1
              ? t('node.overlayVxlan', { vni: data.overlay.vni, hosts: data.overlay.hosts })
              : t('node.overlayVxlanOne', { vni: data.overlay.vni })}
          </div>
          <div className="mono lod-m">{data.subnet}</div>
          <div className="mono dim lod-x">
            {t('node.gateway')} {data.gateway}
          </div>
        </>
      ) : data.parent ? (
        <>
          <div className="dim small lod-x">
            {t(data.parent.lan ? 'node.lowerParent' : 'node.lowerIsolated', {
              parent: data.parent.name,
              mode: data.parent.mode,
            })}
          </div>
          <div className="mono lod-m">{data.subnet}</div>
          {data.gateway && (
            <div className="mono dim lod-x">
              {t('node.gateway')} {data.gateway}
            </div>
          )}
        </>
      ) : data.bridge ? (
        <>
          <div className="mono dim lod-x">{data.bridge}</div>
          <div className="mono lod-m">{data.subnet}</div>
          <div className="mono dim lod-x">
            {t('node.gateway')} {data.gateway}
          </div>
        </>
      ) : (
        <div className="dim small lod-x">{data.driver === 'host' ? t('node.hostNetHint') : t('node.noneNetHint')}</div>
      )}
    </div>
  );
});

export const ContainerNode = memo(function ContainerNode({ data, selected }: P) {
  const { t } = useTranslation();
  if (data.kind !== 'container') return null;
  return (
    <div
      className={`node container st-${data.state}${selected ? ' selected' : ''}${data.compose ? ' in-project' : ''}`}
      style={{ width: data.w, height: data.h, ...projectStyle(data.compose) }}
      data-testid={`container-${data.name}`}
      data-state={data.state}
    >
      <Ends />
      <SpreadEnds ends={data.ends} />
      <div className="ctr-title">
        <span className={`dot st-${data.state} lod-x`} title={t(`state.${data.state}`)} />
        <span className="ctr-name lod-m">{nameBreaks(data.name)}</span>
        <span className="ctr-state small lod-x">{t(`state.${data.state}`)}</span>
      </div>
      <div className="ctr-image mono dim lod-x">
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
      {data.compose && <ComposeTagView tag={data.compose} />}
      {data.ifaces.length === 0 && (
        <div className="ctr-mode dim small lod-m" data-testid="ctr-mode">
          {/* compact detail keeps the mode's value ("host") and drops the words around it */}
          {t('node.mode', { mode: '\u0000' })
            .split('\u0000')
            .map((part, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the words before and after the value
              <span key={i} className="lod-x">
                {part}
              </span>
            ))
            .flatMap((part, i) => (i === 0 ? [part, data.networkMode] : [part]))}
        </div>
      )}
      {data.ifaces.map((f) => (
        <div className="iface" key={`${f.network}-${f.name}`} data-testid="iface">
          <span className="mono ifname lod-m">{f.name || '—'}</span>
          <span className="mono ip lod-m">
            {f.ip ? (
              <Addr cidr={f.ip} />
            ) : (
              <>
                <span className="lod-x">{t(data.state === 'created' ? 'node.notStarted' : 'node.noAddress')}</span>
                <span className="lod-c">{t(`state.${data.state}`)}</span>
              </>
            )}
          </span>
          <span className="mono dim mac lod-x">{f.mac || f.network}</span>
        </div>
      ))}
      {data.ports.length > 0 && <Ports ports={data.ports} />}
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
        <span aria-hidden="true" className="lod-x">
          {roleIcon[data.role] ?? '•'}
        </span>
        <span className="m-name lod-m">{data.machineId}</span>
      </div>
      <div className="m-role small dim lod-x">
        {t(`role.${data.machineId === 'internet' ? 'internet' : data.role}`)}
      </div>
      {data.ifaces.slice(0, 2).map((f) => (
        <div className="mono small m-if lod-m" key={f.name}>
          <span className="dim lod-x">{f.name} </span>
          <Addr cidr={f.ip} />
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
      <span className={data.segment === 'lan' ? 'lod-x' : 'lod-m'}>
        {data.segment === 'lan' ? t('node.lanSwitch') : data.segment}
      </span>
      {data.segment === 'lan' && <span className="mono dim lod-m">192.168.0.0/24</span>}
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
