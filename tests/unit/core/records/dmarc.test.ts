import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDmarc, isDmarcRecord, normaliseRua, parseDmarc, type DmarcErrorCode } from '~/core/records/dmarc';
import { DMARC_POLICIES } from '~/core/types';

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
    expect(r.errors.map((e) => e.code)).toEqual([code]);
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void parseDmarc(s)), { numRuns: 1500 });
  }, 60_000);

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
});

describe('normaliseRua', () => {
  it.each([
    // a bare address becomes a mailto: URI
    { rua: 'dmarc@example.com', want: ['mailto:dmarc@example.com'], note: 'a bare address' },
    // mailto: in any case is kept once, in lower case
    { rua: 'MAILTO:dmarc@example.com', want: ['mailto:dmarc@example.com'], note: 'an upper-case mailto:' },
    // commas, full-width commas, semicolons and spaces all separate addresses
    { rua: 'a@example.com，b@example.com; c@example.com d@example.com', want: ['mailto:a@example.com', 'mailto:b@example.com', 'mailto:c@example.com', 'mailto:d@example.com'], note: 'every separator' },
    // a lone mailto: and empty parts are dropped
    { rua: ' mailto: , ,', want: [], note: 'nothing but separators and mailto:' },
  ])('reads $note', ({ rua, want }) => {
    expect(normaliseRua(rua)).toEqual(want);
  });
});
