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
import { allFields, type HeaderField } from './header';

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

const PAIR = /([A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_-]+)?(?:\s*\/\s*[0-9]+)?)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s"]*)/g;

function unquote(v: string): string {
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
}

function parseResinfo(text: string, comments: readonly string[]): MethodResult | undefined {
  PAIR.lastIndex = 0;
  const pairs: [string, string][] = [];
  for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
    pairs.push([m[1]!.replace(/\s+/g, '').toLowerCase(), unquote(m[2]!)]);
    if (pairs.length > 50) break;
  }
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

/** Parse one field value (byte string, as in HeaderField.value). */
export function parseAuthResults(value: string, kind: AuthResultsField['kind'] = 'authentication-results', line = 0): AuthResultsField {
  const text = decodeUnlabelled(value).replace(/\s+/g, ' ').trim().slice(0, 16 * 1024);
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
    const looksLikeResult = /^\s*[A-Za-z0-9_-]+(?:\s*\/\s*\d+)?\s*=/.test(first.text);
    if (!looksLikeResult) {
      const id = /^\s*("(?:[^"\\]|\\.)*"|[^\s]+)/.exec(first.text)?.[1];
      if (id) authservId = unquote(id).toLowerCase();
      i++;
    }
  }
  for (; i < parts.length && results.length < 50; i++) {
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

export interface ReceiverVerdicts {
  /** authserv-id of the newest Authentication-Results field (the final receiver, if the field is genuine). */
  readonly authservId?: string;
  /** The newest result per method from fields of that receiver (spf, dkim — several —, dmarc, arc, …). */
  readonly results: readonly MethodResult[];
}

/**
 * What the final receiver said: methods from the newest Authentication-Results
 * field and from the other fields with the same authserv-id (Microsoft and
 * Google may write several). Falls back to the newest ARC-Authentication-Results.
 */
export function receiverVerdicts(fields: readonly HeaderField[]): ReceiverVerdicts {
  const ar = allFields(fields, 'authentication-results').map((f) => parseAuthResults(f.value, 'authentication-results', f.line));
  let source = ar;
  if (ar.length === 0) {
    const arc = allFields(fields, 'arc-authentication-results').map((f) => parseAuthResults(f.value, 'arc-authentication-results', f.line));
    const newest = arc.reduce<AuthResultsField | undefined>((best, f) => (best === undefined || (f.instance ?? 0) > (best.instance ?? 0) ? f : best), undefined);
    source = newest ? [newest] : [];
  }
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
  return { ...(top.authservId !== undefined ? { authservId: top.authservId } : {}), results };
}
