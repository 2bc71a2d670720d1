/**
 * Findings: what a check found wrong (or worth knowing) about one record, as
 * data. Each problem code has typed parameters — the values its message names.
 * The codes are public: the widgets write them into `data-problem`, and support
 * staff and outside tests rely on them (architecture §3). Add, never rename.
 *
 * Adding a finding: add its parameters to FindingParams and its code to
 * PROBLEM_CODES (the compiler checks the two agree), its guide page in
 * ./guides.ts, then its text in each language file under ../messages/ (each is
 * typed against FindingParams, so a missing text is a type error).
 *
 * Values in params may come from DNS, a message or a report: untrusted text,
 * escaped by the view, shortened by the messages.
 */
import type { DkimErrorCode } from '../records/dkim';
import type { DmarcErrorCode, DmarcRemovedTag, DmarcScope } from '../records/dmarc';
import type { SpfErrorCode } from '../records/spf';
import type { DmarcPolicy, RecordId, Severity } from '../types';

/** Why an include/redirect target does not give one SPF record. */
export type SpfBrokenReason = 'no-record' | 'multiple' | 'nxdomain';
/** How an SPF record ends, when that is weak: `+all`, `~all`, `?all`, or no `all` at all. */
export type SpfWeakEnding = '+all' | '~all' | '?all' | 'none';

export interface FindingParams {
  /** No record of this kind at the expected name. */
  readonly missing: {
    /** The value to add (absent for DKIM: it comes from the console). */
    readonly expected?: string;
    /** The record is optional (the client CNAMEs). */
    readonly optional?: boolean;
  };
  /** A record exists but its value is not the expected one. */
  readonly 'wrong-value':
    /** Some hosts of the set are missing. */
    | { readonly kind: 'mx-partial'; readonly observed: string; readonly expected: string; readonly missing: string }
    /** Any other value that is not the expected one. */
    | { readonly kind: 'value'; readonly observed: string; readonly expected: string }
    | { readonly kind: 'cname'; readonly observed: string; readonly expected: string }
    | { readonly kind: 'address'; readonly observed: string; readonly expected: string }
    /**
     * A DMARC policy other than the chosen one, as `tag=value` each. `scope`:
     * the policy for existing subdomains (sp) or for names that do not exist
     * (np) rather than for the domain itself; `observed` then names the tag it
     * comes from (sp, or p when the record has no sp).
     */
    | { readonly kind: 'dmarc-policy'; readonly observed: string; readonly expected: string; readonly scope?: 'sp' | 'np' };
  /** More than one SPF record at the name (RFC 7208 §3.2: a permanent error). */
  readonly 'multiple-spf': { readonly count: number };
  /** SPF evaluation needs more than 10 DNS-querying terms (RFC 7208 §4.6.4). */
  readonly 'spf-lookup-limit': { readonly count: number; readonly limit: number };
  /** SPF evaluation meets more than 2 void lookups (RFC 7208 §4.6.4). */
  readonly 'spf-void-limit': { readonly count: number; readonly limit: number };
  /** An `mx` term names more than 10 mail hosts (RFC 7208 §4.6.4); a warning. */
  readonly 'spf-mx-limit': { readonly domain: string; readonly count: number };
  /** The SPF text does not follow the grammar. */
  readonly 'spf-syntax': {
    readonly domain: string;
    readonly term: string;
    readonly reason: SpfErrorCode;
    /** Character offset of the term in the record (0-based). */
    readonly offset: number;
  };
  /** An include/redirect leads back to a record already being evaluated. */
  readonly 'spf-loop': { readonly domain: string; readonly path: readonly string[] };
  /** A required `include:` (the provider's, or a sender the reader listed) is not in the SPF tree. */
  readonly 'spf-include-missing': { readonly include: string };
  /** An include/redirect points at a name that has no single SPF record. */
  readonly 'spf-broken-include': { readonly domain: string; readonly from: string; readonly reason: SpfBrokenReason };
  /** MX points at another mail provider only (named). */
  readonly 'foreign-mx': { readonly provider: string; readonly hosts: readonly string[] };
  /** MX mixes this provider's hosts with others (a known provider, or unknown hosts when provider is absent). */
  readonly 'mixed-mx': { readonly provider?: string; readonly hosts: readonly string[] };
  /** A CNAME at the apex or beside other data at the same name. */
  readonly 'cname-conflict': { readonly target: string };
  /** The record exists at a mistaken name (e.g. `_dmarc.example.com.example.com`). */
  readonly 'wrong-name': { readonly found: string; readonly expected: string };
  /** The domain itself does not exist in DNS. */
  readonly nxdomain: { readonly domain: string };
  /** The resolver could not answer; we do not know (never means missing). */
  readonly 'resolver-error': { readonly name: string; readonly type: string; readonly code: string };
  /**
   * SPF ending in `~all`/`?all`/`+all`/nothing; DMARC `p=none`. `noPolicy`: the
   * DMARC record has no p= at all (RFC 9989 §4.10.1): with a valid rua
   * receivers act as if it said p=none; without one they apply no DMARC
   * processing at all.
   */
  readonly 'weak-policy':
    | { readonly spf: SpfWeakEnding }
    | { readonly dmarc: 'none'; readonly chosen: boolean; readonly noPolicy?: 'with-rua' | 'without-rua' };
  /**
   * A DMARC record that does not follow RFC 9989 §4.8. `effect` for a wrong
   * p, sp or np (§4.10.1): receivers act as if the record said p=none (it has
   * a valid rua), or apply no DMARC processing (it has none). Other errors:
   * the tag is ignored and its default used (§4.8).
   */
  readonly 'dmarc-syntax':
    | { readonly reason: DmarcErrorCode; readonly tag?: string; readonly value?: string; readonly effect?: 'p-none' | 'no-processing' }
    | { readonly reason: 'multiple'; readonly count: number };
  /** A tag RFC 9989 removed (pct, rf, ri): receivers ignore it; the text says what replaces it. */
  readonly 'dmarc-removed-tag': { readonly tag: DmarcRemovedTag; readonly value: string };
  /**
   * t=y (RFC 9989 §4.7): the policy is not being applied as written — receivers
   * apply `applied`, one level below `policy` (t has no effect on none).
   * `chosen`: the reader chose testing.
   */
  readonly 'dmarc-testing': { readonly policy: DmarcPolicy; readonly applied: DmarcPolicy; readonly chosen: boolean };
  /** Tags RFC 9989 does not define: ignored by receivers (§4.7). Information. */
  readonly 'dmarc-unknown-tag': { readonly tags: readonly string[] };
  /** A report URI with the obsolete `!size` suffix (§4.8 obs-dmarc-uri): reporters ignore the size. Information. */
  readonly 'dmarc-report-size': { readonly uri: string };
  /**
   * No record of the domain's own, but the RFC 9989 tree walk (§4.10.1) found
   * the record that covers it at `found` (`_dmarc.<policyDomain>`), its
   * organisational domain's or its public suffix's (`source`). `tag` and
   * `policy`: the policy that applies to the domain (sp, or np when it does
   * not exist, else p); `policy` absent when that record makes receivers apply
   * no DMARC processing. `chosen`: the policy the reader chose.
   */
  readonly 'dmarc-covered': {
    readonly found: string;
    readonly policyDomain: string;
    readonly source: 'organisational' | 'psd';
    readonly tag: DmarcScope;
    readonly policy?: DmarcPolicy;
    readonly chosen: DmarcPolicy;
  };
  readonly 'dkim-syntax':
    | { readonly reason: DkimErrorCode; readonly tag?: string }
    | { readonly reason: 'multiple'; readonly count: number }
    | { readonly reason: 'not-dkim' };
  /** The key record's p= is empty: the key is revoked (RFC 6376 §3.6.1); every signature with this selector fails. */
  readonly 'dkim-revoked': { readonly selector: string };
  /** t=y in the key record: the domain is testing DKIM (RFC 6376 §3.6.1); receivers treat failures leniently. Information. */
  readonly 'dkim-testing': { readonly selector: string };
  /** RSA key under 2048 bits (under 1024: fail). */
  readonly 'dkim-weak-key': { readonly bits: number };
  /** The key in DNS differs from the key pasted from the console (both shortened for display). */
  readonly 'dkim-key-mismatch': { readonly expected: string; readonly observed: string };
  /** Information: how long caches may keep the old answer. */
  readonly ttl: { readonly seconds: number; readonly negative: boolean };
}

export type ProblemCode = keyof FindingParams;

/** Every code, in a stable order (tests and documentation walk it). */
export const PROBLEM_CODES = [
  'missing',
  'wrong-value',
  'multiple-spf',
  'spf-lookup-limit',
  'spf-void-limit',
  'spf-mx-limit',
  'spf-syntax',
  'spf-loop',
  'spf-include-missing',
  'spf-broken-include',
  'foreign-mx',
  'mixed-mx',
  'cname-conflict',
  'wrong-name',
  'nxdomain',
  'resolver-error',
  'weak-policy',
  'dmarc-syntax',
  'dmarc-removed-tag',
  'dmarc-testing',
  'dmarc-unknown-tag',
  'dmarc-report-size',
  'dmarc-covered',
  'dkim-syntax',
  'dkim-revoked',
  'dkim-testing',
  'dkim-weak-key',
  'dkim-key-mismatch',
  'ttl',
] as const satisfies readonly ProblemCode[];

// Every code in FindingParams is listed above (a code left out is a type error here).
type Unlisted = Exclude<ProblemCode, (typeof PROBLEM_CODES)[number]>;
const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCodeListed;

/** One finding with the parameters of its code. */
export type FindingOf<C extends ProblemCode> = {
  readonly code: C;
  readonly severity: Severity;
  /** The row it belongs to. */
  readonly record: RecordId;
  /** The name that was asked about. */
  readonly name: string;
  readonly params: FindingParams[C];
};

export type Finding = { [C in ProblemCode]: FindingOf<C> }[ProblemCode];

/** Builds a finding with the parameters its code requires. */
export function finding<C extends ProblemCode>(
  code: C,
  severity: Severity,
  at: { readonly record: RecordId; readonly name: string },
  params: FindingParams[C],
): FindingOf<C> {
  return { code, severity, record: at.record, name: at.name, params };
}

export { statusOf } from './status';
export { findingGuide } from './guides';
