import { describe, expect, it } from 'vitest';
import { decodeHeaderValue } from '~/core/message/encoded-words';
import { utf8ByteString } from '~/core/message/bytes';

// Byte values below come from Python's codecs (str.encode('gbk' | 'big5' | …)), not from TextDecoder.
describe('decodeHeaderValue', () => {
  type Row = { name: string; value: string; text: string };
  const rows: Row[] = [
    { name: 'plain ASCII stays as it is', value: ' Quarterly report', text: 'Quarterly report' },
    { name: 'a GBK subject in B encoding (real GBK bytes)', value: ' =?GBK?B?vL62yLGouOajurLiytTTyrz+?=', text: '季度报告：测试邮件' },
    { name: 'a GB2312 label decodes as GBK (WHATWG)', value: ' =?gb2312?B?vL62yLGouOajurLiytTTyrz+?=', text: '季度报告：测试邮件' },
    { name: 'a GB18030 label', value: '=?GB18030?B?vL62yLGouOajurLiytTTyrz+?=', text: '季度报告：测试邮件' },
    // Four-byte GB18030 sequences (beyond GBK): U+20BB7 𠮷 is 95 34 B2 35; 한 is 83 36 84 33, 국 is 82 37 F4 30.
    { name: 'GB18030 four-byte sequences outside the BMP', value: '=?GB18030?B?lTSyNdKwvNI=?=', text: '𠮷野家' },
    { name: 'GB18030 four-byte sequences inside the BMP, in Q encoding', value: '=?gb18030?Q?=83=36=84=33=82=37=F4=30?=', text: '한국' },
    { name: 'raw GB18030 four-byte bytes outside encoded words', value: '\u0095\u0034\u00b2\u0035\u00d2\u00b0\u00bc\u00d2', text: '𠮷野家' },
    { name: 'a Big5 display name in Q encoding', value: '=?big5?Q?=A4=FD=A4p=A9=FA?=', text: '王小明' },
    { name: 'a Big5 display name in B encoding', value: '=?Big5?B?pP2kcKn6?=', text: '王小明' },
    { name: 'Shift_JIS', value: '=?shift_jis?B?g2WDWINn?=', text: 'テスト' },
    { name: 'KOI8-R', value: '=?koi8-r?B?8NLJ18XU?=', text: 'Привет' },
    { name: 'a UTF-8 character split across two adjacent words is joined', value: '=?UTF-8?B?5L2g5Q==?= =?UTF-8?B?pb3kuJbnlYw=?=', text: '你好世界' },
    { name: 'whitespace between two encoded words is dropped', value: '=?UTF-8?Q?a?=   =?UTF-8?Q?b?=', text: 'ab' },
    { name: 'whitespace between an encoded word and text is kept', value: '=?UTF-8?Q?Re:?= hello', text: 'Re: hello' },
    { name: 'Q encoding turns underscores into spaces', value: '=?ISO-8859-1?Q?Caf=E9_au_lait?=', text: 'Café au lait' },
    { name: 'a language tag (RFC 2231) after the charset is ignored', value: '=?UTF-8*zh?B?5L2g5aW9?=', text: '你好' },
    { name: 'lower-case b and q are accepted', value: '=?utf-8?b?5L2g5aW9?= =?utf-8?q?=21?=', text: '你好!' },
    { name: 'raw UTF-8 bytes outside encoded words (RFC 6532)', value: utf8ByteString(' 你好'), text: '你好' },
    { name: 'raw GBK bytes outside encoded words are read as GB18030', value: '\u00b2\u00e2\u00ca\u00d4', text: '测试' },
    { name: 'folding whitespace collapses to one space', value: ' first\r\n second', text: 'first second' },
  ];
  it.each(rows)('$name', ({ value, text }) => {
    const r = decodeHeaderValue(value, 'subject');
    expect(r).toEqual({ text, errors: [] });
  });

  type Bad = { name: string; value: string; text: string; detail: string };
  const bad: Bad[] = [
    { name: 'broken base64 keeps the word as written', value: '=?UTF-8?B?@@@?=', text: '=?UTF-8?B?@@@?=', detail: 'subject: =?UTF-8?B?@@@?=' },
    { name: 'an unknown charset keeps the word as written', value: '=?x-klingon?B?5L2g?=', text: '=?x-klingon?B?5L2g?=', detail: 'subject: unknown charset x-klingon' },
    { name: 'a bare = in Q text is broken', value: '=?UTF-8?Q?a=zz?=', text: '=?UTF-8?Q?a=zz?=', detail: 'subject: =?UTF-8?Q?a=zz?=' },
  ];
  it.each(bad)('$name and reports bad-encoded-word', ({ value, text, detail }) => {
    expect(decodeHeaderValue(value, 'subject')).toEqual({ text, errors: [{ code: 'bad-encoded-word', detail }] });
  });

  it('decodes a good word after a broken one', () => {
    const r = decodeHeaderValue('=?UTF-8?B?@@?= =?UTF-8?B?5L2g5aW9?=', 'subject');
    expect(r.text).toBe('=?UTF-8?B?@@?= 你好');
    expect(r.errors.map((e) => e.code)).toEqual(['bad-encoded-word']);
  });

  it('stops after 200 encoded words and says so', () => {
    const r = decodeHeaderValue('=?UTF-8?Q?a?= '.repeat(300), 'subject');
    expect(r.text).toBe('a'.repeat(200) + ' =?UTF-8?Q?a?='.repeat(100).trimEnd());
    expect(r.errors).toEqual([{ code: 'bad-encoded-word', detail: 'subject: more than 200 encoded words' }]);
  });
});
