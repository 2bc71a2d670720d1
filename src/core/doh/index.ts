/**
 * The DoH client's public surface. Everything else in this folder is internal.
 */
export * from './types';
export { DohError, isDohError } from './errors';
export type { DohErrorJson, DohErrorOptions } from './errors';
export {
  PRESET_RESOLVERS,
  RESOLVER_IDS,
  CN_FIRST,
  GLOBAL_FIRST,
  RACE_CONTENDERS,
  customResolver,
  isPresetResolverId,
  languagePreference,
  parseResolverUrl,
  resolverOrder,
  resolversFor,
} from './resolvers';
export type {
  PresetResolverId,
  Resolver,
  ResolverId,
  ResolverPreference,
  ResolverRegion,
  ResolverUrlResult,
} from './resolvers';
export {
  DEFAULT_HEDGE_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
  RETRYABLE_RCODES,
  createDohClient,
  queryResolver,
  queryUrl,
} from './client';
export type {
  DohClient,
  DohClientOptions,
  FetchLike,
  FetchResponseLike,
  QueryResolverOptions,
  ResolverEndpoint,
} from './client';
export { DEFAULT_TIE_MS, createLeader, leadWith } from './leader';
export type { LeaderOptions, Lineup, ResolverLeader } from './leader';
export { canonicalName, decodeMessage, encodeQuery, rcodeName, rrTypeName, toBase64Url } from './codec';
export type { DecodedMessage, QueryOptions } from './codec';
export { formatFlags, formatRdata, formatRecord, formatResponse, fqdn, quoteString } from './format';
export { answerKey, cacheSeconds, compareResponses } from './compare';
export type { AnswerGroup, Comparison, ResolverOutcome, ResolverStatus } from './compare';
export { reverseName } from './ip';
export { newRun } from './run';
export { toPtrName, toQueryName } from './names';
export type { QueryNameResult } from './names';
