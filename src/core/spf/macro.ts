/**
 * SPF macros (RFC 7208 §7): read a macro-string into literal text and macro
 * parts, and expand it. One grammar for the record parser's syntax check
 * (records/spf.ts) and for the evaluator, so the two cannot disagree. Pure;
 * input is untrusted text; never throws.
 *
 *   macro-expand = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
 *   transformers = *DIGIT [ "r" ]
 *   delimiter    = "." / "-" / "+" / "," / "/" / "_" / "="
 *   macro-letter = "s" / "l" / "o" / "d" / "i" / "p" / "h" / "c" / "r" / "t" / "v"
 */

export const MACRO_LETTERS = ['s', 'l', 'o', 'd', 'i', 'p', 'h', 'c', 'r', 't', 'v'] as const;
export type MacroLetter = (typeof MACRO_LETTERS)[number];

/** Letters allowed only in explanation text (§7.1: c, r and t). */
export const EXPLANATION_ONLY_LETTERS: readonly MacroLetter[] = ['c', 'r', 't'];

/**
 * Where a macro-string stands, which decides what it may hold:
 * `domain` — a domain-spec (mechanism targets, redirect=, exp=): visible ASCII,
 * no c/r/t; `modifier` — an unknown modifier's value: visible ASCII, any letter;
 * `explanation` — the TXT text exp= points at: visible ASCII and spaces, any letter.
 */
export type MacroContext = 'domain' | 'modifier' | 'explanation';

export type MacroPart =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'macro';
      readonly letter: MacroLetter;
      /** Written in upper case: the value is URL-escaped (§7.3). */
      readonly escape: boolean;
      /** Keep this many right-hand parts (a nonzero DIGIT transformer). */
      readonly keep?: number;
      readonly reverse: boolean;
      /** Characters to split the value on; "." when none were written. */
      readonly delimiters: string;
    };

export const MACRO_ERROR_CODES = ['invalid-character', 'invalid-percent', 'unknown-letter', 'explanation-only-letter', 'zero-parts', 'invalid-transformer'] as const;
export type MacroErrorCode = (typeof MACRO_ERROR_CODES)[number];

export type MacroParse =
  | {
      readonly ok: true;
      readonly parts: readonly MacroPart[];
      /** The text as written after the last macro-expand (`%{…}`, `%%`, `%_`, `%-`); all of it when there is none. */
      readonly tail: string;
    }
  | { readonly ok: false; readonly code: MacroErrorCode; /** Offset of the problem in the text. */ readonly at: number };

const MACRO_BODY = /^([a-z])(\d*)(r?)([.\-+,/_=]*)$/i;

/** Reads a macro-string. Literal text is kept as written; `%%`, `%_` and `%-` become "%", " " and "%20". */
export function parseMacroString(text: string, context: MacroContext): MacroParse {
  const parts: MacroPart[] = [];
  let literal = '';
  let tailStart = 0;
  const fail = (code: MacroErrorCode, at: number): MacroParse => ({ ok: false, code, at });
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const visible = c >= 0x21 && c <= 0x7e;
    if (!visible && !(context === 'explanation' && c === 0x20)) return fail('invalid-character', i);
    if (c !== 0x25) {
      literal += text[i];
      continue;
    }
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      literal += next === '%' ? '%' : next === '_' ? ' ' : '%20';
      i++;
      tailStart = i + 1;
      continue;
    }
    if (next !== '{') return fail('invalid-percent', i);
    const close = text.indexOf('}', i + 2);
    if (close < 0) return fail('invalid-percent', i);
    const m = MACRO_BODY.exec(text.slice(i + 2, close));
    if (!m) return fail('invalid-transformer', i);
    const written = m[1] ?? '';
    const letter = written.toLowerCase() as MacroLetter;
    if (!(MACRO_LETTERS as readonly string[]).includes(letter)) return fail('unknown-letter', i);
    if (context === 'domain' && EXPLANATION_ONLY_LETTERS.includes(letter)) return fail('explanation-only-letter', i);
    const digits = m[2] ?? '';
    // §7.3: a DIGIT transformer must be nonzero. Very large counts simply keep every part.
    if (digits !== '' && /^0+$/.test(digits)) return fail('zero-parts', i);
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
    parts.push({
      kind: 'macro',
      letter,
      escape: written !== letter,
      ...(digits === '' ? {} : { keep: Math.min(Number(digits), 9999) }),
      reverse: (m[3] ?? '') !== '',
      delimiters: m[4] || '.',
    });
    i = close;
    tailStart = close + 1;
  }
  if (literal !== '') parts.push({ kind: 'text', text: literal });
  return { ok: true, parts, tail: text.slice(tailStart) };
}

/** Whether a macro-string uses a letter (the evaluator looks `p` up only when it is used). */
export function usesLetter(parts: readonly MacroPart[], letter: MacroLetter): boolean {
  return parts.some((p) => p.kind === 'macro' && p.letter === letter);
}

/** The value each letter expands to. `p`, `c`, `r` and `t` may be absent where they cannot occur. */
export type MacroValues = { readonly [L in MacroLetter]?: string };

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const utf8 = new TextEncoder();

/** URL-escaping of §7.3: every byte outside the unreserved set of RFC 3986 as %XX. */
export function urlEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    for (const b of utf8.encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** One macro: split on the delimiters, optionally reverse, keep the right-most parts, join with "." (§7.3). */
function expandOne(part: Extract<MacroPart, { kind: 'macro' }>, value: string): string {
  let pieces = value.split(new RegExp(`[${part.delimiters.replace(/[-\\\]^/]/g, '\\$&')}]`));
  if (part.reverse) pieces = pieces.reverse();
  if (part.keep !== undefined && part.keep < pieces.length) pieces = pieces.slice(pieces.length - part.keep);
  const joined = pieces.join('.');
  return part.escape ? urlEscape(joined) : joined;
}

/** Expands parsed parts with the given values (a letter without a value expands to nothing). */
export function expandMacros(parts: readonly MacroPart[], values: MacroValues): string {
  let out = '';
  for (const part of parts) out += part.kind === 'text' ? part.text : expandOne(part, values[part.letter] ?? '');
  return out;
}
