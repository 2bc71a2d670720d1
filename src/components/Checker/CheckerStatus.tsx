// The line under the form that a screen reader announces: the summary of a
// finished check, what changed since the previous one, and watching; then the
// DNS host found from the domain's NS records, with its guide page.
import { consoleOf, type Lang } from '~/core';
import { clockTime } from '../ui/clock';
import { guideHref } from '../ui/links';
import { uiStrings } from '../ui/strings';
import { countStatuses, type CheckerState } from './state';
import { strings } from './strings';

export function CheckerStatus({ lang, base, state, allPassed }: { lang: Lang; base: string; state: CheckerState; allPassed: boolean }) {
  const t = strings[lang];
  const statusName = uiStrings[lang].status;
  const names = uiStrings[lang].table.names;
  const counts = countStatuses(state.rows);
  const { changes, watch, detected } = state;
  return (
    <>
      <p className="mg-status" role="status" aria-live="polite">
        {state.phase === 'done'
          ? t.summary(state.rows.size, counts.ok, counts.warn, counts.fail, counts.error)
          : state.phase === 'aborted'
            ? t.summaryAborted
            : ''}
        {changes.length > 0
          ? ` ${changes.map((ch) => t.changed(names[ch.id], statusName[ch.from], statusName[ch.to])).join(lang === 'zh' ? '；' : '; ')}`
          : ''}
        {watch.on && watch.nextAt !== undefined ? ` ${t.watching(clockTime(watch.nextAt, lang))}` : ''}
        {!watch.on && allPassed && changes.length > 0 ? ` ${t.watchDone}` : ''}
      </p>
      {detected ? (
        <p className="mg-hint" data-dns-host={detected.id}>
          {detected.id === 'other' ? t.detectedOther : t.detectedHost(detected.name[lang])}{' '}
          <a href={guideHref(base, lang, consoleOf(detected).guide)}>{t.hostGuide}</a>
        </p>
      ) : null}
    </>
  );
}
