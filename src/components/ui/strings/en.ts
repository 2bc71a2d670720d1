// The shared widget pieces' words in English. Same shape as ./zh.ts.
import type { UiStrings } from './zh';

export const en: UiStrings = {
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy automatically. Select the text and copy it by hand.',
  status: {
    ok: 'OK',
    warn: 'Should change',
    fail: 'Problem',
    error: 'Could not check',
    pending: 'Checking…',
    differs: 'Differs',
  },
  resolvers: 'Resolvers',
  orderLegend: 'Which resolver to ask first',
  orderAuto:
    'Automatic: ask one in mainland China (AliDNS) and one overseas (Google) at once, use whichever answers first, and remember it for your next visit',
  orderCn: 'China first (AliDNS, DNSPod)',
  orderGlobal: 'Global first (Google, Cloudflare)',
  orderHint:
    'When the first one fails (an HTTP 429 or 5xx error included), the next one is asked at once; when it is slow to answer, the next one is asked as well.',
  atOnce: (names: string) => `${names} at once`,
  answeredFirst: (name: string) => `${name} (answered first)`,
  customLabel: 'Custom DoH address (optional)',
  customHint:
    'A DNS-over-HTTPS address starting with https://, e.g. https://dns.example.com/dns-query. The server must allow queries from web pages (send CORS headers).',
  customUse: 'Use this address',
  customForget: 'Stop using it',
  customSaved: (url: string) => `Custom resolver saved: ${url}`,
  customRemoved: 'Custom resolver removed.',
  urlErrors: {
    'invalid-url': 'This is not a usable address. Enter a full https:// address.',
    'insecure-url': 'Only https:// addresses are accepted (http:// only for testing on this computer: localhost or 127.0.0.1).',
  },
  linkInUse: 'Resolver from the link: ',
  linkStop: 'Stop using it',
  linkRefused: 'Resolver address in the link ignored: ',
  savedInUse: 'Your saved custom resolver is in use: ',
  readMore: 'Read more',
  copyReport: 'Copy report (for a ticket)',
  report: { sep: ': ', semi: '; ', open: ' (', close: ')', link: 'Link', ran: 'Checked at', notRun: 'not checked yet', asked: 'Resolvers asked', answered: 'answered by', verdict: 'Verdict', none: 'none' },
  summary: {
    label: 'Result of the check',
    counts: 'Records by status',
    running: (left: number, total: number) => `Checking: ${left} of ${total} records still to come.`,
    aborted: 'Check stopped.',
    verdict: (n: { ok: number; warn: number; fail: number; error: number }, total: number) =>
      `Checked ${total} ${total === 1 ? 'record' : 'records'}: ` +
      (n.fail > 0
        ? `${n.fail} ${n.fail === 1 ? 'has' : 'have'} a problem to fix${n.warn > 0 ? `; ${n.warn} more should change` : ''}${n.error > 0 ? `; ${n.error} could not be checked` : ''}.`
        : n.warn > 0
          ? `nothing must be fixed; ${n.warn} should change${n.error > 0 ? `; ${n.error} could not be checked` : ''}.`
          : n.error > 0
            ? `${n.error} could not be checked (the resolver gave no answer); the other ${n.ok} are OK.`
            : 'all OK.'),
  },
  table: {
    caption: (d: string) => `DNS records ${d} needs`,
    record: 'Record',
    host: 'Host',
    value: 'Value',
    result: 'Result',
    priority: 'priority',
    optional: 'optional',
    required: 'required',
    notChecked: 'Not checked yet',
    observed: 'DNS returns:',
    observedNone: 'DNS returned no record',
    consoleValue: '(copy the DKIM public key from the mail admin console)',
    merged: 'Keeps the other senders of the SPF record the domain already has',
    cacheUntil: (time: string) => `Old answers cached by resolvers expire by ${time} at the latest`,
    names: {
      mx: 'MX (receiving)',
      spf: 'SPF (who may send)',
      dkim: 'DKIM (signature)',
      dmarc: 'DMARC (policy and reports)',
      mail: 'mail (webmail address)',
      imap: 'imap (clients)',
      smtp: 'smtp (clients)',
      pop3: 'pop3 (clients)',
    },
  },
};