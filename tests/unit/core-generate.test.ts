import { describe, expect, it } from 'vitest';
import { buildExpectedRecords, buildSpf, DKIM_PLACEHOLDER } from '~/core/expected';
import { toCsv } from '~/core/export/csv';
import { quoteTxt, toZoneFile } from '~/core/export/zone';
import { DNS_HOSTS, hostField, type HostId } from '~/core/hosts/index';
import { getProvider, getProviderOrDefault, PROVIDERS, recogniseProvider, recogniseSpfInclude } from '~/core/providers/index';
import type { ProviderProfile } from '~/core/providers/types';
import { parseDkim } from '~/core/records/dkim';
import { parseDmarc } from '~/core/records/dmarc';
import { parseSpf, spfIncludes } from '~/core/records/spf';
import type { ExpectedRecord } from '~/core/types';
import { RSA_2048_SPKI } from './core-fixtures';

const cn = getProvider('aliyun-cn') as ProviderProfile;
const intl = getProvider('aliyun-intl') as ProviderProfile;

describe('provider profiles hold the checked values', () => {
  it('mainland: mx1/2/3.qiye.aliyun.com at 5/10/15, or the mxhichina set', () => {
    expect(cn.mx.sets[0]).toEqual([
      { host: 'mx1.qiye.aliyun.com', priority: 5 },
      { host: 'mx2.qiye.aliyun.com', priority: 10 },
      { host: 'mx3.qiye.aliyun.com', priority: 15 },
    ]);
    expect(cn.mx.sets[1]?.map((m) => m.host)).toEqual(['mxn.mxhichina.com', 'mxw.mxhichina.com']);
    expect(cn.spf).toEqual({ include: 'spf.qiye.aliyun.com', equivalents: ['spf.mxhichina.com'] });
    expect(cn.dkim).toEqual({ selector: 'default' });
    expect(cn.cnames.find((c) => c.id === 'mail')).toEqual({ id: 'mail', label: 'mail', target: 'qiye.aliyun.com', required: true });
    expect(cn.clients.smtp).toMatchObject({ host: 'smtp.qiye.aliyun.com', port: 465, security: 'ssl' });
    expect(cn.clients.imap).toMatchObject({ host: 'imap.qiye.aliyun.com', port: 993 });
  });

  it('international: the Singapore hosts', () => {
    expect(intl.mx.sets).toEqual([[{ host: 'mx1.sg.aliyun.com', priority: 5 }, { host: 'mx2.sg.aliyun.com', priority: 10 }]]);
    expect(intl.spf.include).toBe('spf.sg.aliyun.com');
    expect(intl.cnames.map((c) => `${c.label}→${c.target}`)).toEqual([
      'mail→mail.sg.aliyun.com',
      'imap→imap.sg.aliyun.com',
      'smtp→smtp.sg.aliyun.com',
      'pop3→pop.sg.aliyun.com',
    ]);
  });

  it('never lists port 587 for Alibaba SMTP', () => {
    for (const p of PROVIDERS) expect(JSON.stringify(p.clients.smtp)).not.toContain('587');
  });

  it('falls back to the mainland profile for an unknown id', () => {
    expect(getProvider('nope')).toBeUndefined();
    expect(getProviderOrDefault('nope').id).toBe('aliyun-cn');
    expect(getProviderOrDefault(null).id).toBe('aliyun-cn');
  });
});

describe('recogniseProvider names the provider behind MX hosts', () => {
  it.each([
    // Tencent Exmail
    { hosts: ['mxbiz1.qq.com', 'mxbiz2.qq.com.'], ids: ['tencent-exmail'] },
    // NetEase
    { hosts: ['qiye163mx01.mxmail.netease.com'], ids: ['netease-qiye'] },
    // Google, current and old sets, any case
    { hosts: ['smtp.google.com'], ids: ['google-workspace'] },
    { hosts: ['ASPMX.L.GOOGLE.COM', 'alt1.aspmx.l.google.com'], ids: ['google-workspace'] },
    // Microsoft 365 tenant host
    { hosts: ['contoso-com.mail.protection.outlook.com'], ids: ['microsoft-365'] },
    // Zoho
    { hosts: ['mx.zoho.com', 'mx2.zoho.com'], ids: ['zoho'] },
    // our own profiles, both sets
    { hosts: ['mx1.qiye.aliyun.com', 'mxw.mxhichina.com'], ids: ['aliyun-cn'] },
    { hosts: ['mx1.sg.aliyun.com'], ids: ['aliyun-intl'] },
    // a mix, in order of appearance
    { hosts: ['mxbiz1.qq.com', 'mx1.qiye.aliyun.com'], ids: ['tencent-exmail', 'aliyun-cn'] },
    // unknown hosts are left out; look-alikes do not match
    { hosts: ['mail.example.com', 'notqq.com', 'evilzoho.com'], ids: [] },
  ])('$hosts → $ids', ({ hosts, ids }) => {
    expect(recogniseProvider(hosts).map((p) => p.id)).toEqual(ids);
  });

  it('recognises SPF includes too', () => {
    expect(recogniseSpfInclude('spf.protection.outlook.com')?.id).toBe('microsoft-365');
    expect(recogniseSpfInclude('SPF.MXHICHINA.COM.')?.id).toBe('aliyun-cn');
    expect(recogniseSpfInclude('spf.example.com')).toBeUndefined();
  });
});

describe('hostField writes the name as each DNS console wants it', () => {
  type Row = { fqdn: string; host: HostId; expected: string; note: string };
  const rows: Row[] = [
    { fqdn: 'example.com', host: 'aliyun', expected: '@', note: 'the apex is @ at Alibaba Cloud DNS' },
    { fqdn: '_dmarc.example.com', host: 'aliyun', expected: '_dmarc', note: 'a subname is relative at Alibaba Cloud DNS' },
    { fqdn: 'default._domainkey.example.com', host: 'dnspod', expected: 'default._domainkey', note: 'a two-label prefix at DNSPod' },
    { fqdn: 'example.com', host: 'cloudflare', expected: '@', note: 'the apex is @ at Cloudflare' },
    { fqdn: 'mail.example.com', host: 'godaddy', expected: 'mail', note: 'a subname at GoDaddy' },
    { fqdn: 'mail.example.com', host: 'other', expected: 'mail.example.com.', note: 'the full name with a dot elsewhere' },
    { fqdn: 'example.com', host: 'other', expected: 'example.com.', note: 'the apex in full elsewhere' },
    { fqdn: 'MAIL.Example.COM.', host: 'aliyun', expected: 'mail', note: 'case and a trailing dot are ignored' },
    { fqdn: 'mail.example.org', host: 'aliyun', expected: 'mail.example.org.', note: 'a name outside the domain is written in full' },
    { fqdn: 'notexample.com', host: 'aliyun', expected: 'notexample.com.', note: 'a look-alike suffix is not the domain' },
  ];
  it.each(rows)('$note', ({ fqdn, host, expected }) => {
    expect(hostField(fqdn, 'example.com', host)).toBe(expected);
  });

  it.each(DNS_HOSTS.map((h) => [h.id, h] as const))('%s has a guide page and pitfalls in both languages', (_id, h) => {
    expect(h.guide).toMatch(/^dns\/hosts\/[a-z]+$/);
    expect(h.pitfalls.length).toBeGreaterThan(0);
    for (const p of h.pitfalls) {
      expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('warns Cloudflare users to keep mail CNAMEs unproxied', () => {
    const cf = DNS_HOSTS.find((h) => h.id === 'cloudflare');
    expect(cf?.pitfalls.some((p) => /DNS only/.test(p.en))).toBe(true);
  });
});

function byId(records: readonly ExpectedRecord[], id: string): ExpectedRecord | undefined {
  return records.find((r) => r.id === id);
}

describe('buildExpectedRecords', () => {
  const base = { domain: 'example.com', dmarc: { policy: 'quarantine' as const, rua: 'dmarc@example.com' } };

  it.each(PROVIDERS.map((p) => [p.id, p] as const))('builds MX, SPF, DMARC and CNAMEs from the %s profile', (_id, provider) => {
    const records = buildExpectedRecords({ ...base, provider });
    const mx = byId(records, 'mx');
    expect(mx).toMatchObject({ type: 'MX', name: 'example.com', required: true });
    expect(mx?.values).toEqual(provider.mx.sets[0]?.map((m) => ({ value: m.host, priority: m.priority })));
    expect(byId(records, 'spf')?.values[0]?.value).toBe(`v=spf1 include:${provider.spf.include} -all`);
    expect(byId(records, 'dmarc')).toMatchObject({ type: 'TXT', name: '_dmarc.example.com' });
    for (const c of provider.cnames) {
      expect(byId(records, c.id)).toEqual({ id: c.id, type: 'CNAME', name: `${c.label}.example.com`, values: [{ value: c.target }], required: c.required });
    }
  });

  it('offers the older mxhichina set as an alternative for the mainland profile', () => {
    const mx = byId(buildExpectedRecords({ ...base, provider: cn }), 'mx');
    expect(mx?.alternatives?.[0]?.map((v) => v.value)).toEqual(['mxn.mxhichina.com', 'mxw.mxhichina.com']);
  });

  it('marks DKIM as a console value and never invents a key', () => {
    const dkim = byId(buildExpectedRecords({ ...base, provider: cn }), 'dkim');
    expect(dkim).toMatchObject({ name: 'default._domainkey.example.com', needsConsoleValue: true, required: true });
    expect(dkim?.values[0]?.value).toBe(DKIM_PLACEHOLDER);
    expect(parseDkim(DKIM_PLACEHOLDER).ok).toBe(false);
  });

  it('uses a pasted DKIM key, tidied into one value', () => {
    const dkim = byId(buildExpectedRecords({ ...base, provider: cn, dkimKey: `"v=DKIM1; k=rsa; " "p=${RSA_2048_SPKI}"` }), 'dkim');
    expect(dkim?.needsConsoleValue).toBeUndefined();
    expect(parseDkim(dkim?.values[0]?.value ?? '').tags.p).toBe(RSA_2048_SPKI);
  });

  it('leaves DKIM out when the profile publishes no selector', () => {
    expect(byId(buildExpectedRecords({ ...base, provider: intl }), 'dkim')).toBeUndefined();
  });

  it('writes the chosen DMARC policy and report address', () => {
    const dmarc = byId(buildExpectedRecords({ ...base, provider: cn, dmarc: { policy: 'reject', rua: 'r@example.com' } }), 'dmarc');
    expect(parseDmarc(dmarc?.values[0]?.value ?? '').tags).toMatchObject({ p: 'reject', rua: ['mailto:r@example.com'] });
  });

  it.each([
    // Other senders (a newsletter service, an office IP) stay authorised.
    { existing: 'v=spf1 include:servers.mcsv.net ip4:203.0.113.5 ~all', want: 'v=spf1 include:servers.mcsv.net ip4:203.0.113.5 include:spf.qiye.aliyun.com ~all' },
    // The previous mailbox provider's include is replaced, not kept beside the new one (migration).
    // When the old provider was the only sender, the new record is the provider's own (with -all).
    { existing: 'v=spf1 include:spf.mail.qq.com ~all', want: 'v=spf1 include:spf.qiye.aliyun.com -all' },
    { existing: 'v=spf1 include:_spf.google.com include:servers.mcsv.net -all', want: 'v=spf1 include:servers.mcsv.net include:spf.qiye.aliyun.com -all' },
  ])('merges into the existing SPF record $existing', ({ existing, want }) => {
    const spf = byId(buildExpectedRecords({ ...base, provider: cn, existingSpf: existing }), 'spf');
    expect(spf?.values[0]?.value).toBe(want);
  });

  it('adds DirectMail and an IP as extra senders, in one record', () => {
    const spf = buildSpf(cn, undefined, ['spf1.dm.aliyun.com', 'ip4:203.0.113.5', '']);
    expect(spf).toBe('v=spf1 include:spf.qiye.aliyun.com include:spf1.dm.aliyun.com ip4:203.0.113.5 -all');
    expect(parseSpf(spf).ok).toBe(true);
  });

  it('keeps an existing mxhichina include instead of adding a second one', () => {
    expect(spfIncludes(parseSpf(buildSpf(cn, 'v=spf1 include:spf.mxhichina.com -all')))).toEqual(['spf.mxhichina.com']);
  });

  it('uses the ASCII name of an IDN domain', () => {
    const records = buildExpectedRecords({ ...base, domain: 'xn--fsqu00a.xn--fiqs8s', provider: cn });
    expect(byId(records, 'dmarc')?.name).toBe('_dmarc.xn--fsqu00a.xn--fiqs8s');
  });
});

describe('toZoneFile', () => {
  const records = buildExpectedRecords({
    domain: 'example.com',
    provider: cn,
    dmarc: { policy: 'none' },
    dkimKey: `v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`,
  });
  const zone = toZoneFile(records, 'example.com');

  it('writes absolute names and MX priorities', () => {
    expect(zone).toContain('example.com.\tIN\tMX\t5 mx1.qiye.aliyun.com.');
    expect(zone).toContain('mail.example.com.\tIN\tCNAME\tqiye.aliyun.com.');
    expect(zone).toContain('_dmarc.example.com.\tIN\tTXT\t"v=DMARC1; p=none"');
  });

  it('splits a long DKIM value into quoted strings of at most 255 bytes', () => {
    const line = zone.split('\n').find((l) => l.startsWith('default._domainkey.example.com.')) ?? '';
    const strings = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(strings.length).toBeGreaterThan(1);
    for (const s of strings) expect(s.length).toBeLessThanOrEqual(255);
    expect(strings.join('')).toBe(`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`);
  });

  it('comments out the DKIM line while the key is still to be copied', () => {
    const z = toZoneFile(buildExpectedRecords({ domain: 'example.com', provider: cn, dmarc: { policy: 'none' } }), 'example.com');
    const line = z.split('\n').find((l) => l.includes('default._domainkey')) ?? '';
    expect(line.startsWith(';')).toBe(true);
  });

  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['tab\there', '"tab\\009here"'],
    ['中', '"\\228\\184\\173"'],
  ])('escapes %j as %s', (input, expected) => {
    expect(quoteTxt(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  const records = buildExpectedRecords({ domain: 'example.com', provider: cn, dmarc: { policy: 'quarantine', rua: 'd@example.com' } });

  it('writes the host field for the chosen console', () => {
    const lines = toCsv(records, 'aliyun').split('\r\n');
    expect(lines[0]).toBe('Type,Host,Value,Priority,Required');
    expect(lines).toContain('MX,@,mx1.qiye.aliyun.com,5,yes');
    expect(lines).toContain('TXT,_dmarc,v=DMARC1; p=quarantine; rua=mailto:d@example.com,,yes');
    expect(lines).toContain('CNAME,imap,imap.qiye.aliyun.com,,no');
    expect(toCsv(records, 'other').split('\r\n')).toContain('MX,example.com.,mx1.qiye.aliyun.com,5,yes');
  });

  it.each([
    // a comma or quote needs quoting (RFC 4180)
    ['a,b', '"a,b"'],
    ['say "x"', '"say ""x"""'],
    ['line\nbreak', '"line\nbreak"'],
    // formula injection is defused
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-all', "'-all"],
    ['@SUM(1)', "'@SUM(1)"],
    ['plain', 'plain'],
    // the apex host field stays usable
    ['@', '@'],
  ])('quotes %j as %s', (value, expected) => {
    const rec: ExpectedRecord = { id: 'spf', type: 'TXT', name: 'example.com', values: [{ value }], required: true };
    const line = toCsv([rec], 'aliyun').split('\r\n').slice(1).join('\r\n');
    expect(line).toBe(`TXT,@,${expected},,yes\r\n`);
  });
});
