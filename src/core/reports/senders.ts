/**
 * Known senders, recognised from the reverse DNS (PTR) name of a source IP.
 * Data, one row per organisation: adding a sender is adding a row.
 *
 * Where the names come from: the host names these services put in their own
 * Received headers and PTR records, as their documentation and published mail
 * headers show them. Confidence per row as in the provider facts file:
 * H = documented by the service; M = consistent in many published headers;
 * L = seen in few. A PTR name is set by whoever holds the IP block, so a match
 * names the network the mail left from, not who wrote it (a Gmail user and a
 * Google Workspace customer look the same).
 *
 * `providerIds` ties a sender to the mailbox profiles and recognisers in
 * src/core/providers/ (aliyun-cn, tencent-exmail, …), so the advice can tell
 * "your own provider" from "another service".
 */

export const SENDER_KINDS = [
  /** Hosts people's mailboxes (Alibaba Mail, Gmail, Outlook …): sends for its users, and forwards their mail. */
  'mailbox',
  /** A sending platform (newsletters, transactional mail): sends for a customer who must authorise it. */
  'platform',
  /** A mail security gateway or relay: passes mail on for someone else's domain. */
  'gateway',
] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export interface SenderProfile {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly kind: SenderKind;
  /** Provider profile / recogniser ids (src/core/providers) this is the outgoing side of. */
  readonly providerIds: readonly string[];
  /** A PTR name matches when it equals a suffix or ends with "." + suffix. */
  readonly ptrSuffixes: readonly string[];
  /** Other PTR name shapes (whole-name regular expressions, lower-case input). */
  readonly ptrPatterns?: readonly RegExp[];
  readonly confidence: 'H' | 'M' | 'L';
}

export const SENDERS = [
  {
    id: 'alibaba-mail',
    name: { zh: '阿里邮箱', en: 'Alibaba Mail' },
    kind: 'mailbox',
    providerIds: ['aliyun-cn', 'aliyun-intl'],
    // out<N>-<N>.mail.aliyun.com and out<N>-<N>.freemail.mail.aliyun.com (also under
    // regional labels such as .us.a.mail.aliyun.com) in published headers. Alibaba's
    // DirectMail bulk service also sends from aliyun.com hosts and cannot be told apart
    // from the mailbox service by PTR with certainty (M).
    ptrSuffixes: ['mail.aliyun.com'],
    confidence: 'M',
  },
  {
    id: 'google',
    name: { zh: 'Google（Gmail / Google Workspace）', en: 'Google (Gmail / Google Workspace)' },
    kind: 'mailbox',
    providerIds: ['google-workspace'],
    // mail-<x>-f<N>.google.com (e.g. mail-wr1-f54.google.com); also mail-sor-… for Google's own senders.
    ptrSuffixes: ['google.com'],
    confidence: 'H',
  },
  {
    id: 'microsoft',
    name: { zh: 'Microsoft（Outlook.com / Microsoft 365）', en: 'Microsoft (Outlook.com / Microsoft 365)' },
    kind: 'mailbox',
    providerIds: ['microsoft-365'],
    // mail-<region><N>.outbound.protection.outlook.com for Exchange Online and Outlook.com.
    ptrSuffixes: ['outbound.protection.outlook.com', 'protection.outlook.com'],
    confidence: 'H',
  },
  {
    id: 'yahoo',
    name: { zh: 'Yahoo / AOL', en: 'Yahoo / AOL' },
    kind: 'mailbox',
    providerIds: [],
    // sonic<N>-<N>.consmr.mail.<dc>.yahoo.com; AOL mail now leaves from Yahoo's network
    // but older aol.com hosts still appear (M).
    ptrSuffixes: ['yahoo.com', 'yahoo.net', 'aol.com'],
    confidence: 'M',
  },
  {
    id: 'tencent',
    name: { zh: '腾讯（QQ 邮箱 / 腾讯企业邮）', en: 'Tencent (QQ Mail / Exmail)' },
    kind: 'mailbox',
    providerIds: ['tencent-exmail'],
    // smtpbg<N>.qq.com and smtpbg<region>.qq.com (Exmail), out<ip-with-dashes>.mail.qq.com
    // (QQ Mail). Personal QQ Mail and Exmail share the network (M).
    ptrSuffixes: ['qq.com'],
    confidence: 'M',
  },
  {
    id: 'netease-qiye',
    name: { zh: '网易企业邮', en: 'NetEase Qiye Mail' },
    kind: 'mailbox',
    providerIds: ['netease-qiye'],
    // mail-m<N>.qiye.163.com in published headers (M).
    ptrSuffixes: ['qiye.163.com'],
    confidence: 'M',
  },
  {
    id: 'netease',
    name: { zh: '网易邮箱（163 / 126）', en: 'NetEase Mail (163 / 126)' },
    kind: 'mailbox',
    providerIds: [],
    // m<N>-<N>.163.com, m<N>-<N>.126.com; yeah.net and 188.com are NetEase's too (M; yeah.net and 188.com L).
    ptrSuffixes: ['163.com', '126.com', 'yeah.net', '188.com', 'netease.com'],
    confidence: 'M',
  },
  {
    id: 'zoho',
    name: { zh: 'Zoho Mail', en: 'Zoho Mail' },
    kind: 'mailbox',
    providerIds: ['zoho'],
    // sender4-of-o<N>.zoho.com (US), and the same under zoho.eu, zoho.in, zoho.com.au, zohomail.* (M).
    ptrSuffixes: ['zoho.com', 'zoho.eu', 'zoho.in', 'zoho.com.au', 'zoho.com.cn', 'zohomail.com'],
    confidence: 'M',
  },
  {
    id: 'apple',
    name: { zh: 'Apple iCloud 邮件', en: 'Apple iCloud Mail' },
    kind: 'mailbox',
    providerIds: [],
    // <pod>p00im-<id>.me.com and …mail.icloud.com (M).
    ptrSuffixes: ['me.com', 'icloud.com'],
    confidence: 'M',
  },
  {
    id: 'amazon-ses',
    name: { zh: 'Amazon SES', en: 'Amazon SES' },
    kind: 'platform',
    providerIds: [],
    // a<N>-<N>.smtp-out.amazonses.com and e<N>-<N>.smtp-out.<region>.amazonses.com (H).
    ptrSuffixes: ['amazonses.com'],
    confidence: 'H',
  },
  {
    id: 'sendgrid',
    name: { zh: 'SendGrid', en: 'SendGrid' },
    kind: 'platform',
    providerIds: [],
    // Shared IPs under sendgrid.net (M). Dedicated IPs with SendGrid's "reverse DNS" set up
    // carry o<N>.ptr<N>.<customer domain> (the shape SendGrid documents, H).
    ptrSuffixes: ['sendgrid.net'],
    ptrPatterns: [/^o\d+\.ptr\d+\./],
    confidence: 'M',
  },
  {
    id: 'mailchimp',
    name: { zh: 'Mailchimp / Mandrill', en: 'Mailchimp / Mandrill' },
    kind: 'platform',
    providerIds: [],
    // mail<N>.<dc>.mcsv.net, mcdlv.net, rsgsv.net (Mailchimp), mail<N>.<dc>.mandrillapp.com (M).
    ptrSuffixes: ['mcsv.net', 'mcdlv.net', 'rsgsv.net', 'mandrillapp.com'],
    confidence: 'M',
  },
  {
    id: 'mailgun',
    name: { zh: 'Mailgun', en: 'Mailgun' },
    kind: 'platform',
    providerIds: [],
    // m<N>-<N>.mailgun.net, so<N>-<N>.mailgun.net (M).
    ptrSuffixes: ['mailgun.net', 'mailgun.org'],
    confidence: 'M',
  },
  {
    id: 'postmark',
    name: { zh: 'Postmark', en: 'Postmark' },
    kind: 'platform',
    providerIds: [],
    // mta<N>.<pool>.mtasv.net (M).
    ptrSuffixes: ['mtasv.net'],
    confidence: 'M',
  },
  {
    id: 'sparkpost',
    name: { zh: 'SparkPost', en: 'SparkPost' },
    kind: 'platform',
    providerIds: [],
    // mta<N>.<pool>.sparkpostmail.com (M).
    ptrSuffixes: ['sparkpostmail.com'],
    confidence: 'M',
  },
  {
    id: 'brevo',
    name: { zh: 'Brevo（Sendinblue）', en: 'Brevo (Sendinblue)' },
    kind: 'platform',
    providerIds: [],
    // Hosts under sendinblue.com and brevo.com (L: few published headers).
    ptrSuffixes: ['sendinblue.com', 'brevo.com'],
    confidence: 'L',
  },
  {
    id: 'mailjet',
    name: { zh: 'Mailjet', en: 'Mailjet' },
    kind: 'platform',
    providerIds: [],
    // Hosts under mailjet.com (M).
    ptrSuffixes: ['mailjet.com'],
    confidence: 'M',
  },
  {
    id: 'salesforce',
    name: { zh: 'Salesforce', en: 'Salesforce' },
    kind: 'platform',
    providerIds: [],
    // Marketing Cloud (ExactTarget) hosts under exacttarget.com; Salesforce core mail under salesforce.com (M).
    ptrSuffixes: ['exacttarget.com', 'salesforce.com'],
    confidence: 'M',
  },
  {
    id: 'proofpoint',
    name: { zh: 'Proofpoint', en: 'Proofpoint' },
    kind: 'gateway',
    providerIds: [],
    // Customer gateways under pphosted.com and ppe-hosted.com (M).
    ptrSuffixes: ['pphosted.com', 'ppe-hosted.com'],
    confidence: 'M',
  },
  {
    id: 'mimecast',
    name: { zh: 'Mimecast', en: 'Mimecast' },
    kind: 'gateway',
    providerIds: [],
    // <region>-smtp-…mimecast.com (M).
    ptrSuffixes: ['mimecast.com'],
    confidence: 'M',
  },
  {
    id: 'cisco',
    name: { zh: 'Cisco Secure Email', en: 'Cisco Secure Email' },
    kind: 'gateway',
    providerIds: [],
    // Hosted gateways esa<N>.<customer>.iphmx.com (M).
    ptrSuffixes: ['iphmx.com'],
    confidence: 'M',
  },
] as const satisfies readonly SenderProfile[];

export type SenderId = (typeof SENDERS)[number]['id'];

/** Every suffix with its sender, longest first (qiye.163.com is NetEase Qiye before 163.com is NetEase Mail). Built on first use, so pages that never read reports do not carry the table. */
let bySuffix: readonly { suffix: string; sender: SenderProfile }[] | undefined;
function suffixTable(): readonly { suffix: string; sender: SenderProfile }[] {
  bySuffix ??= (SENDERS as readonly SenderProfile[])
    .flatMap((sender) => sender.ptrSuffixes.map((suffix) => ({ suffix, sender })))
    .sort((a, b) => b.suffix.length - a.suffix.length);
  return bySuffix;
}

/** The sender behind a PTR name, or undefined. */
export function recogniseSender(ptrName: string): SenderProfile | undefined {
  const name = ptrName.trim().toLowerCase().replace(/\.$/, '');
  if (!name) return undefined;
  for (const { suffix, sender } of suffixTable()) if (name === suffix || name.endsWith(`.${suffix}`)) return sender;
  for (const sender of SENDERS as readonly SenderProfile[]) if (sender.ptrPatterns?.some((p) => p.test(name))) return sender;
  return undefined;
}

export function getSender(id: string): SenderProfile | undefined {
  return (SENDERS as readonly SenderProfile[]).find((s) => s.id === id);
}

/** Second-level labels under two-letter country codes that act as public suffixes (com.cn, co.uk, ne.jp …). */
const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'co', 'or', 'ne', 'go', 'gr', 'ad', 'ed', 'lg']);

/**
 * The organisation's domain of a host name, approximately (no public suffix
 * list in the page): the last two labels, or three under a country code whose
 * second level is generic ("mail.example.com.cn" → "example.com.cn").
 */
export function orgDomain(host: string): string {
  const labels = host.trim().toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}
