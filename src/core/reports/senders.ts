/**
 * Known senders, recognised from the forward-confirmed reverse DNS (PTR) name
 * of a source IP (sources.ts checks that the name leads back to the IP), or,
 * for sending platforms, from a passing DKIM signature or SPF result for one of
 * the platform's own domains (what a platform signs and sends with until the
 * customer sets up their own domain). Data, one row per organisation: adding a
 * sender is adding a row.
 *
 * Every PTR suffix, pattern and auth domain names its source in a comment: the
 * service's documentation, or a published mail header quoted exactly (a
 * Received line in which the receiving Postfix, Exim or vger.kernel.org wrote
 * the sending IP's verified reverse name, in a public mailing-list archive
 * such as lore.kernel.org, with the list and date to find it by). Entries
 * without such a source are left out. Confidence per row as in the provider
 * facts file: H = documented by the service; M = published headers. A match
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
  /**
   * The platform's own domains (each with its subdomains): a DKIM signature
   * with one of them as d=, or SPF for one of them as the envelope sender,
   * that PASSED names the platform even without a usable PTR name (only the
   * platform holds those keys and sends from the IPs their SPF lists).
   */
  readonly authDomains?: readonly string[];
  readonly confidence: 'H' | 'M' | 'L';
}

export const SENDERS = [
  {
    id: 'alibaba-mail',
    name: { zh: '阿里邮箱', en: 'Alibaba Mail' },
    kind: 'mailbox',
    providerIds: ['aliyun-cn', 'aliyun-intl'],
    // mail.aliyun.com: "Received: from out28-146.mail.aliyun.com (out28-146.mail.aliyun.com
    // [115.124.28.146]) by lindbergh.monkeyblade.net (Postfix)" (linux-kernel@vger.kernel.org,
    // 1 Aug 2023); regional hosts too: "out198-26.us.a.mail.aliyun.com (… [47.90.198.26])"
    // (devicetree@vger.kernel.org, 6 May 2026). Alibaba's DirectMail bulk service may send from
    // the same network; it cannot be told apart by PTR.
    ptrSuffixes: ['mail.aliyun.com'],
    confidence: 'M',
  },
  {
    id: 'google',
    name: { zh: 'Google（Gmail / Google Workspace）', en: 'Google (Gmail / Google Workspace)' },
    kind: 'mailbox',
    providerIds: ['google-workspace'],
    // google.com: "Received: from mail-we0-f172.google.com (mail-we0-f172.google.com [74.125.82.172])
    // by kanga.kvack.org (Postfix)" (linux-mm@kvack.org, 3 Feb 2014); "mail-pl1-x636.google.com
    // (mail-pl1-x636.google.com [IPv6:2607:f8b0:4864:20::636]) by lindbergh.monkeyblade.net
    // (Postfix)" (git@vger.kernel.org, 10 Mar 2023).
    ptrSuffixes: ['google.com'],
    confidence: 'M',
  },
  {
    id: 'microsoft',
    name: { zh: 'Microsoft（Outlook.com / Microsoft 365）', en: 'Microsoft (Outlook.com / Microsoft 365)' },
    kind: 'mailbox',
    providerIds: ['microsoft-365'],
    // outbound.protection.outlook.com: "Received: from NAM11-DM6-obe.outbound.protection.outlook.com
    // (mail-dm6nam11on2075.outbound.protection.outlook.com [40.107.223.75]) by
    // lindbergh.monkeyblade.net (Postfix)" (linux-kernel@vger.kernel.org, 4 May 2023).
    ptrSuffixes: ['outbound.protection.outlook.com'],
    confidence: 'M',
  },
  {
    id: 'yahoo',
    name: { zh: 'Yahoo / AOL', en: 'Yahoo / AOL' },
    kind: 'mailbox',
    providerIds: [],
    // yahoo.com: "Received: from sonic310-20.consmr.mail.gq1.yahoo.com
    // (sonic310-20.consmr.mail.gq1.yahoo.com [98.137.69.146]) by lindbergh.monkeyblade.net
    // (Postfix)" (linux-kernel@vger.kernel.org, 28 Sep 2023). AOL mail leaves from the same hosts:
    // "spf=pass (sender SPF authorized) smtp.mailfrom=aol.com (client-ip=98.137.68.30;
    // helo=sonic308-54.consmr.mail.gq1.yahoo.com;" (Authentication-Results of lists.ozlabs.org).
    ptrSuffixes: ['yahoo.com'],
    confidence: 'M',
  },
  {
    id: 'tencent',
    name: { zh: '腾讯（QQ 邮箱 / 腾讯企业邮）', en: 'Tencent (QQ Mail / Exmail)' },
    kind: 'mailbox',
    providerIds: ['tencent-exmail'],
    // qq.com: "Received: from out162-62-57-210.mail.qq.com (out162-62-57-210.mail.qq.com
    // [162.62.57.210]) by lindbergh.monkeyblade.net (Postfix)" (linux-kernel@vger.kernel.org,
    // 23 Jul 2023). Personal QQ Mail and Exmail share the network.
    ptrSuffixes: ['qq.com'],
    confidence: 'M',
  },
  {
    id: 'netease-qiye',
    name: { zh: '网易企业邮', en: 'NetEase Qiye Mail' },
    kind: 'mailbox',
    providerIds: ['netease-qiye'],
    // qiye.163.com: "Received: from mail-m118111.qiye.163.com (mail-m118111.qiye.163.com
    // [115.236.118.111]) by lindbergh.monkeyblade.net (Postfix)" (linux-kernel@vger.kernel.org,
    // 28 Mar 2023).
    ptrSuffixes: ['qiye.163.com'],
    confidence: 'M',
  },
  {
    id: 'netease',
    name: { zh: '网易邮箱（163 / 126）', en: 'NetEase Mail (163 / 126)' },
    kind: 'mailbox',
    providerIds: [],
    // 163.com: "Received: from m15.mail.163.com (m15.mail.163.com [45.254.50.219]) by
    // lindbergh.monkeyblade.net (Postfix)" (linux-kernel@vger.kernel.org, 7 Dec 2023).
    // 126.com: "Received: from m1564.mail.126.com (m1564.mail.126.com [220.181.15.64]) by
    // lindbergh.monkeyblade.net (Postfix)" (linux-kernel@vger.kernel.org, 18 Jun 2022).
    ptrSuffixes: ['163.com', '126.com'],
    confidence: 'M',
  },
  {
    id: 'zoho',
    name: { zh: 'Zoho Mail', en: 'Zoho Mail' },
    kind: 'mailbox',
    providerIds: ['zoho'],
    // zoho.com: "Received: from sender4-op-o15.zoho.com (sender4-op-o15.zoho.com [136.143.188.15]) by
    // gabe.freedesktop.org (Postfix)" (dri-devel@lists.freedesktop.org, 16 Aug 2025).
    // zoho.eu: "Received: from sender11-op-o11.zoho.eu (sender11-op-o11.zoho.eu [31.186.226.225]) by
    // lindbergh.monkeyblade.net (Postfix)" (linux-raid@vger.kernel.org, 20 Mar 2023).
    ptrSuffixes: ['zoho.com', 'zoho.eu'],
    confidence: 'M',
  },
  {
    id: 'apple',
    name: { zh: 'Apple iCloud 邮件', en: 'Apple iCloud Mail' },
    kind: 'mailbox',
    providerIds: [],
    // me.com: "Received: from ms11p00im-hyfv17291101.me.com (ms11p00im-hyfv17291101.me.com
    // [17.58.38.40]) by lindbergh.monkeyblade.net (Postfix)" (a vger.kernel.org list, 25 Apr 2023).
    ptrSuffixes: ['me.com'],
    confidence: 'M',
  },
  {
    id: 'amazon-ses',
    name: { zh: 'Amazon SES', en: 'Amazon SES' },
    kind: 'platform',
    providerIds: [],
    // amazonses.com: "Received: from a8-40.smtp-out.amazonses.com (a8-40.smtp-out.amazonses.com
    // [54.240.8.40]) by lindbergh.monkeyblade.net (Postfix)" (linux-fsdevel@vger.kernel.org,
    // 21 Feb 2023).
    ptrSuffixes: ['amazonses.com'],
    // "Every message that you send by using Amazon SES contains a DKIM header that references a
    // signing domain of amazonses.com" (https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-manual.html);
    // without a custom MAIL FROM, "a subdomain of amazonses.com" is the envelope sender
    // (https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-spf.html).
    authDomains: ['amazonses.com'],
    confidence: 'H',
  },
  {
    id: 'sendgrid',
    name: { zh: 'SendGrid', en: 'SendGrid' },
    kind: 'platform',
    providerIds: [],
    // sendgrid.net: "Received: from s.wrqvwxzv.outbound-mail.sendgrid.net
    // (s.wrqvwxzv.outbound-mail.sendgrid.net [149.72.154.232]) by lindbergh.monkeyblade.net
    // (Postfix)" (linux-kernel@vger.kernel.org, 18 Aug 2023); SendGrid's own example header:
    // "Received: from o19315237198.static.reverse.sendgrid.net ([198.37.152.193])"
    // (https://gist.github.com/sendgrid-gists/81feae0028800960c3b7945e34e9b5cf).
    ptrSuffixes: ['sendgrid.net'],
    // A dedicated IP with SendGrid's reverse DNS set up: "o#.ptr###.yourdomain.com"
    // (https://support.sendgrid.com/hc/en-us/articles/41494822145307-How-to-Verify-and-Troubleshoot-rDNS-Reverse-DNS-for-SendGrid-Dedicated-IPs).
    ptrPatterns: [/^o\d+\.ptr\d+\./],
    // "Authenticating a domain allows you to replace sendgrid.net with your personal sending
    // domain" (https://www.twilio.com/docs/sendgrid/api-reference/domain-authentication/authenticate-a-domain);
    // "dkim=pass (1024-bit key) header.d=sendgrid.net" (Authentication-Results of
    // smtp.subspace.kernel.org, netdev@vger.kernel.org, 3 Feb 2025).
    authDomains: ['sendgrid.net'],
    confidence: 'H',
  },
  {
    id: 'mailchimp',
    name: { zh: 'Mailchimp / Mandrill', en: 'Mailchimp / Mandrill' },
    kind: 'platform',
    providerIds: [],
    // mcdlv.net: "Received: from mail150.suw14.mcdlv.net (mail150.suw14.mcdlv.net [198.2.183.150])
    // by ml01.01.org (Postfix)" (linux-nvdimm@lists.01.org, 14 Oct 2020).
    // mandrillapp.com: "Received: from mail180-16.suw31.mandrillapp.com ([198.2.180.16]:27524
    // "EHLO mail180-16.suw31.mandrillapp.com" rhost-flags-OK-OK-OK-OK) by vger.kernel.org"
    // (stable@vger.kernel.org, 9 Jun 2019).
    ptrSuffixes: ['mcdlv.net', 'mandrillapp.com'],
    // The same Mailchimp message: "Received-SPF: Pass (mailfrom) identity=mailfrom;
    // … envelope-from=bounce-mc.us2_146412474.3551972-e3616ba718@mail150.suw14.mcdlv.net" and
    // "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=mailchimpapp.net;".
    authDomains: ['mcdlv.net', 'mailchimpapp.net'],
    confidence: 'M',
  },
  {
    id: 'mailgun',
    name: { zh: 'Mailgun', en: 'Mailgun' },
    kind: 'platform',
    providerIds: [],
    // mailgun.net: "Received: from so254-9.mailgun.net ([198.61.254.9]:31326 "EHLO
    // so254-9.mailgun.net" rhost-flags-OK-OK-OK-OK) by vger.kernel.org"
    // (linux-wireless@vger.kernel.org, 21 Aug 2021); "m43-7.mailgun.net (m43-7.mailgun.net
    // [69.72.43.7]) by gabe.freedesktop.org (Postfix)" (freedreno@lists.freedesktop.org).
    ptrSuffixes: ['mailgun.net'],
    confidence: 'M',
  },
  {
    id: 'postmark',
    name: { zh: 'Postmark', en: 'Postmark' },
    kind: 'platform',
    providerIds: [],
    // mtasv.net: "Received: from mta199a-ord.mtasv.net ([104.245.209.199]:40161) by hr1.samba.org
    // with esmtps" (a lists.samba.org list, 7 Dec 2020).
    ptrSuffixes: ['mtasv.net'],
    confidence: 'M',
  },
  {
    id: 'sparkpost',
    name: { zh: 'SparkPost', en: 'SparkPost' },
    kind: 'platform',
    providerIds: [],
    // sparkpostmail.com: "Received: from mta-174-84-115.intercom.com.sparkpostmail.com
    // (mta-174-84-115.intercom.com.sparkpostmail.com [192.174.84.115]) by danya02.ru (Postfix)"
    // (a published Stack Overflow notification, 30 Nov 2023).
    ptrSuffixes: ['sparkpostmail.com'],
    confidence: 'M',
  },
  {
    id: 'mailjet',
    name: { zh: 'Mailjet', en: 'Mailjet' },
    kind: 'platform',
    providerIds: [],
    // mailjet.com: "Received: from o29.p25.mailjet.com (o29.p25.mailjet.com [185.189.236.29]) by
    // relay.mimecast.com" (dm-devel@redhat.com, 11 Oct 2022).
    ptrSuffixes: ['mailjet.com'],
    confidence: 'M',
  },
  {
    id: 'salesforce',
    name: { zh: 'Salesforce Marketing Cloud', en: 'Salesforce Marketing Cloud' },
    kind: 'platform',
    providerIds: [],
    // exacttarget.com: "from cr80.mta.exacttarget.com (cr80.mta.exacttarget.com [136.147.176.80])
    // by mx2.main-hosting.eu" (a published Received header, 5 Jul 2015); "from
    // db229.mta.exacttarget.com (db229.mta.exacttarget.com. [13.111.0.229]) by mx.google.com"
    // (4 Feb 2021).
    ptrSuffixes: ['exacttarget.com'],
    confidence: 'M',
  },
  {
    id: 'proofpoint',
    name: { zh: 'Proofpoint', en: 'Proofpoint' },
    kind: 'gateway',
    providerIds: [],
    // pphosted.com: "Received: from mx0b-00082601.pphosted.com (mx0b-00082601.pphosted.com
    // [67.231.153.30]) by lindbergh.monkeyblade.net (Postfix)" (bpf@vger.kernel.org, 13 Jul 2023).
    ptrSuffixes: ['pphosted.com'],
    confidence: 'M',
  },
  {
    id: 'mimecast',
    name: { zh: 'Mimecast', en: 'Mimecast' },
    kind: 'gateway',
    providerIds: [],
    // mimecast.com: "Received: from us-smtp-delivery-124.mimecast.com
    // (us-smtp-delivery-124.mimecast.com [170.10.129.124]) by lindbergh.monkeyblade.net (Postfix)"
    // (netdev@vger.kernel.org, 5 Dec 2022).
    ptrSuffixes: ['mimecast.com'],
    confidence: 'M',
  },
  {
    id: 'cisco',
    name: { zh: 'Cisco Secure Email', en: 'Cisco Secure Email' },
    kind: 'gateway',
    providerIds: [],
    // iphmx.com: "Received: from esa6.hgst.iphmx.com (esa6.hgst.iphmx.com [216.71.154.45]) by
    // lindbergh.monkeyblade.net (Postfix)" (linux-mmc@vger.kernel.org, 25 Jun 2023).
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

let byAuthDomain: readonly { suffix: string; sender: SenderProfile }[] | undefined;
function authTable(): readonly { suffix: string; sender: SenderProfile }[] {
  byAuthDomain ??= (SENDERS as readonly SenderProfile[])
    .flatMap((sender) => (sender.authDomains ?? []).map((suffix) => ({ suffix, sender })))
    .sort((a, b) => b.suffix.length - a.suffix.length);
  return byAuthDomain;
}

/**
 * The sending platform whose own domain this is (a DKIM d= or SPF domain from
 * a report), or undefined. The caller uses it only for results that passed.
 */
export function recogniseAuthDomain(domain: string): SenderProfile | undefined {
  const name = domain.trim().toLowerCase().replace(/\.$/, '');
  if (!name) return undefined;
  for (const { suffix, sender } of authTable()) if (name === suffix || name.endsWith(`.${suffix}`)) return sender;
  return undefined;
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
