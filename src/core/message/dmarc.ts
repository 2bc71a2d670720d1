/**
 * DMARC for one message, given what the other steps found: the From domain,
 * the policy that discovery found (RFC 9989 tree walk — a function passed in,
 * written elsewhere), the SPF result and domain, and the DKIM results. This
 * module does identifier alignment (strict: the same name; relaxed: the same
 * organisational domain, which another function passed in determines), the
 * DMARC result, the policy that applies (p, sp for a subdomain, np for a name
 * that does not exist; one level lower under t=y), and which of SPF or DKIM to
 * fix. What could not be found out is never counted as a failure: when nothing
 * passes aligned and an identifier's check or its organisational domain is
 * unknown (a DNS failure, a browser that cannot verify Ed25519), the result is
 * a temperror saying why.
 */
import type { QueryFn } from '~/core/doh/types';
import { testingPolicy } from '~/core/records/dmarc';
import type { GuideSlug } from './bounce-data';
import { BROWSER_LIMITED_REASONS, type DkimResult } from './dkim-verify';

export type DmarcPolicyWord = 'none' | 'quarantine' | 'reject';

/** What policy discovery found (the lead's RFC 9989 tree walk adapts its result to this). */
export interface DmarcPolicyFound {
  /** The name whose `_dmarc` record was used. */
  readonly policyDomain: string;
  /** The organisational domain the walk determined for the From domain. */
  readonly orgDomain: string;
  readonly record?: string;
  readonly p: DmarcPolicyWord;
  readonly sp?: DmarcPolicyWord;
  readonly np?: DmarcPolicyWord;
  readonly adkim: 'r' | 's';
  readonly aspf: 'r' | 's';
  /** t=y (RFC 9989): the domain is testing; receivers should not apply the policy as stated. */
  readonly testing?: boolean;
}

export type DmarcDiscovery =
  | { readonly status: 'found'; readonly policy: DmarcPolicyFound; /** The From domain itself does not exist (NXDOMAIN): np applies. */ readonly nonExistent?: boolean }
  | { readonly status: 'none'; readonly orgDomain?: string }
  | { readonly status: 'temperror'; readonly detail?: string }
  | { readonly status: 'permerror'; readonly detail?: string };

export interface DmarcContext {
  readonly query: QueryFn;
  readonly signal?: AbortSignal;
}

/** Policy discovery for a From domain (RFC 9989 §4.10 tree walk). */
export type DmarcDiscoverFn = (fromDomain: string, ctx: DmarcContext) => Promise<DmarcDiscovery>;
/** Organisational domain of a name (RFC 9989 tree walk), for relaxed alignment. */
export type OrgDomainFn = (domain: string, ctx: DmarcContext) => Promise<string>;

export interface DmarcSteps {
  readonly discover: DmarcDiscoverFn;
  readonly orgDomain: OrgDomainFn;
}

export const DMARC_ADVICE = [
  /** SPF did not pass: the sending server is not in the envelope domain's SPF record. */
  'spf-not-passing',
  /** SPF passed for another domain than From (a service's own bounce domain). */
  'spf-not-aligned',
  /** No DKIM signature at all. */
  'dkim-missing',
  /** DKIM signatures present but none passed. */
  'dkim-not-passing',
  /** DKIM passed only for another domain than From. */
  'dkim-not-aligned',
  /** No DMARC record for the From domain or its organisational domain. */
  'publish-dmarc',
  /** p=none: mail that fails is still delivered; the domain is not protected. */
  'policy-none',
] as const;
export type DmarcAdvice = (typeof DMARC_ADVICE)[number];

/** The guide page for each piece of advice. */
export const DMARC_ADVICE_GUIDE: Readonly<Record<DmarcAdvice, GuideSlug>> = {
  'spf-not-passing': 'dns/spf',
  'spf-not-aligned': 'dns/dmarc',
  'dkim-missing': 'dns/dkim',
  'dkim-not-passing': 'dns/dkim',
  'dkim-not-aligned': 'dns/dmarc',
  'publish-dmarc': 'dns/dmarc',
  'policy-none': 'dns/dmarc',
};

export interface SpfForDmarc {
  readonly result: string;
  /** The domain SPF was checked for (MAIL FROM's, or HELO's when MAIL FROM was empty). */
  readonly domain: string;
}

export interface DmarcEvaluation {
  readonly result: 'pass' | 'fail' | 'none' | 'temperror' | 'permerror';
  readonly fromDomain: string;
  readonly policy?: DmarcPolicyFound;
  readonly spfAligned: boolean;
  /** Domains of passing DKIM signatures that align with From. */
  readonly dkimAligned: readonly string[];
  /** The policy a receiver applies to this message when it fails: p, sp or np — one level lower when the record says t=y. */
  readonly applied?: DmarcPolicyWord;
  /** The policy the record states for this message, when t=y makes `applied` differ from it. */
  readonly stated?: DmarcPolicyWord;
  readonly advice: readonly DmarcAdvice[];
  /** Why the result is a temperror or permerror (untrusted parts: a DNS name, a code). */
  readonly detail?: string;
  /** For a temperror: whether asking again may help (`dns`) or this browser cannot check a signature (`browser`). */
  readonly undecided?: 'dns' | 'browser';
}

function same(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\.$/, '') === b.toLowerCase().replace(/\.$/, '');
}

/** Identifier alignment (RFC 9989 §4.4): strict = identical names, relaxed = same organisational domain. */
export async function aligned(a: string, from: string, mode: 'r' | 's', orgDomain: OrgDomainFn, ctx: DmarcContext, fromOrg?: string): Promise<boolean> {
  if (same(a, from)) return true;
  if (mode === 's') return false;
  const [oa, of] = await Promise.all([orgDomain(a.toLowerCase(), ctx), fromOrg !== undefined ? Promise.resolve(fromOrg) : orgDomain(from.toLowerCase(), ctx)]);
  return same(oa, of);
}

/** Why an organisational-domain lookup failed, as text: `<name> <code>` when the error names them (the tree walk's does). */
function lookupDetail(e: unknown): string {
  const { dnsName, code } = (e ?? {}) as { dnsName?: unknown; code?: unknown };
  if (typeof dnsName === 'string' && typeof code === 'string') return `${dnsName} ${code}`;
  return typeof code === 'string' ? code : 'organisational domain unknown';
}

/** Evaluate DMARC once SPF and DKIM are known. */
export async function evaluateDmarc(args: {
  readonly fromDomain: string;
  readonly discovery: DmarcDiscovery;
  readonly spf?: SpfForDmarc;
  readonly dkim: readonly DkimResult[];
  readonly orgDomain: OrgDomainFn;
  readonly ctx: DmarcContext;
}): Promise<DmarcEvaluation> {
  const { fromDomain, discovery, spf, dkim, orgDomain, ctx } = args;
  const advice: DmarcAdvice[] = [];
  if (discovery.status === 'temperror' || discovery.status === 'permerror') {
    return {
      result: discovery.status,
      fromDomain,
      spfAligned: false,
      dkimAligned: [],
      advice,
      ...(discovery.detail ? { detail: discovery.detail } : {}),
      ...(discovery.status === 'temperror' ? { undecided: 'dns' as const } : {}),
    };
  }
  const policy = discovery.status === 'found' ? discovery.policy : undefined;
  const aspf = policy?.aspf ?? 'r';
  const adkim = policy?.adkim ?? 'r';
  const fromOrg = policy?.orgDomain ?? (discovery.status === 'none' ? discovery.orgDomain : undefined);

  // What could not be found out, first of each kind: a DNS failure wins over a browser limit (asking again may help).
  let unknownDns: string | undefined;
  let unknownBrowser: string | undefined;
  /** Alignment of one identifier; a failed organisational-domain lookup leaves it unaligned and the result unknown. */
  const alignedOrUnknown = async (domain: string, mode: 'r' | 's'): Promise<boolean> => {
    try {
      return await aligned(domain, fromDomain, mode, orgDomain, ctx, fromOrg);
    } catch (e) {
      unknownDns ??= lookupDetail(e);
      return false;
    }
  };

  let spfAligned = false;
  if (spf && spf.domain) {
    if (spf.result === 'pass') spfAligned = await alignedOrUnknown(spf.domain, aspf);
    // SPF could not be evaluated for a domain that would align: it might have passed.
    else if (spf.result === 'temperror' && (await alignedOrUnknown(spf.domain, aspf))) unknownDns ??= `SPF ${spf.domain} temperror`;
  }
  const dkimAligned: string[] = [];
  for (const r of dkim) {
    if (!r.domain) continue;
    if (r.result === 'pass') {
      if (await alignedOrUnknown(r.domain, adkim)) dkimAligned.push(r.domain);
    } else if (r.result === 'temperror' && (await alignedOrUnknown(r.domain, adkim))) {
      // A signature that could not be checked, for a domain that would align: it might have passed.
      const detail = `DKIM d=${r.domain} s=${r.selector ?? '?'} ${r.reason}`;
      if (BROWSER_LIMITED_REASONS.has(r.reason)) unknownBrowser ??= detail;
      else unknownDns ??= detail;
    }
  }

  // Advice: what to fix so that at least one aligned identifier passes.
  if (!spfAligned) advice.push(spf && spf.result === 'pass' ? 'spf-not-aligned' : 'spf-not-passing');
  if (dkimAligned.length === 0) {
    if (dkim.length === 0) advice.push('dkim-missing');
    else if (dkim.some((r) => r.result === 'pass')) advice.push('dkim-not-aligned');
    else advice.push('dkim-not-passing');
  }

  if (!policy) {
    advice.push('publish-dmarc');
    return { result: 'none', fromDomain, spfAligned, dkimAligned, advice };
  }
  const pass = spfAligned || dkimAligned.length > 0;
  const unknown = unknownDns ?? unknownBrowser;
  if (!pass && unknown !== undefined) {
    // Nothing passed aligned, but something that might have is unknown: not a failure (RFC 9989 leaves DNS errors to the receiver).
    return { result: 'temperror', fromDomain, policy, spfAligned, dkimAligned, advice: [], detail: unknown, undecided: unknownDns !== undefined ? 'dns' : 'browser' };
  }
  if (policy.p === 'none') advice.push('policy-none');
  const isSub = !same(policy.policyDomain, fromDomain);
  const stated = discovery.status === 'found' && discovery.nonExistent && policy.np ? policy.np : isSub ? (policy.sp ?? policy.p) : policy.p;
  // t=y (RFC 9989 §4.7): receivers apply the policy one level lower.
  const applied = policy.testing ? testingPolicy(stated) : stated;
  return {
    result: pass ? 'pass' : 'fail',
    fromDomain,
    policy,
    spfAligned,
    dkimAligned,
    ...(pass ? {} : { applied, ...(applied !== stated ? { stated } : {}) }),
    advice: pass ? advice.filter((a) => a === 'policy-none') : advice,
  };
}
