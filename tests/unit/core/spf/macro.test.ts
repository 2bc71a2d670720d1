// SPF macros (src/core/spf/macro.ts): the grammar of RFC 7208 §7.1 and the
// expansion of §7.3, with the examples of §7.4 as the expansion table.
import { describe, expect, it } from 'vitest';
import { parseClientAddress } from '~/core/spf/address';
import {
  expandMacros,
  type MacroContext,
  type MacroErrorCode,
  type MacroValues,
  parseMacroString,
  urlEscape,
  usesLetter,
} from '~/core/spf/macro';

/** The values of RFC 7208 §7.4: sender strong-bad@email.example.com, checked at email.example.com. */
function valuesFor(ip: string): MacroValues {
  const client = parseClientAddress(ip);
  if (!client) throw new Error(`bad test address ${ip}`);
  return {
    s: 'strong-bad@email.example.com',
    l: 'strong-bad',
    o: 'email.example.com',
    d: 'email.example.com',
    i: client.dotted,
    v: client.v,
    h: 'mx.example.org',
    c: client.text,
    r: 'mx.example.net',
    t: '1400000000',
    p: 'mail.example.com',
  };
}

function expand(text: string, values: MacroValues, context: MacroContext = 'domain'): string {
  const parsed = parseMacroString(text, context);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.code}`);
  return expandMacros(parsed.parts, values);
}

describe('expansion: the examples of RFC 7208 §7.4', () => {
  const v4 = valuesFor('192.0.2.3');
  const rows: [string, string][] = [
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
    ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
    ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
  ];
  it.each(rows)('%s expands to %s', (text, expected) => {
    expect(expand(text, v4)).toBe(expected);
  });

  it('gives the IPv6 example with upper-case nibbles', () => {
    expect(expand('%{ir}.%{v}._spf.%{d2}', valuesFor('2001:db8::cb01'))).toBe(
      '1.0.B.C.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6._spf.example.com',
    );
  });
});

describe('expansion: the rest of §7.3', () => {
  const v4 = valuesFor('192.0.2.3');
  const rows: { what: string; text: string; values?: MacroValues; context?: MacroContext; expected: string }[] = [
    // %% is a percent sign, %_ a space, %- a URL-encoded space.
    { what: 'the escapes %%, %_ and %-', text: 'a%%b%_c%-d.example.com', expected: 'a%b c%20d.example.com' },
    // An upper-case letter URL-escapes everything outside the unreserved set (suite: upper-macro).
    { what: 'an upper-case letter', text: '%{L}', values: { ...v4, l: '~jack&jill=up-a_b3.c' }, expected: '~jack%26jill%3Dup-a_b3.c' },
    // Non-ASCII is escaped byte by byte as UTF-8.
    { what: 'an upper-case letter on UTF-8 text', text: '%{L}', values: { ...v4, l: 'josé' }, expected: 'jos%C3%A9' },
    // Several delimiters split on any of them (suite: macro-multiple-delimiters).
    { what: 'several delimiters', text: '%{l2r+-}', values: { ...v4, l: 'foo-bar+zip+quux' }, expected: 'bar.foo' },
    // Every delimiter character is accepted.
    { what: 'every delimiter', text: '%{l.-+,/_=}', values: { ...v4, l: 'a.b-c+d,e/f_g=h' }, expected: 'a.b.c.d.e.f.g.h' },
    // Asking for more parts than there are keeps them all.
    { what: 'more parts than there are', text: '%{d127}', expected: 'email.example.com' },
    // Letters and transformer are case-insensitive; only the letter's case means escaping.
    { what: 'an upper-case R', text: '%{d2R}', expected: 'example.email' },
    // Text around macros is kept as written.
    { what: 'literal text', text: 'x-%{d1}-y', expected: 'x-com-y' },
    // c, r and t in explanation text.
    { what: 'c, r and t in an explanation', text: '%{c} %{r} %{t}', context: 'explanation', expected: '192.0.2.3 mx.example.net 1400000000' },
    // c is RFC 5952 text for IPv6, i the nibbles.
    { what: 'c and i for IPv6', text: '%{c} %{i}', values: valuesFor('2001:db8::1'), context: 'explanation', expected: '2001:db8::1 2.0.0.1.0.D.B.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1' },
    // An IPv4-mapped address is its IPv4 address (v is in-addr).
    { what: 'an IPv4-mapped client', text: '%{i}.%{v}', values: valuesFor('::ffff:192.0.2.3'), expected: '192.0.2.3.in-addr' },
    // Spaces are text in an explanation.
    { what: 'spaces in an explanation', text: 'not  allowed: %{s}', context: 'explanation', expected: 'not  allowed: strong-bad@email.example.com' },
  ];
  it.each(rows)('expands $what', ({ text, values, context, expected }) => {
    expect(expand(text, values ?? v4, context)).toBe(expected);
  });

  it('URL-escapes exactly the characters outside A-Z a-z 0-9 - . _ ~', () => {
    expect(urlEscape("AZaz09-._~!*'();:@&=+$,/?#[] %")).toBe(
      'AZaz09-._~%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D%20%25',
    );
  });

  it('says whether a letter is used', () => {
    const parsed = parseMacroString('%{p}.%{d}', 'domain');
    expect(parsed.ok && usesLetter(parsed.parts, 'p')).toBe(true);
    expect(parsed.ok && usesLetter(parsed.parts, 'i')).toBe(false);
  });
});

describe('the grammar of §7.1', () => {
  const rows: { what: string; text: string; context: MacroContext; code: MacroErrorCode | 'ok' }[] = [
    // A % must start %{…}, %%, %_ or %- (suite: invalid-macro-char and friends).
    { what: 'a % before (', text: '%(ir).sbl.example.com', context: 'domain', code: 'invalid-percent' },
    { what: 'a trailing %', text: 'foo%', context: 'domain', code: 'invalid-percent' },
    { what: 'an unclosed %{', text: '%{d.example.com', context: 'domain', code: 'invalid-percent' },
    // Only the eleven letters (suite: undef-macro).
    { what: 'the letter a', text: '%{a}.example.com', context: 'domain', code: 'unknown-letter' },
    // c, r, t only in explanations (suite: exp-only-macro-char).
    { what: 'r in a domain-spec', text: '%{r}.example.com', context: 'domain', code: 'explanation-only-letter' },
    { what: 'c in a domain-spec', text: '%{c}.example.com', context: 'domain', code: 'explanation-only-letter' },
    { what: 't in a domain-spec', text: '%{t}.example.com', context: 'domain', code: 'explanation-only-letter' },
    { what: 'r in an unknown modifier', text: '%{r}', context: 'modifier', code: 'ok' },
    { what: 'r in an explanation', text: 'by %{r}', context: 'explanation', code: 'ok' },
    // A DIGIT transformer must be nonzero.
    { what: 'zero parts', text: '%{d0}', context: 'domain', code: 'zero-parts' },
    // Transformers come in the order DIGIT, r, delimiters.
    { what: 'r before the digits', text: '%{dr2}', context: 'domain', code: 'invalid-transformer' },
    { what: 'a character that is no delimiter', text: '%{d*}', context: 'domain', code: 'invalid-transformer' },
    // Visible ASCII only; spaces only in explanations (suite: non-ascii-exp).
    { what: 'a space in a domain-spec', text: 'a b.example.com', context: 'domain', code: 'invalid-character' },
    { what: 'a space in an explanation', text: 'a b', context: 'explanation', code: 'ok' },
    { what: 'non-ASCII in an explanation', text: '\uFEFFExplanation', context: 'explanation', code: 'invalid-character' },
    { what: 'a control character', text: 'a\u0000b', context: 'modifier', code: 'invalid-character' },
    // The empty string is a valid macro-string.
    { what: 'nothing', text: '', context: 'modifier', code: 'ok' },
  ];
  it.each(rows)('$what: $code', ({ text, context, code }) => {
    const parsed = parseMacroString(text, context);
    expect(parsed.ok ? 'ok' : parsed.code).toBe(code);
  });

  it('reports where the error is', () => {
    expect(parseMacroString('abc%{z}', 'domain')).toEqual({ ok: false, code: 'unknown-letter', at: 3 });
  });

  it('keeps what follows the last macro-expand, to check a domain-spec ends in a toplabel', () => {
    const tail = (text: string): string | undefined => {
      const parsed = parseMacroString(text, 'domain');
      return parsed.ok ? parsed.tail : undefined;
    };
    expect(tail('%{d}.example.com')).toBe('.example.com');
    expect(tail('x.%{d}')).toBe('');
    expect(tail('a%%b.com')).toBe('b.com');
    expect(tail('plain.example.com')).toBe('plain.example.com');
  });
});
