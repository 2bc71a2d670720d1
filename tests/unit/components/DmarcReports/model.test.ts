import { describe, expect, it } from 'vitest';
import {
  aggregate,
  groupSources,
  REPORTS_TEXT_EN,
  REPORTS_TEXT_ZH,
  type Advice,
  type DmarcReport,
  type PtrResult,
  type ReportRecord,
} from '~/core';
import {
  dayChart,
  dayRange,
  groupStatus,
  ipsByMessages,
  mergeReports,
  niceCeil,
  refusedText,
  reportBody,
  visibleGroups,
  type RefusedFile,
} from '~/components/DmarcReports/model';
import { en } from '~/components/DmarcReports/strings.en';
import { zh } from '~/components/DmarcReports/strings.zh';

const DAY = 86_400;
const START = 1_699_920_000; // 2023-11-14T00:00:00Z

function rec(sourceIp: string, count: number, pass: boolean, extra: Partial<ReportRecord> = {}): ReportRecord {
  return {
    sourceIp,
    count,
    disposition: 'none',
    dkim: pass ? 'pass' : 'fail',
    spf: 'fail',
    reasons: [],
    headerFrom: 'example.com',
    envelopeFrom: '',
    envelopeTo: '',
    dkimResults: [],
    spfResults: [],
    ...extra,
  };
}

function report(
  id: string,
  day: number,
  records: ReportRecord[],
  org = 'google.com',
  domain = 'example.com',
): DmarcReport {
  const beginSec = START + day * DAY;
  const endSec = beginSec + DAY - 1;
  return {
    file: `${id}.xml`,
    format: 'rfc7489',
    namespace: '',
    version: '',
    orgName: org,
    email: '',
    extraContactInfo: '',
    reportId: id,
    beginSec,
    endSec,
    begin: new Date(beginSec * 1000).toISOString(),
    end: new Date(endSec * 1000).toISOString(),
    errors: [],
    generator: '',
    policy: {
      domain,
      p: 'none',
      sp: '',
      np: '',
      adkim: '',
      aspf: '',
      pct: '',
      fo: '',
      testing: '',
      discoveryMethod: '',
    },
    records,
    skippedRecords: 0,
  };
}

const a = report('a', 0, [rec('192.0.2.10', 40, true), rec('203.0.113.30', 3, false)]);
const b = report('b', 2, [rec('198.51.100.20', 5, false), rec('192.0.2.10', 8, true)], 'Yahoo');

describe('merging loads', () => {
  it('appends new reports after those already loaded', () => {
    expect(mergeReports([a], [b])).toEqual({ reports: [a, b], duplicates: 0 });
  });

  it('keeps one copy of a report loaded twice (same reporter, ID, domain and period), and counts the repeats', () => {
    expect(mergeReports([a], [b, { ...a, file: 'again.xml' }, b])).toEqual({ reports: [a, b], duplicates: 2 });
  });

  it('keeps reports with the same ID from different reporters', () => {
    const other = { ...a, orgName: 'Yahoo' };
    expect(mergeReports([a], [other]).reports).toEqual([a, other]);
  });
});

describe('refused files', () => {
  const rows: [string, RefusedFile, string][] = [
    // The reader's refusals are worded by the core.
    [
      'a reader refusal',
      { by: 'reader', error: { file: 'x.zip/y.xml', code: 'xml-entities', detail: '' } },
      'x.zip/y.xml: the XML declares entities, which reports never need: refused',
    ],
    // A file over the input limit is refused before it is read.
    [
      'a file too large to read',
      { by: 'page', file: 'huge.xml', code: 'input-too-large', limit: 100 * 1024 * 1024 },
      'huge.xml: larger than 100.0 MB: not read',
    ],
    [
      'a file the browser cannot read',
      { by: 'page', file: 'gone.xml', code: 'unreadable' },
      'gone.xml: the browser could not read this file',
    ],
  ];
  it.each(rows)('names the file and the reason for %s', (_name, refused, text) => {
    expect(refusedText(refused, en, REPORTS_TEXT_EN)).toBe(text);
  });

  it('gives the reason in Chinese on Chinese pages', () => {
    expect(refusedText({ by: 'page', file: 'gone.xml', code: 'unreadable' }, zh, REPORTS_TEXT_ZH)).toBe(
      'gone.xml: 浏览器无法读取这个文件',
    );
  });
});

describe('day range and sources', () => {
  it('spans the first to the last report day before any filter', () => {
    expect(dayRange([b, a], 0)).toEqual({ first: '2023-11-14', last: '2023-11-16' });
    expect(dayRange([], 0)).toEqual({ first: '', last: '' });
  });

  it('lists every source IP once, most messages first', () => {
    expect(ipsByMessages([a, b])).toEqual(['192.0.2.10', '198.51.100.20', '203.0.113.30']);
  });
});

describe('the messages-per-day chart', () => {
  it.each([
    [0, 1],
    [1, 1],
    [7, 10],
    [10, 10],
    [11, 20],
    [65, 100],
    [101, 200],
    [4999, 5000],
    [5001, 10000],
  ])('rounds a busiest day of %i up to %i', (n, top) => {
    expect(niceCeil(n)).toBe(top);
  });

  it('stacks pass under fail, as shares of a round top', () => {
    const chart = dayChart([
      { day: '2023-11-14', messages: 65, pass: 55, fail: 10 },
      { day: '2023-11-15', messages: 28, pass: 20, fail: 8 },
    ]);
    expect(chart.top).toBe(100);
    expect(chart.max).toBe(65);
    expect(chart.bars.map((x) => [x.passHeight, x.failHeight])).toEqual([
      [0.55, 0.1],
      [0.2, 0.08],
    ]);
    // Two slots of half the width each, with a gap of a fifth of a slot.
    expect(chart.bars[0]?.x).toBeCloseTo(0.05);
    expect(chart.bars[0]?.width).toBeCloseTo(0.4);
    expect(chart.bars[1]?.x).toBeCloseTo(0.55);
  });

  it('writes the first, the last and evenly spaced days under the axis', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ day: `d${i}`, messages: 1, pass: 1, fail: 0 }));
    expect(dayChart(days, 5).labelled).toEqual([0, 7, 15, 22, 29]);
    expect(dayChart(days.slice(0, 3), 5).labelled).toEqual([0, 1, 2]);
    expect(dayChart(days.slice(0, 1), 5).labelled).toEqual([0]);
    expect(dayChart([], 5)).toEqual({ top: 1, max: 0, bars: [], labelled: [] });
  });

  it('draws bars without gaps when there are too many days for them', () => {
    const days = Array.from({ length: 100 }, (_, i) => ({ day: `d${i}`, messages: 1, pass: 1, fail: 0 }));
    expect(dayChart(days).bars[0]?.width).toBeCloseTo(0.01);
  });
});

const ptrs = new Map<string, PtrResult>([
  ['192.0.2.10', { status: 'found', names: ['out1.mail.aliyun.com'], confirmed: true }],
  ['198.51.100.20', { status: 'found', names: ['o1.ptr1.sendgrid.net'], confirmed: true }],
  ['203.0.113.30', { status: 'none', rcode: 'NXDOMAIN' }],
]);
const summary = aggregate([a, b]);
const groups = groupSources(summary.sources, ptrs);

describe('which sources are drawn', () => {
  it('draws every group when their IPs fit', () => {
    expect(visibleGroups(groups, 10)).toEqual({ groups, hiddenIps: 0 });
  });

  it('draws whole groups, largest first, until the limit, and counts the IPs left out', () => {
    const shown = visibleGroups(groups, 2);
    expect(shown.groups.map((g) => g.key)).toEqual(['sender:alibaba-mail', 'sender:sendgrid']);
    expect(shown.hiddenIps).toBe(1);
  });

  it('cuts the first group when it alone passes the limit', () => {
    const big = { ...groups[0]!, members: [...groups[0]!.members, ...groups[1]!.members] };
    const shown = visibleGroups([big], 1);
    expect(shown.groups[0]?.members).toHaveLength(1);
    expect(shown.hiddenIps).toBe(1);
  });
});

describe('a group’s status', () => {
  const advice = (group: string, severity: Advice['severity']): Advice => ({
    code: 'platform-not-authorised',
    group,
    severity,
    messages: 1,
    params: { sender: 'sendgrid', dkimDomains: [], spfDomains: [] },
  });
  it.each([
    [
      'the worst of its advice',
      [advice('sender:sendgrid', 'info'), advice('sender:sendgrid', 'fail')],
      'sender:sendgrid',
      'fail',
    ],
    [
      '"warn" when its only advice is a warning',
      [advice('sender:alibaba-mail', 'warn')],
      'sender:alibaba-mail',
      'warn',
    ],
    ['"pass" without advice when nothing failed', [], 'sender:alibaba-mail', 'pass'],
    ['"fail" without advice when some messages failed', [], 'ip:203.0.113.30', 'fail'],
  ] as const)('is %s', (_name, list, key, status) => {
    const group = groups.find((g) => g.key === key);
    expect(group).toBeDefined();
    expect(groupStatus(group!, list)).toBe(status);
  });
});

describe('the copied report', () => {
  const advice: Advice[] = [
    {
      code: 'platform-not-authorised',
      group: 'sender:sendgrid',
      severity: 'fail',
      messages: 5,
      params: { sender: 'sendgrid', dkimDomains: [], spfDomains: [] },
    },
  ];
  const refused: RefusedFile[] = [
    { by: 'reader', error: { file: 'bad.xml', code: 'malformed-xml', detail: '1:2: oops' } },
  ];

  it('gives the domains, the verdict, a row per source with its counts, IPs and advice, and the files not read', () => {
    const body = reportBody(
      { summary, groups, advice, refused, filters: { domain: '', from: '', to: '', failuresOnly: false } },
      en,
      REPORTS_TEXT_EN,
    );
    expect(body.title).toBe('DMARC reports for example.com');
    expect(body.verdict).toBe('2 reports, 56 messages, 48 passed DMARC (85.7%)');
    expect(body.rows).toEqual([
      { label: 'Alibaba Mail', status: 'pass', lines: ['48 messages, 48 passed DMARC (100.0%)', 'IPs: 192.0.2.10'] },
      {
        label: 'SendGrid',
        status: 'failures',
        lines: [
          '5 messages, 0 passed DMARC (0.0%)',
          'IPs: 198.51.100.20',
          'SendGrid sends as your domain without your DKIM signature or SPF: if you use it, set up its domain authentication (DKIM for your domain); if you do not, someone else is sending as you.',
        ],
      },
      { label: '203.0.113.30', status: 'failures', lines: ['3 messages, 0 passed DMARC (0.0%)', 'IPs: 203.0.113.30'] },
    ]);
    expect(body.notes).toEqual([
      'Period: 2023-11-14 to 2023-11-16',
      'Files not read:',
      '- bad.xml: not well-formed XML (1:2: oops)',
    ]);
  });

  it('names the filters in force', () => {
    const body = reportBody(
      {
        summary,
        groups,
        advice: [],
        refused: [],
        filters: { domain: 'example.com', from: '2023-11-15', to: '', failuresOnly: true },
      },
      zh,
      REPORTS_TEXT_ZH,
    );
    // The domain chosen in the filter is the one the report is about.
    expect(body.title).toBe('DMARC 报告：example.com');
    expect(body.notes).toEqual([
      '时间段：2023-11-14 至 2023-11-16',
      '筛选：example.com；2023-11-15 至 2023-11-16；只看未通过 DMARC 的邮件',
    ]);
  });
});
