/**
 * DKIM canonicalisation (RFC 6376 §3.4) of header fields and body, and the
 * selection of signed header fields (§5.4.2: for each name in h=, the last
 * not yet used instance, bottom up; a name with no instance left contributes
 * nothing). Works on byte strings (./bytes.ts) so "simple" hashes exactly the
 * bytes of the message. The body functions are linear; the caller may run
 * them in a worker for a 10 MB message.
 */
import type { HeaderField } from './header';
import type { Canon } from './dkim-tags';

/** One header field, canonicalised, with its terminating CRLF. */
export function canonHeader(field: Pick<HeaderField, 'raw'>, canon: Canon): string {
  if (canon === 'simple') return `${field.raw}\r\n`;
  const colon = field.raw.indexOf(':');
  const name = field.raw.slice(0, colon).replace(/[ \t]+$/, '').toLowerCase();
  const value = field.raw
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
  return `${name}:${value}\r\n`;
}

/**
 * The DKIM-Signature field itself as it enters the hash: its b= value emptied
 * (surrounding whitespace included), canonicalised, without the final CRLF
 * (§3.7).
 */
export function canonSignatureField(field: Pick<HeaderField, 'raw'>, canon: Canon): string {
  const colon = field.raw.indexOf(':');
  const head = field.raw.slice(0, colon + 1);
  const value = field.raw.slice(colon + 1).replace(/(^|;)([ \t\r\n]*b[ \t\r\n]*=)[^;]*/, '$1$2');
  return canonHeader({ raw: head + value }, canon).slice(0, -2);
}

/** Pick the fields h= names (bottom up, each instance once). */
export function selectSignedFields(fields: readonly HeaderField[], names: readonly string[], exclude?: HeaderField): HeaderField[] {
  const used = new Set<HeaderField>();
  if (exclude) used.add(exclude);
  const out: HeaderField[] = [];
  for (const name of names) {
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i]!;
      if (f.key === name && !used.has(f)) {
        used.add(f);
        out.push(f);
        break;
      }
    }
  }
  return out;
}

/** The header data that is signed: every selected field, then the signature field (§3.7). */
export function signedHeaderData(fields: readonly HeaderField[], signature: HeaderField, names: readonly string[], canon: Canon): string {
  // The signature field itself is never one of the h= instances it signs (it is appended below).
  const selected = selectSignedFields(fields, names, signature);
  return selected.map((f) => canonHeader(f, canon)).join('') + canonSignatureField(signature, canon);
}

/** Without the CRLFs at its end (a loop, not a regex: a regex anchored at $ is quadratic on long runs of blank lines). */
function trimTrailingCrlf(s: string): string {
  let end = s.length;
  while (end >= 2 && s.charCodeAt(end - 2) === 0x0d && s.charCodeAt(end - 1) === 0x0a) end -= 2;
  return end === s.length ? s : s.slice(0, end);
}

/** Canonicalised body (§3.4.3, §3.4.4). */
export function canonBody(body: string, canon: Canon): string {
  if (canon === 'simple') return `${trimTrailingCrlf(body)}\r\n`;
  let out = body.replace(/[ \t]+/g, ' ').replace(/ \r\n/g, '\r\n');
  if (out.endsWith(' ')) out = out.slice(0, -1);
  out = trimTrailingCrlf(out);
  return out === '' ? '' : `${out}\r\n`;
}
