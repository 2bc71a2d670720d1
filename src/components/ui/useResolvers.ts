/**
 * Which resolvers a widget asks, and in what order. Sources, strongest first:
 * a `?resolver=` link parameter (shown plainly by ResolverPicker, with a way to
 * stop using it), a custom endpoint the visitor saved (localStorage
 * `mg.resolver`), then the preset order the visitor chose (localStorage
 * `mg.resolverOrder`), else automatic: the page's leader (resolverChoice.ts)
 * races a mainland and an overseas resolver and keeps the first to answer.
 * Every widget on a page shares these values and the one leader.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseResolverUrl, resolversFor, type Resolver, type ResolverLeader, type ResolverUrlResult } from '~/core';
import type { Lang } from '~/core';
import {
  CHANGE_EVENT,
  choiceFor,
  ORDER_STORAGE_KEY,
  pageLeader,
  preferenceFor,
  readStorage,
  restartRace,
  STORAGE_KEY,
  writeStorage,
  type ResolverChoice,
} from './resolverChoice';
import { useUrlState } from './useUrlState';

export { ORDER_STORAGE_KEY, pageResolvers, STORAGE_KEY } from './resolverChoice';
export type { ResolverChoice } from './resolverChoice';

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

const noLeader = (): undefined => undefined;
const noChange = (): (() => void) => () => undefined;

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
  /** The resolvers to ask (a custom one first); when automatic, the leader orders them per question. */
  readonly resolvers: readonly Resolver[];
  /** Orders the resolvers by who answers first: present only when automatic (no custom endpoint, no chosen order). */
  readonly leader: ResolverLeader | undefined;
  /** How the next question is asked: in this order, the first `atOnce` of them at the same time. */
  readonly lineup: { readonly order: readonly Resolver[]; readonly atOnce: number };
  /** The order the visitor chose in the picker, or automatic. */
  readonly choice: ResolverChoice;
  /** Choosing automatic again forgets the remembered resolver: the next question races again. */
  readonly setChoice: (choice: ResolverChoice) => void;
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

  const choice = choiceFor(storedOrder);
  const preference = preferenceFor(lang, storedOrder);
  const pageLead = useSyncExternalStore(subscribe, pageLeader, noLeader);

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
  const leader = custom === undefined && choice === 'auto' ? pageLead : undefined;
  // Re-rendered when the leader changes (leaderId), to show who is asked first.
  useSyncExternalStore(leader?.subscribe ?? noChange, () => leader?.leaderId, noLeader);
  const lineup = leader ? leader.lineup(resolvers) : { order: resolvers, atOnce: 1 };
  const linkProblem = useMemo(
    () => (linkProblemCode && linkValue ? { value: linkValue, code: linkProblemCode } : undefined),
    [linkProblemCode, linkValue],
  );

  const setChoice = useCallback((c: ResolverChoice) => {
    if (c === 'auto') restartRace();
    writeStorage(ORDER_STORAGE_KEY, c === 'auto' ? undefined : c);
  }, []);
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
    leader,
    lineup,
    choice,
    setChoice,
    custom,
    savedUrl,
    linkProblem,
    saveCustom,
    forgetCustom,
    stopUsingLink,
    // Automatic needs the page's leader, which exists only in the browser.
    ready: ready && (custom !== undefined || choice !== 'auto' || pageLead !== undefined),
  };
}
