/**
 * SPF evaluation (RFC 7208 check_host()): the public surface. Everything else
 * in this folder is internal.
 */
export { evaluateSpf, PREFETCH_BUDGET } from './evaluate';
export { SPF_DNS_TERM_LIMIT, SPF_NAMES_PER_LOOKUP, SPF_VOID_LOOKUP_LIMIT } from './limits';
export {
  SPF_LOOKUP_OUTCOMES,
  SPF_LOOKUP_PURPOSES,
  SPF_PROBLEM_CODES,
  SPF_RESULTS,
  SPF_TERM_OUTCOMES,
} from './types';
export type {
  EvaluateSpfArgs,
  SpfEvaluation,
  SpfLookup,
  SpfLookupOutcome,
  SpfLookupPurpose,
  SpfProblem,
  SpfProblemCode,
  SpfResult,
  SpfTermOutcome,
  SpfTrail,
  SpfTrailRecord,
  SpfTrailTerm,
} from './types';
export { MACRO_ERROR_CODES, type MacroErrorCode } from './macro';
export { spfDecidingPath, type SpfTrailStep } from './trail';
export { parseClientAddress, type ClientAddress } from './address';
