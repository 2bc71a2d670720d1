/**
 * The checker's form: read from the page address (so a copied link reproduces
 * a check), written back to it, and turned into the expected records. No
 * React in here: the early start (prefetch.ts) uses it before React loads.
 */
import {
  buildExpectedRecords,
  DEFAULT_HOST_ID,
  DEFAULT_PROVIDER_ID,
  DMARC_POLICIES,
  isHostId,
  isProviderId,
  normaliseDomain,
  ruaInputProblem,
  spfSenderProblem,
  type DmarcPolicy,
  type DomainResult,
  type ExpectedRecord,
  type HostId,
  type ProviderProfile,
  type RecordId,
} from '~/core';
import type { UrlPatch, UrlState } from '../ui/urlParams';

export interface CheckerForm {
  readonly domain: string;
  readonly provider: string;
  readonly host: HostId;
  readonly dkimKey: string;
  readonly dmarcPolicy: DmarcPolicy;
  /** sp: '' = the same as p. */
  readonly dmarcSp: DmarcPolicy | '';
  /** np: '' = the same as sp (or p). */
  readonly dmarcNp: DmarcPolicy | '';
  /** t=y: testing. */
  readonly dmarcTesting: boolean;
  readonly dmarcRua: string;
  readonly extraSpf: string;
}

export const DEFAULT_POLICY: DmarcPolicy = 'quarantine';

const policyOf = (value: string | undefined): DmarcPolicy | undefined =>
  (DMARC_POLICIES as readonly string[]).includes(value ?? '') ? (value as DmarcPolicy) : undefined;

/**
 * The form as given by the page address. A field the address does not name
 * keeps its value in `base` (what the visitor has already typed or chosen),
 * or its default.
 */
export function formFrom(params: UrlState, base?: CheckerForm): CheckerForm {
  return {
    domain: params.domain ?? base?.domain ?? '',
    provider: isProviderId(params.provider) ? params.provider : (base?.provider ?? DEFAULT_PROVIDER_ID),
    host: isHostId(params.host) ? params.host : (base?.host ?? DEFAULT_HOST_ID),
    dkimKey: base?.dkimKey ?? '',
    dmarcPolicy: policyOf(params.dmarc) ?? base?.dmarcPolicy ?? DEFAULT_POLICY,
    dmarcSp: policyOf(params.sp) ?? base?.dmarcSp ?? '',
    dmarcNp: policyOf(params.np) ?? base?.dmarcNp ?? '',
    dmarcTesting: params.t === undefined ? (base?.dmarcTesting ?? false) : params.t === 'y',
    dmarcRua: params.rua ?? base?.dmarcRua ?? '',
    extraSpf: params.spf ?? base?.extraSpf ?? '',
  };
}

/** The address parameters for the form (never the DKIM key: it is long and not needed to reproduce a check). */
export function paramsFor(form: CheckerForm): UrlPatch {
  return {
    domain: form.domain.trim() || undefined,
    provider: form.provider === DEFAULT_PROVIDER_ID ? undefined : form.provider,
    host: form.host === DEFAULT_HOST_ID ? undefined : form.host,
    dmarc: form.dmarcPolicy === DEFAULT_POLICY ? undefined : form.dmarcPolicy,
    sp: form.dmarcSp || undefined,
    np: form.dmarcNp || undefined,
    t: form.dmarcTesting ? 'y' : undefined,
    rua: form.dmarcRua.trim() || undefined,
    spf: form.extraSpf.trim() || undefined,
  };
}

export function domainOf(form: CheckerForm): DomainResult | undefined {
  return form.domain.trim() ? normaliseDomain(form.domain) : undefined;
}

/**
 * The records the form asks for. A report address or sender that cannot be
 * used is left out (the form says so next to the field); a doubtful DKIM key
 * is kept, so the check can compare it with DNS.
 */
export function expectedFor(
  form: CheckerForm,
  ascii: string,
  provider: ProviderProfile,
  only?: readonly RecordId[],
): ExpectedRecord[] {
  const all = buildExpectedRecords({
    domain: ascii,
    provider,
    dkimKey: form.dkimKey.trim() || undefined,
    dmarc: {
      policy: form.dmarcPolicy,
      sp: form.dmarcSp || undefined,
      np: form.dmarcNp || undefined,
      testing: form.dmarcTesting,
      rua: ruaInputProblem(form.dmarcRua) === undefined ? form.dmarcRua.trim() || undefined : undefined,
    },
    extraSpf: form.extraSpf.split(/[\s,]+/).filter((item) => item !== '' && spfSenderProblem(item) === undefined),
  });
  return only ? all.filter((r) => only.includes(r.id)) : all;
}
