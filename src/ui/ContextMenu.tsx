import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../store/instance';
import { containerOf, deleteCommand, deleteSelected, toggleRunning } from './actions';

/** Right-click menu: the toolbar's actions for the node under the pointer, or for the empty canvas. */
export function ContextMenu() {
  const { t } = useTranslation();
  const menu = useApp((s) => s.menu);
  const world = useApp((s) => s.world);
  if (!menu) return null;
  const s = appStore().getState();
  const c = containerOf(world, menu.node);
  const net = menu.node?.startsWith('net:') ? world.networks[menu.node.slice(4)] : undefined;
  const close = () => s.openMenu(null);
  const item = (key: string, fn: () => void, testId: string) => (
    <button
      type="button"
      role="menuitem"
      data-testid={testId}
      onClick={() => {
        close();
        fn();
      }}
    >
      {t(key)}
    </button>
  );
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
        style={{ left: menu.x, top: menu.y }}
        onClick={(e) => e.stopPropagation()}
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
        {!c && !net && (
          <>
            {item('toolbar.addContainer', () => s.openDialog({ kind: 'addContainer' }), 'ctx-add-container')}
            {item('toolbar.addNetwork', () => s.openDialog({ kind: 'addNetwork' }), 'ctx-add-network')}
          </>
        )}
      </div>
    </div>
  );
}
