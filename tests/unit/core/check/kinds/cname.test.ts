import { describe, expect, it } from 'vitest';
import { cname } from '~/core/check/kinds/cname';
import type { CnameExpected } from '~/core/types';
import type { CnameId } from '~/core/providers/types';
import { SOA_MINIMUM } from '../../../support/fake-dns';
import { checkRow, D, expectRow, type Patch, type RowSpec } from '../../../support/mail-zone';

interface Row extends RowSpec {
  readonly note: string;
  /** mail is required; imap, smtp and pop3 are optional. */
  readonly id: CnameId;
  readonly patch: Patch;
  readonly edit?: (rec: CnameExpected) => CnameExpected;
}

const rows: Row[] = [
  // --- accepted
  { note: 'the mail CNAME to its target is ok', id: 'mail', patch: {}, status: 'ok', findings: [] },
  { note: 'an optional CNAME to its target is ok', id: 'pop3', patch: {}, status: 'ok', findings: [] },
  {
    note: 'a target in capitals with a trailing dot is ok',
    id: 'mail',
    patch: { [`mail.${D}`]: { CNAME: 'QIYE.ALIYUN.COM.' } },
    status: 'ok',
    findings: [],
  },
  // --- missing or at the wrong name
  {
    note: 'no mail CNAME is missing, with the negative-caching time',
    id: 'mail',
    patch: { [`mail.${D}`]: null },
    status: 'fail',
    findings: [['missing', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'missing', params: { expected: 'qiye.aliyun.com' } },
      { code: 'ttl', params: { seconds: SOA_MINIMUM, negative: true } },
    ],
  },
  {
    note: 'no imap CNAME is information only (it is optional)',
    id: 'imap',
    patch: { [`imap.${D}`]: null },
    status: 'ok',
    findings: [['missing', 'info']],
    params: [{ code: 'missing', params: { expected: 'imap.qiye.aliyun.com', optional: true } }],
  },
  {
    note: 'the mail CNAME typed with the full name is at the wrong name',
    id: 'mail',
    patch: { [`mail.${D}`]: null, [`mail.${D}.${D}`]: { CNAME: 'qiye.aliyun.com' } },
    status: 'fail',
    findings: [['wrong-name', 'fail'], ['ttl', 'info']],
    params: [{ code: 'wrong-name', params: { found: 'mail.example.com.example.com', expected: 'mail.example.com' } }],
  },
  {
    note: 'an optional CNAME typed with the full name is not looked for (information only)',
    id: 'smtp',
    patch: { [`smtp.${D}`]: null, [`smtp.${D}.${D}`]: { CNAME: 'smtp.qiye.aliyun.com' } },
    status: 'ok',
    findings: [['missing', 'info']],
    params: [{ code: 'missing', params: { expected: 'smtp.qiye.aliyun.com', optional: true } }],
  },
  // --- wrong values
  {
    note: 'the mail CNAME at the seed article’s wrong target is a wrong value',
    id: 'mail',
    patch: { [`mail.${D}`]: { CNAME: 'mail.qiye.aliyun.com' } },
    status: 'fail',
    findings: [['wrong-value', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'wrong-value', params: { kind: 'cname', observed: 'mail.qiye.aliyun.com', expected: 'qiye.aliyun.com' } },
      { code: 'ttl', params: { seconds: 600, negative: false } },
    ],
  },
  {
    note: 'a wrong target tells how long the old value may be cached',
    id: 'mail',
    patch: { [`mail.${D}`]: { CNAME: 'mail.qiye.aliyun.com', ttl: 3600 } },
    status: 'fail',
    findings: [['wrong-value', 'fail'], ['ttl', 'info']],
    params: [{ code: 'ttl', params: { seconds: 3600, negative: false } }],
  },
  {
    note: 'an A record (or a proxied record) where the mail CNAME belongs is named as an address',
    id: 'mail',
    patch: { [`mail.${D}`]: { A: ['104.16.0.1', '104.16.0.2'] } },
    status: 'fail',
    findings: [['wrong-value', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'wrong-value', params: { kind: 'address', observed: '104.16.0.1, 104.16.0.2', expected: 'qiye.aliyun.com' } },
      { code: 'ttl', params: { seconds: 600, negative: false } },
    ],
  },
  {
    note: 'an optional CNAME with the wrong target is a warning',
    id: 'smtp',
    patch: { [`smtp.${D}`]: { CNAME: 'smtp.example.net' } },
    status: 'warn',
    findings: [['wrong-value', 'warn'], ['ttl', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'cname', observed: 'smtp.example.net', expected: 'smtp.qiye.aliyun.com' } }],
  },
  {
    note: 'an address where an optional CNAME belongs is a warning',
    id: 'imap',
    patch: { [`imap.${D}`]: { A: ['104.16.0.1'] } },
    status: 'warn',
    findings: [['wrong-value', 'warn'], ['ttl', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'address', observed: '104.16.0.1', expected: 'imap.qiye.aliyun.com' } }],
  },
  // --- the target the record carries decides
  {
    note: 'the target the record carries is compared, not its shown value',
    id: 'mail',
    patch: {},
    edit: (rec) => ({ ...rec, target: 'mail.example.net' }),
    status: 'fail',
    findings: [['wrong-value', 'fail'], ['ttl', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'cname', observed: 'qiye.aliyun.com', expected: 'mail.example.net' } }],
  },
];

describe('the client CNAME check', () => {
  it.each(rows)('$note', async ({ id, patch, edit, ...spec }) => {
    const { row } = await checkRow(cname, id, patch, {}, edit);
    expect(row.id).toBe(id);
    expectRow(row, spec);
  });

  it('observes the CNAME target, normalised', async () => {
    const { row } = await checkRow(cname, 'mail', { [`mail.${D}`]: { CNAME: 'QIYE.ALIYUN.COM.' } });
    expect(row.observed).toEqual(['CNAME qiye.aliyun.com']);
  });

  it('observes the addresses when an A record stands in its place', async () => {
    const { row } = await checkRow(cname, 'mail', { [`mail.${D}`]: { A: ['104.16.0.1'] } });
    expect(row.observed).toEqual(['A 104.16.0.1']);
  });
});
