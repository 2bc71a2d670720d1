/**
 * Shared shapes of the core: what the generator produces (ExpectedRecord) and
 * what the checker reports (RecordCheck, Finding). Pure data, no DOM, no React.
 * The ids and problem codes are public: the Checker widget writes them into
 * `data-record` and `data-problem`, and support staff and outside tests rely on
 * them (see the architecture notes, "Check results markup"). Add, never rename.
 */

export type Lang = 'zh' | 'en';

/** Text in both page languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export const RECORD_IDS = ['mx', 'spf', 'dkim', 'dmarc', 'mail', 'imap', 'smtp', 'pop3'] as const;
export type RecordId = (typeof RECORD_IDS)[number];

export const EXPECTED_TYPES = ['MX', 'TXT', 'CNAME'] as const;
export type ExpectedType = (typeof EXPECTED_TYPES)[number];

export interface ExpectedValue {
  readonly value: string;
  /** MX preference. */
  readonly priority?: number;
}

export interface ExpectedRecord {
  readonly id: RecordId;
  readonly type: ExpectedType;
  /** Fully qualified ASCII (punycode) name, lower case, no trailing dot. */
  readonly name: string;
  /** The values to publish. For MX, the preferred set of the profile. */
  readonly values: readonly ExpectedValue[];
  /** Whether mail works properly without it (false for the client CNAMEs). */
  readonly required: boolean;
  /**
   * True when the value cannot be known here (the DKIM public key is generated
   * in the admin console): `values[0].value` is then a placeholder, never a key.
   */
  readonly needsConsoleValue?: boolean;
  /** Other value sets that count as correct (the older mxhichina MX set). */
  readonly alternatives?: readonly (readonly ExpectedValue[])[];
}

export const DMARC_POLICIES = ['none', 'quarantine', 'reject'] as const;
export type DmarcPolicy = (typeof DMARC_POLICIES)[number];

export const CHECK_STATUSES = ['ok', 'warn', 'fail', 'error'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const SEVERITIES = ['fail', 'warn', 'info', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Stable problem codes, written into `data-problem`. */
export const PROBLEM_CODES = [
  /** No record of this kind at the expected name. */
  'missing',
  /** A record exists but its value is not the expected one. */
  'wrong-value',
  /** More than one SPF record at the name (RFC 7208 §3.2: a permanent error). */
  'multiple-spf',
  /** SPF evaluation needs more than 10 DNS-querying terms (RFC 7208 §4.6.4). */
  'spf-lookup-limit',
  /** SPF evaluation meets more than 2 void lookups (RFC 7208 §4.6.4). */
  'spf-void-limit',
  /** An `mx` term names more than 10 mail hosts (RFC 7208 §4.6.4); a warning. */
  'spf-mx-limit',
  /** The SPF text does not follow the grammar. */
  'spf-syntax',
  /** An include/redirect leads back to a record already being evaluated. */
  'spf-loop',
  /** The provider's `include:` is not in the SPF record. */
  'spf-include-missing',
  /** An include/redirect points at a name that has no SPF record. */
  'spf-broken-include',
  /** MX points at another mail provider (named in params). */
  'foreign-mx',
  /** MX mixes this provider's hosts with others. */
  'mixed-mx',
  /** A CNAME at the apex or beside other data at the same name. */
  'cname-conflict',
  /** The record exists at a mistaken name (e.g. `_dmarc.example.com.example.com`). */
  'wrong-name',
  /** The domain itself does not exist in DNS. */
  'nxdomain',
  /** The resolver could not answer; we do not know (never means missing). */
  'resolver-error',
  /** `~all`, `?all`, `+all` or no `all`; DMARC `p=none`. */
  'weak-policy',
  'dmarc-syntax',
  'dkim-syntax',
  /** RSA key under 2048 bits (under 1024: fail). */
  'dkim-weak-key',
  /** The key in DNS differs from the key pasted from the console. */
  'dkim-key-mismatch',
  /** Information: how long caches may keep the old answer. */
  'ttl',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Finding {
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** Values named in the message (names, hosts, counts). Untrusted text from DNS may appear here: escape on display. */
  readonly params: Readonly<Record<string, string | number>>;
}

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
}
