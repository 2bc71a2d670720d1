/**
 * Bytes as "byte strings": a JS string whose every char code is 0–255, one
 * char per byte of the message. The message analyser works on these because
 * DKIM needs the exact bytes (simple canonicalisation hashes them as they
 * are) while every parsing step wants regular expressions and slicing. A byte
 * string converts to a Uint8Array and back without loss, and ASCII text in it
 * reads as itself. Pure functions, no DOM; TextEncoder/TextDecoder exist in
 * browsers, workers and Node.
 */

const CHUNK = 0x8000;

const utf16 = new TextDecoder('utf-16le');

/**
 * Uint8Array → byte string. Each byte is widened to a UTF-16 code unit and
 * the whole buffer decoded natively (values 0–255 are never surrogates), so
 * 10 MB takes a few hundred milliseconds rather than seconds of
 * String.fromCharCode over chunks.
 */
export function bytesToByteString(bytes: Uint8Array): string {
  if (bytes.length < 256) return String.fromCharCode(...bytes);
  const wide = new Uint16Array(bytes.length);
  wide.set(bytes);
  return utf16.decode(wide);
}

/** Byte string → Uint8Array (chars above 0xFF are cut to their low byte; callers never pass them). */
export function byteStringToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

const encoder = new TextEncoder();

/** A JS (UTF-16) string as its UTF-8 bytes, in byte-string form. */
export function utf8ByteString(text: string): string {
  return bytesToByteString(encoder.encode(text));
}

/** Whether every char of a byte string is 7-bit. */
export function isAscii(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0080-\u00ff]/.test(s);
}

const decoderCache = new Map<string, TextDecoder | null>();

/**
 * A TextDecoder for a MIME charset label, or undefined when the platform does
 * not know it. Labels are WHATWG labels: `gb2312` decodes as GBK, `big5` as
 * Big5-HKSCS, `iso-8859-1` as windows-1252 — which is what mail software does.
 * A few labels seen in mail that WHATWG lacks are mapped to their nearest
 * known encoding.
 */
export function decoderFor(label: string, fatal = false): TextDecoder | undefined {
  const key = `${label.trim().toLowerCase()}|${fatal ? 'f' : ''}`;
  const cached = decoderCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let name = label.trim().toLowerCase();
  if (ALIASES[name] !== undefined) name = ALIASES[name]!;
  let decoder: TextDecoder | null = null;
  try {
    decoder = new TextDecoder(name, { fatal });
  } catch {
    decoder = null;
  }
  if (decoderCache.size > 64) decoderCache.clear();
  decoderCache.set(key, decoder);
  return decoder ?? undefined;
}

/** Labels mail software writes that the WHATWG Encoding Standard does not list. */
const ALIASES: Record<string, string> = {
  'utf8': 'utf-8',
  'cp936': 'gbk',
  'ms936': 'gbk',
  'windows-936': 'gbk',
  'x-gbk': 'gbk',
  'hz-gb-2312': 'gb18030',
  'cp950': 'big5',
  'big5-hkscs': 'big5',
  'x-big5': 'big5',
  'cp932': 'shift_jis',
  'ms932': 'shift_jis',
  'cp949': 'euc-kr',
  'ks_c_5601-1987': 'euc-kr',
  'iso-8859-8-i': 'iso-8859-8',
  'iso-8859-8-e': 'iso-8859-8',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'unknown-8bit': 'windows-1252',
  'x-unknown': 'windows-1252',
  'default': 'utf-8',
};

export type CharsetDecode = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: 'unknown-charset' };

/** Decode a byte string in the named charset (replacement characters for bad bytes). */
export function decodeCharset(bytes: string, charset: string): CharsetDecode {
  const decoder = decoderFor(charset);
  if (!decoder) return { ok: false, reason: 'unknown-charset' };
  return { ok: true, text: decoder.decode(byteStringToBytes(bytes)) };
}

/**
 * Text of raw 8-bit header or body bytes with no declared charset: UTF-8 when
 * the bytes are valid UTF-8 (RFC 6532), else GB18030 (the usual unlabelled
 * charset of Chinese mail software, a superset of GBK/GB2312) when that
 * decodes cleanly, else windows-1252, which never fails.
 */
export function decodeUnlabelled(bytes: string): string {
  if (isAscii(bytes)) return bytes;
  const raw = byteStringToBytes(bytes);
  for (const label of ['utf-8', 'gb18030']) {
    const d = decoderFor(label, true);
    if (!d) continue;
    try {
      return d.decode(raw);
    } catch {
      // not this one
    }
  }
  return decoderFor('windows-1252')!.decode(raw);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int16Array(256).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/**
 * Decode base64 into a byte string. `strict` refuses any character outside
 * the alphabet (whitespace is always skipped) and bad padding; lenient mode
 * (Content-Transfer-Encoding bodies, as mail readers do) skips stray
 * characters and stops at the first `=`.
 */
export function decodeBase64ToByteString(input: string, strict = false): string | undefined {
  let acc = 0;
  let bits = 0;
  let out = '';
  const parts: string[] = [];
  let pad = 0;
  let count = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) continue;
    if (c === 0x3d) {
      pad++;
      if (!strict) break;
      continue;
    }
    const v = c < 256 ? B64_VALUE[c]! : -1;
    if (v < 0 || pad > 0) {
      if (strict) return undefined;
      continue;
    }
    count++;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
      if (out.length >= CHUNK) {
        parts.push(out);
        out = '';
      }
    }
  }
  if (strict) {
    if (count % 4 === 1 || pad > 2 || (pad > 0 && (count + pad) % 4 !== 0)) return undefined;
  }
  parts.push(out);
  return parts.join('');
}

/** Standard base64 of bytes (for the canonical data in tests and for b= checks). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? `${B64[(n >> 6) & 63]!}=` : '==';
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Quoted-printable (RFC 2045 §6.7) into a byte string. Soft line breaks
 * (`=` at the end of a line) join lines; a malformed `=` escape is kept as it
 * is, as the RFC advises readers to do.
 */
export function decodeQuotedPrintable(input: string): string {
  const parts: string[] = [];
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (ch !== '=') {
      out += ch;
    } else {
      const a = input.charCodeAt(i + 1);
      const b = input.charCodeAt(i + 2);
      if (a === 0x0d && b === 0x0a) {
        i += 2;
      } else if (a === 0x0a) {
        i += 1;
      } else {
        const hi = hexValue(a);
        const lo = hexValue(b);
        if (hi >= 0 && lo >= 0) {
          out += String.fromCharCode(hi * 16 + lo);
          i += 2;
        } else {
          // Soft break with trailing whitespace before the line end.
          const m = /^[ \t]*\r?\n/.exec(input.slice(i + 1, i + 80));
          if (m) i += m[0].length;
          else out += '=';
        }
      }
    }
    if (out.length >= CHUNK) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out);
  return parts.join('');
}
