import { describe, expect, it } from 'vitest';
import { toPtrName, toQueryName, type QueryNameResult } from '~/core/doh/names';

describe('toQueryName', () => {
  interface Row {
    what: string;
    input: string;
    expected: QueryNameResult;
  }
  const rows: Row[] = [
    {
      what: 'lower-cases and drops the trailing dot',
      input: ' Example.COM. ',
      expected: { ok: true, name: 'example.com' },
    },
    {
      what: 'keeps underscores for _dmarc and _domainkey',
      input: '_dmarc.example.com',
      expected: { ok: true, name: '_dmarc.example.com' },
    },
    {
      what: 'turns a Unicode domain into punycode',
      input: '例子.中国',
      expected: { ok: true, name: 'xn--fsqu00a.xn--fiqs8s' },
    },
    {
      what: 'takes the domain of a pasted URL',
      input: 'https://Mail.Example.com/path?q=1',
      expected: { ok: true, name: 'mail.example.com' },
    },
    {
      what: 'takes the domain of a pasted e-mail address',
      input: 'admin@example.com',
      expected: { ok: true, name: 'example.com' },
    },
    { what: 'accepts the root', input: '.', expected: { ok: true, name: '.' } },
    { what: 'refuses an empty value', input: '   ', expected: { ok: false, code: 'empty' } },
    { what: 'refuses spaces inside', input: 'exa mple.com', expected: { ok: false, code: 'invalid-name' } },
    { what: 'refuses an empty label', input: 'example..com', expected: { ok: false, code: 'invalid-name' } },
    {
      what: 'refuses a label over 63 characters',
      input: `${'a'.repeat(64)}.com`,
      expected: { ok: false, code: 'invalid-name' },
    },
    { what: 'refuses markup', input: '<b>.com', expected: { ok: false, code: 'invalid-name' } },
  ];
  it.each(rows)('$what', ({ input, expected }) => {
    expect(toQueryName(input)).toEqual(expected);
  });

  it('turns an IP address into its reverse name for PTR', () => {
    expect(toPtrName('192.0.2.1')).toEqual({ ok: true, name: '1.2.0.192.in-addr.arpa', fromIp: true });
    expect(toPtrName('1.2.0.192.in-addr.arpa')).toEqual({ ok: true, name: '1.2.0.192.in-addr.arpa' });
  });
});
