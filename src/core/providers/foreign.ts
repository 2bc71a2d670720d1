/**
 * Other mail providers, as data, to name a domain's current provider from its
 * MX hosts ("this domain still receives mail at Tencent Exmail").
 * Sources: each provider's own set-up documentation (Google Workspace, Microsoft
 * 365 and Zoho publish theirs; Tencent Exmail and NetEase Qiye values are from
 * consistent secondary sources and are only used to recognise a provider).
 */
import type { ProviderRecogniser } from './types';

export const FOREIGN_PROVIDERS = [
  {
    id: 'tencent-exmail',
    name: { zh: '腾讯企业邮', en: 'Tencent Exmail' },
    mxSuffixes: ['mxbiz1.qq.com', 'mxbiz2.qq.com'],
    spfIncludes: ['spf.mail.qq.com'],
  },
  {
    id: 'netease-qiye',
    name: { zh: '网易企业邮', en: 'NetEase Qiye Mail' },
    mxSuffixes: ['mxmail.netease.com'],
    spfIncludes: ['spf.163.com'],
  },
  {
    id: 'google-workspace',
    name: { zh: 'Google Workspace', en: 'Google Workspace' },
    // smtp.google.com is the current single MX; aspmx.l.google.com and its
    // alt1…alt4 subdomains are the older set.
    mxSuffixes: ['smtp.google.com', 'aspmx.l.google.com'],
    spfIncludes: ['_spf.google.com'],
  },
  {
    id: 'microsoft-365',
    name: { zh: 'Microsoft 365', en: 'Microsoft 365' },
    mxSuffixes: ['mail.protection.outlook.com'],
    spfIncludes: ['spf.protection.outlook.com'],
  },
  {
    id: 'zoho',
    name: { zh: 'Zoho Mail', en: 'Zoho Mail' },
    mxSuffixes: ['zoho.com'],
    spfIncludes: ['zohomail.com', 'zoho.com'],
  },
] as const satisfies readonly ProviderRecogniser[];
