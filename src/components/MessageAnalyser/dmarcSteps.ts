/**
 * DMARC policy discovery and organisational domains for the message analyser
 * (the `dmarc` steps of analyseMessage): the DNS Tree Walk of RFC 9989 §4.10.
 * This module is the ONE place the analyser gets them from; when the shared
 * tree walk of src/core lands, this file becomes a re-export of it.
 *
 * The walk (§4.10): ask `_dmarc.<name>` for the starting name, then for each
 * parent (a name of eight labels or more is first shortened to seven), down to
 * the top-level label: at most eight questions. From each answer, records not
 * starting with `v=DMARC1` are dropped, and several remaining records count as
 * none. The walk stops at a record carrying `psd=y` or `psd=n`. All the
 * questions of one walk are sent at once (the answers are the same as asking
 * them one by one; a walk costs one round trip instead of up to eight).
 *
 * Organisational domain (§4.10.2), from the records the walk found, longest
 * name first: `psd=n` → that name; `psd=y` (not at the start) → the name one
 * label below it; otherwise the record with the fewest labels; no record → the
 * starting name itself.
 *
 * Policy (§4.10.1): the From domain's own record; otherwise the record of its
 * organisational domain; otherwise a public suffix domain's (`psd=y`). A
 * record without a valid `p` (or with an invalid `sp`/`np`) counts as `p=none`
 * when it has a usable `rua`, and as no DMARC otherwise. A failed question
 * (timeout, SERVFAIL) on the way makes the answer a temperror, never "none".
 */
import { isDmarcRecord, parseDmarc, type DmarcContext, type DmarcDiscovery, type DmarcPolicyFound, type DmarcPolicyWord, type DmarcSteps } from '~/core';

/** Questions one walk may ask (§4.10). */
export const MAX_WALK = 8;

/** The names a DNS Tree Walk asks about, in order, starting with `domain` itself. */
export function walkNames(domain: string): string[] {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.').filter((l) => l !== '');
  if (labels.length === 0) return [];
  const names = [labels.join('.')];
  let rest = labels.length >= MAX_WALK ? labels.slice(labels.length - (MAX_WALK - 1)) : labels.slice(1);
  while (rest.length > 0) {
    names.push(rest.join('.'));
    rest = rest.slice(1);
  }
  return names;
}

/** What `_dmarc.<name>` gave. */
export type WalkStep =
  | { readonly name: string; readonly kind: 'record'; readonly record: string; readonly psd?: 'y' | 'n' }
  | { readonly name: string; readonly kind: 'none'; readonly nxdomain: boolean }
  | { readonly name: string; readonly kind: 'error'; readonly detail: string };

const POLICIES: readonly DmarcPolicyWord[] = ['none', 'quarantine', 'reject'];

function tagOf(record: string, name: string): string | undefined {
  return parseDmarc(record).raw.find((t) => t.name === name)?.value;
}

async function askStep(name: string, ctx: DmarcContext): Promise<WalkStep> {
  let response;
  try {
    response = await ctx.query(`_dmarc.${name}`, 'TXT', ctx.signal);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    return { name, kind: 'error', detail: typeof code === 'string' ? code : 'network' };
  }
  if (response.rcode === 'NXDOMAIN') return { name, kind: 'none', nxdomain: true };
  if (response.rcode !== 'NOERROR') return { name, kind: 'error', detail: response.rcode };
  const records = response.answers.flatMap((r) => (r.type === 'TXT' ? [r.data.join('')] : [])).filter(isDmarcRecord);
  // §4.10 step 2: several DMARC records at one name are all discarded.
  if (records.length !== 1) return { name, kind: 'none', nxdomain: false };
  const record = records[0]!;
  const psd = tagOf(record, 'psd')?.toLowerCase();
  return { name, kind: 'record', record, ...(psd === 'y' || psd === 'n' ? { psd } : {}) };
}

/**
 * Walks from `domain`: every question at once, then the answers read in walk
 * order up to the first `psd` tag. Resolves the steps that count (an error
 * step is kept, and ends the list: nothing after it can be relied on).
 */
export async function treeWalk(domain: string, ctx: DmarcContext): Promise<WalkStep[]> {
  const steps = await Promise.all(walkNames(domain).map((name) => askStep(name, ctx)));
  const used: WalkStep[] = [];
  for (const step of steps) {
    used.push(step);
    if (step.kind === 'error') break;
    if (step.kind === 'record' && step.psd !== undefined) break;
  }
  return used;
}

/** §4.10.2: the organisational domain from a walk's steps; undefined when an error hides it. */
export function selectOrgDomain(domain: string, steps: readonly WalkStep[]): string | undefined {
  const start = domain.toLowerCase().replace(/\.$/, '');
  if (steps.some((s) => s.kind === 'error')) return undefined;
  const found = steps.filter((s): s is Extract<WalkStep, { kind: 'record' }> => s.kind === 'record');
  for (const s of found) {
    if (s.psd === 'n') return s.name;
    if (s.psd === 'y' && s.name !== start) {
      const labels = start.split('.');
      const depth = s.name.split('.').length;
      return labels.slice(labels.length - depth - 1).join('.');
    }
  }
  const fewest = found.at(-1);
  return fewest ? fewest.name : start;
}

/** The policy tags of one record, or why it cannot be used. */
export function policyOf(record: string): Omit<DmarcPolicyFound, 'policyDomain' | 'orgDomain'> | undefined {
  const parsed = parseDmarc(record);
  const raw = (name: string) => parsed.raw.find((t) => t.name === name)?.value.trim().toLowerCase();
  const word = (v: string | undefined) => (v !== undefined && (POLICIES as readonly string[]).includes(v) ? (v as DmarcPolicyWord) : undefined);
  const p = word(raw('p'));
  const spText = raw('sp');
  const npText = raw('np');
  const sp = word(spText);
  const np = word(npText);
  const valid = p !== undefined && (spText === undefined || sp !== undefined) && (npText === undefined || np !== undefined);
  // §4.10.1: no valid p (or a bad sp/np) with a usable rua counts as p=none; without one, no DMARC.
  if (!valid && parsed.tags.rua.length === 0) return undefined;
  const alignment = (v: string | undefined): 'r' | 's' => (v === 's' ? 's' : 'r');
  return {
    record,
    p: valid ? p : 'none',
    ...(valid && sp ? { sp } : {}),
    ...(valid && np ? { np } : {}),
    adkim: alignment(raw('adkim')),
    aspf: alignment(raw('aspf')),
    ...(raw('t') === 'y' ? { testing: true } : {}),
  };
}

async function isNonExistent(domain: string, ctx: DmarcContext): Promise<boolean> {
  try {
    return (await ctx.query(domain, 'A', ctx.signal)).rcode === 'NXDOMAIN';
  } catch {
    return false;
  }
}

/** §4.10.1 policy discovery for the From domain. */
export async function discoverPolicy(fromDomain: string, ctx: DmarcContext): Promise<DmarcDiscovery> {
  const from = fromDomain.toLowerCase().replace(/\.$/, '');
  const steps = await treeWalk(from, ctx);
  const first = steps[0];
  if (!first) return { status: 'permerror', detail: 'no-domain' };
  if (first.kind === 'error') return { status: 'temperror', detail: first.detail };
  const orgDomain = selectOrgDomain(from, steps);
  if (orgDomain === undefined) {
    const failed = steps.find((s) => s.kind === 'error');
    return { status: 'temperror', detail: failed?.kind === 'error' ? failed.detail : 'error' };
  }
  const at = (name: string) => steps.find((s): s is Extract<WalkStep, { kind: 'record' }> => s.kind === 'record' && s.name === name);
  const chosen = first.kind === 'record' ? first : (at(orgDomain) ?? steps.find((s): s is Extract<WalkStep, { kind: 'record' }> => s.kind === 'record' && s.psd === 'y'));
  if (!chosen) return { status: 'none', orgDomain };
  const policy = policyOf(chosen.record);
  if (!policy) return { status: 'permerror', detail: 'no-policy' };
  // np applies to a From domain that does not exist (RFC 9989 §3.2.13: NXDOMAIN). Only then is the name asked.
  const nonExistent = chosen.name !== from && policy.np !== undefined && first.kind === 'none' && first.nxdomain ? await isNonExistent(from, ctx) : false;
  return { status: 'found', policy: { ...policy, policyDomain: chosen.name, orgDomain }, ...(nonExistent ? { nonExistent } : {}) };
}

/** §4.10.2 organisational domain of any name (for relaxed alignment); rejects when a question failed. */
export async function organisationalDomain(domain: string, ctx: DmarcContext): Promise<string> {
  const org = selectOrgDomain(domain, await treeWalk(domain, ctx));
  if (org === undefined) throw new Error('dns-error');
  return org;
}

/** What analyseMessage takes as `dmarc`. */
export const DMARC_STEPS: DmarcSteps = { discover: discoverPolicy, orgDomain: organisationalDomain };
