/**
 * Which resolvers a widget asks, and in what order. Sources, strongest first:
 * a `?resolver=` link parameter (shown plainly by ResolverPicker, with a way to
 * stop using it), a custom endpoint the visitor saved (localStorage
 * `mg.resolver`), then the presets in the order for the page language or the
 * visitor's choice (localStorage `mg.resolverOrder`). Every widget on a page
 * shares these values.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseResolverUrl, resolversFor, type Resolver, type ResolverPreference, type ResolverUrlResult } from '~/core';
import type { Lang } from '~/core';
import {
  CHANGE_EVENT,
  ORDER_STORAGE_KEY,
  preferenceFor,
  readStorage,
  STORAGE_KEY,
  writeStorage,
} from './resolverChoice';
import { useUrlState } from './useUrlState';

export { ORDER_STORAGE_KEY, pageResolvers, STORAGE_KEY } from './resolverChoice';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

function useStored(key: string): string {
  return useSyncExternalStore(
    subscribe,
    () => readStorage(key),
    () => '',
  );
}

/**
 * Whether the page's Content-Security-Policy lets it reach this endpoint. The
 * policy is fixed when the page loads (src/integrations/csp.mjs lists the
 * allowed origins in `meta[data-mg-connect]`), so a newly saved endpoint on
 * another origin needs a reload; without that meta (dev server) anything goes.
 */
function reachableByPolicy(url: string): boolean {
  const allowed = document.querySelector('meta[data-mg-connect]')?.getAttribute('data-mg-connect');
  return allowed == null || allowed.split(' ').includes(new URL(url).origin);
}

export interface ResolverState {
  /** The resolvers to ask, in order (a custom one first). */
  readonly resolvers: readonly Resolver[];
  readonly preference: ResolverPreference;
  readonly setPreference: (preference: ResolverPreference) => void;
  /** The custom endpoint in use and where it came from. */
  readonly custom: { readonly url: string; readonly source: 'link' | 'saved' } | undefined;
  /** The endpoint the visitor saved, even while a link's endpoint takes its place. */
  readonly savedUrl: string | undefined;
  /** A `?resolver=` value that was refused, and why. */
  readonly linkProblem: { readonly value: string; readonly code: 'invalid-url' | 'insecure-url' } | undefined;
  /** Validates and remembers a custom endpoint. */
  readonly saveCustom: (input: string) => ResolverUrlResult;
  readonly forgetCustom: () => void;
  /** Removes `?resolver=` from the address, so the link's endpoint is no longer used or passed on. */
  readonly stopUsingLink: () => void;
  /** True once the page address and storage have been read (client side). */
  readonly ready: boolean;
}

export function useResolvers(lang: Lang): ResolverState {
  const { params, setParams, ready } = useUrlState();
  const storedUrl = useStored(STORAGE_KEY);
  const storedOrder = useStored(ORDER_STORAGE_KEY);

  const preference = preferenceFor(lang, storedOrder);

  const link = params.resolver ? parseResolverUrl(params.resolver) : undefined;
  const saved = storedUrl ? parseResolverUrl(storedUrl) : undefined;
  const savedUrl = saved?.ok ? saved.url : undefined;
  const linkUrl = link?.ok ? link.url : undefined;
  const linkProblemCode = link && !link.ok ? link.code : undefined;
  const linkValue = params.resolver;

  const custom = useMemo<ResolverState['custom']>(
    () => (linkUrl ? { url: linkUrl, source: 'link' } : savedUrl ? { url: savedUrl, source: 'saved' } : undefined),
    [linkUrl, savedUrl],
  );
  const resolvers = useMemo(() => resolversFor(preference, custom?.url), [preference, custom?.url]);
  const linkProblem = useMemo(
    () => (linkProblemCode && linkValue ? { value: linkValue, code: linkProblemCode } : undefined),
    [linkProblemCode, linkValue],
  );

  const setPreference = useCallback((p: ResolverPreference) => writeStorage(ORDER_STORAGE_KEY, p), []);
  const saveCustom = useCallback((input: string): ResolverUrlResult => {
    const result = parseResolverUrl(input);
    if (result.ok) {
      writeStorage(STORAGE_KEY, result.url);
      if (!reachableByPolicy(result.url)) window.location.reload();
    }
    return result;
  }, []);
  const forgetCustom = useCallback(() => writeStorage(STORAGE_KEY, undefined), []);
  const stopUsingLink = useCallback(() => setParams({ resolver: undefined }), [setParams]);

  return {
    resolvers,
    preference,
    setPreference,
    custom,
    savedUrl,
    linkProblem,
    saveCustom,
    forgetCustom,
    stopUsingLink,
    ready,
  };
}
