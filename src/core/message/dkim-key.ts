/**
 * DKIM key records (RFC 6376 §3.6.1, RFC 8463 §4) as a verifier needs them:
 * v, h, k (rsa, ed25519), p (empty = revoked), s (service types), t (flags y
 * and s), the RSA modulus size, and the key bytes ready for WebCrypto (an RSA
 * key in SubjectPublicKeyInfo form — a bare PKCS#1 key, which some consoles
 * publish, is wrapped; an Ed25519 key as its 32 raw bytes). Written here rather
 * than taken from src/core/records/dkim.ts, which serves the record generator
 * and checker (pasted console values, different error codes) and changes with
 * them; this one only reads what a verifier must, and never throws.
 */
import { byteStringToBytes, decodeBase64ToByteString } from './bytes';
import { parseTagList } from './dkim-tags';

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

interface Der {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

function readDer(buf: Uint8Array, at: number, limit = buf.length): Der | undefined {
  if (at + 2 > limit) return undefined;
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let pos = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || pos + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos + i]!;
    pos += n;
  }
  if (pos + len > limit) return undefined;
  return { tag, start: pos, end: pos + len };
}

function children(buf: Uint8Array, node: Der): Der[] | undefined {
  const out: Der[] = [];
  let pos = node.start;
  while (pos < node.end) {
    const child = readDer(buf, pos, node.end);
    if (!child) return undefined;
    out.push(child);
    pos = child.end;
    if (out.length > 8) return undefined;
  }
  return out;
}

function integerBits(buf: Uint8Array, node: Der): number {
  let i = node.start;
  while (i < node.end && buf[i] === 0) i++;
  if (i >= node.end) return 0;
  return (node.end - i - 1) * 8 + (32 - Math.clz32(buf[i]!));
}

const RSA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** Wrap PKCS#1 RSAPublicKey bytes into SubjectPublicKeyInfo. */
function wrapPkcs1(pkcs1: Uint8Array): Uint8Array {
  const algId = [0x30, 0x0d, 0x06, 0x09, ...RSA_OID, 0x05, 0x00];
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00, ...pkcs1];
  const body = [...algId, ...bitString];
  return new Uint8Array([0x30, ...derLength(body.length), ...body]);
}

/** Modulus bits of an RSA key given as SPKI or PKCS#1, plus the SPKI bytes. */
function readRsa(buf: Uint8Array): { spki: Uint8Array; bits: number } | undefined {
  const top = readDer(buf, 0);
  if (!top || top.tag !== 0x30 || top.end !== buf.length) return undefined;
  const kids = children(buf, top);
  if (!kids || kids.length !== 2) return undefined;
  const [a, b] = kids as [Der, Der];
  if (a.tag === 0x02 && b.tag === 0x02) return { spki: wrapPkcs1(buf), bits: integerBits(buf, a) };
  if (a.tag !== 0x30 || b.tag !== 0x03) return undefined;
  const alg = children(buf, a);
  const oid = alg?.[0];
  if (!oid || oid.tag !== 0x06 || oid.end - oid.start !== RSA_OID.length || !RSA_OID.every((x, i) => buf[oid.start + i] === x)) return undefined;
  if (b.end - b.start < 2 || buf[b.start] !== 0) return undefined;
  const inner = readDer(buf, b.start + 1, b.end);
  if (!inner || inner.tag !== 0x30) return undefined;
  const ints = children(buf, inner);
  if (!ints || ints.length !== 2 || ints[0]!.tag !== 0x02 || ints[1]!.tag !== 0x02) return undefined;
  return { spki: buf, bits: integerBits(buf, ints[0]!) };
}

/** Parse a key record (the TXT strings joined with no separator). */
export function parseDkimKey(text: string): KeyParse {
  if (text.length > 16 * 1024) return { ok: false, reason: 'key-syntax', detail: 'record longer than 16 KB' };
  const list = parseTagList(text);
  if (!list.ok) return { ok: false, reason: 'key-syntax', detail: list.detail };
  const t = list.tags;
  const v = t.get('v');
  if (v !== undefined && (v !== 'DKIM1' || [...t.keys()][0] !== 'v')) return { ok: false, reason: 'key-syntax', detail: 'v' };
  const p = t.get('p');
  if (p === undefined) return { ok: false, reason: 'key-syntax', detail: 'no p=' };
  const pClean = p.replace(/[ \t\r\n]+/g, '');
  if (pClean === '') return { ok: false, reason: 'key-revoked' };
  const k = (t.get('k') ?? 'rsa').trim().toLowerCase();
  if (k !== 'rsa' && k !== 'ed25519') return { ok: false, reason: 'key-syntax', detail: `k=${k.slice(0, 20)}` };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(pClean)) return { ok: false, reason: 'key-syntax', detail: 'p is not base64' };
  const decoded = decodeBase64ToByteString(pClean, true);
  if (decoded === undefined || decoded.length === 0) return { ok: false, reason: 'key-syntax', detail: 'p is not base64' };
  const bytes = byteStringToBytes(decoded);

  const h = t.get('h');
  const hashes = h === undefined ? undefined : h.split(':').map((x) => x.trim().toLowerCase());
  const services = (t.get('s') ?? '*').split(':').map((x) => x.trim().toLowerCase());
  const flags = (t.get('t') ?? '').split(':').map((x) => x.trim().toLowerCase());
  const common = {
    ...(hashes ? { hashes } : {}),
    services,
    testing: flags.includes('y'),
    strict: flags.includes('s'),
  };

  if (k === 'ed25519') {
    if (bytes.length === 32) return { ok: true, key: { type: 'ed25519', keyData: bytes, bits: 256, ...common } };
    if (bytes.length === 44 && ED25519_SPKI_PREFIX.every((x, i) => bytes[i] === x)) {
      return { ok: true, key: { type: 'ed25519', keyData: bytes.subarray(12), bits: 256, ed25519Spki: true, ...common } };
    }
    return { ok: false, reason: 'key-syntax', detail: `ed25519 key of ${bytes.length} bytes` };
  }
  const rsa = readRsa(bytes);
  if (!rsa) return { ok: false, reason: 'key-syntax', detail: 'p is not an RSA public key' };
  return { ok: true, key: { type: 'rsa', keyData: rsa.spki, bits: rsa.bits, ...common } };
}
