import { useMemo } from 'react';
import { useTranslation } from '../../i18n/translate';
import { DOCKER_HOST } from '../../sim/ids';
import type { World } from '../../sim/model';
import { liveConntrack, liveFdb, neighState, showsLladdr } from '../../sim/net/ageing';
import { stackOf } from '../../sim/stack';
import type { Where } from '../../sim/where';
import { portsOf } from '../../store/graph';
import { useApp } from '../../store/instance';
import { FilesSection } from './FilesSection';
import { Props, Section, Table, ToolOutput, useStepFlash } from './InspectorParts';
import { entryKey, natLineHot } from './stepFlash';
import { useTablesView } from './useTablesView';

/** The World the packet tables (ARP, FDB, conntrack) read, and their "as of step N" note if any. */
interface Tables {
  world: World;
  note?: string;
}

const isNameserver = (line: string) => line.startsWith('nameserver');

function StackTables({ tables, where, nodeId }: { tables: Tables; where: Where; nodeId: string }) {
  const { t } = useTranslation();
  // interfaces and routes are the same in both Worlds: a packet command changes only the tables
  const stack = useMemo(() => stackOf(tables.world, where), [tables.world, where]);
  const { hot, epoch } = useStepFlash(nodeId);
  if (!stack) return null;
  return (
    <>
      <Section title={t('insp.interfaces')} testId="insp-interfaces">
        <Table
          head={['if', 'MAC', 'inet']}
          rows={stack.ifaces.map((f) => [
            f.peerIndex ? `${f.name}@if${f.peerIndex}` : f.name,
            f.mac,
            f.addrs.map((a) => `${a.ip}/${a.prefix}`).join(' '),
          ])}
          empty={t('insp.none')}
        />
      </Section>
      <Section title={t('insp.routes')} testId="insp-routes" hot={hot.has('route')}>
        <Table
          head={['dst', 'via', 'dev', 'src']}
          rows={stack.routes.map((r) => [r.dst, r.via ?? '', r.dev + (r.linkdown ? ' linkdown' : ''), r.src ?? ''])}
          keys={stack.routes.map((r) => entryKey('route', r))}
          hot={hot.get('route')}
          epoch={epoch}
          empty={t('insp.none')}
        />
      </Section>
      <Section title={t('insp.arp')} testId="insp-arp" hot={hot.has('arp')} note={tables.note}>
        <Table
          head={['IP', 'MAC', 'dev', 'state']}
          rows={stack.arp.map((a) => {
            const state = neighState(a, tables.world.clock);
            // as `ip neigh` (no lladdr) and net-tools' `arp -n` print an unanswered neighbour
            return [a.ip, showsLladdr(state) ? a.mac : '(incomplete)', a.dev, state];
          })}
          keys={stack.arp.map((a) => entryKey('arp', a))}
          hot={hot.get('arp')}
          epoch={epoch}
          empty={t('insp.empty')}
        />
      </Section>
    </>
  );
}

function ContainerInspector({ world, tables, id }: { world: World; tables: Tables; id: string }) {
  const { t } = useTranslation();
  const c = world.containers[id];
  const where = useMemo<Where>(() => ({ kind: 'container', id }), [id]);
  const { hot, epoch } = useStepFlash(`ctr:${id}`);
  if (!c) return null;
  return (
    <>
      <h2 className="insp-title">{c.name}</h2>
      <Props
        items={[
          [t('insp.id'), c.id.slice(0, 12)],
          [t('insp.image'), c.image],
          [t('insp.state'), t(c.paused ? 'state.paused' : `state.${c.state}`)],
          // State.Health: the last probe's verdict (docker ps shows it after "Up …")
          ...(c.health ? [[t('insp.health'), t(`health.${c.health.status}`)] as [string, string]] : []),
          [t('insp.networkMode'), c.networkMode],
          [t('insp.ports'), portsOf(c).join(', ') || '—'],
          [t('insp.env'), c.env.length ? c.env.join('\n') : '—'],
        ]}
      />
      <Section title={t('insp.endpoints')} testId="insp-endpoints">
        {c.endpoints.length === 0 && <div className="dim small">{t('insp.none')}</div>}
        {c.endpoints.map((ep) => {
          const net = world.networks[ep.networkId];
          const prefix = net?.ipam?.subnet?.split('/')[1];
          return (
            // one block per endpoint: a five-column table does not fit the panel's width
            <div className="endpoint mono" key={ep.networkId}>
              <div>
                <b>{net?.name ?? '?'}</b> <span className="dim">{ep.ifname ?? ''}</span>{' '}
                {ep.ip ? `${ep.ip}${prefix ? `/${prefix}` : ''}` : '—'}
              </div>
              <div className="dim">
                {ep.mac ?? ''} {ep.veth ? `↔ ${ep.veth}` : ''}
              </div>
            </div>
          );
        })}
      </Section>
      {c.state === 'running' && <StackTables tables={tables} where={where} nodeId={`ctr:${id}`} />}
      <Section title="/etc/resolv.conf" testId="insp-resolv" hot={hot.has('dns')}>
        <ToolOutput
          world={world}
          where={where}
          line="cat /etc/resolv.conf"
          mark={hot.has('dns') ? isNameserver : undefined}
          epoch={epoch}
        />
      </Section>
    </>
  );
}

function NetworkInspector({ world, tables, id }: { world: World; tables: Tables; id: string }) {
  const { t } = useTranslation();
  const n = world.networks[id];
  const fdb = liveFdb(tables.world.networks[id]?.fdb ?? [], tables.world.clock);
  const { hot, epoch } = useStepFlash(`net:${id}`);
  if (!n) return null;
  const attached = Object.values(world.containers).flatMap((c) =>
    c.endpoints.filter((ep) => ep.networkId === id).map((ep) => ({ c, ep })),
  );
  const userDefined = n.driver === 'bridge' && !n.predefined;
  const dnsRows = attached
    .filter(({ ep }) => ep.ip)
    .flatMap(({ c, ep }) => [c.name, ...ep.aliases, c.id.slice(0, 12)].map((name) => [name, ep.ip ?? '']));
  return (
    <>
      <h2 className="insp-title">{n.name}</h2>
      <Props
        items={[
          [t('insp.id'), n.id.slice(0, 12)],
          [t('insp.driver'), n.driver],
          [t('insp.bridge'), n.bridge ?? '—'],
          [t('insp.subnet'), n.ipam?.subnet ?? '—'],
          [t('insp.gateway'), n.ipam?.gateway ?? '—'],
          [t('insp.internal'), String(n.internal)],
        ]}
      />
      <Section title={t('insp.containers')} testId="insp-containers">
        <Table
          head={[t('insp.name'), 'IP', 'MAC']}
          rows={[
            ...attached.map(({ c, ep }) => [c.name, ep.ip ?? '', ep.mac ?? '']),
            // host and none: running containers of that mode share it without addresses (as
            // `docker network inspect host` lists them)
            ...(n.predefined && (n.driver === 'host' || n.driver === 'null')
              ? Object.values(world.containers)
                  .filter((c) => c.state === 'running' && c.networkMode === n.name)
                  .map((c) => [c.name, '', ''])
              : []),
          ]}
          empty={t('insp.none')}
        />
      </Section>
      {n.bridge && (
        <Section title={t('insp.fdb', { bridge: n.bridge })} testId="insp-fdb" hot={hot.has('fdb')} note={tables.note}>
          <Table
            head={['MAC', 'port']}
            rows={fdb.map((f) => [f.mac, f.port])}
            keys={fdb.map((f) => entryKey('fdb', f))}
            hot={hot.get('fdb')}
            epoch={epoch}
            empty={t('insp.empty')}
          />
        </Section>
      )}
      <Section title={t('insp.dns')} testId="insp-dns" hot={hot.has('dns')}>
        {userDefined ? (
          <Table
            head={[t('insp.name'), 'A']}
            rows={dnsRows}
            keys={dnsRows.map(([name]) => entryKey('dns', { name }))}
            hot={hot.get('dns')}
            epoch={epoch}
            empty={t('insp.empty')}
          />
        ) : (
          <div className="dim small">{t('insp.noDns')}</div>
        )}
      </Section>
    </>
  );
}

function MachineInspector({ world, tables, id }: { world: World; tables: Tables; id: string }) {
  const { t } = useTranslation();
  const m = world.machines[id];
  const conntrack = liveConntrack(tables.world.machines[id]?.conntrack ?? [], tables.world.clock);
  const where = useMemo<Where>(() => ({ kind: 'machine', id }), [id]);
  const { hot, epoch } = useStepFlash(id);
  if (!m) return null;
  const zone = Object.entries(m.zone ?? {});
  return (
    <>
      <h2 className="insp-title">{m.hostname}</h2>
      <Props items={[[t('insp.kind'), t(`role.${id === 'internet' ? 'internet' : m.kind}`)]]} />
      <StackTables tables={tables} where={where} nodeId={id} />
      {m.tools.includes('iptables') && (
        <Section title={t('insp.nat')} testId="insp-nat" hot={hot.has('nat')}>
          <ToolOutput
            world={world}
            where={where}
            line="iptables -t nat -S"
            mark={hot.has('nat') ? natLineHot(hot.get('nat')) : undefined}
            epoch={epoch}
          />
        </Section>
      )}
      {(id === DOCKER_HOST || m.kind === 'router') && (
        <Section title={t('insp.conntrack')} testId="insp-conntrack" hot={hot.has('conntrack')} note={tables.note}>
          <Table
            keys={conntrack.map((e) => entryKey('conntrack', e))}
            hot={hot.get('conntrack')}
            epoch={epoch}
            head={['proto', 'orig', 'reply', 'state']}
            rows={conntrack.map((e) => [
              e.proto,
              `${e.orig.src}:${e.orig.sport} → ${e.orig.dst}:${e.orig.dport}`,
              `${e.reply.src}:${e.reply.sport} → ${e.reply.dst}:${e.reply.dport}`,
              e.state,
            ])}
            empty={t('insp.empty')}
          />
        </Section>
      )}
      {zone.length > 0 && (
        <Section title={t('insp.zone')} testId="insp-zone" hot={hot.has('dns')}>
          <Table
            head={[t('insp.name'), 'A']}
            rows={zone}
            keys={zone.map(([name]) => entryKey('dns', { name }))}
            hot={hot.get('dns')}
            epoch={epoch}
            empty={t('insp.empty')}
          />
        </Section>
      )}
      {m.nameservers.length > 0 && (
        // a forwarder (the home router's dnsmasq) answers by asking its own nameserver
        <Section title="/etc/resolv.conf" testId="insp-resolv" hot={hot.has('dns') && !zone.length}>
          <ToolOutput
            world={world}
            where={where}
            line="cat /etc/resolv.conf"
            mark={hot.has('dns') && !zone.length ? isNameserver : undefined}
            epoch={epoch}
          />
        </Section>
      )}
    </>
  );
}

/** A switch (the LAN): what is plugged into it. It has no tables of its own to show. */
function SegmentInspector({ world, segment }: { world: World; segment: string }) {
  const { t } = useTranslation();
  const ports = Object.values(world.machines).flatMap((m) =>
    m.ifaces
      .filter((f) => f.segment === segment)
      .map((f) => [m.id, f.name, f.mac, f.addrs.map((a) => `${a.ip}/${a.prefix}`).join(' ')]),
  );
  return (
    <>
      <h2 className="insp-title">{segment === 'lan' ? t('node.lanSwitch') : segment}</h2>
      <p className="dim">{t('insp.segExplain')}</p>
      <Section title={t('insp.segPorts')} testId="insp-seg-ports">
        <Table head={['host', 'if', 'MAC', 'inet']} rows={ports} empty={t('insp.empty')} />
      </Section>
    </>
  );
}

/**
 * Properties and tables of the selected node. Loaded on demand (it brings the engine's stack view
 * and ip-num), so the first paint does not wait for it.
 */
export default function InspectorBody({ selected }: { selected: string }) {
  const { t } = useTranslation();
  const world = useApp((s) => s.world);
  const view = useTablesView();
  const note =
    view.step === null ? undefined : view.step < 0 ? t('insp.asOfStart') : t('insp.asOfStep', { n: view.step + 1 });
  const tables = useMemo<Tables>(() => ({ world: view.world, note }), [view.world, note]);
  if (selected.startsWith('ctr:'))
    return (
      <>
        <ContainerInspector world={world} tables={tables} id={selected.slice(4)} />
        <FilesSection owner={selected.slice(4)} />
      </>
    );
  if (selected.startsWith('net:')) return <NetworkInspector world={world} tables={tables} id={selected.slice(4)} />;
  if (world.machines[selected])
    return (
      <>
        <MachineInspector world={world} tables={tables} id={selected} />
        <FilesSection owner={selected} />
      </>
    );
  if (selected.startsWith('seg:')) return <SegmentInspector world={world} segment={selected.slice(4)} />;
  return <div className="dim">{t('insp.nothing')}</div>;
}
