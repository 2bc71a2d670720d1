/**
 * The SMTP client's address as SPF evaluation uses it (RFC 7208 §5, §7.3):
 * its bytes for CIDR matching, and its text for the `i`, `c` and `v` macros.
 * Parsing reuses ../doh/ip.ts.
 */
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from '../doh/ip';

export interface ClientAddress {
  readonly family: 4 | 6;
  /** 4 or 16 bytes. */
  readonly bytes: Uint8Array;
  /** `c`: dotted quad, or RFC 5952 text ("cafe:babe::1"). */
  readonly text: string;
  /** `i`: dotted quad, or 32 upper-case nibbles separated by dots (as in the RFC's §7.4 example). */
  readonly dotted: string;
  /** `v`: "in-addr" or "ip6". */
  readonly v: 'in-addr' | 'ip6';
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/**
 * Reads the client address. An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is
 * the IPv4 address it carries: §5 says such a client SHOULD be treated as an
 * IPv4 client, and the suite requires it (ip4 matches it, ip6 does not).
 */
export function parseClientAddress(input: string): ClientAddress | undefined {
  const text = input.trim();
  const v4 = parseIPv4(text);
  if (v4) return ipv4(v4);
  const v6 = parseIPv6(text);
  if (!v6) return undefined;
  if (MAPPED_PREFIX.every((b, i) => v6[i] === b)) return ipv4(v6.slice(12));
  const nibbles: string[] = [];
  for (const byte of v6) nibbles.push((byte >> 4).toString(16).toUpperCase(), (byte & 0xf).toString(16).toUpperCase());
  return { family: 6, bytes: v6, text: formatIPv6(v6), dotted: nibbles.join('.'), v: 'ip6' };
}

function ipv4(bytes: Uint8Array): ClientAddress {
  const text = formatIPv4(bytes);
  return { family: 4, bytes, text, dotted: text, v: 'in-addr' };
}

/** Whether the first `prefix` bits of `a` and `b` are equal (both of one family). */
export function samePrefix(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  if (a.length !== b.length || prefix < 0 || prefix > a.length * 8) return false;
  const whole = Math.floor(prefix / 8);
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = prefix % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((a[whole] ?? 0) & mask) === ((b[whole] ?? 0) & mask);
}

/** Whether an address record's text (A or AAAA data) is in the client's network of `prefix` bits. */
export function addressMatches(client: ClientAddress, recordText: string, prefix: number): boolean {
  const bytes = client.family === 4 ? parseIPv4(recordText) : parseIPv6(recordText);
  return bytes !== undefined && samePrefix(client.bytes, bytes, prefix);
}

/** The name a PTR question goes to for the client: "d.c.b.a.in-addr.arpa" or nibbles under "ip6.arpa". */
export function reverseNameOf(client: ClientAddress): string {
  if (client.family === 4) return `${Array.from(client.bytes).reverse().join('.')}.in-addr.arpa`;
  return `${client.dotted.toLowerCase().split('.').reverse().join('.')}.ip6.arpa`;
}
