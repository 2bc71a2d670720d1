/**
 * Parsed reports → the figures the viewer shows (issue 13, items 3 and 7):
 * totals, by reporter (with the policy each saw), by source IP (with the SPF
 * and DKIM results behind it), by day, and the policy domains loaded.
 *
 * Definitions (they are also the markup contract's):
 * - a message passes DMARC when its record's policy_evaluated dkim or spf is
 *   "pass"; "both aligned" when both are;
 * - a report counts on ONE day: the calendar day (UTC, or shifted by
 *   tzOffsetMinutes) holding the middle of its period. A 24-hour report that
 *   starts at midnight in any time zone lands on that zone's day (Chinese
 *   reporters start at 16:00 UTC), counts stay whole numbers, and a report
 *   is never split across days. The date range filter uses the same day.
 * - the same report loaded twice (same reporter, report id, domain and
 *   period) is counted once (see dedupeReports).
 */
import { recordPasses } from './values';
import type { DmarcReport, PublishedPolicy, ReportRecord } from './types';

export interface AggregateOptions {
  /** Only reports whose policy_published domain is this one ('' or absent: all). */
  readonly domain?: string | undefined;
  /** First and last day to include, "YYYY-MM-DD", inclusive (by each report's day). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Only records that failed DMARC. */
  readonly failuresOnly?: boolean | undefined;
  /** Minutes east of UTC for day boundaries (e.g. 480 for China); default 0. */
  readonly tzOffsetMinutes?: number | undefined;
}

export interface Counts {
  readonly messages: number;
  /** Messages that passed DMARC. */
  readonly pass: number;
  readonly fail: number;
  readonly dkimAligned: number;
  readonly spfAligned: number;
  /** Both the aligned DKIM and the aligned SPF result pass. */
  readonly bothAligned: number;
}

export interface Dispositions {
  /** none, or RFC 9990's "pass" (nothing done). */
  readonly none: number;
  readonly quarantine: number;
  readonly reject: number;
}

export interface Totals extends Counts {
  /** pass / messages (0 when there are none). */
  readonly passRate: number;
  /** bothAligned / messages (0 when there are none). */
  readonly bothAlignedRate: number;
  readonly dispositions: Dispositions;
}

/** How many messages carried a value, and how many of those failed DMARC. */
export interface Tally<K> {
  readonly key: K;
  readonly messages: number;
  readonly dmarcFail: number;
}

export type DkimKey = { readonly domain: string; readonly selector: string; readonly result: string };
export type SpfKey = { readonly domain: string; readonly scope: string; readonly result: string };

/** Distinct values kept per source for each tally; the rest are summed into `otherMessages`. */
export const MAX_TALLY = 20;

export interface SourceIp extends Counts {
  readonly ip: string;
  readonly dispositions: Dispositions;
  /** Reporters (org names) that saw this IP, at most MAX_TALLY. */
  readonly reporters: readonly string[];
  readonly headerFrom: readonly Tally<string>[];
  readonly envelopeFrom: readonly Tally<string>[];
  /** auth_results/dkim: each signature's domain, selector and result. */
  readonly dkimResults: readonly Tally<DkimKey>[];
  readonly spfResults: readonly Tally<SpfKey>[];
  /** policy_evaluated/reason types (forwarded, mailing_list …). */
  readonly reasons: readonly Tally<string>[];
  /** Messages whose values did not fit into the tallies above (many distinct values). */
  readonly otherMessages: number;
}

export interface PolicySeen extends PublishedPolicy {
  readonly reports: number;
  readonly firstDay: string;
  readonly lastDay: string;
}

export interface Reporter extends Counts {
  readonly orgName: string;
  readonly email: string;
  readonly reports: number;
  /** Each distinct policy_published this reporter saw, oldest first. */
  readonly policies: readonly PolicySeen[];
}

export interface Day {
  /** "YYYY-MM-DD". */
  readonly day: string;
  readonly messages: number;
  readonly pass: number;
  readonly fail: number;
}

export interface DomainLoaded {
  readonly domain: string;
  readonly reports: number;
  readonly messages: number;
}

export interface Summary {
  /** Every policy domain among the loaded reports (before filters), most messages first. */
  readonly domains: readonly DomainLoaded[];
  /** Reports counted (after de-duplication and the domain and date filters). */
  readonly reports: number;
  /** Reports left out as duplicates of another. */
  readonly duplicates: number;
  readonly totals: Totals;
  /** Most messages first. */
  readonly reporters: readonly Reporter[];
  /** Every source IP, most messages first. */
  readonly sources: readonly SourceIp[];
  /** Oldest first; gaps filled with zero days when the span is at most MAX_FILLED_DAYS. */
  readonly days: readonly Day[];
  /** First and last day with a report ('' when none). */
  readonly firstDay: string;
  readonly lastDay: string;
}

export const MAX_FILLED_DAYS = 400;

// ------------------------------------------------------------------ days

function dayOfSec(sec: number, tzOffsetMinutes: number): string {
  return new Date((sec + tzOffsetMinutes * 60) * 1000).toISOString().slice(0, 10);
}

/** The day a report counts on: the day holding the middle of its period. */
export function reportDay(report: Pick<DmarcReport, 'beginSec' | 'endSec'>, tzOffsetMinutes = 0): string {
  const mid = Math.floor((report.beginSec + Math.max(report.beginSec, report.endSec)) / 2);
  return dayOfSec(mid, tzOffsetMinutes);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// ------------------------------------------------------------------ de-duplication

/** The identity of a report: reporter, report id, policy domain and period. */
export function reportKey(r: Pick<DmarcReport, 'orgName' | 'reportId' | 'policy' | 'beginSec' | 'endSec'>): string {
  return [r.orgName.toLowerCase(), r.reportId, r.policy.domain, r.beginSec, r.endSec].join('\u0000');
}

/** Reports without repeats (the first copy is kept), and how many repeats there were. */
export function dedupeReports(reports: readonly DmarcReport[]): { readonly reports: DmarcReport[]; readonly duplicates: number } {
  const seen = new Set<string>();
  const out: DmarcReport[] = [];
  for (const r of reports) {
    const key = reportKey(r);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return { reports: out, duplicates: reports.length - out.length };
}

// ------------------------------------------------------------------ accumulators

/** Message counts by result and disposition, added row by row or from counts already made. */
export class CountAcc {
  messages = 0;
  pass = 0;
  fail = 0;
  dkimAligned = 0;
  spfAligned = 0;
  bothAligned = 0;
  none = 0;
  quarantine = 0;
  reject = 0;

  add(r: ReportRecord): void {
    const n = r.count;
    this.messages += n;
    const dkim = r.dkim === 'pass';
    const spf = r.spf === 'pass';
    if (dkim || spf) this.pass += n;
    else this.fail += n;
    if (dkim) this.dkimAligned += n;
    if (spf) this.spfAligned += n;
    if (dkim && spf) this.bothAligned += n;
    if (r.disposition === 'quarantine') this.quarantine += n;
    else if (r.disposition === 'reject') this.reject += n;
    else this.none += n;
  }

  /** Adds counts made elsewhere (a source's, into its group's). */
  addCounts(c: Counts, d: Dispositions): void {
    this.messages += c.messages;
    this.pass += c.pass;
    this.fail += c.fail;
    this.dkimAligned += c.dkimAligned;
    this.spfAligned += c.spfAligned;
    this.bothAligned += c.bothAligned;
    this.none += d.none;
    this.quarantine += d.quarantine;
    this.reject += d.reject;
  }

  counts(): Counts {
    const { messages, pass, fail, dkimAligned, spfAligned, bothAligned } = this;
    return { messages, pass, fail, dkimAligned, spfAligned, bothAligned };
  }

  dispositions(): Dispositions {
    return { none: this.none, quarantine: this.quarantine, reject: this.reject };
  }
}

/** Counts per distinct key, at most MAX_TALLY keys; the rest spill into `spilled`. */
class TallyAcc<K> {
  private readonly map = new Map<string, { key: K; messages: number; dmarcFail: number }>();
  spilled = 0;

  constructor(private readonly id: (key: K) => string) {}

  add(key: K, messages: number, failed: boolean): void {
    const id = this.id(key);
    let e = this.map.get(id);
    if (!e) {
      if (this.map.size >= MAX_TALLY) {
        this.spilled += messages;
        return;
      }
      e = { key, messages: 0, dmarcFail: 0 };
      this.map.set(id, e);
    }
    e.messages += messages;
    if (failed) e.dmarcFail += messages;
  }

  list(): Tally<K>[] {
    return [...this.map.values()].sort((a, b) => b.messages - a.messages);
  }
}

class SourceAcc extends CountAcc {
  readonly reporters = new Set<string>();
  readonly headerFrom = new TallyAcc<string>((k) => k);
  readonly envelopeFrom = new TallyAcc<string>((k) => k);
  readonly dkim = new TallyAcc<DkimKey>((k) => `${k.domain}\u0000${k.selector}\u0000${k.result}`);
  readonly spf = new TallyAcc<SpfKey>((k) => `${k.domain}\u0000${k.scope}\u0000${k.result}`);
  readonly reasons = new TallyAcc<string>((k) => k);

  constructor(readonly ip: string) {
    super();
  }

  addRecord(r: ReportRecord, orgName: string): void {
    this.add(r);
    const failed = !recordPasses(r);
    if (this.reporters.size < MAX_TALLY) this.reporters.add(orgName);
    this.headerFrom.add(r.headerFrom, r.count, failed);
    this.envelopeFrom.add(r.envelopeFrom, r.count, failed);
    for (const d of r.dkimResults) this.dkim.add({ domain: d.domain, selector: d.selector, result: d.result }, r.count, failed);
    for (const s of r.spfResults) this.spf.add({ domain: s.domain, scope: s.scope, result: s.result }, r.count, failed);
    for (const reason of r.reasons) this.reasons.add(reason.type, r.count, failed);
  }

  result(): SourceIp {
    return {
      ip: this.ip,
      ...this.counts(),
      dispositions: this.dispositions(),
      reporters: [...this.reporters],
      headerFrom: this.headerFrom.list(),
      envelopeFrom: this.envelopeFrom.list(),
      dkimResults: this.dkim.list(),
      spfResults: this.spf.list(),
      reasons: this.reasons.list(),
      otherMessages: Math.max(this.headerFrom.spilled, this.envelopeFrom.spilled, this.dkim.spilled, this.spf.spilled, this.reasons.spilled),
    };
  }
}

const POLICY_KEYS = ['domain', 'p', 'sp', 'np', 'adkim', 'aspf', 'pct', 'fo', 'testing', 'discoveryMethod'] as const satisfies readonly (keyof PublishedPolicy)[];

class ReporterAcc extends CountAcc {
  reports = 0;
  readonly policies = new Map<string, { policy: PublishedPolicy; reports: number; firstDay: string; lastDay: string }>();

  constructor(
    readonly orgName: string,
    readonly email: string,
  ) {
    super();
  }

  addReport(r: DmarcReport, day: string): void {
    this.reports++;
    const key = POLICY_KEYS.map((k) => r.policy[k]).join('\u0000');
    const seen = this.policies.get(key);
    if (!seen) this.policies.set(key, { policy: r.policy, reports: 1, firstDay: day, lastDay: day });
    else {
      seen.reports++;
      if (day < seen.firstDay) seen.firstDay = day;
      if (day > seen.lastDay) seen.lastDay = day;
    }
  }

  result(): Reporter {
    return {
      orgName: this.orgName,
      email: this.email,
      reports: this.reports,
      ...this.counts(),
      policies: [...this.policies.values()]
        .sort((a, b) => (a.firstDay < b.firstDay ? -1 : a.firstDay > b.firstDay ? 1 : 0))
        .map((p) => ({ ...p.policy, reports: p.reports, firstDay: p.firstDay, lastDay: p.lastDay })),
    };
  }
}

const rate = (n: number, d: number): number => (d > 0 ? n / d : 0);

// ------------------------------------------------------------------ aggregate

/** The policy domains among these reports, most messages first. */
export function domainsLoaded(reports: readonly DmarcReport[]): DomainLoaded[] {
  const map = new Map<string, { domain: string; reports: number; messages: number }>();
  for (const r of reports) {
    const e = map.get(r.policy.domain) ?? { domain: r.policy.domain, reports: 0, messages: 0 };
    e.reports++;
    for (const rec of r.records) e.messages += rec.count;
    map.set(r.policy.domain, e);
  }
  return [...map.values()].sort((a, b) => b.messages - a.messages || (a.domain < b.domain ? -1 : 1));
}

/**
 * The reports that pass the filters (after de-duplication), each with its day
 * and the records that pass the failures-only filter. Shared by aggregate()
 * and the CSV export, so both always count the same messages.
 */
export function selectReports(
  allReports: readonly DmarcReport[],
  options: AggregateOptions = {},
): { readonly selected: { readonly report: DmarcReport; readonly day: string; readonly records: readonly ReportRecord[] }[]; readonly unique: readonly DmarcReport[]; readonly duplicates: number } {
  const tz = options.tzOffsetMinutes ?? 0;
  const { reports: unique, duplicates } = dedupeReports(allReports);
  const selected: { report: DmarcReport; day: string; records: readonly ReportRecord[] }[] = [];
  for (const report of unique) {
    if (options.domain && report.policy.domain !== options.domain) continue;
    const day = reportDay(report, tz);
    if (options.from && day < options.from) continue;
    if (options.to && day > options.to) continue;
    selected.push({ report, day, records: options.failuresOnly ? report.records.filter((r) => !recordPasses(r)) : report.records });
  }
  return { selected, unique, duplicates };
}

/** Everything the viewer shows, for these reports and filters. Pure; O(records). */
export function aggregate(allReports: readonly DmarcReport[], options: AggregateOptions = {}): Summary {
  const { selected, unique, duplicates } = selectReports(allReports, options);
  const domains = domainsLoaded(unique);
  const total = new CountAcc();
  const reporters = new Map<string, ReporterAcc>();
  const sources = new Map<string, SourceAcc>();
  const days = new Map<string, { messages: number; pass: number; fail: number }>();
  let firstDay = '';
  let lastDay = '';

  for (const { report, day, records } of selected) {
    if (!firstDay || day < firstDay) firstDay = day;
    if (!lastDay || day > lastDay) lastDay = day;

    const orgKey = report.orgName.toLowerCase();
    let reporter = reporters.get(orgKey);
    if (!reporter) {
      reporter = new ReporterAcc(report.orgName, report.email);
      reporters.set(orgKey, reporter);
    }
    reporter.addReport(report, day);

    let dayAcc = days.get(day);
    if (!dayAcc) {
      dayAcc = { messages: 0, pass: 0, fail: 0 };
      days.set(day, dayAcc);
    }

    for (const rec of records) {
      const passed = recordPasses(rec);
      total.add(rec);
      reporter.add(rec);
      dayAcc.messages += rec.count;
      if (passed) dayAcc.pass += rec.count;
      else dayAcc.fail += rec.count;
      let src = sources.get(rec.sourceIp);
      if (!src) {
        src = new SourceAcc(rec.sourceIp);
        sources.set(rec.sourceIp, src);
      }
      src.addRecord(rec, report.orgName);
    }
  }

  const dayList: Day[] = [];
  if (firstDay) {
    const span = (Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000 + 1;
    const keys = span <= MAX_FILLED_DAYS ? fillDays(firstDay, lastDay) : [...days.keys()].sort();
    for (const day of keys) dayList.push({ day, ...(days.get(day) ?? { messages: 0, pass: 0, fail: 0 }) });
  }

  const counts = total.counts();
  return {
    domains,
    reports: selected.length,
    duplicates,
    totals: {
      ...counts,
      passRate: rate(counts.pass, counts.messages),
      bothAlignedRate: rate(counts.bothAligned, counts.messages),
      dispositions: total.dispositions(),
    },
    reporters: [...reporters.values()].map((r) => r.result()).sort((a, b) => b.messages - a.messages || b.reports - a.reports || (a.orgName < b.orgName ? -1 : 1)),
    sources: [...sources.values()].map((s) => s.result()).sort((a, b) => b.messages - a.messages || (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0)),
    days: dayList,
    firstDay,
    lastDay,
  };
}

function fillDays(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = nextDay(d)) out.push(d);
  return out;
}

/** The policy in force: the policy_published of the report (for this domain) that ends last. */
export function latestPolicy(reports: readonly DmarcReport[], domain?: string): PublishedPolicy | undefined {
  let best: DmarcReport | undefined;
  for (const r of reports) {
    if (domain && r.policy.domain !== domain) continue;
    if (!best || r.endSec > best.endSec) best = r;
  }
  return best?.policy;
}

/**
 * The policy in force for each header_from domain (lower-case) of these
 * reports: from the report that ends last among those with records for it;
 * p= when the header_from is the domain the record was found at, else (a
 * subdomain covered by its organisation domain's record) sp=, or p= without
 * one. The advice quotes it per source, so a source sending as example.net
 * is not told about example.com's policy.
 */
export function policyByHeaderFrom(reports: readonly DmarcReport[]): Map<string, string> {
  const best = new Map<string, { endSec: number; p: string }>();
  for (const r of reports) {
    const domain = r.policy.domain.toLowerCase();
    for (const rec of r.records) {
      const from = rec.headerFrom.toLowerCase();
      if (!from) continue;
      const seen = best.get(from);
      if (seen && seen.endSec >= r.endSec) continue;
      const p = from === domain ? r.policy.p : r.policy.sp || r.policy.p;
      best.set(from, { endSec: r.endSec, p });
    }
  }
  return new Map([...best].map(([from, v]) => [from, v.p]));
}
