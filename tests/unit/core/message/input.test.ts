import { describe, expect, it } from 'vitest';
import { normaliseInput } from '~/core/message/input';
import { LIMITS } from '~/core/message/types';

describe('normaliseInput', () => {
  type Row = { name: string; input: string; raw: string; lineEndings: string; indentationRemoved?: boolean; mbox?: boolean };
  const rows: Row[] = [
    { name: 'keeps CRLF as it is', input: 'From: a@b\r\nSubject: x\r\n\r\nbody\r\n', raw: 'From: a@b\r\nSubject: x\r\n\r\nbody\r\n', lineEndings: 'crlf' },
    { name: 'turns LF into CRLF', input: 'From: a@b\nSubject: x\n\nbody\n', raw: 'From: a@b\r\nSubject: x\r\n\r\nbody\r\n', lineEndings: 'lf' },
    { name: 'reports mixed line endings', input: 'From: a@b\r\nSubject: x\n\nbody', raw: 'From: a@b\r\nSubject: x\r\n\r\nbody', lineEndings: 'mixed' },
    { name: 'drops blank lines before the headers', input: '\n\n  \nFrom: a@b\n\nx', raw: 'From: a@b\r\n\r\nx', lineEndings: 'lf' },
    {
      name: 'removes indentation shared by every line, keeping folding beyond it',
      input: '    From: a@b\n    Subject: long\n      folded\n    \n    body line\n      indented body line',
      raw: 'From: a@b\r\nSubject: long\r\n  folded\r\n\r\nbody line\r\n  indented body line',
      lineEndings: 'lf',
      indentationRemoved: true,
    },
    {
      name: 'removes tab indentation and treats whitespace-only lines as blank',
      input: '\tFrom: a@b\n\tTo: c@d\n\t\t\n\tbody',
      raw: 'From: a@b\r\nTo: c@d\r\n\r\nbody',
      lineEndings: 'lf',
      indentationRemoved: true,
    },
    {
      name: 'removes no-break-space indentation from a rich-text copy',
      input: '\u00a0\u00a0From: a@b\n\u00a0\u00a0To: c@d\n\n\u00a0\u00a0body',
      raw: 'From: a@b\r\nTo: c@d\r\n\r\nbody',
      lineEndings: 'lf',
      indentationRemoved: true,
    },
    { name: 'does not touch a message whose first line is not indented', input: 'From: a@b\n  folded\n\n  body', raw: 'From: a@b\r\n  folded\r\n\r\n  body', lineEndings: 'lf' },
    { name: 'skips an mbox From line', input: 'From MAILER-DAEMON Mon Aug 30 00:18:55 2010\nFrom: a@b\n\nx', raw: 'From: a@b\r\n\r\nx', lineEndings: 'lf', mbox: true },
    { name: 'drops a byte-order mark', input: '\ufeffFrom: a@b\r\n\r\nx', raw: 'From: a@b\r\n\r\nx', lineEndings: 'crlf' },
  ];
  it.each(rows)('$name', ({ input, raw, lineEndings, indentationRemoved = false, mbox = false }) => {
    const n = normaliseInput(input);
    expect(n.raw).toBe(raw);
    expect(n.errors).toEqual([]);
    expect(n.notes).toMatchObject({ lineEndings, indentationRemoved, mboxLineSkipped: mbox, source: 'text', bytes: raw.length });
  });

  it('encodes pasted text as UTF-8 bytes', () => {
    expect(normaliseInput('Subject: 你好\n').raw).toBe('Subject: \u00e4\u00bd\u00a0\u00e5\u00a5\u00bd\r\n');
  });

  it('takes a file’s bytes as they are (8-bit GBK stays GBK)', () => {
    const bytes = new Uint8Array([...Buffer.from('Subject: '), 0xb2, 0xe2, 0xca, 0xd4, 0x0a]);
    const n = normaliseInput(bytes);
    expect(n.raw).toBe('Subject: \u00b2\u00e2\u00ca\u00d4\r\n');
    expect(n.notes.source).toBe('bytes');
  });

  type Bad = { name: string; input: string | Uint8Array; code: string };
  const bad: Bad[] = [
    { name: 'empty text', input: '', code: 'empty' },
    { name: 'whitespace only', input: ' \n\t\n ', code: 'empty' },
    { name: 'a PDF', input: new Uint8Array([...Buffer.from('%PDF-1.7\n'), 1, 2, 3]), code: 'binary' },
    { name: 'a ZIP (docx)', input: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 10, 0, 0, 0]), code: 'binary' },
    { name: 'an Outlook .msg file', input: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), code: 'binary' },
    { name: 'text with NUL bytes', input: 'From: a@b\n\u0000\u0000', code: 'binary' },
  ];
  it.each(bad)('refuses $name', ({ input, code }) => {
    const n = normaliseInput(input);
    expect(n.raw).toBe('');
    expect(n.errors).toEqual([{ code }]);
  });

  it('keeps only the headers of input over 10 MB and says so', () => {
    const big = `From: a@b\nSubject: big\n\n${'x'.repeat(LIMITS.maxInputBytes + 10)}`;
    const n = normaliseInput(big);
    expect(n.raw).toBe('From: a@b\r\nSubject: big\r\n');
    expect(n.truncated).toBe(true);
    expect(n.errors).toEqual([{ code: 'too-large', detail: String(LIMITS.maxInputBytes) }]);
  });

  it('keeps only the headers of a file over 10 MB', () => {
    const big = new Uint8Array(LIMITS.maxInputBytes + 100).fill(0x61);
    big.set(Buffer.from('From: a@b\r\n\r\n'), 0);
    const n = normaliseInput(big);
    expect(n.raw).toBe('From: a@b\r\n');
    expect(n.errors.map((e) => e.code)).toEqual(['too-large']);
  });
});
