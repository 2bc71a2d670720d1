import { describe, expect, it } from 'vitest';
import { describeFinding, formatDuration } from '~/core/check/messages';
import { PROBLEM_CODES, type Finding, type ProblemCode } from '~/core/types';

/** Slugs of the page map (the guide pages a finding may link). */
const PAGES = new Set([
  'start/overview', 'start/migrate', 'start/overseas',
  'dns/setup', 'dns/mx', 'dns/spf', 'dns/dkim', 'dns/dmarc', 'dns/cname', 'dns/secondary-domains',
  'troubleshooting/not-receiving', 'troubleshooting/bounced-or-spam', 'troubleshooting/overseas-resolution',
  'tools/checker', 'tools/propagation', 'tools/spf', 'tools/lookup',
]);

/** A typical finding for every code, with the params the checker writes and one value that must appear in the text. */
const SAMPLES: Record<ProblemCode, { params: Finding['params']; names: string }> = {
  missing: { params: { record: 'mx', name: 'example.com', expected: 'mx1.qiye.aliyun.com' }, names: 'example.com' },
  'wrong-value': { params: { record: 'mail', name: 'mail.example.com', observed: 'mail.qiye.aliyun.com', expected: 'qiye.aliyun.com', kind: 'cname' }, names: 'mail.qiye.aliyun.com' },
  'multiple-spf': { params: { record: 'spf', name: 'example.com', count: 2 }, names: '2' },
  'spf-lookup-limit': { params: { record: 'spf', name: 'example.com', count: 14, limit: 10 }, names: '14' },
  'spf-void-limit': { params: { record: 'spf', name: 'example.com', count: 3, limit: 2 }, names: '3' },
  'spf-mx-limit': { params: { record: 'spf', name: 'example.com', domain: 'big.example.com', count: 11 }, names: 'big.example.com' },
  'spf-syntax': { params: { record: 'spf', name: 'example.com', domain: 'example.com', term: 'inlcude:spf.qiye.aliyun.com', reason: 'unknown-mechanism', offset: 7 }, names: 'inlcude:spf.qiye.aliyun.com' },
  'spf-loop': { params: { record: 'spf', name: 'example.com', domain: 'example.com', path: 'example.com → a.example.net → example.com' }, names: 'a.example.net' },
  'spf-include-missing': { params: { record: 'spf', name: 'example.com', include: 'spf.qiye.aliyun.com' }, names: 'include:spf.qiye.aliyun.com' },
  'spf-broken-include': { params: { record: 'spf', name: 'example.com', domain: 'spf.example.org', from: 'example.com', reason: 'nxdomain' }, names: 'spf.example.org' },
  'foreign-mx': { params: { record: 'mx', name: 'example.com', provider: 'tencent-exmail', hosts: 'mxbiz1.qq.com' }, names: 'mxbiz1.qq.com' },
  'mixed-mx': { params: { record: 'mx', name: 'example.com', provider: 'google-workspace', hosts: 'smtp.google.com' }, names: 'Google Workspace' },
  'cname-conflict': { params: { record: 'mx', name: 'example.com', target: 'site.example.net' }, names: 'site.example.net' },
  'wrong-name': { params: { record: 'dmarc', name: '_dmarc.example.com', found: '_dmarc.example.com.example.com', expected: '_dmarc.example.com' }, names: '_dmarc.example.com.example.com' },
  nxdomain: { params: { record: 'mx', name: 'example.cn', domain: 'example.cn' }, names: 'example.cn' },
  'resolver-error': { params: { record: 'mx', name: 'example.com', type: 'MX', code: 'SERVFAIL' }, names: 'SERVFAIL' },
  'weak-policy': { params: { record: 'spf', name: 'example.com', qualifier: '~all' }, names: '~all' },
  'dmarc-syntax': { params: { record: 'dmarc', name: '_dmarc.example.com', reason: 'invalid-policy', tag: 'p', value: 'block' }, names: 'p=block' },
  'dkim-syntax': { params: { record: 'dkim', name: 'default._domainkey.example.com', reason: 'revoked', tag: 'p' }, names: 'default._domainkey.example.com' },
  'dkim-weak-key': { params: { record: 'dkim', name: 'default._domainkey.example.com', bits: 1024 }, names: '1024' },
  'dkim-key-mismatch': { params: { record: 'dkim', name: 'default._domainkey.example.com', expected: 'MIIBIjANBgkq…IDAQAB', observed: 'MIGfMA0GCSqG…IDAQAB' }, names: 'MIGfMA0GCSqG' },
  ttl: { params: { record: 'mail', name: 'mail.example.com', seconds: 600, kind: 'positive' }, names: '10' },
};

const han = /[\u4e00-\u9fff]/;

describe.each(PROBLEM_CODES.map((code) => ({ code })))('describeFinding for $code', ({ code }) => {
  const { params, names } = SAMPLES[code];
  const finding: Finding = { code, severity: 'fail', params };

  it.each(['zh', 'en'] as const)('says what is wrong and what to do in %s, naming the value', (lang) => {
    const d = describeFinding(finding, lang);
    expect(d.text.length).toBeGreaterThan(10);
    expect(d.fix.length).toBeGreaterThan(5);
    expect(`${d.text} ${d.fix}`).toContain(names);
    if (lang === 'zh') expect(d.text).toMatch(han);
    else expect(`${d.text} ${d.fix}`).not.toMatch(han);
  });

  it('links a page of the site', () => {
    expect(PAGES.has(describeFinding(finding, 'zh').guide)).toBe(true);
    expect(describeFinding(finding, 'en').guide).toBe(describeFinding(finding, 'zh').guide);
  });

  it('gives different text in the two languages', () => {
    expect(describeFinding(finding, 'zh').text).not.toBe(describeFinding(finding, 'en').text);
  });
});

describe('describeFinding specifics', () => {
  it('names the provider of foreign MX in the page language', () => {
    const f: Finding = { code: 'foreign-mx', severity: 'fail', params: { record: 'mx', provider: 'tencent-exmail', hosts: 'mxbiz1.qq.com' } };
    expect(describeFinding(f, 'zh').text).toContain('腾讯企业邮');
    expect(describeFinding(f, 'en').text).toContain('Tencent Exmail');
  });

  it('mentions real-name verification for a .cn domain only', () => {
    const cn: Finding = { code: 'nxdomain', severity: 'fail', params: { domain: 'example.cn' } };
    const com: Finding = { code: 'nxdomain', severity: 'fail', params: { domain: 'example.com' } };
    expect(describeFinding(cn, 'zh').fix).toContain('实名认证');
    expect(describeFinding(com, 'zh').fix).not.toContain('实名认证');
  });

  it('says a resolver error does not mean the record is missing', () => {
    const f: Finding = { code: 'resolver-error', severity: 'error', params: { name: 'example.com', type: 'MX', code: 'timeout' } };
    expect(describeFinding(f, 'en').text).toMatch(/does not mean it is missing/);
  });

  it('suggests DNS only for an address where a CNAME belongs', () => {
    const f: Finding = { code: 'wrong-value', severity: 'fail', params: { record: 'mail', name: 'mail.example.com', kind: 'address', observed: '104.16.0.1', expected: 'qiye.aliyun.com' } };
    expect(describeFinding(f, 'en').fix).toContain('DNS only');
  });

  it('links the DMARC guide for a weak DMARC policy and the SPF guide for ~all', () => {
    expect(describeFinding({ code: 'weak-policy', severity: 'warn', params: { record: 'dmarc', policy: 'none' } }, 'en').guide).toBe('dns/dmarc');
    expect(describeFinding({ code: 'weak-policy', severity: 'warn', params: { record: 'spf', qualifier: '~all' } }, 'en').guide).toBe('dns/spf');
  });

  it('shortens a very long value from DNS and shows control characters', () => {
    const f: Finding = { code: 'wrong-value', severity: 'fail', params: { record: 'mx', name: 'example.com', observed: `evil\u0007${'x'.repeat(5000)}`, expected: 'mx1.qiye.aliyun.com' } };
    const d = describeFinding(f, 'en');
    expect(d.text.length).toBeLessThan(400);
    expect(d.text).not.toContain('\u0007');
  });

  it.each([
    [30, 'en', '30 seconds'],
    [600, 'en', '10 minutes'],
    [3600, 'en', '60 minutes'],
    [86400, 'en', '24 hours'],
    [604800, 'en', '7 days'],
    [600, 'zh', '10 分钟'],
  ] as const)('formats %i s as %s (%s)', (seconds, lang, expected) => {
    expect(formatDuration(seconds, lang)).toBe(expected);
  });
});
