/**
 * The record set a domain needs for a provider profile: what the generator
 * shows and what the checker compares against. Pure data in, data out. Never
 * invents a value the provider does not publish: without a pasted key the DKIM
 * row is a placeholder marked `needsConsoleValue`.
 */
import type { ProviderProfile } from './providers/types';
import { recogniseSpfInclude } from './providers/index';
import { addSpfTerm, isSpfRecord, mergeSpf, normaliseDomainName, parseSpf } from './records/spf';
import { buildDmarc } from './records/dmarc';
import { normaliseDkimInput } from './records/dkim';
import type { DmarcPolicy, ExpectedRecord, ExpectedValue } from './types';

/** Shown in place of the DKIM key until one is pasted: clearly not a key. */
export const DKIM_PLACEHOLDER = 'v=DKIM1; k=rsa; p=<public key from the admin console>';

export interface ExpectedArgs {
  /** ASCII (punycode) domain, e.g. from normaliseDomain().ascii. */
  readonly domain: string;
  readonly provider: ProviderProfile;
  /** DKIM value pasted from the admin console (any of the usual forms). */
  readonly dkimKey?: string | undefined;
  readonly dmarc: {
    readonly policy: DmarcPolicy;
    readonly rua?: string | undefined;
    readonly pct?: number | undefined;
  };
  /** Other senders to keep in SPF: `include:…`, `ip4:…`, or a bare include domain. */
  readonly extraSpf?: readonly string[] | undefined;
  /** The domain's current SPF record, to merge into rather than replace. */
  readonly existingSpf?: string | undefined;
}

/**
 * The existing record without the includes of other mailbox providers: moving
 * to this provider replaces the old one (its senders must not stay authorised),
 * while other senders (newsletters, CRMs, ip4: ranges) are kept.
 */
function withoutOtherMailboxProviders(record: string, provider: ProviderProfile): string | undefined {
  const own = new Set([provider.spf.include, ...provider.spf.equivalents].map(normaliseDomainName));
  const parsed = parseSpf(record);
  const kept = parsed.terms.filter((t) => {
    if (t.kind !== 'mechanism' || t.mechanism !== 'include' || t.domain === undefined) return true;
    const d = normaliseDomainName(t.domain);
    const owner = recogniseSpfInclude(d);
    return own.has(d) || owner === undefined || owner.id === provider.id;
  });
  // Nothing left but `all` (the old provider was the only sender): start from the provider's own record.
  const senders = kept.filter((t) => !(t.kind === 'mechanism' && t.mechanism === 'all'));
  if (kept.length < parsed.terms.length && senders.length === 0) return undefined;
  return ['v=spf1', ...kept.map((t) => t.raw)].join(' ');
}

/**
 * The single SPF record: the existing one (if any, less other mailbox
 * providers' includes) plus the provider's include and any extra senders.
 */
export function buildSpf(provider: ProviderProfile, existingSpf?: string, extraSpf: readonly string[] = []): string {
  const base =
    existingSpf !== undefined && isSpfRecord(existingSpf)
      ? withoutOtherMailboxProviders(existingSpf, provider)
      : undefined;
  let spf = mergeSpf(base, provider.spf.include, { equivalents: provider.spf.equivalents });
  for (const raw of extraSpf) {
    const item = raw.trim();
    if (item === '') continue;
    spf =
      /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)+\.?$/i.test(item) && !/^(?:ip4|ip6|a|mx|ptr|exists|include)[:/]/i.test(item)
        ? mergeSpf(spf, item)
        : addSpfTerm(spf, item);
  }
  return spf;
}

export function buildExpectedRecords(args: ExpectedArgs): ExpectedRecord[] {
  const domain = normaliseDomainName(args.domain);
  const { provider } = args;
  const records: ExpectedRecord[] = [];
  const [primary, ...others] = provider.mx.sets;
  const toValues = (set: readonly { host: string; priority: number }[]): ExpectedValue[] =>
    set.map((m) => ({ value: m.host, priority: m.priority }));

  records.push({
    id: 'mx',
    type: 'MX',
    name: domain,
    values: toValues(primary ?? []),
    required: true,
    ...(others.length > 0 ? { alternatives: others.map(toValues) } : {}),
  });

  records.push({
    id: 'spf',
    type: 'TXT',
    name: domain,
    values: [{ value: buildSpf(provider, args.existingSpf, args.extraSpf ?? []) }],
    required: true,
  });

  if (provider.dkim) {
    const pasted = args.dkimKey?.trim() ? normaliseDkimInput(args.dkimKey) : '';
    records.push({
      id: 'dkim',
      type: 'TXT',
      name: `${provider.dkim.selector}._domainkey.${domain}`,
      values: [{ value: pasted === '' ? DKIM_PLACEHOLDER : pasted }],
      required: true,
      ...(pasted === '' ? { needsConsoleValue: true } : {}),
    });
  }

  const dmarc = {
    policy: args.dmarc.policy,
    ...(args.dmarc.rua === undefined ? {} : { rua: args.dmarc.rua }),
    ...(args.dmarc.pct === undefined ? {} : { pct: args.dmarc.pct }),
  };
  records.push({
    id: 'dmarc',
    type: 'TXT',
    name: `_dmarc.${domain}`,
    values: [{ value: buildDmarc(dmarc) }],
    required: true,
  });

  for (const c of provider.cnames) {
    records.push({
      id: c.id,
      type: 'CNAME',
      name: `${c.label}.${domain}`,
      values: [{ value: c.target }],
      required: c.required,
    });
  }
  return records;
}
