import { describe, expect, it } from 'vitest';
import { MESSAGE_DMARC_STEPS } from '~/core/dmarc/message';
import { firstWave } from '~/components/MessageAnalyser/firstWave';
import { analyseMessage } from '~/core/message/analyse';
import { evaluateSpf } from '~/core/spf/evaluate';
import { fakeDns, type FakeZone } from '../../support/fake-dns';
import { keyRecord, signMessage } from '../../support/dkim-signer';

const MESSAGE = [
  'Received: from mail.example.cn (mail.example.cn [203.0.113.5])',
  '\tby mx.example.net with ESMTPS id 1; Tue, 3 Nov 2026 09:15:04 +0800',
  'Return-Path: <zhang@Bounce.Example.CN>',
  'From: "Zhang <x@evil.example>" <zhang@mail.example.cn>',
  'Subject: hi',
  '',
  'body',
  '',
].join('\r\n');

describe('firstWave', () => {
  it('asks each key, the envelope sender’s SPF record, the From domain’s DMARC walk and the walks relaxed alignment needs', async () => {
    const signed = await signMessage(await signMessage(MESSAGE, { key: 'rsa2048', domain: 'Example.CN', selector: 'RSA' }), { key: 'ed25519', domain: 'example.cn', selector: 'ed' });
    expect(firstWave(signed)).toEqual([
      'ed._domainkey.example.cn',
      'RSA._domainkey.example.cn',
      'bounce.example.cn',
      '_dmarc.mail.example.cn',
      '_dmarc.example.cn',
      '_dmarc.cn',
      // The organisational domain of the envelope sender's domain (the signers' walk, example.cn's, is already there).
      '_dmarc.bounce.example.cn',
    ]);
  });

  it('reads bytes as well as text', () => {
    expect(firstWave(new TextEncoder().encode(MESSAGE).buffer)).toEqual(['bounce.example.cn', '_dmarc.mail.example.cn', '_dmarc.example.cn', '_dmarc.cn', '_dmarc.bounce.example.cn']);
  });

  it('asks the walk of a signing domain that is not From’s', () => {
    const text = `DKIM-Signature: v=1; d=news.example.org; s=s1; h=from; bh=A; b=A\r\nFrom: a@example.cn\r\n\r\n`;
    expect(firstWave(text)).toEqual(['s1._domainkey.news.example.org', '_dmarc.example.cn', '_dmarc.cn', '_dmarc.news.example.org', '_dmarc.example.org', '_dmarc.org']);
  });

  it.each([
    ['pasted text', (t: string) => t],
    ['a file’s bytes', (t: string) => new TextEncoder().encode(t).buffer],
  ])('asks an internationalised From and Return-Path domain in A-labels (RFC 6532) from %s', (_name, as) => {
    const text = 'Received: from a ([203.0.113.5]) by mx.example.net; Tue, 3 Nov 2026 09:15:04 +0800\r\nReturn-Path: <li@例子.cn>\r\nFrom: 李四 <li@例子.cn>\r\n\r\n';
    expect(firstWave(as(text))).toEqual(['xn--fsqu00a.cn', '_dmarc.xn--fsqu00a.cn', '_dmarc.cn']);
  });

  it.each([
    ['no Received field: no SPF question (SPF will not be evaluated)', MESSAGE.replace(/Received:[^]*?\+0800\r\n/, ''), ['_dmarc.mail.example.cn', '_dmarc.example.cn', '_dmarc.cn']],
    ['a null sender (a bounce): no SPF question', MESSAGE.replace('<zhang@Bounce.Example.CN>', '<>'), ['_dmarc.mail.example.cn', '_dmarc.example.cn', '_dmarc.cn']],
    ['a body that looks like headers is not read', 'Subject: x\r\n\r\nDKIM-Signature: d=a.example; s=s\r\nFrom: a@b.example\r\n', []],
    ['names that cannot be DNS names are dropped', 'DKIM-Signature: d=exa mple.com; s=s1\r\nFrom: x@exa$mple.com\r\n\r\n', []],
    ['nothing at all', '', []],
  ])('%s', (_name, text, names) => {
    expect(firstWave(text)).toEqual(names);
  });

  it('asks only what the analysis asks: every first-wave name is a question the analysis also sends', async () => {
    const zone: FakeZone = {
      'rsa._domainkey.example.cn': { TXT: [keyRecord('rsa2048')] },
      'bounce.example.cn': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
      '_dmarc.example.cn': { TXT: ['v=DMARC1; p=reject'] },
    };
    const signed = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const dns = fakeDns(zone);
    await analyseMessage(signed, { query: dns.query, now: Date.UTC(2026, 10, 3), evaluateSpf, dmarc: MESSAGE_DMARC_STEPS, yieldNow: async () => {} });
    const asked = new Set(dns.asked.filter((q) => q.type === 'TXT').map((q) => q.name.toLowerCase()));
    for (const name of firstWave(signed)) expect(asked, name).toContain(name.toLowerCase());
  });
});
