// The generator's optional fields (pasted DKIM key, DMARC report address, other
// SPF senders): absurd input is named as unusable, usable input passes, and
// whatever passes makes records that parse without errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildExpectedRecords,
  dkimInputProblem,
  getProviderOrDefault,
  parseDkim,
  parseDmarc,
  parseSpf,
  ruaInputProblem,
  spfSenderProblem,
} from '~/core';
import { RSA_2048_SPKI } from './core-fixtures';

const HTML = '<img src=x onerror=window.__pwned=1>';

/** What a person might type or paste by mistake (or on purpose). */
const ABSURD: readonly { what: string; value: string }[] = [
  // Far too long for any field.
  { what: '10 000 characters', value: 'a'.repeat(10_000) },
  // NUL, BEL and an ANSI escape.
  { what: 'control characters', value: 'exa\u0000mple\u0007\u001b[31m.com' },
  // A right-to-left override.
  { what: 'a right-to-left override', value: '\u202Emoc.elpmaxe' },
  // Emoji only.
  { what: 'emoji', value: '📧😀💥' },
  // Markup.
  { what: 'HTML', value: HTML },
];

describe('absurd input is named as unusable', () => {
  it.each(ABSURD)('a pasted DKIM key of $what', ({ value }) => {
    expect(dkimInputProblem(value)).toBeDefined();
  });
  it.each(ABSURD)('a report address of $what', ({ value }) => {
    expect(ruaInputProblem(value)).toBeDefined();
  });
  it.each(ABSURD)('an extra SPF sender of $what', ({ value }) => {
    expect(spfSenderProblem(value)).toBeDefined();
  });
});

describe('usable input passes', () => {
  it.each([
    // Empty: the field is optional.
    { what: 'nothing', value: '' },
    // The bare base64 key as some consoles show it.
    { what: 'a bare RSA key', value: RSA_2048_SPKI },
    // The record value with tags.
    { what: 'a whole record value', value: `v=DKIM1; k=rsa; p=${RSA_2048_SPKI}` },
    // Split into quoted strings, as a zone file has it.
    { what: 'quoted strings over two lines', value: `"v=DKIM1; k=rsa; "\n"p=${RSA_2048_SPKI}"` },
  ])('a DKIM key: $what', ({ value }) => {
    expect(dkimInputProblem(value)).toBeUndefined();
  });

  it.each([
    { what: 'nothing', value: '' },
    // A bare address.
    { what: 'one address', value: 'dmarc@example.com' },
    // With mailto: and a second address, separated by a comma and a space.
    { what: 'two addresses with mailto:', value: 'mailto:dmarc@example.com, reports@example.org' },
    // A Chinese comma between addresses.
    { what: 'a full-width comma', value: 'a@example.com，b@example.com' },
  ])('report addresses: $what', ({ value }) => {
    expect(ruaInputProblem(value)).toBeUndefined();
  });

  it.each([
    { what: 'nothing', value: '' },
    // A bare domain becomes include:.
    { what: 'a domain', value: 'spf1.dm.aliyun.com' },
    // SPF terms as they are written in a record.
    { what: 'terms', value: 'include:_spf.google.com ip4:192.0.2.0/24 ip6:2001:db8::/32' },
    // Commas as separators.
    { what: 'a comma-separated list', value: 'spf1.dm.aliyun.com,ip4:198.51.100.7' },
  ])('extra SPF senders: $what', ({ value }) => {
    expect(spfSenderProblem(value)).toBeUndefined();
  });
});

describe('extra SPF terms that name no sender are refused', () => {
  it.each([
    // Would authorise every server on the Internet.
    { what: '+all', value: '+all' },
    // The record already ends with its own all.
    { what: '~all', value: '~all' },
    // A redirect replaces the whole policy.
    { what: 'a redirect', value: 'redirect=_spf.example.com' },
    // Unknown modifiers are valid SPF but name nobody (this is how an HTML attribute reads).
    { what: 'an unknown modifier', value: 'onerror=window.x=1>' },
    // Two terms glued together are not one sender.
    { what: 'two terms without a space', value: 'include:a.example.com/ip4:192.0.2.1' },
    // Looks like a bare domain, but "-" is no label (found by the property test below).
    { what: 'a bare name with an invalid label', value: 'A.-' },
    { what: 'a bare name with a numeric top label', value: 'example.123' },
  ])('$what', ({ value }) => {
    expect(spfSenderProblem(value)).toBe(value);
  });
});

describe('the first unusable part is the one named', () => {
  it.each([
    // The second report address is the bad one.
    { check: ruaInputProblem, value: 'ok@example.com <b>x</b>', want: '<b>x</b>' },
    // The include is fine, the stray word is not.
    { check: spfSenderProblem, value: 'include:spf.example.com allow-everyone', want: 'allow-everyone' },
  ])('$value → $want', ({ check, value, want }) => {
    expect(check(value)).toBe(want);
  });
});

describe('property tests', () => {
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }));
  const provider = getProviderOrDefault(undefined);

  it('never throws, on any text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        dkimInputProblem(s);
        ruaInputProblem(s);
        spfSenderProblem(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('input that passes makes an SPF, DMARC and DKIM record that parse without errors', () => {
    const spfItem = fc.oneof(
      fc.constantFrom('spf1.dm.aliyun.com', 'include:_spf.google.com', 'ip4:192.0.2.1', 'mx', '~all', 'x=y'),
      fc.string({ unit: 'binary-ascii', maxLength: 30 }),
    );
    const ruaItem = fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary-ascii', maxLength: 30 }));
    const dkim = fc.oneof(
      fc.constant(`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`),
      fc.constant(RSA_2048_SPKI),
      fc.string({ unit: 'binary-ascii', maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(spfItem, { maxLength: 4 }), fc.array(ruaItem, { maxLength: 3 }), dkim, (spfItems, ruaItems, key) => {
        const extra = spfItems.join(' ');
        const rua = ruaItems.join(',');
        const records = buildExpectedRecords({
          domain: 'example.com',
          provider,
          dkimKey: dkimInputProblem(key) === undefined ? key : undefined,
          dmarc: { policy: 'quarantine', rua: ruaInputProblem(rua) === undefined ? rua : undefined },
          extraSpf: extra.split(/[\s,]+/).filter((i) => i !== '' && spfSenderProblem(i) === undefined),
        });
        const value = (id: string) => records.find((r) => r.id === id)?.values[0]?.value ?? '';
        expect(parseSpf(value('spf')).errors).toEqual([]);
        expect(parseDmarc(value('dmarc')).errors).toEqual([]);
        const dkimRow = records.find((r) => r.id === 'dkim');
        if (dkimRow && !dkimRow.needsConsoleValue) expect(parseDkim(value('dkim')).errors).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});
