import { describe, expect, it } from 'vitest';
import { canonBody, canonHeader, canonSignatureField, selectSignedFields, signedHeaderData } from '~/core/message/dkim-canon';
import { splitMessage } from '~/core/message/header';

// RFC 6376 §3.4.6 example: "A: <SP> X <CRLF> B <SP> : <SP> Y <HTAB><CRLF> <HTAB> Z <SP><SP><CRLF>" and its body.
const EXAMPLE = 'A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n';

describe('canonicalisation (RFC 6376 §3.4.6 example)', () => {
  const { fields, body } = splitMessage(EXAMPLE);
  it('relaxed header canonicalisation', () => {
    expect(fields.map((f) => canonHeader(f, 'relaxed')).join('')).toBe('a:X\r\nb:Y Z\r\n');
  });
  it('simple header canonicalisation', () => {
    expect(fields.map((f) => canonHeader(f, 'simple')).join('')).toBe('A: X\r\nB : Y\t\r\n\tZ  \r\n');
  });
  it('relaxed body canonicalisation', () => {
    expect(canonBody(body!, 'relaxed')).toBe(' C\r\nD E\r\n');
  });
  it('simple body canonicalisation', () => {
    expect(canonBody(body!, 'simple')).toBe(' C \r\nD \t E\r\n');
  });
});

describe('canonBody edge cases', () => {
  type Row = { name: string; body: string; simple: string; relaxed: string };
  const rows: Row[] = [
    { name: 'an empty body', body: '', simple: '\r\n', relaxed: '' },
    { name: 'only blank lines', body: '\r\n\r\n', simple: '\r\n', relaxed: '' },
    { name: 'no final CRLF', body: 'abc', simple: 'abc\r\n', relaxed: 'abc\r\n' },
    { name: 'trailing whitespace without a final CRLF', body: 'abc \t', simple: 'abc \t\r\n', relaxed: 'abc\r\n' },
    { name: 'a line of spaces before the end', body: 'a\r\n   \r\n', simple: 'a\r\n   \r\n', relaxed: 'a\r\n' },
  ];
  it.each(rows)('$name', ({ body, simple, relaxed }) => {
    expect(canonBody(body, 'simple')).toBe(simple);
    expect(canonBody(body, 'relaxed')).toBe(relaxed);
  });

  it('is linear on a million blank lines at the end', () => {
    expect(canonBody(`x${'\r\n'.repeat(1_000_000)}`, 'simple')).toBe('x\r\n');
  });
});

describe('signed header selection', () => {
  const { fields } = splitMessage('Received: 1\r\nFrom: a\r\nReceived: 2\r\nSubject: s\r\nDKIM-Signature: v=1; b=abc;\r\n bh=xyz\r\n\r\n');
  it('takes instances bottom up, each once, and nothing for a name with none left', () => {
    expect(selectSignedFields(fields, ['received', 'received', 'received', 'x-missing', 'from']).map((f) => f.value)).toEqual([' 2', ' 1', ' a']);
  });
  it('empties b= (with its folding) in the signature field, keeps bh=, and has no final CRLF', () => {
    const sig = fields[4]!;
    expect(canonSignatureField(sig, 'simple')).toBe('DKIM-Signature: v=1; b=;\r\n bh=xyz');
    expect(canonSignatureField(sig, 'relaxed')).toBe('dkim-signature:v=1; b=; bh=xyz');
    expect(signedHeaderData(fields, sig, ['from', 'dkim-signature'], 'relaxed')).toBe('from:a\r\ndkim-signature:v=1; b=; bh=xyz');
  });
});
