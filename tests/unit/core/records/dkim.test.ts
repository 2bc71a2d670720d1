import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dkimKeyOf, isDkimRecord, normaliseDkimInput, parseDkim, type DkimErrorCode } from '~/core/records/dkim';
import { ED25519_RAW, RSA_1024_SPKI, RSA_2048_PKCS1, RSA_2048_SPKI } from '../../support/keys';

describe('parseDkim', () => {
  it('reads a console value with its key size and key bytes', () => {
    const r = parseDkim(`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`);
    expect(r.ok).toBe(true);
    expect(r.keyBits).toBe(2048);
    expect(r.tags).toEqual({ v: 'DKIM1', k: 'rsa', p: RSA_2048_SPKI });
    expect(r).toMatchObject({ keyFormat: 'spki', services: ['*'], testing: false, strict: false });
    expect(Buffer.from(r.keyData ?? []).toString('base64')).toBe(RSA_2048_SPKI);
    expect(r.hashes).toBeUndefined();
  });

  it('reads h=, s= and t= flags', () => {
    const r = parseDkim(`v=DKIM1; h=sha256; s=email; t=y:s; p=${RSA_1024_SPKI}`);
    expect(r.tags).toMatchObject({ h: ['sha256'], s: ['email'], t: ['y', 's'] });
    expect(r).toMatchObject({ ok: true, keyBits: 1024, hashes: ['sha256'], services: ['email'], testing: true, strict: true });
  });

  it('reads t=s alone as strict and not testing', () => {
    expect(parseDkim(`v=DKIM1; t=s; p=${RSA_1024_SPKI}`)).toMatchObject({ testing: false, strict: true });
  });

  it('reads an Ed25519 key as its 32 raw bytes, 256 bits (RFC 8463 §4.2)', () => {
    const r = parseDkim(`v=DKIM1; k=ed25519; p=${ED25519_RAW}`);
    expect(r).toMatchObject({ ok: true, keyBits: 256, keyFormat: 'raw' });
    expect(r.keyData?.length).toBe(32);
  });

  it('reads an Ed25519 key published as SubjectPublicKeyInfo, and says it is not the raw key', () => {
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(ED25519_RAW, 'base64')]).toString('base64');
    const r = parseDkim(`v=DKIM1; k=ed25519; p=${spki}`);
    expect(r.errors.map((e) => e.code)).toEqual(['ed25519-spki']);
    expect(r).toMatchObject({ keyBits: 256, keyFormat: 'ed25519-spki' });
    expect(Buffer.from(r.keyData ?? []).toString('base64')).toBe(ED25519_RAW);
  });

  it('wraps a bare PKCS#1 RSA key into SubjectPublicKeyInfo', () => {
    const r = parseDkim(`v=DKIM1; p=${RSA_2048_PKCS1}`);
    expect(r).toMatchObject({ ok: true, keyBits: 2048, keyFormat: 'pkcs1' });
    expect(Buffer.from(r.keyData ?? []).toString('base64')).toBe(RSA_2048_SPKI);
  });

  type Row = { text: string; code: DkimErrorCode; note: string };
  const rows: Row[] = [
    { text: `v=DKIM2; p=${RSA_1024_SPKI}`, code: 'bad-version', note: 'the wrong version' },
    { text: `k=rsa; v=DKIM1; p=${RSA_1024_SPKI}`, code: 'bad-version', note: 'v= not first' },
    { text: 'v=DKIM1; k=rsa', code: 'missing-key', note: 'no p=' },
    { text: 'v=DKIM1; k=rsa; p=', code: 'revoked', note: 'an empty p= (revoked)' },
    { text: 'v=DKIM1; k=ed25519; p=', code: 'revoked', note: 'an empty Ed25519 p= (revoked)' },
    { text: 'v=DKIM1; p=MIGf!!', code: 'invalid-base64', note: 'a broken key' },
    { text: `v=DKIM1; p=${RSA_1024_SPKI.slice(0, 100)}`, code: 'invalid-key', note: 'a key cut short' },
    { text: `v=DKIM1; p=${RSA_1024_SPKI}AAAA`, code: 'invalid-key', note: 'a key with bytes after it' },
    { text: `v=DKIM1; k=dsa; p=${RSA_1024_SPKI}`, code: 'unknown-key-type', note: 'an unknown key type' },
    { text: `v=DKIM1; h=md5; p=${RSA_1024_SPKI}`, code: 'invalid-hash', note: 'no usable hash' },
    { text: `v=DKIM1; h=sha1; p=${RSA_1024_SPKI}`, code: 'invalid-hash', note: 'only sha1, which RFC 8301 retired' },
    { text: `v=DKIM1; s=tlsrpt; p=${RSA_1024_SPKI}`, code: 'invalid-service', note: 's= not covering email' },
    { text: 'v=DKIM1; k=ed25519; p=aGVsbG8=', code: 'ed25519-length', note: 'an Ed25519 key of 5 bytes' },
    { text: `v=DKIM1; p=${RSA_1024_SPKI}; p=${RSA_1024_SPKI}`, code: 'duplicate-tag', note: 'p twice' },
    { text: `v=DKIM1; rsa; p=${RSA_1024_SPKI}`, code: 'malformed-tag', note: 'a part without =' },
  ];
  it.each(rows)('reports $code for $note', ({ text, code }) => {
    expect(parseDkim(text).errors.map((e) => e.code)).toEqual([code]);
  });

  it('says how long an Ed25519 key of the wrong length is', () => {
    expect(parseDkim('v=DKIM1; k=ed25519; p=aGVsbG8=').errors[0]).toMatchObject({ code: 'ed25519-length', length: 5 });
  });

  it.each([
    // unknown service types are ignored beside email (RFC 6376 §3.6.1)
    { text: `v=DKIM1; s=email:tlsrpt; p=${RSA_1024_SPKI}`, note: 'email among other services' },
    { text: `v=DKIM1; s=*; p=${RSA_1024_SPKI}`, note: 'every service' },
    { text: `v=DKIM1; h=sha1:sha256; p=${RSA_1024_SPKI}`, note: 'sha256 among other hashes' },
    { text: `v=DKIM1; t=y; n=a note for humans; p=${RSA_1024_SPKI}`, note: 'a note and testing' },
  ])('accepts $note', ({ text }) => {
    expect(parseDkim(text).errors).toEqual([]);
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (s) => void parseDkim(normaliseDkimInput(s))), { numRuns: 1500 });
  }, 60_000);
});

describe('normaliseDkimInput accepts what people paste', () => {
  const record = `v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`;
  const half = Math.floor(RSA_2048_SPKI.length / 2);
  it.each([
    // as shown
    { pasted: record, note: 'the value as shown' },
    // wrapped in quotes
    { pasted: `"${record}"`, note: 'wrapped in quotes' },
    // split into quoted strings, zone-file style
    { pasted: `"v=DKIM1; k=rsa; " "p=${RSA_2048_SPKI.slice(0, half)}" "${RSA_2048_SPKI.slice(half)}"`, note: 'split into quoted strings' },
    // with line breaks inside the key
    { pasted: `v=DKIM1; k=rsa;\r\n p=${RSA_2048_SPKI.slice(0, 100)}\n${RSA_2048_SPKI.slice(100, 300)}\n  ${RSA_2048_SPKI.slice(300)}\n`, note: 'with line breaks in the key' },
    // the bare key
    { pasted: `  ${RSA_2048_SPKI}  `, note: 'the bare key' },
    // a full zone-file line with parentheses
    { pasted: `default._domainkey IN TXT ( "v=DKIM1; k=rsa; "\n  "p=${RSA_2048_SPKI}" )`, note: 'a zone-file line' },
  ])('reads $note as the same 2048-bit key', ({ pasted }) => {
    const r = parseDkim(normaliseDkimInput(pasted));
    expect(r.errors).toEqual([]);
    expect(r.tags.p).toBe(RSA_2048_SPKI);
    expect(r.keyBits).toBe(2048);
  });

  it.each([
    ['v=DKIM1; k=rsa; p=abc', true],
    ['k=rsa; p=abc', true],
    ['v=spf1 -all', false],
    ['v=DMARC1; p=none', false],
  ])('isDkimRecord(%s) → %s', (text, expected) => {
    expect(isDkimRecord(text)).toBe(expected);
  });
});

describe('dkimKeyOf', () => {
  it.each([
    { text: `v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`, key: RSA_2048_SPKI, note: 'a record' },
    { text: `"v=DKIM1; k=rsa; " "p=${RSA_2048_SPKI.slice(0, 100)}" "${RSA_2048_SPKI.slice(100)}"`, key: RSA_2048_SPKI, note: 'quoted strings' },
    { text: RSA_2048_SPKI, key: RSA_2048_SPKI, note: 'the bare key' },
    { text: 'v=DKIM1; k=rsa; p=', key: '', note: 'a revoked key (empty)' },
    { text: 'v=DKIM1; k=rsa', key: undefined, note: 'a record without p=' },
  ])('reads the key of $note', ({ text, key }) => {
    expect(dkimKeyOf(text)).toBe(key);
  });
});
