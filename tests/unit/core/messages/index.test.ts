import { HOST_IDS } from '~/core/hosts/index';
import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_CODES, normaliseDomain } from '~/core/domain';
import { finding, findingGuide, PROBLEM_CODES, type Finding, type FindingOf, type FindingParams, type ProblemCode } from '~/core/findings/index';
import { LANGS } from '~/core/lang';
import { en } from '~/core/messages/en';
import { describeFinding, domainErrorMessage, loadMessages, MESSAGE_LOADERS, type Messages } from '~/core/messages/index';
import { zh } from '~/core/messages/zh';
import { DKIM_ERROR_CODES } from '~/core/records/dkim';
import { DMARC_ERROR_CODES } from '~/core/records/dmarc';
import { SPF_ERROR_CODES } from '~/core/records/spf';
import { RECORD_IDS, type RecordId, type Severity } from '~/core/types';

const MESSAGES = { zh, en } as const satisfies Record<(typeof LANGS)[number], Messages>;
const han = /[\u4e00-\u9fff]/;

const NAMES: Record<RecordId, string> = {
  mx: 'example.com',
  spf: 'example.com',
  dkim: 'default._domainkey.example.com',
  dmarc: '_dmarc.example.com',
  mail: 'mail.example.com',
  imap: 'imap.example.com',
  smtp: 'smtp.example.com',
  pop3: 'pop3.example.com',
};
/** A finding of the given code at the given row, typed by its code. */
const f = <C extends ProblemCode>(code: C, record: RecordId, params: FindingParams[C], severity: Severity = 'fail'): FindingOf<C> =>
  finding(code, severity, { record, name: NAMES[record] }, params);

/** A typical finding for every code, as the checker writes it, and a value its text must name. */
const SAMPLES: { readonly [C in ProblemCode]: { readonly finding: FindingOf<C>; readonly names: string } } = {
  missing: { finding: f('missing', 'mx', { expected: 'mx1.qiye.aliyun.com' }), names: 'mx1.qiye.aliyun.com' },
  'wrong-value': { finding: f('wrong-value', 'mail', { kind: 'cname', observed: 'mail.qiye.aliyun.com', expected: 'qiye.aliyun.com' }), names: 'mail.qiye.aliyun.com' },
  'multiple-spf': { finding: f('multiple-spf', 'spf', { count: 2 }), names: '2' },
  'spf-lookup-limit': { finding: f('spf-lookup-limit', 'spf', { count: 14, limit: 10 }), names: '14' },
  'spf-void-limit': { finding: f('spf-void-limit', 'spf', { count: 3, limit: 2 }), names: '3' },
  'spf-mx-limit': { finding: f('spf-mx-limit', 'spf', { domain: 'big.example.com', count: 11 }, 'warn'), names: 'big.example.com' },
  'spf-syntax': {
    finding: f('spf-syntax', 'spf', { domain: 'example.com', term: 'inlcude:spf.qiye.aliyun.com', reason: 'unknown-mechanism', offset: 7 }),
    names: 'inlcude:spf.qiye.aliyun.com',
  },
  'spf-loop': { finding: f('spf-loop', 'spf', { domain: 'example.com', path: ['example.com', 'a.example.net', 'example.com'] }), names: 'a.example.net' },
  'spf-include-missing': { finding: f('spf-include-missing', 'spf', { include: 'spf.qiye.aliyun.com' }), names: 'include:spf.qiye.aliyun.com' },
  'spf-broken-include': { finding: f('spf-broken-include', 'spf', { domain: 'spf.example.org', from: 'example.com', reason: 'nxdomain' }), names: 'spf.example.org' },
  'foreign-mx': { finding: f('foreign-mx', 'mx', { provider: 'tencent-exmail', hosts: ['mxbiz1.qq.com', 'mxbiz2.qq.com'] }), names: 'mxbiz1.qq.com, mxbiz2.qq.com' },
  'mixed-mx': { finding: f('mixed-mx', 'mx', { provider: 'google-workspace', hosts: ['smtp.google.com'] }), names: 'Google Workspace' },
  'cname-conflict': { finding: f('cname-conflict', 'mx', { target: 'site.example.net' }), names: 'site.example.net' },
  'wrong-name': { finding: f('wrong-name', 'dmarc', { found: '_dmarc.example.com.example.com', expected: '_dmarc.example.com' }), names: '_dmarc.example.com.example.com' },
  nxdomain: { finding: f('nxdomain', 'mx', { domain: 'example.cn' }), names: 'example.cn' },
  'resolver-error': { finding: f('resolver-error', 'mx', { name: 'example.com', type: 'MX', code: 'SERVFAIL' }, 'error'), names: 'SERVFAIL' },
  'weak-policy': { finding: f('weak-policy', 'spf', { spf: '~all' }, 'warn'), names: '~all' },
  'dmarc-syntax': { finding: f('dmarc-syntax', 'dmarc', { reason: 'invalid-policy', tag: 'p', value: 'block' }), names: 'p=block' },
  'dmarc-removed-tag': { finding: f('dmarc-removed-tag', 'dmarc', { tag: 'pct', value: '50' }, 'warn'), names: 'pct=50' },
  'dmarc-testing': { finding: f('dmarc-testing', 'dmarc', { policy: 'quarantine', applied: 'none', chosen: false }, 'warn'), names: 't=y' },
  'dmarc-unknown-tag': { finding: f('dmarc-unknown-tag', 'dmarc', { tags: ['foo=bar'] }, 'info'), names: 'foo=bar' },
  'dmarc-report-size': { finding: f('dmarc-report-size', 'dmarc', { uri: 'mailto:d@example.com!10m' }, 'info'), names: 'mailto:d@example.com!10m' },
  'dmarc-covered': {
    finding: f('dmarc-covered', 'dmarc', { found: '_dmarc.example.com', policyDomain: 'example.com', source: 'organisational', tag: 'sp', policy: 'quarantine', chosen: 'quarantine' }, 'info'),
    names: '_dmarc.example.com',
  },
  'dkim-syntax': { finding: f('dkim-syntax', 'dkim', { reason: 'invalid-key', tag: 'p' }), names: 'default._domainkey.example.com' },
  'dkim-revoked': { finding: f('dkim-revoked', 'dkim', { selector: 'default' }), names: 'default._domainkey.example.com' },
  'dkim-testing': { finding: f('dkim-testing', 'dkim', { selector: 'default' }, 'info'), names: 't=y' },
  'dkim-weak-key': { finding: f('dkim-weak-key', 'dkim', { bits: 1024 }, 'warn'), names: '1024' },
  'dkim-key-mismatch': { finding: f('dkim-key-mismatch', 'dkim', { expected: 'MIIBIjANBgkq…IDAQAB', observed: 'MIGfMA0GCSqG…IDAQAB' }), names: 'MIGfMA0GCSqG…IDAQAB' },
  ttl: { finding: f('ttl', 'mail', { seconds: 600, negative: false }, 'info'), names: '10' },
};

/** Says what is wrong and what to do in the reader's language, names the value, and leaks no placeholder. */
function expectReadable(d: { text: string; fix: string }, lang: 'zh' | 'en', names: string): void {
  const all = `${d.text} ${d.fix}`;
  expect(d.text.length).toBeGreaterThan(10);
  expect(d.fix.length).toBeGreaterThan(5);
  expect(all).toContain(names);
  expect(all).not.toMatch(/undefined|NaN|\[object|\$\{/);
  if (lang === 'zh') expect(d.text).toMatch(han);
  else expect(all).not.toMatch(han);
}

describe.each(PROBLEM_CODES.map((code) => ({ code })))('describeFinding for $code', ({ code }) => {
  const { finding: sample, names } = SAMPLES[code];
  const finding = sample as Finding;

  it.each(LANGS)('says what is wrong and what to do in %s, naming the value', (lang) => {
    expectReadable(describeFinding(finding, MESSAGES[lang]), lang, names);
  });

  it('links the finding’s guide page, the same in both languages', () => {
    expect(describeFinding(finding, zh).guide).toBe(findingGuide(finding));
    expect(describeFinding(finding, en).guide).toBe(findingGuide(finding));
  });

  it('gives different text in the two languages', () => {
    expect(describeFinding(finding, zh).text).not.toBe(describeFinding(finding, en).text);
  });
});

/** Every shape a finding's parameters can take, with a value the text must name. */
const VARIANTS: { readonly note: string; readonly finding: Finding; readonly names: string }[] = [
  { note: 'a missing DKIM record (the value comes from the console)', finding: f('missing', 'dkim', {}), names: 'default._domainkey.example.com' },
  { note: 'a missing optional CNAME', finding: f('missing', 'imap', { expected: 'imap.qiye.aliyun.com', optional: true }, 'info'), names: 'imap.qiye.aliyun.com' },
  { note: 'a missing record without a value to name', finding: f('missing', 'spf', {}), names: 'example.com' },
  { note: 'a partial MX set', finding: f('wrong-value', 'mx', { kind: 'mx-partial', observed: 'mx1.qiye.aliyun.com', expected: 'mx1, mx2', missing: 'mx2.qiye.aliyun.com' }, 'warn'), names: 'mx2.qiye.aliyun.com' },
  { note: 'a wrong value', finding: f('wrong-value', 'mx', { kind: 'value', observed: 'mxqiye.qiye.aliyun.com', expected: 'mx1.qiye.aliyun.com' }), names: 'mxqiye.qiye.aliyun.com' },
  { note: 'an address where a CNAME belongs', finding: f('wrong-value', 'mail', { kind: 'address', observed: '104.16.0.1', expected: 'qiye.aliyun.com' }), names: '104.16.0.1' },
  { note: 'a weaker DMARC policy', finding: f('wrong-value', 'dmarc', { kind: 'dmarc-policy', observed: 'p=none', expected: 'p=reject' }, 'warn'), names: 'p=none' },
  { note: 'MX mixed with unknown servers', finding: f('mixed-mx', 'mx', { hosts: ['backup.example.net'] }), names: 'backup.example.net' },
  { note: 'a null MX host beside others', finding: f('foreign-mx', 'mx', { provider: 'zoho', hosts: ['', 'mx.zoho.com'] }), names: '., mx.zoho.com' },
  ...(['+all', '~all', '?all'] as const).map((spf) => ({ note: `SPF ending in ${spf}`, finding: f('weak-policy', 'spf', { spf }, 'warn') as Finding, names: spf })),
  { note: 'SPF without all', finding: f('weak-policy', 'spf', { spf: 'none' }, 'warn'), names: 'all' },
  { note: 'DMARC p=none, not chosen', finding: f('weak-policy', 'dmarc', { dmarc: 'none', chosen: false }, 'warn'), names: 'p=none' },
  { note: 'DMARC p=none, chosen', finding: f('weak-policy', 'dmarc', { dmarc: 'none', chosen: true }, 'info'), names: 'p=none' },
  { note: 'a DMARC record without v=', finding: f('dmarc-syntax', 'dmarc', { reason: 'no-version', value: 'p=quarantine' }), names: 'p=quarantine' },
  { note: 'several DMARC records', finding: f('dmarc-syntax', 'dmarc', { reason: 'multiple', count: 2 }), names: '_dmarc.example.com' },
  { note: 'a weaker DMARC policy for subdomains', finding: f('wrong-value', 'dmarc', { kind: 'dmarc-policy', observed: 'sp=none', expected: 'sp=quarantine', scope: 'sp' }, 'warn'), names: 'sp=quarantine' },
  { note: 'a weaker DMARC policy for names that do not exist', finding: f('wrong-value', 'dmarc', { kind: 'dmarc-policy', observed: 'p=quarantine', expected: 'np=reject', scope: 'np' }, 'warn'), names: 'np=reject' },
  { note: 'a DMARC record without p, with rua', finding: f('weak-policy', 'dmarc', { dmarc: 'none', chosen: false, noPolicy: 'with-rua' }, 'warn'), names: 'p=none' },
  { note: 'a DMARC record without p or rua', finding: f('weak-policy', 'dmarc', { dmarc: 'none', chosen: false, noPolicy: 'without-rua' }, 'warn'), names: 'rua=' },
  { note: 'a wrong DMARC policy that makes the record p=none', finding: f('dmarc-syntax', 'dmarc', { reason: 'invalid-policy', tag: 'sp', value: 'drop', effect: 'p-none' }), names: 'p=none' },
  { note: 'a wrong DMARC policy that disables DMARC', finding: f('dmarc-syntax', 'dmarc', { reason: 'invalid-policy', tag: 'p', value: 'block', effect: 'no-processing' }), names: 'rua=' },
  { note: 'a DMARC tag receivers ignore', finding: f('dmarc-syntax', 'dmarc', { reason: 'invalid-alignment', tag: 'adkim', value: 'strict' }, 'warn'), names: 'adkim=strict' },
  ...(['pct', 'rf', 'ri'] as const).map((tag) => ({ note: `the removed tag ${tag}`, finding: f('dmarc-removed-tag', 'dmarc', { tag, value: '1' }, 'warn') as Finding, names: `${tag}=1` })),
  { note: 't=y on p=none', finding: f('dmarc-testing', 'dmarc', { policy: 'none', applied: 'none', chosen: false }, 'info'), names: 't=y' },
  { note: 't=y chosen', finding: f('dmarc-testing', 'dmarc', { policy: 'reject', applied: 'quarantine', chosen: true }, 'info'), names: 'quarantine' },
  {
    note: 'a subdomain covered by a weaker sp',
    finding: f('dmarc-covered', 'dmarc', { found: '_dmarc.example.com', policyDomain: 'example.com', source: 'organisational', tag: 'sp', policy: 'none', chosen: 'reject' }, 'warn'),
    names: 'sp=reject',
  },
  {
    note: 'a subdomain covered by p (no sp)',
    finding: f('dmarc-covered', 'dmarc', { found: '_dmarc.example.com', policyDomain: 'example.com', source: 'organisational', tag: 'p', policy: 'reject', chosen: 'quarantine' }, 'info'),
    names: 'p=reject',
  },
  {
    note: 'a name that does not exist covered by np',
    finding: f('dmarc-covered', 'dmarc', { found: '_dmarc.example.com', policyDomain: 'example.com', source: 'organisational', tag: 'np', policy: 'reject', chosen: 'quarantine' }, 'info'),
    names: 'np=reject',
  },
  {
    note: 'a domain covered by a public suffix’s record',
    finding: f('dmarc-covered', 'dmarc', { found: '_dmarc.com', policyDomain: 'com', source: 'psd', tag: 'p', policy: 'reject', chosen: 'quarantine' }, 'info'),
    names: 'psd=y',
  },
  {
    note: 'a covering record that gives no DMARC',
    finding: f('dmarc-covered', 'dmarc', { found: '_dmarc.example.com', policyDomain: 'example.com', source: 'organisational', tag: 'sp', chosen: 'quarantine' }, 'warn'),
    names: '_dmarc.example.com',
  },
  { note: 'a revoked DKIM key', finding: f('dkim-revoked', 'dkim', { selector: 'default' }), names: 'p=' },
  ...(['invalid-hash', 'invalid-service', 'ed25519-length', 'ed25519-spki'] as const).map((reason) => ({
    note: `a DKIM key with ${reason}`,
    finding: f('dkim-syntax', 'dkim', { reason, tag: 'p' }) as Finding,
    names: 'default._domainkey.example.com',
  })),
  { note: 'several DKIM records', finding: f('dkim-syntax', 'dkim', { reason: 'multiple', count: 2 }), names: 'default._domainkey.example.com' },
  { note: 'a TXT record that is not a DKIM key', finding: f('dkim-syntax', 'dkim', { reason: 'not-dkim' }), names: 'default._domainkey.example.com' },
  { note: 'a key under 1024 bits', finding: f('dkim-weak-key', 'dkim', { bits: 512 }), names: '512' },
  ...(['no-record', 'multiple', 'nxdomain'] as const).map((reason) => ({
    note: `an include with ${reason}`,
    finding: f('spf-broken-include', 'spf', { domain: 'spf.example.org', from: 'example.com', reason }) as Finding,
    names: 'spf.example.org',
  })),
  { note: 'a negative-caching time', finding: f('ttl', 'dmarc', { seconds: 300, negative: true }, 'info'), names: '5' },
];

describe.each(VARIANTS)('describeFinding for $note', ({ finding, names }) => {
  it.each(LANGS)('says what is wrong and what to do in %s', (lang) => {
    expectReadable(describeFinding(finding, MESSAGES[lang]), lang, names);
  });
});

describe('describeFinding specifics', () => {
  it('names the provider of foreign MX in the page language', () => {
    const foreign = f('foreign-mx', 'mx', { provider: 'tencent-exmail', hosts: ['mxbiz1.qq.com'] });
    expect(describeFinding(foreign, zh).text).toContain('腾讯企业邮');
    expect(describeFinding(foreign, en).text).toContain('Tencent Exmail');
  });

  it.each([
    { domain: 'example.cn', says: true },
    { domain: 'xn--fsqu00a.xn--fiqs8s', says: true },
    { domain: 'example.com', says: false },
  ])('mentions real-name verification for $domain: $says', ({ domain, says }) => {
    const nx = f('nxdomain', 'mx', { domain });
    expect(describeFinding(nx, zh).fix.includes('实名认证')).toBe(says);
    expect(describeFinding(nx, en).fix.includes('real-name verification')).toBe(says);
  });

  it.each(LANGS)('says what replaces pct (t=y instead of pct=0, no partial rollouts), in %s', (lang) => {
    const d = describeFinding(f('dmarc-removed-tag', 'dmarc', { tag: 'pct', value: '0' }, 'warn'), MESSAGES[lang]);
    expect(d.fix).toContain('t=y');
    expect(d.fix).toContain('pct=0');
    expect(d.fix).toContain('p=none → p=quarantine → p=reject');
  });

  it('says t=y means the policy is not being applied', () => {
    const t = f('dmarc-testing', 'dmarc', { policy: 'reject', applied: 'quarantine', chosen: false }, 'warn');
    expect(describeFinding(t, en).text).toMatch(/t=y.*not being applied/);
    expect(describeFinding(t, zh).text).toMatch(/t=y.*没有按写的执行/);
  });

  it('tells a record without p that has rua from one that has none', () => {
    const withRua = f('weak-policy', 'dmarc', { dmarc: 'none', chosen: false, noPolicy: 'with-rua' }, 'warn');
    const withoutRua = f('weak-policy', 'dmarc', { dmarc: 'none', chosen: false, noPolicy: 'without-rua' }, 'warn');
    expect(describeFinding(withRua, en).text).toContain('treat it as p=none');
    expect(describeFinding(withoutRua, en).text).toContain('no DMARC to your domain at all');
    expect(describeFinding(withRua, zh).text).toContain('按 p=none 处理');
    expect(describeFinding(withoutRua, zh).text).toContain('完全不做 DMARC 处理');
  });

  it('names the domain a covering record is for and where it was found', () => {
    const c = f('dmarc-covered', 'dmarc', { found: '_dmarc.example.com', policyDomain: 'example.com', source: 'organisational', tag: 'sp', policy: 'reject', chosen: 'quarantine' }, 'info');
    const at = { ...c, name: '_dmarc.cn.example.com' };
    expect(describeFinding(at, en).text).toMatch(/^cn\.example\.com has no DMARC record of its own; it is covered by .*_dmarc\.example\.com.*sp=reject/);
    expect(describeFinding(at, zh).text).toMatch(/^cn\.example\.com 没有自己的 DMARC 记录，由组织域名的记录 _dmarc\.example\.com 覆盖/);
  });

  it('says a resolver error does not mean the record is missing', () => {
    const e = f('resolver-error', 'mx', { name: 'example.com', type: 'MX', code: 'timeout' }, 'error');
    expect(describeFinding(e, en).text).toMatch(/does not mean it is missing/);
    expect(describeFinding(e, zh).text).toMatch(/不代表/);
  });

  it('suggests DNS only for an address where a CNAME belongs', () => {
    const address = f('wrong-value', 'mail', { kind: 'address', observed: '104.16.0.1', expected: 'qiye.aliyun.com' });
    expect(describeFinding(address, en).fix).toContain('DNS only');
  });

  it('links the DMARC guide for a weak DMARC policy and the SPF guide for ~all', () => {
    expect(describeFinding(f('weak-policy', 'dmarc', { dmarc: 'none', chosen: false }, 'warn'), en).guide).toBe('dns/dmarc');
    expect(describeFinding(f('weak-policy', 'spf', { spf: '~all' }, 'warn'), en).guide).toBe('dns/spf');
  });

  it.each(LANGS)('shortens a very long value from DNS and shows control characters, in %s', (lang) => {
    const long = f('wrong-value', 'mx', { kind: 'value', observed: `evil\u0007${'x'.repeat(5000)}`, expected: 'mx1.qiye.aliyun.com' });
    const d = describeFinding(long, MESSAGES[lang]);
    expect(d.text.length).toBeLessThan(400);
    expect(d.text).not.toContain('\u0007');
    expect(d.text).toContain('\\u{7}');
    expect(d.text).toContain('…');
  });

  it.each(LANGS)('shortens a long list of hosts and a long SPF loop path, in %s', (lang) => {
    const hosts = Array.from({ length: 200 }, (_, i) => `mx${i}.example.net`);
    expect(describeFinding(f('mixed-mx', 'mx', { hosts }), MESSAGES[lang]).text.length).toBeLessThan(400);
    const path = Array.from({ length: 200 }, (_, i) => `s${i}.example.net`);
    expect(describeFinding(f('spf-loop', 'spf', { domain: 's0.example.net', path }), MESSAGES[lang]).text.length).toBeLessThan(400);
  });
});

describe('duration', () => {
  it.each([
    [30, 'en', '30 seconds'],
    [1, 'en', '1 second'],
    [600, 'en', '10 minutes'],
    [3600, 'en', '60 minutes'],
    [86400, 'en', '24 hours'],
    [604800, 'en', '7 days'],
    [600, 'zh', '10 分钟'],
    [30, 'zh', '30 秒'],
    [86400, 'zh', '24 小时'],
    [604800, 'zh', '7 天'],
  ] as const)('formats %i s as %s (%s)', (seconds, lang, expected) => {
    expect(MESSAGES[lang].duration(seconds)).toBe(expected);
  });
});

describe('the language tables', () => {
  /** Every table of a language file, and the codes it must cover. */
  const TABLES: Record<string, readonly string[]> = {
    findings: PROBLEM_CODES,
    records: RECORD_IDS,
    spfReasons: SPF_ERROR_CODES,
    spfBroken: ['no-record', 'multiple', 'nxdomain'],
    dmarcReasons: [...DMARC_ERROR_CODES, 'multiple'],
    dkimReasons: [...DKIM_ERROR_CODES, 'multiple', 'not-dkim'],
    domainErrors: DOMAIN_ERROR_CODES,
    hostPitfalls: HOST_IDS,
  };

  it.each(LANGS)('%s has exactly these tables', (lang) => {
    const tables = Object.entries(MESSAGES[lang])
      .filter(([, v]) => typeof v === 'object')
      .map(([k]) => k);
    expect(tables.sort()).toEqual(Object.keys(TABLES).sort());
  });

  it.each(Object.entries(TABLES))('zh and en have the same keys in %s, one for each code', (table, codes) => {
    const keys = (lang: 'zh' | 'en') => Object.keys((MESSAGES[lang] as unknown as Record<string, object>)[table] ?? {}).sort();
    expect(keys('zh')).toEqual(keys('en'));
    expect(keys('zh')).toEqual([...codes].sort());
  });

  it.each(['records', 'spfReasons', 'spfBroken', 'dmarcReasons', 'dkimReasons'] as const)('every %s text is in its language', (table) => {
    for (const text of Object.values(zh[table])) expect(text).toMatch(han);
    for (const text of Object.values(en[table])) {
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(han);
    }
  });

  it('names its language', () => {
    expect([zh.lang, en.lang]).toEqual(['zh', 'en']);
  });

  it('loads each language on its own', async () => {
    expect(Object.keys(MESSAGE_LOADERS).sort()).toEqual([...LANGS].sort());
    expect(await loadMessages('zh')).toBe(zh);
    expect(await loadMessages('en')).toBe(en);
  });
});

describe('domainErrorMessage', () => {
  it.each(LANGS)('names the bad value in %s', (lang) => {
    const r = normaliseDomain('192.0.2.1');
    if (r.ok) throw new Error('expected an error');
    expect(domainErrorMessage(r.error, MESSAGES[lang])).toContain('192.0.2.1');
  });

  it.each(LANGS)('shortens a long value and shows control characters visibly, in %s', (lang) => {
    const r = normaliseDomain(`bad\u0000${'x'.repeat(500)}.com`);
    if (r.ok) throw new Error('expected an error');
    const msg = domainErrorMessage(r.error, MESSAGES[lang]);
    expect(msg.length).toBeLessThan(300);
    expect(msg).toContain('\\u{0}');
    expect(msg).not.toContain('\u0000');
    expect(msg).toContain('…');
  });

  it.each(DOMAIN_ERROR_CODES)('has a message in both languages for %s', (code) => {
    const err = { code, input: 'x', detail: 'x' };
    expect(domainErrorMessage(err, zh)).toMatch(han);
    expect(domainErrorMessage(err, en)).toMatch(/^[\x20-\x7e“”…’]+$/);
  });

  it.each(DOMAIN_ERROR_CODES)('never shows "undefined" for %s without a detail', (code) => {
    for (const lang of LANGS) expect(domainErrorMessage({ code, input: 'x' }, MESSAGES[lang])).not.toContain('undefined');
  });
});
