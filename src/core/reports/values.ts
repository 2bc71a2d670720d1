/**
 * Readers for report values, shared by the parser (worker side) and the
 * figures (page side). Kept apart from parse.ts so the page's bundle does not
 * carry the XML parser.
 */
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from '../doh/ip';
import type { ReportRecord } from './types';

/** Longest text kept from one element. */
export const MAX_TEXT = 4096;
const clip = (s: string): string => (s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s);

const PLAIN_IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IP in canonical text (RFC 5952 for IPv6); the text as given when it is not an IP. */
export function canonicalIp(text: string): string {
  const t = text.trim();
  // Most reports: a plain dotted quad is already canonical.
  if (PLAIN_IPV4.test(t)) return t;
  const v4 = parseIPv4(t);
  if (v4) return formatIPv4(v4);
  const v6 = parseIPv6(t);
  if (v6) return formatIPv6(v6);
  return clip(t);
}

/**
 * Seconds since the epoch from a report timestamp: integers, floats
 * ("1700000000.0", as some reporters write), milliseconds (13 digits, a
 * reporter bug seen in the wild) and ISO 8601 text. NaN when unreadable.
 */
export function parseTimestamp(text: string): number {
  const t = text.trim();
  if (/^\d{1,16}(\.\d*)?$/.test(t)) {
    const n = Math.floor(Number(t));
    return n > 1e11 ? Math.floor(n / 1000) : n;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? NaN : Math.floor(ms / 1000);
  }
  return NaN;
}

/** A message count: a non-negative safe integer ("12", also "12.0"); NaN otherwise. */
export function parseCount(text: string): number {
  const t = text.trim();
  if (!/^\d{1,15}(\.0*)?$/.test(t)) return NaN;
  return Number(t.split('.')[0]);
}

/** The DMARC verdict of a record: pass when the aligned DKIM or the aligned SPF result is pass. */
export function recordPasses(r: Pick<ReportRecord, 'dkim' | 'spf'>): boolean {
  return r.dkim === 'pass' || r.spf === 'pass';
}
