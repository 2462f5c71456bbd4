import { memo } from 'react';
import { useTranslation } from '../../i18n/translate';
import { PROTO_CATEGORIES } from '../../sim/playback/protocol';
import { PROTO_COLOURS } from './protoColours';
import { useSim } from './useSim';

/** One checkbox per protocol family; doubles as the colour legend of the marker. */
export const ProtoFilters = memo(function ProtoFilters() {
  const { t } = useTranslation();
  const filters = useSim((s) => s.filters);
  return (
    <fieldset className="sim-filters">
      <legend>{t('sim.filters')}</legend>
      {PROTO_CATEGORIES.map((c) => (
        <label key={c} className="sim-filters__item">
          <input type="checkbox" checked={filters[c]} onChange={() => useSim.getState().toggleFilter(c)} />
          <span className="sim-swatch" style={{ background: PROTO_COLOURS[c] }} aria-hidden="true" />
          {t(`sim.proto.${c}`)}
        </label>
      ))}
    </fieldset>
  );
});
