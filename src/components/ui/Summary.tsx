// The verdict of a check, above its results: in words, the counts by status
// (icon, word and colour together), and a line per row or per problem, each
// linking to its row. Markup contract (architecture §3): [data-summary]
// carries data-ok, data-warn, data-fail and data-error once the check is final.
import type { ReactNode } from 'react';
import type { CheckStatus, Lang } from '~/core';
import { StatusBadge, type BadgeStatus } from './StatusBadge';
import { uiStrings } from './strings';

export interface SummaryProblem {
  /** The id of the row element to link to. */
  readonly anchor: string;
  readonly label: string;
  /** A problem's status, or (in a line per row) `ok` and `pending` too. */
  readonly status: Exclude<BadgeStatus, 'differs'>;
  /** The first finding's text (for `ok` and `pending`, the status in words is shown instead). */
  readonly text: string;
}

export interface SummaryProps {
  readonly lang: Lang;
  readonly phase: 'idle' | 'running' | 'done' | 'aborted';
  readonly counts: Readonly<Record<CheckStatus, number>>;
  /** Rows checked or being checked. */
  readonly total: number;
  /** The problems found, or with `oneLine` a line for every row (pending, ok and problems alike). */
  readonly problems: readonly SummaryProblem[];
  /**
   * One line per item, cut with an ellipsis (the row holds the whole text): with a line for
   * every row from the start, the summary keeps its height while results arrive, so nothing
   * below it moves.
   */
  readonly oneLine?: boolean;
  /** More to say after the verdict (what changed, watching). */
  readonly extra?: string;
  /** A control beside the verdict (the checker's Stop while it runs); it must fit the verdict's line. */
  readonly action?: ReactNode;
}

const ORDER: readonly CheckStatus[] = ['fail', 'warn', 'error', 'ok'];

const ICONS = { ok: '✓', warn: '!', fail: '✗', error: '?', pending: '…' } as const;

export function Summary({ lang, phase, counts, total, problems, oneLine = false, extra, action }: SummaryProps) {
  const s = uiStrings[lang];
  const final = phase === 'done';
  const verdict =
    phase === 'running'
      ? s.summary.running(total - counts.ok - counts.warn - counts.fail - counts.error, total)
      : phase === 'aborted'
        ? s.summary.aborted
        : phase === 'done'
          ? s.summary.verdict(counts, total)
          : '';
  const colon = lang === 'zh' ? '：' : ': ';
  return (
    <section
      className="mg-summary"
      data-phase={phase}
      aria-label={s.summary.label}
      {...(final
        ? { 'data-summary': '', 'data-ok': counts.ok, 'data-warn': counts.warn, 'data-fail': counts.fail, 'data-error': counts.error }
        : {})}
    >
      <div className="mg-summary-head">
        <p className="mg-summary-verdict" role="status" aria-live="polite">
          {verdict}
          {extra ? ` ${extra}` : ''}
        </p>
        {action}
      </div>
      {final || phase === 'running' ? (
        <ul className="mg-counts" aria-label={s.summary.counts}>
          {ORDER.map((status) => (
            <li key={status} className={counts[status] === 0 ? 'mg-count-zero' : undefined}>
              <StatusBadge lang={lang} status={status} label={`${s.status[status]} ${counts[status]}`} />
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length > 0 ? (
        <ol className={oneLine ? 'mg-summary-problems mg-summary-lines' : 'mg-summary-problems'}>
          {problems.map((p) => (
            <li key={p.anchor} data-severity={p.status}>
              {oneLine ? (
                <>
                  {/* A new element for a new status (keyed), not the same one with another glyph in it. */}
                  <span key={p.status} className="mg-line-icon" aria-hidden="true">
                    {ICONS[p.status]}
                  </span>{' '}
                  {/* A problem's line says its status to screen readers too (ok and pending say it in words). */}
                  {p.status === 'ok' || p.status === 'pending' ? null : <span className="mg-sr-only">{s.status[p.status]} </span>}
                </>
              ) : null}
              <a href={`#${p.anchor}`}>{p.label}</a>
              {colon}
              {p.status === 'ok' || p.status === 'pending' ? s.status[p.status] : p.text}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
