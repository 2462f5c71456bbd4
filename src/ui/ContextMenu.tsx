import { useReactFlow } from '@xyflow/react';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/translate';
import { appStore, useApp } from '../store/instance';
import { act, containerOf, deleteCommand, deleteSelected, toggleRunning } from './actions';
import { zoomToHost } from './canvas/fit';
import type { FlowNode } from './canvas/flow';
import { shellArg } from './canvas/gestures';

/** Right-click menu: the toolbar's actions for the node under the pointer, or for the empty canvas. */
export function ContextMenu() {
  const { t } = useTranslation();
  const menu = useApp((s) => s.menu);
  const world = useApp((s) => s.world);
  const ref = useRef<HTMLDivElement>(null);
  const rf = useReactFlow<FlowNode>();
  useEffect(() => {
    // opened with the keyboard or the mouse, the first item takes focus so arrows and Enter work
    if (menu) ref.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [menu]);
  if (!menu) return null;
  const s = appStore().getState();
  const c = containerOf(world, menu.node);
  const net = menu.node?.startsWith('net:') ? world.networks[menu.node.slice(4)] : undefined;
  // a Docker host's box: its node id is its machine id
  const host = menu.node && world.daemons[menu.node] ? menu.node : null;
  const close = () => s.openMenu(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const go = (j: number) => items[(j + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Tab' || e.key === 'Escape') close();
    else return;
    e.preventDefault();
  };
  const item = (key: string, fn: () => void, testId: string, params?: Record<string, string>) => (
    <button
      type="button"
      role="menuitem"
      key={testId}
      data-testid={testId}
      onClick={() => {
        close();
        fn();
      }}
    >
      {t(key, params)}
    </button>
  );
  // the drag gestures, for the keyboard and for touch screens (no Alt to hold): connect to each
  // other bridge, disconnect from each attached network; a host/none container can do neither
  const own = c && !['host', 'none'].includes(c.networkMode) && !c.networkMode.startsWith('container:');
  const attached = own ? c.endpoints.map((ep) => world.networks[ep.networkId]).filter((n) => !!n) : [];
  const others = own ? Object.values(world.networks).filter((n) => n.driver === 'bridge' && !attached.includes(n)) : [];
  const rows = c ? 4 + attached.length + others.length : host ? 4 : 3;
  const menuH = rows * 34 + 12;
  return (
    <div
      className="ctx-backdrop"
      onClick={close}
      onContextMenu={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <div
        className="ctx-menu"
        role="menu"
        ref={ref}
        style={{
          left: Math.min(menu.x, window.innerWidth - 240),
          top: Math.max(0, Math.min(menu.y, window.innerHeight - menuH)),
        }}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
        data-testid="context-menu"
      >
        {c && (
          <>
            {item(
              c.state === 'running' ? 'toolbar.stop' : 'toolbar.start',
              () => toggleRunning(menu.node),
              'ctx-startstop',
            )}
            {item('toolbar.rename', () => s.openDialog({ kind: 'rename', container: c.id }), 'ctx-rename')}
            {item('toolbar.publish', () => s.openDialog({ kind: 'publish', container: c.id }), 'ctx-publish')}
            {others.map((n) =>
              item(
                'menu.connect',
                () => act([`docker network connect ${shellArg(n.name)} ${shellArg(c.name)}`]),
                `ctx-connect-${n.name}`,
                {
                  net: n.name,
                },
              ),
            )}
            {attached.map((n) =>
              item(
                'menu.disconnect',
                () => act([`docker network disconnect ${shellArg(n.name)} ${shellArg(c.name)}`]),
                `ctx-disconnect-${n.name}`,
                { net: n.name },
              ),
            )}
            {item('toolbar.delete', deleteSelected, 'ctx-delete')}
          </>
        )}
        {net && (
          <>
            {net.driver === 'bridge' &&
              item('menu.addHere', () => s.openDialog({ kind: 'addContainer', network: net.name }), 'ctx-add-here')}
            {deleteCommand(world, menu.node!) &&
              !net.predefined &&
              item('toolbar.delete', deleteSelected, 'ctx-delete')}
          </>
        )}
        {host && item('canvas.zoomToHost', () => zoomToHost(rf, host, s.presenter, s.largeLabels), 'ctx-zoom-host')}
        {!c && !net && (
          <>
            {item('toolbar.addContainer', () => s.openDialog({ kind: 'addContainer' }), 'ctx-add-container')}
            {item('toolbar.addNetwork', () => s.openDialog({ kind: 'addNetwork' }), 'ctx-add-network')}
            {item('toolbar.addHost', () => s.addHost(), 'ctx-add-host')}
          </>
        )}
      </div>
    </div>
  );
}
