/**
 * Strict base64 decoding and a tiny DER reader, enough to find the size of an
 * RSA public key in a DKIM record. No dependencies; untrusted input in, typed
 * result out, never throws.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i] as const));

/** Decode standard base64 (whitespace ignored, padding optional). Undefined if invalid. */
export function decodeBase64(input: string): Uint8Array | undefined {
  const s = input.replace(/\s+/g, '').replace(/=+$/, '');
  if (s.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const ch of s) {
    const v = LOOKUP.get(ch);
    if (v === undefined) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

export interface DerNode {
  readonly tag: number;
  /** Offset of the content. */
  readonly start: number;
  readonly length: number;
}

/** Read one TLV at `offset`. Undefined when it does not fit the buffer. */
export function readDer(buf: Uint8Array, offset: number): DerNode | undefined {
  if (offset + 2 > buf.length) return undefined;
  const tag = buf[offset]!;
  let len = buf[offset + 1]!;
  let pos = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || pos + n > buf.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos + i]!;
    pos += n;
  }
  if (pos + len > buf.length) return undefined;
  return { tag, start: pos, length: len };
}

/** Children of a constructed node. */
export function derChildren(buf: Uint8Array, node: DerNode): DerNode[] | undefined {
  const out: DerNode[] = [];
  let pos = node.start;
  const end = node.start + node.length;
  while (pos < end) {
    const child = readDer(buf, pos);
    if (!child || child.start + child.length > end) return undefined;
    out.push(child);
    pos = child.start + child.length;
  }
  return out;
}

const TAG_INTEGER = 0x02;
const TAG_BIT_STRING = 0x03;
const TAG_SEQUENCE = 0x30;
/** 1.2.840.113549.1.1.1 rsaEncryption */
const RSA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

/** Bit length of a positive DER INTEGER. */
function integerBits(buf: Uint8Array, node: DerNode): number {
  let i = node.start;
  const end = node.start + node.length;
  while (i < end && buf[i] === 0) i++;
  if (i >= end) return 0;
  const first = buf[i]!;
  return (end - i - 1) * 8 + (32 - Math.clz32(first));
}

/** Modulus size of RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }. */
function rsaPublicKeyBits(buf: Uint8Array, offset: number, end: number): number | undefined {
  const seq = readDer(buf, offset);
  if (!seq || seq.tag !== TAG_SEQUENCE || seq.start + seq.length > end) return undefined;
  const kids = derChildren(buf, seq);
  if (!kids || kids.length !== 2 || kids[0]!.tag !== TAG_INTEGER || kids[1]!.tag !== TAG_INTEGER) return undefined;
  return integerBits(buf, kids[0]!);
}

export type RsaKeyInfo = { readonly ok: true; readonly bits: number } | { readonly ok: false; readonly reason: 'base64' | 'der' | 'not-rsa' };

/** An RSA public key read from base64: its modulus size and its SubjectPublicKeyInfo DER (a PKCS#1 key wrapped). */
export type RsaPublicKey =
  | { readonly ok: true; readonly bits: number; readonly spki: Uint8Array; readonly format: 'spki' | 'pkcs1' }
  | { readonly ok: false; readonly reason: 'base64' | 'der' | 'not-rsa' };

function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** PKCS#1 RSAPublicKey bytes wrapped into SubjectPublicKeyInfo (what WebCrypto imports as `spki`). */
function wrapPkcs1(pkcs1: Uint8Array): Uint8Array {
  const algId = [TAG_SEQUENCE, 0x0d, 0x06, 0x09, ...RSA_OID, 0x05, 0x00];
  const bitString = [TAG_BIT_STRING, ...derLength(pkcs1.length + 1), 0x00, ...pkcs1];
  const body = [...algId, ...bitString];
  return new Uint8Array([TAG_SEQUENCE, ...derLength(body.length), ...body]);
}

/**
 * An RSA key given as base64 SubjectPublicKeyInfo (what DKIM publishes, RFC
 * 6376 §3.6.1), or as a bare PKCS#1 RSAPublicKey (which some consoles show):
 * its modulus size and its SPKI bytes. The whole input must be the key.
 */
export function rsaPublicKey(base64: string): RsaPublicKey {
  const buf = decodeBase64(base64);
  if (!buf || buf.length === 0) return { ok: false, reason: 'base64' };
  const top = readDer(buf, 0);
  if (!top || top.tag !== TAG_SEQUENCE || top.start + top.length !== buf.length) return { ok: false, reason: 'der' };
  const kids = derChildren(buf, top);
  if (!kids || kids.length !== 2) return { ok: false, reason: 'der' };
  const [a, b] = kids as [DerNode, DerNode];
  // PKCS#1: SEQUENCE { INTEGER, INTEGER }
  if (a.tag === TAG_INTEGER && b.tag === TAG_INTEGER) return { ok: true, bits: integerBits(buf, a), spki: wrapPkcs1(buf), format: 'pkcs1' };
  // SPKI: SEQUENCE { SEQUENCE { OID, params }, BIT STRING }
  if (a.tag !== TAG_SEQUENCE || b.tag !== TAG_BIT_STRING) return { ok: false, reason: 'der' };
  const alg = derChildren(buf, a);
  const oid = alg?.[0];
  if (!oid || oid.tag !== 0x06) return { ok: false, reason: 'der' };
  const oidBytes = buf.subarray(oid.start, oid.start + oid.length);
  if (oidBytes.length !== RSA_OID.length || !RSA_OID.every((x, i) => oidBytes[i] === x)) return { ok: false, reason: 'not-rsa' };
  // BIT STRING: first content byte is the count of unused bits.
  if (b.length < 1) return { ok: false, reason: 'der' };
  const bits = rsaPublicKeyBits(buf, b.start + 1, b.start + b.length);
  return bits === undefined ? { ok: false, reason: 'der' } : { ok: true, bits, spki: buf, format: 'spki' };
}

/** Size of an RSA key given as base64 SubjectPublicKeyInfo or PKCS#1 (see rsaPublicKey). */
export function rsaKeyBits(base64: string): RsaKeyInfo {
  const key = rsaPublicKey(base64);
  return key.ok ? { ok: true, bits: key.bits } : key;
}
