// The checker's start before React: the form as read from the page address,
// and — on a page opened with ?domain= (a support link) — the DNS questions of
// the first check, asked as soon as this small module runs (Checker.astro loads
// it with a plain <script>, so it does not wait for React to download and
// hydrate). The widget's first check then reuses this run: each question is
// asked once, and its answers are already on the way. No React in here.
import {
  buildExpectedRecords,
  checkDomain,
  createDohClient,
  DEFAULT_HOST_ID,
  DMARC_POLICIES,
  getProviderOrDefault,
  isHostId,
  normaliseDomain,
  type DmarcPolicy,
  type HostId,
  type QueryFn,
  type Resolver,
} from '~/core';
import { pageResolvers } from '../ui/resolverChoice';
import { parseUrlState, type UrlState } from '../ui/urlParams';

export interface CheckerForm {
  domain: string;
  provider: string;
  host: HostId;
  dkimKey: string;
  dmarcPolicy: DmarcPolicy;
  dmarcRua: string;
  extraSpf: string;
}

export const DEFAULT_POLICY: DmarcPolicy = 'quarantine';

/** The form as given by the page address. */
export function formFrom(params: UrlState): CheckerForm {
  const policy = params.dmarc ?? '';
  return {
    domain: params.domain ?? '',
    provider: getProviderOrDefault(params.provider).id,
    host: isHostId(params.host) ? params.host : DEFAULT_HOST_ID,
    dkimKey: '',
    dmarcPolicy: (DMARC_POLICIES as readonly string[]).includes(policy) ? (policy as DmarcPolicy) : DEFAULT_POLICY,
    dmarcRua: params.rua ?? '',
    extraSpf: params.spf ?? '',
  };
}

/** Identifies what a check asks: the same resolvers, domain and provider ask the same questions. */
export function runKey(resolvers: readonly Resolver[], ascii: string, providerId: string): string {
  return [resolvers.map((r) => r.url).join(' '), ascii, providerId].join('|');
}

let early: { key: string; query: QueryFn } | undefined;

/** Asks the first check's questions now; only the rows the page's checkers show (data-mg-checker-records). */
function startEarly(): void {
  const form = formFrom(parseUrlState(window.location.search));
  const domain = form.domain ? normaliseDomain(form.domain) : undefined;
  if (!domain?.ok) return;
  const shown = new Set<string>();
  for (const el of document.querySelectorAll<HTMLElement>('[data-mg-checker-records]')) {
    for (const id of (el.dataset['mgCheckerRecords'] ?? '').split(' ')) shown.add(id);
  }
  const provider = getProviderOrDefault(form.provider);
  const resolvers = pageResolvers(document.documentElement.lang.startsWith('en') ? 'en' : 'zh');
  const query = createDohClient({ fetch: globalThis.fetch.bind(globalThis), resolvers }).newRun();
  const expected = buildExpectedRecords({ domain: domain.ascii, provider, dmarc: { policy: form.dmarcPolicy } }).filter(
    (r) => shown.size === 0 || shown.has(r.id),
  );
  early = { key: runKey(resolvers, domain.ascii, provider.id), query };
  void checkDomain({ domain: domain.ascii, expected, provider, query });
  void query(domain.ascii, 'NS').catch(() => undefined);
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') startEarly();

/** The early run, once, if it asked what this check is about to ask. */
export function takeEarly(key: string): QueryFn | undefined {
  const found = early?.key === key ? early.query : undefined;
  early = undefined;
  return found;
}
