// Above the records: the summary of the check (ui/Summary: the verdict, the
// counts, each problem linking to its row), what changed since the previous
// check and watching; then the DNS host found from the domain's NS records.
import { consoleOf, describeFinding, type Lang, type RecordCheck } from '~/core';
import { clockTime } from '../ui/clock';
import { guideHref } from '../ui/links';
import { useMessages } from '../ui/useMessages';
import { uiStrings } from '../ui/strings';
import { Summary, type SummaryProblem } from '../ui/Summary';
import { countStatuses, resultsOf, type CheckerState } from './state';
import { strings } from './strings';

/** The id of a record's row, for links from the summary. */
export const rowAnchor = (id: string): string => `mg-record-${id}`;

export function CheckerStatus({ lang, base, state, allPassed }: { lang: Lang; base: string; state: CheckerState; allPassed: boolean }) {
  const t = strings[lang];
  const statusName = uiStrings[lang].status;
  const names = uiStrings[lang].table.names;
  const { changes, watch, detected } = state;
  const messages = useMessages(lang, state.phase === 'done');
  const problems: SummaryProblem[] = resultsOf(state.rows).flatMap((row: RecordCheck) => {
    if (row.status === 'ok') return [];
    const first = row.findings.find((f) => f.code !== 'ttl');
    const text = first && messages ? describeFinding(first, messages).text : '';
    return [{ anchor: rowAnchor(row.id), label: names[row.id], status: row.status, text }];
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
      <Summary lang={lang} phase={state.phase} counts={countStatuses(state.rows)} total={state.rows.size} problems={problems} extra={extra} />
      {detected ? (
        <p className="mg-hint" data-dns-host={detected.id}>
          {detected.id === 'other' ? t.detectedOther : t.detectedHost(detected.name[lang])}{' '}
          <a href={guideHref(base, lang, consoleOf(detected).guide)}>{t.hostGuide}</a>
        </p>
      ) : null}
    </>
  );
}
