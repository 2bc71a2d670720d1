/**
 * DKIM verification in the browser (RFC 6376 §6, RFC 8463, RFC 8301): every
 * DKIM-Signature of a message, the key from `<s>._domainkey.<d>` TXT over the
 * QueryFn passed in, the signature checked with WebCrypto (`crypto.subtle`,
 * passed in or taken from globalThis: browsers and Node ≥ 22 have
 * RSASSA-PKCS1-v1_5 and Ed25519). Results are RFC 8601 words with a stable
 * reason (./dkim-tags.ts DKIM_REASONS); a body-hash mismatch is told apart from
 * a signature mismatch. With headers only, the key and the signature over the
 * headers are still checked and the result is `neutral` / `no-body`.
 *
 * Result words: pass (verified); fail (body-hash-mismatch,
 * signature-mismatch, key-too-short, body-truncated); policy (rsa-sha1 that
 * verifies: RFC 8301 says not to count it as valid); neutral (no-body,
 * not-checked); temperror (dns-error, crypto-unavailable, ed25519-unsupported:
 * a browser whose WebCrypto lacks Ed25519 — asked once per WebCrypto object
 * — cannot check the signature, which says nothing about it); permerror (every
 * syntax or key problem, key-not-found, key-revoked, expired — RFC 6376 §6.1
 * lists these as PERMFAIL).
 */
import type { QueryFn } from '~/core/doh/types';
import { byteStringToBytes, decodeBase64ToByteString, encodeBase64 } from './bytes';
import { canonBody, signedHeaderData } from './dkim-canon';
import { parseDkimKey, type DkimKey } from './dkim-key';
import { parseDkimSignature, type DkimAlgorithm, type DkimReason, type DkimSignature } from './dkim-tags';
import { allFields, type HeaderField } from './header';
import { LIMITS, type AuthResult } from './types';

export const DKIM_NOTES = [
  /** The domain's key says t=y (testing): receivers may treat the result as not final. */
  'testing',
  /** l= signed only part of the body: what follows may have been added by anyone. */
  'partial-body',
  /** The signature itself verifies, but x= has passed (it may have been valid when the message arrived). */
  'valid-but-expired',
  /** An Ed25519 key published as SubjectPublicKeyInfo rather than the 32 raw bytes of RFC 8463. */
  'ed25519-spki-key',
  /** More than one TXT record at the key name; the first usable one was used. */
  'multiple-key-records',
  /** The key is checked now, not when the message was sent: it may have changed since. */
  'checked-now',
] as const;
export type DkimNote = (typeof DKIM_NOTES)[number];

/** Reasons of a temperror that come from this browser (its WebCrypto), not from DNS: asking again will not help, another browser may. */
export const BROWSER_LIMITED_REASONS: ReadonlySet<DkimReason> = new Set<DkimReason>(['crypto-unavailable', 'ed25519-unsupported']);

export interface DkimResult {
  /** 0-based position among the message's DKIM-Signature fields, top first. */
  readonly index: number;
  readonly result: AuthResult;
  readonly reason: DkimReason;
  /** Extra words about the reason (tag name, record text excerpt, key size): untrusted, render as text. */
  readonly detail?: string;
  readonly domain?: string;
  readonly selector?: string;
  readonly algorithm?: string;
  /** `relaxed/simple` etc. */
  readonly canonicalization?: string;
  readonly signedHeaders?: readonly string[];
  readonly identity?: string;
  readonly bodyLength?: number;
  /** t= and x= as epoch seconds. */
  readonly timestamp?: number;
  readonly expiration?: number;
  readonly keyType?: 'rsa' | 'ed25519';
  readonly keyBits?: number;
  /** Whether the body hash matched (undefined when not computed). */
  readonly bodyHashMatched?: boolean;
  /** Whether the signature over the header fields verified (undefined when not reached). */
  readonly headersVerified?: boolean;
  readonly notes: readonly DkimNote[];
}

export interface DkimOptions {
  readonly query: QueryFn;
  /** WebCrypto; default globalThis.crypto.subtle. */
  readonly subtle?: SubtleCrypto;
  /** Current time in ms (x= is checked against it). */
  readonly now: number;
  readonly signal?: AbortSignal;
}

interface KeyLookup {
  readonly key?: DkimKey;
  readonly reason?: DkimReason;
  readonly detail?: string;
  readonly multiple?: boolean;
}

async function lookupKey(signature: DkimSignature, options: DkimOptions): Promise<KeyLookup> {
  const name = `${signature.selector}._domainkey.${signature.domain}`;
  let response;
  try {
    response = await options.query(name, 'TXT', options.signal);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    return { reason: 'dns-error', detail: typeof code === 'string' ? code : 'network' };
  }
  if (response.rcode === 'NXDOMAIN') return { reason: 'key-not-found', detail: name };
  if (response.rcode !== 'NOERROR') return { reason: 'dns-error', detail: response.rcode };
  const texts = response.answers.flatMap((r) => (r.type === 'TXT' ? [r.data.join('')] : []));
  if (texts.length === 0) return { reason: 'key-not-found', detail: name };
  let firstProblem: { reason: DkimReason; detail?: string } | undefined;
  for (const text of texts.slice(0, 10)) {
    const parsed = parseDkimKey(text);
    if (parsed.ok) return { key: parsed.key, multiple: texts.length > 1 };
    firstProblem ??= { reason: parsed.reason, ...(parsed.detail === undefined ? {} : { detail: parsed.detail }) };
  }
  return firstProblem ?? { reason: 'key-syntax' };
}

/** RFC 8032 §7.1 test 1's public key (also RFC 8463's example key): a key every Ed25519 implementation imports. */
const ED25519_PROBE_KEY = new Uint8Array([
  0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a, 0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07,
  0x51, 0x1a,
]);

const ed25519Support = new WeakMap<SubtleCrypto, Promise<boolean>>();

/**
 * Whether this WebCrypto can verify Ed25519 (browsers added it in 2023–2025;
 * older ones throw NotSupportedError): asked once per WebCrypto object by
 * importing a known-good key, and remembered.
 */
export function supportsEd25519(subtle: SubtleCrypto): Promise<boolean> {
  let known = ed25519Support.get(subtle);
  if (!known) {
    known = Promise.resolve()
      .then(() => subtle.importKey('raw', toBuffer(ED25519_PROBE_KEY), { name: 'Ed25519' }, false, ['verify']))
      .then(
        () => true,
        () => false,
      );
    ed25519Support.set(subtle, known);
  }
  return known;
}

function isNotSupported(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === 'NotSupportedError';
}

function hashName(alg: DkimAlgorithm): 'SHA-256' | 'SHA-1' {
  return alg === 'rsa-sha1' ? 'SHA-1' : 'SHA-256';
}

function toBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function verifySignature(subtle: SubtleCrypto, signature: DkimSignature, key: DkimKey, data: Uint8Array, sig: Uint8Array): Promise<boolean> {
  if (key.type === 'ed25519') {
    const k = await subtle.importKey('raw', toBuffer(key.keyData), { name: 'Ed25519' }, false, ['verify']);
    // RFC 8463 §3: Ed25519 signs the SHA-256 hash of the header data.
    const digest = await subtle.digest('SHA-256', toBuffer(data));
    return subtle.verify({ name: 'Ed25519' }, k, toBuffer(sig), digest);
  }
  const k = await subtle.importKey('spki', toBuffer(key.keyData), { name: 'RSASSA-PKCS1-v1_5', hash: hashName(signature.algorithm) }, false, ['verify']);
  return subtle.verify('RSASSA-PKCS1-v1_5', k, toBuffer(sig), toBuffer(data));
}

/** Verify one DKIM-Signature field of a message. `body` undefined = headers only. */
export async function verifyDkimField(
  index: number,
  field: HeaderField,
  fields: readonly HeaderField[],
  body: string | undefined,
  options: DkimOptions,
): Promise<DkimResult> {
  const parsed = parseDkimSignature(field.value);
  if (!parsed.ok) {
    return {
      index,
      result: 'permerror',
      reason: parsed.reason,
      ...(parsed.detail === undefined ? {} : { detail: parsed.detail }),
      ...(parsed.domain === undefined ? {} : { domain: parsed.domain }),
      ...(parsed.selector === undefined ? {} : { selector: parsed.selector }),
      ...(parsed.algorithm === undefined ? {} : { algorithm: parsed.algorithm }),
      notes: [],
    };
  }
  const sig = parsed.signature;
  const notes: DkimNote[] = ['checked-now'];
  const base = {
    index,
    domain: sig.domain,
    selector: sig.selector,
    algorithm: sig.algorithm,
    canonicalization: `${sig.headerCanon}/${sig.bodyCanon}`,
    signedHeaders: sig.signedHeaders,
    identity: sig.identity,
    ...(sig.bodyLength === undefined ? {} : { bodyLength: sig.bodyLength }),
    ...(sig.timestamp === undefined ? {} : { timestamp: sig.timestamp }),
    ...(sig.expiration === undefined ? {} : { expiration: sig.expiration }),
  };
  const done = (result: AuthResult, reason: DkimReason, extra: Partial<DkimResult> = {}): DkimResult => ({ ...base, result, reason, notes, ...extra });

  const subtle = options.subtle ?? (globalThis as { crypto?: Crypto }).crypto?.subtle;

  // The key: needed for every outcome below.
  const lookup = await lookupKey(sig, options);
  if (!lookup.key) {
    const reason = lookup.reason ?? 'key-syntax';
    return done(reason === 'dns-error' ? 'temperror' : 'permerror', reason, lookup.detail === undefined ? {} : { detail: lookup.detail });
  }
  const key = lookup.key;
  if (lookup.multiple) notes.push('multiple-key-records');
  if (key.testing) notes.push('testing');
  if (key.ed25519Spki) notes.push('ed25519-spki-key');
  const keyInfo = { keyType: key.type, keyBits: key.bits } as const;
  const expectedType = sig.algorithm === 'ed25519-sha256' ? 'ed25519' : 'rsa';
  if (key.type !== expectedType) return done('permerror', 'key-type-mismatch', { ...keyInfo, detail: `k=${key.type}` });
  const hashWord = sig.algorithm === 'rsa-sha1' ? 'sha1' : 'sha256';
  if (key.hashes && !key.hashes.includes(hashWord)) return done('permerror', 'key-hash-not-allowed', { ...keyInfo, detail: key.hashes.join(':') });
  if (!key.services.includes('*') && !key.services.includes('email')) return done('permerror', 'key-service-mismatch', { ...keyInfo, detail: key.services.join(':') });
  if (key.strict && sig.identity.slice(sig.identity.lastIndexOf('@') + 1).toLowerCase().replace(/\.$/, '') !== sig.domain) {
    return done('permerror', 'key-strict-identity', keyInfo);
  }
  if (key.type === 'rsa' && key.bits < 1024) return done('fail', 'key-too-short', { ...keyInfo, detail: String(key.bits) });
  if (!subtle) return done('temperror', 'crypto-unavailable', keyInfo);

  // Body hash (when there is a body).
  let bodyHashMatched: boolean | undefined;
  if (body !== undefined) {
    let canon = canonBody(body, sig.bodyCanon);
    if (sig.bodyLength !== undefined) {
      if (sig.bodyLength > canon.length) return done('fail', 'body-truncated', { ...keyInfo, detail: `${canon.length} < ${sig.bodyLength}` });
      if (sig.bodyLength < canon.length) notes.push('partial-body');
      canon = canon.slice(0, sig.bodyLength);
    }
    try {
      const digest = new Uint8Array(await subtle.digest(hashName(sig.algorithm), toBuffer(byteStringToBytes(canon))));
      const expected = decodeBase64ToByteString(sig.bh, true);
      bodyHashMatched = expected !== undefined && encodeBase64(digest) === encodeBase64(byteStringToBytes(expected));
    } catch {
      return done('temperror', 'crypto-unavailable', keyInfo);
    }
  }

  // Signature over the header fields. A WebCrypto without Ed25519 cannot tell: say so, not that the key is bad.
  const bodyInfo = bodyHashMatched === undefined ? {} : { bodyHashMatched };
  if (key.type === 'ed25519' && !(await supportsEd25519(subtle))) return done('temperror', 'ed25519-unsupported', { ...keyInfo, ...bodyInfo });
  const data = byteStringToBytes(signedHeaderData(fields, field, sig.signedHeaders, sig.headerCanon));
  const sigBytes = decodeBase64ToByteString(sig.b, true);
  if (sigBytes === undefined) return done('permerror', 'malformed-signature', { ...keyInfo, detail: 'b' });
  let headersVerified: boolean;
  try {
    headersVerified = await verifySignature(subtle, sig, key, data, byteStringToBytes(sigBytes));
  } catch (e) {
    // The platform lacks the algorithm: nothing is known about the signature.
    if (isNotSupported(e)) return done('temperror', key.type === 'ed25519' ? 'ed25519-unsupported' : 'crypto-unavailable', { ...keyInfo, ...bodyInfo });
    // WebCrypto refused the key itself (e.g. an RSA modulus it does not support, Ed25519 bytes that are no point).
    return done('permerror', 'key-syntax', { ...keyInfo, detail: 'the key could not be imported' });
  }
  const verdicts = { ...keyInfo, headersVerified, ...(bodyHashMatched === undefined ? {} : { bodyHashMatched }) };

  if (sig.expiration !== undefined && sig.expiration * 1000 < options.now) {
    if (headersVerified && bodyHashMatched !== false) notes.push('valid-but-expired');
    return done('permerror', 'expired', verdicts);
  }
  if (bodyHashMatched === false) return done('fail', 'body-hash-mismatch', verdicts);
  if (!headersVerified) return done('fail', 'signature-mismatch', verdicts);
  if (body === undefined) return done('neutral', 'no-body', verdicts);
  if (sig.algorithm === 'rsa-sha1') return done('policy', 'sha1-obsolete', verdicts);
  return done('pass', 'verified', verdicts);
}

/**
 * Verify every DKIM-Signature field (top first), in parallel, calling
 * `onResult` as each one settles. At most LIMITS.maxDkimSignatures are
 * checked; the rest are `neutral` / `not-checked`.
 */
export async function verifyDkim(
  fields: readonly HeaderField[],
  body: string | undefined,
  options: DkimOptions & { readonly onResult?: (result: DkimResult) => void },
): Promise<DkimResult[]> {
  const sigFields = allFields(fields, 'dkim-signature');
  const results = await Promise.all(
    sigFields.map(async (field, index) => {
      let result: DkimResult;
      if (index >= LIMITS.maxDkimSignatures) {
        const parsed = parseDkimSignature(field.value);
        result = {
          index,
          result: 'neutral',
          reason: 'not-checked',
          ...(parsed.ok ? { domain: parsed.signature.domain, selector: parsed.signature.selector } : {}),
          notes: [],
        };
      } else {
        result = await verifyDkimField(index, field, fields, body, options);
      }
      options.onResult?.(result);
      return result;
    }),
  );
  return results;
}
