import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinTxt, splitTxt, utf8Length } from '~/core/records/txt';
import { RSA_4096_SPKI } from '../../support/keys';

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
  }, 60_000);
});
