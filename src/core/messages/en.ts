/**
 * English: check findings, record names, parser reasons and domain-input
 * errors. Mirrors ./zh.ts (shape in ./types.ts).
 */
import { providerName } from '../providers/index';
import { durationParts, hostList, isChineseTld, short } from './format';
import { weakerPolicy } from '../records/dmarc';
import type { Messages } from './types';

const duration = (seconds: number): string => {
  const { n, unit } = durationParts(seconds);
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
};

const records: Messages['records'] = {
  mx: 'MX record',
  spf: 'SPF record',
  dkim: 'DKIM record',
  dmarc: 'DMARC record',
  mail: 'mail CNAME record',
  imap: 'imap CNAME record',
  smtp: 'smtp CNAME record',
  pop3: 'pop3 CNAME record',
};

const spfReasons: Messages['spfReasons'] = {
  'no-version': 'the record must start with v=spf1 followed by a space',
  'unknown-mechanism': 'unknown mechanism (often a typo such as inlcude or ipv4)',
  'missing-argument': 'the domain or address after the colon is missing',
  'unexpected-argument': 'this mechanism takes no argument',
  'invalid-domain': 'the domain name is not valid',
  'invalid-macro': 'the macro (%{…}) is malformed',
  'invalid-ip4': 'the IPv4 address is not valid',
  'invalid-ip6': 'the IPv6 address is not valid',
  'invalid-cidr': 'the prefix length after / is out of range',
  'invalid-modifier': 'the modifier is malformed',
  'duplicate-modifier': 'redirect and exp may appear only once',
};

const dmarcReasons: Messages['dmarcReasons'] = {
  'no-version': 'the record must start with v=DMARC1, written exactly so (DMARC1 in capitals)',
  'invalid-policy': 'the policy must be none, quarantine or reject',
  'invalid-testing': 't takes y (testing) or n',
  'invalid-psd': 'psd takes y, n or u',
  'invalid-alignment': 'adkim/aspf must be r or s',
  'invalid-fo': 'fo takes 0 or 1 (not both), d and s, separated by colons, each once',
  'invalid-uri': 'report addresses are written as mailto:address',
  'duplicate-tag': 'a tag appears twice, which makes the whole record invalid',
  'malformed-tag': 'a part is not of the form tag=value',
  multiple: 'there are several DMARC records at the name, so receivers ignore them all',
};

const dkimReasons: Messages['dkimReasons'] = {
  'bad-version': 'v= must be DKIM1 and come first',
  'missing-key': 'the p= public key is missing',
  revoked: 'p= is empty, which means the key is revoked',
  'invalid-base64': 'the public key is not valid base64 (characters may have been lost or added when copying)',
  'invalid-key': 'the public key is incomplete or damaged',
  'unknown-key-type': 'k= must be rsa or ed25519',
  'invalid-hash': 'h= lists no usable hash algorithm (sha256; sha1 is no longer accepted)',
  'invalid-service': 's= lists neither email nor *, so the key may not be used for mail',
  'ed25519-length': 'an Ed25519 key must be exactly 32 bytes (RFC 8463)',
  'ed25519-spki': 'the Ed25519 key is published in SubjectPublicKeyInfo form, but RFC 8463 asks for its 32 raw bytes and many receivers reject it',
  'duplicate-tag': 'a tag appears twice',
  'malformed-tag': 'a part is not of the form tag=value',
  multiple: 'there are several DKIM records for the selector',
  'not-dkim': 'there is a TXT record at this name, but it is not a DKIM key',
};

/** The mail domain a `_dmarc.` name is for. */
const mailDomain = (name: string): string => short(name.replace(/^_dmarc\./, ''));

/** What a DMARC syntax error does, by its effect (RFC 9989 §4.10.1) or, for other tags, §4.8. */
const dmarcEffect = (p: { readonly reason: string; readonly effect?: 'p-none' | 'no-processing' }): string => {
  if (p.effect === 'p-none') return ' Because of it, receivers treat the whole record as p=none.';
  if (p.effect === 'no-processing') return ' Because of it, and with no valid rua= address, receivers ignore the record: the domain has no DMARC protection.';
  if (p.reason === 'duplicate-tag' || p.reason === 'no-version') return '';
  return ' Receivers ignore that part and use the default.';
};

/** What each removed tag did, and what to know now (RFC 9989 Appendix C.5.2, A.6). */
const REMOVED: Record<'pct' | 'rf' | 'ri', { readonly what: string; readonly note: string; readonly fix: (value: string) => string }> = {
  pct: {
    what: 'the share of failing mail the policy applies to',
    note: ' Partial rollouts by percentage are gone.',
    fix: (v) =>
      `Delete pct=${v}. To publish a policy without applying it yet, use t=y instead of pct=0; otherwise tighten one step at a time — p=none → p=quarantine → p=reject — while reading the reports.`,
  },
  rf: { what: 'the format of failure reports', note: ' Failure reports have one format now (RFC 9991).', fix: (v) => `Delete rf=${v}.` },
  ri: { what: 'how often aggregate reports are sent', note: '', fix: (v) => `Delete ri=${v}.` },
};

export const en: Messages = {
  lang: 'en',
  records,
  spfReasons,
  spfBroken: { nxdomain: 'that name does not exist', multiple: 'it has several SPF records', 'no-record': 'it has no SPF record' },
  dmarcReasons,
  dkimReasons,
  duration,
  findings: {
    missing: (f) => {
      const { expected, optional } = f.params;
      const name = short(f.name);
      if (f.record === 'dkim') {
        return {
          text: `No DKIM record was found at ${name}.`,
          fix: 'Switch DKIM on in the mail admin console, copy the value it shows, and add it as a TXT record at that name.',
        };
      }
      const value = short(expected, 120);
      if (optional) {
        return {
          text: `There is no ${records[f.record]} at ${name} (optional).`,
          fix: `To let mail clients use a server name under your own domain, add a CNAME to ${value}; otherwise clients can use ${value} directly.`,
        };
      }
      return {
        text: `No ${records[f.record]} was found at ${name}.`,
        fix: `Add the record${value ? ` with the value ${value}` : ''}.`,
      };
    },
    'wrong-value': (f) => {
      const p = f.params;
      const name = short(f.name);
      const observed = short(p.observed, 120);
      const expected = short(p.expected, 120);
      switch (p.kind) {
        case 'address':
          return {
            text: `${name} answers with an address (${observed}) instead of a CNAME to ${expected}.`,
            fix: `Replace the A record at this name with a CNAME to ${expected}. If your DNS is at Cloudflare, set the record to “DNS only” (grey cloud).`,
          };
        case 'dmarc-policy': {
          const scope = p.scope === 'sp' ? 'For existing subdomains, the' : p.scope === 'np' ? 'For subdomains that do not exist, the' : 'The';
          return {
            text: `${scope} policy at ${name} is ${observed}, while you chose ${expected}.`,
            fix: p.scope ? `Unless this is on purpose, set ${expected} in the record.` : `Unless this is on purpose, change p= to ${expected.replace(/^p=/, '')}.`,
          };
        }
        case 'mx-partial':
          return {
            text: `The MX set has only ${observed}; ${short(p.missing, 120)} is missing.`,
            fix: `Add the full MX set: ${expected}, so that mail still arrives when one server is unavailable.`,
          };
        case 'cname':
        case 'value':
          return {
            text: `The ${records[f.record]} at ${name} is ${observed}; it should be ${expected}.`,
            fix: `Change the value to ${expected}.`,
          };
      }
    },
    'multiple-spf': (f) => ({
      text: `${short(f.name)} has ${f.params.count} SPF records. A domain may have only one; with several, receivers treat SPF as broken.`,
      fix: 'Merge every sender into one record (for example v=spf1 include:a include:b -all) and delete the others.',
    }),
    'spf-lookup-limit': (f) => ({
      text: `Checking this SPF record takes ${f.params.count} DNS lookups, over the limit of ${f.params.limit}; receivers treat SPF as broken.`,
      fix: 'Remove includes that are no longer used, or replace fixed servers with ip4:/ip6: terms, to bring the count to 10 or fewer.',
    }),
    'spf-void-limit': (f) => ({
      text: `${f.params.count} lookups in the SPF record find nothing (the name does not exist or has no record), over the limit of ${f.params.limit}.`,
      fix: 'Remove include, a and mx terms that point at names which no longer exist.',
    }),
    'spf-mx-limit': (f) => ({
      text: `The mx term for ${short(f.params.domain)} names ${f.params.count} mail hosts; over 10, some receivers treat SPF as broken.`,
      fix: "List those servers as ip4:/ip6: ranges instead, or use the provider's include.",
    }),
    'spf-syntax': (f) => ({
      text: `The SPF record of ${short(f.params.domain)} has an error at character ${f.params.offset + 1}, “${short(f.params.term, 40)}”: ${spfReasons[f.params.reason]}.`,
      fix: 'Correct this term; one mistake makes the whole record fail.',
    }),
    'spf-loop': (f) => ({
      text: `The SPF includes go round in a loop: ${short(f.params.path.join(' → '), 200)}.`,
      fix: `Remove the include or redirect that leads back to ${short(f.params.domain)}.`,
    }),
    'spf-include-missing': (f) => ({
      text: `The SPF record does not contain include:${short(f.params.include)}, so receivers cannot tell that mail sent from your mailboxes is allowed for your domain.`,
      fix: `Add include:${short(f.params.include)} before -all (or ~all), keeping the other senders already listed.`,
    }),
    'spf-broken-include': (f) => ({
      text: `The SPF record of ${short(f.params.from)} refers to ${short(f.params.domain)}, but ${en.spfBroken[f.params.reason]}; receivers treat SPF as broken.`,
      fix: `Check the spelling of ${short(f.params.domain)}, or remove the term if it is no longer used.`,
    }),
    'foreign-mx': (f) => ({
      text: `This domain still receives mail at ${providerName(f.params.provider, 'en')} (MX: ${hostList(f.params.hosts)}).`,
      fix: 'Delete these MX records and add the MX records of your new mail service. Create the mailboxes there first so that no mail is lost.',
    }),
    'mixed-mx': (f) => {
      const hosts = hostList(f.params.hosts);
      return {
        text: `The MX records include ${f.params.provider === undefined ? 'other servers' : providerName(f.params.provider, 'en')} (${hosts}). Senders may deliver to any of them, so some mail goes elsewhere.`,
        fix: `Delete the MX records for ${hosts} and keep only those of your mail service.`,
      };
    },
    'cname-conflict': (f) => ({
      text: `${short(f.name)} has a CNAME to ${short(f.params.target)}. A name with a CNAME cannot also have MX, TXT or other records, and the domain itself cannot have a CNAME.`,
      fix: `Delete the CNAME at ${short(f.name)} (point the website with an A record or your DNS host's CNAME flattening instead), then add the MX and TXT records.`,
    }),
    'wrong-name': (f) => ({
      text: `The ${records[f.record]} is at ${short(f.params.found, 120)} instead of ${short(f.params.expected, 120)}.`,
      fix: 'Move it to the right name: in most consoles the Host field takes only the prefix (@ for the domain itself), and the console adds the domain.',
    }),
    nxdomain: (f) => ({
      text: `The domain ${short(f.params.domain)} does not exist in DNS.`,
      fix: `Check the spelling; at the registrar, check that the domain is registered, not expired, in normal status, and uses the right name servers.${isChineseTld(f.params.domain) ? ' A .cn domain resolves only after its real-name verification is complete.' : ''}`,
    }),
    'resolver-error': (f) => ({
      text: `The resolver gave no answer for ${short(`${f.params.name} ${f.params.type}`)} (${short(f.params.code)}), so this record could not be checked. This does not mean it is missing.`,
      fix: "Try again later or with another resolver. If it keeps failing, the domain's own DNS servers may have a problem.",
    }),
    'weak-policy': (f) => {
      const p = f.params;
      if ('dmarc' in p) {
        if (p.noPolicy === 'with-rua') {
          return {
            text: 'The DMARC record has no p= policy: receivers treat it as p=none (RFC 9989), so they only send reports and do not stop mail that pretends to come from your domain.',
            fix: 'Add the policy right after v=DMARC1, e.g. v=DMARC1; p=quarantine; rua=…',
          };
        }
        if (p.noPolicy === 'without-rua') {
          return {
            text: 'The DMARC record has neither a p= policy nor a valid rua= report address: receivers apply no DMARC to your domain at all (RFC 9989), as if there were no record — not even p=none.',
            fix: 'Add the policy right after v=DMARC1 and an address for reports, e.g. v=DMARC1; p=quarantine; rua=mailto:dmarc@your-domain.',
          };
        }
        return {
          text: 'The DMARC policy is p=none: receivers only send reports and do not stop mail that pretends to come from your domain.',
          fix: 'Once every legitimate sender passes SPF or DKIM, change it to p=quarantine or p=reject.',
        };
      }
      switch (p.spf) {
        case '+all':
          return {
            text: 'The SPF record ends in +all: it allows any server to send as your domain, which is the same as having no SPF.',
            fix: 'Change +all to -all.',
          };
        case 'none':
          return {
            text: 'The SPF record has no all at the end, so mail from servers not listed is not treated as failing.',
            fix: 'Add -all at the end of the record.',
          };
        default:
          return {
            text: `The SPF record ends in ${p.spf}: mail from servers not listed is only marked, not refused.`,
            fix: `Once every sender is listed, change ${p.spf} to -all (the value Alibaba Mail publishes).`,
          };
      }
    },
    'dmarc-syntax': (f) => {
      const p = f.params;
      const at = 'tag' in p && p.tag ? `${short(p.tag, 20)}=${short(p.value, 60)}` : 'value' in p ? short(p.value, 60) : '';
      return {
        text: `The DMARC record at ${short(f.name)} has an error${at ? ` (${at})` : ''}: ${dmarcReasons[p.reason]}.${p.reason === 'multiple' ? '' : dmarcEffect(p)}`,
        fix: 'Rewrite it in the form v=DMARC1; p=quarantine; rua=mailto:address.',
      };
    },
    'dmarc-removed-tag': (f) => {
      const { tag, value } = f.params;
      const r = REMOVED[tag];
      return {
        text: `The DMARC record still has ${tag}=${short(value, 40)}. RFC 9989 removed ${tag} (${r.what}), so receivers ignore it.${r.note}`,
        fix: r.fix(short(value, 40)),
      };
    },
    'dmarc-testing': (f) => {
      const { policy, applied, chosen } = f.params;
      if (policy === 'none') {
        return { text: 'The DMARC record says t=y (testing), which has no effect on a policy of none.', fix: 'Remove t=y, or keep it for when you move to quarantine.' };
      }
      return {
        text: `The DMARC record says t=y (testing): the ${policy} policy is not being applied — receivers apply the ${applied} policy to failing mail instead${chosen ? ', as you chose' : ''}.`,
        fix: 'Once the reports show that every legitimate sender passes, remove t=y so that the policy applies.',
      };
    },
    'dmarc-unknown-tag': (f) => ({
      text: `The DMARC record has tags that DMARC does not define (${short(f.params.tags.join('; '), 100)}); receivers ignore them.`,
      fix: 'Check them for a typo (such as pc=, rfu=); otherwise they can be removed.',
    }),
    'dmarc-report-size': (f) => ({
      text: `The report address ${short(f.params.uri, 100)} ends in a size limit (!…), an old syntax: reporters ignore the limit now.`,
      fix: 'Remove the ! and the size after the address.',
    }),
    'dmarc-covered': (f) => {
      const { found, source, tag, policy, chosen } = f.params;
      const domain = mailDomain(f.name);
      const where = source === 'psd' ? `the public suffix's record at ${short(found)} (psd=y)` : `the record of its organisational domain at ${short(found)}`;
      if (policy === undefined) {
        return {
          text: `${domain} has no DMARC record of its own, and ${where} has neither a valid p= nor a rua= address, so receivers apply no DMARC to ${domain}.`,
          fix: `Add a record at ${short(f.name)}, e.g. v=DMARC1; p=${chosen}.`,
        };
      }
      const applies = tag === 'np' ? `np=${policy} applies to it (it does not exist)` : tag === 'sp' ? `sp=${policy} applies to it` : `its p=${policy} applies to it (the record has no sp=)`;
      if (weakerPolicy(policy, chosen)) {
        return {
          text: `${domain} has no DMARC record of its own; it is covered by ${where}, and ${applies} — weaker than the ${chosen} you chose.`,
          fix: `Add a record at ${short(f.name)} with p=${chosen}, or set sp=${chosen} in the record at ${short(found)}.`,
        };
      }
      return {
        text: `${domain} has no DMARC record of its own; it is covered by ${where}, and ${applies}.`,
        fix: `Nothing to do. Add a record at ${short(f.name)} only if ${domain} needs a policy of its own.`,
      };
    },
    'dkim-syntax': (f) => ({
      text: `The DKIM record at ${short(f.name)} has an error: ${dkimReasons[f.params.reason]}.`,
      fix: 'Copy the whole DKIM value again from the mail admin console (no characters missing or added) and replace the record.',
    }),
    'dkim-revoked': (f) => ({
      text: `The DKIM key at ${short(f.name)} is revoked: its p= is empty. Receivers fail every signature made with the selector ${short(f.params.selector, 40)}.`,
      fix: 'If your mail is still signed with this selector, copy the current value from the mail admin console (switch DKIM on again there if needed) and replace the record. If you retired the selector on purpose, make sure mail is signed with another one.',
    }),
    'dkim-testing': (f) => ({
      text: `The DKIM key for the selector ${short(f.params.selector, 40)} says t=y: the domain is testing DKIM, and receivers treat failing signatures leniently, like unsigned mail.`,
      fix: 'Once signing works, remove t=y from the record.',
    }),
    'dkim-weak-key': (f) => ({
      text: `The DKIM key is only ${f.params.bits} bits. ${f.params.bits < 1024 ? 'Most receivers ignore keys under 1024 bits.' : '1024 bits still works, but 2048 bits is safer.'}`,
      fix: 'If the admin console lets you choose the key length, generate a 2048-bit key and update the DNS record.',
    }),
    'dkim-key-mismatch': (f) => ({
      text: `The DKIM key in DNS (${short(f.params.observed)}) differs from the one you pasted from the admin console (${short(f.params.expected)}), so signatures will not verify.`,
      fix: 'Replace the DNS record with the value the console shows now; regenerating the key in the console makes the old value useless.',
    }),
    ttl: (f) => {
      const d = duration(f.params.seconds);
      return f.params.negative
        ? {
            text: `Resolvers that asked recently may remember “no such record” for up to ${d}.`,
            fix: `After the change, allow up to ${d} before checking again.`,
          }
        : {
            text: `This record's TTL is ${d}: after a change, resolvers may return the old value for up to ${d}.`,
            fix: `After the change, allow up to ${d} before checking again.`,
          };
    },
  },
  hostPitfalls: {
    aliyun: [
      'Type only the prefix in the Host field (mail, _dmarc) and @ for the domain itself; the console adds the domain, so typing the full name creates _dmarc.example.com.example.com.',
      'Use the “Default” resolution line. A record on a regional line only (such as mainland China) is invisible to resolvers elsewhere.',
      'The default TTL is 600 seconds: after a change, resolvers may keep the old answer for up to about 10 minutes.',
    ],
    dnspod: [
      'Type only the prefix in the Host field and @ for the domain itself, never the full domain name.',
      'Set the line to “Default”. A record on the mainland line only is not seen by users abroad.',
      'If the domain used Tencent Exmail before, delete the old MX (mxbiz1/mxbiz2.qq.com) and the old SPF record rather than keeping them beside the new ones.',
    ],
    cloudflare: [
      'Set the mail, imap, smtp and pop3 CNAMEs to “DNS only” (grey cloud), not proxied (orange cloud): the proxy carries web traffic only, so mail clients cannot connect.',
      'Cloudflare flattens a CNAME at the apex (@) into address records, but a CNAME there still conflicts with the MX and TXT records the apex needs: do not put a CNAME at @.',
      'Type the prefix or @ in the Name field; Cloudflare then shows the full name, which is expected.',
    ],
    godaddy: [
      'Type the prefix in the Name field and @ for the domain itself; GoDaddy adds the domain.',
      'If GoDaddy’s own email or forwarding was switched on, it may have added its own MX records: delete them once the new ones are in place.',
    ],
    other: [
      'Names are given in full with a trailing dot (mail.example.com.). If your console adds the domain itself, type only the prefix, and @ or nothing for the domain itself.',
      'A name with a CNAME can hold no other record, and the domain itself cannot have a CNAME.',
    ],
  },
  domainErrors: {
    empty: () => 'Enter a domain name, for example example.com.',
    'ip-address': (v, d) =>
      `“${d || v}” is an IP address, not a domain name. Enter the domain your mail addresses use, for example example.com.`,
    'label-too-long': (_v, d) =>
      `The part “${d}” is longer than 63 characters (in ASCII form); each part of a domain name can have at most 63.`,
    'name-too-long': (v) => `“${v}” is too long: a domain name has at most 253 characters.`,
    'invalid-character': (v, d) =>
      `“${v}” contains a character a domain name cannot have${d ? ` (${d})` : ''}. Use letters, digits, hyphens and dots.`,
    'single-label': (_v, d) => `“${d}” has no suffix. Enter the full domain, for example ${d || 'example'}.com.`,
    'empty-label': (v) => `“${v}” has two dots in a row or starts with a dot; check the spelling.`,
  },
};
