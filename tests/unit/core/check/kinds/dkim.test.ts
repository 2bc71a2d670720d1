import { describe, expect, it } from 'vitest';
import { dkim } from '~/core/check/kinds/dkim';
import type { ExpectedArgs } from '~/core/expected';
import type { DkimExpected } from '~/core/types';
import { SOA_MINIMUM } from '../../../support/fake-dns';
import { ED25519_RAW, RSA_1024_SPKI, RSA_2048_OTHER, RSA_2048_PKCS1, RSA_2048_SPKI, RSA_512_SPKI } from '../../../support/keys';
import { checkRow, D, dkimTxt, expectRow, type Patch, type RowSpec } from '../../../support/mail-zone';

const AT = `default._domainkey.${D}`;
/** The Ed25519 key wrapped in SubjectPublicKeyInfo, as some tools print it. */
const ED25519_SPKI = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(ED25519_RAW, 'base64')]).toString('base64');
/** How the finding shortens a key: its first 12 and last 8 characters. */
const short = (key: string): string => `${key.slice(0, 12)}…${key.slice(-8)}`;

interface Row extends RowSpec {
  readonly note: string;
  readonly patch: Patch;
  readonly args?: Partial<ExpectedArgs>;
  readonly edit?: (rec: DkimExpected) => DkimExpected;
}

const rows: Row[] = [
  // --- accepted
  { note: 'a 2048-bit key is ok', patch: {}, status: 'ok', findings: [] },
  {
    note: 'a pasted key that matches, quoted as the console shows it, is ok',
    patch: {},
    args: { dkimKey: `"v=DKIM1; k=rsa; p=${RSA_2048_SPKI}"` },
    status: 'ok',
    findings: [],
  },
  { note: 'a pasted bare key that matches is ok', patch: {}, args: { dkimKey: RSA_2048_SPKI }, status: 'ok', findings: [] },
  {
    note: 'a pasted key with line breaks that matches is ok',
    patch: {},
    args: { dkimKey: `v=DKIM1; k=rsa;\n p=${RSA_2048_SPKI.slice(0, 100)}\n${RSA_2048_SPKI.slice(100)}` },
    status: 'ok',
    findings: [],
  },
  {
    note: 'an Ed25519 key is ok (key size is an RSA matter)',
    patch: { [AT]: { TXT: [`v=DKIM1; k=ed25519; p=${ED25519_RAW}`] } },
    status: 'ok',
    findings: [],
  },
  {
    note: 'h= and s= that allow sha256 and email are ok',
    patch: { [AT]: { TXT: [`v=DKIM1; h=sha1:sha256; s=email:tlsrpt; p=${RSA_2048_SPKI}`] } },
    status: 'ok',
    findings: [],
  },
  { note: 't=s (strict identity) is ok, nothing to say', patch: { [AT]: { TXT: [`v=DKIM1; t=s; p=${RSA_2048_SPKI}`] } }, status: 'ok', findings: [] },
  {
    note: 't=y (testing) is noted as information',
    patch: { [AT]: { TXT: [`v=DKIM1; t=y:s; p=${RSA_2048_SPKI}`] } },
    status: 'ok',
    findings: [['dkim-testing', 'info']],
    params: [{ code: 'dkim-testing', params: { selector: 'default' } }],
  },
  { note: 'a bare PKCS#1 RSA key of 2048 bits is ok', patch: { [AT]: { TXT: [`v=DKIM1; p=${RSA_2048_PKCS1}`] } }, status: 'ok', findings: [] },
  // --- missing or at the wrong name
  {
    note: 'no DKIM record is missing, with the negative-caching time',
    patch: { [AT]: null },
    status: 'fail',
    findings: [['missing', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'missing', params: {} },
      { code: 'ttl', params: { seconds: SOA_MINIMUM, negative: true } },
    ],
  },
  {
    note: 'DKIM typed with the full name is at the wrong name',
    patch: { [AT]: null, [`${AT}.${D}`]: { TXT: [dkimTxt(RSA_2048_SPKI)] } },
    status: 'fail',
    findings: [['wrong-name', 'fail'], ['ttl', 'info']],
    params: [{ code: 'wrong-name', params: { found: 'default._domainkey.example.com.example.com', expected: AT } }],
  },
  {
    note: 'a TXT record at the selector that is not a key is a DKIM error, not a missing record',
    patch: { [AT]: { TXT: ['<b>not a key</b>'] } },
    status: 'fail',
    findings: [['dkim-syntax', 'fail'], ['ttl', 'info']],
    params: [
      { code: 'dkim-syntax', params: { reason: 'not-dkim' } },
      { code: 'ttl', params: { seconds: 600, negative: false } },
    ],
  },
  // --- a key that does not work
  {
    note: 'a key cut short is invalid',
    patch: { [AT]: { TXT: [`v=DKIM1; k=rsa; p=${RSA_2048_SPKI.slice(0, 200)}`] } },
    status: 'fail',
    findings: [['dkim-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-syntax', params: { reason: 'invalid-key', tag: 'p' } }],
  },
  {
    note: 'an empty p= is a revoked key',
    patch: { [AT]: { TXT: ['v=DKIM1; k=rsa; p='] } },
    status: 'fail',
    findings: [['dkim-revoked', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-revoked', params: { selector: 'default' } }],
  },
  {
    note: 'a revoked Ed25519 key is revoked too',
    patch: { [AT]: { TXT: ['v=DKIM1; k=ed25519; p='] } },
    status: 'fail',
    findings: [['dkim-revoked', 'fail'], ['ttl', 'info']],
  },
  {
    note: 'an Ed25519 key that is not 32 bytes fails',
    patch: { [AT]: { TXT: [`v=DKIM1; k=ed25519; p=${ED25519_RAW.slice(0, 24)}`] } },
    status: 'fail',
    findings: [['dkim-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-syntax', params: { reason: 'ed25519-length', tag: 'p' } }],
  },
  {
    note: 'an Ed25519 key published as SubjectPublicKeyInfo fails (RFC 8463 asks for the raw bytes)',
    patch: { [AT]: { TXT: [`v=DKIM1; k=ed25519; p=${ED25519_SPKI}`] } },
    status: 'fail',
    findings: [['dkim-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-syntax', params: { reason: 'ed25519-spki', tag: 'p' } }],
  },
  {
    note: 'an RSA key given for k=ed25519 fails',
    patch: { [AT]: { TXT: [`v=DKIM1; k=ed25519; p=${RSA_2048_SPKI}`] } },
    status: 'fail',
    findings: [['dkim-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-syntax', params: { reason: 'ed25519-length', tag: 'p' } }],
  },
  {
    note: 'h= with only sha1 lists no usable hash',
    patch: { [AT]: { TXT: [`v=DKIM1; h=sha1; p=${RSA_2048_SPKI}`] } },
    status: 'fail',
    findings: [['dkim-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-syntax', params: { reason: 'invalid-hash', tag: 'h' } }],
  },
  {
    note: 's= without email or * is a key not for mail',
    patch: { [AT]: { TXT: [`v=DKIM1; s=tlsrpt; p=${RSA_2048_SPKI}`] } },
    status: 'fail',
    findings: [['dkim-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-syntax', params: { reason: 'invalid-service', tag: 's' } }],
  },
  {
    note: 'an unknown key type fails',
    patch: { [AT]: { TXT: [`v=DKIM1; k=dsa; p=${RSA_2048_SPKI}`] } },
    status: 'fail',
    findings: [['dkim-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-syntax', params: { reason: 'unknown-key-type', tag: 'k' } }],
  },
  {
    note: 'two key records at the selector are one too many',
    patch: { [AT]: { TXT: [dkimTxt(RSA_2048_SPKI), dkimTxt(RSA_2048_OTHER)] } },
    status: 'fail',
    findings: [['dkim-syntax', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-syntax', params: { reason: 'multiple', count: 2 } }],
  },
  {
    note: 'a 1024-bit key is weak (a warning)',
    patch: { [AT]: { TXT: [dkimTxt(RSA_1024_SPKI)] } },
    status: 'warn',
    findings: [['dkim-weak-key', 'warn'], ['ttl', 'info']],
    params: [{ code: 'dkim-weak-key', params: { bits: 1024 } }],
  },
  {
    note: 'a 512-bit key is too weak (a failure)',
    patch: { [AT]: { TXT: [dkimTxt(RSA_512_SPKI)] } },
    status: 'fail',
    findings: [['dkim-weak-key', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-weak-key', params: { bits: 512 } }],
  },
  // --- the pasted key, carried by the record
  {
    note: 'a key that differs from the pasted one is a mismatch, both shortened',
    patch: {},
    args: { dkimKey: RSA_2048_OTHER },
    status: 'fail',
    findings: [['dkim-key-mismatch', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-key-mismatch', params: { expected: short(RSA_2048_OTHER), observed: short(RSA_2048_SPKI) } }],
  },
  {
    note: 'a weak key that differs from the pasted one says both',
    patch: { [AT]: { TXT: [dkimTxt(RSA_1024_SPKI)] } },
    args: { dkimKey: RSA_2048_SPKI },
    status: 'fail',
    findings: [['dkim-weak-key', 'warn'], ['dkim-key-mismatch', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-key-mismatch', params: { expected: short(RSA_2048_SPKI), observed: short(RSA_1024_SPKI) } }],
  },
  {
    note: 'the key the record carries is compared, not its shown value',
    patch: {},
    edit: (rec) => ({ ...rec, key: RSA_2048_OTHER }),
    status: 'fail',
    findings: [['dkim-key-mismatch', 'fail'], ['ttl', 'info']],
    params: [{ code: 'dkim-key-mismatch', params: { expected: short(RSA_2048_OTHER), observed: short(RSA_2048_SPKI) } }],
  },
  {
    note: 'without a pasted key any valid key is ok',
    patch: { [AT]: { TXT: [dkimTxt(RSA_2048_OTHER)] } },
    status: 'ok',
    findings: [],
  },
];

describe('the DKIM check', () => {
  it.each(rows)('$note', async ({ patch, args, edit, ...spec }) => {
    const { row } = await checkRow(dkim, 'dkim', patch, args, edit);
    expectRow(row, spec);
  });

  it('observes the key record as one string, and what is there when it is not a key', async () => {
    expect((await checkRow(dkim, 'dkim')).row.observed).toEqual([`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`]);
    expect((await checkRow(dkim, 'dkim', { [AT]: { TXT: ['<b>not a key</b>'] } })).row.observed).toEqual(['<b>not a key</b>']);
  });
});
