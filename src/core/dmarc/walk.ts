/**
 * The RFC 9989 DNS tree walk (§4.10): which DMARC record applies to a mail
 * domain (policy discovery, §4.10.1) and what the organisational domain of a
 * name is (identifier alignment, §4.10.2). It replaces RFC 7489's public
 * suffix list. Pure apart from `ask`: every question goes through it — the
 * checker's context (`ctx.ask`, the run's cache) or `askWith(query)` over a
 * DoH run — so a question is asked once whoever asks it.
 *
 * Bounded: a walk asks at most 8 `_dmarc` names (§4.10 steps 3–4 shorten a
 * name of more than 8 labels to 7 after the first question), all at once, so
 * it costs one round trip; discovery may ask one more question (whether the
 * domain exists, for np). A resolver failure is an `error` result naming the
 * question that failed, never "no record" (§4.10.1 leaves DNS errors to the
 * receiver; we say we could not find out).
 */
import { askOutcome, txtsOf, type Outcome } from '../check/answers';
import type { QueryFn, RRType } from '../doh/types';
import { normaliseName } from '../names';
import { dmarcWalkNames, labelsOf } from './names';
import { isDmarcRecord, parseDmarc, policyFor, type DmarcPolicySet, type DmarcRecord, type DmarcScope } from '../records/dmarc';
import type { DmarcPolicy } from '../types';

export { dmarcWalkNames, firstWalkQuestion, WALK_LIMIT } from './names';

/** Asks one question and never rejects: an answer (NOERROR or NXDOMAIN), or why there is none. `CheckContext['ask']` is one. */
export type DmarcAsk = (name: string, type: RRType) => Promise<Outcome>;

/** An ask over a query function (a DoH client's run, so its answers are cached), for callers without a check context. */
export function askWith(query: QueryFn, signal?: AbortSignal): DmarcAsk {
  return (name, type) => askOutcome(query, name, type, signal);
}

/** What one `_dmarc` question gave. */
type Step =
  | { readonly name: string; readonly kind: 'record'; readonly text: string; readonly record: DmarcRecord; readonly exists: boolean }
  | { readonly name: string; readonly kind: 'none'; readonly exists: boolean }
  | { readonly name: string; readonly kind: 'error'; readonly code: string };

/**
 * §4.10 steps 2 and 6: records that do not start with v=DMARC1 are discarded,
 * and several DMARC records at one name are all discarded. `exists`: the
 * `_dmarc` name was not NXDOMAIN (so the name above it exists, RFC 8020).
 */
function readStep(name: string, o: Outcome): Step {
  if (!o.ok) return { name, kind: 'error', code: o.code };
  const exists = o.resp.rcode !== 'NXDOMAIN';
  const records = txtsOf(o.resp).filter((t) => isDmarcRecord(t.text));
  const only = records.length === 1 ? records[0] : undefined;
  if (!only) return { name, kind: 'none', exists };
  return { name, kind: 'record', text: only.text, record: parseDmarc(only.text), exists };
}

/** A walk's steps in order, up to where it stops: a record with psd=y or psd=n (§4.10 steps 2, 6), a failure, or the last name. */
async function walk(names: readonly string[], ask: DmarcAsk): Promise<Step[]> {
  // Every name at once: the answers are read in order, but asking them one
  // after another would cost a round trip each.
  const pending = names.map((n) => ask(`_dmarc.${n}`, 'TXT'));
  const steps: Step[] = [];
  for (const [i, name] of names.entries()) {
    const step = readStep(name, await (pending[i] as Promise<Outcome>));
    steps.push(step);
    if (step.kind === 'error') break;
    if (step.kind === 'record' && (step.record.tags.psd === 'y' || step.record.tags.psd === 'n')) break;
  }
  return steps;
}

/** The ancestor of `name` (or `name` itself) with `count` labels. */
function ancestorWith(name: string, count: number): string {
  const labels = labelsOf(name) ?? [name];
  return labels.slice(-count).join('.');
}

function labelCount(name: string): number {
  return labelsOf(name)?.length ?? 1;
}

/**
 * §4.10.2 selection, over the records a walk from `start` found (longest name
 * first): a record with psd=n is the organisational domain; a record with
 * psd=y, other than the start's own, makes the name one label below it the
 * organisational domain; otherwise the record with the fewest labels. No
 * record: the start is its own organisational domain.
 */
function selectOrgDomain(start: string, steps: readonly Step[]): string {
  const records = steps.filter((s): s is Extract<Step, { kind: 'record' }> => s.kind === 'record');
  for (const r of records) {
    if (r.record.tags.psd === 'n') return r.name;
    if (r.record.tags.psd === 'y' && r.name !== start) return ancestorWith(start, labelCount(r.name) + 1);
  }
  return records[records.length - 1]?.name ?? start;
}

export type OrgDomainResult =
  | { readonly ok: true; readonly orgDomain: string }
  | { readonly ok: false; /** The `_dmarc` name whose question failed. */ readonly name: string; readonly code: string };

/**
 * The organisational domain of a name (RFC 9989 §4.10.2), for relaxed
 * alignment: a tree walk from the name itself, then the selection above.
 */
export async function dmarcOrgDomain(name: string, ask: DmarcAsk): Promise<OrgDomainResult> {
  const start = normaliseName(name);
  const steps = await walk(dmarcWalkNames(start), ask);
  const failed = steps.find((s) => s.kind === 'error');
  if (failed && failed.kind === 'error') return { ok: false, name: `_dmarc.${failed.name}`, code: failed.code };
  return { ok: true, orgDomain: selectOrgDomain(start, steps) };
}

/** Where the record that applies was found (§4.10.1's three places, highest preference first). */
export type DmarcSource = 'domain' | 'organisational' | 'psd';

export interface DmarcDiscoveryFound {
  readonly status: 'found';
  /** The mail domain asked about (normal form). */
  readonly domain: string;
  /** The name whose `_dmarc` record applies. */
  readonly policyDomain: string;
  readonly source: DmarcSource;
  /**
   * The organisational domain of `domain` (§4.10.2). Undefined only when the
   * domain has its own record and a later question of the walk failed
   * (`orgError` names it): the policy is known, the organisational domain not.
   */
  readonly orgDomain?: string;
  readonly orgError?: { readonly name: string; readonly code: string };
  /** The record as published, and parsed. */
  readonly text: string;
  readonly record: DmarcRecord;
  /**
   * Which policy applies (§4.10.1): the domain's own record gives p; a record
   * found above the domain gives sp when the domain exists, np when it does
   * not (each falling back as `policyFor` says).
   */
  readonly scope: DmarcScope;
  /**
   * Whether the domain exists (false: NXDOMAIN, RFC 8020): true for a domain
   * with its own record; for a record found above it, known when it decided
   * between sp and np (undefined when both give the same policy and the
   * answers so far did not say).
   */
  readonly exists?: boolean;
  /**
   * The policy that applies to the domain and the tag it comes from. Absent
   * when the record makes the receiver apply no DMARC processing (no valid p
   * and no valid rua, §4.10.1).
   */
  readonly applied?: { readonly policy: DmarcPolicy; readonly tag: DmarcScope };
  /** Every `_dmarc` name asked, in order. */
  readonly asked: readonly string[];
}

export type DmarcPolicyDiscovery =
  | DmarcDiscoveryFound
  /** No DMARC record applies: receivers do not apply DMARC (§4.10.1). `orgDomain` is the domain itself then (§4.10.2). */
  | { readonly status: 'none'; readonly domain: string; readonly orgDomain: string; readonly asked: readonly string[] }
  /** A question failed: we cannot tell (never "no record"). */
  | { readonly status: 'error'; readonly domain: string; /** The name whose question failed. */ readonly name: string; readonly type: 'TXT'; readonly code: string; readonly asked: readonly string[] };

/** The policy of a record's set for a scope, when the receiver applies one. */
function appliedFor(set: DmarcPolicySet | undefined, scope: DmarcScope): DmarcDiscoveryFound['applied'] {
  return set === undefined ? undefined : policyFor(set, scope);
}

/**
 * DMARC policy discovery (RFC 9989 §4.10.1) for a mail domain: the domain's
 * own `_dmarc` record if it has one; otherwise a tree walk from its parent (or
 * from the name shortened to 7 labels) finds its organisational domain
 * (§4.10.2 selection) and the record there, else the public suffix domain's
 * (a record with psd=y). A record found above the domain applies its sp (the
 * domain exists) or np (it does not). Every question through `ask`.
 */
export async function discoverDmarcPolicy(domain: string, ask: DmarcAsk): Promise<DmarcPolicyDiscovery> {
  const start = normaliseName(domain);
  const names = dmarcWalkNames(start);
  const asked = names.map((n) => `_dmarc.${n}`);
  const steps = await walk(names, ask);
  const failed = steps.find((s) => s.kind === 'error');
  const own = steps[0];

  if (own?.kind === 'record') {
    const found = {
      status: 'found' as const,
      domain: start,
      policyDomain: start,
      source: 'domain' as const,
      text: own.text,
      record: own.record,
      scope: 'p' as const,
      exists: true,
      ...(own.record.policy ? { applied: policyFor(own.record.policy, 'p') } : {}),
      asked,
    };
    if (failed && failed.kind === 'error') return { ...found, orgError: { name: `_dmarc.${failed.name}`, code: failed.code } };
    return { ...found, orgDomain: selectOrgDomain(start, steps) };
  }
  if (failed && failed.kind === 'error') return { status: 'error', domain: start, name: `_dmarc.${failed.name}`, type: 'TXT', code: failed.code, asked };

  const orgDomain = selectOrgDomain(start, steps);
  const records = steps.filter((s): s is Extract<Step, { kind: 'record' }> => s.kind === 'record');
  const atOrg = records.find((r) => r.name === orgDomain);
  const psd = records.find((r) => r.record.tags.psd === 'y');
  const chosen = atOrg ?? psd;
  if (!chosen) return { status: 'none', domain: start, orgDomain, asked };
  const source: DmarcSource = atOrg ? 'organisational' : 'psd';
  const base = { status: 'found' as const, domain: start, policyDomain: chosen.name, source, orgDomain, text: chosen.text, record: chosen.record, asked };

  // sp for a domain that exists, np for one that does not (§4.10.1). Whether
  // it exists is known from the first answer when `_dmarc.<domain>` exists,
  // and asked only when the answer matters (np gives another policy than sp).
  const set = chosen.record.policy;
  const sp = appliedFor(set, 'sp');
  const np = appliedFor(set, 'np');
  let exists: boolean | undefined = own?.kind === 'none' && own.exists ? true : undefined;
  if (exists === undefined && sp?.policy !== np?.policy) {
    const o = await ask(start, 'TXT');
    if (!o.ok) return { status: 'error', domain: start, name: start, type: 'TXT', code: o.code, asked };
    exists = o.resp.rcode !== 'NXDOMAIN';
  }
  const applied = exists === false ? np : sp;
  return { ...base, scope: exists === false ? 'np' : 'sp', ...(exists === undefined ? {} : { exists }), ...(applied ? { applied } : {}) };
}
