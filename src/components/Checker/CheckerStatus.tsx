// Above the records: the summary of the check (ui/Summary: the verdict, the
// counts, a line per row linking to it), what changed since the previous
// check and watching; then the DNS host found from the domain's NS records.
import { consoleOf, describeFinding, type Lang } from '~/core';
import { clockTime } from '../ui/clock';
import { guideHref } from '../ui/links';
import { useMessages } from '../ui/useMessages';
import { uiStrings } from '../ui/strings';
import { Summary, type SummaryProblem } from '../ui/Summary';
import { countStatuses, type CheckerState } from './state';
import { strings } from './strings';

/** The id of a record's row, for links from the summary. */
export const rowAnchor = (id: string): string => `mg-record-${id}`;

export interface CheckerStatusProps {
  readonly lang: Lang;
  readonly base: string;
  readonly state: CheckerState;
  readonly allPassed: boolean;
  /** Stops the check that runs (offered beside the verdict while it runs). */
  readonly stop: () => void;
}

export function CheckerStatus({ lang, base, state, allPassed, stop }: CheckerStatusProps) {
  const t = strings[lang];
  const statusName = uiStrings[lang].status;
  const names = uiStrings[lang].table.names;
  const { changes, watch, detected } = state;
  const messages = useMessages(
    lang,
    [...state.rows.values()].some((row) => row.status !== 'pending' && row.status !== 'ok'),
  );
  // A line for every row from the start (pending, then its result), in the table's order: the
  // summary keeps its height while results arrive, so the table below it does not move.
  const lines: SummaryProblem[] = [...state.rows].map(([id, row]) => {
    const first = row.status === 'pending' ? undefined : row.findings.find((f) => f.code !== 'ttl');
    const text = first && messages ? describeFinding(first, messages).text : '';
    return { anchor: rowAnchor(id), label: names[id], status: row.status, text };
  });
  const extra = [
    changes.length > 0 ? changes.map((ch) => t.changed(names[ch.id], statusName[ch.from], statusName[ch.to])).join(lang === 'zh' ? '；' : '; ') : '',
    watch.on && watch.nextAt !== undefined ? t.watching(clockTime(watch.nextAt, lang)) : '',
    !watch.on && allPassed && changes.length > 0 ? t.watchDone : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  return (
    <>
      <Summary
        lang={lang}
        phase={state.phase}
        counts={countStatuses(state.rows)}
        total={state.rows.size}
        problems={lines}
        oneLine
        extra={extra}
        action={
          state.phase === 'running' ? (
            <button type="button" className="mg-small" onClick={stop}>
              {t.stop}
            </button>
          ) : null
        }
      />
      {/* Its line is kept from the start of a check, so the name arriving moves nothing below it. */}
      {state.phase !== 'idle' ? (
        <p className="mg-hint mg-detected" {...(detected ? { 'data-dns-host': detected.id } : {})}>
          {detected ? (
            <>
              {detected.id === 'other' ? t.detectedOther : t.detectedHost(detected.name[lang])}{' '}
              <a href={guideHref(base, lang, consoleOf(detected).guide)}>{t.hostGuide}</a>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
