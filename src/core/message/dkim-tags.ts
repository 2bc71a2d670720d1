/**
 * DKIM tag lists (RFC 6376 §3.2) and the DKIM-Signature field's tags
 * (§3.5) read and validated: v, a, b, bh, c, d, h, i, l, q, s, t, x, z. A
 * signature that breaks a MUST becomes a typed reason (the caller reports it as
 * permerror), never an exception. The work is bounded: an h= list over 100
 * names or a b= over 4 096 characters is refused before anything else runs.
 */
import { LIMITS } from './types';

/** Stable reasons for a DKIM result (see DkimResult in ./dkim-verify.ts). */
export const DKIM_REASONS = [
  /** The signature verified. */
  'verified',
  /** The body changed since signing: its hash is not the one in bh=. */
  'body-hash-mismatch',
  /** The signed header fields (or the signature) changed since signing. */
  'signature-mismatch',
  /** No key at <s>._domainkey.<d> (NXDOMAIN or no TXT record). */
  'key-not-found',
  /** The key record has an empty p=: the key was revoked. */
  'key-revoked',
  /** RSA key under 1 024 bits (RFC 8301 §3.2). */
  'key-too-short',
  /** The TXT record is not a usable key (syntax, base64, DER, wrong length). */
  'key-syntax',
  /** k= of the key does not match a= of the signature. */
  'key-type-mismatch',
  /** The key's h= does not allow the signature's hash. */
  'key-hash-not-allowed',
  /** The key's s= does not include email. */
  'key-service-mismatch',
  /** The key has t=s and i= is a subdomain of d=. */
  'key-strict-identity',
  /** x= is in the past. */
  'expired',
  /** The DNS question failed (timeout, SERVFAIL, network): try again later. */
  'dns-error',
  /** The field is not a valid tag list, or a tag value is invalid. */
  'malformed-signature',
  /** A required tag (v, a, b, bh, d, h, s) is missing. */
  'missing-tag',
  /** v= is not 1. */
  'bad-version',
  /** a= names an algorithm we do not know. */
  'unknown-algorithm',
  /** c= names an unknown canonicalisation. */
  'unknown-canonicalization',
  /** q= does not include dns/txt. */
  'unknown-query-method',
  /** i= is not d= or a subdomain of it. */
  'identity-mismatch',
  /** h= does not include From (RFC 6376 §5.4). */
  'from-not-signed',
  /** h= lists more than 100 header fields. */
  'too-many-signed-headers',
  /** b= is longer than any real key could produce. */
  'signature-too-long',
  /** l= is longer than the body: the body was cut after signing. */
  'body-truncated',
  /** Only headers were given: the body hash cannot be checked (the signature over the headers can). */
  'no-body',
  /** rsa-sha1 (RFC 8301: not to be treated as valid). */
  'sha1-obsolete',
  /** More signatures than we check per message. */
  'not-checked',
  /** The platform has no WebCrypto, or refused the key. */
  'crypto-unavailable',
  /** The platform's WebCrypto has no Ed25519 (older browsers): an ed25519-sha256 signature cannot be checked here. */
  'ed25519-unsupported',
] as const;
export type DkimReason = (typeof DKIM_REASONS)[number];

export type TagList = { readonly ok: true; readonly tags: ReadonlyMap<string, string> } | { readonly ok: false; readonly detail: string };

/**
 * Parse `name=value; …`. Whitespace (including folding CRLFs) around names,
 * `=` and values is removed; inside a value it is kept for the caller (b=, bh=
 * and p= remove it; h= splits on colons). A duplicate tag or an invalid tag
 * name is an error (§3.2).
 */
export function parseTagList(text: string): TagList {
  const tags = new Map<string, string>();
  const parts = text.split(';');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.trim() === '') {
      if (i === parts.length - 1) continue; // trailing semicolon
      return { ok: false, detail: 'empty tag' };
    }
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, detail: part.trim().slice(0, 40) };
    const name = part.slice(0, eq).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return { ok: false, detail: name.slice(0, 40) };
    if (tags.has(name)) return { ok: false, detail: `duplicate ${name}` };
    tags.set(name, part.slice(eq + 1).trim());
    if (tags.size > 64) return { ok: false, detail: 'too many tags' };
  }
  return { ok: true, tags };
}

export const DKIM_ALGORITHMS = ['rsa-sha256', 'rsa-sha1', 'ed25519-sha256'] as const;
export type DkimAlgorithm = (typeof DKIM_ALGORITHMS)[number];
export type Canon = 'simple' | 'relaxed';

export interface DkimSignature {
  readonly algorithm: DkimAlgorithm;
  /** Base64 signature, whitespace removed. */
  readonly b: string;
  /** Base64 body hash, whitespace removed. */
  readonly bh: string;
  readonly headerCanon: Canon;
  readonly bodyCanon: Canon;
  /** Signing domain, lower-case. */
  readonly domain: string;
  readonly selector: string;
  /** Signed header field names, lower-case, in h= order. */
  readonly signedHeaders: readonly string[];
  /** Agent or user identifier (i=), default `@<d>`. */
  readonly identity: string;
  /** Body length limit (l=). */
  readonly bodyLength?: number;
  /** Signing time (t=), seconds since the epoch. */
  readonly timestamp?: number;
  /** Expiry (x=), seconds since the epoch. */
  readonly expiration?: number;
  /** z= copied header fields, as written (decoded for display only). */
  readonly copiedHeaders?: readonly string[];
}

export type SignatureParse =
  | { readonly ok: true; readonly signature: DkimSignature }
  | {
      readonly ok: false;
      readonly reason: DkimReason;
      readonly detail?: string;
      /** What could be read anyway, for display. */
      readonly domain?: string;
      readonly selector?: string;
      readonly algorithm?: string;
    };

const LABELS = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/i;

function digits(v: string | undefined, max = 12): number | undefined {
  if (v === undefined || !new RegExp(`^\\d{1,${max}}$`).test(v)) return undefined;
  return Number(v);
}

/** Read a DKIM-Signature field value (byte string, as in HeaderField.value). */
export function parseDkimSignature(value: string): SignatureParse {
  if (value.length > 16 * 1024) return { ok: false, reason: 'malformed-signature', detail: 'field longer than 16 KB' };
  const list = parseTagList(value);
  if (!list.ok) return { ok: false, reason: 'malformed-signature', detail: list.detail };
  const t = list.tags;
  const domainRaw = t.get('d')?.replace(/\s+/g, '').toLowerCase().replace(/\.$/, '');
  const selectorRaw = t.get('s')?.replace(/\s+/g, '').toLowerCase();
  const algRaw = t.get('a')?.replace(/\s+/g, '').toLowerCase();
  const seen = {
    ...(domainRaw ? { domain: domainRaw.slice(0, 253) } : {}),
    ...(selectorRaw ? { selector: selectorRaw.slice(0, 253) } : {}),
    ...(algRaw ? { algorithm: algRaw.slice(0, 40) } : {}),
  };
  const fail = (reason: DkimReason, detail?: string): SignatureParse => ({ ok: false, reason, ...(detail === undefined ? {} : { detail }), ...seen });

  for (const required of ['v', 'a', 'b', 'bh', 'd', 'h', 's']) {
    if (!t.has(required)) return fail('missing-tag', required);
  }
  if (t.get('v')!.replace(/\s+/g, '') !== '1') return fail('bad-version', t.get('v')!.slice(0, 20));

  const hRaw = t.get('h')!;
  const signedHeaders = hRaw.split(':').map((n) => n.replace(/\s+/g, '').toLowerCase());
  if (signedHeaders.length > LIMITS.maxSignedHeaders) return fail('too-many-signed-headers', String(signedHeaders.length));
  if (signedHeaders.some((n) => !/^[\x21-\x39\x3b-\x7e]+$/.test(n))) return fail('malformed-signature', 'h');

  const b = t.get('b')!.replace(/[ \t\r\n]+/g, '');
  if (b.length > LIMITS.maxSignatureChars) return fail('signature-too-long', String(b.length));
  if (b === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(b)) return fail('malformed-signature', 'b');
  const bh = t.get('bh')!.replace(/[ \t\r\n]+/g, '');
  if (bh === '' || bh.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(bh)) return fail('malformed-signature', 'bh');

  if (!(DKIM_ALGORITHMS as readonly string[]).includes(algRaw!)) return fail('unknown-algorithm', algRaw!.slice(0, 40));
  if (!domainRaw || !LABELS.test(domainRaw)) return fail('malformed-signature', 'd');
  if (!selectorRaw || !LABELS.test(selectorRaw)) return fail('malformed-signature', 's');

  const cRaw = (t.get('c') ?? 'simple/simple').replace(/\s+/g, '').toLowerCase();
  const [hc, bc = 'simple'] = cRaw.split('/');
  if ((hc !== 'simple' && hc !== 'relaxed') || (bc !== 'simple' && bc !== 'relaxed') || cRaw.split('/').length > 2) return fail('unknown-canonicalization', cRaw.slice(0, 40));

  const q = t.get('q');
  if (q !== undefined && !q.split(':').some((m) => m.replace(/\s+/g, '').toLowerCase() === 'dns/txt')) return fail('unknown-query-method', q.slice(0, 40));

  let identity = `@${domainRaw}`;
  const i = t.get('i');
  if (i !== undefined) {
    identity = i.replace(/\s+/g, '');
    const at = identity.lastIndexOf('@');
    if (at < 0) return fail('malformed-signature', 'i');
    // i= may be quoted-printable-ish (dkim-quoted-printable); only its domain matters here.
    const idDomain = identity.slice(at + 1).toLowerCase().replace(/\.$/, '');
    if (idDomain !== domainRaw && !idDomain.endsWith(`.${domainRaw}`)) return fail('identity-mismatch', identity.slice(0, 100));
  }

  let bodyLength: number | undefined;
  if (t.has('l')) {
    bodyLength = digits(t.get('l')!.replace(/\s+/g, ''), 76);
    if (bodyLength === undefined || !Number.isSafeInteger(bodyLength)) return fail('malformed-signature', 'l');
  }
  let timestamp: number | undefined;
  if (t.has('t')) {
    timestamp = digits(t.get('t')!.replace(/\s+/g, ''));
    if (timestamp === undefined) return fail('malformed-signature', 't');
  }
  let expiration: number | undefined;
  if (t.has('x')) {
    expiration = digits(t.get('x')!.replace(/\s+/g, ''));
    if (expiration === undefined) return fail('malformed-signature', 'x');
    if (timestamp !== undefined && expiration <= timestamp) return fail('malformed-signature', 'x');
  }
  if (!signedHeaders.includes('from')) return fail('from-not-signed');

  const z = t.get('z');
  return {
    ok: true,
    signature: {
      algorithm: algRaw as DkimAlgorithm,
      b,
      bh,
      headerCanon: hc,
      bodyCanon: bc,
      domain: domainRaw,
      selector: selectorRaw,
      signedHeaders,
      identity,
      ...(bodyLength === undefined ? {} : { bodyLength }),
      ...(timestamp === undefined ? {} : { timestamp }),
      ...(expiration === undefined ? {} : { expiration }),
      ...(z === undefined ? {} : { copiedHeaders: z.replace(/\s+/g, '').split('|').slice(0, 100) }),
    },
  };
}
