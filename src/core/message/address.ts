/**
 * RFC 5322 §3.4 addresses as found in From, To and Return-Path: display names
 * (quoted, with RFC 2047 encoded words — also inside quotes, as many mailers
 * write them), angle addresses with obsolete routes, groups, comments, and the
 * old `addr (Name)` form. The structure is read on the raw value before any
 * decoding, so a decoded display name holding `<` or `,` cannot change it.
 * Addresses may be UTF-8 (RFC 6532: `li@例子.cn`): they are decoded for
 * display, and their domain is given as DNS is asked it — A-labels
 * (`xn--fsqu00a.cn`), by the core's domain normaliser.
 */
import { normaliseDomain } from '~/core/domain';
import { decodeUnlabelled, isAscii } from './bytes';
import { decodeHeaderValue } from './encoded-words';
import type { InputError } from './types';

export interface Mailbox {
  /** Decoded display name ('' when none). */
  readonly name: string;
  /** `local@domain` as written (without angle brackets), UTF-8 decoded; may be '' for `<>`. */
  readonly address: string;
  /** The domain as DNS is asked it: lower case, no trailing dot, A-labels for an internationalised name; '' when there is none. */
  readonly domain: string;
}

export interface AddressList {
  readonly mailboxes: readonly Mailbox[];
  readonly errors: readonly InputError[];
}

/** Split on top-level commas (and group `;`), outside quotes, comments and angle brackets. */
function splitTopLevel(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let comment = 0;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && (quoted || comment > 0)) {
      cur += c + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
      cur += c;
      continue;
    }
    if (comment > 0) {
      if (c === '(') comment++;
      else if (c === ')') comment--;
      cur += c;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(') comment = 1;
    else if (c === '<') angle = true;
    else if (c === '>') angle = false;
    else if (!angle && (c === ',' || c === ';')) {
      out.push(cur);
      cur = '';
      continue;
    } else if (!angle && c === ':' && !cur.includes('@')) {
      // Group name "Team:" — drop it, its members follow.
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.filter((s) => s.trim() !== '');
}

function comments(s: string): string[] {
  const found: string[] = [];
  const re = /\(((?:[^()\\]|\\.)*)\)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) found.push(m[1]!.replace(/\\(.)/g, '$1'));
  return found;
}

function withoutComments(s: string): string {
  let prev = '';
  let cur = s;
  // Nested comments: remove innermost first, bounded.
  for (let n = 0; n < 10 && cur !== prev; n++) {
    prev = cur;
    cur = cur.replace(/\((?:[^()\\]|\\.)*\)/g, ' ');
  }
  return cur;
}

/** A domain as DNS is asked it: lower case, no trailing dot; a Unicode name in A-labels (one that cannot be converted stays as written, lower case). */
export function dnsDomain(domain: string): string {
  const t = domain.trim().replace(/\.$/, '');
  if (/^[\x00-\x7f]*$/.test(t)) return t.toLowerCase();
  const n = normaliseDomain(t);
  return n.ok ? n.ascii : t.toLowerCase();
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : dnsDomain(address.slice(at + 1));
}

/** `local@domain` with the domain in A-labels: what SPF is evaluated for. */
export function dnsAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at)}@${dnsDomain(address.slice(at + 1))}`;
}

/** An address from the raw field (a byte string): UTF-8 text (RFC 6532), as it reads. */
function addressText(bytes: string): string {
  return isAscii(bytes) ? bytes : decodeUnlabelled(bytes);
}

function phrase(raw: string): string {
  const t = raw.trim();
  // Join quoted strings and atoms; remove the quotes, keep their content.
  return t.replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => inner.replace(/\\(.)/g, '$1')).trim();
}

/**
 * Where the angle address of a mailbox begins: the first `<` outside quoted
 * strings and comments (`"<b>Boss</b>" <a@b>` → the second `<`), or -1.
 */
function angleStart(segment: string): number {
  let quoted = false;
  let comment = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && (quoted || comment > 0)) {
      i++;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
    } else if (comment > 0) {
      if (c === '(') comment++;
      else if (c === ')') comment--;
    } else if (c === '"') quoted = true;
    else if (c === '(') comment = 1;
    else if (c === '<') return i;
  }
  return -1;
}

/** Parse an address-list / mailbox-list header value (byte string, as in HeaderField.value). */
export function parseAddressList(value: string, field = 'from'): AddressList {
  const errors: InputError[] = [];
  const mailboxes: Mailbox[] = [];
  for (const segment of splitTopLevel(value).slice(0, 100)) {
    const lt = angleStart(segment);
    const gt = segment.indexOf('>', lt + 1);
    if (lt >= 0 && gt > lt) {
      let address = addressText(withoutComments(segment.slice(lt + 1, gt)).trim());
      address = address.replace(/^(?:@[^,:]+,?)+:/, ''); // obsolete route
      const decoded = decodeHeaderValue(phrase(withoutComments(segment.slice(0, lt))), field);
      errors.push(...decoded.errors);
      mailboxes.push({ name: decoded.text, address, domain: domainOf(address) });
      continue;
    }
    const address = addressText(withoutComments(segment).trim());
    const comment = comments(segment)[0] ?? '';
    const decoded = decodeHeaderValue(comment, field);
    errors.push(...decoded.errors);
    mailboxes.push({ name: decoded.text, address, domain: domainOf(address) });
  }
  return { mailboxes, errors };
}

/** The address of a Return-Path (`<a@b>` or `<>`); undefined when the value holds none. */
export function parseReturnPath(value: string): string | undefined {
  const t = withoutComments(value).trim();
  const m = /<([^>]*)>/.exec(t);
  if (m) return m[1]!.trim().replace(/^(?:@[^,:]+,?)+:/, '');
  if (/^[^\s<>]+@[^\s<>]+$/.test(t)) return t;
  return undefined;
}
