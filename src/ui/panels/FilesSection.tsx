import { useMemo } from 'react';
import { useTranslation } from '../../i18n/translate';
import '../../i18n/files';
import { storedFiles, treeOf } from '../../sim/fs';
import { appStore, useApp } from '../../store/instance';
import { downloadWorldFile } from '../editor/fileDownload';
import { Section } from './InspectorParts';

/**
 * The files a machine or container holds (what `nano`, `echo … >` and `tcpdump -w` wrote, and the
 * Docker host's compose project): text opens in the editor, a capture downloads as a .pcap.
 */
export function FilesSection({ owner }: { owner: string }) {
  const { t } = useTranslation();
  const world = useApp((s) => s.world);
  const ready = useApp((s) => s.ready);
  const files = useMemo(() => storedFiles(world, owner), [world, owner]);
  const open = (path: string) => {
    const refused = appStore().getState().openEditor(owner, path, 'inspector');
    if (refused) appStore().getState().note(refused);
  };
  const download = (path: string, binary: boolean) => {
    const text = treeOf(world, owner)[path];
    if (typeof text === 'string') downloadWorldFile(path, text, binary);
  };
  return (
    <Section title={t('files.title')} testId="insp-files">
      {files.length === 0 ? (
        <div className="dim small">{t('files.none')}</div>
      ) : (
        <ul className="insp-files">
          {files.map((f) => (
            <li key={f.path}>
              <span className="mono insp-file-path">{f.path}</span>
              <span className="dim small">{t('files.bytes', { size: f.size })}</span>
              {!f.binary && (
                <button
                  type="button"
                  disabled={!ready}
                  onClick={() => open(f.path)}
                  title={t('files.openTitle', { path: f.path })}
                  aria-label={t('files.openTitle', { path: f.path })}
                >
                  {t('files.open')}
                </button>
              )}
              <button
                type="button"
                onClick={() => download(f.path, f.binary)}
                title={t('files.downloadTitle', { path: f.path })}
                aria-label={t('files.downloadTitle', { path: f.path })}
              >
                {t('files.download')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
