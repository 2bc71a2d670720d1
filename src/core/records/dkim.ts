/**
 * DKIM key records (RFC 6376 §3.6.1, Ed25519 keys RFC 8463 §4.2): parse v, k,
 * p, h, s, t and n (and keep the rest), read the key — an RSA key's size and
 * its SubjectPublicKeyInfo bytes (a bare PKCS#1 key, which some consoles
 * publish, is wrapped), an Ed25519 key's 32 raw bytes — and accept what people
 * paste from an admin console: with or without quotes, with line breaks,
 * already split into quoted strings, or the bare key. The one key parser of
 * the core: the checker's DKIM row and the message analyser's verifier
 * (../message/dkim-key.ts) both read keys here. Never throws.
 */
import { decodeBase64, rsaPublicKey } from './base64';

export const DKIM_ERROR_CODES = [
  /** v= present but not DKIM1, or not the first tag. */
  'bad-version',
  /** No p= tag. */
  'missing-key',
  /** p= empty: the key is revoked (RFC 6376 §3.6.1). */
  'revoked',
  'invalid-base64',
  /** p= decodes, but is not an RSA public key. */
  'invalid-key',
  /** k= other than rsa or ed25519. */
  'unknown-key-type',
  /** h= lists no hash a verifier may use (sha256; sha1 is not, RFC 8301 §3.1). */
  'invalid-hash',
  /** s= lists neither email nor * (RFC 6376 §3.6.1): the key is not for mail. */
  'invalid-service',
  /** An Ed25519 key that is not 32 bytes (RFC 8463 §4.2). */
  'ed25519-length',
  /** An Ed25519 key published as SubjectPublicKeyInfo instead of its 32 raw bytes (RFC 8463 §4.2). */
  'ed25519-spki',
  'duplicate-tag',
  'malformed-tag',
] as const;
export type DkimErrorCode = (typeof DKIM_ERROR_CODES)[number];

export interface DkimError {
  readonly code: DkimErrorCode;
  readonly tag?: string;
  readonly value?: string;
  /** For ed25519-length: how many bytes the key has. */
  readonly length?: number;
}

/** The tags as written (lists lower-case, whitespace removed). */
export interface DkimTags {
  readonly v?: string;
  /** Key type, default rsa. */
  readonly k: string;
  /** Base64 public key with all whitespace removed; '' means revoked. */
  readonly p?: string;
  readonly h?: readonly string[];
  readonly s?: readonly string[];
  readonly t?: readonly string[];
}

export interface DkimRecord {
  readonly ok: boolean;
  readonly tags: DkimTags;
  /** Key size in bits (RSA modulus; 256 for ed25519), when it could be read. */
  readonly keyBits?: number;
  /**
   * The key ready for WebCrypto, when it could be read: SubjectPublicKeyInfo
   * DER for RSA, the 32 raw bytes for Ed25519 (also when published as SPKI).
   */
  readonly keyData?: Uint8Array;
  /** How the key was published: SPKI (as RFC 6376 asks), bare PKCS#1, raw Ed25519 bytes (RFC 8463), or Ed25519 in SPKI. */
  readonly keyFormat?: 'spki' | 'pkcs1' | 'raw' | 'ed25519-spki';
  /** Service types (s=), lower-case; default ['*']. */
  readonly services: readonly string[];
  /** Hash algorithms the key allows (h=), lower-case; undefined = any. */
  readonly hashes?: readonly string[];
  /** t=y: the domain is testing DKIM (verifiers treat its mail like unsigned mail, RFC 6376 §3.6.1). */
  readonly testing: boolean;
  /** t=s: the i= domain of a signature must be d= itself, not a subdomain. */
  readonly strict: boolean;
  readonly errors: readonly DkimError[];
}

/** RFC 8463 §4.2: an Ed25519 key is its 32 raw bytes; some publish the SubjectPublicKeyInfo, which starts with these 12 bytes. */
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

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
  let sv: string[] | undefined;
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
    const list = (): string[] => value.split(':').map((x) => x.toLowerCase());
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
      case 'h':
        h = list();
        // RFC 8301 §3.1: rsa-sha1 must not be treated as valid, so sha256 is the only usable hash.
        if (!h.includes('sha256')) errors.push({ code: 'invalid-hash', tag: 'h', value });
        break;
      case 's':
        sv = list();
        // Unknown service types are ignored; email or * must be there (RFC 6376 §3.6.1).
        if (!sv.includes('*') && !sv.includes('email')) errors.push({ code: 'invalid-service', tag: 's', value });
        break;
      case 't':
        t = list();
        break;
      default:
        break;
    }
  });

  let keyBits: number | undefined;
  let keyData: Uint8Array | undefined;
  let keyFormat: DkimRecord['keyFormat'];
  if (p === undefined) {
    errors.push({ code: 'missing-key', tag: 'p' });
  } else if (p === '') {
    errors.push({ code: 'revoked', tag: 'p' });
  } else if (k === 'rsa') {
    const key = rsaPublicKey(p);
    if (key.ok) {
      keyBits = key.bits;
      keyData = key.spki;
      keyFormat = key.format;
    } else errors.push({ code: key.reason === 'base64' ? 'invalid-base64' : 'invalid-key', tag: 'p', value: p });
  } else if (k === 'ed25519') {
    const bytes = decodeBase64(p);
    if (!bytes || bytes.length === 0) errors.push({ code: 'invalid-base64', tag: 'p', value: p });
    else if (bytes.length === 32) {
      keyBits = 256;
      keyData = bytes;
      keyFormat = 'raw';
    } else if (bytes.length === 44 && ED25519_SPKI_PREFIX.every((x, i) => bytes[i] === x)) {
      keyBits = 256;
      keyData = bytes.subarray(12);
      keyFormat = 'ed25519-spki';
      errors.push({ code: 'ed25519-spki', tag: 'p', value: p });
    } else errors.push({ code: 'ed25519-length', tag: 'p', value: p, length: bytes.length });
  }

  const tags: DkimTags = {
    k,
    ...(v === undefined ? {} : { v }),
    ...(p === undefined ? {} : { p }),
    ...(h === undefined ? {} : { h }),
    ...(sv === undefined ? {} : { s: sv }),
    ...(t === undefined ? {} : { t }),
  };
  return {
    ok: errors.length === 0,
    tags,
    ...(keyBits === undefined ? {} : { keyBits }),
    ...(keyData === undefined ? {} : { keyData }),
    ...(keyFormat === undefined ? {} : { keyFormat }),
    services: sv ?? ['*'],
    ...(h === undefined ? {} : { hashes: h }),
    testing: t?.includes('y') ?? false,
    strict: t?.includes('s') ?? false,
    errors,
  };
}
