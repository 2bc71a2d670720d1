/**
 * A small DKIM signer for tests (RFC 6376 §5), with its OWN canonicalisation
 * written independently of src/core/message/dkim-canon.ts, so that a bug in
 * one is less likely to be mirrored in the other. (The published RFC 8463 and
 * RFC 6376 examples check the verifier against a hand we did not write.)
 * Keys are the committed fixtures in tests/fixtures/dkim/ (made with OpenSSL).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../fixtures/dkim/', import.meta.url));

export type FixtureKey = 'rsa2048' | 'ed25519' | 'rsa512';

export function keyRecord(name: FixtureKey): string {
  return readFileSync(`${FIXTURES}${name}.txt`, 'utf8').trim();
}

function pemBody(pem: string): Uint8Array<ArrayBuffer> {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

async function privateKey(name: FixtureKey, hash: 'SHA-256' | 'SHA-1'): Promise<CryptoKey> {
  const der = pemBody(readFileSync(`${FIXTURES}${name}.key.pem`, 'utf8'));
  if (name === 'ed25519') return crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
  return crypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['sign']);
}

/** Independent canonicalisation, line by line. */
function relaxedHeader(name: string, value: string): string {
  const unfolded = value.split('\r\n').join('');
  const squeezed = unfolded.split(/[ \t]+/).join(' ').trim();
  return `${name.trim().toLowerCase()}:${squeezed}\r\n`;
}

function bodyOf(message: string): string {
  const i = message.indexOf('\r\n\r\n');
  return i < 0 ? '' : message.slice(i + 4);
}

function canonBodyForSigning(body: string, canon: 'simple' | 'relaxed'): string {
  const lines = body.split('\r\n');
  // A body ending in CRLF splits into a last empty element.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const mapped = canon === 'relaxed' ? lines.map((l) => l.replace(/[ \t]+$/, '').replace(/[ \t]+/g, ' ')) : lines;
  while (mapped.length > 0 && mapped[mapped.length - 1] === '') mapped.pop();
  if (mapped.length === 0) return canon === 'relaxed' ? '' : '\r\n';
  return mapped.map((l) => `${l}\r\n`).join('');
}

interface RawField {
  name: string;
  raw: string;
  value: string;
}

function headerFields(message: string): RawField[] {
  const end = message.indexOf('\r\n\r\n');
  const head = end < 0 ? message : message.slice(0, end);
  const out: RawField[] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && out.length > 0) {
      const last = out[out.length - 1]!;
      last.raw += `\r\n${line}`;
      last.value += `\r\n${line}`;
    } else {
      const colon = line.indexOf(':');
      out.push({ name: line.slice(0, colon), raw: line, value: line.slice(colon + 1) });
    }
  }
  return out;
}

export interface SignOptions {
  key: FixtureKey;
  domain: string;
  selector: string;
  headers?: string[];
  canon?: `${'simple' | 'relaxed'}/${'simple' | 'relaxed'}`;
  algorithm?: 'rsa-sha256' | 'rsa-sha1' | 'ed25519-sha256';
  /** Sign only the first N bytes of the canonical body (l=). */
  bodyLength?: 'all' | number;
  identity?: string;
  timestamp?: number;
  expiration?: number;
  /** Extra tags appended as written (e.g. "z=…"). */
  extra?: string;
}

/** Returns the message with a DKIM-Signature field prepended (message must use CRLF). */
export async function signMessage(message: string, o: SignOptions): Promise<string> {
  const algorithm = o.algorithm ?? (o.key === 'ed25519' ? 'ed25519-sha256' : 'rsa-sha256');
  const [hc, bc] = (o.canon ?? 'relaxed/relaxed').split('/') as ['simple' | 'relaxed', 'simple' | 'relaxed'];
  const hash = algorithm === 'rsa-sha1' ? 'SHA-1' : 'SHA-256';
  const names = o.headers ?? ['from', 'to', 'subject', 'date', 'message-id'];
  let canonBody = canonBodyForSigning(bodyOf(message), bc);
  let l = '';
  if (o.bodyLength !== undefined) {
    const n = o.bodyLength === 'all' ? canonBody.length : o.bodyLength;
    canonBody = canonBody.slice(0, n);
    l = ` l=${n};`;
  }
  const bh = Buffer.from(await crypto.subtle.digest(hash, Buffer.from(canonBody, 'latin1'))).toString('base64');
  const tags = [
    `v=1; a=${algorithm}; c=${hc}/${bc}; d=${o.domain}; s=${o.selector};`,
    o.identity ? ` i=${o.identity};` : '',
    o.timestamp !== undefined ? ` t=${o.timestamp};` : '',
    o.expiration !== undefined ? ` x=${o.expiration};` : '',
    l,
    `\r\n\th=${names.join(':')};`,
    o.extra ? ` ${o.extra};` : '',
    `\r\n\tbh=${bh};\r\n\tb=`,
  ].join('');
  const fields = headerFields(message);
  const used = new Set<RawField>();
  let data = '';
  for (const name of names) {
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i]!;
      if (f.name.toLowerCase() === name && !used.has(f)) {
        used.add(f);
        data += hc === 'relaxed' ? relaxedHeader(f.name, f.value) : `${f.raw}\r\n`;
        break;
      }
    }
  }
  const sigField = `DKIM-Signature: ${tags}`;
  data += hc === 'relaxed' ? relaxedHeader('DKIM-Signature', ` ${tags}`).slice(0, -2) : sigField;
  const key = await privateKey(o.key, hash);
  const signed =
    o.key === 'ed25519'
      ? await crypto.subtle.sign({ name: 'Ed25519' }, key, await crypto.subtle.digest('SHA-256', Buffer.from(data, 'latin1')))
      : await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, Buffer.from(data, 'latin1'));
  const b = Buffer.from(signed).toString('base64');
  // Fold b= at 70 characters, as signers do.
  const folded = b.match(/.{1,70}/g)!.join('\r\n\t ');
  return `${sigField}${folded}\r\n${message}`;
}
