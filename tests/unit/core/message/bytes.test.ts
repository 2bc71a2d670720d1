import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byteStringToBytes,
  bytesToByteString,
  decodeBase64ToByteString,
  decodeCharset,
  decodeQuotedPrintable,
  decodeUnlabelled,
  encodeBase64,
  utf8ByteString,
} from '~/core/message/bytes';

describe('byte strings', () => {
  it('round-trip any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(byteStringToBytes(bytesToByteString(bytes))).toEqual(bytes);
      }),
    );
  });

  it('base64 round-trips with Node’s encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString('base64');
        expect(encodeBase64(bytes)).toBe(b64);
        expect(decodeBase64ToByteString(b64, true)).toBe(bytesToByteString(bytes));
      }),
    );
  });

  type B64 = { name: string; input: string; strict: boolean; out: string | undefined };
  const b64: B64[] = [
    { name: 'skips line breaks', input: 'aGVs\r\nbG8=', strict: true, out: 'hello' },
    { name: 'strict refuses a stray character', input: 'aGVs*bG8=', strict: true, out: undefined },
    { name: 'lenient skips a stray character', input: 'aGVs*bG8=', strict: false, out: 'hello' },
    { name: 'strict refuses a lone sixth bit group', input: 'aGVsb', strict: true, out: undefined },
    { name: 'strict refuses bad padding', input: 'aGVsbG8===', strict: true, out: undefined },
  ];
  it.each(b64)('base64 $name', ({ input, strict, out }) => expect(decodeBase64ToByteString(input, strict)).toBe(out));

  type Qp = { name: string; input: string; out: string };
  const qp: Qp[] = [
    { name: 'decodes escapes', input: 'caf=C3=A9', out: 'caf\u00c3\u00a9' },
    { name: 'joins soft line breaks', input: 'long=\r\nline', out: 'longline' },
    { name: 'joins a soft break with trailing spaces', input: 'long=  \r\nline', out: 'longline' },
    { name: 'keeps a malformed escape as it is', input: 'a=zz', out: 'a=zz' },
    { name: 'accepts lower-case hex', input: '=e4=bd=a0', out: '\u00e4\u00bd\u00a0' },
  ];
  it.each(qp)('quoted-printable $name', ({ input, out }) => expect(decodeQuotedPrintable(input)).toBe(out));

  it('decodes a known charset and refuses an unknown one', () => {
    expect(decodeCharset('\u00b2\u00e2\u00ca\u00d4', 'gb2312')).toEqual({ ok: true, text: '测试' });
    expect(decodeCharset('abc', 'x-nonsense')).toEqual({ ok: false, reason: 'unknown-charset' });
  });

  it('reads unlabelled bytes as UTF-8, then GB18030, then windows-1252', () => {
    expect(decodeUnlabelled(utf8ByteString('你好'))).toBe('你好');
    expect(decodeUnlabelled('\u00b2\u00e2\u00ca\u00d4')).toBe('测试');
    expect(decodeUnlabelled('caf\u00e9')).toBe('café');
  });
});
