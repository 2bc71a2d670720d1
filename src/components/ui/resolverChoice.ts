/**
 * Which resolvers a page asks, without React: the stored custom endpoint and
 * preset order (localStorage, with an in-memory fallback) and the pure choice
 * between them and a `?resolver=` link parameter. useResolvers.ts wraps this
 * for the widgets; Checker/early.ts uses it before React has loaded.
 */
import { parseResolverUrl, resolversFor, type Resolver, type ResolverPreference } from '~/core';
import type { Lang } from '~/core';
import { parseUrlState } from './urlParams';

export const STORAGE_KEY = 'mg.resolver';
export const ORDER_STORAGE_KEY = 'mg.resolverOrder';
export const CHANGE_EVENT = 'mg:resolverchange';

// When storage is unavailable the last written values live here for this page view.
const memory = new Map<string, string>();

export function readStorage(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? '';
  } catch {
    return memory.get(key) ?? ''; // storage disabled (privacy mode, sandboxed frame)
  }
}

export function writeStorage(key: string, value: string | undefined): void {
  memory.set(key, value ?? '');
  try {
    if (value) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  } catch {
    // Not remembered; the choice still applies to this page view through the event below.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** The preset order: the visitor's saved choice, else China resolvers first on Chinese pages. */
export function preferenceFor(lang: Lang, storedOrder: string): ResolverPreference {
  return storedOrder === 'cn' || storedOrder === 'global' ? storedOrder : lang === 'zh' ? 'cn' : 'global';
}

/** The custom endpoint in force: a valid `?resolver=` first, else the saved one. */
export function customUrlFor(resolverParam: string | undefined, storedUrl: string): string | undefined {
  const link = resolverParam ? parseResolverUrl(resolverParam) : undefined;
  if (link?.ok) return link.url;
  const saved = storedUrl ? parseResolverUrl(storedUrl) : undefined;
  return saved?.ok ? saved.url : undefined;
}

/**
 * The resolvers this page asks, read straight from the address and storage —
 * the same list useResolvers settles on — for work that starts before React
 * has hydrated (see Checker/useChecker.ts). Client side only.
 */
export function pageResolvers(lang: Lang): Resolver[] {
  const params = parseUrlState(window.location.search);
  return resolversFor(
    preferenceFor(lang, readStorage(ORDER_STORAGE_KEY)),
    customUrlFor(params.resolver, readStorage(STORAGE_KEY)),
  );
}
