import { describe, expect, it } from 'vitest';
import { durationParts, hostList, isChineseTld, short } from '~/core/messages/format';

describe('short', () => {
  it.each([
    { value: undefined, max: 80, out: '', note: 'nothing is an empty string' },
    { value: 'example.com', max: 80, out: 'example.com', note: 'a short value stays' },
    { value: 'x'.repeat(81), max: 80, out: `${'x'.repeat(80)}…`, note: 'a long value is cut at the limit' },
    { value: 'a\u0007b', max: 80, out: 'a\\u{7}b', note: 'a control character is shown visibly' },
  ])('$note', ({ value, max, out }) => {
    expect(short(value, max)).toBe(out);
  });
});

describe('hostList', () => {
  it.each([
    { hosts: ['mx1.example.com', 'mx2.example.com'], out: 'mx1.example.com, mx2.example.com', note: 'joins hosts with a comma' },
    { hosts: ['', 'mx.example.com'], out: '., mx.example.com', note: 'shows the root as a dot' },
    { hosts: [], out: '', note: 'an empty list is empty' },
  ])('$note', ({ hosts, out }) => {
    expect(hostList(hosts)).toBe(out);
  });

  it('cuts a long list at 120 characters', () => {
    const out = hostList(Array.from({ length: 50 }, (_, i) => `mx${i}.example.com`));
    expect(out).toHaveLength(121);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('durationParts', () => {
  it.each([
    { seconds: 0, n: 0, unit: 'second' },
    { seconds: 119, n: 119, unit: 'second' },
    { seconds: 120, n: 2, unit: 'minute' },
    { seconds: 7199, n: 120, unit: 'minute' },
    { seconds: 7200, n: 2, unit: 'hour' },
    { seconds: 172_799, n: 48, unit: 'hour' },
    { seconds: 172_800, n: 2, unit: 'day' },
    { seconds: -5, n: 0, unit: 'second' },
    { seconds: 29.6, n: 30, unit: 'second' },
  ] as const)('$seconds s → $n $unit', ({ seconds, n, unit }) => {
    expect(durationParts(seconds)).toEqual({ n, unit });
  });
});

describe('isChineseTld', () => {
  it.each([
    { domain: 'example.cn', is: true },
    { domain: 'example.com.cn', is: true },
    { domain: 'EXAMPLE.CN', is: true },
    { domain: 'xn--fsqu00a.xn--fiqs8s', is: true },
    { domain: 'xn--fsqu00a.xn--fiqz9s', is: true },
    { domain: 'example.com', is: false },
    { domain: 'example.cn.com', is: false },
  ])('$domain → $is', ({ domain, is }) => {
    expect(isChineseTld(domain)).toBe(is);
  });
});
