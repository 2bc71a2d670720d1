import { describe, expect, it } from 'vitest';
import { formatIPv6, parseIPv6, reverseName } from '~/core/doh/ip';

describe('reverseName and IPv6 text', () => {
  // Row: [what, ip, reverse name or undefined].
  it.each([
    ['an IPv4 address', '192.0.2.1', '1.2.0.192.in-addr.arpa'],
    ['an IPv4 address with spaces', ' 203.0.113.7 ', '7.113.0.203.in-addr.arpa'],
    [
      'a compressed IPv6 address',
      '2001:db8::1',
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    ],
    [
      'an IPv6 address with an IPv4 tail',
      '::ffff:192.0.2.1',
      '1.0.2.0.0.0.0.c.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa',
    ],
    [
      'an IPv6 address in brackets',
      '[2001:db8::1]',
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    ],
    ['an octet over 255 (not an IP)', '256.1.1.1', undefined],
    ['a host name (not an IP)', 'mail.example.com', undefined],
    ['two "::" (not an IP)', '1::2::3', undefined],
    ['nine IPv6 groups (not an IP)', '1:2:3:4:5:6:7:8:9', undefined],
  ])('handles %s', (_what, ip, expected) => {
    expect(reverseName(ip)).toBe(expected);
  });

  // Row: [input, RFC 5952 text].
  it.each([
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // the first of two equal zero runs
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group stays
    ['::', '::'],
    ['::1', '::1'],
  ])('prints %s as %s', (input, output) => {
    expect(formatIPv6(parseIPv6(input)!)).toBe(output);
  });
});
