/**
 * The tree walk plugged into the message analyser: `MESSAGE_DMARC_STEPS` is
 * the `DmarcSteps` that `analyseMessage({ dmarc })` takes (its shapes are in
 * ../message/dmarc.ts). Discovery and organisational domains ask through the
 * analyser's query function (a DoH run: each question once).
 */
import type { DmarcContext, DmarcDiscovery, DmarcSteps } from '../message/dmarc';
import { askWith, discoverDmarcPolicy, dmarcOrgDomain, type DmarcPolicyDiscovery } from './walk';

/** A walk's result in the analyser's terms. */
export function toMessageDiscovery(d: DmarcPolicyDiscovery): DmarcDiscovery {
  if (d.status === 'error') return { status: 'temperror', detail: `${d.name} ${d.code}` };
  if (d.status === 'none') return { status: 'none', orgDomain: d.orgDomain };
  // No valid p and no valid rua: the receiver applies no DMARC processing (RFC 9989 §4.10.1).
  const set = d.record.policy;
  if (!set || !d.applied) return d.orgDomain === undefined ? { status: 'none' } : { status: 'none', orgDomain: d.orgDomain };
  // The policy is known but not the organisational domain, which relaxed alignment needs: say so rather than guess.
  if (d.orgDomain === undefined) return { status: 'temperror', detail: d.orgError ? `${d.orgError.name} ${d.orgError.code}` : 'organisational domain unknown' };
  const tags = d.record.tags;
  return {
    status: 'found',
    policy: {
      policyDomain: d.policyDomain,
      orgDomain: d.orgDomain,
      record: d.text,
      p: set.p,
      ...(set.sp === undefined ? {} : { sp: set.sp }),
      ...(set.np === undefined ? {} : { np: set.np }),
      adkim: tags.adkim ?? 'r',
      aspf: tags.aspf ?? 'r',
      testing: d.record.testing,
    },
    ...(d.exists === false ? { nonExistent: true } : {}),
  };
}

/** Thrown by `orgDomain` when a question of the walk failed; `evaluateDmarc` then counts the identifier as unaligned. */
export class OrgDomainUnknown extends Error {
  constructor(
    readonly dnsName: string,
    readonly code: string,
  ) {
    super(`The organisational domain could not be found: ${dnsName} gave ${code}.`);
  }
}

const ask = (ctx: DmarcContext) => askWith(ctx.query, ctx.signal);

/** RFC 9989 policy discovery and organisational domains for `analyseMessage({ dmarc: MESSAGE_DMARC_STEPS })`. */
export const MESSAGE_DMARC_STEPS: DmarcSteps = {
  discover: async (fromDomain, ctx) => toMessageDiscovery(await discoverDmarcPolicy(fromDomain, ask(ctx))),
  orgDomain: async (domain, ctx) => {
    const r = await dmarcOrgDomain(domain, ask(ctx));
    if (!r.ok) throw new OrgDomainUnknown(r.name, r.code);
    return r.orgDomain;
  },
};
