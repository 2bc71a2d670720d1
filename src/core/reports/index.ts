/**
 * The DMARC aggregate report reader's public surface for the page (issue 13).
 * It does not include the reading itself (bounded expansion + XML parser):
 * that runs in the Web Worker, whose entry is ./worker.ts (load it as a
 * worker, never import it), and the page talks to it with createReportsClient.
 * Without a worker (or in tests and the benchmark), ./pipeline.ts's
 * loadReports does the same work in the calling thread.
 *
 * Pipeline: files → worker (loadReports) → aggregate (totals, reporters,
 * sources, days) → lookupPtrs + groupSources (organisations behind the IPs)
 * → adviseSources (what to do, as codes) → reportsToCsv.
 */
export * from './types';
export { recordPasses, canonicalIp } from './values';
export {
  aggregate,
  selectReports,
  dedupeReports,
  domainsLoaded,
  latestPolicy,
  policyByHeaderFrom,
  reportDay,
  reportKey,
  MAX_TALLY,
  MAX_FILLED_DAYS,
  type AggregateOptions,
  type Counts,
  type Day,
  type DkimKey,
  type Dispositions,
  type DomainLoaded,
  type PolicySeen,
  type Reporter,
  type SourceIp,
  type SpfKey,
  type Summary,
  type Tally,
  type Totals,
} from './aggregate';
export {
  lookupPtrs,
  groupSources,
  createPtrCache,
  DEFAULT_PTR_CONCURRENCY,
  DEFAULT_PTR_MAX_IPS,
  PTR_STATUSES,
  GROUP_KINDS,
  type GroupKind,
  type GroupMember,
  type PtrCache,
  type PtrLookupOptions,
  type PtrResult,
  type PtrStatus,
  type SourceGroup,
} from './sources';
export { SENDERS, SENDER_KINDS, recogniseSender, recogniseAuthDomain, getSender, orgDomain, type SenderId, type SenderKind, type SenderProfile } from './senders';
export {
  adviseSources,
  adviseGroup,
  ADVICE_CODES,
  ADVICE_SEVERITIES,
  ADVICE_GUIDE,
  ADVICE_GUIDES,
  type Advice,
  type AdviceCode,
  type AdviceOptions,
  type AdviceParams,
  type AdviceSeverity,
  type PtrEvidence,
} from './advice';
export {
  reportsToCsv,
  adviceText,
  fileErrorText,
  groupName,
  senderName,
  REPORT_CSV_HEADER,
  type CsvOptions,
} from './export';
export type { ReportsText, AdviceContext } from './text/types';
export { en as REPORTS_TEXT_EN } from './text/en';
export { zh as REPORTS_TEXT_ZH } from './text/zh';
export {
  createReportsClient,
  parseRequest,
  type ReportsRequest,
  type ReportsResponse,
  type ReportsClient,
  type ClientLoadOptions,
  type ClientLoadResult,
  type WorkerLike,
} from './protocol';
