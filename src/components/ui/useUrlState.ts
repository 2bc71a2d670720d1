/**
 * The tool parameters in the page address (architecture §3): read from
 * location.search, written back with history.replaceState (no new history
 * entry). Every widget on the page sees the same values: writes notify all
 * hooks. The server render sees no parameters; `ready` turns true once the
 * real address has been read, which is when a widget may auto-run.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';

import { CHANGE_EVENT, parseUrlState, writeUrlState, type UrlPatch, type UrlState } from './urlParams';

export { URL_PARAMS, parseUrlState, writeUrlState, type UrlParam, type UrlPatch, type UrlState } from './urlParams';

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
