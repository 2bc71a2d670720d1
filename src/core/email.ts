/**
 * A mailbox address as a person types it: one @, an ASCII dot-atom local part
 * (kept as typed), the domain through normaliseDomain (lower case, punycode).
 * Used by the client settings card (the profile's account) and the DMARC
 * report address field. Pure; never throws.
 */
import { normaliseDomain, type DomainError } from './domain';

export const EMAIL_ERROR_REASONS = [
  'empty',
  'missing-at',
  'multiple-at',
  'empty-local-part',
  'invalid-local-part',
  'local-part-dots',
  'local-part-too-long',
  'invalid-domain',
  'too-long',
] as const;
/** Why an address was refused. */
export type EmailErrorReason = (typeof EMAIL_ERROR_REASONS)[number];

export type EmailResult =
  | { readonly ok: true; readonly address: string; readonly local: string; readonly domain: string; readonly unicodeDomain: string }
  | { readonly ok: false; readonly reason: EmailErrorReason; readonly input: string; readonly detail?: string; readonly domainError?: DomainError };

/** RFC 5321 §4.5.3.1: local part at most 64 octets, a path at most 256 (address ≤ 254). */
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;
/** RFC 5322 dot-atom; quoted local parts and non-ASCII (SMTPUTF8) local parts are not accepted. */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*$`);
const DOTS = /[\u3002\uff0e\uff61]/g;
/** Characters that mean the domain part is really a URL or a list, not a name. */
const NOT_IN_DOMAIN = /[\s/?#\\:@[\]%,;<>()"]/u;

function emailFail(reason: EmailErrorReason, input: string, detail?: string, domainError?: DomainError): EmailResult {
  return {
    ok: false,
    reason,
    input,
    ...(detail === undefined ? {} : { detail }),
    ...(domainError === undefined ? {} : { domainError }),
  };
}

const LOCAL_CHAR = new RegExp(`^(?:${ATEXT}|\\.)$`);

function firstBadLocalChar(local: string): string | undefined {
  for (const ch of local) if (!LOCAL_CHAR.test(ch)) return ch;
  return undefined;
}

/**
 * Check and normalise a mailbox address: one @, an ASCII dot-atom local part
 * (kept as typed), the domain through normaliseDomain (lower case, punycode).
 * Full-width forms and Chinese full stops are mapped first (NFKC). Never throws.
 */
export function parseEmailAddress(input: string): EmailResult {
  const raw = typeof input === 'string' ? input : '';
  const s = raw.normalize('NFKC').trim();
  if (s === '') return emailFail('empty', raw);
  const ats = s.split('@').length - 1;
  if (ats === 0) return emailFail('missing-at', raw);
  if (ats > 1) return emailFail('multiple-at', raw);
  const at = s.indexOf('@');
  const local = s.slice(0, at);
  const domainPart = s.slice(at + 1).replace(DOTS, '.');
  if (local === '') return emailFail('empty-local-part', raw);
  if (!DOT_ATOM.test(local)) {
    const bad = firstBadLocalChar(local);
    return bad === undefined ? emailFail('local-part-dots', raw, local) : emailFail('invalid-local-part', raw, bad);
  }
  if (local.length > MAX_LOCAL) return emailFail('local-part-too-long', raw, local);
  const stray = NOT_IN_DOMAIN.exec(domainPart);
  if (stray) {
    return emailFail('invalid-domain', raw, stray[0], { code: 'invalid-character', input: domainPart, detail: stray[0] });
  }
  const domain = normaliseDomain(domainPart);
  if (!domain.ok) return emailFail('invalid-domain', raw, domainPart, domain.error);
  const address = `${local}@${domain.ascii}`;
  if (address.length > MAX_ADDRESS) return emailFail('too-long', raw, address);
  return { ok: true, address, local, domain: domain.ascii, unicodeDomain: domain.unicode };
}

