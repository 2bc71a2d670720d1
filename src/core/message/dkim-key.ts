/**
 * DKIM key records as a verifier needs them (RFC 6376 §3.6.1, RFC 8463 §4):
 * the key bytes ready for WebCrypto (an RSA key in SubjectPublicKeyInfo form,
 * an Ed25519 key as its 32 raw bytes), its size, and the h=, s= and t= flags
 * the verifier applies itself (../message/dkim-verify.ts turns them into
 * reasons). The record is read by the core's one key parser,
 * src/core/records/dkim.ts; this module only says which of its findings stop
 * a verifier (a revoked key, no usable key) and which it reports otherwise (a
 * key of the wrong type or hash, a key not for email, a short key, an Ed25519
 * key published as SubjectPublicKeyInfo — accepted, and said). Never throws.
 */
import { parseDkim, type DkimErrorCode, type DkimRecord } from '../records/dkim';

export interface DkimKey {
  readonly type: 'rsa' | 'ed25519';
  /** DER SubjectPublicKeyInfo (rsa) or 32 raw bytes (ed25519). */
  readonly keyData: Uint8Array;
  /** RSA modulus bits; 256 for ed25519. */
  readonly bits: number;
  /** Allowed hash algorithms (h=), lower-case; undefined = any. */
  readonly hashes?: readonly string[];
  /** Service types (s=); default ['*']. */
  readonly services: readonly string[];
  /** t=y: the domain is testing DKIM. */
  readonly testing: boolean;
  /** t=s: i= must not be a subdomain of d=. */
  readonly strict: boolean;
  /** An Ed25519 key published as SubjectPublicKeyInfo instead of the raw 32 bytes RFC 8463 asks for. */
  readonly ed25519Spki?: boolean;
}

export type KeyParse =
  | { readonly ok: true; readonly key: DkimKey }
  | { readonly ok: false; readonly reason: 'key-revoked' | 'key-syntax'; readonly detail?: string };

/** The parser's errors that leave no key to verify with, in the order a verifier reports them (the tag list first, then v, then p). */
const STOPPING: readonly DkimErrorCode[] = ['malformed-tag', 'duplicate-tag', 'bad-version', 'missing-key', 'revoked', 'unknown-key-type', 'invalid-base64', 'invalid-key', 'ed25519-length'];

/** A short reason a key record cannot be used, for the result's detail. */
function detailOf(parsed: DkimRecord, code: DkimErrorCode): string | undefined {
  const e = parsed.errors.find((x) => x.code === code);
  switch (code) {
    case 'malformed-tag':
      return (e?.value ?? '').slice(0, 40);
    case 'duplicate-tag':
      return `duplicate ${e?.tag ?? ''}`;
    case 'bad-version':
      return 'v';
    case 'missing-key':
      return 'no p=';
    case 'unknown-key-type':
      return `k=${parsed.tags.k.slice(0, 20)}`;
    case 'invalid-base64':
      return 'p is not base64';
    case 'invalid-key':
      return 'p is not an RSA public key';
    case 'ed25519-length':
      return `ed25519 key of ${e?.length ?? 0} bytes`;
    default:
      return undefined;
  }
}

/** Parse a key record (the TXT strings joined with no separator). */
export function parseDkimKey(text: string): KeyParse {
  if (text.length > 16 * 1024) return { ok: false, reason: 'key-syntax', detail: 'record longer than 16 KB' };
  const parsed = parseDkim(text);
  const stop = STOPPING.find((code) => parsed.errors.some((e) => e.code === code));
  if (stop === 'revoked') return { ok: false, reason: 'key-revoked' };
  if (stop !== undefined) {
    const detail = detailOf(parsed, stop);
    return { ok: false, reason: 'key-syntax', ...(detail === undefined ? {} : { detail }) };
  }
  const { keyData, keyBits } = parsed;
  const type = parsed.tags.k;
  if (!keyData || keyBits === undefined || (type !== 'rsa' && type !== 'ed25519')) return { ok: false, reason: 'key-syntax' };
  return {
    ok: true,
    key: {
      type,
      keyData,
      bits: keyBits,
      ...(parsed.hashes ? { hashes: parsed.hashes } : {}),
      services: parsed.services,
      testing: parsed.testing,
      strict: parsed.strict,
      ...(parsed.keyFormat === 'ed25519-spki' ? { ed25519Spki: true } : {}),
    },
  };
}
