import { describe, expect, it } from 'vitest';
import { expandSpf } from '~/core/check/spf-expand';
import { addSpfTreeFindings, spfVerdict } from '~/core/check/spf-verdict';
import { newRun } from '~/core/doh/run';
import type { FindingParams, ProblemCode } from '~/core/findings/index';
import type { CodeParams } from '../../support/mail-zone';
import type { Severity } from '~/core/types';
import { fakeDns, type FakeZone } from '../../support/fake-dns';

const BASE: FakeZone = {
  'spf.qiye.aliyun.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
};

interface Row {
  name: string;
  zone: FakeZone;
  status: 'ok' | 'warn' | 'fail' | 'error';
  /** Every finding of the verdict, in order. */
  findings: [ProblemCode, Severity][];
  params?: CodeParams;
}

const over: FakeZone = { 'over.example': { TXT: [`v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:s${i}.over.example`).join(' ')} -all`] } };
for (let i = 0; i < 11; i++) over[`s${i}.over.example`] = { TXT: [`v=spf1 ip4:192.0.2.${i} -all`] };

const rows: Row[] = [
  // A plain, strict record that includes the provider: nothing to say.
  { name: 'a strict record with one include is ok', zone: { 'd.example': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] } }, status: 'ok', findings: [] },
  // Soft fail is a warning, explained by weak-policy.
  {
    name: 'soft fail warns',
    zone: { 'd.example': { TXT: ['v=spf1 include:spf.qiye.aliyun.com ~all'] } },
    status: 'warn',
    findings: [['weak-policy', 'warn']],
    params: { code: 'weak-policy', params: { spf: '~all' } },
  },
  // +all authorises the whole internet.
  { name: '+all fails', zone: { 'd.example': { TXT: ['v=spf1 +all'] } }, status: 'fail', findings: [['weak-policy', 'fail']], params: { code: 'weak-policy', params: { spf: '+all' } } },
  // No include of the provider is required here: the inspector looks at any domain.
  { name: 'a record without any include is ok', zone: { 'd.example': { TXT: ['v=spf1 ip4:192.0.2.1 -all'] } }, status: 'ok', findings: [] },
  // Eleven includes: one over the limit of ten lookups.
  {
    name: 'eleven lookups fail the limit',
    zone: { ...over, 'd.example': { TXT: ['v=spf1 include:over.example -all'] } },
    status: 'fail',
    findings: [['spf-lookup-limit', 'fail']],
    params: { code: 'spf-lookup-limit', params: { count: 12, limit: 10 } },
  },
  // Three a: terms on names that do not exist: three void lookups.
  {
    name: 'three void lookups fail',
    zone: { 'd.example': { TXT: ['v=spf1 a:x1.d.example a:x2.d.example a:x3.d.example -all'] } },
    status: 'fail',
    findings: [['spf-void-limit', 'fail']],
    params: { code: 'spf-void-limit', params: { count: 3, limit: 2 } },
  },
  // An include that comes back to the root.
  {
    name: 'a loop fails',
    zone: { 'd.example': { TXT: ['v=spf1 include:l.d.example -all'] }, 'l.d.example': { TXT: ['v=spf1 include:d.example -all'] } },
    status: 'fail',
    findings: [['spf-loop', 'fail']],
    params: { code: 'spf-loop', params: { domain: 'd.example', path: ['d.example', 'l.d.example', 'd.example'] } },
  },
  // A misspelt mechanism is a syntax error.
  {
    name: 'a syntax error fails',
    zone: { 'd.example': { TXT: ['v=spf1 inclde:spf.qiye.aliyun.com -all'] } },
    status: 'fail',
    findings: [['spf-syntax', 'fail']],
    params: { code: 'spf-syntax', params: { domain: 'd.example', term: 'inclde:spf.qiye.aliyun.com', reason: 'unknown-mechanism', offset: 7 } },
  },
  // An include of a name that does not exist.
  {
    name: 'an include of a missing name is broken',
    zone: { 'd.example': { TXT: ['v=spf1 include:typo.d.example -all'] } },
    status: 'fail',
    findings: [['spf-broken-include', 'fail']],
    params: { code: 'spf-broken-include', params: { domain: 'typo.d.example', from: 'd.example', reason: 'nxdomain' } },
  },
  // No SPF record at all.
  { name: 'no record is missing', zone: { 'd.example': { TXT: ['google-site-verification=abc'] } }, status: 'fail', findings: [['missing', 'fail']], params: { code: 'missing', params: {} } },
  // Two SPF records.
  {
    name: 'two records fail',
    zone: { 'd.example': { TXT: ['v=spf1 -all', 'v=spf1 include:spf.qiye.aliyun.com -all'] } },
    status: 'fail',
    findings: [['multiple-spf', 'fail']],
    params: { code: 'multiple-spf', params: { count: 2 } },
  },
  // Three SPF records: the finding names how many.
  {
    name: 'three records fail, counted',
    zone: { 'd.example': { TXT: ['v=spf1 -all', 'v=spf1 ~all', 'v=spf1 include:spf.qiye.aliyun.com -all'] } },
    status: 'fail',
    findings: [['multiple-spf', 'fail']],
    params: { code: 'multiple-spf', params: { count: 3 } },
  },
  // The domain does not exist.
  { name: 'a missing domain says nxdomain', zone: {}, status: 'fail', findings: [['nxdomain', 'fail']], params: { code: 'nxdomain', params: { domain: 'd.example' } } },
  // The resolver failed: we do not know, never "missing".
  {
    name: 'a resolver failure is an error, not missing',
    zone: { 'd.example': { reject: 'timeout' } },
    status: 'error',
    findings: [['resolver-error', 'error']],
    params: { code: 'resolver-error', params: { name: 'd.example', type: 'TXT', code: 'timeout' } },
  },
  // SERVFAIL deeper in the tree also makes the verdict unknown.
  {
    name: 'SERVFAIL on an include is an error',
    zone: { 'd.example': { TXT: ['v=spf1 include:bad.example -all'] }, 'bad.example': { rcode: 'SERVFAIL' } },
    status: 'error',
    findings: [['resolver-error', 'error']],
    params: { code: 'resolver-error', params: { name: 'bad.example', type: 'TXT', code: 'SERVFAIL' } },
  },
];

describe('spfVerdict', () => {
  it.each(rows)('$name', async ({ zone, status, findings, params }) => {
    const dns = fakeDns({ ...BASE, ...zone });
    const verdict = spfVerdict(await expandSpf('d.example', newRun(dns.query)));
    expect(verdict.status).toBe(status);
    expect(verdict.findings.map((f) => [f.code, f.severity])).toEqual(findings);
    if (params) expect(verdict.findings.find((f) => f.code === params.code)?.params).toEqual(params.params);
    for (const f of verdict.findings) expect([f.record, f.name]).toEqual(['spf', 'd.example']);
  });
});

describe('addSpfTreeFindings', () => {
  it('reports at most three syntax errors of one record', async () => {
    const record = 'v=spf1 ip4:1 ip4:2 ip4:3 ip4:4 ip4:5 -all';
    const expansion = await expandSpf('d.example', newRun(fakeDns({}).query), { rootRecord: record });
    const added: { code: ProblemCode; severity: Severity; params: FindingParams[ProblemCode] }[] = [];
    addSpfTreeFindings(expansion, record, { add: (code, severity, params) => (added.push({ code, severity, params }), undefined as never) });
    expect(added.map((f) => [f.code, f.severity, 'term' in f.params ? f.params.term : ''])).toEqual([
      ['spf-syntax', 'fail', 'ip4:1'],
      ['spf-syntax', 'fail', 'ip4:2'],
      ['spf-syntax', 'fail', 'ip4:3'],
    ]);
  });
});
