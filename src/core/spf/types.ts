/**
 * What evaluateSpf (./evaluate.ts) takes and gives back. Plain data: the SPF
 * tool renders the trail as a tree (records, the terms evaluated in each, the
 * include or redirect each led to) with the DNS questions used beside it.
 */
import type { DohErrorCode, QueryFn, Rcode, RRType } from '../doh/types';
import type { SpfErrorCode, SpfMechanism, SpfQualifier } from '../records/spf';
import type { MacroErrorCode } from './macro';

/** The results of RFC 7208 §2.6. Const array + derived union. */
export const SPF_RESULTS = ['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror'] as const;
export type SpfResult = (typeof SPF_RESULTS)[number];

export interface EvaluateSpfArgs {
  /** The SMTP client's address, IPv4 or IPv6 (an IPv4-mapped IPv6 address counts as IPv4, RFC 7208 §5). */
  readonly ip: string;
  /** MAIL FROM as given; empty for a bounce, when the HELO identity is checked as `postmaster@<helo>` (§2.4). */
  readonly sender: string;
  /** The HELO/EHLO name as given (the `h` macro; the domain checked when `sender` is empty). */
  readonly helo: string;
  /** Asks DNS, e.g. `createDohClient({ fetch, resolvers }).query` or a run of it. */
  readonly query: QueryFn;
  /** Aborting it rejects the evaluation with DohError('aborted') and cancels its questions. */
  readonly signal?: AbortSignal;
  /** The receiving host's name for `%{r}` in explanations; default "unknown" (§7.3). */
  readonly receiver?: string;
  /** Clock for `%{t}` (milliseconds since 1970); default Date.now. */
  readonly now?: () => number;
  /**
   * Ask ahead (default true): as soon as a record arrives, every lookup its
   * terms will need is sent at once, so a tree costs as many round trips as it
   * is deep. `false` asks one question at a time, as evaluation reaches it
   * (for comparison in the benchmark).
   */
  readonly prefetch?: boolean;
}

export interface SpfEvaluation {
  readonly result: SpfResult;
  /** The exp= text of a `fail`, macros expanded (§6.2); absent when there is none or it could not be used. */
  readonly explanation?: string;
  /** The domain checked: the MAIL FROM domain, or the HELO name when MAIL FROM is empty. */
  readonly domain: string;
  readonly trail: SpfTrail;
}

/** How one DNS question went, as the evaluation saw it. */
export const SPF_LOOKUP_OUTCOMES = ['answer', 'no-data', 'nxdomain', 'dns-error', 'invalid-name'] as const;
export type SpfLookupOutcome = (typeof SPF_LOOKUP_OUTCOMES)[number];

/** What a question was asked for. */
export const SPF_LOOKUP_PURPOSES = ['record', 'a', 'mx', 'mx-address', 'ptr', 'ptr-address', 'exists', 'p-macro', 'exp'] as const;
export type SpfLookupPurpose = (typeof SPF_LOOKUP_PURPOSES)[number];

export interface SpfLookup {
  /** The name asked, in the DNS client's presentation format. */
  readonly name: string;
  readonly type: RRType;
  readonly purpose: SpfLookupPurpose;
  readonly outcome: SpfLookupOutcome;
  /** The records of the type asked (after a CNAME), as text: addresses, host names, TXT strings joined. */
  readonly data: readonly string[];
  /** For `dns-error`: the answer's rcode when one came (SERVFAIL …) … */
  readonly rcode?: Rcode;
  /** … or the DohError code when none did. */
  readonly error?: DohErrorCode;
  /** The question had already been sent ahead, before evaluation needed it. */
  readonly prefetched: boolean;
}

export const SPF_TERM_OUTCOMES = ['match', 'no-match', 'permerror', 'temperror'] as const;
export type SpfTermOutcome = (typeof SPF_TERM_OUTCOMES)[number];

/** One term the evaluation reached (terms after the first match are never reached, and not listed). */
export interface SpfTrailTerm {
  /** The term as written in the record. */
  readonly term: string;
  /** The mechanism, or `redirect` for the modifier (followed when no mechanism matched). */
  readonly kind: SpfMechanism | 'redirect';
  /** Mechanisms only. */
  readonly qualifier?: SpfQualifier;
  /** The domain the term looked at, macros expanded (a, mx, ptr, exists, include, redirect). */
  readonly target?: string;
  /** For a redirect, `match` means it was followed and gave the record its result. */
  readonly outcome: SpfTermOutcome;
  /** When the term counted toward the limit of 10 DNS-querying terms: the count including it. */
  readonly dnsTerm?: number;
  /** When its lookup was void (no data or NXDOMAIN, §4.6.4): the void count including it. */
  readonly voidLookup?: number;
  /** Indexes into SpfTrail.lookups of the questions the term used. */
  readonly lookups: readonly number[];
  /** The record an include or redirect evaluated. */
  readonly child?: SpfTrailRecord;
}

export interface SpfTrailRecord {
  readonly domain: string;
  /** How evaluation came here: the domain checked, an include, or a redirect. */
  readonly via: 'check' | 'include' | 'redirect';
  /** The SPF record's text; absent when there was none (or no usable one). */
  readonly record?: string;
  /** The TXT question that fetched it (an index into SpfTrail.lookups). */
  readonly lookup?: number;
  /** check_host()'s result for this domain. */
  readonly result: SpfResult;
  readonly terms: readonly SpfTrailTerm[];
}

/** Why a result is permerror, temperror or none (stable codes, for messages). */
export const SPF_PROBLEM_CODES = [
  // The address given is not an IPv4 or IPv6 address: nothing was checked (result none).
  'invalid-ip',
  // The domain to check is not a multi-label domain name (§4.3): none.
  'invalid-domain',
  // The domain has no SPF record (§4.5): none.
  'no-record',
  // More than one SPF record (§4.5): permerror.
  'multiple-records',
  // A syntax error in a record (§4.6): permerror. `syntax` says which.
  'syntax',
  // A DNS question failed (timeout, SERVFAIL …): temperror. `lookup` says which.
  'dns-error',
  // More than 10 terms that query DNS (§4.6.4): permerror.
  'lookup-limit',
  // More than 2 void lookups (§4.6.4): permerror.
  'void-limit',
  // An mx mechanism found more than 10 MX records (§4.6.4): permerror.
  'mx-limit',
  // include: of a domain without an SPF record (§5.2): permerror.
  'include-none',
  // redirect= to a domain without an SPF record, or to no valid domain (§6.1): permerror.
  'redirect-none',
] as const;
export type SpfProblemCode = (typeof SPF_PROBLEM_CODES)[number];

export interface SpfProblem {
  readonly code: SpfProblemCode;
  /** The domain whose record or lookup it is about. */
  readonly domain: string;
  /** The term, as written, when the problem is in one. */
  readonly term?: string;
  /** For `syntax`: the parser's code, a macro error, or `invalid-character` (outside printable ASCII, §4.6.1). */
  readonly syntax?: SpfErrorCode | MacroErrorCode;
  /** For `dns-error`: the failed question (an index into SpfTrail.lookups). */
  readonly lookup?: number;
}

export interface SpfTrail {
  /** The checked domain's record, with includes and redirects nested under the terms that reached them. */
  readonly root?: SpfTrailRecord;
  /** Every DNS question the evaluation used, in the order it used them. */
  readonly lookups: readonly SpfLookup[];
  /** Terms counted toward the limit of 10 DNS-querying terms (include, a, mx, ptr, exists, redirect). */
  readonly dnsTerms: number;
  /** Void lookups counted toward the limit of 2. */
  readonly voidLookups: number;
  /** DNS questions sent in all, including those asked ahead that evaluation never needed. */
  readonly queriesSent: number;
  /** Why the result is permerror, temperror or none. */
  readonly problem?: SpfProblem;
}
