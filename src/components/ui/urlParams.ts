/**
 * The tool parameters in the page address (architecture §3), without React:
 * read from location.search, written back with history.replaceState (no new
 * history entry), with an event so every widget on the page sees a change.
 */
// `dmarc` (p), `sp`, `np`, `t` (y: testing) and `rua` are the checker's DMARC choices; `ip`, `sender`, `helo` the SPF tool's test.
export const URL_PARAMS = ['domain', 'provider', 'resolver', 'name', 'type', 'host', 'dmarc', 'sp', 'np', 't', 'rua', 'spf', 'ip', 'sender', 'helo'] as const;
export type UrlParam = (typeof URL_PARAMS)[number];
export type UrlState = Partial<Record<UrlParam, string>>;
export type UrlPatch = Partial<Record<UrlParam, string | undefined>>;

export const CHANGE_EVENT = 'mg:urlchange';

/** The known parameters from a query string; empty values count as absent. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const state: UrlState = {};
  for (const key of URL_PARAMS) {
    const value = params.get(key)?.trim();
    if (value) state[key] = value;
  }
  return state;
}

/** Sets or removes parameters in the address bar without adding a history entry. */
export function writeUrlState(patch: UrlPatch): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(patch)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  if (url.href === window.location.href) return;
  window.history.replaceState(window.history.state, '', url);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}
