// The generator's optional fields (pasted DKIM key, DMARC report address, other
// SPF senders): absurd input is named as unusable, usable input passes. That
// whatever passes makes records that parse is tested with the generator
// (tests/unit/core/expected.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dkimInputProblem, ruaInputProblem, spfSenderProblem } from '~/core/records/inputs';
import { RSA_2048_SPKI } from '../../support/keys';

const HTML = '<img src=x onerror=window.__pwned=1>';

/** What a person might type or paste by mistake (or on purpose). */
const ABSURD: readonly { what: string; value: string; part: string }[] = [
  // Far too long for any field.
  { what: '10 000 characters', value: 'a'.repeat(10_000), part: 'a'.repeat(10_000) },
  // NUL, BEL and an ANSI escape.
  { what: 'control characters', value: 'exa\u0000mple\u0007\u001b[31m.com', part: 'exa\u0000mple\u0007\u001b[31m.com' },
  // A right-to-left override.
  { what: 'a right-to-left override', value: '\u202Emoc.elpmaxe', part: '\u202Emoc.elpmaxe' },
  // Emoji only.
  { what: 'emoji', value: '📧😀💥', part: '📧😀💥' },
  // Markup: its first word is already unusable.
  { what: 'HTML', value: HTML, part: '<img' },
];

describe('absurd input is named as unusable', () => {
  it.each(ABSURD)('a pasted DKIM key of $what', ({ value }) => {
    expect(dkimInputProblem(value)).toBeDefined();
  });
  it.each(ABSURD)('a report address of $what', ({ value, part }) => {
    expect(ruaInputProblem(value)).toBe(part);
  });
  it.each(ABSURD)('an extra SPF sender of $what', ({ value, part }) => {
    expect(spfSenderProblem(value)).toBe(part);
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
    // A bare address is read as ip4:/ip6:, but it must be a whole address.
    { what: 'an IPv4 address with a part missing', value: '192.0.2' },
    { what: 'an IPv4 network with a prefix out of range', value: '192.0.2.0/33' },
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

  it('never throws, on any text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        dkimInputProblem(s);
        ruaInputProblem(s);
        spfSenderProblem(s);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
