/**
 * Shared shapes of the core: what the generator produces (ExpectedRecord) and
 * what the checker reports (RecordCheck). Pure data, no DOM, no React.
 * The record ids are public: the Checker widget writes them into `data-record`,
 * and support staff and outside tests rely on them (architecture §3, "Check
 * results markup"). Add, never rename. Findings are in ./findings/.
 */
import type { Finding } from './findings/index';
import type { CnameId, MxHost } from './providers/types';

export type { Lang, Bilingual, PerLang } from './lang';

export const RECORD_IDS = ['mx', 'spf', 'dkim', 'dmarc', 'mail', 'imap', 'smtp', 'pop3'] as const;
export type RecordId = (typeof RECORD_IDS)[number];

/** How a record is checked: each kind is one module in check/kinds/. */
export const RECORD_KINDS = ['mx', 'spf', 'dkim', 'dmarc', 'cname'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const EXPECTED_TYPES = ['MX', 'TXT', 'CNAME'] as const;
export type ExpectedType = (typeof EXPECTED_TYPES)[number];

export const DMARC_POLICIES = ['none', 'quarantine', 'reject'] as const;
export type DmarcPolicy = (typeof DMARC_POLICIES)[number];

export interface ExpectedValue {
  readonly value: string;
  /** MX preference. */
  readonly priority?: number;
}

interface ExpectedBase {
  /** Fully qualified ASCII (punycode) name, lower case, no trailing dot. */
  readonly name: string;
  /** The values to publish, as the generator shows and exports them. For MX, the preferred set. */
  readonly values: readonly ExpectedValue[];
  /** Whether mail works properly without it (false for the client CNAMEs). */
  readonly required: boolean;
}

export interface MxExpected extends ExpectedBase {
  readonly kind: 'mx';
  readonly id: 'mx';
  readonly type: 'MX';
  /** Every complete, correct MX set of the provider; the first is the one to publish. */
  readonly sets: readonly (readonly MxHost[])[];
  /** Whether hosts from different sets may be mixed. */
  readonly allowMix: boolean;
}

export interface SpfExpected extends ExpectedBase {
  readonly kind: 'spf';
  readonly id: 'spf';
  readonly type: 'TXT';
  /** The provider's include and the includes that count as the same sender, lower case. */
  readonly providerIncludes: readonly string[];
  /** Other include: domains the reader listed as senders; each must be reachable from the record. */
  readonly senderIncludes: readonly string[];
  /** The other senders as the reader gave them (`include:…`, `ip4:…`, bare domains), kept in a merged record. */
  readonly extraSenders: readonly string[];
}

export interface DkimExpected extends ExpectedBase {
  readonly kind: 'dkim';
  readonly id: 'dkim';
  readonly type: 'TXT';
  readonly selector: string;
  /**
   * The public key (the p= value) pasted from the admin console. Absent when
   * nothing was pasted: `values[0]` is then a placeholder, never a key.
   */
  readonly key?: string;
}

export interface DmarcExpected extends ExpectedBase {
  readonly kind: 'dmarc';
  readonly id: 'dmarc';
  readonly type: 'TXT';
  /** p: the policy the reader chose for the domain. */
  readonly policy: DmarcPolicy;
  /** sp: the policy chosen for existing subdomains; absent = the same as p (RFC 9989 §4.7). */
  readonly sp?: DmarcPolicy;
  /** np: the policy chosen for subdomains that do not exist; absent = sp, else p (RFC 9989 §4.7). */
  readonly np?: DmarcPolicy;
  /** t=y chosen: the reader is testing the policy (receivers apply it one level lower). */
  readonly testing: boolean;
}

export interface CnameExpected extends ExpectedBase {
  readonly kind: 'cname';
  readonly id: CnameId;
  readonly type: 'CNAME';
  /** Lower case, no trailing dot. */
  readonly target: string;
}

/** One record the domain needs, with the generator's choices as data (the checker never re-parses `values`). */
export type ExpectedRecord = MxExpected | SpfExpected | DkimExpected | DmarcExpected | CnameExpected;
export type ExpectedOf<K extends RecordKind> = Extract<ExpectedRecord, { readonly kind: K }>;

export const CHECK_STATUSES = ['ok', 'warn', 'fail', 'error'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const SEVERITIES = ['fail', 'warn', 'info', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RecordCheck {
  readonly id: RecordId;
  readonly status: CheckStatus;
  /** The name that was asked about (FQDN, ASCII, no trailing dot). */
  readonly name: string;
  /** What DNS returned, as display strings (untrusted text). */
  readonly observed: readonly string[];
  /** TTL of the observed answer (or the negative-caching time when absent). */
  readonly ttl?: number;
  readonly findings: readonly Finding[];
  /**
   * The value to publish instead of the generated one, when what is in DNS
   * changes it: the SPF record merged with the senders the domain already has.
   */
  readonly suggestion?: string;
}
