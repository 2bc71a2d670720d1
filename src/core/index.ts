/**
 * The one import path the widgets use (`import { … } from '~/core'`). Only the
 * public surface is listed here; everything else in src/core is internal.
 */

// Shared types and stable codes.
export {
  RECORD_IDS,
  PROBLEM_CODES,
  CHECK_STATUSES,
  SEVERITIES,
  DMARC_POLICIES,
  EXPECTED_TYPES,
  type Lang,
  type Bilingual,
  type RecordId,
  type ProblemCode,
  type Severity,
  type CheckStatus,
  type Finding,
  type RecordCheck,
  type ExpectedRecord,
  type ExpectedValue,
  type ExpectedType,
  type DmarcPolicy,
} from './types';

// Domain input.
export {
  normaliseDomain,
  domainErrorMessage,
  toUnicode,
  truncateForDisplay,
  DOMAIN_ERROR_CODES,
  type DomainResult,
  type DomainError,
  type DomainErrorCode,
} from './domain';

// Provider profiles and recognisers.
export {
  PROVIDERS,
  PROVIDER_IDS,
  DEFAULT_PROVIDER_ID,
  FOREIGN_PROVIDERS,
  getProvider,
  getProviderOrDefault,
  isProviderId,
  recogniseProvider,
  recogniseSpfInclude,
  providerName,
  type ProviderId,
  type ProviderProfile,
  type ProviderRecogniser,
  type RecognisedProvider,
  type ClientEndpoint,
  type ClientSecurity,
  type CnameSpec,
  type MxHost,
} from './providers/index';

// DNS hosting consoles.
export { DNS_HOSTS, HOST_IDS, DEFAULT_HOST_ID, getHost, hostField, isHostId, type DnsHost, type HostId } from './hosts/index';

// Record text: SPF, DMARC, DKIM, TXT.
export {
  joinTxt,
  splitTxt,
  utf8Length,
  parseSpf,
  isSpfRecord,
  mergeSpf,
  addSpfTerm,
  spfAllQualifier,
  spfIncludes,
  SPF_ERROR_CODES,
  SPF_MECHANISMS,
  type SpfRecord,
  type SpfTerm,
  type SpfMechanismTerm,
  type SpfModifierTerm,
  type SpfError,
  type SpfErrorCode,
  type SpfQualifier,
  type SpfMechanism,
  parseDmarc,
  isDmarcRecord,
  buildDmarc,
  explainDmarcPolicy,
  DMARC_POLICY_EXPLANATIONS,
  DMARC_ERROR_CODES,
  type DmarcRecord,
  type DmarcError,
  type DmarcErrorCode,
  type DmarcChoice,
  parseDkim,
  normaliseDkimInput,
  isDkimRecord,
  DKIM_ERROR_CODES,
  type DkimRecord,
  type DkimError,
  type DkimErrorCode,
  rsaKeyBits,
} from './records/index';

// Checks of the generator's optional fields (DKIM key, DMARC report address, other SPF senders).
export { dkimInputProblem, ruaInputProblem, spfSenderProblem } from './records/inputs';

// The expected record set.
export { buildExpectedRecords, buildSpf, DKIM_PLACEHOLDER, type ExpectedArgs } from './expected';

// Export.
export { toZoneFile, toCsv } from './export/index';

// Checking.
export { checkDomain, type CheckArgs } from './check/index';
export { expandSpf, SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT, type SpfExpandOptions, type SpfExpansion, type SpfNode, type SpfTermInfo } from './check/spf-expand';
export { describeFinding, type FindingText } from './check/messages';
export { spfVerdict, statusOf, type SpfVerdict } from './check/spf-verdict';
export { cacheExpiresAt, watchDelaySeconds } from './check/watch';
export { detectDnsHost, DETECTED_HOST_IDS, type DetectedDnsHost, type DetectedHostId } from './dnshost';

// The DoH client (transport, resolver presets).
export * from './doh/index';

// Apple configuration profile.
export {
  buildMobileconfig,
  parseEmailAddress,
  MOBILECONFIG_MIME,
  MOBILECONFIG_ERROR_CODES,
  EMAIL_ERROR_REASONS,
  type MobileconfigArgs,
  type MobileconfigResult,
  type MobileconfigError,
  type MobileconfigErrorCode,
  type EmailResult,
  type EmailErrorReason,
} from './export/mobileconfig';

// Message analyser (/tools/message/): parse, hops, receiver's verdicts, DKIM in the browser, bounces.
export * from './message/index';
