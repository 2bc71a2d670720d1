import { describe, expect, it } from 'vitest';
import { checkDomain } from '~/core/check/index';
import { buildExpectedRecords, type ExpectedArgs } from '~/core/expected';
import { getProvider } from '~/core/providers/index';
import type { ProviderProfile } from '~/core/providers/types';
import { splitTxt } from '~/core/records/txt';
import type { CheckStatus, ProblemCode, RecordCheck, RecordId, Severity } from '~/core/types';
import { fakeDns, SOA_MINIMUM, type FakeEntry, type FakeZone } from './core-fake-dns';
import { RSA_1024_SPKI, RSA_2048_OTHER, RSA_2048_SPKI, RSA_512_SPKI } from './core-fixtures';

const cn = getProvider('aliyun-cn') as ProviderProfile;
const D = 'example.com';
const dkimTxt = (key: string): string[] => splitTxt(`v=DKIM1; k=rsa; p=${key}`);

/** A domain set up correctly for the mainland profile. */
const GOOD: FakeZone = {
  [D]: {
    MX: [
      [5, 'mx1.qiye.aliyun.com'],
      [10, 'mx2.qiye.aliyun.com'],
      [15, 'mx3.qiye.aliyun.com'],
    ],
    TXT: ['v=spf1 include:spf.qiye.aliyun.com -all', 'google-site-verification=abc'],
  },
  'spf.qiye.aliyun.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
  'spf.mxhichina.com': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  [`_dmarc.${D}`]: { TXT: ['v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com'] },
  [`default._domainkey.${D}`]: { TXT: [dkimTxt(RSA_2048_SPKI)] },
  [`mail.${D}`]: { CNAME: 'qiye.aliyun.com' },
  [`imap.${D}`]: { CNAME: 'imap.qiye.aliyun.com' },
  [`smtp.${D}`]: { CNAME: 'smtp.qiye.aliyun.com' },
  [`pop3.${D}`]: { CNAME: 'pop.qiye.aliyun.com' },
};

type Patch = Record<string, FakeEntry | null>;

function zoneWith(patch: Patch): FakeZone {
  const zone: FakeZone = { ...GOOD };
  for (const [name, entry] of Object.entries(patch)) {
    if (entry === null) delete zone[name];
    else zone[name] = entry;
  }
  return zone;
}

async function check(patch: Patch, args: Partial<ExpectedArgs> = {}): Promise<Map<RecordId, RecordCheck>> {
  const expected = buildExpectedRecords({
    domain: D,
    provider: cn,
    dmarc: { policy: 'quarantine', rua: 'dmarc@example.com' },
    ...args,
  });
  const dns = fakeDns(zoneWith(patch));
  const rows = await checkDomain({ domain: D, expected, provider: cn, query: dns.query });
  return new Map(rows.map((r) => [r.id, r]));
}

const apex = (e: Partial<FakeEntry>): FakeEntry => ({ ...GOOD[D], ...e });

describe('checkDomain on a correct domain', () => {
  it('reports every row ok with what it observed', async () => {
    const rows = await check({});
    expect([...rows.values()].map((r) => [r.id, r.status])).toEqual([
      ['mx', 'ok'],
      ['spf', 'ok'],
      ['dkim', 'ok'],
      ['dmarc', 'ok'],
      ['mail', 'ok'],
      ['imap', 'ok'],
      ['smtp', 'ok'],
      ['pop3', 'ok'],
    ]);
    for (const r of rows.values()) expect(r.findings).toEqual([]);
    expect(rows.get('mx')?.observed).toEqual([
      '5 mx1.qiye.aliyun.com',
      '10 mx2.qiye.aliyun.com',
      '15 mx3.qiye.aliyun.com',
    ]);
    expect(rows.get('spf')?.observed).toEqual(['v=spf1 include:spf.qiye.aliyun.com -all']);
    expect(rows.get('mail')?.observed).toEqual(['CNAME qiye.aliyun.com']);
    expect(rows.get('mx')?.ttl).toBe(600);
  });
});

type Row = {
  /** What is wrong in the zone. */
  note: string;
  patch: Patch;
  args?: Partial<ExpectedArgs>;
  id: RecordId;
  status: CheckStatus;
  code: ProblemCode;
  severity?: Severity;
  params?: Record<string, string | number>;
};

const rows: Row[] = [
  // --- missing / wrong values
  { note: 'no MX at all', patch: { [D]: apex({ MX: [] }) }, id: 'mx', status: 'fail', code: 'missing' },
  { note: 'no DMARC record', patch: { [`_dmarc.${D}`]: null }, id: 'dmarc', status: 'fail', code: 'missing' },
  {
    note: 'no SPF record, only other TXT',
    patch: { [D]: apex({ TXT: ['google-site-verification=abc'] }) },
    id: 'spf',
    status: 'fail',
    code: 'missing',
  },
  { note: 'no DKIM record', patch: { [`default._domainkey.${D}`]: null }, id: 'dkim', status: 'fail', code: 'missing' },
  { note: 'no mail CNAME', patch: { [`mail.${D}`]: null }, id: 'mail', status: 'fail', code: 'missing' },
  {
    note: 'no imap CNAME (optional: information only)',
    patch: { [`imap.${D}`]: null },
    id: 'imap',
    status: 'ok',
    code: 'missing',
    severity: 'info',
  },
  {
    note: 'the mail CNAME at the seed article’s wrong target',
    patch: { [`mail.${D}`]: { CNAME: 'mail.qiye.aliyun.com' } },
    id: 'mail',
    status: 'fail',
    code: 'wrong-value',
    params: { observed: 'mail.qiye.aliyun.com', expected: 'qiye.aliyun.com' },
  },
  {
    note: 'an A record (or a proxied record) where the mail CNAME belongs',
    patch: { [`mail.${D}`]: { A: ['104.16.0.1'] } },
    id: 'mail',
    status: 'fail',
    code: 'wrong-value',
    params: { kind: 'address', observed: '104.16.0.1' },
  },
  {
    note: 'an optional CNAME with the wrong target',
    patch: { [`smtp.${D}`]: { CNAME: 'smtp.example.net' } },
    id: 'smtp',
    status: 'warn',
    code: 'wrong-value',
  },
  {
    note: 'the seed article’s made-up MX host',
    patch: { [D]: apex({ MX: [[10, 'mxqiye.qiye.aliyun.com']] }) },
    id: 'mx',
    status: 'fail',
    code: 'wrong-value',
  },
  {
    note: 'only one of the three MX hosts',
    patch: { [D]: apex({ MX: [[5, 'mx1.qiye.aliyun.com']] }) },
    id: 'mx',
    status: 'warn',
    code: 'wrong-value',
    params: { missing: 'mx2.qiye.aliyun.com, mx3.qiye.aliyun.com' },
  },
  // --- SPF
  {
    note: 'two SPF records',
    patch: { [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com -all', 'v=spf1 include:spf.mail.qq.com -all'] }) },
    id: 'spf',
    status: 'fail',
    code: 'multiple-spf',
    params: { count: 2 },
  },
  {
    note: 'a misspelt include',
    patch: { [D]: apex({ TXT: ['v=spf1 inlcude:spf.qiye.aliyun.com -all'] }) },
    id: 'spf',
    status: 'fail',
    code: 'spf-syntax',
    params: { term: 'inlcude:spf.qiye.aliyun.com', offset: 7, reason: 'unknown-mechanism' },
  },
  {
    note: 'an SPF record without v=',
    patch: { [D]: apex({ TXT: ['spf1 include:spf.qiye.aliyun.com -all'] }) },
    id: 'spf',
    status: 'fail',
    code: 'spf-syntax',
    params: { reason: 'no-version' },
  },
  {
    note: 'a misspelt include also loses the include',
    patch: { [D]: apex({ TXT: ['v=spf1 inlcude:spf.qiye.aliyun.com -all'] }) },
    id: 'spf',
    status: 'fail',
    code: 'spf-include-missing',
    params: { include: 'spf.qiye.aliyun.com' },
  },
  {
    note: 'SPF of another provider only',
    patch: { [D]: apex({ TXT: ['v=spf1 include:spf.mail.qq.com -all'] }), 'spf.mail.qq.com': { TXT: ['v=spf1 -all'] } },
    id: 'spf',
    status: 'fail',
    code: 'spf-include-missing',
  },
  {
    note: 'an include of a name without SPF',
    patch: {
      [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com include:spf.example.org -all'] }),
      'spf.example.org': { TXT: ['hello'] },
    },
    id: 'spf',
    status: 'fail',
    code: 'spf-broken-include',
    params: { domain: 'spf.example.org', reason: 'no-record' },
  },
  {
    note: 'an include loop',
    patch: {
      [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com include:_spf.example.com -all'] }),
      [`_spf.${D}`]: { TXT: ['v=spf1 include:example.com -all'] },
    },
    id: 'spf',
    status: 'fail',
    code: 'spf-loop',
  },
  {
    note: 'more than 10 DNS-querying terms',
    patch: {
      [D]: apex({
        TXT: [
          'v=spf1 include:spf.qiye.aliyun.com a mx ptr exists:x.example.com a:a.example.com a:b.example.com a:c.example.com mx:d.example.com mx:e.example.com include:f.example.com -all',
        ],
      }),
      'x.example.com': { A: ['127.0.0.2'] },
      'a.example.com': { A: ['192.0.2.1'] },
      'b.example.com': { A: ['192.0.2.2'] },
      'c.example.com': { A: ['192.0.2.3'] },
      'd.example.com': { MX: [[1, 'mx1.qiye.aliyun.com']] },
      'e.example.com': { MX: [[1, 'mx1.qiye.aliyun.com']] },
      'f.example.com': { TXT: ['v=spf1 a -all'], A: ['192.0.2.9'] },
    },
    id: 'spf',
    status: 'fail',
    code: 'spf-lookup-limit',
    params: { count: 12, limit: 10 },
  },
  {
    note: 'more than 2 void lookups',
    patch: {
      [D]: apex({
        TXT: ['v=spf1 include:spf.qiye.aliyun.com a:gone1.example.com a:gone2.example.com mx:gone3.example.com -all'],
      }),
    },
    id: 'spf',
    status: 'fail',
    code: 'spf-void-limit',
    params: { count: 3, limit: 2 },
  },
  {
    note: 'an mx term with 11 hosts',
    patch: {
      [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com mx:big.example.com -all'] }),
      'big.example.com': { MX: Array.from({ length: 11 }, (_, i): [number, string] => [i, `m${i}.example.com`]) },
    },
    id: 'spf',
    status: 'warn',
    code: 'spf-mx-limit',
    params: { count: 11 },
  },
  {
    note: '~all',
    patch: { [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com ~all'] }) },
    id: 'spf',
    status: 'warn',
    code: 'weak-policy',
    params: { qualifier: '~all' },
  },
  {
    note: '?all',
    patch: { [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com ?all'] }) },
    id: 'spf',
    status: 'warn',
    code: 'weak-policy',
    params: { qualifier: '?all' },
  },
  {
    note: '+all',
    patch: { [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com +all'] }) },
    id: 'spf',
    status: 'fail',
    code: 'weak-policy',
    params: { qualifier: '+all' },
  },
  {
    note: 'no all',
    patch: { [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com'] }) },
    id: 'spf',
    status: 'warn',
    code: 'weak-policy',
    params: { qualifier: 'none' },
  },
  // --- MX of other providers
  {
    note: 'MX still at Tencent Exmail',
    patch: {
      [D]: apex({
        MX: [
          [5, 'mxbiz1.qq.com'],
          [10, 'mxbiz2.qq.com'],
        ],
      }),
    },
    id: 'mx',
    status: 'fail',
    code: 'foreign-mx',
    params: { provider: 'tencent-exmail', hosts: 'mxbiz1.qq.com, mxbiz2.qq.com' },
  },
  {
    note: 'MX at Microsoft 365',
    patch: { [D]: apex({ MX: [[0, 'example-com.mail.protection.outlook.com']] }) },
    id: 'mx',
    status: 'fail',
    code: 'foreign-mx',
    params: { provider: 'microsoft-365' },
  },
  {
    note: 'Alibaba MX mixed with Tencent’s',
    patch: {
      [D]: apex({
        MX: [
          [5, 'mx1.qiye.aliyun.com'],
          [10, 'mx2.qiye.aliyun.com'],
          [15, 'mxbiz1.qq.com'],
        ],
      }),
    },
    id: 'mx',
    status: 'fail',
    code: 'mixed-mx',
    params: { provider: 'tencent-exmail', hosts: 'mxbiz1.qq.com' },
  },
  {
    note: 'Alibaba MX mixed with an unknown server',
    patch: {
      [D]: apex({
        MX: [
          [5, 'mx1.qiye.aliyun.com'],
          [10, 'mx2.qiye.aliyun.com'],
          [20, 'backup.example.net'],
        ],
      }),
    },
    id: 'mx',
    status: 'fail',
    code: 'mixed-mx',
    params: { provider: '', hosts: 'backup.example.net' },
  },
  // --- names
  {
    note: 'a CNAME at the apex',
    patch: { [D]: { CNAME: 'site.example.net' }, 'site.example.net': { A: ['192.0.2.80'] } },
    id: 'mx',
    status: 'fail',
    code: 'cname-conflict',
    params: { target: 'site.example.net' },
  },
  {
    note: 'a CNAME at the apex hides SPF too',
    patch: { [D]: { CNAME: 'site.example.net' }, 'site.example.net': { A: ['192.0.2.80'] } },
    id: 'spf',
    status: 'fail',
    code: 'cname-conflict',
  },
  {
    note: 'DMARC typed with the full name',
    patch: { [`_dmarc.${D}`]: null, [`_dmarc.${D}.${D}`]: { TXT: ['v=DMARC1; p=none'] } },
    id: 'dmarc',
    status: 'fail',
    code: 'wrong-name',
    params: { found: '_dmarc.example.com.example.com', expected: '_dmarc.example.com' },
  },
  {
    note: 'DMARC at the apex',
    patch: {
      [`_dmarc.${D}`]: null,
      [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com -all', 'v=DMARC1; p=none'] }),
    },
    id: 'dmarc',
    status: 'fail',
    code: 'wrong-name',
    params: { found: 'example.com' },
  },
  {
    note: 'SPF at www',
    patch: { [D]: apex({ TXT: [] }), [`www.${D}`]: { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] } },
    id: 'spf',
    status: 'fail',
    code: 'wrong-name',
    params: { found: 'www.example.com' },
  },
  {
    note: 'DKIM typed with the full name',
    patch: { [`default._domainkey.${D}`]: null, [`default._domainkey.${D}.${D}`]: { TXT: [dkimTxt(RSA_2048_SPKI)] } },
    id: 'dkim',
    status: 'fail',
    code: 'wrong-name',
    params: { found: 'default._domainkey.example.com.example.com' },
  },
  {
    note: 'MX typed with the full name',
    patch: { [D]: apex({ MX: [] }), [`${D}.${D}`]: { MX: [[5, 'mx1.qiye.aliyun.com']] } },
    id: 'mx',
    status: 'fail',
    code: 'wrong-name',
    params: { found: 'example.com.example.com' },
  },
  {
    note: 'the mail CNAME typed with the full name',
    patch: { [`mail.${D}`]: null, [`mail.${D}.${D}`]: { CNAME: 'qiye.aliyun.com' } },
    id: 'mail',
    status: 'fail',
    code: 'wrong-name',
  },
  // --- the domain does not exist
  {
    note: 'a domain that does not exist (MX row)',
    patch: { [D]: null, [`_dmarc.${D}`]: null },
    id: 'mx',
    status: 'fail',
    code: 'nxdomain',
    params: { domain: 'example.com' },
  },
  {
    note: 'a domain that does not exist (DMARC row)',
    patch: { [D]: null, [`_dmarc.${D}`]: null },
    id: 'dmarc',
    status: 'fail',
    code: 'nxdomain',
  },
  // --- resolver failures are errors, never "missing"
  {
    note: 'SERVFAIL for the apex',
    patch: { [D]: { rcode: 'SERVFAIL' } },
    id: 'mx',
    status: 'error',
    code: 'resolver-error',
    params: { code: 'SERVFAIL' },
  },
  {
    note: 'a timeout for _dmarc',
    patch: { [`_dmarc.${D}`]: { reject: 'timeout' } },
    id: 'dmarc',
    status: 'error',
    code: 'resolver-error',
    params: { code: 'timeout' },
  },
  {
    note: 'REFUSED for the mail CNAME',
    patch: { [`mail.${D}`]: { rcode: 'REFUSED' } },
    id: 'mail',
    status: 'error',
    code: 'resolver-error',
    params: { code: 'REFUSED' },
  },
  {
    note: 'a failure inside the SPF tree',
    patch: { 'spf.qiye.aliyun.com': { rcode: 'SERVFAIL' } },
    id: 'spf',
    status: 'error',
    code: 'resolver-error',
    params: { name: 'spf.qiye.aliyun.com', type: 'TXT' },
  },
  // --- DMARC
  {
    note: 'p=none when quarantine was chosen',
    patch: { [`_dmarc.${D}`]: { TXT: ['v=DMARC1; p=none'] } },
    id: 'dmarc',
    status: 'warn',
    code: 'weak-policy',
    severity: 'warn',
  },
  {
    note: 'p=none when none was chosen',
    patch: { [`_dmarc.${D}`]: { TXT: ['v=DMARC1; p=none'] } },
    args: { dmarc: { policy: 'none' } },
    id: 'dmarc',
    status: 'ok',
    code: 'weak-policy',
    severity: 'info',
  },
  {
    note: 'an unknown policy',
    patch: { [`_dmarc.${D}`]: { TXT: ['v=DMARC1; p=block'] } },
    id: 'dmarc',
    status: 'fail',
    code: 'dmarc-syntax',
    params: { reason: 'invalid-policy', tag: 'p' },
  },
  {
    note: 'two DMARC records',
    patch: { [`_dmarc.${D}`]: { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] } },
    id: 'dmarc',
    status: 'fail',
    code: 'dmarc-syntax',
    params: { reason: 'multiple' },
  },
  {
    note: 'a DMARC record without v=',
    patch: { [`_dmarc.${D}`]: { TXT: ['p=quarantine; rua=mailto:d@example.com'] } },
    id: 'dmarc',
    status: 'fail',
    code: 'dmarc-syntax',
    params: { reason: 'no-version' },
  },
  // --- DKIM
  {
    note: 'a DKIM key cut short',
    patch: { [`default._domainkey.${D}`]: { TXT: [`v=DKIM1; k=rsa; p=${RSA_2048_SPKI.slice(0, 200)}`] } },
    id: 'dkim',
    status: 'fail',
    code: 'dkim-syntax',
  },
  {
    note: 'a 1024-bit key',
    patch: { [`default._domainkey.${D}`]: { TXT: [dkimTxt(RSA_1024_SPKI)] } },
    id: 'dkim',
    status: 'warn',
    code: 'dkim-weak-key',
    params: { bits: 1024 },
  },
  // Something other than a key at the selector is a DKIM problem, not a missing record.
  {
    note: 'a TXT record at the selector that is not a key',
    patch: { [`default._domainkey.${D}`]: { TXT: ['<b>not a key</b>'] } },
    id: 'dkim',
    status: 'fail',
    code: 'dkim-syntax',
    params: { reason: 'not-dkim' },
  },
  {
    note: 'a 512-bit key',
    patch: { [`default._domainkey.${D}`]: { TXT: [dkimTxt(RSA_512_SPKI)] } },
    id: 'dkim',
    status: 'fail',
    code: 'dkim-weak-key',
    params: { bits: 512 },
  },
  {
    note: 'a key that differs from the pasted one',
    patch: {},
    args: { dkimKey: RSA_2048_OTHER },
    id: 'dkim',
    status: 'fail',
    code: 'dkim-key-mismatch',
  },
  // --- TTL information on a row that needs fixing
  {
    note: 'a wrong mail CNAME tells how long the old value may be cached',
    patch: { [`mail.${D}`]: { CNAME: 'mail.qiye.aliyun.com', ttl: 3600 } },
    id: 'mail',
    status: 'fail',
    code: 'ttl',
    severity: 'info',
    params: { seconds: 3600, kind: 'positive' },
  },
  {
    note: 'a missing DMARC record tells the negative-caching time',
    patch: { [`_dmarc.${D}`]: null },
    id: 'dmarc',
    status: 'fail',
    code: 'ttl',
    params: { seconds: SOA_MINIMUM, kind: 'negative' },
  },
];

describe.each(rows)('checkDomain finds $code: $note', ({ patch, args, id, status, code, severity, params }) => {
  it(`marks the ${id} row ${status}`, async () => {
    const row = (await check(patch, args)).get(id);
    expect(row?.status).toBe(status);
    const finding = row?.findings.find((f) => f.code === code);
    expect(finding, JSON.stringify(row?.findings)).toBeDefined();
    if (severity) expect(finding?.severity).toBe(severity);
    if (params) expect(finding?.params).toMatchObject(params);
    expect(finding?.params).toMatchObject({ record: id });
  });
});

describe('checkDomain accepts equivalent values', () => {
  it.each([
    // the older MX set
    {
      note: 'the mxhichina MX set',
      patch: {
        [D]: apex({
          MX: [
            [5, 'mxn.mxhichina.com'],
            [10, 'mxw.mxhichina.com'],
          ],
        }),
      },
      id: 'mx' as const,
    },
    // a mix of the two sets
    {
      note: 'a mix of the two sets',
      patch: {
        [D]: apex({
          MX: [
            [5, 'mx1.qiye.aliyun.com'],
            [10, 'mxw.mxhichina.com'],
          ],
        }),
      },
      id: 'mx' as const,
    },
    // upper case and trailing dots
    {
      note: 'MX hosts in upper case with trailing dots',
      patch: {
        [D]: apex({
          MX: [
            [5, 'MX1.QIYE.ALIYUN.COM.'],
            [10, 'Mx2.Qiye.Aliyun.Com.'],
            [15, 'mx3.qiye.aliyun.com.'],
          ],
        }),
      },
      id: 'mx' as const,
    },
    // an SPF split into strings
    {
      note: 'an SPF record split into several strings',
      patch: { [D]: apex({ TXT: [['v=spf1 include:spf.qi', 'ye.aliyun.com -all']] }) },
      id: 'spf' as const,
    },
    // the equivalent include
    {
      note: 'include:spf.mxhichina.com',
      patch: { [D]: apex({ TXT: ['v=spf1 include:spf.mxhichina.com -all'] }) },
      id: 'spf' as const,
    },
    // other senders kept
    {
      note: 'extra senders beside the include',
      patch: { [D]: apex({ TXT: ['v=spf1 ip4:192.0.2.1 include:spf.qiye.aliyun.com -all'] }) },
      id: 'spf' as const,
    },
    // the include reached through another include
    {
      note: 'the include nested in the company’s own SPF',
      patch: {
        [D]: apex({ TXT: ['v=spf1 include:_spf.example.com -all'] }),
        [`_spf.${D}`]: { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
      },
      id: 'spf' as const,
    },
    // DMARC stronger than chosen: information only
    {
      note: 'p=reject when quarantine was chosen',
      patch: { [`_dmarc.${D}`]: { TXT: ['v=DMARC1; p=reject'] } },
      id: 'dmarc' as const,
    },
    // CNAME target with a trailing dot, in capitals
    {
      note: 'a CNAME target in capitals with a dot',
      patch: { [`mail.${D}`]: { CNAME: 'QIYE.ALIYUN.COM.' } },
      id: 'mail' as const,
    },
    // a pasted key that matches
    {
      note: 'the pasted DKIM key matches',
      patch: {},
      id: 'dkim' as const,
      args: { dkimKey: `"v=DKIM1; k=rsa; p=${RSA_2048_SPKI}"` },
    },
  ])('treats $note as ok', async ({ patch, id, args }) => {
    const row = (await check(patch, args)).get(id);
    expect(row?.status, JSON.stringify(row?.findings)).toBe('ok');
  });
});

describe('checkDomain, how the questions go out', () => {
  it('asks every independent question before any answer arrives', async () => {
    const expected = buildExpectedRecords({ domain: D, provider: cn, dmarc: { policy: 'quarantine' } });
    const dns = fakeDns(GOOD, { hold: true });
    const done = checkDomain({ domain: D, expected, provider: cn, query: dns.query });
    await new Promise((r) => setTimeout(r, 0));
    const first = dns.asked.map((q) => `${q.name} ${q.type}`);
    expect(first).toEqual(
      expect.arrayContaining([
        `${D} MX`,
        `${D} TXT`,
        `_dmarc.${D} TXT`,
        `default._domainkey.${D} TXT`,
        `mail.${D} CNAME`,
        `imap.${D} CNAME`,
        `smtp.${D} CNAME`,
        `pop3.${D} CNAME`,
        `_dmarc.${D}.${D} TXT`,
        `www.${D} TXT`,
      ]),
    );
    await dns.drain(done);
  });

  it('asks the expected SPF includes with the first questions, and uses that answer', async () => {
    const expected = buildExpectedRecords({
      domain: D,
      provider: cn,
      dmarc: { policy: 'quarantine' },
      extraSpf: ['include:_spf.example.net'],
    });
    const dns = fakeDns(
      zoneWith({
        [D]: { ...GOOD[D], TXT: ['v=spf1 include:spf.qiye.aliyun.com include:_spf.example.net -all'] },
        '_spf.example.net': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] },
      }),
      { hold: true },
    );
    const done = checkDomain({ domain: D, expected, provider: cn, query: dns.query });
    await new Promise((r) => setTimeout(r, 0));
    // Before any answer: the includes are already asked, beside the apex TXT.
    const first = dns.asked.map((q) => `${q.name} ${q.type}`);
    expect(first).toEqual(expect.arrayContaining([`${D} TXT`, 'spf.qiye.aliyun.com TXT', '_spf.example.net TXT']));
    const rows = await dns.drain(done);
    expect(rows.find((r) => r.id === 'spf')?.status).toBe('ok');
    const keys = dns.asked.map((q) => `${q.name} ${q.type}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('asks an identical question once', async () => {
    const expected = buildExpectedRecords({ domain: D, provider: cn, dmarc: { policy: 'quarantine' } });
    const dns = fakeDns(GOOD);
    await checkDomain({ domain: D, expected, provider: cn, query: dns.query });
    const keys = dns.asked.map((q) => `${q.name} ${q.type}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reports each row through onUpdate as soon as it is final', async () => {
    const expected = buildExpectedRecords({ domain: D, provider: cn, dmarc: { policy: 'quarantine' } });
    // the SPF tree needs a second round (a nested include): other rows must not wait for it
    const dns = fakeDns(
      zoneWith({
        'spf.qiye.aliyun.com': { TXT: ['v=spf1 include:_nested.qiye.aliyun.com -all'] },
        '_nested.qiye.aliyun.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
      }),
      { hold: true },
    );
    const updates: RecordId[] = [];
    const done = checkDomain({
      domain: D,
      expected,
      provider: cn,
      query: dns.query,
      onUpdate: (r) => updates.push(r.id),
    });
    await new Promise((r) => setTimeout(r, 0));
    dns.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(updates).toContain('dmarc');
    expect(updates).not.toContain('spf');
    const rows = await dns.drain(done);
    expect([...updates].sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('never rejects, even when the query function throws', async () => {
    const expected = buildExpectedRecords({ domain: D, provider: cn, dmarc: { policy: 'quarantine' } });
    const rows = await checkDomain({
      domain: D,
      expected,
      provider: cn,
      query: () => {
        throw Object.assign(new Error('boom'), { code: 'network' });
      },
    });
    for (const r of rows) {
      expect(r.status).toBe('error');
      expect(r.findings.map((f) => f.code)).toEqual(['resolver-error']);
    }
  });

  it('stops reporting after an abort and still resolves', async () => {
    const expected = buildExpectedRecords({ domain: D, provider: cn, dmarc: { policy: 'quarantine' } });
    const controller = new AbortController();
    const dns = fakeDns(GOOD, { hold: true });
    const updates: string[] = [];
    const done = checkDomain({
      domain: D,
      expected,
      provider: cn,
      query: dns.query,
      signal: controller.signal,
      onUpdate: (r) => updates.push(r.id),
    });
    controller.abort();
    const rows = await dns.drain(done);
    expect(rows).toHaveLength(expected.length);
    expect(updates).toEqual([]);
  });

  it('checks only the rows it is given', async () => {
    const expected = buildExpectedRecords({ domain: D, provider: cn, dmarc: { policy: 'quarantine' } }).filter(
      (r) => r.id === 'mx' || r.id === 'spf',
    );
    const dns = fakeDns(GOOD);
    const rows = await checkDomain({ domain: D, expected, provider: cn, query: dns.query });
    expect(rows.map((r) => r.id)).toEqual(['mx', 'spf']);
    expect(dns.asked.some((q) => q.name.startsWith('_dmarc'))).toBe(false);
  });
});
