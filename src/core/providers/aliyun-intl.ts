/**
 * Alibaba Mail, international edition (Singapore site).
 * Source: Alibaba Cloud's help centre for Alibaba Mail, international edition
 * (Singapore site): domain resolution and client settings. No DKIM selector
 * and no POP port are published for this edition, so neither is stated here:
 * the DKIM record is copied from the admin console.
 */
import type { ProviderProfile } from './types';

export const aliyunIntl = {
  id: 'aliyun-intl',
  name: { zh: '阿里邮箱国际版（新加坡）', en: 'Alibaba Mail international (Singapore)' },
  source: 'Alibaba Cloud help centre, Alibaba Mail international (Singapore): domain resolution and client settings',
  mx: {
    sets: [
      [
        { host: 'mx1.sg.aliyun.com', priority: 5 },
        { host: 'mx2.sg.aliyun.com', priority: 10 },
      ],
    ],
    allowMix: false,
  },
  spf: { include: 'spf.sg.aliyun.com', equivalents: [] },
  dkim: null,
  cnames: [
    { id: 'mail', label: 'mail', target: 'mail.sg.aliyun.com', required: true },
    { id: 'imap', label: 'imap', target: 'imap.sg.aliyun.com', required: false },
    { id: 'smtp', label: 'smtp', target: 'smtp.sg.aliyun.com', required: false },
    { id: 'pop3', label: 'pop3', target: 'pop.sg.aliyun.com', required: false },
  ],
  clients: {
    imap: { host: 'imap.sg.aliyun.com', port: 993, security: 'ssl' },
    smtp: { host: 'smtp.sg.aliyun.com', port: 465, security: 'ssl' },
  },
  webmail: 'https://mail.sg.aliyun.com/',
} as const satisfies ProviderProfile;
