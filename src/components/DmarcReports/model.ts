/**
 * The DMARC report viewer's view model, without React or the DOM (unit-tested
 * in tests/unit/components/DmarcReports/model.test.ts): merging loads, the
 * refused-file list, the geometry of the two charts, which sources are shown,
 * and the rows of the copied report. The figures themselves come from
 * ~/core's reports module (aggregate, groupSources, adviseSources).
 */
import {
  adviceText,
  fileErrorText,
  groupName,
  reportDay,
  reportKey,
  type Advice,
  type AdviceSeverity,
  type DmarcReport,
  type FileError,
  type ReportsText,
  type SourceGroup,
  type Summary,
} from '~/core';
import type { ReportRow } from '../ui/report';
import type { DmarcStrings } from './strings.zh';

// ------------------------------------------------------------------ loads

/** Reports of an earlier load plus a new one, each report once (by reporter, ID, domain and period). */
export function mergeReports(
  before: readonly DmarcReport[],
  added: readonly DmarcReport[],
): { readonly reports: readonly DmarcReport[]; readonly duplicates: number } {
  const seen = new Set(before.map(reportKey));
  const out = [...before];
  let duplicates = 0;
  for (const r of added) {
    const key = reportKey(r);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    out.push(r);
  }
  return { reports: out, duplicates };
}

/** A file that was not read: refused by the reader (worker), or already by the page. */
export type RefusedFile =
  | { readonly by: 'reader'; readonly error: FileError }
  | {
      readonly by: 'page';
      readonly file: string;
      readonly code: 'input-too-large' | 'total-too-large';
      readonly limit: number;
    }
  | { readonly by: 'page'; readonly file: string; readonly code: 'unreadable' };

export const refusedName = (r: RefusedFile): string => (r.by === 'reader' ? r.error.file : r.file);

/** "name: why", the reason in the page's language. */
export function refusedText(r: RefusedFile, s: DmarcStrings, text: ReportsText): string {
  if (r.by === 'reader') return fileErrorText(r.error, text);
  // The same "name: why" shape as the reader's refusals (core fileErrorText).
  const why =
    r.code === 'input-too-large'
      ? s.inputTooLarge(r.limit)
      : r.code === 'total-too-large'
        ? s.totalTooLarge(r.limit)
        : s.unreadable;
  return `${r.file}: ${why}`;
}

/** First and last day over every loaded report (before filters), for the date inputs' bounds. */
export function dayRange(
  reports: readonly DmarcReport[],
  tzOffsetMinutes: number,
): { readonly first: string; readonly last: string } {
  let first = '';
  let last = '';
  for (const r of reports) {
    const d = reportDay(r, tzOffsetMinutes);
    if (!first || d < first) first = d;
    if (!last || d > last) last = d;
  }
  return { first, last };
}

// ------------------------------------------------------------------ charts

/** The smallest "round" number (1, 2 or 5 × 10^k) at or above n; 1 for n ≤ 1. */
export function niceCeil(n: number): number {
  if (!(n > 1)) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

export interface Bar {
  readonly day: string;
  readonly pass: number;
  readonly fail: number;
  /** Position and width as shares (0…1) of the plot's width. */
  readonly x: number;
  readonly width: number;
  /** Heights as shares (0…1) of the plot's height. */
  readonly passHeight: number;
  readonly failHeight: number;
}

export interface DayChart {
  /** The y axis top (a round number ≥ the busiest day). */
  readonly top: number;
  /** The busiest day's messages. */
  readonly max: number;
  readonly bars: readonly Bar[];
  /** Indexes of the bars whose day is written under the axis (first, last, and evenly between). */
  readonly labelled: readonly number[];
}

/** One bar per day, stacked pass (bottom) and fail, scaled to a round top. */
export function dayChart(
  days: readonly { day: string; pass: number; fail: number; messages: number }[],
  maxLabels = 6,
): DayChart {
  const max = days.reduce((m, d) => Math.max(m, d.messages), 0);
  const top = niceCeil(max);
  const n = days.length;
  const slot = n > 0 ? 1 / n : 0;
  const gap = n > 60 ? 0 : slot * 0.2;
  const bars = days.map((d, i) => ({
    day: d.day,
    pass: d.pass,
    fail: d.fail,
    x: i * slot + gap / 2,
    width: slot - gap,
    passHeight: d.pass / top,
    failHeight: d.fail / top,
  }));
  const labelled: number[] = [];
  if (n > 0) {
    const k = Math.min(n, Math.max(1, maxLabels));
    for (let j = 0; j < k; j++) {
      const i = k === 1 ? 0 : Math.round((j * (n - 1)) / (k - 1));
      if (!labelled.includes(i)) labelled.push(i);
    }
  }
  return { top, max, bars, labelled };
}

// ------------------------------------------------------------------ sources

/**
 * The groups to show when at most `maxIps` IP rows are wanted: whole groups,
 * largest first, until the next group would pass the limit; always at least
 * the first group (cut to the limit). Returns the groups and how many IPs are
 * hidden.
 */
export function visibleGroups(
  groups: readonly SourceGroup[],
  maxIps: number,
): { readonly groups: readonly SourceGroup[]; readonly hiddenIps: number } {
  const total = groups.reduce((n, g) => n + g.members.length, 0);
  if (total <= maxIps) return { groups, hiddenIps: 0 };
  const out: SourceGroup[] = [];
  let shown = 0;
  for (const g of groups) {
    if (shown + g.members.length <= maxIps) {
      out.push(g);
      shown += g.members.length;
    } else if (out.length === 0) {
      out.push({ ...g, members: g.members.slice(0, maxIps) });
      shown = maxIps;
      break;
    } else break;
  }
  return { groups: out, hiddenIps: total - shown };
}

const SEVERITY_ORDER: readonly AdviceSeverity[] = ['fail', 'warn', 'info'];

/** A group's worst advice severity, or 'pass' when there is no advice and nothing failed. */
export function groupStatus(group: SourceGroup, advice: readonly Advice[]): 'pass' | AdviceSeverity {
  const mine = advice.filter((a) => a.group === group.key);
  for (const s of SEVERITY_ORDER) if (mine.some((a) => a.severity === s)) return s;
  return group.fail > 0 ? 'fail' : 'pass';
}

// ------------------------------------------------------------------ copied report

export interface ReportFilters {
  readonly domain: string;
  readonly from: string;
  readonly to: string;
  readonly failuresOnly: boolean;
}

/**
 * The body of the copied report (ui/report.ts adds the title, page link, time
 * and resolvers): the verdict, one row per source group (largest first, at
 * most `maxGroups`) with its counts, IPs and advice, then the filter, the
 * period, and the files not read.
 */
export function reportBody(
  input: {
    readonly summary: Summary;
    readonly groups: readonly SourceGroup[];
    readonly advice: readonly Advice[];
    readonly refused: readonly RefusedFile[];
    readonly filters: ReportFilters;
    readonly maxGroups?: number;
  },
  s: DmarcStrings,
  text: ReportsText,
): { readonly title: string; readonly verdict: string; readonly rows: readonly ReportRow[]; readonly notes: readonly string[] } {
  const { summary, groups, advice, refused, filters } = input;
  // The domains the reports are about (the one chosen in the filter, if any): the report's title.
  const title = text.summaryTitle(filters.domain ? [filters.domain] : summary.domains.map((d) => d.domain));
  const t = summary.totals;
  const verdict = s.reportVerdict(t.messages, t.pass, s.share(t.pass, t.messages), summary.reports);
  const rows: ReportRow[] = groups.slice(0, input.maxGroups ?? 20).map((g) => {
    const status = groupStatus(g, advice);
    const ips = g.members.slice(0, 5).map((m) => m.source.ip);
    const more = g.members.length > ips.length ? ` … (+${g.members.length - ips.length})` : '';
    return {
      label: groupName(g, text),
      status:
        status === 'pass'
          ? s.reportRowStatus.pass
          : status === 'warn'
            ? s.reportRowStatus.warn
            : status === 'info'
              ? s.severity.info
              : s.reportRowStatus.fail,
      lines: [
        s.reportSourceLine(g.messages, g.pass, s.share(g.pass, g.messages)),
        s.reportIps(ips.join(', ') + more),
        ...advice.filter((a) => a.group === g.key).map((a) => adviceText(a, text)),
      ],
    };
  });
  const filterParts: string[] = [];
  if (filters.domain) filterParts.push(filters.domain);
  if (filters.from || filters.to)
    filterParts.push(s.periodText(filters.from || summary.firstDay, filters.to || summary.lastDay));
  if (filters.failuresOnly) filterParts.push(s.failuresOnly);
  const notes: string[] = [];
  if (summary.firstDay) notes.push(text.period(summary.firstDay, summary.lastDay));
  if (filterParts.length > 0) notes.push(s.reportFilters(filterParts.join(text.lang === 'zh' ? '；' : '; ')));
  if (refused.length > 0) {
    notes.push(text.fileErrorsHeading);
    for (const r of refused) notes.push(`- ${refusedText(r, s, text)}`);
  }
  return { title, verdict, rows, notes };
}

/** Every source IP over these reports, most messages first (what the PTR lookups ask about first). */
export function ipsByMessages(reports: readonly DmarcReport[]): string[] {
  const count = new Map<string, number>();
  for (const r of reports)
    for (const rec of r.records) count.set(rec.sourceIp, (count.get(rec.sourceIp) ?? 0) + rec.count);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([ip]) => ip);
}
