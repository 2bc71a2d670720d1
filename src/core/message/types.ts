/**
 * Shapes shared by the message analyser's modules (src/core/message/). Pure
 * data: the widget renders them, the copy-as-text report prints them, tests
 * assert them. Codes are const arrays with derived unions; every failure is a
 * typed value with a stable code, never a thrown string.
 */

/** Limits that keep the work bounded whatever is pasted. */
export const LIMITS = {
  /** Input larger than this is cut: headers are still read, the body is not. */
  maxInputBytes: 10 * 1024 * 1024,
  /** Header fields read from one message; more is an input error and the rest are ignored. */
  maxHeaderFields: 500,
  /** One header field longer than this (folded) is cut for display and parsing. */
  maxFieldBytes: 64 * 1024,
  /** MIME parts walked in one message, and their nesting depth. */
  maxMimeParts: 200,
  maxMimeDepth: 12,
  /** Encoded words decoded in one header value. */
  maxEncodedWords: 200,
  /** DKIM-Signature fields verified per message (more are reported as not checked). */
  maxDkimSignatures: 8,
  /** Entries in one signature's h= list. */
  maxSignedHeaders: 100,
  /** Length of b= (base64 characters): 16 384-bit RSA needs 2 732. */
  maxSignatureChars: 4096,
  /** Received fields turned into hops. */
  maxHops: 100,
} as const;

/** Input problems: the view shows one message per code (`[data-input-error]`). */
export const INPUT_ERROR_CODES = [
  /** Nothing but whitespace. */
  'empty',
  /** Looks like a binary file (NUL bytes, control characters, a known file signature). */
  'binary',
  /** Larger than LIMITS.maxInputBytes: the headers were read, the body was not. */
  'too-large',
  /** No header section: the text does not start with `Name: value` lines. */
  'no-headers',
  /** More than LIMITS.maxHeaderFields header fields: the rest were ignored. */
  'too-many-headers',
  /** A header field over LIMITS.maxFieldBytes was cut. */
  'field-too-long',
  /** A line in the header section that is neither a field nor a continuation. */
  'malformed-header-line',
  /** An RFC 2047 encoded word that could not be decoded (bad base64/QP, unknown charset, too many). */
  'bad-encoded-word',
  /** MIME structure beyond the part/depth limits, or a multipart without its boundary. */
  'mime-limit',
  'mime-malformed',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

export interface InputError {
  readonly code: InputErrorCode;
  /** Header field name, charset, or other short detail (untrusted text: render as text). */
  readonly detail?: string;
  /** 1-based line in the normalised input, when known. */
  readonly line?: number;
}

/** RFC 8601 result words used by spf, dkim, dmarc and arc. */
export const AUTH_RESULTS = ['pass', 'fail', 'softfail', 'neutral', 'none', 'policy', 'temperror', 'permerror'] as const;
export type AuthResult = (typeof AUTH_RESULTS)[number];

/** What a paste turned into before parsing: said to the user when it matters for DKIM. */
export interface InputNotes {
  /** Bytes after normalisation (what DKIM hashes). */
  readonly bytes: number;
  /** Line endings found in the input: bare LF are turned into CRLF before any hashing. */
  readonly lineEndings: 'crlf' | 'lf' | 'mixed' | 'none';
  /** Common leading whitespace (pasted from a web page) was removed from every line. */
  readonly indentationRemoved: boolean;
  /** An mbox `From ` line before the headers was skipped. */
  readonly mboxLineSkipped: boolean;
  /** The input was text (pasted) or bytes (a file). */
  readonly source: 'text' | 'bytes';
}
