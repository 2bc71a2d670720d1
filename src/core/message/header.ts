/**
 * RFC 5322 header section: split a normalised message (byte string, CRLF)
 * into header fields and body, keeping each field's exact raw text (name,
 * colon, folding and all) because DKIM's simple canonicalisation hashes it as
 * it is, and an unfolded value for everything else. Our own splitter rather
 * than a MIME library's: none of the browser ones hands back the raw bytes of
 * each field and of the body (see the note at the top of ./index.ts).
 */
import { LIMITS, type InputError } from './types';

export interface HeaderField {
  /** Field name as written (case kept). */
  readonly name: string;
  /** Lower-case name, for lookups. */
  readonly key: string;
  /** The whole field as a byte string: `Name: value` with its folding CRLFs, without the final CRLF. */
  readonly raw: string;
  /** The value after the colon, unfolded (CRLFs removed, whitespace kept), as a byte string. */
  readonly value: string;
  /** 1-based line of the field's first line. */
  readonly line: number;
}

export interface SplitMessage {
  readonly fields: readonly HeaderField[];
  /**
   * Body as a byte string; undefined when there was no blank line (headers
   * only). Without any header section the whole input is the body.
   */
  readonly body: string | undefined;
  readonly errors: readonly InputError[];
}

/** RFC 5322 field-name: printable US-ASCII except colon; obsolete syntax allows WSP before the colon. */
const FIELD_START = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;

export function splitMessage(raw: string): SplitMessage {
  const errors: InputError[] = [];
  let headerText: string;
  let body: string | undefined;
  if (raw.startsWith('\r\n')) {
    headerText = '';
    body = raw.slice(2);
  } else {
    const end = raw.indexOf('\r\n\r\n');
    if (end < 0) {
      headerText = raw;
      body = undefined;
    } else {
      headerText = raw.slice(0, end);
      body = raw.slice(end + 4);
    }
  }
  // No header section: the whole text is treated as a body, so a pasted plain-text bounce still reads.
  if (headerText === '') return { fields: [], body: raw, errors: [{ code: 'no-headers' }] };

  const lines = headerText.split('\r\n');
  // Trailing CRLF of a headers-only paste leaves an empty last line.
  if (lines[lines.length - 1] === '') lines.pop();

  const fields: HeaderField[] = [];
  let current: { name: string; parts: string[]; line: number } | undefined;
  let tooMany = false;
  let malformedReported = 0;

  const flush = () => {
    if (!current) return;
    const rawField = current.parts.join('\r\n');
    const colon = rawField.indexOf(':');
    let value = rawField.slice(colon + 1).replace(/\r\n/g, '');
    if (rawField.length > LIMITS.maxFieldBytes) {
      errors.push({ code: 'field-too-long', detail: current.name, line: current.line });
      value = value.slice(0, LIMITS.maxFieldBytes);
    }
    fields.push({ name: current.name, key: current.name.toLowerCase(), raw: rawField, value, line: current.line });
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (current) current.parts.push(line);
      else if (!tooMany && fields.length === 0) {
        // A message cannot start with a continuation line.
        errors.push({ code: 'malformed-header-line', line: i + 1 });
        malformedReported++;
      }
      continue;
    }
    const m = FIELD_START.exec(line);
    if (!m) {
      if (fields.length === 0 && !current) {
        // The first line is not a header field: this is not a message (or only a body).
        return { fields: [], body: raw, errors: [{ code: 'no-headers' }] };
      }
      if (malformedReported < 5) errors.push({ code: 'malformed-header-line', line: i + 1 });
      malformedReported++;
      // Keep it with the field above (a paste that lost a continuation's indent).
      if (current) current.parts.push(line);
      continue;
    }
    flush();
    if (fields.length >= LIMITS.maxHeaderFields) {
      tooMany = true;
      break;
    }
    current = { name: m[1]!, parts: [line], line: i + 1 };
  }
  flush();
  if (tooMany) errors.push({ code: 'too-many-headers', detail: String(LIMITS.maxHeaderFields) });
  return { fields, body, errors };
}

/** First field with this name (case-insensitive), in message order (top first). */
export function firstField(fields: readonly HeaderField[], name: string): HeaderField | undefined {
  const key = name.toLowerCase();
  return fields.find((f) => f.key === key);
}

/** Every field with this name, top first. */
export function allFields(fields: readonly HeaderField[], name: string): HeaderField[] {
  const key = name.toLowerCase();
  return fields.filter((f) => f.key === key);
}
