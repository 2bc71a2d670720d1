import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dkimKeyOf, isDkimRecord, normaliseDkimInput, parseDkim, type DkimErrorCode } from '~/core/records/dkim';
import { ED25519_RAW, RSA_1024_SPKI, RSA_2048_SPKI } from '../../support/keys';

describe('parseDkim', () => {
  it('reads a console value with its key size', () => {
    const r = parseDkim(`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`);
    expect(r.ok).toBe(true);
    expect(r.keyBits).toBe(2048);
    expect(r.tags).toEqual({ v: 'DKIM1', k: 'rsa', p: RSA_2048_SPKI });
  });

  it('reads h= and t= flags', () => {
    const r = parseDkim(`v=DKIM1; h=sha256; t=y:s; p=${RSA_1024_SPKI}`);
    expect(r.tags.h).toEqual(['sha256']);
    expect(r.tags.t).toEqual(['y', 's']);
    expect(r.keyBits).toBe(1024);
  });

  it('reads an Ed25519 key as 256 bits', () => {
    expect(parseDkim(`v=DKIM1; k=ed25519; p=${ED25519_RAW}`).keyBits).toBe(256);
  });

  type Row = { text: string; code: DkimErrorCode; note: string };
  const rows: Row[] = [
    { text: `v=DKIM2; p=${RSA_1024_SPKI}`, code: 'bad-version', note: 'the wrong version' },
    { text: `k=rsa; v=DKIM1; p=${RSA_1024_SPKI}`, code: 'bad-version', note: 'v= not first' },
    { text: 'v=DKIM1; k=rsa', code: 'missing-key', note: 'no p=' },
    { text: 'v=DKIM1; k=rsa; p=', code: 'revoked', note: 'an empty p= (revoked)' },
    { text: 'v=DKIM1; p=MIGf!!', code: 'invalid-base64', note: 'a broken key' },
    { text: `v=DKIM1; p=${RSA_1024_SPKI.slice(0, 100)}`, code: 'invalid-key', note: 'a key cut short' },
    { text: `v=DKIM1; k=dsa; p=${RSA_1024_SPKI}`, code: 'unknown-key-type', note: 'an unknown key type' },
    { text: `v=DKIM1; h=md5; p=${RSA_1024_SPKI}`, code: 'invalid-hash', note: 'no usable hash' },
    { text: `v=DKIM1; p=${RSA_1024_SPKI}; p=${RSA_1024_SPKI}`, code: 'duplicate-tag', note: 'p twice' },
    { text: `v=DKIM1; rsa; p=${RSA_1024_SPKI}`, code: 'malformed-tag', note: 'a part without =' },
  ];
  it.each(rows)('reports $code for $note', ({ text, code }) => {
    expect(parseDkim(text).errors.map((e) => e.code)).toEqual([code]);
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
