// The verdict of a check, above its results: in words, the counts by status
// (icon, word and colour together), and the problems found, each linking to
// its row. Markup contract (architecture §3): [data-summary] carries data-ok,
// data-warn, data-fail and data-error once the check is final.
import type { CheckStatus, Lang } from '~/core';
import { StatusBadge } from './StatusBadge';
import { uiStrings } from './strings';

export interface SummaryProblem {
  /** The id of the row element to link to. */
  readonly anchor: string;
  readonly label: string;
  readonly status: Exclude<CheckStatus, 'ok'>;
  /** The first finding's text. */
  readonly text: string;
}

export interface SummaryProps {
  readonly lang: Lang;
  readonly phase: 'idle' | 'running' | 'done' | 'aborted';
  readonly counts: Readonly<Record<CheckStatus, number>>;
  /** Rows checked or being checked. */
  readonly total: number;
  readonly problems: readonly SummaryProblem[];
  /** More to say after the verdict (what changed, watching). */
  readonly extra?: string;
}

const ORDER: readonly CheckStatus[] = ['fail', 'warn', 'error', 'ok'];

export function Summary({ lang, phase, counts, total, problems, extra }: SummaryProps) {
  const s = uiStrings[lang].summary;
  const final = phase === 'done';
  const verdict =
    phase === 'running'
      ? s.running(total - counts.ok - counts.warn - counts.fail - counts.error, total)
      : phase === 'aborted'
        ? s.aborted
        : phase === 'done'
          ? s.verdict(counts, total)
          : '';
  return (
    <section
      className="mg-summary"
      data-phase={phase}
      aria-label={s.label}
      {...(final
        ? { 'data-summary': '', 'data-ok': counts.ok, 'data-warn': counts.warn, 'data-fail': counts.fail, 'data-error': counts.error }
        : {})}
    >
      <p className="mg-summary-verdict" role="status" aria-live="polite">
        {verdict}
        {extra ? ` ${extra}` : ''}
      </p>
      {final || phase === 'running' ? (
        <ul className="mg-counts" aria-label={s.counts}>
          {ORDER.map((status) => (
            <li key={status} className={counts[status] === 0 ? 'mg-count-zero' : undefined}>
              <StatusBadge lang={lang} status={status} label={`${uiStrings[lang].status[status]} ${counts[status]}`} />
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length > 0 ? (
        <ol className="mg-summary-problems">
          {problems.map((p) => (
            <li key={p.anchor} data-severity={p.status}>
              <a href={`#${p.anchor}`}>{p.label}</a>
              {lang === 'zh' ? '：' : ': '}
              {p.text}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
