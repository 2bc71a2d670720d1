import { describe, expect, it } from 'vitest';
import { dmarc } from '~/core/check/kinds/dmarc';
import type { ExpectedArgs } from '~/core/expected';
import type { DmarcExpected } from '~/core/types';
import { SOA_MINIMUM } from '../../../support/fake-dns';
import { apex, checkRow, D, expectRow, type Patch, type RowSpec } from '../../../support/mail-zone';

const AT = `_dmarc.${D}`;
/** A subdomain used for mail, without a DMARC record of its own. */
const SUB = `cn.${D}`;
const SUB_AT = `_dmarc.${SUB}`;
/** The subdomain exists (it has MX records) and has no `_dmarc` record. */
const SUB_EXISTS: Patch = { [SUB]: { MX: [[5, 'mx1.qiye.aliyun.com']] } };
/** Check the subdomain, quarantine chosen (unless the row says otherwise). */
const sub = (dmarcChoice: ExpectedArgs['dmarc'] = { policy: 'quarantine', rua: 'dmarc@example.com' }): Partial<ExpectedArgs> => ({ domain: SUB, dmarc: dmarcChoice });

interface Row extends RowSpec {
  readonly note: string;
  readonly patch: Patch;
  readonly args?: Partial<ExpectedArgs>;
  readonly edit?: (rec: DmarcExpected) => DmarcExpected;
}

const TTL = ['ttl', 'info'] as const;

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
  { note: 'upper-case tags and spacing are ok', patch: { [AT]: { TXT: ['V=DMARC1 ;  P=Quarantine'] } }, status: 'ok', findings: [] },
  { note: 'p after another tag is ok (RFC 9989)', patch: { [AT]: { TXT: ['v=DMARC1; rua=mailto:d@example.com; p=quarantine'] } }, status: 'ok', findings: [] },
  // --- sp and np, compared with the choices as data
  {
    note: 'the chosen sp written in the record is ok',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; sp=reject'] } },
    args: { dmarc: { policy: 'quarantine', sp: 'reject' } },
    status: 'ok',
    findings: [],
  },
  {
    note: 'a chosen np=reject missing from the record is a weaker policy for names that do not exist',
    patch: {},
    args: { dmarc: { policy: 'quarantine', np: 'reject' } },
    status: 'warn',
    findings: [['wrong-value', 'warn'], TTL],
    params: [{ code: 'wrong-value', params: { kind: 'dmarc-policy', observed: 'p=quarantine', expected: 'np=reject', scope: 'np' } }],
  },
  {
    note: 'sp=none in the record is weaker for subdomains than the chosen quarantine',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; sp=none'] } },
    status: 'warn',
    findings: [['wrong-value', 'warn'], TTL],
    params: [{ code: 'wrong-value', params: { kind: 'dmarc-policy', observed: 'sp=none', expected: 'sp=quarantine', scope: 'sp' } }],
  },
  {
    note: 'np=reject in the record is stronger than chosen, said as information',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; np=reject'] } },
    status: 'ok',
    findings: [['wrong-value', 'info']],
    params: [{ code: 'wrong-value', params: { kind: 'dmarc-policy', observed: 'np=reject', expected: 'np=quarantine', scope: 'np' } }],
  },
  // --- tags RFC 9989 removed
  {
    note: 'a pct record warns that pct was removed',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; pct=50; rua=mailto:d@example.com'] } },
    status: 'warn',
    findings: [['dmarc-removed-tag', 'warn'], TTL],
    params: [{ code: 'dmarc-removed-tag', params: { tag: 'pct', value: '50' } }],
  },
  {
    note: 'pct, rf and ri each warn',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; pct=0; rf=afrf; ri=3600'] } },
    status: 'warn',
    findings: [['dmarc-removed-tag', 'warn'], ['dmarc-removed-tag', 'warn'], ['dmarc-removed-tag', 'warn'], TTL],
    params: [
      { code: 'dmarc-removed-tag', params: { tag: 'pct', value: '0' } },
      { code: 'dmarc-removed-tag', params: { tag: 'rf', value: 'afrf' } },
      { code: 'dmarc-removed-tag', params: { tag: 'ri', value: '3600' } },
    ],
  },
  // --- t=y
  {
    note: 't=y warns that the policy is not being applied',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; t=y; rua=mailto:d@example.com'] } },
    status: 'warn',
    findings: [['dmarc-testing', 'warn'], TTL],
    params: [{ code: 'dmarc-testing', params: { policy: 'quarantine', applied: 'none', chosen: false } }],
  },
  {
    note: 't=y when testing was chosen is information',
    patch: { [AT]: { TXT: ['v=DMARC1; p=reject; t=y'] } },
    args: { dmarc: { policy: 'reject', testing: true } },
    status: 'ok',
    findings: [['dmarc-testing', 'info']],
    params: [{ code: 'dmarc-testing', params: { policy: 'reject', applied: 'quarantine', chosen: true } }],
  },
  {
    note: 't=y on p=none changes nothing, said as information',
    patch: { [AT]: { TXT: ['v=DMARC1; p=none; t=y'] } },
    args: { dmarc: { policy: 'none' } },
    status: 'ok',
    findings: [['weak-policy', 'info'], ['dmarc-testing', 'info']],
  },
  // --- a record without p (§4.10.1)
  {
    note: 'no p with a report address is p=none: a weak policy',
    patch: { [AT]: { TXT: ['v=DMARC1; rua=mailto:d@example.com'] } },
    status: 'warn',
    findings: [['weak-policy', 'warn'], TTL],
    params: [{ code: 'weak-policy', params: { dmarc: 'none', chosen: false, noPolicy: 'with-rua' } }],
  },
  {
    note: 'no p and no report address is no DMARC processing at all: a warning that says so',
    patch: { [AT]: { TXT: ['v=DMARC1'] } },
    status: 'warn',
    findings: [['weak-policy', 'warn'], TTL],
    params: [{ code: 'weak-policy', params: { dmarc: 'none', chosen: false, noPolicy: 'without-rua' } }],
  },
  {
    note: 'no p with a report address when none was chosen is information',
    patch: { [AT]: { TXT: ['v=DMARC1; rua=mailto:d@example.com'] } },
    args: { dmarc: { policy: 'none' } },
    status: 'ok',
    findings: [['weak-policy', 'info']],
    params: [{ code: 'weak-policy', params: { dmarc: 'none', chosen: true, noPolicy: 'with-rua' } }],
  },
  // --- ignored parts, information only
  {
    note: 'unknown tags are information',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; foo=bar; x=1'] } },
    status: 'ok',
    findings: [['dmarc-unknown-tag', 'info']],
    params: [{ code: 'dmarc-unknown-tag', params: { tags: ['foo=bar', 'x=1'] } }],
  },
  {
    note: 'a report size suffix is information',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; rua=mailto:d@example.com!10m'] } },
    status: 'ok',
    findings: [['dmarc-report-size', 'info']],
    params: [{ code: 'dmarc-report-size', params: { uri: 'mailto:d@example.com!10m' } }],
  },
  // --- a record that does not work as written
  {
    note: 'a record without v= is a syntax error, quoting what is there',
    patch: { [AT]: { TXT: ['p=quarantine; rua=mailto:d@example.com'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], TTL],
    params: [
      { code: 'dmarc-syntax', params: { reason: 'no-version', value: 'p=quarantine; rua=mailto:d@example.com' } },
      { code: 'ttl', params: { seconds: 600, negative: true } },
    ],
  },
  {
    note: 'DMARC1 in lower case is not a DMARC record',
    patch: { [AT]: { TXT: ['v=dmarc1; p=reject'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], TTL],
    params: [{ code: 'dmarc-syntax', params: { reason: 'no-version', value: 'v=dmarc1; p=reject' } }],
  },
  {
    note: 'an unknown policy without a report address means no DMARC at all',
    patch: { [AT]: { TXT: ['v=DMARC1; p=block'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], TTL],
    params: [{ code: 'dmarc-syntax', params: { reason: 'invalid-policy', tag: 'p', value: 'block', effect: 'no-processing' } }],
  },
  {
    note: 'an unknown subdomain policy with a report address makes the record p=none',
    patch: { [AT]: { TXT: ['v=DMARC1; p=reject; sp=drop; rua=mailto:d@example.com'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], TTL],
    params: [{ code: 'dmarc-syntax', params: { reason: 'invalid-policy', tag: 'sp', value: 'drop', effect: 'p-none' } }],
  },
  {
    note: 'two DMARC records are one too many',
    patch: { [AT]: { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], TTL],
    params: [{ code: 'dmarc-syntax', params: { reason: 'multiple', count: 2 } }],
  },
  {
    note: 'a repeated tag fails',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; p=none'] } },
    status: 'fail',
    findings: [['dmarc-syntax', 'fail'], TTL],
    params: [{ code: 'dmarc-syntax', params: { reason: 'duplicate-tag', tag: 'p', value: 'none' } }],
  },
  {
    note: 'a report address without mailto: is ignored by receivers: a warning beside a good policy',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; rua=dmarc@example.com'] } },
    status: 'warn',
    findings: [['dmarc-syntax', 'warn'], TTL],
    params: [{ code: 'dmarc-syntax', params: { reason: 'invalid-uri', tag: 'rua', value: 'dmarc@example.com' } }],
  },
  {
    note: 'a wrong alignment mode is ignored by receivers: a warning',
    patch: { [AT]: { TXT: ['v=DMARC1; p=quarantine; adkim=strict'] } },
    status: 'warn',
    findings: [['dmarc-syntax', 'warn'], TTL],
    params: [{ code: 'dmarc-syntax', params: { reason: 'invalid-alignment', tag: 'adkim', value: 'strict' } }],
  },
  // --- weaker or stronger than chosen
  {
    note: 'p=none when quarantine was chosen is weak (a warning)',
    patch: { [AT]: { TXT: ['v=DMARC1; p=none'] } },
    status: 'warn',
    findings: [['weak-policy', 'warn'], TTL],
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
    findings: [['wrong-value', 'warn'], TTL],
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
    findings: [['wrong-value', 'warn'], TTL],
    params: [{ code: 'wrong-value', params: { kind: 'dmarc-policy', observed: 'p=quarantine', expected: 'p=reject' } }],
  },
  // --- missing, or at the wrong name
  {
    note: 'no DMARC record, and none above the domain, is missing, with the value to add and the negative-caching time',
    patch: { [AT]: null },
    status: 'fail',
    findings: [['missing', 'fail'], TTL],
    params: [
      { code: 'missing', params: { expected: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com' } },
      { code: 'ttl', params: { seconds: SOA_MINIMUM, negative: true } },
    ],
  },
  {
    note: 'DMARC typed with the full name is at the wrong name',
    patch: { [AT]: null, [`${AT}.${D}`]: { TXT: ['v=DMARC1; p=none'] } },
    status: 'fail',
    findings: [['wrong-name', 'fail'], TTL],
    params: [{ code: 'wrong-name', params: { found: '_dmarc.example.com.example.com', expected: AT } }],
  },
  {
    note: 'DMARC at the domain itself is at the wrong name',
    patch: { [AT]: null, [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com -all', 'v=DMARC1; p=none'] }) },
    status: 'fail',
    findings: [['wrong-name', 'fail'], TTL],
    params: [{ code: 'wrong-name', params: { found: D, expected: AT } }],
  },
  {
    note: 'a resolver failure in the tree walk is an error, never missing',
    patch: { [AT]: null, '_dmarc.com': { rcode: 'SERVFAIL' } },
    status: 'error',
    findings: [['resolver-error', 'error']],
    params: [{ code: 'resolver-error', params: { name: '_dmarc.com', type: 'TXT', code: 'SERVFAIL' } }],
  },
  // --- covered by the organisational domain's record (RFC 9989 tree walk)
  {
    note: 'a subdomain without its own record is covered by its organisational domain’s p: ok, saying where',
    patch: SUB_EXISTS,
    args: sub(),
    status: 'ok',
    findings: [['dmarc-covered', 'info']],
    params: [{ code: 'dmarc-covered', params: { found: AT, policyDomain: D, source: 'organisational', tag: 'p', policy: 'quarantine', chosen: 'quarantine' } }],
  },
  {
    note: 'a weaker sp that covers the subdomain is a warning',
    patch: { ...SUB_EXISTS, [AT]: { TXT: ['v=DMARC1; p=reject; sp=none'] } },
    args: sub(),
    status: 'warn',
    findings: [['dmarc-covered', 'warn'], TTL],
    params: [
      { code: 'dmarc-covered', params: { found: AT, policyDomain: D, source: 'organisational', tag: 'sp', policy: 'none', chosen: 'quarantine' } },
      { code: 'ttl', params: { seconds: SOA_MINIMUM, negative: true } },
    ],
  },
  {
    note: 'a covering policy weaker than the chosen reject is a warning',
    patch: SUB_EXISTS,
    args: sub({ policy: 'reject' }),
    status: 'warn',
    findings: [['dmarc-covered', 'warn'], TTL],
    params: [{ code: 'dmarc-covered', params: { found: AT, policyDomain: D, source: 'organisational', tag: 'p', policy: 'quarantine', chosen: 'reject' } }],
  },
  {
    note: 't=y on the covering record is a warning too',
    patch: { ...SUB_EXISTS, [AT]: { TXT: ['v=DMARC1; p=reject; t=y'] } },
    args: sub(),
    status: 'warn',
    findings: [['dmarc-covered', 'info'], ['dmarc-testing', 'warn'], TTL],
    params: [{ code: 'dmarc-testing', params: { policy: 'reject', applied: 'quarantine', chosen: false } }],
  },
  {
    note: 'a covering record without p or rua gives no DMARC: a warning',
    patch: { ...SUB_EXISTS, [AT]: { TXT: ['v=DMARC1'] } },
    args: sub(),
    status: 'warn',
    findings: [['dmarc-covered', 'warn'], TTL],
    params: [{ code: 'dmarc-covered', params: { found: AT, policyDomain: D, source: 'organisational', tag: 'sp', chosen: 'quarantine' } }],
  },
  {
    note: 'a public suffix’s record (psd=y) covers a domain without one',
    patch: { [AT]: null, '_dmarc.com': { TXT: ['v=DMARC1; p=reject; psd=y'] } },
    status: 'ok',
    findings: [['dmarc-covered', 'info']],
    params: [{ code: 'dmarc-covered', params: { found: '_dmarc.com', policyDomain: 'com', source: 'psd', tag: 'p', policy: 'reject', chosen: 'quarantine' } }],
  },
  {
    note: 'a record typed with the full name wins over the covering record: the wrong name fails',
    patch: { ...SUB_EXISTS, [`${SUB_AT}.${SUB}`]: { TXT: ['v=DMARC1; p=reject'] } },
    args: sub(),
    status: 'fail',
    findings: [['wrong-name', 'fail'], TTL],
    params: [{ code: 'wrong-name', params: { found: `${SUB_AT}.${SUB}`, expected: SUB_AT } }],
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

  it('observes the covering record for a subdomain without its own', async () => {
    const { row } = await checkRow(dmarc, 'dmarc', SUB_EXISTS, sub());
    expect(row).toMatchObject({ name: SUB_AT, observed: ['v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com'] });
  });

  it('for a subdomain with its own record, asks nothing of the tree walk beyond the first wave', async () => {
    const { dns } = await checkRow(dmarc, 'dmarc', { ...SUB_EXISTS, [SUB_AT]: { TXT: ['v=DMARC1; p=quarantine'] } }, sub());
    expect(dns.asked.map((q) => q.name)).toEqual([SUB_AT]);
  });
});
