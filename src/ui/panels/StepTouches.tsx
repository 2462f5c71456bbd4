import { useTranslation } from '../../i18n/translate';
import type { TableChange } from '../../sim/model';
import { appStore, useApp } from '../../store/instance';
import { inspectable, nodeLabel } from './stepFlash';

const NO_CHANGES: readonly TableChange[] = [];

/**
 * "This step": the node the packet is at and every node whose table the step reads or writes, each
 * one click from the Inspector. The selected one is marked; its rows flash below.
 */
export function StepTouches() {
  const { t } = useTranslation();
  const world = useApp((s) => s.world);
  const selected = useApp((s) => s.selected);
  const at = useApp((s) => {
    const a = s.cursor >= 0 ? s.trace?.steps[s.cursor]?.at : undefined;
    return a && 'node' in a ? a.node : null;
  });
  const changes = useApp((s) => (s.cursor >= 0 ? s.trace?.steps[s.cursor]?.changes : undefined) ?? NO_CHANGES);
  if (!at && !changes.length) return null;
  const items: { node: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const c of changes) {
    const key = `${c.on}|${c.table}|${c.kind ?? 'add'}`;
    if (seen.has(key) || !inspectable(world, c.on)) continue;
    seen.add(key);
    items.push({ node: c.on, label: t(`sim.change.${c.table}.${c.kind ?? 'add'}`) });
  }
  if (at && inspectable(world, at) && !changes.some((c) => c.on === at))
    items.unshift({ node: at, label: t('insp.packetHere') });
  if (!items.length) return null;
  return (
    <div className="step-touches" data-testid="step-touches">
      <div className="dim small">{t('insp.thisStep')}</div>
      {items.map((it) => (
        <button
          type="button"
          key={`${it.node}|${it.label}`}
          className={`touch${it.node === selected ? ' current' : ''}`}
          aria-pressed={it.node === selected}
          onClick={() => appStore().getState().select(it.node)}
          data-testid="step-touch"
        >
          <span>{it.label}</span> <b>{nodeLabel(world, it.node)}</b>
        </button>
      ))}
    </div>
  );
}
