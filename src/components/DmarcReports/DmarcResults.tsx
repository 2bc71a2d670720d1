// The viewer's results, once reports are loaded: the overview (verdict,
// figures, copy report, CSV), the filters, what to do, the two pictures, the
// sources, the reporters and the reports read. Its own chunk, loaded when the
// first files are chosen (DmarcReports.tsx), so the page at load carries only
// the picker. Markup contract (architecture §3): [data-total-messages]
// [data-total-pass] on the overview; [data-source-ip] and [data-report] in
// DmarcSources.tsx and DmarcTables.tsx.
import { useId, type ReactNode } from 'react';
import { reportsToCsv, type Lang, type ReportsText, type Resolver, type Summary as ReportSummary } from '~/core';
import { CopyReport } from '../ui/CopyReport';
import { reportResolvers } from '../ui/report';
import { saveFile } from '../ui/links';
import { StatusBadge } from '../ui/StatusBadge';
import { DayChart, RateChart } from './DmarcCharts';
import { AdviceList, SourceList } from './DmarcSources';
import { ReportList, ReporterTable } from './DmarcTables';
import { reportBody, type ReportFilters } from './model';
import type { DmarcStrings } from './strings.zh';
import type { DmarcReportsState } from './useDmarcReports';

export interface DmarcResultsProps {
  lang: Lang;
  base: string;
  s: DmarcStrings;
  text: ReportsText;
  r: DmarcReportsState;
  /** The resolvers asked for PTR names, in order (for the copied report). */
  resolvers: readonly Resolver[];
}

/** Sources drawn in the pass-rate picture. */
const CHART_SOURCES = 12;

function Overview({
  s,
  text,
  summary,
  children,
}: {
  s: DmarcStrings;
  text: ReportsText;
  summary: ReportSummary;
  children: ReactNode;
}) {
  const id = useId();
  const t = summary.totals;
  const verdict =
    t.messages === 0
      ? s.verdictNone
      : t.fail === 0
        ? s.verdictAllPass(t.messages)
        : s.verdictSomeFail(t.fail, t.messages, s.share(t.fail, t.messages));
  const stats: { key: string; label: string; value: string; status?: 'ok' | 'fail' }[] = [
    { key: 'messages', label: s.stats.messages, value: text.count(t.messages) },
    { key: 'pass', label: s.stats.pass, value: `${text.count(t.pass)} · ${s.share(t.pass, t.messages)}`, status: 'ok' },
    {
      key: 'fail',
      label: s.stats.fail,
      value: `${text.count(t.fail)} · ${s.share(t.fail, t.messages)}`,
      status: 'fail',
    },
    { key: 'both', label: s.stats.both, value: `${text.count(t.bothAligned)} · ${s.share(t.bothAligned, t.messages)}` },
    { key: 'reports', label: s.stats.reports, value: text.count(summary.reports) },
    {
      key: 'period',
      label: s.stats.period,
      value: summary.firstDay ? s.periodText(summary.firstDay, summary.lastDay) : '—',
    },
  ];
  return (
    <section
      className="mg-summary mg-dmarc-summary"
      aria-labelledby={`${id}-h`}
      data-total-messages={t.messages}
      data-total-pass={t.pass}
      data-state={t.messages === 0 ? 'empty' : t.fail === 0 ? 'pass' : 'fail'}
    >
      <h2 id={`${id}-h`} className="mg-dmarc-h">
        {s.summaryLabel}
      </h2>
      <p className="mg-summary-verdict">
        <StatusBadge
          lang={text.lang}
          status={t.messages === 0 ? 'pending' : t.fail === 0 ? 'ok' : 'fail'}
          label={t.messages === 0 ? '—' : t.fail === 0 ? s.legendPass : s.legendFail}
        />{' '}
        {verdict}
      </p>
      <dl className="mg-dmarc-stats">
        {stats.map((x) => (
          <div key={x.key} data-stat={x.key} data-tone={x.status}>
            <dt>{x.label}</dt>
            <dd>{x.value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}

function Filters({ s, text, r }: { s: DmarcStrings; text: ReportsText; r: DmarcReportsState }) {
  const id = useId();
  const { filters, setFilters, range, summary } = r;
  const domains = summary.domains;
  const active = filters.domain !== '' || filters.from !== '' || filters.to !== '' || filters.failuresOnly;
  const set = (patch: Partial<ReportFilters>) => setFilters(patch);
  return (
    <fieldset className="mg-fieldset mg-dmarc-filters">
      <legend>{s.filtersLegend}</legend>
      <div className="mg-row">
        {domains.length > 1 ? (
          <div className="mg-field">
            <label htmlFor={`${id}-domain`}>{s.domainLabel}</label>
            <select id={`${id}-domain`} value={filters.domain} onChange={(e) => set({ domain: e.target.value })}>
              <option value="">{s.allDomains(domains.length)}</option>
              {domains.map((d) => (
                <option key={d.domain} value={d.domain}>
                  {s.domainCount(d.domain, d.messages)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="mg-field">
          <label htmlFor={`${id}-from`}>{s.fromLabel}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filters.from}
            min={range.first}
            max={filters.to || range.last}
            aria-describedby={`${id}-days`}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="mg-field">
          <label htmlFor={`${id}-to`}>{s.toLabel}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filters.to}
            min={filters.from || range.first}
            max={range.last}
            aria-describedby={`${id}-days`}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
        <div className="mg-field mg-dmarc-check">
          <label className="mg-check">
            <input
              type="checkbox"
              checked={filters.failuresOnly}
              onChange={(e) => set({ failuresOnly: e.target.checked })}
            />
            <span>{s.failuresOnly}</span>
          </label>
        </div>
        {active ? (
          <div className="mg-field mg-dmarc-check">
            <button type="button" onClick={r.resetFilters}>
              {s.resetFilters}
            </button>
          </div>
        ) : null}
      </div>
      <p id={`${id}-days`} className="mg-hint">
        {s.dayNote}
      </p>
      {domains.length > 1 && !filters.domain ? (
        <p className="mg-notice mg-notice-warn" data-several-domains={domains.length}>
          {s.severalDomains(
            domains.map((d) => s.domainCount(d.domain, d.messages)).join(text.lang === 'zh' ? '、' : ', '),
          )}
        </p>
      ) : null}
    </fieldset>
  );
}

export default function DmarcResults({ lang, base, s, text: words, r, resolvers }: DmarcResultsProps) {
  const copy = () => {
    const body = reportBody(
      { summary: r.summary, groups: r.groups, advice: r.advice, refused: r.refused, filters: r.filters },
      s,
      words,
    );
    return {
      title: body.title,
      ranAt: r.loadedAt,
      resolvers: reportResolvers(resolvers, r.answeredBy, lang),
      verdict: body.verdict,
      rows: body.rows,
      notes: body.notes,
    };
  };
  const exportCsv = () => {
    const { filters } = r;
    const csv = reportsToCsv(r.reports, {
      tzOffsetMinutes: r.tzOffsetMinutes,
      ptrs: r.ptrs,
      ...(filters.domain ? { domain: filters.domain } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(filters.failuresOnly ? { failuresOnly: true } : {}),
    });
    const name = filters.domain || r.summary.domains[0]?.domain || 'dmarc';
    // A byte-order mark, so spreadsheet programs read the UTF-8 text (names, comments) correctly.
    saveFile(`${name}-dmarc-reports.csv`, `\uFEFF${csv}`, 'text/csv;charset=utf-8');
  };

  return (
    <>
      <Overview s={s} text={words} summary={r.summary}>
        <div className="mg-actions">
          <CopyReport lang={lang} report={copy} link={{ bare: true }} />
          <button type="button" onClick={exportCsv}>
            {s.exportCsv}
          </button>
          <button type="button" onClick={r.clear} disabled={r.reading}>
            {s.clear}
          </button>
        </div>
      </Overview>
      <Filters s={s} text={words} r={r} />
      <AdviceList
        lang={lang}
        base={base}
        s={s}
        text={words}
        advice={r.advice}
        groups={r.groups}
        ptrRunning={r.ptrRunning}
      />
      {r.summary.totals.messages > 0 ? (
        <div className="mg-dmarc-charts">
          <DayChart days={r.summary.days} s={s} text={words} />
          <RateChart groups={r.groups} limit={CHART_SOURCES} s={s} text={words} />
        </div>
      ) : null}
      <SourceList s={s} text={words} groups={r.groups} advice={r.advice} totals={r.sourceTotals} ptrs={r.ptrs} />
      <ReporterTable s={s} text={words} reporters={r.summary.reporters} />
      <ReportList s={s} text={words} reports={r.reports} />
    </>
  );
}
