// Downloads of the records to publish (BIND zone snippet, CSV for the chosen
// DNS host) and the zone snippet shown in the page. The export code loads when
// it is first used: most visits never export.
import { useState } from 'react';
import type { ExpectedRecord, HostId, Lang } from '~/core';
import { saveFile } from '../ui/links';
import { strings } from './strings';

type Exporters = typeof import('~/core/export/index');
const loadExporters = (): Promise<Exporters> => import('~/core/export/index');

export function CheckerExports(props: { lang: Lang; ascii: string; records: readonly ExpectedRecord[]; host: HostId }) {
  const { lang, ascii, records, host } = props;
  const t = strings[lang];
  const [exporters, setExporters] = useState<Exporters | undefined>(undefined);
  const [showZone, setShowZone] = useState(false);
  const withExporters = async (use: (e: Exporters) => void): Promise<void> => {
    const e = exporters ?? (await loadExporters());
    setExporters(e);
    use(e);
  };
  const zone = showZone && exporters ? exporters.toZoneFile(records, ascii) : '';

  return (
    <>
      <div className="mg-actions">
        <button
          type="button"
          onClick={() =>
            void withExporters((e) => saveFile(`${ascii}.zone.txt`, e.toZoneFile(records, ascii), 'text/plain;charset=utf-8'))
          }
        >
          {t.exportZone}
        </button>
        <button
          type="button"
          onClick={() =>
            void withExporters((e) => saveFile(`${ascii}-records.csv`, e.toCsv(records, host), 'text/csv;charset=utf-8'))
          }
        >
          {t.exportCsv}
        </button>
        <button type="button" aria-expanded={showZone} onClick={() => void withExporters(() => setShowZone((v) => !v))}>
          {t.showZone}
        </button>
      </div>
      {zone ? (
        <pre className="mg-zone" data-export="zone">
          {zone}
        </pre>
      ) : null}
    </>
  );
}
