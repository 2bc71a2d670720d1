import { describe, expect, it } from 'vitest';
import { mx } from '~/core/check/kinds/mx';
import type { MxExpected } from '~/core/types';
import { apex, checkRow, D, expectRow, type Patch, type RowSpec } from '../../../support/mail-zone';
import { SOA_MINIMUM } from '../../../support/fake-dns';

const LIST = 'mx1.qiye.aliyun.com, mx2.qiye.aliyun.com, mx3.qiye.aliyun.com';

interface Row extends RowSpec {
  readonly note: string;
  readonly patch: Patch;
  readonly edit?: (rec: MxExpected) => MxExpected;
}

const rows: Row[] = [
  // --- accepted
  { note: 'the three hosts of the first set are ok', patch: {}, status: 'ok', findings: [] },
  {
    note: 'the older mxhichina set is ok',
    patch: { [D]: apex({ MX: [[5, 'mxn.mxhichina.com'], [10, 'mxw.mxhichina.com']] }) },
    status: 'ok',
    findings: [],
  },
  {
    note: 'a mix of the two sets is ok (the provider allows it)',
    patch: { [D]: apex({ MX: [[5, 'mx1.qiye.aliyun.com'], [10, 'mxw.mxhichina.com']] }) },
    status: 'ok',
    findings: [],
  },
  {
    note: 'hosts in upper case with trailing dots are ok',
    patch: { [D]: apex({ MX: [[5, 'MX1.QIYE.ALIYUN.COM.'], [10, 'Mx2.Qiye.Aliyun.Com.'], [15, 'mx3.qiye.aliyun.com.']] }) },
    status: 'ok',
    findings: [],
  },
  {
    note: 'two hosts of one set are ok',
    patch: { [D]: apex({ MX: [[5, 'mx1.qiye.aliyun.com'], [10, 'mx2.qiye.aliyun.com']] }) },
    status: 'ok',
    findings: [],
  },
  // --- missing or at the wrong name
  {
    note: 'no MX at all is missing, with the negative-caching time',
    patch: { [D]: apex({ MX: [] }) },
    status: 'fail',
    findings: [['missing', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'missing', params: { expected: LIST } },
      { code: 'ttl', params: { seconds: SOA_MINIMUM, negative: true } },
    ],
  },
  {
    note: 'MX typed with the full name is at the wrong name',
    patch: { [D]: apex({ MX: [] }), [`${D}.${D}`]: { MX: [[5, 'mx1.qiye.aliyun.com']] } },
    status: 'fail',
    findings: [['wrong-name', 'fail'], ['ttl', 'info']],
    params: [{ code: 'wrong-name', params: { found: 'example.com.example.com', expected: 'example.com' } }],
  },
  {
    note: 'a CNAME at the apex conflicts, and hides the MX',
    patch: { [D]: { CNAME: 'site.example.net' }, 'site.example.net': { A: ['192.0.2.80'] } },
    status: 'fail',
    findings: [['cname-conflict', 'fail'], ['missing', 'fail']],
    params: [{ code: 'cname-conflict', params: { target: 'site.example.net' } }],
  },
  // --- wrong hosts
  {
    note: 'the seed article’s made-up MX host is a wrong value',
    patch: { [D]: apex({ MX: [[10, 'mxqiye.qiye.aliyun.com']] }) },
    status: 'fail',
    findings: [['wrong-value', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'wrong-value', params: { kind: 'value', observed: 'mxqiye.qiye.aliyun.com', expected: LIST } },
      { code: 'ttl', params: { seconds: 600, negative: false } },
    ],
  },
  {
    note: 'a null MX (the domain refuses mail) is a wrong value',
    patch: { [D]: apex({ MX: [[0, '.']] }) },
    status: 'fail',
    findings: [['wrong-value', 'fail'], ['ttl', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'value', observed: '.', expected: LIST } }],
  },
  {
    note: 'only one of the three hosts is a partial set',
    patch: { [D]: apex({ MX: [[5, 'mx1.qiye.aliyun.com']] }) },
    status: 'warn',
    findings: [['wrong-value', 'warn'], ['ttl', 'info']],
    params: [
      {
        code: 'wrong-value',
        params: { kind: 'mx-partial', observed: 'mx1.qiye.aliyun.com', expected: LIST, missing: 'mx2.qiye.aliyun.com, mx3.qiye.aliyun.com' },
      },
    ],
  },
  {
    note: 'one host of the older set is a partial set too',
    patch: { [D]: apex({ MX: [[5, 'mxn.mxhichina.com']] }) },
    status: 'warn',
    findings: [['wrong-value', 'warn'], ['ttl', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'mx-partial', observed: 'mxn.mxhichina.com', expected: LIST, missing: LIST } }],
  },
  // --- other providers
  {
    note: 'MX still at Tencent Exmail is foreign',
    patch: { [D]: apex({ MX: [[5, 'mxbiz1.qq.com'], [10, 'mxbiz2.qq.com']] }) },
    status: 'fail',
    findings: [['foreign-mx', 'fail'], ['ttl', 'info']],
    params: [{ code: 'foreign-mx', params: { provider: 'tencent-exmail', hosts: ['mxbiz1.qq.com', 'mxbiz2.qq.com'] } }],
  },
  {
    note: 'MX at Microsoft 365 is foreign',
    patch: { [D]: apex({ MX: [[0, 'example-com.mail.protection.outlook.com']] }) },
    status: 'fail',
    findings: [['foreign-mx', 'fail'], ['ttl', 'info']],
    params: [{ code: 'foreign-mx', params: { provider: 'microsoft-365', hosts: ['example-com.mail.protection.outlook.com'] } }],
  },
  {
    note: 'a foreign provider beside an unknown host names both',
    patch: { [D]: apex({ MX: [[5, 'mxbiz1.qq.com'], [20, 'backup.example.net']] }) },
    status: 'fail',
    findings: [['foreign-mx', 'fail'], ['wrong-value', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'foreign-mx', params: { provider: 'tencent-exmail', hosts: ['mxbiz1.qq.com'] } },
      { code: 'wrong-value', params: { kind: 'value', observed: 'backup.example.net', expected: LIST } },
    ],
  },
  {
    note: 'Alibaba MX mixed with Tencent’s is mixed',
    patch: { [D]: apex({ MX: [[5, 'mx1.qiye.aliyun.com'], [10, 'mx2.qiye.aliyun.com'], [15, 'mxbiz1.qq.com']] }) },
    status: 'fail',
    findings: [['mixed-mx', 'fail'], ['ttl', 'info']],
    params: [{ code: 'mixed-mx', params: { provider: 'tencent-exmail', hosts: ['mxbiz1.qq.com'] } }],
  },
  {
    note: 'Alibaba MX mixed with an unknown server is mixed, without a provider',
    patch: { [D]: apex({ MX: [[5, 'mx1.qiye.aliyun.com'], [10, 'mx2.qiye.aliyun.com'], [20, 'backup.example.net']] }) },
    status: 'fail',
    findings: [['mixed-mx', 'fail'], ['ttl', 'info']],
    params: [{ code: 'mixed-mx', params: { hosts: ['backup.example.net'] } }],
  },
  // --- the expected record's data, not its text, decides
  {
    note: 'the sets carried by the record decide which hosts are ours',
    patch: { [D]: apex({ MX: [[5, 'mx1.other.example'], [10, 'mx2.other.example']] }) },
    edit: (rec) => ({ ...rec, sets: [[{ host: 'mx1.other.example', priority: 5 }, { host: 'mx2.other.example', priority: 10 }]] }),
    status: 'ok',
    findings: [],
  },
  {
    note: 'hosts of two sets are partial when the record does not allow a mix',
    patch: { [D]: apex({ MX: [[5, 'mx1.qiye.aliyun.com'], [10, 'mxw.mxhichina.com']] }) },
    edit: (rec) => ({ ...rec, allowMix: false }),
    status: 'warn',
    findings: [['wrong-value', 'warn'], ['ttl', 'info']],
    params: [
      {
        code: 'wrong-value',
        params: { kind: 'mx-partial', observed: 'mx1.qiye.aliyun.com, mxw.mxhichina.com', expected: LIST, missing: 'mx2.qiye.aliyun.com, mx3.qiye.aliyun.com' },
      },
    ],
  },
];

describe('the MX check', () => {
  it.each(rows)('$note', async ({ patch, edit, ...spec }) => {
    const { row } = await checkRow(mx, 'mx', patch, {}, edit);
    expectRow(row, spec);
  });

  it('reports what it observed and its TTL', async () => {
    const { row } = await checkRow(mx, 'mx');
    expect(row).toMatchObject({
      id: 'mx',
      name: 'example.com',
      observed: ['5 mx1.qiye.aliyun.com', '10 mx2.qiye.aliyun.com', '15 mx3.qiye.aliyun.com'],
      ttl: 600,
    });
    expect(row.suggestion).toBeUndefined();
  });
});
