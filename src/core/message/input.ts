/**
 * From what the user gave (pasted text or a file's bytes) to one byte string
 * with CRLF line endings, the form in which the message travelled and in which
 * DKIM hashes it. Pasting from a web page or a ticket often indents every line
 * by the same amount, turns CRLF into LF, or prefixes an mbox `From ` line;
 * these are undone here and reported in InputNotes, because they decide
 * whether a DKIM failure is the sender's fault or the copy's.
 */
import { bytesToByteString, utf8ByteString } from './bytes';
import { LIMITS, type InputError, type InputNotes } from './types';

export interface NormalisedInput {
  /** The message as a byte string with CRLF line endings ('' when unusable). */
  readonly raw: string;
  readonly notes: InputNotes;
  readonly errors: readonly InputError[];
  /** True when the body was dropped (too large): DKIM body hashes cannot be checked. */
  readonly truncated: boolean;
}

/** File signatures of things people pick by mistake (PDF, ZIP/DOCX, images, Outlook .msg). */
const MAGIC: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, docx, xlsx
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2: Outlook .msg, old Office files
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // Windows executable
];

function looksBinary(sample: string): boolean {
  for (const magic of MAGIC) {
    if (magic.every((b, i) => sample.charCodeAt(i) === b)) return true;
  }
  let control = 0;
  const n = Math.min(sample.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    // Control characters other than tab, LF, FF, CR, ESC (ISO-2022-JP uses ESC).
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.01;
}

/**
 * Whitespace that pasted indentation is made of, as UTF-8 byte strings: space,
 * tab, and the no-break / ideographic spaces that rich-text copies insert.
 */
const INDENT_UNITS = [' ', '\t', '\u00c2\u00a0', '\u00e3\u0080\u0080'];

function leadingIndent(line: string): string {
  let i = 0;
  outer: while (i < line.length) {
    for (const unit of INDENT_UNITS) {
      if (line.startsWith(unit, i)) {
        i += unit.length;
        continue outer;
      }
    }
    break;
  }
  return line.slice(0, i);
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * The indentation to strip, or '' when the message is not indented. Only when
 * the first line is indented (a real message never starts with whitespace),
 * and only the prefix every non-blank line of the header section shares (a
 * continuation line keeps what it has beyond it).
 */
function pastedIndent(lines: readonly string[]): string {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return '';
  let prefix = leadingIndent(lines[first]!);
  if (prefix === '') return '';
  for (let i = first + 1; i < lines.length && prefix !== ''; i++) {
    const line = lines[i]!;
    if (isBlank(line)) break; // end of the header section
    prefix = commonPrefix(prefix, leadingIndent(line));
  }
  return prefix;
}

function isBlank(line: string): boolean {
  return leadingIndent(line).length === line.length;
}

const MBOX_FROM = /^From \S+ /;

/**
 * Normalise user input. `input` is pasted text or a file's bytes; bytes are
 * taken as they are (a file is exact), text is encoded as UTF-8.
 */
export function normaliseInput(input: string | Uint8Array | ArrayBuffer): NormalisedInput {
  const source: InputNotes['source'] = typeof input === 'string' ? 'text' : 'bytes';
  const errors: InputError[] = [];
  let bytes: string;
  let oversized = false;
  if (typeof input === 'string') {
    // Cut a huge paste before encoding it (a JS char is at least one UTF-8 byte).
    oversized = input.length > LIMITS.maxInputBytes;
    bytes = utf8ByteString(oversized ? input.slice(0, LIMITS.maxInputBytes) : input);
    if (bytes.startsWith('\u00ef\u00bb\u00bf')) bytes = bytes.slice(3); // BOM
  } else {
    const view = input instanceof Uint8Array ? input : new Uint8Array(input);
    oversized = view.length > LIMITS.maxInputBytes;
    bytes = bytesToByteString(oversized ? view.subarray(0, LIMITS.maxInputBytes) : view);
    if (bytes.startsWith('\u00ef\u00bb\u00bf')) bytes = bytes.slice(3); // UTF-8 BOM
  }
  oversized ||= bytes.length > LIMITS.maxInputBytes;
  const emptyNotes: InputNotes = { bytes: 0, lineEndings: 'none', indentationRemoved: false, mboxLineSkipped: false, source };

  if (bytes.trim() === '') return { raw: '', notes: emptyNotes, errors: [{ code: 'empty' }], truncated: false };
  if (looksBinary(bytes.slice(0, 64 * 1024))) return { raw: '', notes: emptyNotes, errors: [{ code: 'binary' }], truncated: false };

  const hasCrlf = bytes.includes('\r\n');
  const bareLf = /(^|[^\r])\n/.test(bytes);
  const lineEndings: InputNotes['lineEndings'] = hasCrlf && bareLf ? 'mixed' : hasCrlf ? 'crlf' : bareLf ? 'lf' : 'none';

  // Lines without their terminators; a lone CR (old Mac) also ends a line.
  let lines = bytes.split(/\r\n|\n|\r(?!\n)/);
  // Leading blank lines from the paste.
  let start = 0;
  while (start < lines.length - 1 && lines[start]!.trim() === '') start++;
  if (start > 0) lines = lines.slice(start);

  let mboxLineSkipped = false;
  const indent = pastedIndent(lines);
  if (indent !== '') {
    // A line that is only whitespace was a blank line before the paste indented it.
    lines = lines.map((l) => (isBlank(l) ? '' : l.startsWith(indent) ? l.slice(indent.length) : l));
  }
  if (MBOX_FROM.test(lines[0] ?? '')) {
    lines = lines.slice(1);
    mboxLineSkipped = true;
  }

  let raw = lines.join('\r\n');
  let truncated = false;
  if (oversized || raw.length > LIMITS.maxInputBytes) {
    errors.push({ code: 'too-large', detail: String(LIMITS.maxInputBytes) });
    const end = raw.indexOf('\r\n\r\n');
    // Keep the header section only (no blank line: the body is absent, not empty), so nothing hashes a cut body.
    raw = end >= 0 && end < LIMITS.maxInputBytes ? raw.slice(0, end + 2) : raw.slice(0, LIMITS.maxInputBytes);
    truncated = true;
  }
  return {
    raw,
    notes: { bytes: raw.length, lineEndings, indentationRemoved: indent !== '', mboxLineSkipped, source },
    errors,
    truncated,
  };
}
