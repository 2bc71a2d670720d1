/**
 * TXT character-strings: one string is at most 255 bytes on the wire, so a long
 * value (a DKIM key) is published as several strings, and readers join them
 * with no separator (RFC 7208 §3.3, RFC 6376 §3.6.2.2).
 */

const encoder = new TextEncoder();

/** Join the character-strings of one TXT record. */
export function joinTxt(strings: readonly string[]): string {
  return strings.join('');
}

/** UTF-8 length in bytes. */
export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

/**
 * Split a value into strings of at most `max` UTF-8 bytes, never inside a
 * character. An empty value is one empty string.
 */
export function splitTxt(value: string, max = 255): string[] {
  const limit = Math.max(4, Math.floor(max));
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of value) {
    const n = utf8Length(ch);
    if (bytes + n > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts;
}
