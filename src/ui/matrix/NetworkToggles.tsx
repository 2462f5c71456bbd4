import { useTranslation } from '../../i18n/translate';
import { orderedNetworks } from '../../store/graph';
import { appStore, useApp } from '../../store/instance';

/** One checkbox per network: shown on the canvas or hidden (a view preference, not the World). */
export function NetworkToggles() {
  const { t } = useTranslation();
  const world = useApp((s) => s.world);
  const hidden = useApp((s) => s.hiddenNetworks);
  return (
    <fieldset className="mx-nets" data-testid="matrix-networks">
      <legend>{t('matrix.networks')}</legend>
      <p className="dim small">{t('matrix.networksHint')}</p>
      <div className="mx-nets-list">
        {orderedNetworks(world).map((n) => (
          <label key={n.id} className="mx-net">
            <input
              type="checkbox"
              checked={!hidden.includes(n.id)}
              data-testid={`net-shown-${n.name}`}
              onChange={(e) => appStore().getState().setNetworkHidden(n.id, !e.target.checked)}
            />
            <span>{t('matrix.showNetwork', { name: n.name, subnet: n.ipam?.subnet ?? n.driver })}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
