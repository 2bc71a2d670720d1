/**
 * Enough MIME (RFC 2045–2049) to read a bounce and show a message: the
 * Content-Type and its parameters (RFC 2231 continuations and charsets
 * included), a walk of multipart bodies, base64 and quoted-printable
 * decoding, text in its declared charset, and the parts a bounce carries —
 * message/delivery-status (RFC 3464), message/global-delivery-status
 * (RFC 6533), message/rfc822 and message/global (the returned message), and
 * text/rfc822-headers / message/global-headers (its headers only). Bounded
 * by part count and depth; a broken structure is an error, not a crash.
 */
import { decodeBase64ToByteString, decodeCharset, decodeQuotedPrintable, decodeUnlabelled } from './bytes';
import { firstField, splitMessage, type HeaderField } from './header';
import { LIMITS, type InputError } from './types';

export interface ContentType {
  /** Lower-case `type/subtype`; `text/plain` when absent or unreadable (RFC 2045 §5.2). */
  readonly type: string;
  /** Parameters with lower-case names, RFC 2231 continuations joined and decoded. */
  readonly params: Readonly<Record<string, string>>;
}

/** Remove RFC 5322 comments (nested, with quoted-pairs) outside quoted strings. */
export function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += c + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (quoted) {
      out += c;
      if (c === '"') quoted = false;
      continue;
    }
    if (depth > 0) {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (depth === 0) out += ' ';
      continue;
    }
    if (c === '(') depth = 1;
    else {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return out;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  return t;
}

/** Split `a=1; b="x;y"` on semicolons outside quotes. */
function splitParams(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && quoted) {
      cur += c + (s[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      cur += c;
    } else if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function percentDecode(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Parse a structured header value `type/subtype; name=value; …` (also
 * Content-Disposition: its "type" is then the disposition). Values are text:
 * RFC 2231 extended values are decoded from their charset, plain 8-bit values
 * as UTF-8/GB18030.
 */
export function parseStructured(value: string): { readonly main: string; readonly params: Readonly<Record<string, string>> } {
  const parts = splitParams(stripComments(value));
  const main = (parts[0] ?? '').trim().toLowerCase();
  const simple: Record<string, string> = {};
  // name → { index → { value, extended } }
  const pieces = new Map<string, Map<number, { value: string; extended: boolean }>>();
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const rawName = part.slice(0, eq).trim().toLowerCase();
    const rawValue = part.slice(eq + 1).trim();
    const m = /^([^*]+)(?:\*(\d{1,3}))?(\*)?$/.exec(rawName);
    if (!m) continue;
    const name = m[1]!;
    if (m[2] === undefined && m[3] === undefined) {
      if (!(name in simple)) simple[name] = decodeUnlabelled(unquote(rawValue));
      continue;
    }
    const index = m[2] === undefined ? 0 : Number(m[2]);
    if (!pieces.has(name)) pieces.set(name, new Map());
    if (pieces.get(name)!.size < 100) pieces.get(name)!.set(index, { value: unquote(rawValue), extended: m[3] === '*' });
  }
  const params: Record<string, string> = { ...simple };
  for (const [name, map] of pieces) {
    const ordered = [...map.entries()].sort((a, b) => a[0] - b[0]);
    let charset = '';
    let bytes = '';
    ordered.forEach(([index, piece], n) => {
      let v = piece.value;
      if (piece.extended) {
        if (n === 0 && index === 0) {
          // charset'language'value
          const q = /^([^']*)'[^']*'(.*)$/.exec(v);
          if (q) {
            charset = q[1]!;
            v = q[2]!;
          }
        }
        bytes += percentDecode(v);
      } else bytes += v;
    });
    const decoded = charset ? decodeCharset(bytes, charset) : undefined;
    params[name] = decoded?.ok ? decoded.text : decodeUnlabelled(bytes);
  }
  return { main, params };
}

export function parseContentType(value: string | undefined): ContentType {
  if (value === undefined) return { type: 'text/plain', params: {} };
  const { main, params } = parseStructured(value);
  const type = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(main) ? main : 'text/plain';
  return { type, params };
}

export interface MimePart {
  readonly headers: readonly HeaderField[];
  readonly contentType: ContentType;
  /** Lower-case Content-Transfer-Encoding (`7bit` when absent). */
  readonly transferEncoding: string;
  /** The part's body as it is in the message (still transfer-encoded). */
  readonly rawBody: string;
  /** Children of a multipart. */
  readonly parts: readonly MimePart[];
  /** The message inside message/rfc822, message/global, text/rfc822-headers, message/global-headers. */
  readonly message?: MimeMessage;
  /** Path of indexes from the root, for display (`[]` is the root). */
  readonly path: readonly number[];
}

export interface MimeMessage {
  readonly headers: readonly HeaderField[];
  /** Undefined when only headers were returned (text/rfc822-headers) or there was no blank line. */
  readonly body: string | undefined;
  readonly root: MimePart;
}

interface WalkState {
  count: number;
  readonly errors: InputError[];
}

export const EMBEDDED_MESSAGE_TYPES = ['message/rfc822', 'message/global'] as const;
export const EMBEDDED_HEADER_TYPES = ['text/rfc822-headers', 'message/global-headers'] as const;

/** Transfer-decoded body bytes (byte string). */
export function decodeBody(part: Pick<MimePart, 'transferEncoding' | 'rawBody'>): string {
  switch (part.transferEncoding) {
    case 'base64':
      return decodeBase64ToByteString(part.rawBody) ?? '';
    case 'quoted-printable':
      return decodeQuotedPrintable(part.rawBody);
    default:
      return part.rawBody;
  }
}

/** A text part as text, in its declared charset (unknown or absent: UTF-8, then GB18030, then windows-1252). */
export function partText(part: Pick<MimePart, 'transferEncoding' | 'rawBody' | 'contentType'>): string {
  const bytes = decodeBody(part);
  const charset = part.contentType.params['charset'];
  if (charset) {
    const d = decodeCharset(bytes, charset);
    if (d.ok) return d.text;
  }
  return decodeUnlabelled(bytes);
}

function buildPart(headers: readonly HeaderField[], body: string, path: number[], state: WalkState, depth: number): MimePart {
  const ct = parseContentType(firstField(headers, 'content-type')?.value);
  const cte = (firstField(headers, 'content-transfer-encoding')?.value ?? '7bit').trim().toLowerCase();
  const base = { headers, contentType: ct, transferEncoding: cte, rawBody: body, path };
  if (depth >= LIMITS.maxMimeDepth) {
    if (ct.type.startsWith('multipart/') || ct.type.startsWith('message/')) state.errors.push({ code: 'mime-limit', detail: 'depth' });
    return { ...base, parts: [] };
  }
  if (ct.type.startsWith('multipart/')) {
    const boundary = ct.params['boundary'];
    if (!boundary) {
      state.errors.push({ code: 'mime-malformed', detail: `${ct.type} without boundary` });
      return { ...base, parts: [] };
    }
    const children: MimePart[] = [];
    for (const chunk of splitMultipart(body, boundary)) {
      if (state.count >= LIMITS.maxMimeParts) {
        state.errors.push({ code: 'mime-limit', detail: 'parts' });
        break;
      }
      state.count++;
      const split = splitMessage(chunk);
      const childHeaders = split.fields;
      const childBody = split.body ?? '';
      children.push(buildPart(childHeaders, childBody, [...path, children.length], state, depth + 1));
    }
    return { ...base, parts: children };
  }
  if ((EMBEDDED_MESSAGE_TYPES as readonly string[]).includes(ct.type) || (EMBEDDED_HEADER_TYPES as readonly string[]).includes(ct.type)) {
    const inner = decodeBody(base);
    const split = splitMessage(inner.replace(/^(\r\n)+/, ''));
    if (split.fields.length === 0) return { ...base, parts: [] };
    state.count++;
    const headersOnly = (EMBEDDED_HEADER_TYPES as readonly string[]).includes(ct.type);
    const innerBody = headersOnly ? undefined : split.body;
    const root = buildPart(split.fields, innerBody ?? '', [...path, 0], state, depth + 1);
    return { ...base, parts: [], message: { headers: split.fields, body: innerBody, root } };
  }
  return { ...base, parts: [] };
}

/**
 * The body parts of a multipart body: text between `--boundary` lines, up to
 * `--boundary--` (RFC 2046 §5.1.1). The CRLF before a delimiter belongs to it.
 * A missing close delimiter ends at the end of the body.
 */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const out: string[] = [];
  /** Start of the next delimiter line at or after `from` (where its CRLF starts, or 0 at the very start). */
  const find = (from: number): number => {
    let at = from === 0 && body.startsWith(delimiter) ? -2 : body.indexOf(`\r\n${delimiter}`, from);
    while (at !== -1) {
      const after = body.charCodeAt(at + 2 + delimiter.length);
      // A delimiter line is the boundary alone (trailing whitespace allowed) or the close delimiter.
      if (Number.isNaN(after) || after === 0x0d || after === 0x2d || after === 0x20 || after === 0x09) return at;
      at = body.indexOf(`\r\n${delimiter}`, at + 2 + delimiter.length);
    }
    return -1;
  };
  let at = find(0);
  while (at !== -1 && out.length <= LIMITS.maxMimeParts) {
    const afterDelim = at + 2 + delimiter.length;
    if (body.startsWith('--', afterDelim)) break; // close delimiter
    const lineEnd = body.indexOf('\r\n', afterDelim);
    if (lineEnd < 0) break;
    const contentStart = lineEnd + 2;
    const next = find(lineEnd);
    if (next === -1) {
      out.push(body.slice(contentStart));
      break;
    }
    out.push(next < contentStart ? '' : body.slice(contentStart, next));
    at = next;
  }
  return out;
}

/** Walk a whole message. */
export function parseMime(headers: readonly HeaderField[], body: string | undefined): { readonly root: MimePart; readonly errors: readonly InputError[] } {
  const state: WalkState = { count: 1, errors: [] };
  const root = buildPart(headers, body ?? '', [], state, 0);
  return { root, errors: state.errors };
}

/** Every part, depth first (embedded messages included). */
export function* walkParts(part: MimePart): Generator<MimePart> {
  yield part;
  for (const child of part.parts) yield* walkParts(child);
  if (part.message) yield* walkParts(part.message.root);
}
