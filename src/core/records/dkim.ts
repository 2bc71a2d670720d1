/**
 * DKIM key records (RFC 6376 §3.6.1): parse v, k, p, h, t (and keep the rest),
 * measure an RSA key from its base64 SubjectPublicKeyInfo, and accept what
 * people paste from an admin console: with or without quotes, with line
 * breaks, already split into quoted strings, or the bare key. Never throws.
 */
import { rsaKeyBits, decodeBase64 } from './base64';

export const DKIM_ERROR_CODES = [
  'bad-version',
  'missing-key',
  'revoked',
  'invalid-base64',
  'invalid-key',
  'unknown-key-type',
  'invalid-hash',
  'duplicate-tag',
  'malformed-tag',
] as const;
export type DkimErrorCode = (typeof DKIM_ERROR_CODES)[number];

export interface DkimError {
  readonly code: DkimErrorCode;
  readonly tag?: string;
  readonly value?: string;
}

export interface DkimTags {
  readonly v?: string;
  /** Key type, default rsa. */
  readonly k: string;
  /** Base64 public key with all whitespace removed; '' means revoked. */
  readonly p?: string;
  readonly h?: readonly string[];
  readonly t?: readonly string[];
}

export interface DkimRecord {
  readonly ok: boolean;
  readonly tags: DkimTags;
  /** Key size in bits (RSA modulus; 256 for ed25519), when it could be read. */
  readonly keyBits?: number;
  readonly errors: readonly DkimError[];
}

/**
 * Turn a pasted console value into the record text: quoted strings are
 * unquoted and joined (`"v=DKIM1; k=rsa; " "p=MIGf…"`), surrounding quotes and
 * line breaks go, and a bare base64 key becomes `v=DKIM1; k=rsa; p=<key>`.
 */
export function normaliseDkimInput(pasted: string): string {
  let s = typeof pasted === 'string' ? pasted.trim() : '';
  // Zone-file style: default._domainkey IN TXT ( "…" "…" ) → keep the quoted parts.
  if (s.includes('"')) {
    const quoted = [...s.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1'));
    if (quoted.length > 0) s = quoted.join('');
    else s = s.replace(/"/g, '');
  }
  s = s.replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  const compact = s.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]{64,}={0,2}$/.test(compact)) return `v=DKIM1; k=rsa; p=${compact}`;
  return s;
}

/** Whether a (joined) TXT string looks like a DKIM key record. */
export function isDkimRecord(text: string): boolean {
  if (/^\s*v\s*=/i.test(text)) return /^\s*v\s*=\s*DKIM1\s*(?:;|$)/i.test(text);
  return /(?:^|;)\s*p\s*=/i.test(text);
}

/** The key of a record text with whitespace removed, for comparing two keys. */
export function dkimKeyOf(text: string): string | undefined {
  const parsed = parseDkim(normaliseDkimInput(text));
  return parsed.tags.p;
}

export function parseDkim(input: string): DkimRecord {
  const text = typeof input === 'string' ? input : '';
  const errors: DkimError[] = [];
  const seen = new Set<string>();
  let v: string | undefined;
  let k = 'rsa';
  let p: string | undefined;
  let h: string[] | undefined;
  let t: string[] | undefined;

  const parts = text.split(';');
  parts.forEach((part, index) => {
    const trimmed = part.trim();
    if (trimmed === '') return;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) {
      errors.push({ code: 'malformed-tag', value: trimmed });
      return;
    }
    const name = trimmed.slice(0, eq).trim().toLowerCase();
    // Whitespace inside a tag value is folding (RFC 6376 §3.2).
    const value = trimmed.slice(eq + 1).replace(/\s+/g, name === 'n' ? ' ' : '').trim();
    if (!/^[a-z][a-z0-9_]*$/.test(name)) {
      errors.push({ code: 'malformed-tag', value: trimmed });
      return;
    }
    if (seen.has(name)) {
      errors.push({ code: 'duplicate-tag', tag: name, value });
      return;
    }
    seen.add(name);
    switch (name) {
      case 'v':
        v = value;
        if (value !== 'DKIM1' || index !== 0) errors.push({ code: 'bad-version', tag: 'v', value });
        break;
      case 'k':
        k = value.toLowerCase();
        if (k !== 'rsa' && k !== 'ed25519') errors.push({ code: 'unknown-key-type', tag: 'k', value });
        break;
      case 'p':
        p = value;
        break;
      case 'h': {
        const algs = value.split(':').map((a) => a.toLowerCase());
        h = algs;
        if (!algs.some((a) => a === 'sha256' || a === 'sha1')) errors.push({ code: 'invalid-hash', tag: 'h', value });
        break;
      }
      case 't':
        t = value.split(':').map((f) => f.toLowerCase());
        break;
      default:
        break;
    }
  });

  let keyBits: number | undefined;
  if (p === undefined) {
    errors.push({ code: 'missing-key', tag: 'p' });
  } else if (p === '') {
    errors.push({ code: 'revoked', tag: 'p' });
  } else if (k === 'rsa') {
    const info = rsaKeyBits(p);
    if (info.ok) keyBits = info.bits;
    else errors.push({ code: info.reason === 'base64' ? 'invalid-base64' : 'invalid-key', tag: 'p', value: p });
  } else if (k === 'ed25519') {
    const bytes = decodeBase64(p);
    if (!bytes) errors.push({ code: 'invalid-base64', tag: 'p', value: p });
    else if (bytes.length !== 32) errors.push({ code: 'invalid-key', tag: 'p', value: p });
    else keyBits = 256;
  }

  const tags: DkimTags = {
    k,
    ...(v === undefined ? {} : { v }),
    ...(p === undefined ? {} : { p }),
    ...(h === undefined ? {} : { h }),
    ...(t === undefined ? {} : { t }),
  };
  return { ok: errors.length === 0, tags, ...(keyBits === undefined ? {} : { keyBits }), errors };
}
