// Downloads of the records to publish (BIND zone snippet, CSV for the chosen
// DNS host) and the zone snippet shown in the page.
import { useMemo, useState } from 'react';
import { toCsv, toZoneFile, type ExpectedRecord, type HostId, type Lang } from '~/core';
import { saveFile } from '../ui/links';
import { strings } from './strings';

export function CheckerExports(props: { lang: Lang; ascii: string; records: readonly ExpectedRecord[]; host: HostId }) {
  const { lang, ascii, records, host } = props;
  const t = strings[lang];
  const [showZone, setShowZone] = useState(false);
  const zone = useMemo(() => toZoneFile(records, ascii), [records, ascii]);
  return (
    <>
      <div className="mg-actions">
        <button type="button" onClick={() => saveFile(`${ascii}.zone.txt`, zone, 'text/plain;charset=utf-8')}>
          {t.exportZone}
        </button>
        <button type="button" onClick={() => saveFile(`${ascii}-records.csv`, toCsv(records, host), 'text/csv;charset=utf-8')}>
          {t.exportCsv}
        </button>
        <button type="button" aria-expanded={showZone} onClick={() => setShowZone((v) => !v)}>
          {t.showZone}
        </button>
      </div>
      {showZone ? (
        <pre className="mg-zone" data-export="zone">
          {zone}
        </pre>
      ) : null}
    </>
  );
}
