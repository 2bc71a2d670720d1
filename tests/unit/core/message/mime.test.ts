import { describe, expect, it } from 'vitest';
import { splitMessage } from '~/core/message/header';
import { decodeBody, parseContentType, parseMime, parseStructured, partText, splitMultipart, stripComments, walkParts } from '~/core/message/mime';

describe('parseContentType', () => {
  type Row = { name: string; value: string | undefined; type: string; params: Record<string, string> };
  const rows: Row[] = [
    { name: 'defaults to text/plain when absent', value: undefined, type: 'text/plain', params: {} },
    { name: 'reads type and a quoted parameter', value: ' multipart/report; report-type=delivery-status;\r\n boundary="=_a;b"', type: 'multipart/report', params: { 'report-type': 'delivery-status', boundary: '=_a;b' } },
    { name: 'lower-cases the type and parameter names', value: 'Text/HTML; CharSet=GBK', type: 'text/html', params: { charset: 'GBK' } },
    { name: 'ignores comments', value: 'text/plain (body); charset=utf-8 (unicode)', type: 'text/plain', params: { charset: 'utf-8' } },
    { name: 'falls back to text/plain for a broken type', value: 'nonsense', type: 'text/plain', params: {} },
    {
      name: 'joins RFC 2231 continuations and decodes their charset',
      value: "application/pdf; name*0*=utf-8''%E5%AD%A3%E5%BA%A6; name*1*=%E6%8A%A5%E5%91%8A.pdf",
      type: 'application/pdf',
      params: { name: '季度报告.pdf' },
    },
    { name: 'joins plain RFC 2231 continuations', value: 'text/plain; x*0="ab"; x*1="cd"', type: 'text/plain', params: { x: 'abcd' } },
  ];
  it.each(rows)('$name', ({ value, type, params }) => expect(parseContentType(value)).toEqual({ type, params }));

  it('reads Content-Disposition with a GBK RFC 2231 filename', () => {
    expect(parseStructured("attachment; filename*=gbk''%B2%E2%CA%D4.txt")).toEqual({ main: 'attachment', params: { filename: '测试.txt' } });
  });

  it('removes nested comments but not comment-like text in quotes', () => {
    expect(stripComments('a (b (c) d) "e (f)"')).toBe('a   "e (f)"');
  });
});

describe('splitMultipart', () => {
  it('splits on boundary lines and stops at the close delimiter', () => {
    const body = 'preamble\r\n--b\r\nA\r\n--b\r\n\r\nB\r\n--b--\r\nepilogue';
    expect(splitMultipart(body, 'b')).toEqual(['A', '\r\nB']);
  });
  it('does not take a longer boundary for this one', () => {
    expect(splitMultipart('--b\r\nA\r\n--bb\r\nstill A\r\n--b--', 'b')).toEqual(['A\r\n--bb\r\nstill A']);
  });
  it('ends at the end of the body when the close delimiter is missing', () => {
    expect(splitMultipart('--b\r\nA\r\n--b\r\nB', 'b')).toEqual(['A', 'B']);
  });
  it('returns nothing when the boundary never appears', () => {
    expect(splitMultipart('no parts here', 'b')).toEqual([]);
  });
});

const DSN = [
  'From: MAILER-DAEMON@mx.example.cn',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="XX"',
  '',
  '--XX',
  'Content-Type: text/plain; charset=gb2312',
  'Content-Transfer-Encoding: base64',
  '',
  'suLK1A==',
  '--XX',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.cn',
  '',
  'Final-Recipient: rfc822; a@example.net',
  'Status: 5.1.1',
  '--XX',
  'Content-Type: text/rfc822-headers',
  '',
  'From: me@example.cn',
  'Subject: =?UTF-8?B?5L2g5aW9?=',
  '--XX--',
  '',
].join('\r\n');

describe('parseMime', () => {
  it('walks a DSN: a base64 GB2312 text part, the delivery-status part and returned headers', () => {
    const s = splitMessage(DSN);
    const { root, errors } = parseMime(s.fields, s.body);
    expect(errors).toEqual([]);
    expect(root.parts.map((p) => p.contentType.type)).toEqual(['text/plain', 'message/delivery-status', 'text/rfc822-headers']);
    expect(partText(root.parts[0]!)).toBe('测试');
    expect(decodeBody(root.parts[1]!)).toContain('Status: 5.1.1');
    const returned = root.parts[2]!.message!;
    expect(returned.headers.map((h) => h.name)).toEqual(['From', 'Subject']);
    expect(returned.body).toBeUndefined();
    expect([...walkParts(root)].map((p) => p.path)).toEqual([[], [0], [1], [2], [2, 0]]);
  });

  it('decodes quoted-printable text in its charset', () => {
    const s = splitMessage('Content-Type: text/plain; charset=big5\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=A4=FD=A4p=A9=FA');
    expect(partText(parseMime(s.fields, s.body).root)).toBe('王小明');
  });

  it('reports a multipart without boundary', () => {
    const s = splitMessage('Content-Type: multipart/mixed\r\n\r\nx');
    expect(parseMime(s.fields, s.body).errors).toEqual([{ code: 'mime-malformed', detail: 'multipart/mixed without boundary' }]);
  });

  it('stops at the nesting limit', () => {
    let msg = 'x';
    for (let i = 0; i < 20; i++) msg = `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n${msg}\r\n--b${i}--`;
    const s = splitMessage(msg);
    expect(parseMime(s.fields, s.body).errors).toEqual([{ code: 'mime-limit', detail: 'depth' }]);
  });

  it('stops at 200 parts', () => {
    const parts = Array.from({ length: 300 }, (_, i) => `--b\r\n\r\npart ${i}`).join('\r\n');
    const s = splitMessage(`Content-Type: multipart/mixed; boundary=b\r\n\r\n${parts}\r\n--b--`);
    const r = parseMime(s.fields, s.body);
    expect(r.errors).toEqual([{ code: 'mime-limit', detail: 'parts' }]);
    expect(r.root.parts.length).toBe(199);
  });
});
