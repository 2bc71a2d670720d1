/**
 * English text of the message analyser (shape in ./strings.ts, one entry per
 * code of the core). It says only what we actually checked; text from the
 * message is always shown as plain text.
 */
import type { MessageWords } from './strings';

const policyEn = { none: 'no action (p=none)', quarantine: 'spam folder (p=quarantine)', reject: 'reject (p=reject)' } as const;

function sizeEn(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function durationEn(seconds: number): string {
  const s = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '';
  if (s < 60) return `${sign}${s} s`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86400) return `${sign}${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${sign}${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

export const MESSAGE_STRINGS_EN: MessageWords = {
  lang: 'en',
  title: 'Message analyser',

  form: {
    textLabel: 'Message source or bounce',
    textHint:
      'Paste the whole message source, from its first header line on (with Received, Authentication-Results, DKIM-Signature …), or the whole bounce. Headers alone can be analysed too.',
    fileLabel: 'Or pick a message file',
    fileHint: 'An .eml or .txt file. It is read on this computer and not uploaded.',
    fileChosen: (name, size) => `Analysing the file ${name} (${size})`,
    clearFile: 'Do not use this file',
    options: 'More options: sending IP, resolvers',
    ipLabel: 'IP of the sending server (optional)',
    ipHint: 'Read from the receiver’s Received header by default. If you know the real sending IP, enter it here and SPF is checked for it.',
    ipInvalid: (v) => `“${v}” is not an IPv4 or IPv6 address; SPF is still checked for the IP in the headers.`,
    analyse: 'Analyse',
    analysing: 'Analysing…',
    privacy:
      'The message is analysed in your browser and is not sent to any server; only DNS questions (DKIM keys, SPF and DMARC records) go to the resolver.',
    size: sizeEn,
  },

  verdict: {
    label: 'Verdict',
    texts: {
      'input-error': () => 'Nothing to analyse: no message headers were found. Paste the whole message source, from its first header line, or pick an .eml file.',
      bounce: (f) =>
        f.temporary
          ? `This is a delay notice: the message to ${f.recipient ?? 'the recipient'} has not been delivered yet${f.status ? ` (${f.status})` : ''}, and the sending server keeps trying. ${f.title ? `${f.title}.` : ''}`.trim()
          : `This is a bounce: the message to ${f.recipient ?? 'the recipient'} was not delivered${f.status ? ` (${f.status})` : ''}${f.remote ? `; ${f.remote} refused it` : ''}. ${f.title ? `${f.title}.` : ''}`.trim(),
      pending: () => 'Checking DKIM, SPF and DMARC…',
      'dmarc-pass': (f) => `Passed: this message passes DMARC for the sender domain ${f.from ?? ''} (SPF or DKIM passed for a domain aligned with it).`,
      'dmarc-fail': (f) => {
        const lead = `Fails DMARC: neither SPF nor DKIM passed for a domain aligned with the sender domain ${f.from ?? ''}. `;
        const act = f.policy === 'reject' ? 'should reject such mail' : f.policy === 'quarantine' ? 'put such mail in the spam folder' : undefined;
        const policy = f.testing
          ? `That domain’s record is in testing mode (t=y), so receivers apply its policy one level lower${f.stated ? ` (${f.stated} becomes ${f.policy ?? 'none'})` : ''}: ` +
            (act ? `they ${act}. ` : 'no action, so they may still deliver it, but it easily ends up as spam. ')
          : act
            ? `By that domain’s policy, receivers ${act}. `
            : 'That domain’s policy is p=none, so receivers may still deliver it, but it easily ends up as spam. ';
        return `${lead}${policy}The “Checked now” section says what to fix.`;
      },
      'no-dmarc': (f) =>
        `${f.from ?? 'The sender domain'} has no DMARC record: receivers do not apply DMARC to this message and go by SPF and DKIM alone. Gmail, Yahoo and Outlook.com require a DMARC record from domains sending them more than about 5,000 messages a day.`,
      authenticated: (f) =>
        `SPF or DKIM passed; DMARC ${
          f.dmarcProblem === 'no-from'
            ? 'could not be checked: the From address is missing.'
            : f.dmarcProblem === 'multiple-from'
              ? 'could not be checked: From names more than one domain.'
              : f.dmarcProblem === 'permerror'
                ? 'could not be evaluated: the sender domain’s DMARC record cannot be used.'
                : 'could not be checked.'
        }`,
      unauthenticated: () => 'Neither SPF nor DKIM passed: receivers are likely to treat this message as forged or as spam.',
      'dns-error': () => 'The resolver did not answer, so some results are unknown. Analyse again later, or choose another resolver.',
      'browser-cannot-verify': () =>
        'This browser cannot verify Ed25519 signatures, so a signature that may decide the result could not be checked here. Try a current browser; what the receiver recorded is shown below.',
    },
    failed: 'The analysis did not finish: an unexpected error happened in the browser. Reload the page and try again.',
    checkDomain: (d) => `Check every DNS record of ${d}`,
  },

  sections: {
    input: 'Input that could not be used',
    bounce: 'Bounce',
    receiver: 'What the receiver saw',
    verify: 'Checked now (in your browser)',
    hops: 'Delivery path',
    headers: 'Headers',
  },

  results: {
    pass: 'pass',
    fail: 'fail',
    softfail: 'softfail',
    neutral: 'neutral',
    none: 'none',
    policy: 'policy',
    temperror: 'temperror',
    permerror: 'permerror',
    pending: 'Checking…',
  },
  methods: { spf: 'SPF', dkim: 'DKIM', dmarc: 'DMARC', arc: 'ARC' },

  inputErrors: {
    empty: () => 'Nothing was given: paste a message source or pick a file.',
    binary: () => 'This looks like a binary file (an image, an archive or an .msg file), not a text message. Save the message as .eml in your mail client, or copy its source.',
    'too-large': () => 'Over 10 MB: only the headers were read, not the body, so DKIM body hashes cannot be checked.',
    'no-headers': () => 'The text does not start with “Name: value” header lines. Copy the message source from its very first line (usually Received: or Return-Path:).',
    'too-many-headers': () => 'More than 500 header fields: the rest were not read.',
    'field-too-long': (d) => `The header field ${d ?? ''} is over 64 KB and was cut.`,
    'malformed-header-line': (_d, line) => `Line ${line ?? '?'} is neither a header field nor the continuation of one; it was skipped.`,
    'bad-encoded-word': (d) => `An encoded word (RFC 2047) could not be decoded${d ? ` (${d})` : ''}; it is shown as written.`,
    'mime-limit': () => 'The message has too many MIME parts or nests them too deeply: the rest was not read.',
    'mime-malformed': (d) => `The MIME structure is incomplete${d ? ` (${d})` : ''}: some parts may not have been read.`,
  },

  bounce: {
    recipient: 'Recipient',
    status: 'Status code',
    reply: 'SMTP reply code',
    remote: 'Refused by',
    reportingMta: 'Reported by',
    diagnostic: 'The remote server’s words',
    action: 'Outcome',
    cause: 'Likely cause',
    todo: 'What to do',
    codeMeaning: 'What the code means',
    providerSource: 'The provider’s explanation',
    returned: 'The message that bounced',
    returnedDkim: 'DKIM signatures of the returned message (checked against today’s keys)',
    kindText: 'This bounce has no machine-readable delivery-status part; the above was read from its wording.',
    none: 'No failed recipient was found.',
  },

  receiver: {
    intro:
      'The results the receiving server wrote into Authentication-Results headers: its judgement when the message arrived. Any server on the way can write such headers, so note who wrote them.',
    by: (id) => `Recorded by ${id}`,
    unnamed: 'Recorder not named',
    none: 'The message has no Authentication-Results or ARC-Authentication-Results header (only receivers add them; forwarding or copying may drop them).',
    other: 'Other checks',
    allFields: (n) => `All ${n} Authentication-Results headers`,
    arcField: (i) => `ARC instance ${i ?? '?'}`,
    arcLatest: (i, id) => `The newest ARC set (instance ${i})${id ? `, recorded by ${id}` : ''}: what the last server that forwarded the message saw`,
  },

  verify: {
    intro: 'What this page checked again just now, over DNS.',
    checkedNow:
      'These checks use today’s DNS: DKIM keys, SPF or DMARC records may have changed since the message was sent, so the results may differ from the receiver’s judgement at the time.',
    compare:
      'Read them next to what the receiver saw: if both agree, the problem is in the records or the sending set-up itself; if they differ, a record has most likely changed since.',
  },

  dkim: {
    heading: 'DKIM signatures',
    unsigned: 'This message has no DKIM signature.',
    signature: (n) => `Signature ${n}`,
    domain: 'Signing domain (d=)',
    selector: 'Selector (s=)',
    algorithm: 'Algorithm',
    canonicalization: 'Canonicalization',
    keyLabel: 'Key',
    keyValue: (type, bits) => (type === 'ed25519' ? 'Ed25519' : `RSA ${bits} bits`),
    bodyHash: 'Body hash (bh=)',
    headerSignature: 'Header signature (b=)',
    matched: 'matches',
    mismatched: 'does not match',
    notChecked: 'not checked',
    signedHeaders: (n) => `The ${n} header fields it signs`,
    signedAt: 'Signed at (t=)',
    expires: 'Expires (x=)',
    reasons: {
      verified: 'The signature verifies.',
      'body-hash-mismatch':
        'The body changed after signing: its hash is not the one in bh= (a footer added when forwarding, a virus scanner rewriting the content, or white space changed when copying).',
      'signature-mismatch':
        'The signature does not match: a signed header field (or the signature itself) changed after signing, or the key in DNS is not the pair of the private key that signed.',
      'key-not-found': 'No key in DNS: there is no TXT record at selector._domainkey.domain.',
      'key-revoked': 'The key was revoked: its record has an empty p=.',
      'key-too-short': 'The RSA key is shorter than 1024 bits and cannot be trusted (RFC 8301).',
      'key-syntax': 'The record in DNS is not a usable key (its syntax, base64 or key data is wrong).',
      'key-type-mismatch': 'The key type (k=) does not match the signature algorithm (a=).',
      'key-hash-not-allowed': 'The key’s h= does not allow the signature’s hash algorithm.',
      'key-service-mismatch': 'The key’s s= does not include email.',
      'key-strict-identity': 'The key requires i= to be exactly d= (t=s), and the signature does not meet that.',
      expired: 'The signature has expired (x= has passed).',
      'dns-error': 'The resolver did not answer when the key was asked for: try again later.',
      'malformed-signature': 'The DKIM-Signature header is malformed and cannot be read.',
      'missing-tag': 'The DKIM-Signature lacks a required tag (v, a, b, bh, d, h, s).',
      'bad-version': 'The DKIM-Signature version (v=) is not 1.',
      'unknown-algorithm': 'Unknown signature algorithm (a=).',
      'unknown-canonicalization': 'Unknown canonicalization (c=).',
      'unknown-query-method': 'The query method (q=) is not dns/txt.',
      'identity-mismatch': 'i= is not d= or a subdomain of it.',
      'from-not-signed': 'The signature does not cover the From header (no from in h=), which makes it invalid (RFC 6376).',
      'too-many-signed-headers': 'The signature covers more than 100 header fields; it was not checked.',
      'signature-too-long': 'The signature (b=) is longer than any real key produces; it was not checked.',
      'body-truncated': 'The body is shorter than when it was signed (l= is larger than the body): it was cut.',
      'no-body': 'Headers only: the body hash cannot be checked. The key and the signature over the headers were checked, see below.',
      'sha1-obsolete': 'The signature uses rsa-sha1, which RFC 8301 says not to accept any more.',
      'not-checked': 'Too many signatures: this one was not checked.',
      'crypto-unavailable': 'This browser cannot verify the signature (no WebCrypto, or it does not support this key).',
      'ed25519-unsupported': 'This browser cannot verify Ed25519 signatures, so this one could not be checked here (it says nothing about the signature). Try a current browser.',
    },
    notes: {
      testing: 'The domain marks this key as testing (t=y): receivers may not take the result as final.',
      'partial-body': 'The signature covers only the first part of the body (l=): anyone may have added what follows.',
      'valid-but-expired': 'The signature itself is right but has expired now; it may have been valid when the message arrived.',
      'ed25519-spki-key': 'The Ed25519 key is published as SubjectPublicKeyInfo, not as the 32 raw bytes RFC 8463 asks for; some receivers will not accept it.',
      'multiple-key-records': 'The key name has several TXT records; the first usable one was used.',
      'checked-now': 'The key was looked up now and may differ from the one in use when the message was sent.',
    },
    headersOnly:
      'Only headers were given, no body: DKIM body hashes cannot be checked. For the full result, paste the whole message source or pick the .eml file.',
  },

  spf: {
    heading: 'SPF',
    ip: 'Sending IP',
    ipSource: {
      user: 'entered by you',
      received: 'from the receiver’s Received header',
      'received-spf': 'from the receiver’s Received-SPF header',
    },
    sender: 'Envelope sender (Return-Path)',
    nullSender: 'empty (<>, usual for bounces): the HELO name is checked',
    helo: 'HELO name',
    domain: 'Domain checked',
    explanation: 'The domain’s explanation (exp=)',
    notRun: {
      'no-evaluator': 'SPF was not checked.',
      'no-ip': 'SPF was not checked: the sending server’s IP is not in the headers. You can enter it under “More options”.',
      'no-headers': 'SPF was not checked: there are no headers.',
      error: 'SPF could not be checked: an error happened.',
    },
    resultMeaning: {
      pass: 'The IP is authorised by the domain’s SPF record.',
      fail: 'The domain’s SPF record does not allow this IP to send (-all).',
      softfail: 'The IP is not in the domain’s SPF record, which ends in ~all: receivers usually accept the mail but trust it less.',
      neutral: 'The domain’s SPF record takes no position on this IP (?all).',
      none: 'The domain has no SPF record.',
      permerror: 'The SPF record has an error (two records, or more than 10 DNS lookups, for example), so receivers cannot check it.',
      temperror: 'The resolver did not answer when SPF was checked: try again later.',
    },
  },

  dmarc: {
    heading: 'DMARC',
    fromDomain: 'Sender domain (From)',
    policy: 'Policy',
    policyAt: (d) => `Record at _dmarc.${d}`,
    orgDomain: 'Organisational domain',
    alignment: 'Alignment',
    strict: 'strict (the same domain)',
    relaxed: 'relaxed (the same organisational domain)',
    spfAligned: (d) => `SPF passed for ${d}, aligned with the sender domain.`,
    spfNotAligned: 'SPF did not pass for an aligned domain.',
    dkimAligned: (d) => `DKIM passed for ${d}, aligned with the sender domain.`,
    dkimNotAligned: 'DKIM did not pass for an aligned domain.',
    applied: (p) => `Policy for this message: ${policyEn[p as keyof typeof policyEn] ?? p}`,
    appliedTesting: (p, stated) =>
      `Policy for this message: ${policyEn[p as keyof typeof policyEn] ?? p} — the record states ${stated}, and t=y (testing) lowers it one level`,
    testing: 'The record has t=y (testing): receivers apply its policy one level lower (reject becomes quarantine, quarantine becomes no action).',
    undecided: {
      dns: 'DMARC could not be decided: nothing passed aligned, and a DNS question that might have changed that failed. Analyse again later, or choose another resolver.',
      browser: 'DMARC could not be decided: nothing else passed aligned, and this browser cannot verify an aligned Ed25519 signature. Try a current browser.',
    },
    unusable: 'The sender domain’s DMARC record cannot be used, so receivers apply no DMARC policy.',
    notRun: {
      'no-evaluator': 'DMARC was not checked.',
      'no-from': 'DMARC was not checked: there is no From address.',
      'multiple-from': 'DMARC was not checked: From names more than one domain.',
      error: 'DMARC could not be checked: an error happened.',
    },
    fix: 'What to fix',
    advice: {
      'spf-not-passing': 'SPF did not pass: the sending server is not in the SPF record of the envelope sender’s domain. Add the sending service to that SPF record.',
      'spf-not-aligned':
        'SPF passed for another domain (often a sending service’s own bounce domain), not aligned with the sender domain. Have the service use your domain as the envelope sender, or rely on DKIM alignment.',
      'dkim-missing': 'The message has no DKIM signature. Turn DKIM on in the mail admin console and publish the key in DNS.',
      'dkim-not-passing': 'No DKIM signature passed. Fix what each signature above reports (the key, the selector, or whatever changed the message after signing).',
      'dkim-not-aligned': 'DKIM passed only for another domain, not aligned with the sender domain. Have the sending service sign with your own domain.',
      'publish-dmarc': 'The sender domain has no DMARC record. Publish one with p=none and rua= to receive reports first.',
      'policy-none': 'The policy is p=none: mail that fails is delivered all the same, and the domain is not protected. Once every sender passes, move to quarantine or reject.',
    },
  },

  hops: {
    intro:
      'The servers the message passed, in order from the sender to the recipient. Each time is written by that server itself: a server with a wrong clock makes a delay look wrong.',
    none: 'The message has no Received headers, so there is no delivery path to show.',
    from: 'From',
    by: 'Received by',
    with: 'Protocol',
    time: 'Time',
    delay: 'After the previous hop',
    delaySince: (n) => `After hop ${n} (the hops between give no time)`,
    delayUnknown: 'cannot be measured: no readable time here or on an earlier hop',
    tls: (v) => `encrypted${v ? ` (${v})` : ''}`,
    noTls: 'not encrypted',
    tlsUnknown: 'encryption not stated',
    internal: 'internal address',
    total: (d) => `Total transit time ${d}`,
    duration: durationEn,
    unknownZone: 'time zone not given',
    connecting: 'The receiver took the message over here: SPF is checked for this hop’s IP',
    flags: {
      'long-delay': 'long delay (over 5 minutes)',
      'no-tls': 'this hop was not encrypted',
      'clock-skew': 'earlier than the previous hop: one of the two clocks is wrong',
      'no-date': 'no readable time',
    },
    raw: 'As written',
  },

  headers: {
    subject: 'Subject',
    from: 'From',
    to: 'To',
    date: 'Date',
    messageId: 'Message-ID',
    returnPath: 'Return-Path',
    count: (n) => `${n} header fields`,
    none: 'No headers were read.',
  },

  notes: {
    lineEndings:
      'The pasted text does not use CRLF line endings; it was read as CRLF. If copying changed white space or line breaks, DKIM may report a changed body; picking the .eml file is the most reliable.',
    indentation: 'Every line started with the same indentation (common when copying from a web page); it was removed.',
    mbox: 'A leading mbox “From ” line was skipped.',
    truncated: 'The input is too large: only the headers were read.',
  },

  guides: {
    'troubleshooting/bounced-or-spam': 'Sent mail bounces or lands in spam',
    'troubleshooting/platform-mail': 'Platform verification mail not arriving',
    'troubleshooting/client-sign-in': 'Mail client cannot sign in or shows a certificate error',
    'troubleshooting/overseas-resolution': 'Overseas senders or offices cannot resolve or reach the mail host',
    'troubleshooting/unusual-sign-in': 'Warnings about unusual sign-ins',
    'reference/bounce-codes': 'Bounce codes',
    'dns/spf': 'SPF record',
    'dns/dkim': 'DKIM record',
    'dns/dmarc': 'DMARC record',
  },
  readGuide: (t) => `Read: ${t}`,

  report: {
    authLabel: (m, s) => `${m} (${s})`,
    browser: 'checked now',
    receiver: 'receiver at the time',
    hop: (n) => `Hop ${n}`,
    bounceRow: (r) => `Bounce: ${r}`,
    inputRow: 'Input that could not be used',
    headersRow: 'Headers',
  },
};
