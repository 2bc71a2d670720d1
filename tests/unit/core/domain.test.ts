import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDomain, punycodeDecode, toUnicode, truncateForDisplay, type DomainErrorCode } from '~/core/domain';

type OkRow = { input: string; ascii: string; unicode: string; note: string };

const accepted: OkRow[] = [
  // plain name, unchanged
  { input: 'example.com', ascii: 'example.com', unicode: 'example.com', note: 'a plain name' },
  // spaces around a paste
  { input: '  example.com \n', ascii: 'example.com', unicode: 'example.com', note: 'surrounding whitespace' },
  // upper case is folded
  { input: 'EXAMPLE.Com', ascii: 'example.com', unicode: 'example.com', note: 'upper case' },
  // a trailing dot (absolute name)
  { input: 'example.com.', ascii: 'example.com', unicode: 'example.com', note: 'a trailing dot' },
  // a URL keeps its host as given, www included
  { input: 'https://www.example.com/path?x=1#top', ascii: 'www.example.com', unicode: 'www.example.com', note: 'a URL, keeping www' },
  // URL with credentials and port
  { input: 'http://user:pw@mail.example.com:8080/', ascii: 'mail.example.com', unicode: 'mail.example.com', note: 'a URL with user info and port' },
  // an e-mail address gives its domain
  { input: 'user@example.com', ascii: 'example.com', unicode: 'example.com', note: 'an e-mail address' },
  { input: 'mailto:boss@Example.CN', ascii: 'example.cn', unicode: 'example.cn', note: 'a mailto: link' },
  // host:port without scheme
  { input: 'example.com:443', ascii: 'example.com', unicode: 'example.com', note: 'host and port' },
  // full-width letters and the ideographic full stop
  { input: 'ｅｘａｍｐｌｅ。ｃｏｍ', ascii: 'example.com', unicode: 'example.com', note: 'full-width letters and 。' },
  { input: 'example．com', ascii: 'example.com', unicode: 'example.com', note: 'full-width full stop' },
  { input: 'example｡com', ascii: 'example.com', unicode: 'example.com', note: 'half-width ideographic full stop' },
  // Unicode → punycode
  { input: '例子.中国', ascii: 'xn--fsqu00a.xn--fiqs8s', unicode: '例子.中国', note: 'a Chinese IDN' },
  { input: 'xn--fsqu00a.xn--fiqs8s', ascii: 'xn--fsqu00a.xn--fiqs8s', unicode: '例子.中国', note: 'an IDN already in punycode' },
  { input: 'Bücher.example', ascii: 'xn--bcher-kva.example', unicode: 'bücher.example', note: 'a Latin IDN, case folded' },
  { input: '公司。中国', ascii: 'xn--55qx5d.xn--fiqs8s', unicode: '公司.中国', note: 'IDN with 。 separators' },
  // underscores are allowed (service labels)
  { input: '_dmarc.example.com', ascii: '_dmarc.example.com', unicode: '_dmarc.example.com', note: 'an underscore label' },
  // hyphens inside labels
  { input: 'my-company.com.cn', ascii: 'my-company.com.cn', unicode: 'my-company.com.cn', note: 'hyphens and a second-level suffix' },
];

describe.each(accepted)('normaliseDomain accepts $note', ({ input, ascii, unicode }) => {
  it(`turns ${JSON.stringify(input)} into ${ascii}`, () => {
    expect(normaliseDomain(input)).toEqual({ ok: true, ascii, unicode });
  });
});

type ErrRow = { input: string; code: DomainErrorCode; note: string };

const rejected: ErrRow[] = [
  { input: '', code: 'empty', note: 'nothing' },
  { input: '   ', code: 'empty', note: 'only spaces' },
  { input: 'https://', code: 'empty', note: 'a scheme only' },
  { input: '192.0.2.1', code: 'ip-address', note: 'an IPv4 address' },
  { input: '１９２．０．２．１', code: 'ip-address', note: 'a full-width IPv4 address' },
  { input: 'http://192.0.2.1:8080/', code: 'ip-address', note: 'an IPv4 URL' },
  { input: '2001:db8::1', code: 'ip-address', note: 'an IPv6 address' },
  { input: '[2001:db8::1]', code: 'ip-address', note: 'a bracketed IPv6 address' },
  { input: 'http://[::1]:80/', code: 'ip-address', note: 'an IPv6 URL' },
  { input: `${'a'.repeat(64)}.com`, code: 'label-too-long', note: 'a 64-character label' },
  { input: '中华人民共和国国家标准汉字编码字符集信息交换基本集合测试用例长度.com', code: 'label-too-long', note: 'a Unicode label too long in punycode' },
  { input: `${'abcdefghi.'.repeat(26)}com`, code: 'name-too-long', note: 'a 263-character name' },
  { input: 'exa mple.com', code: 'invalid-character', note: 'a space inside' },
  { input: 'example!.com', code: 'invalid-character', note: 'punctuation' },
  { input: 'exa\u0000mple.com', code: 'invalid-character', note: 'a NUL character' },
  { input: '-example.com', code: 'invalid-character', note: 'a leading hyphen' },
  { input: 'example._com', code: 'invalid-character', note: 'an underscore in the top-level domain' },
  { input: 'xn--9.com', code: 'invalid-character', note: 'invalid punycode' },
  { input: 'localhost', code: 'single-label', note: 'a single label' },
  { input: 'com', code: 'single-label', note: 'a bare suffix' },
  { input: 'example..com', code: 'empty-label', note: 'two dots in a row' },
  { input: '.example.com', code: 'empty-label', note: 'a leading dot' },
];

describe.each(rejected)('normaliseDomain rejects $note', ({ input, code }) => {
  it(`reports ${code} for ${JSON.stringify(input).slice(0, 40)}`, () => {
    const r = normaliseDomain(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.input).toBe(input);
    }
  });
});

describe('normaliseDomain never throws', () => {
  it('returns a result for any string, including full Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const r = normaliseDomain(s);
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) {
          expect(r.ascii).toMatch(/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/);
          expect(r.ascii.length).toBeLessThanOrEqual(253);
        }
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('returns a result for strings built from domain-like pieces, controls and dots', () => {
    const piece = fc.constantFrom('a', 'Z', '0', '-', '_', '.', '。', '．', '例', 'ß', '\u200d', '\u0007', '\t', ' ', '@', ':', '/', '[', 'xn--', '%', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const r = normaliseDomain(parts.join(''));
        if (r.ok) expect(normaliseDomain(r.ascii)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('handles 10 000-character strings quickly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 10_000, maxLength: 10_000 }), (s) => {
        const r = normaliseDomain(s);
        // Long input can still hold a short domain (e.g. "¹.ᚁ #" and 9 993 spaces: the fragment
        // and the spaces are cut, as for a pasted URL); whatever is accepted is a valid name.
        if (r.ok) {
          expect(r.ascii.length).toBeLessThanOrEqual(253);
          expect(normaliseDomain(r.ascii)).toEqual({ ok: true, ascii: r.ascii, unicode: r.unicode });
        }
      }),
      { numRuns: 20 },
    );
    expect(normaliseDomain('a.'.repeat(5000)).ok).toBe(false);
    expect(normaliseDomain('a'.repeat(10_000)).ok).toBe(false);
    expect(normaliseDomain(`¹.ᚁ   #${' '.repeat(9_993)}`)).toMatchObject({ ok: true, ascii: '1.xn--7ue' });
    // Generating 10 000-grapheme strings is the slow part on a busy machine: allow for it (speed is measured in npm run bench).
  }, 60_000);
});

describe('punycode decoding', () => {
  it.each([
    // RFC 3492 §7.1 sample (Chinese, simplified)
    ['ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'],
    ['fsqu00a', '例子'],
    ['bcher-kva', 'bücher'],
  ])('decodes %s to %s', (encoded, decoded) => {
    expect(punycodeDecode(encoded)).toBe(decoded);
  });

  it('returns undefined when a number runs past the end', () => {
    expect(punycodeDecode('9')).toBeUndefined();
  });

  it('keeps undecodable labels as they are in toUnicode', () => {
    expect(toUnicode('xn--9.com')).toBe('xn--9.com');
  });

  it('decodes every label that new URL() produced', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'例子中国公司邮件bücherαβγ'.split('')), minLength: 1, maxLength: 12 }), (label) => {
        let host: string;
        try {
          host = new URL(`http://${label}.com/`).hostname;
        } catch {
          return;
        }
        expect(toUnicode(host)).toBe(`${label}.com`.normalize('NFC').toLowerCase());
      }),
    );
  }, 60_000);
});

describe('truncateForDisplay', () => {
  it.each([
    { value: 'example.com', max: 60, out: 'example.com', note: 'keeps a short value' },
    { value: 'x'.repeat(61), max: 60, out: `${'x'.repeat(60)}…`, note: 'cuts a long value at the limit, with an ellipsis' },
    { value: '😀'.repeat(3), max: 2, out: '😀😀…', note: 'counts characters, never cutting one in two' },
    { value: 'a\ud800b', max: 60, out: 'a\\u{d800}b', note: 'shows a lone surrogate visibly' },
    { value: 'x'.repeat(60), max: 60, out: 'x'.repeat(60), note: 'keeps a value exactly at the limit' },
    { value: 'a\u0000b', max: 60, out: 'a\\u{0}b', note: 'shows a NUL visibly' },
    { value: 'a\u202Eb', max: 60, out: 'a\\u{202e}b', note: 'shows a right-to-left override visibly' },
  ])('$note', ({ value, max, out }) => {
    expect(truncateForDisplay(value, max)).toBe(out);
  });
});
