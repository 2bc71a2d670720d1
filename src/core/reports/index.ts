/**
 * The DMARC aggregate report reader's public surface (issue 13). Everything
 * else in this folder is internal. The Web Worker entry is ./worker.ts (load
 * it as a worker, never import it).
 *
 * Pipeline: files → loadReports (bounded expansion, XML parse; in the worker
 * via createReportsClient/createReportsWorker) → aggregate (totals, reporters,
 * sources, days) → lookupPtrs + groupSources (organisations behind the IPs)
 * → adviseSources (what to do, as codes) → reportsToCsv / summaryText.
 */
export * from './types';
export { loadReports, resolveLimits, type LoadOptions } from './pipeline';
export { sniff, INPUT_KINDS, type InputKind } from './input';
export { parseReport, recordPasses, canonicalIp, parseTimestamp, detectEncoding, type ParseResult } from './parse';
export {
  aggregate,
  selectReports,
  dedupeReports,
  domainsLoaded,
  latestPolicy,
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
export { SENDERS, SENDER_KINDS, recogniseSender, getSender, orgDomain, type SenderId, type SenderKind, type SenderProfile } from './senders';
export {
  adviseSources,
  adviseGroup,
  ADVICE_CODES,
  ADVICE_SEVERITIES,
  ADVICE_GUIDE,
  type Advice,
  type AdviceCode,
  type AdviceOptions,
  type AdviceParams,
  type AdviceSeverity,
  type PtrEvidence,
} from './advice';
export {
  reportsToCsv,
  summaryText,
  adviceText,
  fileErrorText,
  groupName,
  senderName,
  REPORT_CSV_HEADER,
  type CsvOptions,
  type SummaryTextInput,
} from './export';
export type { ReportsText, AdviceContext } from './text/types';
export { en as REPORTS_TEXT_EN } from './text/en';
export { zh as REPORTS_TEXT_ZH } from './text/zh';
export {
  createReportsWorker,
  createReportsClient,
  parseRequest,
  type ReportsRequest,
  type ReportsResponse,
  type ReportsClient,
  type ClientLoadOptions,
  type ClientLoadResult,
  type WorkerLike,
  type WorkerOptions,
} from './protocol';
