import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate, dedupeReports, domainsLoaded, latestPolicy, MAX_TALLY, policyByHeaderFrom, reportDay, reportKey, selectReports } from '~/core/reports/aggregate';
import { parseReport } from '~/core/reports/parse';
import type { DmarcReport, ReportRecord } from '~/core/reports/types';
import { fixture, REPORT_FIXTURES, testPacer } from '../../support/reports';

let reports: DmarcReport[] = [];

beforeAll(async () => {
  for (const name of [...REPORT_FIXTURES, 'other-domain.xml']) {
    const r = await parseReport(name, fixture(name), testPacer());
    if (!r.ok) throw new Error(name);
    reports.push(r.report);
  }
});

/** A report for quick synthetic cases. */
function synthetic(over: Partial<DmarcReport> & { records: ReportRecord[] }): DmarcReport {
  return {
    file: 'x.xml',
    format: 'rfc7489',
    namespace: '',
    version: '',
    orgName: 'R',
    email: '',
    extraContactInfo: '',
    reportId: '1',
    beginSec: 1699920000,
    endSec: 1700006399,
    begin: '',
    end: '',
    errors: [],
    generator: '',
    policy: { domain: 'example.com', p: 'none', sp: '', np: '', adkim: '', aspf: '', pct: '', fo: '', testing: '', discoveryMethod: '' },
    skippedRecords: 0,
    ...over,
  };
}

function record(ip: string, count: number, dkim: string, spf: string, extra: Partial<ReportRecord> = {}): ReportRecord {
  return { sourceIp: ip, count, disposition: 'none', dkim, spf, reasons: [], headerFrom: 'example.com', envelopeFrom: '', envelopeTo: '', dkimResults: [], spfResults: [], ...extra };
}

describe('aggregate over the fixtures', () => {
  it('lists every policy domain loaded, most messages first', () => {
    expect(aggregate(reports).domains).toEqual([
      { domain: 'example.com', reports: 7, messages: 122 },
      { domain: 'example.net', reports: 1, messages: 3 },
    ]);
  });

  it('counts the totals for one domain', () => {
    const s = aggregate(reports, { domain: 'example.com' });
    expect(s.reports).toBe(7);
    expect(s.totals).toEqual({
      messages: 122,
      pass: 96,
      fail: 26,
      dkimAligned: 84,
      spfAligned: 96,
      bothAligned: 84,
      passRate: 96 / 122,
      bothAlignedRate: 84 / 122,
      dispositions: { none: 122, quarantine: 0, reject: 0 },
    });
  });

  it('counts RFC 9990 disposition "pass" as nothing done', () => {
    const rfc9990 = reports.filter((r) => r.format === 'rfc9990');
    expect(aggregate(rfc9990).totals.dispositions).toEqual({ none: 7, quarantine: 0, reject: 0 });
  });

  it('counts quarantine and reject dispositions', () => {
    const r = synthetic({ records: [record('192.0.2.1', 2, 'fail', 'fail', { disposition: 'quarantine' }), record('192.0.2.2', 3, 'fail', 'fail', { disposition: 'reject' })] });
    expect(aggregate([r]).totals.dispositions).toEqual({ none: 0, quarantine: 2, reject: 3 });
  });

  it('counts every source IP over all reports, most messages first', () => {
    const s = aggregate(reports);
    expect(s.sources.map((x) => [x.ip, x.messages, x.pass, x.bothAligned])).toEqual([
      ['192.0.2.10', 99, 99, 87],
      ['203.0.113.30', 16, 0, 0],
      ['198.51.100.20', 7, 0, 0],
      ['2001:db8::25', 2, 0, 0],
      ['203.0.113.40', 1, 0, 0],
    ]);
  });

  it('keeps the evidence behind a source', () => {
    const sendgrid = aggregate(reports).sources.find((x) => x.ip === '198.51.100.20');
    expect(sendgrid).toMatchObject({
      reporters: ['google.com', 'QQ Mail'],
      headerFrom: [{ key: 'example.com', messages: 7, dmarcFail: 7 }],
      dkimResults: [{ key: { domain: 'sendgrid.net', selector: 'smtpapi', result: 'pass' }, messages: 7, dmarcFail: 7 }],
      spfResults: [{ key: { domain: 'em1234.sendgrid.net', scope: '', result: 'pass' }, messages: 7, dmarcFail: 7 }],
      reasons: [],
      otherMessages: 0,
    });
  });

  it('puts each report on the day holding the middle of its period', () => {
    expect(aggregate(reports, { domain: 'example.com' }).days).toEqual([
      { day: '2023-11-14', messages: 62, pass: 52, fail: 10 },
      { day: '2023-11-15', messages: 28, pass: 20, fail: 8 },
      { day: '2023-11-16', messages: 28, pass: 20, fail: 8 },
      { day: '2023-11-17', messages: 4, pass: 4, fail: 0 },
    ]);
  });

  it('shifts day boundaries by a time zone offset', () => {
    // In UTC+8 the QQ report (16:00 UTC to 16:00 UTC) is exactly 2023-11-16.
    const qq = reports.find((r) => r.orgName === 'QQ Mail') as DmarcReport;
    expect([reportDay(qq), reportDay(qq, 480), reportDay(qq, -600)]).toEqual(['2023-11-16', '2023-11-16', '2023-11-15']);
  });

  it('filters by date range, inclusive', () => {
    const s = aggregate(reports, { domain: 'example.com', from: '2023-11-15', to: '2023-11-16' });
    expect([s.reports, s.totals.messages, s.firstDay, s.lastDay]).toEqual([4, 56, '2023-11-15', '2023-11-16']);
  });

  it('counts only failing messages with failuresOnly', () => {
    const s = aggregate(reports, { domain: 'example.com', failuresOnly: true });
    expect([s.totals.messages, s.totals.pass, s.totals.fail]).toEqual([26, 0, 26]);
    expect(s.sources.map((x) => x.ip)).toEqual(['203.0.113.30', '198.51.100.20', '2001:db8::25', '203.0.113.40']);
    expect(s.days.map((d) => d.messages)).toEqual([10, 8, 8, 0]);
  });

  it('lists reporters with the policy each saw', () => {
    const s = aggregate(reports, { domain: 'example.com' });
    expect(s.reporters.map((r) => [r.orgName, r.reports, r.messages, r.pass])).toEqual([
      ['google.com', 1, 48, 40],
      ['Yahoo', 1, 28, 20],
      ['Outlook.com', 1, 14, 12],
      ['QQ Mail', 1, 11, 9],
      ['NetEase', 1, 10, 6],
      ['Example Receiver', 1, 7, 5],
      ['Example Mail Receiver', 1, 4, 4],
    ]);
    expect(s.reporters.find((r) => r.orgName === 'Example Receiver')?.policies).toEqual([
      { domain: 'example.com', p: 'quarantine', sp: 'quarantine', np: 'reject', adkim: 'r', aspf: 'r', pct: '', fo: '', testing: 'y', discoveryMethod: 'treewalk', reports: 1, firstDay: '2023-11-16', lastDay: '2023-11-16' },
    ]);
  });

  it('keeps each distinct policy a reporter saw, oldest first', () => {
    const a = synthetic({ records: [record('192.0.2.1', 1, 'pass', 'pass')] });
    const b = synthetic({ reportId: '2', beginSec: 1700006400, endSec: 1700092799, policy: { ...a.policy, p: 'quarantine' }, records: [] });
    const c = synthetic({ reportId: '3', beginSec: 1700092800, endSec: 1700179199, policy: { ...a.policy, p: 'quarantine' }, records: [] });
    const policies = aggregate([c, a, b]).reporters[0]?.policies.map((p) => [p.p, p.reports, p.firstDay, p.lastDay]);
    expect(policies).toEqual([
      ['none', 1, '2023-11-14', '2023-11-14'],
      ['quarantine', 2, '2023-11-15', '2023-11-16'],
    ]);
  });
});

describe('aggregate edge cases', () => {
  it('counts a report loaded twice once', () => {
    const r = synthetic({ records: [record('192.0.2.1', 5, 'pass', 'fail')] });
    const s = aggregate([r, { ...r, file: 'copy.xml' }]);
    expect([s.reports, s.duplicates, s.totals.messages]).toEqual([1, 1, 5]);
  });

  it('gives zeros, not NaN, when there are no messages', () => {
    const s = aggregate([]);
    expect([s.totals.passRate, s.totals.bothAlignedRate, s.days, s.firstDay]).toEqual([0, 0, [], '']);
  });

  it('fills days without reports with zeros', () => {
    const a = synthetic({ records: [record('192.0.2.1', 1, 'pass', 'pass')] });
    const b = synthetic({ reportId: '2', beginSec: a.beginSec + 3 * 86400, endSec: a.endSec + 3 * 86400, records: [record('192.0.2.1', 2, 'fail', 'fail')] });
    expect(aggregate([a, b]).days.map((d) => `${d.day}:${d.messages}`)).toEqual(['2023-11-14:1', '2023-11-15:0', '2023-11-16:0', '2023-11-17:2']);
  });

  it('does not fill a span of years (a report with a bogus date)', () => {
    const a = synthetic({ records: [record('192.0.2.1', 1, 'pass', 'pass')] });
    const b = synthetic({ reportId: '2', beginSec: 0, endSec: 86399, records: [record('192.0.2.1', 1, 'pass', 'pass')] });
    expect(aggregate([a, b]).days.map((d) => d.day)).toEqual(['1970-01-01', '2023-11-14']);
  });

  it(`keeps at most ${MAX_TALLY} distinct values per tally and counts the rest`, () => {
    const records = Array.from({ length: MAX_TALLY + 5 }, (_, i) => record('192.0.2.1', 1, 'fail', 'fail', { headerFrom: `d${i}.example` }));
    const src = aggregate([synthetic({ records })]).sources[0];
    expect([src?.headerFrom.length, src?.otherMessages, src?.messages]).toEqual([MAX_TALLY, 5, MAX_TALLY + 5]);
  });

  it('selects the same records for the CSV as for the figures', () => {
    const { selected } = selectReports(reports, { domain: 'example.com', failuresOnly: true });
    expect(selected.reduce((n, s) => n + s.records.reduce((m, r) => m + r.count, 0), 0)).toBe(26);
  });
});

describe('helpers', () => {
  it('identifies a report by reporter, id, domain and period', () => {
    const r = synthetic({ records: [] });
    expect(reportKey(r)).toBe(['r', '1', 'example.com', 1699920000, 1700006399].join('\u0000'));
    expect(dedupeReports([r, r, { ...r, reportId: '2' }]).duplicates).toBe(1);
  });

  it('finds the policy in force: the report that ends last', () => {
    expect(latestPolicy(reports, 'example.com')?.p).toBe('quarantine');
    expect(latestPolicy(reports, 'example.net')?.p).toBe('reject');
    expect(latestPolicy([], 'example.com')).toBeUndefined();
  });

  it('finds the policy in force for each header_from domain of the fixtures', () => {
    expect(Object.fromEntries(policyByHeaderFrom(reports))).toEqual({ 'example.com': 'quarantine', 'example.net': 'reject' });
  });

  const pol = (domain: string, p: string, sp = '') => ({ domain, p, sp, np: '', adkim: '', aspf: '', pct: '', fo: '', testing: '', discoveryMethod: '' });
  const rows: [string, DmarcReport[], Record<string, string>][] = [
    [
      'a subdomain header_from takes sp= of its organisation domain’s record',
      [synthetic({ policy: pol('example.com', 'none', 'reject'), records: [record('192.0.2.1', 1, 'fail', 'fail', { headerFrom: 'news.example.com' })] })],
      { 'news.example.com': 'reject' },
    ],
    [
      'a subdomain header_from without sp= takes p=',
      [synthetic({ policy: pol('example.com', 'quarantine'), records: [record('192.0.2.1', 1, 'fail', 'fail', { headerFrom: 'news.example.com' })] })],
      { 'news.example.com': 'quarantine' },
    ],
    [
      'the report that ends last decides',
      [
        synthetic({ reportId: 'late', endSec: 1700100000, policy: pol('example.com', 'reject'), records: [record('192.0.2.1', 1, 'pass', 'pass')] }),
        synthetic({ reportId: 'early', endSec: 1700000000, policy: pol('example.com', 'none'), records: [record('192.0.2.1', 1, 'pass', 'pass')] }),
      ],
      { 'example.com': 'reject' },
    ],
    [
      'each domain keeps its own policy',
      [
        synthetic({ reportId: 'a', policy: pol('example.com', 'none'), records: [record('192.0.2.1', 1, 'pass', 'pass')] }),
        synthetic({ reportId: 'b', policy: pol('example.net', 'reject'), records: [record('192.0.2.1', 1, 'pass', 'pass', { headerFrom: 'example.net' })] }),
      ],
      { 'example.com': 'none', 'example.net': 'reject' },
    ],
  ];
  it.each(rows)('policyByHeaderFrom: %s', (_name, input, expected) => {
    expect(Object.fromEntries(policyByHeaderFrom(input))).toEqual(expected);
  });

  it('counts domains over deduplicated input', () => {
    expect(domainsLoaded([]).length).toBe(0);
  });
});
