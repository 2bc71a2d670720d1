// The reporters (with the policy each found) and the list of reports read.
// Both tables scroll sideways inside a labelled, focusable region when the
// page is narrow. The policy text carries RFC 9990's discovery_method, and each
// report its generator and report_metadata/error lines (as text, never markup). Markup contract (architecture §3): one [data-report] per
// parsed report with data-org, data-report-id, data-begin and data-end.
import { memo, useId, type ReactNode } from 'react';
import type { DmarcReport, ReportsText, Reporter } from '~/core';
import type { DmarcStrings } from './strings.zh';
import { policyText, reportNotes } from './view';

function ScrollTable({ label, s, children }: { label: string; s: DmarcStrings; children: ReactNode }) {
  return (
    <div className="mg-scroll" role="region" aria-label={s.scrollRegion(label)} tabIndex={0}>
      <table className="mg-dmarc-table">{children}</table>
    </div>
  );
}

export const ReporterTable = memo(function ReporterTable({
  s,
  text,
  reporters,
}: {
  s: DmarcStrings;
  text: ReportsText;
  reporters: readonly Reporter[];
}) {
  const id = useId();
  return (
    <section className="mg-dmarc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="mg-dmarc-h">
        {s.reportersHeading}
      </h2>
      <ScrollTable label={s.reportersHeading} s={s}>
        <caption className="mg-sr-only">{s.reportersCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.reporter}</th>
            <th scope="col">{s.reportsCol}</th>
            <th scope="col">{s.messages}</th>
            <th scope="col">{s.stats.pass}</th>
            <th scope="col">{s.policySeen}</th>
          </tr>
        </thead>
        <tbody>
          {reporters.map((r) => (
            <tr key={r.orgName.toLowerCase()} data-reporter={r.orgName}>
              <th scope="row">
                {r.orgName}
                {r.email ? <span className="mg-hint mg-block">{r.email}</span> : null}
              </th>
              <td>{text.count(r.reports)}</td>
              <td>{text.count(r.messages)}</td>
              <td>
                {text.count(r.pass)} · {s.share(r.pass, r.messages)}
              </td>
              <td>
                <ul className="mg-dmarc-results">
                  {r.policies.map((p, i) => (
                    <li key={i} data-policy={p.p}>
                      <code>{policyText(p, s)}</code>{' '}
                      <span className="mg-hint">{s.policyDays(p.firstDay, p.lastDay, p.reports)}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
});

const day = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

export const ReportList = memo(function ReportList({
  s,
  text,
  reports,
}: {
  s: DmarcStrings;
  text: ReportsText;
  reports: readonly DmarcReport[];
}) {
  return (
    <details className="mg-dmarc-section mg-dmarc-reports">
      <summary>
        <h2 className="mg-dmarc-h">{s.reportsHeading(reports.length)}</h2>
      </summary>
      <ScrollTable label={s.reportsCaption} s={s}>
        <caption className="mg-sr-only">{s.reportsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.reporter}</th>
            <th scope="col">{s.reportId}</th>
            <th scope="col">{s.periodCol}</th>
            <th scope="col">{s.domainCol}</th>
            <th scope="col">{s.policyCol}</th>
            <th scope="col">{s.messages}</th>
            <th scope="col">{s.fileCol}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r, i) => {
            const notes = reportNotes(r, s);
            return (
              <tr
                key={i}
                data-report=""
                data-org={r.orgName}
                data-report-id={r.reportId}
                data-begin={r.begin}
                data-end={r.end}
                data-domain={r.policy.domain}
              >
                <th scope="row">
                  {r.orgName}
                  {notes.generator ? (
                    <span className="mg-hint mg-block" data-generator="">
                      {notes.generator}
                    </span>
                  ) : null}
                  {notes.errors.length > 0 ? (
                    <ul className="mg-dmarc-results mg-hint" data-report-errors={r.errors.length}>
                      {notes.errors.map((e, k) => (
                        <li key={k} data-report-error="">
                          {e}
                        </li>
                      ))}
                      {notes.more ? <li>{notes.more}</li> : null}
                    </ul>
                  ) : null}
                </th>
                <td>
                  <code>{r.reportId}</code>
                </td>
                <td>
                  <span className="mg-nowrap">{day(r.begin)}</span> – <span className="mg-nowrap">{day(r.end)}</span>
                </td>
                <td>{r.policy.domain}</td>
                <td>
                  <code>{policyText(r.policy, s)}</code>
                </td>
                <td>{text.count(r.records.reduce((n, x) => n + x.count, 0))}</td>
                <td>{r.file}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </details>
  );
});
