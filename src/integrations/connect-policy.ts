/**
 * The early script of every built page: it narrows `connect-src` to the preset
 * resolvers and the resolver the visitor chose, and preconnects to the
 * resolvers a check link asks first (both raced resolvers on a first visit;
 * the remembered one, the chosen order's first or the custom one otherwise). This is browser code that the site does not import:
 * the post-build CSP step (csp.mjs) bundles `addConnectPolicy` with esbuild
 * into an inline `<script>` right after each page's static policy, so it runs
 * before anything else on the page. Its rules are the widgets' own, imported
 * from where they are defined: `parseResolverUrl` (src/core/doh/resolvers.ts),
 * the `?resolver=` parameter, the storage keys, the saved endpoint, the chosen
 * order and the remembered leader (firstAsked in src/components/ui/resolverChoice.ts,
 * which follows core's createLeader). The preset origins are passed in as data
 * by csp.mjs, which reads them from the same presets, so the script does not
 * carry the resolvers' display names.
 */
import { parseResolverUrl, type PresetResolverId } from '~/core/doh/resolvers';
import { toLang } from '~/core/lang';
import { firstAsked, readStorage, readStoredResolvers, STORAGE_KEY } from '~/components/ui/resolverChoice';
import { parseUrlState } from '~/components/ui/urlParams';

/** The preset resolvers, as the script needs them. */
export interface ConnectPresets {
  /** Origins of every preset, always allowed. */
  readonly origins: readonly string[];
  /** The origin of each preset. */
  readonly originOf: Readonly<Record<PresetResolverId, string>>;
}

/**
 * A CSP host-source names a host by letters, digits, dots and hyphens, with an
 * optional port: an IPv6 literal cannot be written as one.
 */
const CSP_NAMEABLE_HOST = /^[a-z0-9.-]+(:\d+)?$/;

/**
 * The origin to allow for a resolver URL: only one the widgets accept
 * (parseResolverUrl) and a CSP source can name; otherwise undefined.
 */
export function connectOrigin(value: string): string | undefined {
  const parsed = parseResolverUrl(value);
  if (!parsed.ok) return undefined;
  const url = new URL(parsed.url);
  return CSP_NAMEABLE_HOST.test(url.host) ? url.origin : undefined;
}

/**
 * The origins a page may reach besides its own: the presets, then the link's
 * `?resolver=` and the saved endpoint when they qualify, each listed once.
 */
export function connectOrigins(presets: readonly string[], search: string, savedUrl: string): string[] {
  const origins = [...presets];
  for (const value of [parseUrlState(search).resolver, savedUrl]) {
    const origin = value ? connectOrigin(value) : undefined;
    if (origin !== undefined && !origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/**
 * The origins of the resolvers the widgets' first question goes to at once
 * (firstAsked, as the page's leader lines them up): the custom endpoint in
 * force; else the first of a chosen order; else the remembered resolver; else
 * the two raced resolvers.
 */
export function firstOrigins(presets: ConnectPresets, search: string): string[] {
  const first = firstAsked(toLang(document.documentElement.lang), parseUrlState(search).resolver, readStoredResolvers());
  return 'custom' in first ? [new URL(first.custom).origin] : first.presets.map((id) => presets.originOf[id]);
}

/**
 * Adds the narrowing policy to <head> (both policies apply, so the page can
 * reach only these origins; `data-mg-connect` keeps the list for the resolver
 * picker, which needs a reload to reach a newly saved endpoint). A link that
 * runs a check (`?domain=` or `?name=`) also preconnects to the resolvers asked
 * first, so the TLS set-up overlaps the page load.
 */
export function addConnectPolicy(presets: ConnectPresets): void {
  const search = window.location.search;
  const saved = readStorage(STORAGE_KEY);
  const origins = connectOrigins(presets.origins, search, saved);
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src 'self' ${origins.join(' ')}`;
  meta.setAttribute('data-mg-connect', origins.join(' '));
  document.head.appendChild(meta);

  const params = parseUrlState(search);
  if (params.domain === undefined && params.name === undefined) return;
  for (const origin of firstOrigins(presets, search)) {
    const link = document.createElement('link');
    link.rel = 'preconnect';
    link.href = origin;
    link.crossOrigin = 'anonymous';
    document.head.appendChild(link);
  }
}
