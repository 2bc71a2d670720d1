import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROVIDER_ID,
  getProvider,
  getProviderOrDefault,
  isProviderId,
  matchesSuffix,
  PROVIDER_IDS,
  PROVIDERS,
  providerName,
  recogniseProvider,
  recogniseSpfInclude,
} from '~/core/providers/index';
import type { ProviderProfile } from '~/core/providers/types';

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
    expect(cn.mx.allowMix).toBe(true);
    expect(cn.spf).toEqual({ include: 'spf.qiye.aliyun.com', equivalents: ['spf.mxhichina.com'] });
    expect(cn.dkim).toEqual({ selector: 'default' });
    expect(cn.cnames.find((c) => c.id === 'mail')).toEqual({ id: 'mail', label: 'mail', target: 'qiye.aliyun.com', required: true });
    expect(cn.clients.smtp).toMatchObject({ host: 'smtp.qiye.aliyun.com', port: 465, security: 'ssl' });
    expect(cn.clients.imap).toMatchObject({ host: 'imap.qiye.aliyun.com', port: 993 });
  });

  it('international: the Singapore hosts, no mix of sets, no published DKIM selector', () => {
    expect(intl.mx.sets).toEqual([
      [
        { host: 'mx1.sg.aliyun.com', priority: 5 },
        { host: 'mx2.sg.aliyun.com', priority: 10 },
      ],
    ]);
    expect(intl.mx.allowMix).toBe(false);
    expect(intl.spf).toEqual({ include: 'spf.sg.aliyun.com', equivalents: [] });
    expect(intl.dkim).toBeNull();
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

  it('writes every host in normal form (lower case, no trailing dot)', () => {
    for (const p of PROVIDERS) {
      const hosts = [...p.mx.sets.flat().map((m) => m.host), p.spf.include, ...p.spf.equivalents, ...p.cnames.map((c) => c.target)];
      for (const h of hosts) expect(h).toMatch(/^[a-z0-9.-]+[a-z]$/);
    }
  });
});

describe('getProvider', () => {
  it.each([
    { id: 'aliyun-cn', want: 'aliyun-cn' },
    { id: 'aliyun-intl', want: 'aliyun-intl' },
    { id: 'nope', want: undefined },
    { id: 'ALIYUN-CN', want: undefined },
  ])('finds $id → $want', ({ id, want }) => {
    expect(getProvider(id)?.id).toBe(want);
  });

  it.each([
    { id: 'nope', want: 'aliyun-cn' },
    { id: null, want: 'aliyun-cn' },
    { id: undefined, want: 'aliyun-cn' },
    { id: 'aliyun-intl', want: 'aliyun-intl' },
  ])('falls back to the mainland profile: $id → $want', ({ id, want }) => {
    expect(getProviderOrDefault(id).id).toBe(want);
  });

  it('lists the profile ids, the default first', () => {
    expect(PROVIDER_IDS).toEqual(['aliyun-cn', 'aliyun-intl']);
    expect(DEFAULT_PROVIDER_ID).toBe('aliyun-cn');
  });

  it.each([
    { id: 'aliyun-cn', is: true },
    { id: 'tencent-exmail', is: false },
    { id: 42, is: false },
    { id: undefined, is: false },
  ])('isProviderId($id) → $is', ({ id, is }) => {
    expect(isProviderId(id)).toBe(is);
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

  it('keeps the hosts as given, grouped by provider', () => {
    expect(recogniseProvider(['MXBIZ1.qq.com.', 'backup.example.net', 'mxbiz2.qq.com'])).toEqual([
      { id: 'tencent-exmail', name: expect.objectContaining({ en: 'Tencent Exmail' }), hosts: ['MXBIZ1.qq.com.', 'mxbiz2.qq.com'] },
    ]);
  });

  it.each([
    { include: 'spf.protection.outlook.com', id: 'microsoft-365' },
    { include: 'SPF.MXHICHINA.COM.', id: 'aliyun-cn' },
    { include: 'spf.sg.aliyun.com', id: 'aliyun-intl' },
    { include: 'spf.mail.qq.com', id: 'tencent-exmail' },
    { include: 'spf.example.com', id: undefined },
    // An include is recognised by its exact name, not a suffix.
    { include: 'x.spf.mail.qq.com', id: undefined },
  ])('recognises the SPF include $include → $id', ({ include, id }) => {
    expect(recogniseSpfInclude(include)?.id).toBe(id);
  });
});

describe('matchesSuffix', () => {
  it.each([
    { host: 'mx1.qiye.aliyun.com', suffix: 'qiye.aliyun.com', match: true },
    { host: 'QIYE.ALIYUN.COM.', suffix: 'qiye.aliyun.com', match: true },
    { host: 'notqiye.aliyun.com', suffix: 'qiye.aliyun.com', match: false },
    { host: 'qiye.aliyun.com.evil.example', suffix: 'qiye.aliyun.com', match: false },
  ])('$host under $suffix → $match', ({ host, suffix, match }) => {
    expect(matchesSuffix(host, suffix)).toBe(match);
  });
});

describe('providerName', () => {
  it.each([
    { id: 'tencent-exmail', lang: 'zh', name: '腾讯企业邮' },
    { id: 'tencent-exmail', lang: 'en', name: 'Tencent Exmail' },
    { id: 'aliyun-cn', lang: 'en', name: 'Alibaba Mail (mainland China)' },
    // An id the site does not know is shown as it is.
    { id: 'unknown-provider', lang: 'zh', name: 'unknown-provider' },
  ] as const)('names $id in $lang as $name', ({ id, lang, name }) => {
    expect(providerName(id, lang)).toBe(name);
  });
});
