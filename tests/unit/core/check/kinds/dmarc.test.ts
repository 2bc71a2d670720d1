import { describe, expect, it } from 'vitest';
import { dmarc } from '~/core/check/kinds/dmarc';
import type { ExpectedArgs } from '~/core/expected';
import type { DmarcExpected } from '~/core/types';
import { SOA_MINIMUM } from '../../../support/fake-dns';
import { apex, checkRow, D, expectedFor, expectRow, type Patch, type RowSpec } from '../../../support/mail-zone';

const AT = `_dmarc.${D}`;

interface Row extends RowSpec {
  readonly note: string;
  readonly patch: Patch;
  readonly args?: Partial<ExpectedArgs>;
  readonly edit?: (rec: DmarcExpected) => DmarcExpected;
}

const rows: Row[] = [
  // --- accepted (quarantine was chosen unless the row says otherwise)
  { note: 'the chosen policy is ok', patch: {}, status: 'ok', findings: [] },
  {
    note: 'p=reject when quarantine was chosen is ok, said as information',
    patch: { [AT]: { TXT: ['v=DMARC1; p=reject'] } },
    status: 'ok',
    findings: [['wrong-value', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'dmarc-policy', observed: 'p=reject', expected: 'p=quarantine' } }],
  },
  {
    note: 'p=none when none was chosen is ok, said as information',
    patch: { [AT]: { TXT: ['v=DMARC1; p=none'] } },
    args: { dmarc: { policy: 'none' } },
    status: 'ok',
    findings: [['weak-policy', 'info']],
    params: [{ code: 'weak-policy', params: { dmarc: 'none', chosen: true } }],
  },
  {
    note: 'upper-case tags and spacing are ok',
    patch: { [AT]: { TXT: ['V=DMARC1 ;  P=Quarantine'] } },
    status: 'ok',
    findings: [],
  },
  // --- missing or at the wrong name
  {
    note: 'no DMARC record is missing, with the value to add and the negative-caching time',
    patch: { [AT]: null },
    status: 'fail',
    findings: [['missing', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'missing', params: { expected: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com' } },
      { code: 'ttl', params: { seconds: SOA_MINIMUM, negative: true } },
    ],
  },
  {
    note: 'DMARC typed with the full name is at the wrong name',
    patch: { [AT]: null, [`${AT}.${D}`]: { TXT: ['v=DMARC1; p=none'] } },
    status: 'fail',
    findings: [['wrong-name', 'fail'], ['ttl', 'info']],
    params: [{ code: 'wrong-name', params: { found: '_dmarc.example.com.example.com', expected: AT } }],
  },
  {
    note: 'DMARC at the domain itself is at the wrong name',
    patch: { [AT]: null, [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com -all', 'v=DMARC1; p=none'] }) },
    status: 'fail',
    findings: [['wrong-name', 'fail'], ['ttl', 'info']],
    params: [{ code: 'wrong-name', params: { found: D, expected: AT } }],
  },
  // --- a record that does not work
  {
    note: 'a record without v= is a syntax error, quoting what is there',
    patch: { [AT]: { TXT: ['p=quarantine; rua=mailto:d@example.com'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'dmarc-syntax', params: { reason: 'no-version', value: 'p=quarantine; rua=mailto:d@example.com' } },
      { code: 'ttl', params: { seconds: 600, negative: true } },
    ],
  },
  {
    note: 'an unknown policy is a syntax error',
    patch: { [AT]: { TXT: ['v=DMARC1; p=block'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dmarc-syntax', params: { reason: 'invalid-policy', tag: 'p', value: 'block' } }],
  },
  {
    note: 'two DMARC records are one too many',
    patch: { [AT]: { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dmarc-syntax', params: { reason: 'multiple', count: 2 } }],
  },
  {
    note: 'a report address without mailto: is a syntax error beside a good policy',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; rua=dmarc@example.com'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dmarc-syntax', params: { reason: 'invalid-uri', tag: 'rua', value: 'dmarc@example.com' } }],
  },
  // --- weaker than chosen
  {
    note: 'p=none when quarantine was chosen is weak (a warning)',
    patch: { [AT]: { TXT: ['v=DMARC1; p=none'] } },
    status: 'warn',
    findings: [['weak-policy', 'warn'], ['ttl', 'info']],
    params: [
      { code: 'weak-policy', params: { dmarc: 'none', chosen: false } },
      { code: 'ttl', params: { seconds: 600, negative: false } },
    ],
  },
  {
    note: 'p=quarantine when reject was chosen is a weaker policy (a warning)',
    patch: {},
    args: { dmarc: { policy: 'reject' } },
    status: 'warn',
    findings: [['wrong-value', 'warn'], ['ttl', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'dmarc-policy', observed: 'p=quarantine', expected: 'p=reject' } }],
  },
  {
    note: 'p=reject when none was chosen is stronger, said as information',
    patch: { [AT]: { TXT: ['v=DMARC1; p=reject'] } },
    args: { dmarc: { policy: 'none' } },
    status: 'ok',
    findings: [['wrong-value', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'dmarc-policy', observed: 'p=reject', expected: 'p=none' } }],
  },
  {
    note: 'the policy the record carries is compared, not its shown value',
    patch: {},
    edit: (rec) => ({ ...rec, policy: 'reject' }),
    status: 'warn',
    findings: [['wrong-value', 'warn'], ['ttl', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'dmarc-policy', observed: 'p=quarantine', expected: 'p=reject' } }],
  },
];

describe('the DMARC check', () => {
  it.each(rows)('$note', async ({ patch, args, edit, ...spec }) => {
    const { row } = await checkRow(dmarc, 'dmarc', patch, args, edit);
    expectRow(row, spec);
  });

  it('observes the record, and text meant as DMARC that is not one', async () => {
    expect((await checkRow(dmarc, 'dmarc')).row.observed).toEqual(['v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com']);
    const near = await checkRow(dmarc, 'dmarc', { [AT]: { TXT: ['p=reject', 'unrelated text'] } });
    expect(near.row.observed).toEqual(['p=reject']);
  });

  it('asks nothing in the first wave besides its own question', () => {
    const rec = expectedFor().find((r): r is DmarcExpected => r.kind === 'dmarc');
    expect(rec && dmarc.firstQuestions(rec, D)).toEqual([]);
  });
});
