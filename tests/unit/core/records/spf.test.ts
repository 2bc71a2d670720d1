import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSpfTerm, isSpfRecord, mergeSpf, parseSpf, senderTerm, spfAllQualifier, spfIncludes, type SpfErrorCode } from '~/core/records/spf';

describe('parseSpf reads valid records', () => {
  type Row = { text: string; terms: number; all: ReturnType<typeof spfAllQualifier>; includes: string[]; note: string };
  const rows: Row[] = [
    // the record Alibaba publishes
    { text: 'v=spf1 include:spf.qiye.aliyun.com -all', terms: 2, all: '-', includes: ['spf.qiye.aliyun.com'], note: 'the Alibaba record' },
    // DirectMail added
    { text: 'v=spf1 include:spf.qiye.aliyun.com include:spf1.dm.aliyun.com -all', terms: 3, all: '-', includes: ['spf.qiye.aliyun.com', 'spf1.dm.aliyun.com'], note: 'two includes' },
    // every mechanism and qualifier
    { text: 'v=spf1 +a mx/24 ?ptr ip4:192.0.2.0/24 ip6:2001:db8::/32 exists:%{i}.spf.example.com ~include:_spf.google.com ~all', terms: 8, all: '~', includes: ['_spf.google.com'], note: 'every mechanism' },
    // a and mx with domains and dual CIDR
    { text: 'v=spf1 a:mail.example.com/28//64 mx:example.com//56 -all', terms: 3, all: '-', includes: [], note: 'dual CIDR' },
    // redirect only
    { text: 'v=spf1 redirect=_spf.example.com', terms: 1, all: 'redirect', includes: [], note: 'a redirect' },
    // no all at all
    { text: 'v=spf1 ip4:203.0.113.5', terms: 1, all: 'none', includes: [], note: 'no all' },
    // upper case, extra spaces, trailing dot, unknown modifier
    { text: 'V=SPF1   INCLUDE:SPF.QIYE.ALIYUN.COM.  foo=bar  -ALL ', terms: 3, all: '-', includes: ['spf.qiye.aliyun.com'], note: 'case, spacing, a trailing dot and an unknown modifier' },
    // the version alone
    { text: 'v=spf1', terms: 0, all: 'none', includes: [], note: 'the version alone' },
    // IPv4-mapped IPv6
    { text: 'v=spf1 ip6:::ffff:192.0.2.1 -all', terms: 2, all: '-', includes: [], note: 'an IPv6 address with an embedded IPv4 part' },
  ];
  it.each(rows)('reads $note', ({ text, terms, all, includes }) => {
    const r = parseSpf(text);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.terms).toHaveLength(terms);
    expect(spfAllQualifier(r)).toBe(all);
    expect(spfIncludes(r)).toEqual(includes);
  });

  it('gives every term its exact offsets in the text', () => {
    const text = 'v=spf1  ip4:192.0.2.1   include:a.example -all';
    for (const t of parseSpf(text).terms) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });
});

describe('parseSpf points at syntax errors', () => {
  type Row = { text: string; code: SpfErrorCode; term: string; note: string };
  const rows: Row[] = [
    { text: 'spf1 include:spf.qiye.aliyun.com -all', code: 'no-version', term: 'spf1', note: 'a missing v=' },
    { text: 'v=spf2 -all', code: 'no-version', term: 'v=spf2', note: 'the wrong version' },
    { text: 'v=spf1include:a.example -all', code: 'no-version', term: 'v=spf1include:a.example', note: 'no space after the version' },
    { text: 'v=spf1 inlcude:spf.qiye.aliyun.com -all', code: 'unknown-mechanism', term: 'inlcude:spf.qiye.aliyun.com', note: 'a misspelt include' },
    { text: 'v=spf1 ipv4:192.0.2.1 -all', code: 'unknown-mechanism', term: 'ipv4:192.0.2.1', note: 'ipv4 instead of ip4' },
    { text: 'v=spf1 include: -all', code: 'missing-argument', term: 'include:', note: 'an include without a domain' },
    { text: 'v=spf1 include -all', code: 'missing-argument', term: 'include', note: 'an include without a colon' },
    { text: 'v=spf1 -all:foo', code: 'unexpected-argument', term: '-all:foo', note: 'all with an argument' },
    { text: 'v=spf1 include:spf..example.com -all', code: 'invalid-domain', term: 'include:spf..example.com', note: 'an empty label' },
    { text: 'v=spf1 include:localhost -all', code: 'invalid-domain', term: 'include:localhost', note: 'a single-label include' },
    { text: 'v=spf1 ip4:192.0.2.256 -all', code: 'invalid-ip4', term: 'ip4:192.0.2.256', note: 'an octet over 255' },
    { text: 'v=spf1 ip4:192.0.2 -all', code: 'invalid-ip4', term: 'ip4:192.0.2', note: 'three octets' },
    { text: 'v=spf1 ip6:2001:db8:::1 -all', code: 'invalid-ip6', term: 'ip6:2001:db8:::1', note: 'three colons' },
    { text: 'v=spf1 ip4:192.0.2.0/33 -all', code: 'invalid-cidr', term: 'ip4:192.0.2.0/33', note: 'an IPv4 prefix over 32' },
    { text: 'v=spf1 ip6:2001:db8::/129 -all', code: 'invalid-cidr', term: 'ip6:2001:db8::/129', note: 'an IPv6 prefix over 128' },
    { text: 'v=spf1 a/ -all', code: 'invalid-cidr', term: 'a/', note: 'an empty prefix' },
    { text: 'v=spf1 exists:%{z}.example.com -all', code: 'invalid-macro', term: 'exists:%{z}.example.com', note: 'an unknown macro letter' },
    { text: 'v=spf1 redirect=a.example redirect=b.example', code: 'duplicate-modifier', term: 'redirect=b.example', note: 'two redirects' },
    { text: 'v=spf1 redirect= -all', code: 'invalid-modifier', term: 'redirect=', note: 'an empty redirect' },
  ];
  it.each(rows)('reports $code for $note', ({ text, code, term }) => {
    const r = parseSpf(text);
    expect(r.ok).toBe(false);
    const err = r.errors[0];
    expect(err?.code).toBe(code);
    expect(err?.term).toBe(term);
    expect(text.slice(err?.start, err?.end)).toBe(term);
  });

  it('keeps reading after an error, so later terms are still known', () => {
    const r = parseSpf('v=spf1 inlcude:x.example include:spf.qiye.aliyun.com -all');
    expect(r.errors).toHaveLength(1);
    expect(spfIncludes(r)).toEqual(['spf.qiye.aliyun.com']);
    expect(r.all?.qualifier).toBe('-');
  });
});

describe('isSpfRecord', () => {
  it.each([
    ['v=spf1 -all', true],
    ['V=SPF1', true],
    ['  v=spf1 include:x.example', true],
    ['v=spf10 -all', false],
    ['v=DMARC1; p=none', false],
    ['google-site-verification=abc', false],
  ])('%s → %s', (text, expected) => {
    expect(isSpfRecord(text)).toBe(expected);
  });
});

describe('mergeSpf', () => {
  type Row = { existing: string | undefined; expected: string; note: string };
  const inc = 'spf.qiye.aliyun.com';
  const rows: Row[] = [
    // nothing yet
    { existing: undefined, expected: 'v=spf1 include:spf.qiye.aliyun.com -all', note: 'creates a record when there is none' },
    { existing: '', expected: 'v=spf1 include:spf.qiye.aliyun.com -all', note: 'creates a record from an empty string' },
    { existing: 'google-site-verification=x', expected: 'v=spf1 include:spf.qiye.aliyun.com -all', note: 'ignores a TXT that is not SPF' },
    // keeps other senders, include before all
    { existing: 'v=spf1 include:_spf.google.com ~all', expected: 'v=spf1 include:_spf.google.com include:spf.qiye.aliyun.com ~all', note: 'keeps another include and the existing all' },
    { existing: 'v=spf1 ip4:203.0.113.5 mx -all', expected: 'v=spf1 ip4:203.0.113.5 mx include:spf.qiye.aliyun.com -all', note: 'keeps ip4 and mx' },
    // before a redirect when there is no all
    { existing: 'v=spf1 a redirect=_spf.example.com', expected: 'v=spf1 a include:spf.qiye.aliyun.com redirect=_spf.example.com', note: 'goes before the modifiers' },
    // at the end when no all and no modifier
    { existing: 'v=spf1 a', expected: 'v=spf1 a include:spf.qiye.aliyun.com', note: 'appends without inventing an all' },
    // already there (case-insensitive, trailing dot)
    { existing: 'v=spf1 include:SPF.QIYE.ALIYUN.COM. -all', expected: 'v=spf1 include:SPF.QIYE.ALIYUN.COM. -all', note: 'leaves a record that already has the include' },
    // spacing normalised
    { existing: '  v=spf1   mx    -all  ', expected: 'v=spf1 mx include:spf.qiye.aliyun.com -all', note: 'tidies the spacing' },
  ];
  it.each(rows)('$note', ({ existing, expected }) => {
    expect(mergeSpf(existing, inc)).toBe(expected);
  });

  it('treats an equivalent include as already present', () => {
    expect(mergeSpf('v=spf1 include:spf.mxhichina.com -all', inc, { equivalents: ['spf.mxhichina.com'] })).toBe('v=spf1 include:spf.mxhichina.com -all');
  });

  it('always yields exactly one record that parses and contains the include', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const merged = mergeSpf(`v=spf1 ${s}`, inc);
        expect(isSpfRecord(merged)).toBe(true);
        expect(spfIncludes(parseSpf(merged))).toContain(inc);
      }),
    );
  }, 60_000);

  it('adds an ip4 term with addSpfTerm, once', () => {
    const once = addSpfTerm('v=spf1 include:spf.qiye.aliyun.com -all', 'ip4:203.0.113.5');
    expect(once).toBe('v=spf1 include:spf.qiye.aliyun.com ip4:203.0.113.5 -all');
    expect(addSpfTerm(once, 'IP4:203.0.113.5')).toBe(once);
  });
});

describe('senderTerm', () => {
  it.each([
    // A bare domain stands for include:<domain>.
    { item: 'mailgun.org', term: 'include:mailgun.org', note: 'a bare domain is an include' },
    { item: '  spf1.dm.aliyun.com  ', term: 'include:spf1.dm.aliyun.com', note: 'spaces around it are dropped' },
    { item: '_spf.Example.NET.', term: 'include:_spf.Example.NET.', note: 'an underscore label, case and a trailing dot are kept' },
    // Terms as written in a record stay as they are.
    { item: 'include:_spf.google.com', term: 'include:_spf.google.com', note: 'an include: term stays' },
    { item: 'ip4:192.0.2.0/24', term: 'ip4:192.0.2.0/24', note: 'an ip4: range stays' },
    { item: 'ip6:2001:db8::/32', term: 'ip6:2001:db8::/32', note: 'an ip6: range stays' },
    { item: 'a:mail.example.com', term: 'a:mail.example.com', note: 'an a: term with a domain stays' },
    { item: 'mx', term: 'mx', note: 'a bare mechanism stays' },
    { item: 'a/24', term: 'a/24', note: 'a mechanism with a prefix stays' },
    // Not a domain: left for the parser to judge.
    { item: 'localhost', term: 'localhost', note: 'a single label is not a domain' },
    { item: '192.0.2.1', term: 'ip4:192.0.2.1', note: 'a bare IPv4 address means ip4:' },
    { item: '203.0.113.0/24', term: 'ip4:203.0.113.0/24', note: 'a bare IPv4 network means ip4:' },
    { item: '2001:db8::1', term: 'ip6:2001:db8::1', note: 'a bare IPv6 address means ip6:' },
    { item: '2001:db8::/32', term: 'ip6:2001:db8::/32', note: 'a bare IPv6 network means ip6:' },
    { item: '192.0.2', term: 'include:192.0.2', note: 'an incomplete address reads as a domain, which the parser refuses' },
    { item: '~all', term: '~all', note: 'all stays' },
    { item: 'redirect=_spf.example.com', term: 'redirect=_spf.example.com', note: 'a modifier stays' },
    { item: '', term: '', note: 'nothing stays nothing' },
  ])('$note: $item → $term', ({ item, term }) => {
    expect(senderTerm(item)).toBe(term);
  });
});

describe('parseSpf never throws', () => {
  it('on any string, and offsets always fit the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) => {
        const text = `v=spf1 ${s}`;
        const r = parseSpf(text);
        for (const e of r.errors) expect(text.slice(e.start, e.end)).toBe(e.term);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('on strings made of SPF pieces', () => {
    const piece = fc.constantFrom('v=spf1', ' ', 'include:', 'a', 'mx', 'ip4:', 'ip6:', '/', '//', ':', '%{d}', '%{ir}', '.', 'example.com', '-', '~', '?', '+', 'all', 'redirect=', '=', '1', '::', '255');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        parseSpf(parts.join(''));
      }),
      { numRuns: 1500 },
    );
  }, 60_000);
});

describe('parseSpf follows the domain-spec grammar of RFC 7208 §7.1', () => {
  type Row = { term: string; code: SpfErrorCode | 'ok'; domain?: string; cidr4?: number; note: string };
  const rows: Row[] = [
    // Any visible character but "%" may stand in a label; the CIDR length is at the end.
    { term: 'a:foo:bar/baz.example.com', code: 'ok', domain: 'foo:bar/baz.example.com', note: 'a colon and a slash inside the domain' },
    { term: 'mx:foo.example.com/24', code: 'ok', domain: 'foo.example.com', cidr4: 24, note: 'a CIDR length after the domain' },
    { term: 'a:foo.example.xn--zckzah', code: 'ok', domain: 'foo.example.xn--zckzah', note: 'a top label with hyphens inside' },
    { term: 'a:abc.123', code: 'invalid-domain', note: 'an all-numeric top label' },
    { term: 'a:example.-com', code: 'invalid-domain', note: 'a top label starting with a hyphen' },
    { term: 'a:example.com:8080', code: 'invalid-domain', note: 'a port after the domain' },
    { term: 'a:foo.example.com\u0000', code: 'invalid-domain', note: 'a NUL character' },
    { term: 'a:%{d}.com', code: 'ok', note: 'a macro then a top label' },
    { term: 'a:x.%{d}', code: 'ok', note: 'a macro at the end' },
    { term: 'a:%{d}com', code: 'invalid-domain', note: 'a top label without a dot before it' },
    // c, r and t are for explanations only.
    { term: 'exists:%{r}.example.com', code: 'invalid-macro', note: 'the r macro in a domain-spec' },
    { term: 'exists:%{d0}.example.com', code: 'invalid-macro', note: 'a zero DIGIT transformer' },
    { term: 'foo=%{r}', code: 'ok', note: 'the r macro in an unknown modifier' },
  ];
  it.each(rows)('$note', ({ term, code, domain, cidr4 }) => {
    const r = parseSpf(`v=spf1 ${term}`);
    expect(r.errors[0]?.code ?? 'ok').toBe(code);
    if (domain !== undefined) expect(r.terms[0]).toMatchObject({ domain });
    if (cidr4 !== undefined) expect(r.terms[0]).toMatchObject({ cidr4 });
  });

  it('reports exp=%{r}… as a macro error (suite: exp-only-macro-char)', () => {
    expect(parseSpf('v=spf1 -all exp=%{r}.example.com').errors.map((e) => e.code)).toEqual(['invalid-macro']);
  });
});
