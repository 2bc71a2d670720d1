/**
 * Turn whatever a person pastes (a URL, an address, a name in full-width
 * characters or in Chinese) into the ASCII name DNS is asked about, or a typed
 * error. Pure: runs the same in the browser and in tests. Never throws.
 * The browser's own URL parser does Unicode → punycode (UTS #46); the small
 * RFC 3492 decoder below does the reverse for display (node:punycode is not
 * available in browsers).
 */

export const DOMAIN_ERROR_CODES = [
  'empty',
  'ip-address',
  'label-too-long',
  'name-too-long',
  'invalid-character',
  'single-label',
  'empty-label',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface DomainError {
  readonly code: DomainErrorCode;
  /** What the person typed, as given. */
  readonly input: string;
  /** The offending part: a label, a character, the host. */
  readonly detail?: string;
}

export type DomainResult =
  | { readonly ok: true; readonly ascii: string; readonly unicode: string }
  | { readonly ok: false; readonly error: DomainError };

const MAX_LABEL = 63;
const MAX_NAME = 253;

// ---------------------------------------------------------------------------
// RFC 3492 punycode decoding (for display only).

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 22; // 0-9 → 26-35
  if (c >= 0x41 && c <= 0x5a) return c - 0x41; // A-Z
  if (c >= 0x61 && c <= 0x7a) return c - 0x61; // a-z
  return BASE;
}

/** Decode the part after `xn--`. Returns undefined for invalid input. */
export function punycodeDecode(input: string): string | undefined {
  const output: number[] = [];
  const lastDelim = input.lastIndexOf('-');
  const basicEnd = lastDelim < 0 ? 0 : lastDelim;
  for (let j = 0; j < basicEnd; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return undefined;
    output.push(c);
  }
  let n = INITIAL_N;
  let i = 0;
  let bias = INITIAL_BIAS;
  let pos = basicEnd > 0 ? basicEnd + 1 : 0;
  while (pos < input.length) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return undefined;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit >= BASE) return undefined;
      if (digit > Math.floor((0x7fffffff - i) / w)) return undefined;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(0x7fffffff / (BASE - t))) return undefined;
      w *= BASE - t;
    }
    const len = output.length + 1;
    bias = adapt(i - oldi, len, oldi === 0);
    if (Math.floor(i / len) > 0x7fffffff - n) return undefined;
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** Unicode form of an ASCII name, label by label; labels that do not decode are kept as they are. */
export function toUnicode(ascii: string): string {
  return ascii
    .split('.')
    .map((label) => {
      if (!/^xn--/i.test(label)) return label;
      return punycodeDecode(label.slice(4)) ?? label;
    })
    .join('.');
}

// ---------------------------------------------------------------------------

function fail(code: DomainErrorCode, input: string, detail?: string): DomainResult {
  return { ok: false, error: detail === undefined ? { code, input } : { code, input, detail } };
}

const IPV4_LIKE = /^(?:0x[0-9a-f]*|\d+)(?:\.(?:0x[0-9a-f]*|\d+)){0,3}$/i;
const IPV6_LIKE = /^[0-9a-f:.]+(?:%.*)?$/i;
/** Dots people type: full stop, ideographic full stop, full-width and half-width stops. */
const DOTS = /[\u3002\uff0e\uff61]/g;

function firstBadChar(s: string): string | undefined {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80 && !/[a-z0-9._-]/.test(ch)) return ch;
  }
  return undefined;
}

/** Pull the host out of what was pasted: URL, e-mail address, host:port, bare name. */
function extractHost(s: string): { host: string } | { ip: string } {
  let t = s;
  // Scheme (https://, mailto:).
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(t);
  if (scheme) t = t.slice(scheme[0].length);
  else if (/^mailto:/i.test(t)) t = t.slice(7);
  // Path, query, fragment.
  const cut = t.search(/[/?#\\]/);
  if (cut >= 0) t = t.slice(0, cut);
  // User info / e-mail address: keep what follows the last @.
  const at = t.lastIndexOf('@');
  if (at >= 0) t = t.slice(at + 1);
  // [IPv6] literal, with or without port.
  if (t.startsWith('[')) return { ip: t };
  const colons = (t.match(/:/g) ?? []).length;
  if (colons > 1) return IPV6_LIKE.test(t) ? { ip: t } : { host: t };
  if (colons === 1) {
    const [h, port] = t.split(':') as [string, string];
    if (/^\d*$/.test(port)) t = h;
  }
  return { host: t };
}

/**
 * Normalise a pasted domain. Keeps the host as given (a `www.` is not removed),
 * takes the domain of an e-mail address, lower-cases, drops one trailing dot,
 * maps full-width forms (NFKC) and Chinese full stops, converts Unicode to punycode.
 */
export function normaliseDomain(input: string): DomainResult {
  try {
    return normalise(typeof input === 'string' ? input : String(input));
  } catch {
    // Nothing above should throw; this is the promise to callers.
    return fail('invalid-character', typeof input === 'string' ? input : '');
  }
}

function normalise(input: string): DomainResult {
  let s = input.normalize('NFKC').replace(DOTS, '.').trim();
  if (s === '') return fail('empty', input);
  const extracted = extractHost(s);
  if ('ip' in extracted) return fail('ip-address', input, extracted.ip);
  s = extracted.host.trim().toLowerCase();
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s === '') return fail('empty', input);
  if (IPV4_LIKE.test(s)) return fail('ip-address', input, s);

  const rawLabels = s.split('.');
  if (rawLabels.some((l) => l === '')) return fail('empty-label', input, s);
  const bad = firstBadChar(s);
  if (bad !== undefined) return fail('invalid-character', input, bad);
  // A very long pasted string: answer without handing it to the URL parser.
  if (s.length > 4 * MAX_NAME) return fail('name-too-long', input, s);

  let ascii: string;
  if (/^[\x00-\x7f]*$/.test(s)) {
    ascii = s;
  } else {
    let host: string;
    try {
      host = new URL(`http://${s}/`).hostname;
    } catch {
      const nonAscii = [...s].find((ch) => (ch.codePointAt(0) ?? 0) >= 0x80);
      return fail('invalid-character', input, nonAscii ?? s);
    }
    ascii = host.toLowerCase().replace(/\.$/, '');
  }

  const labels = ascii.split('.');
  if (labels.some((l) => l === '')) return fail('empty-label', input, ascii);
  const badAscii = firstBadChar(ascii);
  if (badAscii !== undefined) return fail('invalid-character', input, badAscii);
  for (const label of labels) {
    if (label.length > MAX_LABEL) return fail('label-too-long', input, label);
    if (label.startsWith('-') || label.endsWith('-')) return fail('invalid-character', input, label);
    if (label.startsWith('xn--')) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === undefined || decoded === '') return fail('invalid-character', input, label);
    } else if (/^..--/.test(label)) {
      // Reserved for other ACE prefixes (RFC 5891 §4.2.3.1).
      return fail('invalid-character', input, label);
    }
  }
  if (ascii.length > MAX_NAME) return fail('name-too-long', input, ascii);
  if (labels.length < 2) return fail('single-label', input, ascii);
  const last = labels[labels.length - 1] ?? '';
  if (/^\d+$/.test(last)) return fail('ip-address', input, ascii);
  // Underscores belong to service labels (_dmarc, _domainkey), never to the top-level domain.
  if (last.includes('_')) return fail('invalid-character', input, last);
  return { ok: true, ascii, unicode: toUnicode(ascii) };
}

/**
 * Shorten untrusted text for a message: at most `max` code points, control and
 * format characters shown as \u{…}, never cutting a surrogate pair.
 */
export function truncateForDisplay(value: string, max = 60): string {
  const out: string[] = [];
  let count = 0;
  for (const ch of value) {
    if (count >= max) {
      out.push('…');
      break;
    }
    const c = ch.codePointAt(0) ?? 0;
    out.push(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(ch) || (c >= 0xd800 && c <= 0xdfff) ? `\\u{${c.toString(16)}}` : ch);
    count++;
  }
  return out.join('');
}
