import { describe, expect, it } from 'vitest';
import { spf } from '~/core/check/kinds/spf';
import type { ExpectedArgs } from '~/core/expected';
import type { SpfExpected } from '~/core/types';
import { SOA_MINIMUM } from '../../../support/fake-dns';
import { apex, checkRow, D, expectRow, type Patch, type RowSpec } from '../../../support/mail-zone';

const OWN = 'v=spf1 include:spf.qiye.aliyun.com -all';

interface Row extends RowSpec {
  readonly note: string;
  readonly patch: Patch;
  readonly args?: Partial<ExpectedArgs>;
  readonly edit?: (rec: SpfExpected) => SpfExpected;
  /** The record to publish instead, when the domain has one SPF record (undefined otherwise). */
  readonly suggestion: string | undefined;
}

const spfAt = (...txt: (string | string[])[]): Patch => ({ [D]: apex({ TXT: txt }) });

const rows: Row[] = [
  // --- accepted
  { note: 'the provider’s record is ok', patch: {}, status: 'ok', findings: [], suggestion: OWN },
  {
    note: 'a record split into several strings is ok',
    patch: spfAt(['v=spf1 include:spf.qi', 'ye.aliyun.com -all']),
    status: 'ok',
    findings: [],
    suggestion: OWN,
  },
  {
    note: 'the equivalent include:spf.mxhichina.com is ok',
    patch: spfAt('v=spf1 include:spf.mxhichina.com -all'),
    status: 'ok',
    findings: [],
    suggestion: 'v=spf1 include:spf.mxhichina.com -all',
  },
  {
    note: 'other senders beside the include are ok',
    patch: spfAt('v=spf1 ip4:192.0.2.1 include:spf.qiye.aliyun.com -all'),
    status: 'ok',
    findings: [],
    suggestion: 'v=spf1 ip4:192.0.2.1 include:spf.qiye.aliyun.com -all',
  },
  {
    note: 'the include nested in the company’s own SPF is ok',
    patch: { ...spfAt('v=spf1 include:_spf.example.com -all'), [`_spf.${D}`]: { TXT: [OWN] } },
    status: 'ok',
    findings: [],
    suggestion: 'v=spf1 include:_spf.example.com -all',
  },
  {
    note: 'a sender the reader listed as a bare domain, present, is ok',
    patch: {
      ...spfAt('v=spf1 include:spf.qiye.aliyun.com include:mailgun.org -all'),
      'mailgun.org': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] },
    },
    args: { extraSpf: ['mailgun.org'] },
    status: 'ok',
    findings: [],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com include:mailgun.org -all',
  },
  {
    note: 'a sender the reader listed, reached through a nested include, is ok',
    patch: {
      ...spfAt('v=spf1 include:spf.qiye.aliyun.com include:_spf.example.com -all'),
      [`_spf.${D}`]: { TXT: ['v=spf1 include:_spf.example.net -all'] },
      '_spf.example.net': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] },
    },
    args: { extraSpf: ['include:_spf.example.net'] },
    status: 'ok',
    findings: [],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com include:_spf.example.com include:_spf.example.net -all',
  },
  // --- missing or at the wrong name
  {
    note: 'no SPF record, only other TXT, is missing',
    patch: spfAt('google-site-verification=abc'),
    status: 'fail',
    findings: [['missing', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'missing', params: { expected: OWN } },
      { code: 'ttl', params: { seconds: 600, negative: true } },
    ],
    suggestion: undefined,
  },
  {
    note: 'SPF at www is at the wrong name',
    patch: { ...spfAt(), [`www.${D}`]: { TXT: [OWN] } },
    status: 'fail',
    findings: [['wrong-name', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'wrong-name', params: { found: 'www.example.com', expected: D } },
      { code: 'ttl', params: { seconds: SOA_MINIMUM, negative: true } },
    ],
    suggestion: undefined,
  },
  {
    note: 'SPF typed with the full name is at the wrong name',
    patch: { ...spfAt(), [`${D}.${D}`]: { TXT: [OWN] } },
    status: 'fail',
    findings: [['wrong-name', 'fail'], ['ttl', 'info']],
    params: [{ code: 'wrong-name', params: { found: 'example.com.example.com', expected: D } }],
    suggestion: undefined,
  },
  {
    note: 'a CNAME at the apex conflicts, and hides the SPF record',
    patch: { [D]: { CNAME: 'site.example.net' }, 'site.example.net': { A: ['192.0.2.80'] } },
    status: 'fail',
    findings: [['cname-conflict', 'fail'], ['missing', 'fail']],
    params: [{ code: 'cname-conflict', params: { target: 'site.example.net' } }],
    suggestion: undefined,
  },
  // --- a record that does not work
  {
    note: 'two SPF records are a permanent error',
    patch: spfAt(OWN, 'v=spf1 include:spf.mail.qq.com -all'),
    status: 'fail',
    findings: [['multiple-spf', 'fail'], ['ttl', 'info']],
    params: [{ code: 'multiple-spf', params: { count: 2 } }],
    suggestion: undefined,
  },
  {
    note: 'an SPF record without v= is a syntax error',
    patch: spfAt('spf1 include:spf.qiye.aliyun.com -all'),
    status: 'fail',
    findings: [['spf-syntax', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'spf-syntax', params: { domain: D, term: 'spf1', reason: 'no-version', offset: 0 } },
      { code: 'ttl', params: { seconds: 600, negative: true } },
    ],
    suggestion: undefined,
  },
  {
    note: 'a misspelt include is a syntax error, and loses the include',
    patch: spfAt('v=spf1 inlcude:spf.qiye.aliyun.com -all'),
    status: 'fail',
    findings: [['spf-include-missing', 'fail'], ['spf-syntax', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'spf-include-missing', params: { include: 'spf.qiye.aliyun.com' } },
      { code: 'spf-syntax', params: { domain: D, term: 'inlcude:spf.qiye.aliyun.com', reason: 'unknown-mechanism', offset: 7 } },
    ],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com -all',
  },
  {
    note: 'an include of a name without SPF is broken',
    patch: {
      ...spfAt('v=spf1 include:spf.qiye.aliyun.com include:spf.example.org -all'),
      'spf.example.org': { TXT: ['hello'] },
    },
    status: 'fail',
    findings: [['spf-broken-include', 'fail'], ['ttl', 'info']],
    params: [{ code: 'spf-broken-include', params: { domain: 'spf.example.org', from: D, reason: 'no-record' } }],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com include:spf.example.org -all',
  },
  {
    note: 'an include loop is found',
    patch: {
      ...spfAt('v=spf1 include:spf.qiye.aliyun.com include:_spf.example.com -all'),
      [`_spf.${D}`]: { TXT: ['v=spf1 include:example.com -all'] },
    },
    status: 'fail',
    findings: [['spf-loop', 'fail'], ['ttl', 'info']],
    params: [{ code: 'spf-loop', params: { domain: D, path: [D, '_spf.example.com', D] } }],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com include:_spf.example.com -all',
  },
  {
    note: 'more than 10 DNS-querying terms are over the lookup limit',
    patch: {
      ...spfAt(
        'v=spf1 include:spf.qiye.aliyun.com a mx ptr exists:x.example.com a:a.example.com a:b.example.com a:c.example.com mx:d.example.com mx:e.example.com include:f.example.com -all',
      ),
      'x.example.com': { A: ['127.0.0.2'] },
      'a.example.com': { A: ['192.0.2.1'] },
      'b.example.com': { A: ['192.0.2.2'] },
      'c.example.com': { A: ['192.0.2.3'] },
      'd.example.com': { MX: [[1, 'mx1.qiye.aliyun.com']] },
      'e.example.com': { MX: [[1, 'mx1.qiye.aliyun.com']] },
      'f.example.com': { TXT: ['v=spf1 a -all'], A: ['192.0.2.9'] },
    },
    status: 'fail',
    findings: [['spf-lookup-limit', 'fail'], ['ttl', 'info']],
    params: [{ code: 'spf-lookup-limit', params: { count: 12, limit: 10 } }],
    suggestion:
      'v=spf1 include:spf.qiye.aliyun.com a mx ptr exists:x.example.com a:a.example.com a:b.example.com a:c.example.com mx:d.example.com mx:e.example.com include:f.example.com -all',
  },
  {
    note: 'more than 2 void lookups are over the void limit',
    patch: spfAt('v=spf1 include:spf.qiye.aliyun.com a:gone1.example.com a:gone2.example.com mx:gone3.example.com -all'),
    status: 'fail',
    findings: [['spf-void-limit', 'fail'], ['ttl', 'info']],
    params: [{ code: 'spf-void-limit', params: { count: 3, limit: 2 } }],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com a:gone1.example.com a:gone2.example.com mx:gone3.example.com -all',
  },
  {
    note: 'an mx term with 11 hosts is over the mx limit (a warning)',
    patch: {
      ...spfAt('v=spf1 include:spf.qiye.aliyun.com mx:big.example.com -all'),
      'big.example.com': { MX: Array.from({ length: 11 }, (_, i): [number, string] => [i, `m${i}.example.com`]) },
    },
    status: 'warn',
    findings: [['spf-mx-limit', 'warn'], ['ttl', 'info']],
    params: [{ code: 'spf-mx-limit', params: { domain: 'big.example.com', count: 11 } }],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com mx:big.example.com -all',
  },
  {
    note: 'a resolver failure inside the SPF tree is an error, never a missing include',
    patch: { 'spf.qiye.aliyun.com': { rcode: 'SERVFAIL' } },
    status: 'error',
    findings: [['resolver-error', 'error']],
    params: [{ code: 'resolver-error', params: { name: 'spf.qiye.aliyun.com', type: 'TXT', code: 'SERVFAIL' } }],
    suggestion: OWN,
  },
  // --- how the record ends
  {
    note: '~all is a weak policy (a warning)',
    patch: spfAt('v=spf1 include:spf.qiye.aliyun.com ~all'),
    status: 'warn',
    findings: [['weak-policy', 'warn'], ['ttl', 'info']],
    params: [
      { code: 'weak-policy', params: { spf: '~all' } },
      { code: 'ttl', params: { seconds: 600, negative: false } },
    ],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com ~all',
  },
  {
    note: '?all is a weak policy (a warning)',
    patch: spfAt('v=spf1 include:spf.qiye.aliyun.com ?all'),
    status: 'warn',
    findings: [['weak-policy', 'warn'], ['ttl', 'info']],
    params: [{ code: 'weak-policy', params: { spf: '?all' } }],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com ?all',
  },
  {
    note: '+all is a weak policy (a failure)',
    patch: spfAt('v=spf1 include:spf.qiye.aliyun.com +all'),
    status: 'fail',
    findings: [['weak-policy', 'fail'], ['ttl', 'info']],
    params: [{ code: 'weak-policy', params: { spf: '+all' } }],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com +all',
  },
  {
    note: 'no all at all is a weak policy (a warning)',
    patch: spfAt('v=spf1 include:spf.qiye.aliyun.com'),
    status: 'warn',
    findings: [['weak-policy', 'warn'], ['ttl', 'info']],
    params: [{ code: 'weak-policy', params: { spf: 'none' } }],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com',
  },
  // --- required includes, carried by the record
  {
    note: 'the SPF of another provider only lacks the provider’s include; the suggestion replaces it',
    patch: { ...spfAt('v=spf1 include:spf.mail.qq.com -all'), 'spf.mail.qq.com': { TXT: ['v=spf1 -all'] } },
    status: 'fail',
    findings: [['spf-include-missing', 'fail'], ['ttl', 'info']],
    params: [{ code: 'spf-include-missing', params: { include: 'spf.qiye.aliyun.com' } }],
    suggestion: OWN,
  },
  {
    note: 'an existing sender without the provider’s include is kept in the suggestion',
    patch: { ...spfAt('v=spf1 include:servers.mcsv.net ~all'), 'servers.mcsv.net': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] } },
    status: 'fail',
    findings: [['spf-include-missing', 'fail'], ['weak-policy', 'warn'], ['ttl', 'info']],
    params: [{ code: 'spf-include-missing', params: { include: 'spf.qiye.aliyun.com' } }],
    suggestion: 'v=spf1 include:servers.mcsv.net include:spf.qiye.aliyun.com ~all',
  },
  {
    note: 'a sender the reader listed but the record lacks is a missing include; the suggestion adds it',
    patch: {},
    args: { extraSpf: ['include:_spf.example.net'] },
    status: 'fail',
    findings: [['spf-include-missing', 'fail'], ['ttl', 'info']],
    params: [{ code: 'spf-include-missing', params: { include: '_spf.example.net' } }],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com include:_spf.example.net -all',
  },
  {
    note: 'a sender listed as an ip4: range is kept in the suggestion, and needs no include',
    patch: {},
    args: { extraSpf: ['ip4:203.0.113.5'] },
    status: 'ok',
    findings: [],
    suggestion: 'v=spf1 include:spf.qiye.aliyun.com ip4:203.0.113.5 -all',
  },
  {
    note: 'the includes the record carries are required, not those of its shown value',
    patch: {},
    edit: (rec) => ({ ...rec, providerIncludes: ['spf.example.org'], senderIncludes: ['_spf.example.net'] }),
    status: 'fail',
    findings: [['spf-include-missing', 'fail'], ['spf-include-missing', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'spf-include-missing', params: { include: 'spf.example.org' } },
      { code: 'spf-include-missing', params: { include: '_spf.example.net' } },
    ],
    suggestion: OWN,
  },
];

describe('the SPF check', () => {
  it.each(rows)('$note', async ({ patch, args, edit, suggestion, ...spec }) => {
    const { row } = await checkRow(spf, 'spf', patch, args, edit);
    expectRow(row, spec);
    expect(row.suggestion).toBe(suggestion);
  });

  it('observes the SPF record only, joined', async () => {
    const { row } = await checkRow(spf, 'spf', spfAt(['v=spf1 include:spf.qi', 'ye.aliyun.com -all'], 'other=1'));
    expect(row.observed).toEqual([OWN]);
    expect(row.ttl).toBe(600);
  });

  it('asks each question once, through the run', async () => {
    const { dns } = await checkRow(spf, 'spf', {
      ...spfAt('v=spf1 include:a.example.net include:b.example.net include:spf.qiye.aliyun.com -all'),
      'a.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
      'b.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
    });
    const keys = dns.asked.map((q) => `${q.name} ${q.type}`);
    expect(keys.sort()).toEqual(['a.example.net TXT', 'b.example.net TXT', 'example.com TXT', 'spf.qiye.aliyun.com TXT']);
  });
});
