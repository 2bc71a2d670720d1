/**
 * RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header values, in every
 * charset the platform's TextDecoder knows: GB2312/GBK/GB18030 (WHATWG decodes
 * `gb2312` as GBK), Big5, Shift_JIS, ISO-2022-JP, KOI8-R, the ISO-8859 and
 * windows families, UTF-8/16. Adjacent encoded words in the same charset are
 * joined before decoding, because Chinese mailers routinely split one
 * multi-byte character across two words. Raw 8-bit text outside encoded words
 * is read as UTF-8 (RFC 6532) or, failing that, GB18030. A word that cannot be
 * decoded stays as written and produces a typed error; the work is bounded.
 */
import { decodeBase64ToByteString, decoderFor, decodeUnlabelled, byteStringToBytes } from './bytes';
import { LIMITS, type InputError } from './types';

export interface DecodedText {
  readonly text: string;
  readonly errors: readonly InputError[];
}

const WORD = /=\?([^?\s]{1,80})\?([BbQq])\?([^?\s]*)\?=/g;

interface Word {
  readonly start: number;
  readonly end: number;
  readonly charset: string;
  readonly encoding: 'b' | 'q';
  readonly text: string;
}

function decodeQ(text: string): string {
  return text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Bytes of one encoded word, or undefined when its B/Q text is broken. */
function wordBytes(w: Word): string | undefined {
  if (w.encoding === 'b') return decodeBase64ToByteString(w.text, true);
  // A Q word may not hold a bare '=' that is not an escape.
  if (/=(?![0-9A-Fa-f]{2})/.test(w.text)) return undefined;
  return decodeQ(w.text);
}

/**
 * Decode a header value given as a byte string (as in HeaderField.value).
 * `field` names the header in error details.
 */
export function decodeHeaderValue(value: string, field?: string): DecodedText {
  const errors: InputError[] = [];
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(value); m; m = WORD.exec(value)) {
    if (words.length >= LIMITS.maxEncodedWords) {
      errors.push({ code: 'bad-encoded-word', detail: `${field ?? ''}: more than ${LIMITS.maxEncodedWords} encoded words`.trim() });
      break;
    }
    // RFC 2231 §5: charset*language.
    const charset = m[1]!.split('*')[0]!.toLowerCase();
    words.push({ start: m.index, end: m.index + m[0].length, charset, encoding: m[2]!.toLowerCase() as 'b' | 'q', text: m[3]! });
  }
  if (words.length === 0) return { text: collapse(decodeUnlabelled(value)), errors };

  let out = '';
  let pos = 0;
  /** End of the last word that decoded: whitespace between two decoded words is dropped (RFC 2047 §6.2). */
  let decodedEnd = -1;
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const gap = value.slice(pos, w.start);
    if (!(pos === decodedEnd && /^[ \t]*$/.test(gap))) out += decodeUnlabelled(gap);
    const first = wordBytes(w);
    if (first === undefined) {
      // Broken base64 or Q text: keep the word as written.
      errors.push({ code: 'bad-encoded-word', detail: `${field ? `${field}: ` : ''}${value.slice(w.start, w.end).slice(0, 80)}` });
      out += value.slice(w.start, w.end);
      pos = w.end;
      i++;
      continue;
    }
    // Join a run of adjacent words (only whitespace between) in the same charset.
    let bytes = first;
    let last = w;
    let j = i + 1;
    while (j < words.length) {
      const cur = words[j]!;
      if (cur.charset !== w.charset || !/^[ \t]*$/.test(value.slice(last.end, cur.start))) break;
      const b = wordBytes(cur);
      if (b === undefined) break;
      bytes += b;
      last = cur;
      j++;
    }
    const decoder = decoderFor(w.charset);
    if (!decoder) {
      errors.push({ code: 'bad-encoded-word', detail: `${field ? `${field}: ` : ''}unknown charset ${w.charset.slice(0, 40)}` });
      out += value.slice(w.start, last.end);
    } else {
      out += decoder.decode(byteStringToBytes(bytes));
      decodedEnd = last.end;
    }
    pos = last.end;
    i = j;
  }
  out += decodeUnlabelled(value.slice(pos));
  return { text: collapse(out), errors };
}

/** Unfolded header text for display: whitespace runs from folding become one space, ends trimmed. */
function collapse(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
}
