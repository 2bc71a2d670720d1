/**
 * The checker's start before React: on a page opened with ?domain= (a support
 * link), the first wave of the check's DNS questions (core's planCheck) goes
 * out as soon as this small module runs — Checker.astro loads it with a plain
 * <script>, so it does not wait for React to download and hydrate. It never
 * runs the check itself: the widget's first check takes this run (`takeEarly`)
 * and finds the answers on their way. No React in here.
 */
import {
  createDohClient,
  getProviderOrDefault,
  planCheck,
  RECORD_IDS,
  toLang,
  type QueryFn,
  type RecordId,
  type Resolver,
  type ResolverLeader,
} from '~/core';
import { requestMessages } from '../ui/messages';
import { pageResolvers } from '../ui/resolverChoice';
import { parseUrlState } from '../ui/urlParams';
import { domainOf, expectedFor, formFrom } from './form';

/**
 * The check code (~/core/check): loaded when a check runs, not with the page —
 * at once on a support link (the early start below), else at the first click.
 */
export const loadChecks = (): Promise<typeof import('~/core/check/index')> => import('~/core/check/index');

/** Where Checker.astro lists the rows each checker on the page shows. */
export const RECORDS_ATTRIBUTE = 'data-mg-checker-records';

/** Identifies what a check asks: the same resolvers (ordered alike), domain and provider ask the same questions. */
export function runKey(
  resolvers: readonly Resolver[],
  leader: ResolverLeader | undefined,
  ascii: string,
  providerId: string,
): string {
  return [resolvers.map((r) => r.url).join(' '), leader ? 'led' : 'in order', ascii, providerId].join('|');
}

/** The rows the page's checkers show (every row when the page does not say). */
function rowsShown(): RecordId[] {
  const shown = new Set<string>();
  for (const el of document.querySelectorAll<HTMLElement>(`[${RECORDS_ATTRIBUTE}]`)) {
    for (const id of (el.getAttribute(RECORDS_ATTRIBUTE) ?? '').split(' ')) shown.add(id);
  }
  return RECORD_IDS.filter((id) => shown.size === 0 || shown.has(id));
}

let early: { key: string; query: QueryFn } | undefined;

function startEarly(): void {
  const lang = toLang(document.documentElement.lang);
  const form = formFrom(parseUrlState(window.location.search));
  const domain = domainOf(form);
  if (!domain?.ok) return;
  // The check runs at once and will have findings to word: fetch its code and the page language's
  // messages alongside the DNS questions.
  loadChecks().catch(() => undefined);
  requestMessages(lang).catch(() => undefined);
  const provider = getProviderOrDefault(form.provider);
  // When automatic, the page's leader: a first visit's first questions race a mainland and an overseas resolver.
  const { resolvers, leader } = pageResolvers(lang);
  const query = createDohClient({ fetch: globalThis.fetch.bind(globalThis), resolvers, leader }).newRun();
  early = { key: runKey(resolvers, leader, domain.ascii, provider.id), query };
  const expected = expectedFor(form, domain.ascii, provider, rowsShown());
  for (const q of [...planCheck(expected, domain.ascii), { name: domain.ascii, type: 'NS' as const }]) {
    query(q.name, q.type).catch(() => undefined);
  }
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') startEarly();

/** The early run, once, if it asked what this check is about to ask. */
export function takeEarly(key: string): QueryFn | undefined {
  const found = early?.key === key ? early.query : undefined;
  early = undefined;
  return found;
}
