import { describe, expect, it } from 'vitest';
import { parseDkimSignature, parseTagList } from '~/core/message/dkim-tags';

describe('parseTagList', () => {
  it('reads tags with folding whitespace around names and values', () => {
    const r = parseTagList(' v = 1 ;\r\n\ta=rsa-sha256; b=ab\r\n cd ;');
    expect(r).toEqual({ ok: true, tags: new Map([['v', '1'], ['a', 'rsa-sha256'], ['b', 'ab\r\n cd']]) });
  });
  it.each([
    ['a duplicate', 'v=1; v=1', 'duplicate v'],
    ['a part without =', 'v=1; junk', 'junk'],
    ['an empty part in the middle', 'v=1;; a=b', 'empty tag'],
    ['a bad tag name', '1x=2', '1x'],
  ])('refuses %s', (_, text, detail) => expect(parseTagList(text)).toEqual({ ok: false, detail }));
});

describe('parseDkimSignature', () => {
  const base = 'v=1; a=rsa-sha256; c=relaxed/simple; d=Example.CN; s=Default; h=From : To; bh=AAAA; b=BB\r\n BB';
  it('reads and normalises the tags', () => {
    const r = parseDkimSignature(base);
    expect(r).toEqual({
      ok: true,
      signature: {
        algorithm: 'rsa-sha256',
        b: 'BBBB',
        bh: 'AAAA',
        headerCanon: 'relaxed',
        bodyCanon: 'simple',
        domain: 'example.cn',
        selector: 'default',
        signedHeaders: ['from', 'to'],
        identity: '@example.cn',
      },
    });
  });
  it('defaults c= to simple/simple and a lone header canon to simple body', () => {
    const r1 = parseDkimSignature(base.replace('c=relaxed/simple; ', ''));
    const r2 = parseDkimSignature(base.replace('c=relaxed/simple', 'c=relaxed'));
    expect(r1.ok && [r1.signature.headerCanon, r1.signature.bodyCanon]).toEqual(['simple', 'simple']);
    expect(r2.ok && [r2.signature.headerCanon, r2.signature.bodyCanon]).toEqual(['relaxed', 'simple']);
  });
  it('reads i=, l=, t=, x= and z=', () => {
    const r = parseDkimSignature(`${base}; i=zhang@mail.example.cn; l=100; t=1700000000; x=1700086400; z=From:a@b|To:c@d`);
    expect(r.ok && r.signature).toMatchObject({ identity: 'zhang@mail.example.cn', bodyLength: 100, timestamp: 1_700_000_000, expiration: 1_700_086_400, copiedHeaders: ['From:a@b', 'To:c@d'] });
  });
  it('keeps d=, s= and a= for display when the signature is broken', () => {
    expect(parseDkimSignature('v=1; a=rsa-sha256; d=example.cn; s=sel; h=to; bh=AAAA; b=AAAA')).toEqual({
      ok: false,
      reason: 'from-not-signed',
      domain: 'example.cn',
      selector: 'sel',
      algorithm: 'rsa-sha256',
    });
  });
  it('refuses a field over 16 KB without reading it', () => {
    expect(parseDkimSignature('x'.repeat(20_000))).toEqual({ ok: false, reason: 'malformed-signature', detail: 'field longer than 16 KB' });
  });
});
