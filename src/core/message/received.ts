/**
 * The Received chain (RFC 5321 §4.4, RFC 5322 §3.6.7) as hops in order from
 * the sender: who handed the message over (HELO name, reverse-DNS name, IP),
 * who took it, with which protocol and whether over TLS, the queue id, the
 * recipient and the time; then the delay between hops, the total transit,
 * and flags for a long delay, a hop without TLS, a clock that disagrees.
 * Every MTA writes this field its own way; the parser reads clauses by their
 * keywords and looks for IPs and TLS wherever they appear (Gmail, Microsoft,
 * Postfix, Exim, qmail, Sendmail, Coremail, Tencent, Alibaba formats are in
 * the tests). It also finds the hop where the receiving organisation took the
 * message over: its sending IP and HELO are what SPF is evaluated for.
 */
import { formatIPv6, parseIPv4, parseIPv6 } from '~/core/doh/ip';
import { parseMailDate, type MailDate } from './date';
import { allFields, type HeaderField } from './header';
import { stripComments } from './mime';
import { LIMITS } from './types';

export const HOP_FLAGS = [
  /** More than `longDelaySeconds` since the previous hop. */
  'long-delay',
  /** Taken over a network without TLS (SMTP/ESMTP/ESMTPA without a TLS note), from an outside address. */
  'no-tls',
  /** Earlier than the previous hop: one of the two clocks is wrong. */
  'clock-skew',
  /** No readable date. */
  'no-date',
] as const;
export type HopFlag = (typeof HOP_FLAGS)[number];

export interface ReceivedParsed {
  /** Name the sending side gave in HELO/EHLO, when written. */
  readonly helo?: string;
  /** Reverse-DNS name the receiving side found for the IP (`unknown` is left out). */
  readonly rdns?: string;
  /** Sending IP, normalised (IPv6 in RFC 5952 form). */
  readonly ip?: string;
  /** Host that added this field. */
  readonly by?: string;
  /** Protocol word of the `with` clause, upper-case (`ESMTPS`, `SMTP`, `LMTP`, `HTTP`, `MICROSOFT SMTP SERVER`, …). */
  readonly protocol?: string;
  /** true: TLS noted; false: a network SMTP hop without TLS; undefined: cannot tell / not SMTP. */
  readonly tls?: boolean;
  /** TLS version as written (`TLSv1.3`, `TLS1_2` → normalised to `TLS 1.3`, `TLS 1.2`). */
  readonly tlsVersion?: string;
  readonly cipher?: string;
  readonly id?: string;
  readonly for?: string;
  readonly date?: MailDate;
}

export interface Hop extends ReceivedParsed {
  /** 0 for the first hop from the sender. */
  readonly index: number;
  /** The Received field as written (unfolded, untrusted text). */
  readonly text: string;
  /** 1-based line of the field in the input. */
  readonly line: number;
  /**
   * Whole seconds since the nearest earlier hop with a date (`delayFrom`);
   * undefined for the first hop, a hop without a date, or when no earlier hop
   * has one.
   */
  readonly delaySeconds?: number;
  /** The hop `delaySeconds` is measured from: `index - 1`, or an earlier one when the hops between have no date. */
  readonly delayFrom?: number;
  /** The sending IP is loopback, private, link-local or otherwise not on the Internet. */
  readonly internal: boolean;
  readonly flags: readonly HopFlag[];
}

export interface HopChain {
  readonly hops: readonly Hop[];
  /** Seconds from the first to the last dated hop; undefined with fewer than two dates. */
  readonly totalSeconds?: number;
  /** Where the receiving organisation took the message over, and what it saw. */
  readonly connecting?: ConnectingInfo;
}

export interface ConnectingInfo {
  readonly ip: string;
  readonly helo?: string;
  readonly rdns?: string;
  /** The hop it comes from (index into hops), when it comes from a Received field. */
  readonly hopIndex?: number;
  /** `received-spf`: the receiver's own Received-SPF field; `received`: its first Received field. */
  readonly source: 'received' | 'received-spf';
}

/** Seconds between hops above which a delay is pointed out. */
export const LONG_DELAY_SECONDS = 300;

/**
 * Characters of a Received field that are parsed (and kept for display): real
 * ones are under 1 KB. Beyond this nothing is read but the date after the last
 * `;`, so a hundred fields of 64 KB cost little each.
 */
export const RECEIVED_MAX_CHARS = 4096;
/** Characters after the last `;` read as the date (a date with a zone comment is under 60). */
const DATE_MAX_CHARS = 200;

/** Unfolded text of a field value, read only as far as `max` characters. */
function collapse(value: string, max: number): string {
  return value
    .slice(0, max * 2)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

const KEYWORDS = ['from', 'by', 'via', 'with', 'id', 'for'] as const;
type Keyword = (typeof KEYWORDS)[number];

/** Split the part before `;` into keyword clauses, keeping the comments in each. */
function clauses(text: string): Partial<Record<Keyword, string>> {
  const out: Partial<Record<Keyword, string>> = {};
  let depth = 0;
  let current: Keyword | undefined;
  let buf = '';
  const words = text.split(/(\s+|[()])/);
  for (const w of words) {
    if (w === '(') depth++;
    if (w === ')') depth = Math.max(0, depth - 1);
    const lower = w.toLowerCase();
    if (depth === 0 && (KEYWORDS as readonly string[]).includes(lower) && out[lower as Keyword] === undefined && current !== lower) {
      if (current) out[current] = (out[current] ?? '') + buf;
      current = lower as Keyword;
      buf = '';
      continue;
    }
    buf += w;
  }
  if (current) out[current] = (out[current] ?? '') + buf;
  return out;
}

/** Normalised IP text, or undefined. Accepts `IPv6:` literals (RFC 5321 §4.1.3). */
export function normaliseIp(text: string): string | undefined {
  const t = text.trim().replace(/^\[|\]$/g, '').replace(/^ipv6:/i, '');
  const v4 = parseIPv4(t);
  if (v4) return t.split('.').map(Number).join('.');
  const v6 = parseIPv6(t);
  if (v6) {
    // IPv4-mapped ::ffff:a.b.c.d → the IPv4 address.
    if (v6.subarray(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff) return Array.from(v6.subarray(12)).join('.');
    return formatIPv6(v6);
  }
  return undefined;
}

/** Loopback, private, shared, link-local, documentation-free reserved ranges: not an Internet sender. */
export function isInternalIp(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4) {
    const [a, b] = [v4[0]!, v4[1]!];
    return (
      a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = parseIPv6(ip);
  if (!v6) return false;
  const loopback = v6.subarray(0, 15).every((x) => x === 0) && v6[15] === 1;
  return loopback || (v6[0]! & 0xfe) === 0xfc || (v6[0] === 0xfe && (v6[1]! & 0xc0) === 0x80);
}

const IPV4_RE = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])/;
const BRACKETED = /\[((?:IPv6:)?[0-9a-fA-F:.]+)\]/i;

function findIp(text: string): string | undefined {
  const b = BRACKETED.exec(text);
  if (b) {
    const ip = normaliseIp(b[1]!);
    if (ip) return ip;
  }
  // Microsoft: `from host (192.0.2.1)`; IPv6 in parentheses.
  for (const m of text.matchAll(/\(([0-9a-fA-F:.]{3,})\)/g)) {
    const ip = normaliseIp(m[1]!);
    if (ip) return ip;
  }
  const v4 = IPV4_RE.exec(text);
  if (v4) return normaliseIp(v4[1]!);
  return undefined;
}

const HOST = /^[A-Za-z0-9_.:[\]-]+$/;

function parseFrom(clause: string): Pick<ReceivedParsed, 'helo' | 'rdns' | 'ip'> {
  const out: { helo?: string; rdns?: string; ip?: string } = {};
  const text = clause.trim();
  const ip = findIp(text);
  if (ip) out.ip = ip;
  // Explicit HELO notes: qmail `(HELO name)`, Exim `(helo=name)`, Sendmail `(may be forged)`.
  // Names are at most 253 characters (a DNS name): a longer word is no name, not the start of one.
  const heloNote = /\(\s*(?:HELO|EHLO)\s+([^\s()]{1,253})\s*\)|helo=([^\s()]{1,253})(?![^\s()])/i.exec(text);
  const first = /^([^\s(]{1,253})(?![^\s(])/.exec(text)?.[1];
  let helo = heloNote ? (heloNote[1] ?? heloNote[2]) : first;
  // Alibaba writes `from 30.1.2.3(mailfrom:…)`: the first token is then an IP without space.
  if (helo && helo.includes('(')) helo = helo.slice(0, helo.indexOf('('));
  if (helo && helo.toLowerCase() !== 'unknown' && HOST.test(helo)) out.helo = helo.replace(/^\[|\]$/g, '');
  // Reverse DNS: the name before `[ip]` inside the first comment (Postfix, Gmail, Sendmail).
  const rdns = /\(\s*([A-Za-z0-9_.-]{1,253}?)\.?\s+\[/.exec(text)?.[1];
  if (rdns && rdns.toLowerCase() !== 'unknown' && !normaliseIp(rdns)) out.rdns = rdns.toLowerCase();
  return out;
}

function tlsVersionOf(text: string): string | undefined {
  const m = /\bTLS\s*v?\s*(1)[._]?([0-3])\b/i.exec(text);
  if (m) return `TLS ${m[1]}.${m[2]}`;
  if (/\bSSLv3\b/i.test(text)) return 'SSL 3';
  return undefined;
}

/** Protocols that mean "over TLS" by their name (RFC 3848: ESMTPS, ESMTPSA, UTF8SMTPS, LMTPS …). */
const TLS_PROTOCOLS = /^(?:E?SMTPSA?|UTF8SMTPSA?|UTF8LMTPSA?|LMTPSA?|ESMTPS\+?|HTTPS)$/;
/** Network SMTP without TLS by its name. */
const PLAIN_PROTOCOLS = /^(?:E?SMTPA?|UTF8SMTPA?)$/;

/**
 * Parse one Received field value (byte string, folded or not). Reads the first
 * RECEIVED_MAX_CHARS characters before the last `;` and the date after it.
 */
export function parseReceived(value: string): ReceivedParsed {
  const semi = value.lastIndexOf(';');
  const before = collapse(semi >= 0 ? value.slice(0, semi) : value, RECEIVED_MAX_CHARS);
  const datePart = semi >= 0 ? collapse(value.slice(semi + 1), DATE_MAX_CHARS) : '';
  const c = clauses(before);
  const out: {
    -readonly [K in keyof ReceivedParsed]: ReceivedParsed[K];
  } = {};
  if (c.from !== undefined) Object.assign(out, parseFrom(c.from));
  if (c.by !== undefined) {
    const by = /^\s*([^\s(;]{1,253})(?![^\s(;])/.exec(c.by)?.[1];
    if (by) out.by = by.replace(/\.$/, '');
  }
  const withClause = c.with ?? '';
  if (c.with !== undefined) {
    const bare = stripComments(withClause).trim();
    const proto = /^microsoft smtp server/i.test(bare) ? 'MICROSOFT SMTP SERVER' : /^([A-Za-z0-9+_-]+)/.exec(bare)?.[1]?.toUpperCase();
    if (proto) out.protocol = proto;
  }
  if (c.id !== undefined) {
    const id = /^\s*([^\s(;]{1,253})/.exec(c.id)?.[1];
    if (id) out.id = id;
  }
  if (c.for !== undefined) {
    const f = /<([^<>]{0,320})>|([^\s<>;()@]{1,64}@[^\s<>;()]{1,253})/.exec(c.for);
    const addr = f?.[1] ?? f?.[2];
    if (addr) out.for = addr;
  }
  // TLS: from the protocol name or a note anywhere in the field.
  const version = tlsVersionOf(before);
  if (version) out.tlsVersion = version;
  const cipher = /cipher[=\s]+([A-Z0-9_-]{6,})/i.exec(before)?.[1] ?? /\btls ([A-Z0-9_]{8,})/i.exec(before)?.[1];
  if (cipher) out.cipher = cipher;
  const tlsNote =
    version !== undefined || cipher !== undefined || /\busing TLS\b|\(Google Transport Security\)|\bwith TLS\b|\bversion=TLS/i.test(before) || /\bTLS\b/.test(withClause);
  if (out.protocol && TLS_PROTOCOLS.test(out.protocol)) out.tls = true;
  else if (tlsNote) out.tls = true;
  else if (out.protocol && PLAIN_PROTOCOLS.test(out.protocol)) out.tls = false;
  else if (out.protocol === 'MICROSOFT SMTP SERVER') out.tls = false;
  const date = parseMailDate(datePart);
  if (date) out.date = date;
  return out;
}

/** Last two labels, or three under a two-letter country code with a generic second level (example.com.cn). */
export function baseDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1]!;
  const sld = labels[labels.length - 2]!;
  if (tld.length === 2 && /^(?:com|net|org|gov|edu|ac|co|or|ne|go)$/.test(sld)) return labels.slice(-3).join('.');
  return labels.slice(-2).join('.');
}

/**
 * Base domains one operator uses side by side in its Received fields, so
 * that its internal hops read as one organisation (Microsoft alternates
 * outlook.com and office365.com host names within one delivery).
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['outlook.com', 'office365.com', 'office.com', 'microsoft.com', 'hotmail.com', 'live.com'],
  ['google.com', 'gmail.com', 'googlemail.com'],
  ['qq.com', 'tencent.com'],
  ['aliyun.com', 'aliyun-inc.com', 'alibaba.com', 'mxhichina.com', 'alibaba-inc.com'],
  ['163.com', '126.com', 'netease.com', 'yeah.net'],
  ['yahoo.com', 'yahoodns.net', 'aol.com'],
];

/** The operator a host belongs to: its base domain, or the first of its family. */
export function operatorOf(host: string): string {
  const base = baseDomain(host);
  return FAMILIES.find((f) => f.includes(base))?.[0] ?? base;
}

function isHostName(s: string | undefined): s is string {
  return s !== undefined && /[a-z]/i.test(s) && s.includes('.') && normaliseIp(s) === undefined;
}

export interface HopOptions {
  readonly longDelaySeconds?: number;
}

/** Hops from the Received fields of a message (top of the header = last hop). */
export function buildHops(fields: readonly HeaderField[], options: HopOptions = {}): HopChain {
  const longDelay = options.longDelaySeconds ?? LONG_DELAY_SECONDS;
  const received = allFields(fields, 'received').slice(0, LIMITS.maxHops);
  const ordered = [...received].reverse();
  const hops: Hop[] = [];
  let previousMs: number | undefined;
  let previousIndex: number | undefined;
  let firstMs: number | undefined;
  let lastMs: number | undefined;
  ordered.forEach((field, index) => {
    const parsed = parseReceived(field.value);
    const internal = parsed.ip !== undefined ? isInternalIp(parsed.ip) : parsed.helo === undefined || /^localhost$/i.test(parsed.helo);
    const flags: HopFlag[] = [];
    let delaySeconds: number | undefined;
    let delayFrom: number | undefined;
    const ms = parsed.date?.ms;
    if (ms === undefined) flags.push('no-date');
    else {
      if (previousMs !== undefined && previousIndex !== undefined) {
        // From the nearest earlier hop that has a date: across hops without one, the delay is theirs together.
        delaySeconds = Math.round((ms - previousMs) / 1000);
        delayFrom = previousIndex;
        if (delaySeconds < -60) flags.push('clock-skew');
        else if (delaySeconds > longDelay) flags.push('long-delay');
      }
      previousMs = ms;
      previousIndex = index;
      firstMs ??= ms;
      lastMs = ms;
    }
    if (parsed.tls === false && !internal) flags.push('no-tls');
    hops.push({
      ...parsed,
      index,
      text: collapse(field.value, RECEIVED_MAX_CHARS),
      line: field.line,
      ...(delaySeconds === undefined || delayFrom === undefined ? {} : { delaySeconds, delayFrom }),
      internal,
      flags,
    });
  });
  const connecting = findConnecting(hops, fields);
  return {
    hops,
    ...(firstMs !== undefined && lastMs !== undefined && hops.filter((h) => h.date).length >= 2 ? { totalSeconds: Math.round((lastMs - firstMs) / 1000) } : {}),
    ...(connecting ? { connecting } : {}),
  };
}

/**
 * The hop where the final receiving organisation took the message over: walk
 * down from the newest Received field while `by` is in the same base domain as
 * the newest one (or is an address, as Google's internal hops are); the first
 * hop from an outside IP whose sender is not in that domain is the border, and
 * its `from` is the sender's server. Without one, the oldest outside IP in the
 * block (mail between two users of one provider), then an internal one. A
 * Received-SPF field above that hop (the receiver's own record of what it
 * checked) wins when it names a client-ip.
 */
function findConnecting(hops: readonly Hop[], fields: readonly HeaderField[]): ConnectingInfo | undefined {
  let border: Hop | undefined;
  /** An outside IP whose sender name is in the receiver's own domain (its internal relays, or mail between its users). */
  let sameOrg: Hop | undefined;
  let internalOnly: Hop | undefined;
  let receiverBase: string | undefined;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isHostName(hop.by)) {
      const base = operatorOf(hop.by);
      if (receiverBase === undefined) receiverBase = base;
      else if (base !== receiverBase) break;
    }
    if (hop.ip === undefined) continue;
    if (hop.internal) {
      internalOnly = hop;
      continue;
    }
    const fromName = hop.rdns ?? hop.helo;
    if (receiverBase !== undefined && isHostName(fromName) && operatorOf(fromName) === receiverBase) {
      sameOrg = hop;
      continue;
    }
    border = hop;
    break;
  }
  border ??= sameOrg ?? internalOnly;
  const spf = allFields(fields, 'received-spf')[0];
  if (spf && (border === undefined || spf.line < border.line)) {
    const v = spf.value;
    const ip = /client-ip=([0-9a-fA-F:.]+)/i.exec(v)?.[1];
    const norm = ip ? normaliseIp(ip) : undefined;
    if (norm) {
      const helo = /\bhelo=("?)([^\s;"]+)\1/i.exec(v)?.[2];
      const matching = hops.find((h) => h.ip === norm);
      return {
        ip: norm,
        ...(helo ? { helo } : matching?.helo ? { helo: matching.helo } : {}),
        ...(matching?.rdns ? { rdns: matching.rdns } : {}),
        ...(matching ? { hopIndex: matching.index } : {}),
        source: 'received-spf',
      };
    }
  }
  if (border?.ip === undefined) return undefined;
  return {
    ip: border.ip,
    ...(border.helo ? { helo: border.helo } : {}),
    ...(border.rdns ? { rdns: border.rdns } : {}),
    hopIndex: border.index,
    source: 'received',
  };
}
