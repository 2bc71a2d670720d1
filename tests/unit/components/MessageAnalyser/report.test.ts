import { describe, expect, it } from 'vitest';
import { messageReport } from '~/components/MessageAnalyser/report';
import { MESSAGE_STRINGS_EN } from '~/components/MessageAnalyser/strings.en';
import { MESSAGE_STRINGS_ZH } from '~/components/MessageAnalyser/strings.zh';
import { withBounceTexts } from '~/components/MessageAnalyser/strings';
import { BOUNCE_TEXTS_EN } from '~/core/message/bounce.en';
import { BOUNCE_TEXTS_ZH } from '~/core/message/bounce.zh';
import { formatReport } from '~/components/ui/report';
import { analyseOver, EXAMPLE_CN, NOW } from '../../support/message-analysis';
import { signMessage } from '../../support/dkim-signer';

const ZONE = EXAMPLE_CN;
const MESSAGE = [
  'Return-Path: <zhang@example.cn>',
  'Received: from smtp.example.cn (smtp.example.cn [198.51.100.7])',
  '\tby mx.example.net (Postfix) with ESMTPS id 4XkQ2b;',
  '\tTue,  3 Nov 2026 09:15:04 +0800 (CST)',
  'Received: from [192.168.1.20] (unknown [192.168.1.20])',
  '\tby smtp.example.cn (Postfix) with ESMTPSA id 1A2B;',
  '\tTue,  3 Nov 2026 09:15:00 +0800 (CST)',
  'From: Zhang <zhang@example.cn>',
  'To: li@example.net',
  'Subject: =?GBK?B?suLK1A==?=',
  'Date: Tue, 03 Nov 2026 09:14:59 +0800',
  'Message-ID: <r1@example.cn>',
  '',
  'Hello',
  '',
].join('\r\n');

async function reportOf(lang: 'zh' | 'en') {
  // Signed, then the body changed: DKIM fails on the body hash; the IP is outside the SPF record.
  const signed = (await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' })).replace('Hello', 'Hello!');
  const analysis = await analyseOver(signed, ZONE, { yieldNow: async () => {} });
  const t = lang === 'zh' ? withBounceTexts(MESSAGE_STRINGS_ZH, BOUNCE_TEXTS_ZH) : withBounceTexts(MESSAGE_STRINGS_EN, BOUNCE_TEXTS_EN);
  const input = messageReport({
    analysis,
    t,
    ranAt: NOW,
    resolvers: { asked: ['AliDNS', 'DNSPod'], answered: ['AliDNS'] },
    guideUrl: (slug) => `https://guide.example/${lang === 'en' ? 'en/' : ''}${slug}/`,
  });
  return { input, text: formatReport({ ...input, lang, url: 'https://guide.example/tools/message/' }) };
}

describe('messageReport', () => {
  it('puts the verdict, the headers, our results with their reasons, the fixes and the hops in an English report', async () => {
    const { input, text } = await reportOf('en');
    expect(input.verdict).toBe(
      'Fails DMARC: neither SPF nor DKIM passed for a domain aligned with the sender domain example.cn. By that domain’s policy, receivers should reject such mail. The “Checked now” section says what to fix.',
    );
    expect(input.rows.map((r) => `[${r.status}] ${r.label}`)).toEqual([
      '[9 header fields] Headers',
      '[fail] DKIM (checked now) d=example.cn s=rsa',
      '[fail] SPF (checked now) d=example.cn',
      '[fail] DMARC (checked now) d=example.cn',
      '[—] Hop 1',
      '[+4 s] Hop 2',
    ]);
    expect(text).toContain('Subject: 测试');
    expect(text).toContain('The body changed after signing');
    expect(text).toContain('Body hash (bh=): does not match');
    expect(text).toContain('Header signature (b=): matches');
    expect(text).toContain('Sending IP: 198.51.100.7 (from the receiver’s Received header)');
    expect(text).toContain('https://guide.example/en/dns/spf/');
    expect(text).toContain('Resolvers asked: AliDNS → DNSPod (answered by: AliDNS)');
    expect(text).toContain('Checked at');
    // The honest note closes the report.
    expect(text.trim().endsWith(MESSAGE_STRINGS_EN.verify.checkedNow)).toBe(true);
  });

  it('writes the same report in Chinese', async () => {
    const { input, text } = await reportOf('zh');
    expect(input.rows.map((r) => r.label)).toEqual(['邮件头', 'DKIM（现在检查） d=example.cn s=rsa', 'SPF（现在检查） d=example.cn', 'DMARC（现在检查） d=example.cn', '第 1 跳', '第 2 跳']);
    expect(text).toContain('主题：测试');
    expect(text).toContain('正文在签名之后被改动过');
    expect(text).toContain('https://guide.example/dns/dkim/');
    expect(text).not.toMatch(/checked now|Hop \d/);
  });
});
