/**
 * The record set a domain needs for a provider profile: what the generator
 * shows and what the checker compares against. Pure data in, data out. Each
 * record carries the reader's choices as data (MX sets, required includes,
 * DMARC policy, pasted DKIM key), so the checker never re-parses generated
 * text. Never invents a value the provider does not publish: without a pasted
 * key the DKIM row is a placeholder without `key`.
 */
import { normaliseName } from './names';
import type { ProviderProfile } from './providers/types';
import { recogniseSpfInclude } from './providers/index';
import { addSpfTerm, isSpfRecord, mergeSpf, parseSpf, senderTerm } from './records/spf';
import { buildDmarc, type DmarcChoice } from './records/dmarc';
import { normaliseDkimInput, parseDkim } from './records/dkim';
import type { DmarcExpected, ExpectedRecord, ExpectedValue, RecordCheck } from './types';

/** Shown in place of the DKIM key until one is pasted: clearly not a key. */
export const DKIM_PLACEHOLDER = 'v=DKIM1; k=rsa; p=<public key from the admin console>';

export interface ExpectedArgs {
  /** ASCII (punycode) domain, e.g. from normaliseDomain().ascii. */
  readonly domain: string;
  readonly provider: ProviderProfile;
  /** DKIM value pasted from the admin console (any of the usual forms). */
  readonly dkimKey?: string | undefined;
  readonly dmarc: DmarcChoice;
  /** Other senders to keep in SPF: `include:…`, `ip4:…`, or a bare include domain. */
  readonly extraSpf?: readonly string[] | undefined;
  /** The domain's current SPF record, to merge into rather than replace. */
  readonly existingSpf?: string | undefined;
}

/** The include: domain an extra sender stands for, if it is one. */
function senderInclude(item: string): string | undefined {
  const term = senderTerm(item);
  return /^include:/i.test(term) ? normaliseName(term.slice(8)) : undefined;
}

/**
 * The existing record without the includes of other mailbox providers: moving
 * to this provider replaces the old one (its senders must not stay authorised),
 * while other senders (newsletters, CRMs, ip4: ranges) are kept. Terms that do
 * not parse (a misspelt `inlcude:`) are left out: a record with one of them
 * fails as a whole, and the checker names the bad term.
 */
function withoutOtherMailboxProviders(record: string, provider: ProviderProfile): string | undefined {
  const own = new Set([provider.spf.include, ...provider.spf.equivalents].map(normaliseName));
  const parsed = parseSpf(record);
  const kept = parsed.terms.filter((t) => {
    if (t.kind === 'invalid') return false;
    if (t.kind !== 'mechanism' || t.mechanism !== 'include' || t.domain === undefined) return true;
    const d = normaliseName(t.domain);
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
 * `providerReachable`: the existing record already reaches the provider's
 * include through another include, so it is not added again (it would cost a
 * lookup of the ten).
 */
export function buildSpf(
  provider: ProviderProfile,
  existingSpf?: string,
  extraSpf: readonly string[] = [],
  options: { readonly providerReachable?: boolean } = {},
): string {
  const base =
    existingSpf !== undefined && isSpfRecord(existingSpf)
      ? withoutOtherMailboxProviders(existingSpf, provider)
      : undefined;
  let spf =
    options.providerReachable && base !== undefined
      ? base
      : mergeSpf(base, provider.spf.include, { equivalents: provider.spf.equivalents });
  for (const raw of extraSpf) {
    const item = raw.trim();
    if (item === '') continue;
    spf = addSpfTerm(spf, senderTerm(item));
  }
  return spf;
}

export function buildExpectedRecords(args: ExpectedArgs): ExpectedRecord[] {
  const domain = normaliseName(args.domain);
  const { provider } = args;
  const records: ExpectedRecord[] = [];
  const toValues = (set: readonly { host: string; priority: number }[]): ExpectedValue[] =>
    set.map((m) => ({ value: m.host, priority: m.priority }));

  records.push({
    kind: 'mx',
    id: 'mx',
    type: 'MX',
    name: domain,
    values: toValues(provider.mx.sets[0] ?? []),
    required: true,
    sets: provider.mx.sets,
    allowMix: provider.mx.allowMix,
  });

  const extraSenders = (args.extraSpf ?? []).map((s) => s.trim()).filter((s) => s !== '');
  records.push({
    kind: 'spf',
    id: 'spf',
    type: 'TXT',
    name: domain,
    values: [{ value: buildSpf(provider, args.existingSpf, extraSenders) }],
    required: true,
    providerIncludes: [provider.spf.include, ...provider.spf.equivalents].map(normaliseName),
    senderIncludes: [...new Set(extraSenders.flatMap((s) => senderInclude(s) ?? []))],
    extraSenders,
  });

  if (provider.dkim) {
    const pasted = args.dkimKey?.trim() ? normaliseDkimInput(args.dkimKey) : '';
    const key = pasted === '' ? undefined : parseDkim(pasted).tags.p;
    records.push({
      kind: 'dkim',
      id: 'dkim',
      type: 'TXT',
      name: `${provider.dkim.selector}._domainkey.${domain}`,
      values: [{ value: pasted === '' ? DKIM_PLACEHOLDER : pasted }],
      required: true,
      selector: provider.dkim.selector,
      ...(key ? { key } : {}),
    });
  }

  records.push({
    kind: 'dmarc',
    id: 'dmarc',
    type: 'TXT',
    name: `_dmarc.${domain}`,
    values: [{ value: buildDmarc(args.dmarc) }],
    required: true,
    ...dmarcChoices(args.dmarc),
  });

  for (const c of provider.cnames) {
    records.push({
      kind: 'cname',
      id: c.id,
      type: 'CNAME',
      name: `${c.label}.${domain}`,
      values: [{ value: c.target }],
      required: c.required,
      target: normaliseName(c.target),
    });
  }
  return records;
}

/**
 * The reader's DMARC choices as the record carries them: sp and np only when
 * they change what applies (as buildDmarc writes them), so the checker
 * compares the same policy the generated record states.
 */
function dmarcChoices(choice: DmarcChoice): Pick<DmarcExpected, 'policy' | 'sp' | 'np' | 'testing'> {
  const sp = choice.sp !== undefined && choice.sp !== choice.policy ? choice.sp : undefined;
  const np = choice.np !== undefined && choice.np !== (sp ?? choice.policy) ? choice.np : undefined;
  return {
    policy: choice.policy,
    ...(sp === undefined ? {} : { sp }),
    ...(np === undefined ? {} : { np }),
    testing: choice.testing === true,
  };
}

/** Whether the DKIM row still shows the placeholder (the key comes from the admin console). */
export function needsConsoleValue(rec: ExpectedRecord): boolean {
  return rec.kind === 'dkim' && rec.values[0]?.value === DKIM_PLACEHOLDER;
}

/**
 * The records to publish, given a check's results: a row's suggestion (the SPF
 * record merged with what the domain already has) takes the place of the
 * generated value. Rows without a suggestion are returned as they are.
 */
export function withSuggestions(expected: readonly ExpectedRecord[], results: readonly Pick<RecordCheck, 'id' | 'suggestion'>[]): ExpectedRecord[] {
  return expected.map((rec) => {
    const suggestion = results.find((r) => r.id === rec.id)?.suggestion;
    return suggestion === undefined ? rec : { ...rec, values: [{ value: suggestion }] };
  });
}
