/**
 * Export (issue 13, item 6): the report rows as CSV, and the wording helpers
 * the viewer's copied report uses (source names, advice, refused files; the
 * report's format is the one of every tool, components/ui/report.ts). CSV
 * fields go through the shared csvField (RFC 4180 quoting, and a leading
 * apostrophe before = + - @ tab CR so a spreadsheet never runs a report's text
 * as a formula). Column names are the XML element names, the same in every
 * language. Words come from a text table (text/en.ts, text/zh.ts) so no
 * language is built in here.
 */
import { csvField } from '../export/csv';
import type { Advice } from './advice';
import { selectReports, type AggregateOptions } from './aggregate';
import { getSender } from './senders';
import type { PtrResult, SourceGroup } from './sources';
import type { ReportsText } from './text/types';
import type { DmarcReport, FileError } from './types';

export const REPORT_CSV_HEADER = [
  'file',
  'org_name',
  'report_id',
  'begin',
  'end',
  'day',
  'policy_domain',
  'p',
  'source_ip',
  'ptr',
  'count',
  'disposition',
  'dkim',
  'spf',
  'dmarc',
  'header_from',
  'envelope_from',
  'envelope_to',
  'dkim_results',
  'spf_results',
  'reasons',
] as const;

export interface CsvOptions extends AggregateOptions {
  /** PTR answers to fill the ptr column (first name). */
  readonly ptrs?: ReadonlyMap<string, PtrResult> | undefined;
}

/**
 * One CSV row per record of the selected reports (same filters as aggregate),
 * CRLF line ends, header first. Several DKIM/SPF results in one cell, joined
 * by "; " as "domain/selector=result" and "domain(scope)=result".
 */
export function reportsToCsv(reports: readonly DmarcReport[], options: CsvOptions = {}): string {
  const rows: string[][] = [[...REPORT_CSV_HEADER]];
  const { selected } = selectReports(reports, options);
  for (const { report, day, records } of selected) {
    for (const r of records) {
      const ptr = options.ptrs?.get(r.sourceIp);
      rows.push([
        report.file,
        report.orgName,
        report.reportId,
        report.begin,
        report.end,
        day,
        report.policy.domain,
        report.policy.p,
        r.sourceIp,
        ptr?.status === 'found' ? (ptr.names[0] ?? '') : '',
        String(r.count),
        r.disposition,
        r.dkim,
        r.spf,
        r.dkim === 'pass' || r.spf === 'pass' ? 'pass' : 'fail',
        r.headerFrom,
        r.envelopeFrom,
        r.envelopeTo,
        r.dkimResults.map((d) => `${d.domain}${d.selector ? `/${d.selector}` : ''}=${d.result}`).join('; '),
        r.spfResults.map((s) => `${s.domain}${s.scope ? `(${s.scope})` : ''}=${s.result}`).join('; '),
        r.reasons.map((x) => (x.comment ? `${x.type}: ${x.comment}` : x.type)).join('; '),
      ]);
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Display name of a sender id in this language ('' when unknown or empty). */
export function senderName(id: string, lang: 'zh' | 'en'): string {
  return getSender(id)?.name[lang] ?? '';
}

/** Display name of a source group: the recognised sender, else its PTR domain, else its IP. */
export function groupName(group: SourceGroup, text: ReportsText): string {
  if (group.sender) return group.sender.name[text.lang];
  return text.unnamedSource(group.domain || (group.members[0]?.source.ip ?? ''));
}

/** The wording of one piece of advice. */
export function adviceText(advice: Advice, text: ReportsText): string {
  const ctx = { senderName: 'sender' in advice.params ? senderName(advice.params.sender, text.lang) : '', messages: advice.messages };
  // One branch per code keeps params and wording paired for the type checker.
  switch (advice.code) {
    case 'own-provider-dkim-off': return text.advice[advice.code](advice.params, ctx);
    case 'own-provider-dkim-fail': return text.advice[advice.code](advice.params, ctx);
    case 'own-provider-spf-missing': return text.advice[advice.code](advice.params, ctx);
    case 'forwarder': return text.advice[advice.code](advice.params, ctx);
    case 'platform-dkim-fail': return text.advice[advice.code](advice.params, ctx);
    case 'platform-not-authorised': return text.advice[advice.code](advice.params, ctx);
    case 'other-mailbox-service': return text.advice[advice.code](advice.params, ctx);
    case 'unknown-sender-spoofing': return text.advice[advice.code](advice.params, ctx);
  }
}

/** The wording of one refused file: "name: why". */
export function fileErrorText(error: FileError, text: ReportsText): string {
  return `${error.file}: ${text.fileError[error.code](error.detail)}`;
}
