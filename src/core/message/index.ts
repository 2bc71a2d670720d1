/**
 * The message analyser's public surface (re-exported from src/core/index.ts).
 * Framework-free: the /tools/message/ widget (or a worker) calls
 * `analyseMessage` and renders the sections; bounce sentences come from
 * `describeBounce(explanation, BOUNCE_TEXTS_ZH | BOUNCE_TEXTS_EN)`.
 *
 * Parsing is our own (./bytes.ts, ./input.ts, ./header.ts, ./mime.ts,
 * ./encoded-words.ts). postal-mime 4.0 was considered: it is well kept, has
 * no dependencies and runs in browsers and workers, but it weighs about 24 KB
 * gzip (much of it HTML-to-text and entity tables we do not need), it hands
 * back header lines with folding joined by LF and decoded as text, not the
 * exact bytes, and no raw body — both of which DKIM needs — and it returns
 * message/delivery-status and text/rfc822-headers parts as opaque attachments
 * that we would parse again. Keeping one raw splitter for DKIM and using a
 * second parser for the rest would mean two readings of the same message that
 * can disagree. What we need beyond the raw split (RFC 2047 words, RFC 2231
 * parameters, base64/QP, a bounded multipart walk) is small.
 */
export { analyseMessage, VERDICT_CODES } from './analyse';
export type {
  AnalyseOptions,
  MessageAnalysis,
  HeaderSummary,
  SectionStatus,
  SpfSection,
  DmarcSection,
  DkimSection,
  VerdictCode,
  EvaluateSpfFn,
  SpfResultWord,
} from './analyse';

export { LIMITS as MESSAGE_LIMITS, INPUT_ERROR_CODES as MESSAGE_INPUT_ERROR_CODES, AUTH_RESULTS } from './types';
export type { InputError as MessageInputError, InputErrorCode as MessageInputErrorCode, InputNotes as MessageInputNotes, AuthResult } from './types';

export { DKIM_REASONS } from './dkim-tags';
export type { DkimReason } from './dkim-tags';
export { DKIM_NOTES, verifyDkim } from './dkim-verify';
export type { DkimResult, DkimNote } from './dkim-verify';

export { HOP_FLAGS, LONG_DELAY_SECONDS, normaliseIp } from './received';
export type { Hop, HopFlag, HopChain, ConnectingInfo } from './received';

export type { AuthResultsField, MethodResult, ReceiverVerdicts } from './auth-results';

export { readBounce, explainBounce, describeBounce } from './bounce';
export type { BounceReport, BounceRecipient, BounceExplanation, ReturnedMessage, BounceDescription } from './bounce';
export { BOUNCE_TEXTS_EN } from './bounce.en';
export { BOUNCE_TEXTS_ZH } from './bounce.zh';
export { BOUNCE_IDS, BOUNCE_PATTERNS, BOUNCE_PROVIDERS, GUIDE_SLUGS, BOUNCE_CAUSES, BOUNCE_FIXES } from './bounce-data';
export type { BounceId, BounceProvider, BounceCause, BounceFix, GuideSlug, BouncePattern, BounceText, BounceTexts } from './bounce-data';

export { evaluateDmarc, aligned as dmarcAligned, DMARC_ADVICE, DMARC_ADVICE_GUIDE } from './dmarc';
export type { DmarcAdvice, DmarcDiscovery, DmarcDiscoverFn, DmarcEvaluation, DmarcPolicyFound, DmarcPolicyWord, DmarcSteps, OrgDomainFn, DmarcContext } from './dmarc';

export type { Mailbox } from './address';
export type { MailDate } from './date';
