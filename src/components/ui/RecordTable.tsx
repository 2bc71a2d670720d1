// The record table every check shows: one row per expected record with the
// host to type, the value to publish (copy buttons beside both) and the
// result. Markup contract (architecture §3): each row carries data-record and,
// once a check has started, data-status; each finding data-problem.
import { cacheExpiresAt, needsConsoleValue, type ExpectedRecord, type Lang, type RecordCheck, type RecordId } from '~/core';
import { Fragment } from 'react';
import { clockTime } from './clock';
import { CopyButton } from './CopyButton';
import { FindingList } from './FindingList';
import { StatusBadge } from './StatusBadge';
import { uiStrings } from './strings';
import './record-table.css';

export type RowState = { readonly status: 'pending' } | RecordCheck;

export interface RecordTableProps {
  readonly lang: Lang;
  /** Base path of the site, for links to guide pages. */
  readonly base: string;
  readonly caption: string;
  /** The records to publish, in order. */
  readonly records: readonly ExpectedRecord[];
  /** Each row's state; a record without one has not been checked. */
  readonly rows: ReadonlyMap<RecordId, RowState>;
  /** What to type in the DNS console's host field for a record. */
  readonly hostText: (rec: ExpectedRecord) => string;
  /** When the results arrived, to say when cached answers expire. */
  readonly checkedAt: number | undefined;
  /** The id of a record's row element (the summary links to it). */
  readonly rowId?: (id: RecordId) => string;
}

/** A DNS name that may break only after a dot, never inside a label. */
export function DnsName({ name }: { name: string }) {
  const labels = name.split('.');
  return (
    <code className="mg-dns-name">
      {labels.map((label, i) => (
        <span key={i}>
          {label}
          {i < labels.length - 1 ? '.' : ''}
          {i < labels.length - 1 ? <wbr /> : null}
        </span>
      ))}
    </code>
  );
}

/** A run of 40 or more base64 characters: a key (DKIM p=), not words or names. */
const OPAQUE = /[A-Za-z0-9+/]{40,}/;

/**
 * Record text (SPF, DMARC, DKIM, any TXT): breaks after a dot, colon, semicolon, comma, equals
 * sign or slash, so a host name inside it (include:spf.example.com) is not cut inside a label;
 * a text holding a long opaque run (a DKIM key) breaks anywhere instead.
 */
export function RecordValue({ text }: { text: string }) {
  if (OPAQUE.test(text)) return <code className="mg-value mg-opaque">{text}</code>;
  const parts = text.split(/(?<=[.:;,=/])/);
  return (
    <code className="mg-value">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

export function RecordTable({ lang, base, caption, records, rows, hostText, checkedAt, rowId }: RecordTableProps) {
  const t = uiStrings[lang].table;
  return (
    <table className="mg-records">
      <colgroup>
        <col className="mg-col-record" />
        <col className="mg-col-host" />
        <col className="mg-col-value" />
        <col className="mg-col-result" />
      </colgroup>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.record}</th>
          <th scope="col">{t.host}</th>
          <th scope="col">{t.value}</th>
          <th scope="col">{t.result}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((rec) => (
          <RecordRow
            key={rec.id}
            rec={rec}
            row={rows.get(rec.id)}
            host={hostText(rec)}
            checkedAt={checkedAt}
            lang={lang}
            base={base}
            {...(rowId ? { anchor: rowId(rec.id) } : {})}
          />
        ))}
      </tbody>
    </table>
  );
}

function RecordRow(props: {
  rec: ExpectedRecord;
  row: RowState | undefined;
  host: string;
  checkedAt: number | undefined;
  lang: Lang;
  base: string;
  anchor?: string;
}) {
  const { rec, row, host, checkedAt, lang, base, anchor } = props;
  const t = uiStrings[lang].table;
  const expires =
    row && row.status !== 'pending' && row.status !== 'ok' && checkedAt !== undefined
      ? cacheExpiresAt(checkedAt, row.ttl)
      : undefined;
  const status = row?.status;
  const merged = row !== undefined && row.status !== 'pending' && row.suggestion !== undefined && row.observed[0] !== row.suggestion;
  return (
    <tr data-record={rec.id} {...(status ? { 'data-status': status } : {})} {...(anchor ? { id: anchor, tabIndex: -1 } : {})}>
      <th scope="row">
        <span className="mg-record-name">{t.names[rec.id]}</span>
        <span className="mg-hint">
          {rec.type} · {rec.required ? t.required : t.optional}
        </span>
      </th>
      <td data-label={t.host}>
        <span className="mg-cell-copy">
          <DnsName name={host} /> <CopyButton lang={lang} label={`${t.host}: ${host}`} text={host} compact />
        </span>
      </td>
      <td data-label={t.value}>
        <ul className="mg-values">
          {rec.values.map((v) => (
            <li key={`${v.priority ?? ''}${v.value}`}>
              {v.priority !== undefined ? (
                <span className="mg-priority">
                  {t.priority} {v.priority}{' '}
                </span>
              ) : null}
              {needsConsoleValue(rec) ? (
                <span className="mg-hint">{t.consoleValue}</span>
              ) : (
                <span className="mg-cell-copy">
                  {rec.type === 'TXT' ? <RecordValue text={v.value} /> : <DnsName name={v.value} />}{' '}
                  <CopyButton lang={lang} label={`${t.value}: ${rec.type} ${host}`} text={v.value} compact />
                </span>
              )}
            </li>
          ))}
        </ul>
        {merged ? <p className="mg-hint">{t.merged}</p> : null}
      </td>
      <td data-label={t.result}>
        {row === undefined ? (
          <span className="mg-hint">{t.notChecked}</span>
        ) : row.status === 'pending' ? (
          <StatusBadge lang={lang} status="pending" />
        ) : (
          <>
            <StatusBadge lang={lang} status={row.status} />
            <div className="mg-observed">
              {row.observed.length > 0 ? (
                <>
                  <span>{t.observed}</span>
                  <ul>
                    {row.observed.map((o, i) => (
                      <li key={i}>
                        <RecordValue text={o} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : row.status !== 'error' ? (
                <span>{t.observedNone}</span>
              ) : null}
            </div>
            {expires !== undefined ? <p className="mg-hint">{t.cacheUntil(clockTime(expires, lang))}</p> : null}
            <FindingList findings={row.findings} lang={lang} base={base} />
          </>
        )}
      </td>
    </tr>
  );
}
