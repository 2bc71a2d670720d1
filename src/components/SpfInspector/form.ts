/**
 * The SPF tool's form: the domain to expand, and the optional IP test (a
 * sending IP, MAIL FROM and HELO). Read from the page address (so a support
 * link reproduces the test), written back to it, and checked field by field
 * into what one run does. No React here, so it is unit-tested on its own; the
 * view (SpfInspector.tsx) words the problems, the hook runs what this returns.
 *
 * Which domain is tested (RFC 7208 §2.4, §4.3): the MAIL FROM's domain; with
 * no MAIL FROM, the domain field as postmaster@<domain>; with MAIL FROM "<>"
 * (a bounce), the HELO name as postmaster@<helo>.
 */
import {
  normaliseDomain,
  parseClientAddress,
  parseEmailAddress,
  type DomainError,
  type EmailErrorReason,
} from '~/core';
import type { UrlPatch, UrlState } from '../ui/urlParams';

export interface SpfForm {
  readonly domain: string;
  readonly ip: string;
  readonly sender: string;
  readonly helo: string;
}

/** What the MAIL FROM field says is wrong. */
export type SenderProblem =
  | { readonly kind: 'address'; readonly reason: EmailErrorReason; readonly input: string; readonly detail?: string; readonly domainError?: DomainError }
  | { readonly kind: 'domain'; readonly error: DomainError };

/** What the IP field says is wrong: a range instead of one address, or not an address at all. */
export type IpProblem = { readonly code: 'range' | 'invalid'; readonly input: string };

/** What the HELO field says is wrong: not a name or address, or (for MAIL FROM <>) no name to check. */
export type HeloProblem =
  | { readonly code: 'invalid'; readonly error: DomainError }
  | { readonly code: 'needed-for-bounce' };

export interface SpfFormErrors {
  readonly domain?: DomainError;
  readonly ip?: IpProblem;
  readonly sender?: SenderProblem;
  readonly helo?: HeloProblem;
}

/** How the tested identity was chosen, for the sentence that says so. */
export const SPF_IDENTITIES = ['mail-from', 'postmaster', 'helo'] as const;
export type SpfIdentity = (typeof SPF_IDENTITIES)[number];

/** The IP test of a run: evaluateSpf's arguments and what they mean. */
export interface SpfTest {
  /** The address as typed (trimmed); evaluateSpf reads it. */
  readonly ip: string;
  /** MAIL FROM for evaluateSpf: an address, a bare domain (§4.3: postmaster@ it), or '' for a bounce. */
  readonly sender: string;
  readonly helo: string;
  /** The domain whose SPF record decides (ASCII). */
  readonly domain: string;
  /** The MAIL FROM the result is about, as the receiver sees it: "<>" for a bounce. */
  readonly mailFrom: string;
  readonly identity: SpfIdentity;
}

/** One run: the expansion of `domain`, and the IP test when an IP was given. */
export interface SpfRun {
  readonly domain: string;
  readonly test?: SpfTest;
}

export interface SpfFormCheck {
  readonly errors: SpfFormErrors;
  /** Present when nothing is wrong and there is something to run. */
  readonly run?: SpfRun;
}

export const emptyForm: SpfForm = { domain: '', ip: '', sender: '', helo: '' };

/** The form as given by the page address; a field the address does not name keeps its value in `base`. */
export function formFrom(params: UrlState, base: SpfForm = emptyForm): SpfForm {
  return {
    domain: params.domain ?? base.domain,
    ip: params.ip ?? base.ip,
    sender: params.sender ?? base.sender,
    helo: params.helo ?? base.helo,
  };
}

/** The address parameters for the form: what was typed, trimmed; empty fields leave the address. */
export function paramsFor(form: SpfForm): UrlPatch {
  return {
    domain: form.domain.trim() || undefined,
    ip: form.ip.trim() || undefined,
    sender: form.sender.trim() || undefined,
    helo: form.helo.trim() || undefined,
  };
}

const NULL_SENDER = '<>';

function checkIp(input: string): { ip?: string; problem?: IpProblem } {
  const ip = input.trim();
  if (ip === '') return {};
  if (parseClientAddress(ip)) return { ip };
  // "192.0.2.0/24", "2001:db8::/32": a range, as written in a record, not the one sending address.
  const slash = ip.indexOf('/');
  if (slash > 0 && parseClientAddress(ip.slice(0, slash))) return { problem: { code: 'range', input: ip } };
  return { problem: { code: 'invalid', input: ip } };
}

type SenderCheck =
  | { readonly kind: 'empty' }
  | { readonly kind: 'bounce' }
  | { readonly kind: 'address'; readonly sender: string; readonly domain: string }
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'problem'; readonly problem: SenderProblem };

function checkSender(input: string): SenderCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed === NULL_SENDER) return { kind: 'bounce' };
  // Copied from a Return-Path header: "<bounce@example.com>".
  const text = /^<(.+)>$/.exec(trimmed)?.[1]?.trim() ?? trimmed;
  if (text.includes('@')) {
    const email = parseEmailAddress(text);
    if (!email.ok) {
      const { reason, input: given, detail, domainError } = email;
      return { kind: 'problem', problem: { kind: 'address', reason, input: given, ...(detail === undefined ? {} : { detail }), ...(domainError ? { domainError } : {}) } };
    }
    return { kind: 'address', sender: email.address, domain: email.domain };
  }
  const domain = normaliseDomain(text);
  if (!domain.ok) return { kind: 'problem', problem: { kind: 'domain', error: domain.error } };
  return { kind: 'domain', domain: domain.ascii };
}

/** HELO: a host name (to ASCII), or an address literal ("[192.0.2.1]") kept as given; undefined name for a literal. */
function checkHelo(input: string): { helo: string; name?: string; problem?: HeloProblem } {
  const helo = input.trim();
  if (helo === '') return { helo };
  const literal = /^\[(.*)\]$/.exec(helo)?.[1] ?? helo;
  if (parseClientAddress(literal.replace(/^ipv6:/i, ''))) return { helo };
  const domain = normaliseDomain(helo);
  if (!domain.ok) return { helo, problem: { code: 'invalid', error: domain.error } };
  return { helo: domain.ascii, name: domain.ascii };
}

/** The identity the test checks (§2.4, §4.3), when the fields name one. */
function identityOf(sender: SenderCheck, heloName: string | undefined, fieldDomain: string | undefined): Omit<SpfTest, 'ip' | 'helo'> | undefined {
  switch (sender.kind) {
    case 'empty':
      return fieldDomain ? { sender: `postmaster@${fieldDomain}`, domain: fieldDomain, mailFrom: `postmaster@${fieldDomain}`, identity: 'postmaster' } : undefined;
    case 'bounce':
      return heloName ? { sender: '', domain: heloName, mailFrom: NULL_SENDER, identity: 'helo' } : undefined;
    case 'address':
      return { sender: sender.sender, domain: sender.domain, mailFrom: sender.sender, identity: 'mail-from' };
    case 'domain':
      return { sender: sender.domain, domain: sender.domain, mailFrom: `postmaster@${sender.domain}`, identity: 'mail-from' };
    case 'problem':
      return undefined;
  }
}

/**
 * Checks every field and says what one run does. A field with a problem
 * stops the run (nothing is asked). The domain field may stay empty when
 * MAIL FROM (or, for a bounce, HELO) names a domain, which is then the one
 * expanded. The IP test runs when an IP is given.
 */
export function checkForm(form: SpfForm): SpfFormCheck {
  const errors: { -readonly [K in keyof SpfFormErrors]: SpfFormErrors[K] } = {};
  const domainInput = form.domain.trim();
  const domain = domainInput ? normaliseDomain(domainInput) : undefined;
  if (domain && !domain.ok) errors.domain = domain.error;
  const ip = checkIp(form.ip);
  if (ip.problem) errors.ip = ip.problem;
  const sender = checkSender(form.sender);
  if (sender.kind === 'problem') errors.sender = sender.problem;
  const helo = checkHelo(form.helo);
  if (helo.problem) errors.helo = helo.problem;
  else if (sender.kind === 'bounce' && !helo.name) errors.helo = { code: 'needed-for-bounce' };

  const fieldDomain = domain?.ok ? domain.ascii : undefined;
  const identity = identityOf(sender, helo.name, fieldDomain);
  // An IP to test but no domain anywhere: the domain field is where one goes.
  if (ip.ip !== undefined && sender.kind === 'empty' && !domainInput) errors.domain = { code: 'empty', input: '' };

  const expand = fieldDomain ?? identity?.domain;
  if (Object.keys(errors).length > 0 || !expand) return { errors };
  const test: SpfTest | undefined = ip.ip !== undefined && identity ? { ip: ip.ip, helo: helo.helo, ...identity } : undefined;
  return { errors, run: { domain: expand, ...(test ? { test } : {}) } };
}
