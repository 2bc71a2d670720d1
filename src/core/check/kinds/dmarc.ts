/**
 * The DMARC row, per RFC 9989: the policy record at `_dmarc.<domain>`, read as
 * §4.7 and §4.8 say (removed tags, t=y, a record without p, unknown tags), and
 * what receivers apply (§4.10.1) compared with the reader's choices — p, sp,
 * np and testing, carried by the expected record as data. When the domain has
 * no record of its own, the DNS tree walk (§4.10) finds the record that covers
 * it — its organisational domain's or its public suffix's — and the row says
 * where, instead of "missing". Every question goes through the run (ctx.ask).
 */
import { discoverDmarcPolicy, type DmarcDiscoveryFound } from '../../dmarc/walk';
import {
  isDmarcRecord,
  parseDmarc,
  policyFor,
  testingPolicy,
  weakerPolicy,
  type DmarcPolicySet,
  type DmarcRecord,
} from '../../records/dmarc';
import type { DmarcExpected, DmarcPolicy, Severity } from '../../types';
import { minTtl, negativeTtl, txtsOf } from '../answers';
import type { KindCheck } from '../kind';
import { Row } from '../row';

/** Text meant as a DMARC record that does not start with `v=DMARC1`. */
const NEAR_DMARC = /v\s*=\s*dmarc|(?:^|;)\s*p\s*=\s*(?:none|quarantine|reject)/i;

/** The reader's choices as a policy set. */
function chosenSet(rec: DmarcExpected): DmarcPolicySet {
  return { p: rec.policy, ...(rec.sp === undefined ? {} : { sp: rec.sp }), ...(rec.np === undefined ? {} : { np: rec.np }) };
}

/** Stronger than chosen: information; weaker: a warning. */
const bySeverity = (observed: DmarcPolicy, chosen: DmarcPolicy): Severity => (weakerPolicy(observed, chosen) ? 'warn' : 'info');

/** t=y: not applied as written (a warning), unless the reader chose testing or the policy is none (t has no effect on none, §4.7). */
function addTesting(row: Row, record: DmarcRecord, policy: DmarcPolicy | undefined, rec: DmarcExpected): void {
  if (!record.testing || policy === undefined) return;
  row.add('dmarc-testing', rec.testing || policy === 'none' ? 'info' : 'warn', { policy, applied: testingPolicy(policy), chosen: rec.testing });
}

/** The domain's own record against the choices: p always; sp and np when the record or the reader gives them. */
function comparePolicies(row: Row, set: DmarcPolicySet, rec: DmarcExpected): void {
  if (set.p === 'none') row.add('weak-policy', rec.policy === 'none' ? 'info' : 'warn', { dmarc: 'none', chosen: rec.policy === 'none' });
  else if (set.p !== rec.policy) {
    row.add('wrong-value', bySeverity(set.p, rec.policy), { kind: 'dmarc-policy', observed: `p=${set.p}`, expected: `p=${rec.policy}` });
  }
  const chosen = chosenSet(rec);
  for (const scope of ['sp', 'np'] as const) {
    if (set[scope] === undefined && chosen[scope] === undefined) continue;
    const have = policyFor(set, scope);
    const want = policyFor(chosen, scope);
    if (have.policy === want.policy) continue;
    row.add('wrong-value', bySeverity(have.policy, want.policy), {
      kind: 'dmarc-policy',
      observed: `${have.tag}=${have.policy}`,
      expected: `${scope}=${want.policy}`,
      scope,
    });
  }
}

/** The findings of the domain's own record. */
function checkOwn(row: Row, parsed: DmarcRecord, rec: DmarcExpected): void {
  for (const e of parsed.errors) {
    const at = { ...(e.tag ? { tag: e.tag } : {}), ...(e.value ? { value: e.value } : {}) };
    if (e.code === 'invalid-policy') {
      // §4.10.1: a wrong p, sp or np makes the record p=none (with a valid rua) or no DMARC at all.
      row.add('dmarc-syntax', 'fail', { reason: e.code, ...at, effect: parsed.disposition === 'p-none' ? 'p-none' : 'no-processing' });
    } else if (e.code === 'duplicate-tag') {
      // The tag-list rule DMARC follows (RFC 6376 §3.2): a repeated tag makes the whole list invalid.
      row.add('dmarc-syntax', 'fail', { reason: e.code, ...at });
    } else {
      // §4.8: other syntax errors are discarded in favour of the defaults: the record still works.
      row.add('dmarc-syntax', 'warn', { reason: e.code, ...at });
    }
  }
  for (const r of parsed.removed) row.add('dmarc-removed-tag', 'warn', { tag: r.tag, value: r.value });
  for (const o of parsed.obsoleteSize) row.add('dmarc-report-size', 'info', { uri: o.uri });
  if (parsed.unknown.length > 0) row.add('dmarc-unknown-tag', 'info', { tags: parsed.unknown.map((u) => `${u.name}=${u.value}`) });

  if (parsed.policyProblem?.missing) {
    // §4.10.1: no p — p=none when there is a valid rua, no DMARC processing at all without one.
    const withRua = parsed.disposition === 'p-none';
    const chosenNone = rec.policy === 'none';
    row.add('weak-policy', withRua && chosenNone ? 'info' : 'warn', { dmarc: 'none', chosen: chosenNone, noPolicy: withRua ? 'with-rua' : 'without-rua' });
  } else if (parsed.disposition === 'as-written' && parsed.policy) {
    comparePolicies(row, parsed.policy, rec);
  }
  addTesting(row, parsed, parsed.policy?.p, rec);
}

/** A domain without its own record, covered by the record the tree walk found above it. */
function checkCovered(row: Row, found: DmarcDiscoveryFound & { readonly source: 'organisational' | 'psd' }, rec: DmarcExpected): void {
  const policy = found.applied?.policy;
  const tag = found.applied?.tag ?? found.scope;
  row.observed = [found.text];
  row.add('dmarc-covered', policy === undefined || weakerPolicy(policy, rec.policy) ? 'warn' : 'info', {
    found: `_dmarc.${found.policyDomain}`,
    policyDomain: found.policyDomain,
    source: found.source,
    tag,
    ...(policy === undefined ? {} : { policy }),
    chosen: rec.policy,
  });
  addTesting(row, found.record, policy, rec);
}

export const dmarc: KindCheck<DmarcExpected> = {
  // The first question of the tree walk, so that a domain without its own
  // record (the walk's common case) costs no extra round trip.
  async check(rec, answer, ctx) {
    const row = new Row(rec);
    const txts = txtsOf(answer);
    const records = txts.filter((t) => isDmarcRecord(t.text));
    const near = txts.filter((t) => !isDmarcRecord(t.text) && NEAR_DMARC.test(t.text));
    row.observed = [...records, ...near].map((t) => t.text);

    if (records.length === 0) {
      row.absent(negativeTtl(answer) ?? minTtl(txts));
      if (near[0]) {
        row.add('dmarc-syntax', 'fail', { reason: 'no-version', value: near[0].text.slice(0, 40) });
        return row.done();
      }
      // The record put at the domain itself, or typed in full into a console
      // that appends the domain; and, at the same time, the tree walk.
      const [found, discovery] = await Promise.all([
        ctx.foundAt([ctx.domain, ctx.doubled(rec.name)], 'TXT', (a) => txtsOf(a).some((t) => isDmarcRecord(t.text))),
        discoverDmarcPolicy(ctx.domain, ctx.ask),
      ]);
      if (found) row.add('wrong-name', 'fail', { found, expected: rec.name });
      else if (discovery.status === 'error') row.add('resolver-error', 'error', { name: discovery.name, type: discovery.type, code: discovery.code });
      else if (discovery.status === 'found' && discovery.source !== 'domain') checkCovered(row, { ...discovery, source: discovery.source }, rec);
      else row.add('missing', 'fail', { expected: rec.values[0]?.value ?? '' });
      return row.done();
    }

    row.ttl = minTtl(records);
    if (records.length > 1) {
      row.add('dmarc-syntax', 'fail', { reason: 'multiple', count: records.length });
      return row.done();
    }
    checkOwn(row, parseDmarc(records[0]?.text ?? ''), rec);
    return row.done();
  },
};

