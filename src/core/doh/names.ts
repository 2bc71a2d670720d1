/**
 * What a person types into the lookup or propagation tool, as a name to put
 * into a query: trimmed, lower-case, no trailing dot, Unicode labels as
 * punycode (the URL parser does that conversion, in browsers and in Node). A
 * pasted URL or e-mail address gives its domain. Underscores (`_dmarc`) and a
 * wildcard label are allowed: these are DNS names, not host names.
 */
import { reverseName } from './ip';

export type QueryNameResult =
  { readonly ok: true; readonly name: string } | { readonly ok: false; readonly code: 'empty' | 'invalid-name' };

const LABEL = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/;

export function toQueryName(input: string): QueryNameResult {
  let text = input.trim();
  if (text === '') return { ok: false, code: 'empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return { ok: false, code: 'invalid-name' };
    }
  }
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(at + 1);
  if (text === '.') return { ok: true, name: '.' };
  if (text.endsWith('.')) text = text.slice(0, -1);
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(text)) {
    try {
      text = new URL(`http://${text}/`).hostname;
    } catch {
      return { ok: false, code: 'invalid-name' };
    }
  }
  text = text.toLowerCase();
  const labels = text.split('.');
  if (text.length > 253 || !labels.every((l) => LABEL.test(l))) return { ok: false, code: 'invalid-name' };
  return { ok: true, name: text };
}

/**
 * The name a PTR lookup should ask for: an IP address becomes its
 * in-addr.arpa / ip6.arpa name; anything else goes through toQueryName.
 */
export function toPtrName(input: string): QueryNameResult & { readonly fromIp?: boolean } {
  const reversed = reverseName(input.trim());
  if (reversed) return { ok: true, name: reversed, fromIp: true };
  return toQueryName(input);
}
