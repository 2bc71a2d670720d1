// The SMTP client's address for SPF (src/core/spf/address.ts): parsing (an
// IPv4-mapped IPv6 address is IPv4, RFC 7208 §5), CIDR matching, reverse names.
import { describe, expect, it } from 'vitest';
import { addressMatches, parseClientAddress, reverseNameOf, samePrefix } from '~/core/spf/address';

describe('parseClientAddress', () => {
  const rows: { what: string; input: string; family?: 4 | 6; text?: string; v?: string }[] = [
    { what: 'an IPv4 address', input: '192.0.2.1', family: 4, text: '192.0.2.1', v: 'in-addr' },
    // Written in any RFC 4291 form, printed in RFC 5952 form (the c macro).
    { what: 'an IPv6 address in upper case', input: 'CAFE:BABE::1', family: 6, text: 'cafe:babe::1', v: 'ip6' },
    { what: 'an IPv6 address written in full', input: '2001:0db8:0000:0000:0000:0000:0000:0001', family: 6, text: '2001:db8::1', v: 'ip6' },
    // §5: an IPv4-mapped IPv6 address is the IPv4 client it carries.
    { what: 'an IPv4-mapped IPv6 address', input: '::FFFF:1.2.3.4', family: 4, text: '1.2.3.4', v: 'in-addr' },
    { what: 'an IPv4-mapped address in hex', input: '::ffff:c000:201', family: 4, text: '192.0.2.1', v: 'in-addr' },
    // An IPv4-compatible address (::a.b.c.d, deprecated) stays IPv6.
    { what: 'an IPv4-compatible address', input: '::1.2.3.4', family: 6, text: '::102:304', v: 'ip6' },
    // Surrounding spaces are forgiven.
    { what: 'an address with spaces around it', input: ' 192.0.2.1 ', family: 4, text: '192.0.2.1', v: 'in-addr' },
    { what: 'a host name', input: 'mail.example.com' },
    { what: 'an octet over 255', input: '192.0.2.256' },
    { what: 'an address with a prefix', input: '192.0.2.0/24' },
    { what: 'nothing', input: '' },
  ];
  it.each(rows)('reads $what', ({ input, family, text, v }) => {
    const parsed = parseClientAddress(input);
    if (family === undefined) {
      expect(parsed).toBeUndefined();
      return;
    }
    expect(parsed).toMatchObject({ family, text, v });
    expect(parsed?.bytes).toHaveLength(family === 4 ? 4 : 16);
  });

  it('gives i as upper-case nibbles for IPv6 and the dotted quad for IPv4', () => {
    expect(parseClientAddress('2001:db8::cb01')?.dotted).toBe('2.0.0.1.0.D.B.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.C.B.0.1');
    expect(parseClientAddress('192.0.2.3')?.dotted).toBe('192.0.2.3');
  });
});

describe('CIDR matching', () => {
  const bytes = (ip: string): Uint8Array => parseClientAddress(ip)!.bytes;
  const rows: { what: string; a: string; b: string; prefix: number; same: boolean }[] = [
    { what: '/0 matches any IPv4 address', a: '192.0.2.1', b: '1.1.1.1', prefix: 0, same: true },
    { what: '/32 matches the address itself', a: '192.0.2.1', b: '192.0.2.1', prefix: 32, same: true },
    { what: '/32 does not match the next address', a: '192.0.2.1', b: '192.0.2.2', prefix: 32, same: false },
    { what: '/31 matches the pair', a: '192.0.2.2', b: '192.0.2.3', prefix: 31, same: true },
    { what: '/31 does not match across the pair', a: '192.0.2.1', b: '192.0.2.2', prefix: 31, same: false },
    { what: '/24 matches within the block', a: '192.0.2.200', b: '192.0.2.0', prefix: 24, same: true },
    { what: '/23 splits mid-byte', a: '192.0.3.1', b: '192.0.2.0', prefix: 23, same: true },
    { what: '/23 stops at the block end', a: '192.0.4.1', b: '192.0.2.0', prefix: 23, same: false },
    { what: '/1 looks at the top bit only', a: '127.0.0.1', b: '1.0.0.0', prefix: 1, same: true },
    { what: '/33 of IPv6 (suite: cidr6-33)', a: 'cafe:babe:8000::', b: 'cafe:babe:8000::', prefix: 33, same: true },
    { what: '/33 of IPv6 excludes the next bit', a: 'cafe:babe:0::', b: 'cafe:babe:8000::', prefix: 33, same: false },
    { what: '/64 of IPv6', a: '2001:db8:1234::cafe:babe', b: '2001:db8:1234::dead:beef', prefix: 64, same: true },
    { what: '/128 of IPv6, different last bit', a: '2001:db8::1', b: '2001:db8::', prefix: 128, same: false },
    { what: '/127 of IPv6, same but for the last bit', a: '2001:db8::1', b: '2001:db8::', prefix: 127, same: true },
    // Different families never match, whatever the prefix.
    { what: 'an IPv4 and an IPv6 address at /0', a: '192.0.2.1', b: '2001:db8::1', prefix: 0, same: false },
    // A prefix longer than the address is no match rather than an error.
    { what: 'a prefix longer than the address', a: '192.0.2.1', b: '192.0.2.1', prefix: 33, same: false },
  ];
  it.each(rows)('$what', ({ a, b, prefix, same }) => {
    expect(samePrefix(bytes(a), bytes(b), prefix)).toBe(same);
  });

  it('matches a record address of the client family only', () => {
    const client = parseClientAddress('192.0.2.1')!;
    expect(addressMatches(client, '192.0.2.9', 28)).toBe(true);
    expect(addressMatches(client, '2001:db8::1', 0)).toBe(false);
    expect(addressMatches(client, 'not an address', 0)).toBe(false);
  });
});

describe('reverseNameOf', () => {
  it.each([
    ['192.0.2.1', '1.2.0.192.in-addr.arpa'],
    ['::ffff:192.0.2.1', '1.2.0.192.in-addr.arpa'],
    ['2001:db8::cb01', '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa'],
  ])('asks PTR for %s at %s', (ip, name) => {
    expect(reverseNameOf(parseClientAddress(ip)!)).toBe(name);
  });
});
