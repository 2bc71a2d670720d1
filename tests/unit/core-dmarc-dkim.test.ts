import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDmarc, explainDmarcPolicy, isDmarcRecord, parseDmarc, type DmarcErrorCode } from '~/core/records/dmarc';
import { isDkimRecord, normaliseDkimInput, parseDkim, type DkimErrorCode } from '~/core/records/dkim';
import { rsaKeyBits } from '~/core/records/base64';
import { joinTxt, splitTxt, utf8Length } from '~/core/records/txt';
import { DMARC_POLICIES } from '~/core/types';
import { ED25519_RAW, RSA_1024_SPKI, RSA_2048_OTHER, RSA_2048_PKCS1, RSA_2048_SPKI, RSA_4096_SPKI, RSA_512_SPKI } from './core-fixtures';

describe('parseDmarc', () => {
  it('reads every tag of a full record', () => {
    const r = parseDmarc('v=DMARC1; p=quarantine; sp=reject; rua=mailto:a@example.com,mailto:b@example.net!10m; ruf=mailto:f@example.com; pct=50; adkim=s; aspf=r; fo=1:d; ri=86400');
    expect(r.errors).toEqual([]);
    expect(r.tags).toEqual({
      v: 'DMARC1',
      p: 'quarantine',
      sp: 'reject',
      rua: ['mailto:a@example.com', 'mailto:b@example.net!10m'],
      ruf: ['mailto:f@example.com'],
      pct: 50,
      adkim: 's',
      aspf: 'r',
      fo: ['1', 'd'],
      ri: 86400,
    });
  });

  it('accepts spaces around tags, upper-case policy values and a trailing semicolon', () => {
    const r = parseDmarc('  v = DMARC1 ;p = REJECT ; ');
    expect(r.ok).toBe(true);
    expect(r.tags.p).toBe('reject');
  });

  type Row = { text: string; code: DmarcErrorCode; note: string };
  const rows: Row[] = [
    { text: 'p=none', code: 'no-version', note: 'no v=DMARC1' },
    { text: 'p=none; v=DMARC1', code: 'no-version', note: 'v= not first' },
    { text: 'v=DMARC2; p=none', code: 'no-version', note: 'the wrong version' },
    { text: 'v=DMARC1; rua=mailto:a@example.com', code: 'missing-policy', note: 'no p=' },
    { text: 'v=DMARC1; p=block', code: 'invalid-policy', note: 'an unknown policy' },
    { text: 'v=DMARC1; p=none; sp=drop', code: 'invalid-policy', note: 'an unknown subdomain policy' },
    { text: 'v=DMARC1; p=none; pct=150', code: 'invalid-pct', note: 'pct over 100' },
    { text: 'v=DMARC1; p=none; pct=abc', code: 'invalid-pct', note: 'pct not a number' },
    { text: 'v=DMARC1; p=none; adkim=strict', code: 'invalid-alignment', note: 'adkim spelled out' },
    { text: 'v=DMARC1; p=none; fo=2', code: 'invalid-fo', note: 'an unknown fo option' },
    { text: 'v=DMARC1; p=none; rua=dmarc@example.com', code: 'invalid-uri', note: 'rua without mailto:' },
    { text: 'v=DMARC1; p=none; ri=daily', code: 'invalid-interval', note: 'ri not a number' },
    { text: 'v=DMARC1; p=none; p=reject', code: 'duplicate-tag', note: 'p twice' },
    { text: 'v=DMARC1; p=none; quarantine', code: 'malformed-tag', note: 'a part without =' },
  ];
  it.each(rows)('reports $code for $note', ({ text, code }) => {
    const r = parseDmarc(text);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.code)).toContain(code);
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void parseDmarc(s)), { numRuns: 1500 });
  });

  it.each([
    ['v=DMARC1; p=none', true],
    ['v=dmarc1;p=none', true],
    ['v=DMARC1', true],
    ['p=none; v=DMARC1', false],
    ['v=spf1 -all', false],
  ])('isDmarcRecord(%s) → %s', (text, expected) => {
    expect(isDmarcRecord(text)).toBe(expected);
  });
});

describe('buildDmarc', () => {
  it.each([
    // policy only
    [{ policy: 'none' as const }, 'v=DMARC1; p=none'],
    // a bare address becomes mailto:
    [{ policy: 'quarantine' as const, rua: 'dmarc@example.com' }, 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com'],
    // several addresses, mailto: kept once
    [{ policy: 'reject' as const, rua: 'mailto:a@example.com, b@example.com' }, 'v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@example.com'],
    // pct below 100 is written, 100 is not
    [{ policy: 'quarantine' as const, pct: 25 }, 'v=DMARC1; p=quarantine; pct=25'],
    [{ policy: 'quarantine' as const, pct: 100 }, 'v=DMARC1; p=quarantine'],
    // a semicolon in the address cannot break the record
    [{ policy: 'none' as const, rua: 'a@example.com; p=reject' }, 'v=DMARC1; p=none; rua=mailto:a@example.com,mailto:p=reject'],
    // "!" (valid in an address, the size separator in DMARC) is encoded, not dropped (RFC 7489 §6.2)
    [{ policy: 'none' as const, rua: 'a!b@example.com' }, 'v=DMARC1; p=none; rua=mailto:a%21b@example.com'],
    [{ policy: 'none' as const, rua: '"a\\b"@example.com' }, 'v=DMARC1; p=none; rua=mailto:%22a%5Cb%22@example.com'],
  ])('builds %j as %s', (choice, expected) => {
    expect(buildDmarc(choice)).toBe(expected);
  });

  it('keeps an address with "!" as one valid report URI', () => {
    const r = parseDmarc(buildDmarc({ policy: 'none', rua: '!@a.aa' }));
    expect(r.errors).toEqual([]);
    expect(r.tags.rua).toEqual(['mailto:%21@a.aa']);
  });

  it.each(DMARC_POLICIES)('builds a record for p=%s that parses back to the same policy', (policy) => {
    const r = parseDmarc(buildDmarc({ policy, rua: 'dmarc@example.com' }));
    expect(r.ok).toBe(true);
    expect(r.tags.p).toBe(policy);
  });

  it.each(DMARC_POLICIES)('explains p=%s in both languages', (policy) => {
    const zh = explainDmarcPolicy(policy, 'zh');
    const en = explainDmarcPolicy(policy, 'en');
    expect(zh.title).toContain(`p=${policy}`);
    expect(en.title).toContain(`p=${policy}`);
    expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
    expect(en.text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('DKIM key size from the key itself', () => {
  it.each([
    { key: RSA_2048_SPKI, bits: 2048, note: 'a 2048-bit SubjectPublicKeyInfo' },
    { key: RSA_2048_OTHER, bits: 2048, note: 'another 2048-bit key' },
    { key: RSA_2048_PKCS1, bits: 2048, note: 'a bare PKCS#1 RSAPublicKey' },
    { key: RSA_1024_SPKI, bits: 1024, note: 'a 1024-bit key' },
    { key: RSA_512_SPKI, bits: 512, note: 'a 512-bit key' },
    { key: RSA_4096_SPKI, bits: 4096, note: 'a 4096-bit key' },
  ])('reads $bits bits from $note', ({ key, bits }) => {
    expect(rsaKeyBits(key)).toEqual({ ok: true, bits });
  });

  it('rejects a key cut short in copying', () => {
    expect(rsaKeyBits(RSA_2048_SPKI.slice(0, 200))).toMatchObject({ ok: false });
  });

  it('rejects characters outside base64', () => {
    expect(rsaKeyBits('MIIB*IjAN')).toEqual({ ok: false, reason: 'base64' });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const b64 = btoa(String.fromCharCode(...bytes));
        const r = rsaKeyBits(b64);
        if (r.ok) expect(r.bits).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });
});

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
    expect(parseDkim(text).errors.map((e) => e.code)).toContain(code);
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (s) => void parseDkim(normaliseDkimInput(s))), { numRuns: 1500 });
  });
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

describe('TXT character-strings', () => {
  it('joins strings with no separator', () => {
    expect(joinTxt(['v=spf1 include:a.example', ' -all'])).toBe('v=spf1 include:a.example -all');
  });

  it.each([
    // one short string
    { value: 'v=spf1 -all', max: 255, parts: 1, note: 'a short value stays one string' },
    // the empty string is one empty character-string
    { value: '', max: 255, parts: 1, note: 'an empty value is one empty string' },
    // exactly 255 bytes
    { value: 'a'.repeat(255), max: 255, parts: 1, note: '255 bytes fit in one string' },
    { value: 'a'.repeat(256), max: 255, parts: 2, note: '256 bytes need two' },
    // a DKIM record
    { value: `v=DKIM1; k=rsa; p=${RSA_4096_SPKI}`, max: 255, parts: Math.ceil((18 + RSA_4096_SPKI.length) / 255), note: 'a 4096-bit DKIM record needs several' },
    // multi-byte characters are never cut
    { value: '中'.repeat(100), max: 255, parts: 2, note: '3-byte characters split on a character boundary' },
    { value: '😀'.repeat(64), max: 255, parts: 2, note: '4-byte characters split on a character boundary' },
  ])('$note', ({ value, max, parts }) => {
    const out = splitTxt(value, max);
    expect(out).toHaveLength(parts);
    expect(joinTxt(out)).toBe(value);
    for (const p of out) expect(utf8Length(p)).toBeLessThanOrEqual(max);
  });

  it('round-trips any string, every part within the byte limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1200 }), fc.integer({ min: 4, max: 300 }), (s, max) => {
        const out = splitTxt(s, max);
        expect(joinTxt(out)).toBe(s);
        for (const p of out) expect(utf8Length(p)).toBeLessThanOrEqual(max);
      }),
    );
  });
});
