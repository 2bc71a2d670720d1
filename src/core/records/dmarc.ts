/**
 * DMARC policy records as RFC 9989 defines them (it obsoletes RFC 7489): the
 * tag list of §4.7 with each value checked by its rule in §4.8 (Table 2), the
 * tags RFC 9989 removed (Appendix C.5.2) and unknown tags kept as data, and
 * what a receiver does with the record (§4.10.1) — the policy it applies to the
 * domain, to its existing subdomains and to names that do not exist. Also
 * builds a record from the reader's choices. Pure; never throws on any input.
 * The DNS tree walk that finds which record applies is in ../dmarc/.
 */
import { DMARC_POLICIES, type DmarcPolicy } from '../types';

/** The tags RFC 9989 §4.7 defines; §4.8 Table 2 gives each one's value rule. */
export const DMARC_TAGS = ['v', 'p', 'sp', 'np', 'psd', 't', 'adkim', 'aspf', 'rua', 'ruf', 'fo'] as const;
export type DmarcTag = (typeof DMARC_TAGS)[number];

/**
 * Tags of RFC 7489 that RFC 9989 removed (Appendix C.5.2; "historic" in the
 * registry, §9.3). Receivers ignore them: `pct` (partial rollout by
 * percentage; `t=y` replaces pct=0, Appendix A.6), `rf` (failure report
 * format) and `ri` (aggregate report interval).
 */
export const DMARC_REMOVED_TAGS = ['pct', 'rf', 'ri'] as const;
export type DmarcRemovedTag = (typeof DMARC_REMOVED_TAGS)[number];

export const DMARC_ERROR_CODES = [
  /** The record does not start with `v=DMARC1` (§4.7): it is not a DMARC record at all. */
  'no-version',
  /** p, sp or np is not none, quarantine or reject (§4.8 dmarc-request). */
  'invalid-policy',
  /** t is not y or n (§4.8 dmarc-yorn). */
  'invalid-testing',
  /** psd is not y, n or u (§4.8 dmarc-psd). */
  'invalid-psd',
  /** adkim or aspf is not r or s (§4.8 dmarc-rors). */
  'invalid-alignment',
  /** fo is not 0, 1, d, s separated by colons, with 0 and 1 exclusive and each once (§4.8 dmarc-fo). */
  'invalid-fo',
  /** A report address that is not a URI (mailto: with an address, or another absolute URI). */
  'invalid-uri',
  /** A tag appears twice (the DKIM tag-list rule DMARC follows, RFC 6376 §3.2). */
  'duplicate-tag',
  /** A part that is not `tag=value` (§4.8 dmarc-tag: letters, "=", a value). */
  'malformed-tag',
] as const;
export type DmarcErrorCode = (typeof DMARC_ERROR_CODES)[number];

export interface DmarcError {
  readonly code: DmarcErrorCode;
  readonly tag?: string;
  readonly value?: string;
}

export type DmarcAlignment = 'r' | 's';

/** The tags as read, each only when present and valid (a wrong value is an error instead). */
export interface DmarcTags {
  readonly v?: string;
  /** Policy for the domain itself (and its subdomains unless sp/np say otherwise). */
  readonly p?: DmarcPolicy;
  /** Policy for existing subdomains of the organisational domain. */
  readonly sp?: DmarcPolicy;
  /** Policy for subdomains that do not exist (NXDOMAIN), §4.7. */
  readonly np?: DmarcPolicy;
  /** Whether the record is a public suffix operator's (y), an organisational domain's (n), or unknown (u, the default). */
  readonly psd?: 'y' | 'n' | 'u';
  /** Testing (y): receivers should not apply the policy as stated (§4.7). Default n. */
  readonly t?: 'y' | 'n';
  readonly adkim?: DmarcAlignment;
  readonly aspf?: DmarcAlignment;
  /** Valid aggregate report URIs, without an obsolete `!size` suffix. */
  readonly rua: readonly string[];
  /** Valid failure report URIs, without an obsolete `!size` suffix. */
  readonly ruf: readonly string[];
  readonly fo?: readonly string[];
}

/**
 * What a receiver does with a record (§4.7, §4.10.1):
 * - `as-written`: the policy tags apply as written;
 * - `p-none`: no valid `p` (or an invalid `sp`/`np`), but a valid `rua`: the
 *   receiver acts as if the record were `p=none`;
 * - `no-processing`: no valid `p` (or an invalid `sp`/`np`) and no valid
 *   `rua`: the receiver applies no DMARC processing at all;
 * - `not-dmarc`: the text does not start with `v=DMARC1`: it is no DMARC record.
 */
export type DmarcDisposition = 'as-written' | 'p-none' | 'no-processing' | 'not-dmarc';

/** The policy a receiver works with: p for the domain, and sp/np when the record gives them. */
export interface DmarcPolicySet {
  readonly p: DmarcPolicy;
  readonly sp?: DmarcPolicy;
  readonly np?: DmarcPolicy;
}

export interface DmarcRecord {
  /** No errors (removed, unknown and obsolete parts are not errors). */
  readonly ok: boolean;
  readonly tags: DmarcTags;
  /** Every tag as written (name lower case), in order. */
  readonly raw: readonly { readonly name: string; readonly value: string }[];
  readonly errors: readonly DmarcError[];
  /** Removed tags (pct, rf, ri) as written: receivers ignore them. */
  readonly removed: readonly { readonly tag: DmarcRemovedTag; readonly value: string }[];
  /** Tags RFC 9989 does not define: ignored (§4.7), kept for display. */
  readonly unknown: readonly { readonly name: string; readonly value: string }[];
  /** Report URIs written with the obsolete `!size` suffix (§4.8 obs-dmarc-uri); reporters ignore the size. */
  readonly obsoleteSize: readonly { readonly tag: 'rua' | 'ruf'; readonly uri: string }[];
  readonly disposition: DmarcDisposition;
  /** Why the disposition is `p-none` or `no-processing`: the policy tag that is missing or invalid. */
  readonly policyProblem?: { readonly tag: 'p' | 'sp' | 'np'; readonly missing: boolean };
  /** The policy receivers apply (absent for `no-processing` and `not-dmarc`). */
  readonly policy?: DmarcPolicySet;
  /** t=y (§4.7): the domain owner is testing; receivers apply the policy one level lower. */
  readonly testing: boolean;
}

/**
 * Whether a (joined) TXT string is a DMARC record: it starts with the `v` tag
 * and the value `DMARC1`, which is case sensitive (§4.7, §4.8 dmarc-version;
 * the tag name is not). Records that do not are discarded (§4.10 step 2).
 */
export function isDmarcRecord(text: string): boolean {
  return /^[ \t]*[vV][ \t]*=[ \t]*DMARC1[ \t]*(?:;|$)/.test(text);
}

function isPolicy(v: string): v is DmarcPolicy {
  return (DMARC_POLICIES as readonly string[]).includes(v);
}

/** §4.8 obs-dmarc-report-size: "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] at the end of a URI. */
const REPORT_SIZE = /![0-9]+[kmgt]?$/i;

/**
 * A DMARC URI (§4.8 dmarc-uri, a URI of RFC 3986 with "," and "!" encoded):
 * `mailto:` with an address, or another absolute URI.
 */
function validUri(u: string): boolean {
  if (/^mailto:/i.test(u)) return /^mailto:[^@\s;,!]+@[^@\s;,!]+\.[^@\s;,!]+$/i.test(u);
  return /^[a-z][a-z0-9+.-]*:[^\s;,!]+$/i.test(u);
}

/** §4.8 dmarc-fo: 0 or 1 (not both), d and s, each at most once, separated by colons. */
function validFo(options: readonly string[]): boolean {
  if (!options.every((o) => /^[01ds]$/.test(o))) return false;
  if (new Set(options).size !== options.length) return false;
  return !(options.includes('0') && options.includes('1'));
}

const RANK: Readonly<Record<DmarcPolicy, number>> = { none: 0, quarantine: 1, reject: 2 };

/** Whether policy `a` is weaker than `b` (none < quarantine < reject). */
export function weakerPolicy(a: DmarcPolicy, b: DmarcPolicy): boolean {
  return RANK[a] < RANK[b];
}

/** Which names a policy is for: the domain of the record, its existing subdomains, or subdomains that do not exist. */
export type DmarcScope = 'p' | 'sp' | 'np';

/**
 * The policy that applies in a scope, and the tag it comes from. Subdomains:
 * sp, else p (§4.7 sp). Names that do not exist: np, else sp, else p (§4.7 np:
 * "If the np tag is absent, the policy specified by the sp tag (if the sp tag
 * is present) or … the p tag … MUST be applied for non-existent subdomains";
 * §4.10.1 says the same of "applicable" tags).
 */
export function policyFor(set: DmarcPolicySet, scope: DmarcScope): { readonly policy: DmarcPolicy; readonly tag: DmarcScope } {
  if (scope === 'np' && set.np !== undefined) return { policy: set.np, tag: 'np' };
  if (scope !== 'p' && set.sp !== undefined) return { policy: set.sp, tag: 'sp' };
  return { policy: set.p, tag: 'p' };
}

/**
 * The policy a receiver applies to failing mail when the record says t=y
 * (§4.7 t): one level below the stated one; t has no effect on none.
 */
export function testingPolicy(policy: DmarcPolicy): DmarcPolicy {
  return policy === 'reject' ? 'quarantine' : 'none';
}

export function parseDmarc(input: string): DmarcRecord {
  const text = typeof input === 'string' ? input : '';
  const errors: DmarcError[] = [];
  const raw: { name: string; value: string }[] = [];
  const removed: { tag: DmarcRemovedTag; value: string }[] = [];
  const unknown: { name: string; value: string }[] = [];
  const obsoleteSize: { tag: 'rua' | 'ruf'; uri: string }[] = [];
  const invalidPolicy: ('p' | 'sp' | 'np')[] = [];
  const seen = new Set<string>();
  const tags: {
    v?: string;
    p?: DmarcPolicy;
    sp?: DmarcPolicy;
    np?: DmarcPolicy;
    psd?: 'y' | 'n' | 'u';
    t?: 'y' | 'n';
    adkim?: DmarcAlignment;
    aspf?: DmarcAlignment;
    rua: string[];
    ruf: string[];
    fo?: string[];
  } = { rua: [], ruf: [] };

  // §4.8: dmarc-sep = *WSP ";" *WSP, equals = *WSP "=" *WSP. An empty part
  // (a trailing ";") is allowed.
  text.split(';').forEach((part, index) => {
    const trimmed = part.trim();
    if (trimmed === '') return;
    const eq = trimmed.indexOf('=');
    const name = eq <= 0 ? '' : trimmed.slice(0, eq).trim().toLowerCase();
    const value = eq <= 0 ? '' : trimmed.slice(eq + 1).trim();
    // dmarc-tag = 1*ALPHA equals 1*dmarc-value
    if (!/^[a-z]+$/.test(name) || value === '') {
      if (index === 0) errors.push({ code: 'no-version', value: trimmed });
      else errors.push({ code: 'malformed-tag', value: trimmed });
      return;
    }
    raw.push({ name, value });
    if (seen.has(name)) {
      errors.push({ code: 'duplicate-tag', tag: name, value });
      return;
    }
    seen.add(name);
    switch (name) {
      case 'v':
        // §4.7: the value is case sensitive and the tag must come first.
        if (index !== 0 || value !== 'DMARC1') errors.push({ code: 'no-version', tag: 'v', value });
        else tags.v = value;
        break;
      case 'p':
      case 'sp':
      case 'np': {
        const v = value.toLowerCase();
        if (isPolicy(v)) tags[name] = v;
        else {
          errors.push({ code: 'invalid-policy', tag: name, value });
          invalidPolicy.push(name);
        }
        break;
      }
      case 't': {
        const v = value.toLowerCase();
        if (v === 'y' || v === 'n') tags.t = v;
        else errors.push({ code: 'invalid-testing', tag: name, value });
        break;
      }
      case 'psd': {
        const v = value.toLowerCase();
        if (v === 'y' || v === 'n' || v === 'u') tags.psd = v;
        else errors.push({ code: 'invalid-psd', tag: name, value });
        break;
      }
      case 'adkim':
      case 'aspf': {
        const v = value.toLowerCase();
        if (v === 'r' || v === 's') tags[name] = v;
        else errors.push({ code: 'invalid-alignment', tag: name, value });
        break;
      }
      case 'fo': {
        const opts = value.split(':').map((o) => o.trim().toLowerCase());
        if (validFo(opts)) tags.fo = opts;
        else errors.push({ code: 'invalid-fo', tag: name, value });
        break;
      }
      case 'rua':
      case 'ruf': {
        // dmarc-urilist = (dmarc-uri / obs-dmarc-uri) *(*WSP "," *WSP (dmarc-uri / obs-dmarc-uri))
        for (const written of value.split(',').map((u) => u.trim())) {
          const uri = written.replace(REPORT_SIZE, '');
          if (uri !== written && validUri(uri)) obsoleteSize.push({ tag: name, uri: written });
          if (validUri(uri)) tags[name].push(uri);
          else errors.push({ code: 'invalid-uri', tag: name, value: written });
        }
        break;
      }
      default:
        if ((DMARC_REMOVED_TAGS as readonly string[]).includes(name)) removed.push({ tag: name as DmarcRemovedTag, value });
        // §4.7: "unknown tags MUST be ignored".
        else unknown.push({ name, value });
        break;
    }
  });

  if (tags.v === undefined && !errors.some((e) => e.code === 'no-version')) errors.unshift({ code: 'no-version' });

  // §4.10.1: a record without a valid p, or with an invalid sp or np, is
  // treated as p=none when it has at least one valid rua URI; without one the
  // receiver applies no DMARC processing.
  let disposition: DmarcDisposition;
  let policyProblem: DmarcRecord['policyProblem'];
  let policy: DmarcPolicySet | undefined;
  if (tags.v === undefined) disposition = 'not-dmarc';
  else {
    const bad = invalidPolicy[0];
    if (bad !== undefined) policyProblem = { tag: bad, missing: false };
    else if (tags.p === undefined) policyProblem = { tag: 'p', missing: true };
    if (policyProblem === undefined) {
      disposition = 'as-written';
      policy = {
        p: tags.p ?? 'none',
        ...(tags.sp === undefined ? {} : { sp: tags.sp }),
        ...(tags.np === undefined ? {} : { np: tags.np }),
      };
    } else if (tags.rua.length > 0) {
      disposition = 'p-none';
      policy = { p: 'none' };
    } else disposition = 'no-processing';
  }

  return {
    ok: errors.length === 0,
    tags,
    raw,
    errors,
    removed,
    unknown,
    obsoleteSize,
    disposition,
    ...(policyProblem === undefined ? {} : { policyProblem }),
    ...(policy === undefined ? {} : { policy }),
    testing: tags.t === 'y',
  };
}

/** The reader's choices for the DMARC record. */
export interface DmarcChoice {
  /** p: the policy for the domain (and, unless sp/np are given, its subdomains). */
  readonly policy: DmarcPolicy;
  /** sp: the policy for existing subdomains; omitted = the same as p. */
  readonly sp?: DmarcPolicy | undefined;
  /** np: the policy for subdomains that do not exist; omitted = sp, else p. */
  readonly np?: DmarcPolicy | undefined;
  /** t=y: testing — receivers apply the policy one level lower (RFC 9989 §4.7). */
  readonly testing?: boolean | undefined;
  /** Report address: `mailto:x@y` or a bare address; several separated by commas. */
  readonly rua?: string | undefined;
}

/**
 * Report addresses as mailto: URIs. Characters that would break the record are
 * percent-encoded, not dropped (RFC 9989 §4.8: "," and "!" must be encoded in
 * a DMARC URI — "!" began the now obsolete size suffix; the quote and
 * backslash of a quoted local part too), so the address stays the same.
 */
export function normaliseRua(rua: string): string[] {
  return rua
    .split(/[,，;；\s]+/)
    .map((a) => a.trim().replace(/[!"\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .filter((a) => a !== '' && a.toLowerCase() !== 'mailto:')
    .map((a) => (/^mailto:/i.test(a) ? `mailto:${a.slice(7)}` : `mailto:${a}`));
}

/**
 * The DMARC record for the reader's choices, e.g. `v=DMARC1; p=quarantine;
 * rua=mailto:dmarc@example.com`. Always `v=DMARC1; p=…` first (RFC 9989 no
 * longer requires p second, older checkers still do); sp and np only when they
 * differ from what applies without them; t=y when testing; never pct (removed).
 */
export function buildDmarc(choice: DmarcChoice): string {
  const policy: DmarcPolicy = isPolicy(choice.policy) ? choice.policy : 'none';
  const sp = choice.sp !== undefined && isPolicy(choice.sp) && choice.sp !== policy ? choice.sp : undefined;
  const np = choice.np !== undefined && isPolicy(choice.np) && choice.np !== (sp ?? policy) ? choice.np : undefined;
  const parts = ['v=DMARC1', `p=${policy}`];
  if (sp) parts.push(`sp=${sp}`);
  if (np) parts.push(`np=${np}`);
  if (choice.testing === true) parts.push('t=y');
  const rua = choice.rua === undefined ? [] : normaliseRua(choice.rua);
  if (rua.length > 0) parts.push(`rua=${rua.join(',')}`);
  return parts.join('; ');
}
