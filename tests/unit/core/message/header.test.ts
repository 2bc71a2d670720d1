import { describe, expect, it } from 'vitest';
import { allFields, firstField, splitMessage } from '~/core/message/header';
import { LIMITS } from '~/core/message/types';

describe('splitMessage', () => {
  it('keeps each field’s raw text with its folding, and an unfolded value', () => {
    const s = splitMessage('Subject: one\r\n two\r\nFrom : a@b\r\n\r\nbody\r\n');
    expect(s.fields).toEqual([
      { name: 'Subject', key: 'subject', raw: 'Subject: one\r\n two', value: ' one two', line: 1 },
      { name: 'From', key: 'from', raw: 'From : a@b', value: ' a@b', line: 3 },
    ]);
    expect(s.body).toBe('body\r\n');
    expect(s.errors).toEqual([]);
  });

  it('has no body (undefined, not empty) for headers only', () => {
    expect(splitMessage('From: a@b\r\nTo: c@d\r\n').body).toBeUndefined();
  });

  it('has an empty body after a blank line with nothing after it', () => {
    expect(splitMessage('From: a@b\r\n\r\n').body).toBe('');
  });

  it('treats text that does not start with a field as a body without headers', () => {
    const s = splitMessage('This is the mail system at host mx.example.net.\r\n\r\nI am sorry');
    expect(s.fields).toEqual([]);
    expect(s.body).toBe('This is the mail system at host mx.example.net.\r\n\r\nI am sorry');
    expect(s.errors).toEqual([{ code: 'no-headers' }]);
  });

  it('keeps a line that lost its indentation with the field above and reports it', () => {
    const s = splitMessage('Subject: one\r\nbroken line\r\nTo: c@d\r\n\r\n');
    expect(s.fields.map((f) => f.raw)).toEqual(['Subject: one\r\nbroken line', 'To: c@d']);
    expect(s.errors).toEqual([{ code: 'malformed-header-line', line: 2 }]);
  });

  it('reads at most 500 fields and says so', () => {
    const s = splitMessage(`${'X-A: 1\r\n'.repeat(600)}\r\nbody`);
    expect(s.fields).toHaveLength(LIMITS.maxHeaderFields);
    expect(s.errors).toEqual([{ code: 'too-many-headers', detail: '500' }]);
    expect(s.body).toBe('body');
  });

  it('cuts the value of a field over 64 KB but keeps its raw text', () => {
    const long = 'a'.repeat(70_000);
    const s = splitMessage(`X-Long: ${long}\r\n\r\n`);
    expect(s.fields[0]!.value).toHaveLength(LIMITS.maxFieldBytes);
    expect(s.fields[0]!.raw).toHaveLength(70_008);
    expect(s.errors).toEqual([{ code: 'field-too-long', detail: 'X-Long', line: 1 }]);
  });

  it('finds fields by name, case-insensitively, top first', () => {
    const { fields } = splitMessage('Received: a\r\nreceived: b\r\nFrom: x\r\n\r\n');
    expect(allFields(fields, 'RECEIVED').map((f) => f.value)).toEqual([' a', ' b']);
    expect(firstField(fields, 'from')?.value).toBe(' x');
    expect(firstField(fields, 'to')).toBeUndefined();
  });
});
