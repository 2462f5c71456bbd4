import { memo } from 'react';
import { useTranslation } from '../../i18n/translate';
import { downloadBlob } from '../../io/download';
import { useSim } from './useSim';

/** Downloads the loaded trace as a `.pcap` (the writer loads on click, outside the initial bundle). */
export const PcapButton = memo(function PcapButton() {
  const { t } = useTranslation();
  const hasTrace = useSim((s) => s.trace !== null);
  if (!hasTrace) return null;
  const save = async () => {
    const { trace, traceWorlds, world } = useSim.getState();
    if (!trace) return;
    const { tracePcap, pcapFileName } = await import('../../io/pcap');
    const bytes = tracePcap(trace, (traceWorlds?.before ?? world).clock);
    downloadBlob(pcapFileName(trace), bytes as Uint8Array<ArrayBuffer>, 'application/vnd.tcpdump.pcap');
  };
  return (
    <button
      type="button"
      className="sim-pcap"
      onClick={() => void save()}
      title={t('sim.pcap.title')}
      data-testid="sim-pcap"
    >
      {t('sim.pcap')}
    </button>
  );
});
