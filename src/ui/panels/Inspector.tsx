import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCKER_HOST } from '../../sim/ids';
import type { World } from '../../sim/model';
import { stackOf } from '../../sim/stack';
import type { Where } from '../../sim/where';
import { portsOf } from '../../store/graph';
import { useApp } from '../../store/instance';
import { probe } from './probe';

function Table({ head, rows, empty }: { head: string[]; rows: (string | number)[][]; empty: string }) {
  if (!rows.length) return <div className="dim small">{empty}</div>;
  return (
    <table className="tbl mono">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // rows have no identity of their own; their order is the table's
          // biome-ignore lint/suspicious/noArrayIndexKey: table rows are positional
          <tr key={i}>
            {r.map((c, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={j}>{String(c)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <details open className="insp-section" data-testid={testId}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

function Props({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="props">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd className="mono">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function ToolOutput({ world, where, line }: { world: World; where: Where; line: string }) {
  const ready = useApp((s) => s.ready);
  const out = useMemo(
    () => (ready ? probe(world, where, line) : { output: '…', ok: true }),
    [ready, world, where, line],
  );
  return (
    <>
      <div className="dim small mono">$ {line}</div>
      <pre className={`tool-out mono${out.ok ? '' : ' err'}`}>{out.output || ' '}</pre>
    </>
  );
}

function StackTables({ world, where }: { world: World; where: Where }) {
  const { t } = useTranslation();
  const stack = useMemo(() => stackOf(world, where), [world, where]);
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
      <Section title={t('insp.routes')} testId="insp-routes">
        <Table
          head={['dst', 'via', 'dev', 'src']}
          rows={stack.routes.map((r) => [r.dst, r.via ?? '', r.dev + (r.linkdown ? ' linkdown' : ''), r.src ?? ''])}
          empty={t('insp.none')}
        />
      </Section>
      <Section title={t('insp.arp')} testId="insp-arp">
        <Table
          head={['IP', 'MAC', 'dev', 'state']}
          rows={stack.arp.map((a) => [a.ip, a.mac, a.dev, a.state])}
          empty={t('insp.empty')}
        />
      </Section>
    </>
  );
}

function ContainerInspector({ world, id }: { world: World; id: string }) {
  const { t } = useTranslation();
  const c = world.containers[id];
  const where = useMemo<Where>(() => ({ kind: 'container', id }), [id]);
  if (!c) return null;
  return (
    <>
      <h2 className="insp-title">{c.name}</h2>
      <Props
        items={[
          [t('insp.id'), c.id.slice(0, 12)],
          [t('insp.image'), c.image],
          [t('insp.state'), t(`state.${c.state}`)],
          [t('insp.networkMode'), c.networkMode],
          [t('insp.ports'), portsOf(c).join(', ') || '—'],
          [t('insp.env'), c.env.length ? c.env.join('\n') : '—'],
        ]}
      />
      <Section title={t('insp.endpoints')} testId="insp-endpoints">
        <Table
          head={[t('insp.network'), 'if', 'IP', 'MAC', 'veth']}
          rows={c.endpoints.map((ep) => [
            world.networks[ep.networkId]?.name ?? '?',
            ep.ifname ?? '',
            ep.ip ?? '',
            ep.mac ?? '',
            ep.veth ?? '',
          ])}
          empty={t('insp.none')}
        />
      </Section>
      {c.state === 'running' && <StackTables world={world} where={where} />}
      <Section title="/etc/resolv.conf" testId="insp-resolv">
        <ToolOutput world={world} where={where} line="cat /etc/resolv.conf" />
      </Section>
    </>
  );
}

function NetworkInspector({ world, id }: { world: World; id: string }) {
  const { t } = useTranslation();
  const n = world.networks[id];
  if (!n) return null;
  const attached = Object.values(world.containers).flatMap((c) =>
    c.endpoints.filter((ep) => ep.networkId === id).map((ep) => ({ c, ep })),
  );
  const userDefined = n.driver === 'bridge' && !n.predefined;
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
      <Section title={t('insp.containers')}>
        <Table
          head={[t('insp.name'), 'IP', 'MAC']}
          rows={attached.map(({ c, ep }) => [c.name, ep.ip ?? '', ep.mac ?? ''])}
          empty={t('insp.none')}
        />
      </Section>
      {n.bridge && (
        <Section title={t('insp.fdb', { bridge: n.bridge })} testId="insp-fdb">
          <Table head={['MAC', 'port']} rows={n.fdb.map((f) => [f.mac, f.port])} empty={t('insp.empty')} />
        </Section>
      )}
      <Section title={t('insp.dns')} testId="insp-dns">
        {userDefined ? (
          <Table
            head={[t('insp.name'), 'A']}
            rows={attached
              .filter(({ ep }) => ep.ip)
              .flatMap(({ c, ep }) => [c.name, ...ep.aliases, c.id.slice(0, 12)].map((name) => [name, ep.ip!]))}
            empty={t('insp.empty')}
          />
        ) : (
          <div className="dim small">{t('insp.noDns')}</div>
        )}
      </Section>
    </>
  );
}

function MachineInspector({ world, id }: { world: World; id: string }) {
  const { t } = useTranslation();
  const m = world.machines[id];
  const where = useMemo<Where>(() => ({ kind: 'machine', id }), [id]);
  if (!m) return null;
  return (
    <>
      <h2 className="insp-title">{m.hostname}</h2>
      <Props items={[[t('insp.kind'), t(`role.${id === 'internet' ? 'internet' : m.kind}`)]]} />
      <StackTables world={world} where={where} />
      {m.tools.includes('iptables') && (
        <Section title={t('insp.nat')} testId="insp-nat">
          <ToolOutput world={world} where={where} line="iptables -t nat -S" />
        </Section>
      )}
      {(id === DOCKER_HOST || m.kind === 'router') && (
        <Section title={t('insp.conntrack')} testId="insp-conntrack">
          <Table
            head={['proto', 'orig', 'reply', 'state']}
            rows={m.conntrack.map((e) => [
              e.proto,
              `${e.orig.src}:${e.orig.sport} → ${e.orig.dst}:${e.orig.dport}`,
              `${e.reply.src}:${e.reply.sport} → ${e.reply.dst}:${e.reply.dport}`,
              e.state,
            ])}
            empty={t('insp.empty')}
          />
        </Section>
      )}
      {m.nameservers.length > 0 && (
        <Section title="/etc/resolv.conf">
          <pre className="tool-out mono">{m.nameservers.map((n) => `nameserver ${n}`).join('\n')}</pre>
        </Section>
      )}
    </>
  );
}

/** Properties and tables of the selected node. */
export function Inspector() {
  const { t } = useTranslation();
  const selected = useApp((s) => s.selected);
  const world = useApp((s) => s.world);
  let body: ReactNode = <div className="dim">{t('insp.nothing')}</div>;
  if (selected?.startsWith('ctr:')) body = <ContainerInspector world={world} id={selected.slice(4)} />;
  else if (selected?.startsWith('net:')) body = <NetworkInspector world={world} id={selected.slice(4)} />;
  else if (selected && world.machines[selected]) body = <MachineInspector world={world} id={selected} />;
  return (
    <aside className="inspector" aria-label={t('insp.title')} data-testid="inspector">
      <header className="panel-head">{t('insp.title')}</header>
      <div className="insp-body">{body}</div>
    </aside>
  );
}
