import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ADVICE_CODES, ADVICE_GUIDE, ADVICE_GUIDES, adviseGroup, adviseSources, type Advice } from '~/core/reports/advice';
import { aggregate, latestPolicy } from '~/core/reports/aggregate';
import { parseReport } from '~/core/reports/parse';
import { groupSources, type PtrResult, type SourceGroup } from '~/core/reports/sources';
import type { DmarcReport, ReportRecord } from '~/core/reports/types';
import { fixture, REPORT_FIXTURES, testPacer } from '../../support/reports';

const found = (name: string): PtrResult => ({ status: 'found', names: [name], confirmed: true });

function report(records: ReportRecord[]): DmarcReport {
  return {
    file: 'x.xml',
    format: 'rfc7489',
    namespace: '',
    version: '',
    orgName: 'R',
    email: '',
    extraContactInfo: '',
    reportId: String(Math.random()),
    beginSec: 1699920000,
    endSec: 1700006399,
    begin: '',
    end: '',
    errors: [],
    generator: '',
    policy: { domain: 'example.com', p: 'none', sp: '', np: '', adkim: '', aspf: '', pct: '', fo: '', testing: '', discoveryMethod: '' },
    records,
    skippedRecords: 0,
  };
}

type Auth = { dkim?: [string, string, string][]; spf?: [string, string][]; reasons?: string[]; from?: string };
function rec(ip: string, count: number, dkim: string, spf: string, auth: Auth = {}): ReportRecord {
  return {
    sourceIp: ip,
    count,
    disposition: 'none',
    dkim,
    spf,
    reasons: (auth.reasons ?? []).map((type) => ({ type, comment: '' })),
    headerFrom: auth.from ?? 'example.com',
    envelopeFrom: '',
    envelopeTo: '',
    dkimResults: (auth.dkim ?? []).map(([domain, selector, result]) => ({ domain, selector, result, humanResult: '' })),
    spfResults: (auth.spf ?? []).map(([domain, result]) => ({ domain, scope: 'mfrom', result, humanResult: '' })),
  };
}

/** The one group these records make, with this PTR name (or none). */
function group(records: ReportRecord[], ptr?: PtrResult): SourceGroup {
  const sources = aggregate([report(records)]).sources;
  const ptrs = new Map<string, PtrResult>();
  if (ptr) for (const s of sources) ptrs.set(s.ip, ptr);
  const groups = groupSources(sources, ptrs);
  if (groups.length !== 1) throw new Error('one group expected');
  return groups[0] as SourceGroup;
}

const strip = (a: Advice[]) => a.map(({ code, severity, messages, params }) => ({ code, severity, messages, params }));

describe('adviseSources over the fixtures', () => {
  let fixtures: DmarcReport[] = [];
  beforeAll(async () => {
    for (const name of REPORT_FIXTURES) {
      const r = await parseReport(name, fixture(name), testPacer());
      if (r.ok) fixtures.push(r.report);
    }
  });

  it('says what to do for each source, most messages first', () => {
    const summary = aggregate(fixtures, { domain: 'example.com' });
    const ptrs = new Map<string, PtrResult>([
      ['192.0.2.10', found('out30-10.mail.aliyun.com')],
      ['198.51.100.20', found('o1.ptr1234.example.com')],
      ['203.0.113.30', { status: 'none', rcode: 'NXDOMAIN' }],
      ['2001:db8::25', found('mail-yw1-f182.google.com')],
      ['203.0.113.40', found('dyn-40.example-isp.net')],
    ]);
    const advice = adviseSources(groupSources(summary.sources, ptrs), { ownProviderId: 'aliyun-cn', policy: latestPolicy(fixtures, 'example.com') });
    expect(advice).toEqual([
      { code: 'unknown-sender-spoofing', group: 'ip:203.0.113.30', severity: 'fail', messages: 16, params: { policy: 'quarantine', ptr: 'none', ptrDomain: '' } },
      { code: 'own-provider-dkim-off', group: 'sender:alibaba-mail', severity: 'warn', messages: 12, params: { sender: 'alibaba-mail' } },
      {
        code: 'platform-not-authorised',
        group: 'sender:sendgrid',
        severity: 'fail',
        messages: 7,
        params: { sender: 'sendgrid', dkimDomains: ['sendgrid.net'], spfDomains: ['em1234.sendgrid.net'] },
      },
      { code: 'forwarder', group: 'sender:google', severity: 'info', messages: 2, params: { via: 'dkim-broken', reasons: [], sender: 'google' } },
      {
        code: 'unknown-sender-spoofing',
        group: 'domain:example-isp.net',
        severity: 'fail',
        messages: 1,
        params: { policy: 'quarantine', ptr: 'unrecognised', ptrDomain: 'example-isp.net' },
      },
    ]);
  });
});

describe('adviseGroup', () => {
  const ALIYUN = found('out30-10.mail.aliyun.com');
  const own = { ownProviderId: 'aliyun-cn' };
  const rows: [string, SourceGroup, Parameters<typeof adviseGroup>[1], ReturnType<typeof strip>][] = [
    [
      'own provider whose signature fails: the published key is wrong',
      group([rec('192.0.2.10', 4, 'fail', 'pass', { dkim: [['example.com', 'default', 'fail']], spf: [['example.com', 'pass']] })], ALIYUN),
      own,
      [{ code: 'own-provider-dkim-fail', severity: 'warn', messages: 4, params: { sender: 'alibaba-mail', selectors: ['default'] } }],
    ],
    [
      'own provider failing DMARC: no DKIM and SPF missing its include',
      group([rec('192.0.2.10', 3, 'fail', 'fail', { dkim: [['aliyun-example.net', 's1', 'pass']], spf: [['example.com', 'softfail']] })], ALIYUN),
      own,
      [
        { code: 'own-provider-dkim-off', severity: 'fail', messages: 3, params: { sender: 'alibaba-mail' } },
        { code: 'own-provider-spf-missing', severity: 'fail', messages: 3, params: { sender: 'alibaba-mail', include: 'spf.qiye.aliyun.com' } },
      ],
    ],
    ['own provider with everything aligned: nothing to say', group([rec('192.0.2.10', 9, 'pass', 'pass')], ALIYUN), own, []],
    [
      'the international edition counts as the same own provider',
      group([rec('192.0.2.10', 1, 'fail', 'pass')], ALIYUN),
      { ownProviderId: 'aliyun-intl' },
      [{ code: 'own-provider-dkim-off', severity: 'warn', messages: 1, params: { sender: 'alibaba-mail' } }],
    ],
    [
      'Alibaba Mail when it is not your provider: another mailbox service',
      group([rec('192.0.2.10', 2, 'fail', 'fail')], ALIYUN),
      { ownProviderId: 'tencent-exmail' },
      [{ code: 'other-mailbox-service', severity: 'fail', messages: 2, params: { sender: 'alibaba-mail' } }],
    ],
    [
      'a receiver that marked the mail forwarded',
      group([rec('203.0.113.9', 5, 'fail', 'fail', { reasons: ['forwarded'] })], found('mx.example-university.edu')),
      own,
      [{ code: 'forwarder', severity: 'info', messages: 5, params: { via: 'reason', reasons: ['forwarded'], sender: '' } }],
    ],
    [
      'a mailing list, by the receiver’s reason, even through a known mailbox service',
      group([rec('203.0.113.9', 2, 'fail', 'fail', { reasons: ['mailing_list', 'local_policy'] })], found('mail-wr1-f54.google.com')),
      own,
      [{ code: 'forwarder', severity: 'info', messages: 2, params: { via: 'reason', reasons: ['mailing_list'], sender: 'google' } }],
    ],
    [
      'a security gateway passing mail on',
      group([rec('203.0.113.9', 6, 'fail', 'fail')], found('mx0a-001.pphosted.com')),
      own,
      [{ code: 'forwarder', severity: 'info', messages: 6, params: { via: 'gateway', reasons: [], sender: 'proofpoint' } }],
    ],
    [
      'a platform signing as you with a failing key',
      group([rec('198.51.100.20', 3, 'fail', 'fail', { dkim: [['example.com', 's1', 'fail']] })], found('a1-2.smtp-out.amazonses.com')),
      own,
      [{ code: 'platform-dkim-fail', severity: 'fail', messages: 3, params: { sender: 'amazon-ses', selectors: ['s1'] } }],
    ],
    [
      'Gmail sending as you without your signature',
      group([rec('198.51.100.7', 2, 'fail', 'fail', { dkim: [['gmail.com', '20230601', 'pass']], spf: [['gmail.com', 'pass']] })], found('mail-wr1-f54.google.com')),
      own,
      [{ code: 'other-mailbox-service', severity: 'fail', messages: 2, params: { sender: 'google' } }],
    ],
    [
      'an unknown IP whose lookup failed: not called spoofing, only a warning',
      group([rec('203.0.113.50', 8, 'fail', 'fail')], { status: 'error', code: 'timeout' }),
      own,
      [{ code: 'unknown-sender-spoofing', severity: 'warn', messages: 8, params: { policy: '', ptr: 'error', ptrDomain: '' } }],
    ],
    [
      'an unknown IP not looked up, under p=reject: only a warning',
      group([rec('203.0.113.51', 1, 'fail', 'fail')]),
      { ...own, policy: { domain: 'example.com', p: 'reject', sp: '', np: '', adkim: '', aspf: '', pct: '', fo: '', testing: '', discoveryMethod: '' } },
      [{ code: 'unknown-sender-spoofing', severity: 'warn', messages: 1, params: { policy: 'reject', ptr: 'not-asked', ptrDomain: '' } }],
    ],
    [
      'an unknown IP skipped (beyond the lookup limit) counts as not looked up',
      group([rec('203.0.113.52', 2, 'fail', 'fail')], { status: 'skipped' }),
      own,
      [{ code: 'unknown-sender-spoofing', severity: 'warn', messages: 2, params: { policy: '', ptr: 'not-asked', ptrDomain: '' } }],
    ],
    [
      'an IP whose name claims Alibaba Mail but does not lead back: probably spoofing, not your provider',
      group([rec('203.0.113.66', 5, 'fail', 'fail')], { status: 'found', names: ['out30-1.mail.aliyun.com'], confirmed: false }),
      own,
      [{ code: 'unknown-sender-spoofing', severity: 'fail', messages: 5, params: { policy: '', ptr: 'unconfirmed', ptrDomain: '' } }],
    ],
    [
      'an IP whose name could not be checked forward: only a warning',
      group([rec('203.0.113.68', 2, 'fail', 'fail')], { status: 'found', names: ['out30-1.mail.aliyun.com'], confirmed: null }),
      own,
      [{ code: 'unknown-sender-spoofing', severity: 'warn', messages: 2, params: { policy: '', ptr: 'error', ptrDomain: '' } }],
    ],
    [
      'an unknown IP without a reverse name: probably spoofing',
      group([rec('203.0.113.53', 4, 'fail', 'fail')], { status: 'none', rcode: 'NXDOMAIN' }),
      own,
      [{ code: 'unknown-sender-spoofing', severity: 'fail', messages: 4, params: { policy: '', ptr: 'none', ptrDomain: '' } }],
    ],
    [
      'the policy quoted is that of the failing messages’ own header_from domain',
      group([rec('203.0.113.54', 3, 'fail', 'fail', { from: 'example.net' })], { status: 'none', rcode: 'NXDOMAIN' }),
      { ...own, policies: new Map([['example.com', 'none'], ['example.net', 'reject']]) },
      [{ code: 'unknown-sender-spoofing', severity: 'fail', messages: 3, params: { policy: 'reject', ptr: 'none', ptrDomain: '' } }],
    ],
    [
      'with several header_from domains, the weakest of their policies is quoted',
      group([rec('203.0.113.55', 3, 'fail', 'fail', { from: 'example.net' }), rec('203.0.113.55', 1, 'fail', 'fail')], { status: 'none', rcode: 'NXDOMAIN' }),
      { ...own, policies: new Map([['example.com', 'quarantine'], ['example.net', 'reject']]), policy: { domain: 'example.net', p: 'reject', sp: '', np: '', adkim: '', aspf: '', pct: '', fo: '', testing: '', discoveryMethod: '' } },
      [{ code: 'unknown-sender-spoofing', severity: 'fail', messages: 4, params: { policy: 'quarantine', ptr: 'none', ptrDomain: '' } }],
    ],
    [
      'header_from domains without a known policy fall back to the policy given',
      group([rec('203.0.113.56', 2, 'fail', 'fail', { from: 'example.org' })], { status: 'none', rcode: 'NXDOMAIN' }),
      { ...own, policies: new Map([['example.com', 'none']]), policy: { domain: 'example.org', p: 'reject', sp: '', np: '', adkim: '', aspf: '', pct: '', fo: '', testing: '', discoveryMethod: '' } },
      [{ code: 'unknown-sender-spoofing', severity: 'fail', messages: 2, params: { policy: 'reject', ptr: 'none', ptrDomain: '' } }],
    ],
    ['a passing source that is not yours: nothing to say', group([rec('198.51.100.7', 2, 'pass', 'fail')], found('mail-wr1-f54.google.com')), own, []],
    [
      'without a known own provider, Alibaba Mail is another mailbox service',
      group([rec('192.0.2.10', 1, 'fail', 'fail')], ALIYUN),
      {},
      [{ code: 'other-mailbox-service', severity: 'fail', messages: 1, params: { sender: 'alibaba-mail' } }],
    ],
  ];
  it.each(rows)('%s', (_name, g, options, expected) => {
    expect(strip(adviseGroup(g, options))).toEqual(expected);
  });

  it('links every code to guide pages that exist in both languages', () => {
    const docs = fileURLToPath(new URL('../../../../src/content/docs/', import.meta.url));
    const missing = ADVICE_CODES.flatMap((c) => ADVICE_GUIDES[c]).filter(
      (slug) => !existsSync(`${docs}${slug}.mdx`) || !existsSync(`${docs}en/${slug}.mdx`),
    );
    expect(missing).toEqual([]);
    expect(ADVICE_CODES.filter((c) => ADVICE_GUIDE[c] !== ADVICE_GUIDES[c][0])).toEqual([]);
  });

  it.each([['platform-not-authorised'], ['platform-dkim-fail']] as const)('links %s to the page on mail that platforms send, first or second', (code) => {
    expect(ADVICE_GUIDES[code].slice(0, 2)).toContain('troubleshooting/platform-mail');
  });
});
