/**
 * The one import path the widgets use (`import { … } from '~/core'`). Only the
 * public surface is listed here; everything else in src/core is internal.
 */

// Languages and DNS names.
export { LANGS, toLang, type Lang, type Bilingual, type PerLang } from './lang';
export { normaliseName, sameName, isAtOrBelow } from './names';

// Shared types and stable codes.
export {
  RECORD_IDS,
  RECORD_KINDS,
  CHECK_STATUSES,
  SEVERITIES,
  DMARC_POLICIES,
  EXPECTED_TYPES,
  type RecordId,
  type RecordKind,
  type Severity,
  type CheckStatus,
  type RecordCheck,
  type ExpectedRecord,
  type ExpectedOf,
  type ExpectedValue,
  type ExpectedType,
  type DmarcPolicy,
} from './types';

// Findings and their text (one message table per language).
export {
  PROBLEM_CODES,
  finding,
  findingGuide,
  statusOf,
  type Finding,
  type FindingOf,
  type FindingParams,
  type ProblemCode,
} from './findings/index';
export {
  describeFinding,
  domainErrorMessage,
  loadMessages,
  MESSAGE_LOADERS,
  type DescribedFinding,
  type FindingText,
  type Messages,
} from './messages/index';

// Domain input.
export {
  normaliseDomain,
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

// DNS hosts: detection from NS names and console conventions.
export {
  DNS_HOSTS,
  DNS_HOST_IDS,
  HOST_IDS,
  DEFAULT_HOST_ID,
  consoleOf,
  detectDnsHost,
  getDnsHost,
  hostField,
  isHostId,
  type ConsoleConventions,
  type DnsHost,
  type DnsHostId,
  type HostId,
} from './hosts/index';

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
  policyFor,
  testingPolicy,
  weakerPolicy,
  DMARC_ERROR_CODES,
  DMARC_TAGS,
  DMARC_REMOVED_TAGS,
  type DmarcRecord,
  type DmarcTags,
  type DmarcDisposition,
  type DmarcPolicySet,
  type DmarcRemovedTag,
  type DmarcScope,
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
  senderTerm,
} from './records/index';

// Checks of the generator's optional fields (DKIM key, DMARC report address, other SPF senders).
export { dkimInputProblem, ruaInputProblem, spfSenderProblem } from './records/inputs';

// The expected record set.
export {
  buildExpectedRecords,
  buildSpf,
  DKIM_PLACEHOLDER,
  needsConsoleValue,
  withSuggestions,
  type ExpectedArgs,
} from './expected';

// Export.
export { toZoneFile, toCsv } from './export/index';

// Checking.
export { checkDomain, planCheck, type CheckArgs, type Question } from './check/index';
export { expandSpf, SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT, type SpfExpandOptions, type SpfExpansion, type SpfNode, type SpfTermInfo } from './check/spf-expand';
export { spfVerdict, type SpfVerdict } from './check/spf-verdict';
export { cacheExpiresAt, watchDelaySeconds } from './check/watch';

// SPF evaluation: would mail from this IP pass? (RFC 7208 check_host()).
export * from './spf/index';

// The DoH client (transport, resolver presets).
export * from './doh/index';

// Mailbox addresses.
export { parseEmailAddress, EMAIL_ERROR_REASONS, type EmailResult, type EmailErrorReason } from './email';

// Apple configuration profile.
export {
  buildMobileconfig,
  MOBILECONFIG_MIME,
  MOBILECONFIG_ERROR_CODES,
  type MobileconfigArgs,
  type MobileconfigResult,
  type MobileconfigError,
  type MobileconfigErrorCode,
} from './export/mobileconfig';

// DMARC aggregate report reader (page side; the reading runs in the worker
// src/core/reports/worker.ts and is not part of this barrel).
export * from './reports/index';

// DMARC per RFC 9989: the DNS tree walk (policy discovery, organisational
// domain) and the steps the message analyser takes (MESSAGE_DMARC_STEPS).
export * from './dmarc/index';

// Message analyser (/tools/message/): parse, hops, receiver's verdicts, DKIM in the browser, bounces.
export * from './message/index';
