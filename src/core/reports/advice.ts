/**
 * What to do about each failing source (issue 13, item 5), as data: a stable
 * code and typed params. The widget words each code in the page's language
 * (text/en.ts and text/zh.ts hold a wording) and links the guide.
 *
 * Evidence per source group (see sources.ts), from the records that FAILED
 * DMARC unless said otherwise. "Your domain" = the header_from domains of
 * those records; a DKIM or SPF domain "is yours" when it has the same
 * organisation domain (the relaxed alignment of RFC 7489 §3.1, approximated
 * without the public suffix list).
 *
 * Codes, in the order they are tried for a group:
 * - own-provider-dkim-off: the group is your own mailbox provider (options.
 *   ownProviderId) and some of its messages carry no signature of your domain
 *   → DKIM is not switched on there (or not published). Also for messages that
 *   passed on SPF alone (severity warn: they fail once forwarded).
 * - own-provider-dkim-fail: your own provider, a signature of your domain is
 *   there but does not verify → the published key is not the provider's key
 *   (old key, wrong selector, key cut when pasted).
 * - own-provider-spf-missing: your own provider, SPF for your domain did not
 *   pass → the SPF record lacks the provider's include (params.include from
 *   the provider data in src/core/providers, '' when unknown).
 * - forwarder: not your provider, and either the receiver said so
 *   (policy_evaluated reason forwarded / trusted_forwarder / mailing_list:
 *   via "reason"), or the source is a mail security gateway (via "gateway"), or
 *   a signature of your domain is present but broken (via "dkim-broken": only
 *   you can make that signature, so the message was yours and was changed on
 *   the way — a mailing list or a forwarder). Nothing to fix at your side;
 *   DKIM that survives is what keeps such mail passing.
 * - platform-dkim-fail: a sending platform (SendGrid, Amazon SES …) signs
 *   with your domain but the signature fails → its DKIM record at your domain
 *   is wrong or missing.
 * - platform-not-authorised: a sending platform without any signature of your
 *   domain and without SPF for your domain passing → set up its domain
 *   authentication (DKIM for your domain, custom bounce domain), or it is
 *   someone else's account using your address.
 * - other-mailbox-service: a mailbox service that is not your provider (Gmail,
 *   Outlook.com, QQ …) sent as your domain without your signature → someone
 *   uses it to send as your address ("send mail as"), or it forwarded mail
 *   that was never signed; authorise it if it is yours.
 * - unknown-sender-spoofing: nobody we recognise (params.ptr says whether the
 *   IP had no PTR name, an unrecognised one, or the lookup failed or was not
 *   made), no signature of your domain, SPF for your domain not passing →
 *   probably spoofing; keep moving towards p=reject (params.policy is the
 *   policy in force for the header_from domains of its failing messages: the
 *   weakest when they differ), unless you recognise the sender. When the lookup failed
 *   or was not made the sender is only unidentified: severity warn, and the
 *   wording asks to check the IP before calling it spoofing.
 */
import type { PublishedPolicy } from './types';
import type { SourceGroup } from './sources';
import { orgDomain, type SenderProfile } from './senders';
import { RECOGNISERS } from '../providers/index';

export const ADVICE_CODES = [
  'own-provider-dkim-off',
  'own-provider-dkim-fail',
  'own-provider-spf-missing',
  'forwarder',
  'platform-dkim-fail',
  'platform-not-authorised',
  'other-mailbox-service',
  'unknown-sender-spoofing',
] as const;
export type AdviceCode = (typeof ADVICE_CODES)[number];

export const ADVICE_SEVERITIES = ['fail', 'warn', 'info'] as const;
/** fail: messages fail DMARC because of it; warn: they pass today but weakly; info: nothing to fix at your side. */
export type AdviceSeverity = (typeof ADVICE_SEVERITIES)[number];

/**
 * What reverse DNS said about an unknown sender's IP: none (no PTR name),
 * unrecognised (a forward-confirmed name we do not know), unconfirmed (a name
 * that does not lead back to the IP: whoever named it is not who it claims),
 * error (the lookup, or the name's forward check, failed), not-asked (not
 * looked up: still running, or beyond the lookup limit).
 */
export type PtrEvidence = 'none' | 'unrecognised' | 'unconfirmed' | 'error' | 'not-asked';

/** Evidence that leaves the sender unidentified rather than unknown: its advice is a warning to check the IP. */
const UNIDENTIFIED: ReadonlySet<PtrEvidence> = new Set(['error', 'not-asked']);

export interface AdviceParams {
  'own-provider-dkim-off': { readonly sender: string };
  'own-provider-dkim-fail': { readonly sender: string; readonly selectors: readonly string[] };
  'own-provider-spf-missing': { readonly sender: string; readonly include: string };
  forwarder: { readonly via: 'reason' | 'gateway' | 'dkim-broken'; readonly reasons: readonly string[]; readonly sender: string };
  'platform-dkim-fail': { readonly sender: string; readonly selectors: readonly string[] };
  'platform-not-authorised': { readonly sender: string; readonly dkimDomains: readonly string[]; readonly spfDomains: readonly string[] };
  'other-mailbox-service': { readonly sender: string };
  'unknown-sender-spoofing': { readonly policy: string; readonly ptr: PtrEvidence; readonly ptrDomain: string };
}

export type Advice = {
  [C in AdviceCode]: {
    readonly code: C;
    /** The SourceGroup's key. */
    readonly group: string;
    readonly severity: AdviceSeverity;
    /** Messages this advice is about. */
    readonly messages: number;
    readonly params: AdviceParams[C];
  };
}[AdviceCode];

export interface AdviceOptions {
  /** The user's own mailbox provider: a provider profile / recogniser id (aliyun-cn, tencent-exmail …). */
  readonly ownProviderId?: string | undefined;
  /** The policy in force for each header_from domain (policyByHeaderFrom), for unknown-sender-spoofing. */
  readonly policies?: ReadonlyMap<string, string> | undefined;
  /** The policy quoted when none of a group's header_from domains is in `policies` (e.g. latestPolicy of one domain). */
  readonly policy?: PublishedPolicy | undefined;
}

const FORWARD_REASONS = new Set(['forwarded', 'trusted_forwarder', 'mailing_list']);

const POLICY_RANK: Readonly<Record<string, number>> = { none: 0, quarantine: 1, reject: 2 };

/**
 * The policy to quote for a group's failing mail: that of the header_from
 * domains of its failing messages, the weakest when they differ (never claim
 * p=reject for mail some of which is only under p=none); else options.policy.
 */
function groupPolicy(group: SourceGroup, options: AdviceOptions): string {
  let out: string | undefined;
  for (const { source } of group.members) {
    for (const t of source.headerFrom) {
      if (t.dmarcFail === 0 || !t.key) continue;
      const p = options.policies?.get(t.key.toLowerCase());
      if (p === undefined) continue;
      if (out === undefined || (POLICY_RANK[p] ?? 0) < (POLICY_RANK[out] ?? 0)) out = p;
    }
  }
  return out ?? options.policy?.p ?? '';
}

interface Evidence {
  /** Organisation domains of the header_from of the failing (or all, for warn) messages. */
  readonly yours: Set<string>;
  readonly forwardReasons: string[];
  /** Messages with a signature of your domain that did not verify, and its selectors. */
  readonly ownSigFail: number;
  readonly ownSigFailSelectors: string[];
  /** Messages with SPF for your domain not passing. */
  readonly ownSpfFail: number;
  readonly otherDkimDomains: string[];
  readonly otherSpfDomains: string[];
}

const SPF_NOT_PASS = new Set(['fail', 'softfail', 'neutral', 'none', 'permerror']);

function gather(group: SourceGroup, failingOnly: boolean): Evidence {
  const yours = new Set<string>();
  const forwardReasons = new Set<string>();
  const selectors = new Set<string>();
  const otherDkim = new Set<string>();
  const otherSpf = new Set<string>();
  let ownSigFail = 0;
  let ownSpfFail = 0;
  const n = (t: { messages: number; dmarcFail: number }): number => (failingOnly ? t.dmarcFail : t.messages);
  for (const { source } of group.members) {
    for (const t of source.headerFrom) if (n(t) > 0 && t.key) yours.add(orgDomain(t.key));
  }
  for (const { source } of group.members) {
    for (const t of source.reasons) if (n(t) > 0 && FORWARD_REASONS.has(t.key)) forwardReasons.add(t.key);
    for (const t of source.dkimResults) {
      if (n(t) === 0 || !t.key.domain) continue;
      if (yours.has(orgDomain(t.key.domain))) {
        if (t.key.result !== 'pass') {
          ownSigFail += n(t);
          if (t.key.selector) selectors.add(t.key.selector);
        }
      } else otherDkim.add(t.key.domain);
    }
    for (const t of source.spfResults) {
      if (n(t) === 0 || !t.key.domain) continue;
      if (yours.has(orgDomain(t.key.domain))) {
        if (SPF_NOT_PASS.has(t.key.result)) ownSpfFail += n(t);
      } else otherSpf.add(t.key.domain);
    }
  }
  return {
    yours,
    forwardReasons: [...forwardReasons].sort(),
    ownSigFail,
    ownSigFailSelectors: [...selectors].sort(),
    ownSpfFail,
    otherDkimDomains: [...otherDkim].sort(),
    otherSpfDomains: [...otherSpf].sort(),
  };
}

function isOwn(sender: SenderProfile | null, ownProviderId: string | undefined): boolean {
  return !!sender && !!ownProviderId && sender.providerIds.includes(ownProviderId);
}

function ptrEvidence(group: SourceGroup): PtrEvidence {
  if (group.kind === 'domain') return 'unrecognised';
  const ptrs = group.members.map((m) => m.ptr);
  if (ptrs.some((p) => p?.status === 'none')) return 'none';
  if (ptrs.some((p) => p?.status === 'found' && p.confirmed === false)) return 'unconfirmed';
  // A name whose forward check could not be made is as good as a failed lookup.
  if (ptrs.some((p) => p?.status === 'error' || p?.status === 'found')) return 'error';
  return 'not-asked';
}

function ownProviderAdvice(group: SourceGroup, sender: SenderProfile, ownProviderId: string): Advice[] {
  const out: Advice[] = [];
  const severity: AdviceSeverity = group.fail > 0 ? 'fail' : 'warn';
  const unalignedDkim = group.messages - group.dkimAligned;
  const ev = gather(group, false);
  if (unalignedDkim > 0) {
    if (ev.ownSigFail > 0) {
      out.push({
        code: 'own-provider-dkim-fail',
        group: group.key,
        severity,
        messages: Math.min(unalignedDkim, ev.ownSigFail),
        params: { sender: sender.id, selectors: ev.ownSigFailSelectors },
      });
    } else {
      out.push({ code: 'own-provider-dkim-off', group: group.key, severity, messages: unalignedDkim, params: { sender: sender.id } });
    }
  }
  if (ev.ownSpfFail > 0 && group.messages - group.spfAligned > 0) {
    const include = RECOGNISERS.find((r) => r.id === ownProviderId)?.spfIncludes[0] ?? '';
    out.push({
      code: 'own-provider-spf-missing',
      group: group.key,
      severity,
      messages: Math.min(ev.ownSpfFail, group.messages - group.spfAligned),
      params: { sender: sender.id, include },
    });
  }
  return out;
}

/** Advice for one source group ([] when there is nothing to say). */
export function adviseGroup(group: SourceGroup, options: AdviceOptions = {}): Advice[] {
  const sender = group.sender;
  if (sender && options.ownProviderId && isOwn(sender, options.ownProviderId)) return ownProviderAdvice(group, sender, options.ownProviderId);
  if (group.fail === 0) return [];
  const ev = gather(group, true);
  const base = { group: group.key, messages: group.fail };
  const senderId = sender?.id ?? '';
  if (ev.forwardReasons.length > 0) {
    return [{ ...base, code: 'forwarder', severity: 'info', params: { via: 'reason', reasons: ev.forwardReasons, sender: senderId } }];
  }
  if (sender?.kind === 'gateway') {
    return [{ ...base, code: 'forwarder', severity: 'info', params: { via: 'gateway', reasons: [], sender: senderId } }];
  }
  if (sender?.kind === 'platform') {
    if (ev.ownSigFail > 0) return [{ ...base, code: 'platform-dkim-fail', severity: 'fail', params: { sender: senderId, selectors: ev.ownSigFailSelectors } }];
    return [
      {
        ...base,
        code: 'platform-not-authorised',
        severity: 'fail',
        params: { sender: senderId, dkimDomains: ev.otherDkimDomains, spfDomains: ev.otherSpfDomains },
      },
    ];
  }
  if (ev.ownSigFail > 0) {
    return [{ ...base, code: 'forwarder', severity: 'info', params: { via: 'dkim-broken', reasons: [], sender: senderId } }];
  }
  if (sender?.kind === 'mailbox') return [{ ...base, code: 'other-mailbox-service', severity: 'fail', params: { sender: senderId } }];
  const ptr = ptrEvidence(group);
  return [
    {
      ...base,
      code: 'unknown-sender-spoofing',
      // Without an answer about the IP's name we cannot say it is nobody we know: a warning, not "spoofing".
      severity: UNIDENTIFIED.has(ptr) ? 'warn' : 'fail',
      params: { policy: groupPolicy(group, options), ptr, ptrDomain: group.domain },
    },
  ];
}

/** Advice for every group, most messages first. */
export function adviseSources(groups: readonly SourceGroup[], options: AdviceOptions = {}): Advice[] {
  return groups.flatMap((g) => adviseGroup(g, options)).sort((a, b) => b.messages - a.messages || (a.group < b.group ? -1 : 1));
}

/**
 * The guide pages that explain each fix, most useful first: slugs under the
 * locale root ("dns/dkim" → /dns/dkim/ and /en/dns/dkim/). A sending platform's
 * advice also links the page on mail that platforms send in your name.
 */
export const ADVICE_GUIDES: { readonly [C in AdviceCode]: readonly [string, ...string[]] } = {
  'own-provider-dkim-off': ['dns/dkim'],
  'own-provider-dkim-fail': ['dns/dkim'],
  'own-provider-spf-missing': ['dns/spf'],
  forwarder: ['dns/dmarc'],
  'platform-dkim-fail': ['dns/dkim', 'troubleshooting/platform-mail'],
  'platform-not-authorised': ['troubleshooting/platform-mail', 'dns/dkim'],
  'other-mailbox-service': ['dns/spf'],
  'unknown-sender-spoofing': ['dns/dmarc'],
};

/** The first guide page of each fix (ADVICE_GUIDES[code][0]). */
export const ADVICE_GUIDE = Object.fromEntries(
  Object.entries(ADVICE_GUIDES).map(([code, slugs]) => [code, slugs[0]]),
) as { readonly [C in AdviceCode]: string };
