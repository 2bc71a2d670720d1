/**
 * Authentication-Results (RFC 8601) and ARC-Authentication-Results (RFC 8617
 * §4.1.1): what each receiver recorded for spf, dkim, dmarc, arc and any other
 * method. Comments are removed before parsing (nested, with quoted-pairs, not
 * inside quoted strings) and kept per result for display, since receivers put
 * useful text there ("sender IP is 192.0.2.1"). Tolerates Microsoft's fields
 * without an authserv-id and extra `key=value` words such as `action=none`.
 * Nothing here is trusted: any sender can write these fields; the view shows
 * which receiver wrote what, and our own checks beside them.
 */
import { decodeUnlabelled } from './bytes';
import type { HeaderField } from './header';

export interface MethodResult {
  /** Lower-case method name (`spf`, `dkim`, `dmarc`, `arc`, `iprev`, `compauth`, …), version removed. */
  readonly method: string;
  readonly version?: string;
  /** Lower-case result word as written (RFC 8601 words: pass, fail, softfail, neutral, none, policy, temperror, permerror). */
  readonly result: string;
  readonly reason?: string;
  /** `ptype.property` → value (`smtp.mailfrom`, `header.d`, `header.i`, `header.s`, `header.from`, `policy.*`), plus bare extras like `action`. Keys lower-case. */
  readonly props: Readonly<Record<string, string>>;
  /** Comments that were in this result, joined (untrusted text). */
  readonly comment?: string;
}

export interface AuthResultsField {
  readonly kind: 'authentication-results' | 'arc-authentication-results';
  /** ARC instance (`i=`). */
  readonly instance?: number;
  /** Who wrote it; undefined when the field has none (Microsoft's own). */
  readonly authservId?: string;
  readonly results: readonly MethodResult[];
  /** 1-based line of the field. */
  readonly line: number;
  /** Unfolded text of the field value (untrusted). */
  readonly text: string;
}

/** Split into top-level pieces on `;`, outside quotes and comments; return each piece with its comments removed and collected. */
function pieces(value: string): { text: string; comments: string[] }[] {
  const out: { text: string; comments: string[] }[] = [];
  let text = '';
  let comment = '';
  const comments: string[] = [];
  let depth = 0;
  let quoted = false;
  const push = () => {
    out.push({ text, comments: [...comments] });
    text = '';
    comments.length = 0;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && (quoted || depth > 0)) {
      const next = value[i + 1] ?? '';
      if (depth > 0) comment += next;
      else text += c + next;
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '(') {
        depth++;
        comment += c;
      } else if (c === ')') {
        depth--;
        if (depth === 0) {
          if (comment.trim()) comments.push(comment.trim());
          comment = '';
          text += ' ';
        } else comment += c;
      } else comment += c;
      continue;
    }
    if (quoted) {
      text += c;
      if (c === '"') quoted = false;
      continue;
    }
    if (c === '(') {
      depth = 1;
      continue;
    }
    if (c === '"') quoted = true;
    if (c === ';') {
      push();
      continue;
    }
    text += c;
  }
  push();
  return out;
}

/**
 * The longest field text read, after unfolding: a real field is well under
 * 2 KB (Microsoft's, the longest, about 1 KB). Anything after this is not read,
 * so hundreds of huge fields cost a bounded amount of work each.
 */
export const AUTH_RESULTS_MAX_CHARS = 4096;

/** Results read from one field (RFC 8601 allows any number; receivers write a handful). */
const MAX_RESULTS = 50;
/** `key=value` pairs read from one result. */
const MAX_PAIRS = 50;

/**
 * A property name at a position: `ptype.property` or `method/version`, each
 * token at most 64 characters (real ones are under 20). Sticky: it is tried at
 * one position only, so a failed try never re-scans what lies ahead.
 */
const KEY = /[A-Za-z0-9_-]{1,64}(?:\s{0,4}\.\s{0,4}[A-Za-z0-9_-]{1,64})?(?:\s{0,4}\/\s{0,4}[0-9]{1,9})?/y;

function unquote(v: string): string {
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
}

/** Index of the `"` closing a quoted string that opens at `open`, or -1 when it is not closed. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}

/**
 * The `key=value` pairs of one piece, read left to right in one pass: at each
 * position a key is tried once (sticky); where no pair starts, the scan moves
 * past what the key matched (or one character), never back. Whitespace in the
 * text is already spaces.
 */
function pairsOf(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  const n = text.length;
  let i = 0;
  while (i < n && pairs.length < MAX_PAIRS) {
    KEY.lastIndex = i;
    const key = KEY.exec(text);
    if (!key) {
      i++;
      continue;
    }
    let j = KEY.lastIndex;
    while (text[j] === ' ') j++;
    if (text[j] !== '=') {
      i = KEY.lastIndex;
      continue;
    }
    j++;
    while (text[j] === ' ') j++;
    let value: string;
    if (text[j] === '"') {
      const close = closingQuote(text, j);
      // An unclosed quote runs to the end of the piece.
      const end = close < 0 ? n : close + 1;
      value = close < 0 ? text.slice(j + 1) : unquote(text.slice(j, end));
      j = end;
    } else {
      let end = j;
      while (end < n && text[end] !== ' ' && text[end] !== '"') end++;
      value = text.slice(j, end);
      j = end;
    }
    pairs.push([key[0].replace(/\s+/g, '').toLowerCase(), value]);
    i = j;
  }
  return pairs;
}

function parseResinfo(text: string, comments: readonly string[]): MethodResult | undefined {
  const pairs = pairsOf(text);
  const head = pairs[0];
  if (!head || head[0].includes('.')) return undefined;
  const [methodRaw, result] = head;
  const [method, version] = methodRaw.split('/');
  const props: Record<string, string> = {};
  let reason: string | undefined;
  for (const [k, v] of pairs.slice(1)) {
    if (k === 'reason') reason = v;
    else if (!(k in props)) props[k] = v;
  }
  return {
    method: method!,
    ...(version ? { version } : {}),
    result: result.toLowerCase(),
    ...(reason !== undefined ? { reason } : {}),
    props,
    ...(comments.length ? { comment: comments.join('; ') } : {}),
  };
}

/** Parse one field value (byte string, as in HeaderField.value). At most AUTH_RESULTS_MAX_CHARS of it are read. */
export function parseAuthResults(value: string, kind: AuthResultsField['kind'] = 'authentication-results', line = 0): AuthResultsField {
  // Cut before decoding (a UTF-8 character is at most 4 bytes), then again after unfolding.
  const raw = value.length > AUTH_RESULTS_MAX_CHARS * 4 ? value.slice(0, AUTH_RESULTS_MAX_CHARS * 4) : value;
  const text = decodeUnlabelled(raw).replace(/\s+/g, ' ').trim().slice(0, AUTH_RESULTS_MAX_CHARS);
  const parts = pieces(text);
  let instance: number | undefined;
  let authservId: string | undefined;
  const results: MethodResult[] = [];
  let i = 0;
  if (kind === 'arc-authentication-results') {
    const m = /^\s*i\s*=\s*(\d{1,3})\s*$/i.exec(parts[0]?.text ?? '');
    if (m) {
      instance = Number(m[1]);
      i = 1;
    }
  }
  // authserv-id [version], unless the first piece is already a result (Microsoft).
  const first = parts[i];
  if (first) {
    const looksLikeResult = /^\s*[A-Za-z0-9_-]{1,64}(?:\s*\/\s*\d{1,9})?\s*=/.test(first.text);
    if (!looksLikeResult) {
      const id = /^\s*("(?:[^"\\]|\\.)*"|[^\s]+)/.exec(first.text)?.[1];
      if (id) authservId = unquote(id).toLowerCase();
      i++;
    }
  }
  for (; i < parts.length && results.length < MAX_RESULTS; i++) {
    const p = parts[i]!;
    if (p.text.trim() === '' || /^\s*none\s*$/i.test(p.text)) continue;
    const r = parseResinfo(p.text, p.comments);
    if (r) results.push(r);
  }
  return {
    kind,
    ...(instance !== undefined ? { instance } : {}),
    ...(authservId !== undefined ? { authservId } : {}),
    results,
    line,
    text,
  };
}

/** Every Authentication-Results and ARC-Authentication-Results field, top first. */
export function readAuthResults(fields: readonly HeaderField[]): AuthResultsField[] {
  const out: AuthResultsField[] = [];
  for (const f of fields) {
    if (f.key === 'authentication-results') out.push(parseAuthResults(f.value, 'authentication-results', f.line));
    else if (f.key === 'arc-authentication-results') out.push(parseAuthResults(f.value, 'arc-authentication-results', f.line));
  }
  return out;
}

export interface ArcVerdicts {
  /** The instance (`i=`) of the newest ARC set: the last ARC sealer's view of the message. */
  readonly instance: number;
  readonly authservId?: string;
  readonly results: readonly MethodResult[];
}

export interface ReceiverVerdicts {
  /** authserv-id of the newest Authentication-Results field (the final receiver, if the field is genuine). */
  readonly authservId?: string;
  /** The newest result per method from fields of that receiver (spf, dkim — several —, dmarc, arc, …). */
  readonly results: readonly MethodResult[];
  /** Whether `results` come from Authentication-Results, or — when there is none — from the newest ARC-Authentication-Results. */
  readonly source?: 'authentication-results' | 'arc';
  /**
   * The newest ARC-Authentication-Results (the highest instance), shown beside
   * the Authentication-Results: what the last ARC sealer saw before forwarding.
   */
  readonly arc?: ArcVerdicts;
}

/** The newest ARC-Authentication-Results: the highest instance, the topmost among equals. */
function newestArc(fields: readonly AuthResultsField[]): AuthResultsField | undefined {
  let best: AuthResultsField | undefined;
  for (const f of fields) {
    if (f.kind !== 'arc-authentication-results') continue;
    if (best === undefined || (f.instance ?? 0) > (best.instance ?? 0)) best = f;
  }
  return best;
}

/**
 * What the final receiver said, from fields already parsed (readAuthResults,
 * top first; each field is parsed once): methods from the newest
 * Authentication-Results field and from the other fields with the same
 * authserv-id (Microsoft and Google may write several). Without any, the
 * newest ARC-Authentication-Results stands in. The newest ARC set's results
 * are also given on their own, with their instance.
 */
export function receiverVerdicts(parsed: readonly AuthResultsField[]): ReceiverVerdicts {
  const ar = parsed.filter((f) => f.kind === 'authentication-results');
  const arc = newestArc(parsed);
  const arcVerdicts: ArcVerdicts | undefined = arc
    ? { instance: arc.instance ?? 0, ...(arc.authservId !== undefined ? { authservId: arc.authservId } : {}), results: arc.results }
    : undefined;
  const source = ar.length > 0 ? ar : arc ? [arc] : [];
  const top = source[0];
  if (!top) return { results: [] };
  const same = source.filter((f) => f.authservId === top.authservId);
  const results: MethodResult[] = [];
  for (const f of same) {
    for (const r of f.results) {
      // dkim may appear once per signature; other methods once.
      if (r.method === 'dkim' || !results.some((x) => x.method === r.method)) results.push(r);
    }
  }
  return {
    ...(top.authservId !== undefined ? { authservId: top.authservId } : {}),
    results,
    source: ar.length > 0 ? 'authentication-results' : 'arc',
    ...(arcVerdicts ? { arc: arcVerdicts } : {}),
  };
}
