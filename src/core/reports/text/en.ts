/**
 * English wording of the DMARC report reader (summary, advice, file errors).
 * Same keys as zh.ts; the shape is text/types.ts.
 */
import type { ReportsText } from './types';

const mb = (bytes: string): string => `${Math.round(Number(bytes) / (1024 * 1024))} MB`;
const list = (items: readonly string[]): string => items.join(', ');
// One formatter for every number (toLocaleString builds a new one per call: slow over thousands of cells).
let numbers: Intl.NumberFormat | undefined;
const n = (x: number): string => (numbers ??= new Intl.NumberFormat('en-US')).format(x);
const pc = (share: number): string => `${(share * 100).toFixed(1)}%`;

const PTR_EVIDENCE = {
  none: 'no reverse DNS name',
  unrecognised: 'a reverse DNS name we do not recognise',
  unconfirmed: 'a reverse DNS name that does not lead back to this IP',
  error: 'the reverse DNS lookup failed',
  'not-asked': 'reverse DNS was not looked up',
} as const satisfies ReportsText['ptrEvidence'];

export const en = {
  lang: 'en',
  count: n,
  percent: pc,
  summaryTitle: (domains) => `DMARC reports for ${domains.length > 0 ? list(domains) : '(no domain)'}`,
  period: (first, last) => (first === last ? `Day: ${first}` : `Period: ${first} to ${last}`),
  unnamedSource: (ipOrDomain) => ipOrDomain,
  advice: {
    'own-provider-dkim-off': (_p, c) =>
      `${c.senderName} is your own mail service, but ${n(c.messages)} of its messages carry no DKIM signature of your domain: switch DKIM on in its admin console and publish the key it gives you.`,
    'own-provider-dkim-fail': (p, c) =>
      `${c.senderName} signs your mail, but the signature does not verify${p.selectors.length ? ` (selector ${list(p.selectors)})` : ''}: the DKIM record in your DNS does not match the key in its admin console. Copy the key again.`,
    'own-provider-spf-missing': (p, c) =>
      `SPF does not pass for mail from ${c.senderName}: ${p.include ? `add include:${p.include} to your SPF record` : 'add its include to your SPF record'}.`,
    forwarder: (p, c) =>
      p.via === 'reason'
        ? `Forwarded or mailing-list mail (the receiver says: ${list(p.reasons)}). Nothing to fix on your side; DKIM keeps forwarded mail passing.`
        : p.via === 'gateway'
          ? `${c.senderName || 'A mail gateway'} passed your mail on for its recipients. Nothing to fix on your side.`
          : `Your messages arrived through ${c.senderName || 'another server'} and their DKIM signature broke on the way (a forwarder or mailing list changed them). Nothing to fix on your side.`,
    'platform-dkim-fail': (p, c) =>
      `${c.senderName} signs as your domain, but the signature does not verify${p.selectors.length ? ` (selector ${list(p.selectors)})` : ''}: check the DKIM record it asked you to publish.`,
    'platform-not-authorised': (_p, c) =>
      `${c.senderName} sends as your domain without your DKIM signature or SPF: if you use it, set up its domain authentication (DKIM for your domain); if you do not, someone else is sending as you.`,
    'other-mailbox-service': (_p, c) =>
      `${c.senderName} sent ${n(c.messages)} messages as your domain without your DKIM signature: if your staff send through it ("send mail as"), set your domain up there; otherwise this is forwarded mail.`,
    'unknown-sender-spoofing': (p, c) =>
      p.ptr === 'error' || p.ptr === 'not-asked'
        ? `Could not identify this sender (${PTR_EVIDENCE[p.ptr]}): ${n(c.messages)} messages as your domain failed SPF and DKIM. Check the IP before treating it as spoofing; if you recognise it, authorise it in SPF and DKIM.`
        : `An unknown sender (${PTR_EVIDENCE[p.ptr]}) sent ${n(c.messages)} messages as your domain that failed SPF and DKIM: probably spoofing. ${
            p.policy === 'reject' ? 'Your policy p=reject already tells receivers to refuse them.' : 'Keep moving your policy towards p=reject.'
          } If you do recognise this sender, authorise it in SPF and DKIM.`,
  },
  ptrEvidence: PTR_EVIDENCE,
  fileErrorsHeading: 'Files not read:',
  fileError: {
    'unknown-format': () => 'not an XML, .gz or .zip file',
    empty: () => 'the file is empty',
    'too-large': (d) => `larger than ${mb(d)} (after unpacking): refused`,
    'total-too-large': (d) => `all files together would be larger than ${mb(d)} (after unpacking): refused`,
    'too-many-entries': (d) => `the archive holds more than ${d} files`,
    'corrupt-archive': () => 'the archive is damaged',
    'unsupported-archive': (d) => `this kind of archive is not supported (${d})`,
    'bad-encoding': (d) => `unknown text encoding "${d}"`,
    'xml-entities': () => 'the XML declares entities, which reports never need: refused',
    'malformed-xml': (d) => `not well-formed XML (${d})`,
    'not-dmarc': (d) => `not a DMARC aggregate report (root element <${d}>)`,
    'invalid-report': (d) => `the report lacks ${d}`,
  },
} satisfies ReportsText;
