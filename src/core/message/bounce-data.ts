/**
 * Bounce patterns as data: what the big receivers document about their
 * rejection texts, one entry per documented case, each with the page it comes
 * from. An entry matches on the enhanced status code (RFC 3463) and/or the
 * reply text, only when the provider is recognised from the text or the
 * remote server (`hint`), unless its text is unique to that provider. Each
 * entry says the likely cause, what to fix and which guide page explains it;
 * the sentences themselves are in ./bounce.en.ts and ./bounce.zh.ts, typed
 * against BOUNCE_IDS so a missing text is a type error.
 *
 * Only as far as each provider documents it: where an entry's text was read
 * from a copy of the provider's page rather than the page itself, its `note`
 * says so. Anything unmatched is explained by its RFC 3463 class, subject and
 * detail (STATUS_DETAILS below, from the IANA registry).
 */

/** Guide pages (paths under the locale root) a bounce can send the reader to. */
export const GUIDE_SLUGS = [
  'troubleshooting/bounced-or-spam',
  'troubleshooting/platform-mail',
  'troubleshooting/client-sign-in',
  'troubleshooting/overseas-resolution',
  'troubleshooting/unusual-sign-in',
  'reference/bounce-codes',
  'dns/spf',
  'dns/dkim',
  'dns/dmarc',
] as const;
export type GuideSlug = (typeof GUIDE_SLUGS)[number];

export const BOUNCE_PROVIDERS = ['gmail', 'microsoft', 'yahoo', 'qq', 'netease', 'alibaba'] as const;
export type BounceProvider = (typeof BOUNCE_PROVIDERS)[number];

/** Recognising a provider from the diagnostic text or the remote server's name. */
export const PROVIDER_HINTS: Readonly<Record<BounceProvider, RegExp>> = {
  gmail: /\bgsmtp\b|\bgoogle\.com\b|\bgmail\.com\b|googlemail\.com/i,
  microsoft: /outlook\.com|protection\.outlook|hotmail\.com|office365|\bmicrosoft\b|\blive\.com\b/i,
  yahoo: /yahoo(?:inc|dns)?\.(?:com|net)|\byahoo\b|\baol\.com\b/i,
  qq: /\bqq\.com\b|exmail\.qq|tencent/i,
  netease: /\b(?:163|126|yeah)\.(?:com|net)\b|netease/i,
  alibaba: /aliyun|alibaba|mxhichina|alimail/i,
};

/** What most likely went wrong. */
export const BOUNCE_CAUSES = [
  'dmarc',
  'unauthenticated',
  'spf',
  'dkim',
  'alignment',
  'no-dmarc-record',
  'policy',
  'rate-limit',
  'reputation',
  'content',
  'no-such-user',
  'mailbox-full',
  'size',
  'too-many-recipients',
  'routing',
  'temporary',
  'other',
] as const;
export type BounceCause = (typeof BOUNCE_CAUSES)[number];

/** Where the fix is. */
export const BOUNCE_FIXES = [
  'dmarc',
  'spf',
  'dkim',
  'spf-dkim',
  'slow-down',
  'content',
  'reputation',
  'recipient',
  'size',
  'split-recipients',
  'wait',
  'provider-support',
  'read-text',
] as const;
export type BounceFix = (typeof BOUNCE_FIXES)[number];

export const BOUNCE_IDS = [
  'gmail-dmarc-policy',
  'gmail-spf-hardfail',
  'gmail-unauthenticated',
  'gmail-spf',
  'gmail-dkim',
  'gmail-alignment',
  'gmail-no-dmarc',
  'gmail-rate-limit',
  'gmail-ip-rate',
  'gmail-recipient-rate',
  'gmail-policy',
  'gmail-no-such-user',
  'gmail-mailbox-full',
  'microsoft-auth-level',
  'microsoft-banned-ip',
  'microsoft-recipient-rejected',
  'microsoft-not-authorized',
  'yahoo-deferred',
  'yahoo-policy',
  'qq-dmarc',
  'qq-content',
  'qq-ip-frequency',
  'qq-sender-frequency',
  'qq-mailbox-not-found',
  'netease-spam',
  'netease-rbl',
  'netease-frequency',
  'alibaba-local-spam',
  'alibaba-behaviour-spam',
  'alibaba-rcpt-limit',
  'alibaba-size-limit',
  'alibaba-not-local',
] as const;
export type BounceId = (typeof BOUNCE_IDS)[number];

export interface BouncePattern {
  readonly id: BounceId;
  readonly provider: BounceProvider;
  /** Enhanced status codes (x.y.z) this entry is about (a list, or a pattern for a documented range); any when absent. */
  readonly status?: readonly string[] | RegExp;
  /** Text the provider documents (matched case-insensitively against the diagnostic). */
  readonly text?: RegExp;
  /** The text alone identifies the provider (no hint needed). */
  readonly textIsUnique?: boolean;
  readonly cause: BounceCause;
  readonly fix: BounceFix;
  readonly guide: GuideSlug;
  /** The provider's documentation page. */
  readonly source: string;
  readonly note?: string;
}

const GMAIL = 'https://support.google.com/a/answer/3726730';
const MS_515 = 'https://support.microsoft.com/en-us/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef';
const MS_NDR = 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online';
const MS_571 = 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-550-5-7-1-in-exchange-online';
const YAHOO = 'https://senders.yahooinc.com/smtp-error-codes/';
const YAHOO_579 = 'https://help.yahoo.com/kb/SLN7253.html';
const QQ = (no: string, id = '20022') => `https://service.mail.qq.com/cgi-bin/help?subtype=1&&id=${id}&&no=${no}`;
const NETEASE = 'https://mail.163.com/help/help_spam_16.htm';
const ALIBABA = 'https://help.aliyun.com/document_detail/36612.html';
const ALIBABA_SPAM = 'https://help.aliyun.com/document_detail/36620.html';
/** Alibaba Cloud's own FAQ on "reject by behaviour spam … too frequently sending" (international site). */
const ALIBABA_FREQUENCY = 'https://www.alibabacloud.com/help/faq-detail/109009.htm';

/** Order matters: the first matching entry wins, so specific texts come before a provider's catch-all. */
export const BOUNCE_PATTERNS: readonly BouncePattern[] = [
  // Gmail: "Gmail SMTP errors and codes".
  { id: 'gmail-dmarc-policy', provider: 'gmail', status: ['5.7.26', '5.7.1'], text: /DMARC\s+policy/i, cause: 'dmarc', fix: 'dmarc', guide: 'dns/dmarc', source: GMAIL },
  { id: 'gmail-spf-hardfail', provider: 'gmail', status: ['5.7.26'], text: /fails to pass SPF checks/i, cause: 'spf', fix: 'spf', guide: 'dns/spf', source: GMAIL },
  {
    id: 'gmail-unauthenticated',
    provider: 'gmail',
    status: ['5.7.26', '4.7.26', '5.7.1', '4.7.0'],
    text: /unauthenticated|does not have authentication information|fails to pass authentication checks|authenticate with (?:at least one of |either )?SPF or DKIM/i,
    cause: 'unauthenticated',
    fix: 'spf-dkim',
    guide: 'troubleshooting/bounced-or-spam',
    source: GMAIL,
  },
  { id: 'gmail-spf', provider: 'gmail', status: ['5.7.27', '4.7.27'], cause: 'spf', fix: 'spf', guide: 'dns/spf', source: GMAIL },
  { id: 'gmail-dkim', provider: 'gmail', status: ['5.7.30', '4.7.30'], cause: 'dkim', fix: 'dkim', guide: 'dns/dkim', source: GMAIL },
  { id: 'gmail-alignment', provider: 'gmail', status: ['5.7.32', '4.7.32'], cause: 'alignment', fix: 'dmarc', guide: 'dns/dmarc', source: GMAIL },
  { id: 'gmail-no-dmarc', provider: 'gmail', status: ['5.7.40', '4.7.40', '4.7.31'], cause: 'no-dmarc-record', fix: 'dmarc', guide: 'dns/dmarc', source: GMAIL },
  { id: 'gmail-rate-limit', provider: 'gmail', status: ['4.7.28', '5.7.28'], cause: 'rate-limit', fix: 'slow-down', guide: 'troubleshooting/bounced-or-spam', source: GMAIL },
  {
    id: 'gmail-ip-rate',
    provider: 'gmail',
    status: ['4.7.0', '4.7.28'],
    text: /unusual rate|unsolicited mail originating|temporarily (?:rate limited|blocked)/i,
    cause: 'reputation',
    fix: 'slow-down',
    guide: 'troubleshooting/bounced-or-spam',
    source: GMAIL,
  },
  { id: 'gmail-recipient-rate', provider: 'gmail', status: ['4.2.1'], text: /receiving mail (?:too quickly|at a rate)/i, cause: 'rate-limit', fix: 'wait', guide: 'reference/bounce-codes', source: GMAIL },
  { id: 'gmail-no-such-user', provider: 'gmail', status: ['5.1.1'], cause: 'no-such-user', fix: 'recipient', guide: 'reference/bounce-codes', source: GMAIL },
  { id: 'gmail-mailbox-full', provider: 'gmail', status: ['4.2.2', '5.2.2'], cause: 'mailbox-full', fix: 'recipient', guide: 'reference/bounce-codes', source: GMAIL },
  { id: 'gmail-policy', provider: 'gmail', status: ['5.7.1'], cause: 'policy', fix: 'read-text', guide: 'troubleshooting/bounced-or-spam', source: GMAIL },

  // Microsoft.
  {
    id: 'microsoft-auth-level',
    provider: 'microsoft',
    status: ['5.7.515'],
    text: /does not meet the required authentication level/i,
    textIsUnique: true,
    cause: 'unauthenticated',
    fix: 'spf-dkim',
    guide: 'troubleshooting/bounced-or-spam',
    source: MS_515,
  },
  {
    id: 'microsoft-banned-ip',
    provider: 'microsoft',
    status: /^5\.7\.6(?:0[6-9]|[1-4]\d)$/,
    cause: 'reputation',
    fix: 'provider-support',
    guide: 'troubleshooting/bounced-or-spam',
    source: MS_NDR,
  },
  {
    id: 'microsoft-recipient-rejected',
    provider: 'microsoft',
    status: ['5.4.1'],
    text: /Recipient address rejected|Access denied/i,
    cause: 'no-such-user',
    fix: 'recipient',
    guide: 'reference/bounce-codes',
    source: MS_NDR,
  },
  { id: 'microsoft-not-authorized', provider: 'microsoft', status: ['5.7.1'], cause: 'policy', fix: 'read-text', guide: 'troubleshooting/bounced-or-spam', source: MS_571 },

  // Yahoo (also AOL).
  {
    id: 'yahoo-deferred',
    provider: 'yahoo',
    status: ['4.7.0', '4.7.1'],
    text: /\[TSS?\d{2}\]|temporarily deferred|permanently deferred/i,
    cause: 'reputation',
    fix: 'slow-down',
    guide: 'troubleshooting/bounced-or-spam',
    source: YAHOO,
  },
  {
    id: 'yahoo-policy',
    provider: 'yahoo',
    status: ['5.7.9'],
    text: /not accepted for policy reasons|sender is unauthenticated/i,
    cause: 'unauthenticated',
    fix: 'spf-dkim',
    guide: 'troubleshooting/bounced-or-spam',
    source: YAHOO_579,
  },

  // Tencent QQ Mail / Exmail: each text links its own help page.
  { id: 'qq-dmarc', provider: 'qq', text: /DMARC check failed/i, cause: 'dmarc', fix: 'dmarc', guide: 'dns/dmarc', source: QQ('1001508', '16') },
  { id: 'qq-content', provider: 'qq', text: /Mail content denied/i, cause: 'content', fix: 'content', guide: 'troubleshooting/bounced-or-spam', source: QQ('1000726') },
  { id: 'qq-ip-frequency', provider: 'qq', text: /(?:Ip|Connection) frequency limited/i, cause: 'rate-limit', fix: 'slow-down', guide: 'troubleshooting/bounced-or-spam', source: QQ('1000725') },
  { id: 'qq-sender-frequency', provider: 'qq', text: /(?:Sender|Domain) frequency limited/i, cause: 'rate-limit', fix: 'slow-down', guide: 'troubleshooting/bounced-or-spam', source: QQ('1000723') },
  { id: 'qq-mailbox-not-found', provider: 'qq', text: /Mailbox not found/i, cause: 'no-such-user', fix: 'recipient', guide: 'reference/bounce-codes', source: QQ('1000728') },

  // NetEase 163 / 126 / yeah.net: bounces link help_spam_16.htm, which lists the codes.
  { id: 'netease-spam', provider: 'netease', text: /\bDT:SPM\b/, textIsUnique: true, cause: 'content', fix: 'content', guide: 'troubleshooting/bounced-or-spam', source: NETEASE },
  { id: 'netease-rbl', provider: 'netease', text: /\b(?:DT|IP):RBL\b/, textIsUnique: true, cause: 'reputation', fix: 'provider-support', guide: 'troubleshooting/bounced-or-spam', source: NETEASE },
  {
    id: 'netease-frequency',
    provider: 'netease',
    text: /\b(?:HL:(?:IFC|ICC|REP|MEP)|MI:(?:SFQ|DMC|CEL|CCL)|RP:(?:DRC|CEL|CCL|QRC|TRC))\b/,
    textIsUnique: true,
    cause: 'rate-limit',
    fix: 'slow-down',
    guide: 'troubleshooting/bounced-or-spam',
    source: NETEASE,
  },

  // Alibaba Mail's own texts (when the sender is on Alibaba Mail, or mail to Alibaba Mail).
  {
    id: 'alibaba-local-spam',
    provider: 'alibaba',
    text: /spamed by local spam engine|ESO_LOCAL_SPAM/i,
    textIsUnique: true,
    cause: 'content',
    fix: 'content',
    guide: 'troubleshooting/bounced-or-spam',
    source: ALIBABA_SPAM,
    note: 'Text read from a copy of the Alibaba Cloud help page.',
  },
  {
    // The page quotes `454 Transient reject by behaviour spam … too frequently sending` and
    // `554 Reject by behaviour spam at Rcpt State(…) … too frequently sending`, and gives two causes:
    // the sender's rate or volume over Alibaba Mail's limits (per minute, hour and day, not published),
    // or a weak password, for which Alibaba Mail limits the account's sending. Other sub-reasons of
    // the same rejection are not documented there, so they are explained by their code alone.
    id: 'alibaba-behaviour-spam',
    provider: 'alibaba',
    text: /reject by behaviou?r spam.{0,300}?too frequently sending/i,
    cause: 'rate-limit',
    fix: 'slow-down',
    guide: 'troubleshooting/bounced-or-spam',
    source: ALIBABA_FREQUENCY,
  },
  {
    id: 'alibaba-rcpt-limit',
    provider: 'alibaba',
    text: /the (?:number of RCPT attempts|total of RCPTs) is achieved the maximum threshold/i,
    textIsUnique: true,
    cause: 'rate-limit',
    fix: 'slow-down',
    guide: 'troubleshooting/bounced-or-spam',
    source: ALIBABA,
    note: 'Text read from a copy of the Alibaba Cloud help page.',
  },
  {
    id: 'alibaba-size-limit',
    provider: 'alibaba',
    text: /The (?:length of DATA content|length of Attach|number of attachments) is achieved the maximum threshold/i,
    textIsUnique: true,
    cause: 'size',
    fix: 'size',
    guide: 'reference/bounce-codes',
    source: ALIBABA,
    note: 'Text read from a copy of the Alibaba Cloud help page.',
  },
  {
    id: 'alibaba-not-local',
    provider: 'alibaba',
    text: /Rcptto account isn.?t a local account/i,
    textIsUnique: true,
    cause: 'no-such-user',
    fix: 'recipient',
    guide: 'reference/bounce-codes',
    source: ALIBABA,
    note: 'Text read from a copy of the Alibaba Cloud help page.',
  },
];

/**
 * Enhanced status detail codes explained without a provider (IANA "SMTP
 * Enhanced Status Codes" registry: RFC 3463, RFC 7372, RFC 7505; class 2/4/5 is
 * read separately). Key = "subject.detail".
 */
export const STATUS_DETAILS = [
  '0.0',
  '1.1',
  '1.2',
  '1.3',
  '1.10',
  '2.1',
  '2.2',
  '2.3',
  '3.4',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '4.7',
  '5.3',
  '7.0',
  '7.1',
  '7.8',
  '7.20',
  '7.21',
  '7.22',
  '7.23',
  '7.24',
  '7.25',
  '7.26',
  '7.27',
] as const;
export type StatusDetail = (typeof STATUS_DETAILS)[number];

/** Cause and guide for the generic detail codes. */
export const STATUS_DETAIL_INFO: Readonly<Record<StatusDetail, { readonly cause: BounceCause; readonly fix: BounceFix; readonly guide: GuideSlug }>> = {
  '0.0': { cause: 'other', fix: 'read-text', guide: 'reference/bounce-codes' },
  '1.1': { cause: 'no-such-user', fix: 'recipient', guide: 'reference/bounce-codes' },
  '1.2': { cause: 'routing', fix: 'recipient', guide: 'reference/bounce-codes' },
  '1.3': { cause: 'no-such-user', fix: 'recipient', guide: 'reference/bounce-codes' },
  '1.10': { cause: 'routing', fix: 'recipient', guide: 'reference/bounce-codes' },
  '2.1': { cause: 'no-such-user', fix: 'recipient', guide: 'reference/bounce-codes' },
  '2.2': { cause: 'mailbox-full', fix: 'recipient', guide: 'reference/bounce-codes' },
  '2.3': { cause: 'size', fix: 'size', guide: 'reference/bounce-codes' },
  '3.4': { cause: 'size', fix: 'size', guide: 'reference/bounce-codes' },
  '4.1': { cause: 'temporary', fix: 'wait', guide: 'reference/bounce-codes' },
  '4.2': { cause: 'temporary', fix: 'wait', guide: 'reference/bounce-codes' },
  '4.3': { cause: 'routing', fix: 'wait', guide: 'troubleshooting/overseas-resolution' },
  '4.4': { cause: 'routing', fix: 'recipient', guide: 'reference/bounce-codes' },
  '4.7': { cause: 'temporary', fix: 'read-text', guide: 'reference/bounce-codes' },
  // X.5.3 "Too many recipients" (RFC 3463): split them over several messages.
  '5.3': { cause: 'too-many-recipients', fix: 'split-recipients', guide: 'reference/bounce-codes' },
  '7.0': { cause: 'policy', fix: 'read-text', guide: 'troubleshooting/client-sign-in' },
  '7.1': { cause: 'policy', fix: 'read-text', guide: 'troubleshooting/bounced-or-spam' },
  '7.8': { cause: 'policy', fix: 'read-text', guide: 'troubleshooting/client-sign-in' },
  '7.20': { cause: 'dkim', fix: 'dkim', guide: 'dns/dkim' },
  '7.21': { cause: 'dkim', fix: 'dkim', guide: 'dns/dkim' },
  '7.22': { cause: 'alignment', fix: 'dkim', guide: 'dns/dkim' },
  '7.23': { cause: 'spf', fix: 'spf', guide: 'dns/spf' },
  '7.24': { cause: 'spf', fix: 'spf', guide: 'dns/spf' },
  '7.25': { cause: 'reputation', fix: 'provider-support', guide: 'troubleshooting/bounced-or-spam' },
  '7.26': { cause: 'unauthenticated', fix: 'spf-dkim', guide: 'troubleshooting/bounced-or-spam' },
  '7.27': { cause: 'routing', fix: 'read-text', guide: 'reference/bounce-codes' },
};

/** One explained case: a short title, the likely cause, what to do. */
export interface BounceText {
  readonly title: string;
  readonly cause: string;
  readonly action: string;
}

/** Everything a language file provides; a missing id or code is a type error. */
export interface BounceTexts {
  readonly ids: Readonly<Record<BounceId, BounceText>>;
  /** RFC 3463 class: 2 success, 4 persistent transient failure, 5 permanent failure. */
  readonly classes: Readonly<Record<'2' | '4' | '5', string>>;
  /** RFC 3463 subject (second number). */
  readonly subjects: Readonly<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6' | '7', string>>;
  /** Registered detail codes (subject.detail). */
  readonly details: Readonly<Record<StatusDetail, string>>;
  /** What to do, per fix (used for codes explained by class only). */
  readonly fixes: Readonly<Record<BounceFix, string>>;
  /** A bounce without any status code. */
  readonly noCode: string;
}
