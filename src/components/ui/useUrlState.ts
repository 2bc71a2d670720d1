/**
 * The tool parameters in the page address (architecture §3): read from
 * location.search, written back with history.replaceState (no new history
 * entry). Every widget on the page sees the same values: writes notify all
 * hooks. The server render sees no parameters; `ready` turns true once the
 * real address has been read, which is when a widget may auto-run.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';

export const URL_PARAMS = ['domain', 'provider', 'resolver', 'name', 'type', 'host', 'dmarc', 'rua', 'spf'] as const;
export type UrlParam = (typeof URL_PARAMS)[number];
export type UrlState = Partial<Record<UrlParam, string>>;
export type UrlPatch = Partial<Record<UrlParam, string | undefined>>;

const CHANGE_EVENT = 'mg:urlchange';

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

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const clientSearch = (): string => window.location.search;
const serverSearch = (): string => '';

export interface UrlStateHook {
  readonly params: UrlState;
  readonly setParams: (patch: UrlPatch) => void;
  /** True after the first client render: `params` are the page's real parameters. */
  readonly ready: boolean;
}

export function useUrlState(): UrlStateHook {
  const search = useSyncExternalStore(subscribe, clientSearch, serverSearch);
  const params = useMemo(() => parseUrlState(search), [search]);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const setParams = useCallback((patch: UrlPatch) => writeUrlState(patch), []);
  return { params, setParams, ready };
}
