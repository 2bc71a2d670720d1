// The Checker's words in English. Finding texts come from ~/core's messages/en.ts; the record
// table's words from ../../ui/strings/en.ts.
import type { CheckerStrings } from './types';

export const en = {
  domainLabel: 'Your domain',
  domainHint: 'e.g. example.com — a web address or an email address works too',
  providerLabel: 'Mail service',
  hostLabel: 'DNS host (decides how the Host field is written)',
  options: 'More options: DKIM key, DMARC policy, other senders',
  dkimLabel: 'DKIM public key (copied from the mail admin console)',
  dkimHint: 'Paste the whole value the console shows; without it the DKIM row only tells you where to get it.',
  dmarcPolicyLabel: 'DMARC policy',
  dmarcRuaLabel: 'Send DMARC aggregate reports to (optional)',
  dmarcRuaHint: 'An email address, e.g. dmarc@example.com',
  dmarcSpLabel: 'Policy for subdomains (sp)',
  sameAsP: 'The same as above (no sp)',
  spHint: 'For subdomains such as cn.example.com that have no _dmarc record of their own. Usually the same as above.',
  dmarcNpLabel: 'Policy for subdomains that do not exist (np)',
  sameAsSp: 'The same as for subdomains (no np)',
  npHint: 'Forgers often send from made-up subdomains that do not exist, such as invoice.example.com. No real mail comes from them, so reject is safe.',
  testingLabel: 'Testing mode (t=y): publish the policy, do not apply it yet',
  testingNote: (policy: string, applied: string) =>
    policy === applied ? 'Testing mode has no effect on none.' : `Testing mode is ticked: for now receivers handle failing mail as ${applied}, not ${policy}.`,
  testingHint: 'Receivers apply the policy one level lower than written: quarantine as none, reject as quarantine; reports still arrive. Untick it once the reports show that your real mail passes.',
  extraSpfLabel: 'SPF includes of other senders (optional, space-separated)',
  extraSpfHint: 'e.g. spf1.dm.aliyun.com (Alibaba Cloud DirectMail)',
  dkimInvalid:
    'This does not look like a DKIM public key: check that you pasted the whole record value from the admin console (v=DKIM1; k=rsa; p=…), with nothing missing or added.',
  ruaInvalid: (v: string) =>
    `“${v}” is not an email address. The DMARC record has no report address until it is corrected.`,
  spfInvalid: (v: string) =>
    `“${v}” is neither a domain nor an SPF term naming senders (such as include: or ip4:). The SPF record leaves it out until it is corrected.`,
  reportTitle: (domain: string) => `DNS record check: ${domain}`,
  check: 'Check records',
  stop: 'Stop',
  copyLink: 'Copy link for support',
  linkCopied: 'Link copied',
  exportZone: 'Download BIND zone snippet',
  exportCsv: 'Download CSV',
  showZone: 'Show zone file snippet',
  pitfalls: 'When adding records at this DNS host:',
  detectedHost: (name: string) => `From the domain’s NS records, its DNS is hosted at ${name}.`,
  detectedOther: 'From the domain’s NS records, its DNS host is not one of those listed: names are given in full.',
  watch: 'Keep checking until all pass',
  watchNotify: 'Send a browser notification when all pass',
  watching: (time: string) => `Watching: next check at ${time}.`,
  watchStop: 'Stop watching',
  watchDone: 'All records pass; watching has stopped.',
  changed: (name: string, from: string, to: string) => `${name}: ${from} → ${to}`,
  hostGuide: 'Step-by-step for this DNS host',
  cannotCheck:
    'A browser can only ask DNS. Whether SMTP/IMAP ports are reachable, certificates, reverse DNS (PTR) of sending IPs and DNSSEC validation cannot be checked here: confirm them in the admin console or with other tools.',
  policies: {
    none: 'none: reports only, no action (to start with)',
    quarantine: 'quarantine: suspicious mail goes to spam (recommended)',
    reject: 'reject: forged mail is refused (once reports look clean)',
  },
  policyHelp: {
    none: 'Receivers deliver mail that fails the checks as usual and only send you reports. Use it while you start: once every legitimate sender (your mailboxes, newsletter tools, business systems) passes SPF or DKIM, move to quarantine or reject. It does not stop others from sending as your domain.',
    quarantine: 'Receivers put mail that fails the checks in the spam or quarantine folder. This stops most mail that pretends to come from your domain; a legitimate sender that is not set up yet will land in spam too, so check every sender first.',
    reject: 'Receivers refuse mail that fails the checks, and it bounces. The strongest protection, but mail from any legitimate sender that is not set up yet bounces too; run none or quarantine for a while and read the reports before moving to reject.',
  },
} satisfies CheckerStrings;
