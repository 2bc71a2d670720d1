/**
 * Alibaba Mail, mainland China edition (阿里企业邮箱, qiye.aliyun.com): the default profile.
 * Source: Alibaba Cloud's help centre for Alibaba Mail (阿里邮箱帮助中心): the
 * domain-resolution page (MX, SPF, CNAME records) and the client-settings page
 * (IMAP/POP/SMTP servers and ports); the MX priorities of the older mxhichina
 * set and its SPF include are from consistent secondary sources, not an
 * official page. Commonly copied articles give an MX host that does not
 * exist, `~all` and a wrong target for the mail CNAME: take values only from
 * the official pages above.
 */
import type { ProviderProfile } from './types';

export const aliyunCn = {
  id: 'aliyun-cn',
  name: { zh: '阿里企业邮箱（中国站）', en: 'Alibaba Mail (mainland China)' },
  source: 'Alibaba Cloud help centre, Alibaba Mail: domain resolution and client settings',
  mx: {
    sets: [
      [
        { host: 'mx1.qiye.aliyun.com', priority: 5 },
        { host: 'mx2.qiye.aliyun.com', priority: 10 },
        { host: 'mx3.qiye.aliyun.com', priority: 15 },
      ],
      // Older set, still valid (names H, priorities M).
      [
        { host: 'mxn.mxhichina.com', priority: 5 },
        { host: 'mxw.mxhichina.com', priority: 10 },
      ],
    ],
    // "A mix of the two sets is also accepted by Alibaba."
    allowMix: true,
  },
  spf: {
    include: 'spf.qiye.aliyun.com',
    // Domains on the older MX set usually publish this one (M).
    equivalents: ['spf.mxhichina.com'],
  },
  dkim: { selector: 'default' },
  cnames: [
    { id: 'mail', label: 'mail', target: 'qiye.aliyun.com', required: true },
    { id: 'imap', label: 'imap', target: 'imap.qiye.aliyun.com', required: false },
    { id: 'smtp', label: 'smtp', target: 'smtp.qiye.aliyun.com', required: false },
    { id: 'pop3', label: 'pop3', target: 'pop.qiye.aliyun.com', required: false },
  ],
  clients: {
    imap: { host: 'imap.qiye.aliyun.com', port: 993, security: 'ssl', otherPorts: [{ port: 143, security: 'plain' }] },
    pop3: { host: 'pop.qiye.aliyun.com', port: 995, security: 'ssl', otherPorts: [{ port: 110, security: 'plain' }] },
    // Port 587 is not documented by Alibaba: not listed.
    smtp: {
      host: 'smtp.qiye.aliyun.com',
      port: 465,
      security: 'ssl',
      otherPorts: [
        { port: 25, security: 'plain' },
        { port: 80, security: 'plain' },
      ],
    },
  },
  webmail: 'https://qiye.aliyun.com/',
  defaultTtl: 600,
} as const satisfies ProviderProfile;
