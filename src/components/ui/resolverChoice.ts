/**
 * Which resolvers a page asks, without React. Sources, strongest first: a
 * `?resolver=` link parameter, a custom endpoint the visitor saved
 * (localStorage `mg.resolver`) — asked first, no race — then the preset order
 * the visitor chose in the picker (`mg.resolverOrder`), and otherwise
 * "automatic": the page's leader (core createLeader) races a mainland and an
 * overseas resolver on a first visit and remembers the first to answer
 * (`mg.resolverLeader`) for the next. This module only reads and writes those
 * remembered values and holds the page's one leader; who answers is decided
 * in ~/core. useResolvers.ts wraps it for the widgets; Checker/prefetch.ts and
 * the early script (src/integrations/connect-policy.ts) use it before React
 * has loaded.
 */
import {
  createLeader,
  isPresetResolverId,
  languagePreference,
  parseResolverUrl,
  RACE_CONTENDERS,
  resolversFor,
  CN_FIRST,
  GLOBAL_FIRST,
  type PresetResolverId,
  type Resolver,
  type ResolverLeader,
  type ResolverPreference,
} from '~/core';
import type { Lang } from '~/core';
import { parseUrlState } from './urlParams';

export const STORAGE_KEY = 'mg.resolver';
export const ORDER_STORAGE_KEY = 'mg.resolverOrder';
/** The preset that answered first on an earlier visit (written by the page's leader). */
export const LEADER_STORAGE_KEY = 'mg.resolverLeader';
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

/** Stores a value without telling the widgets (see writeStorage). */
function store(key: string, value: string | undefined): void {
  memory.set(key, value ?? '');
  try {
    if (value) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  } catch {
    // Not remembered; the choice still applies to this page view.
  }
}

export function writeStorage(key: string, value: string | undefined): void {
  store(key, value);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** How the presets are ordered: the visitor's choice in the picker, or automatic (by who answers first). */
export type ResolverChoice = 'auto' | ResolverPreference;

export function choiceFor(storedOrder: string): ResolverChoice {
  return storedOrder === 'cn' || storedOrder === 'global' ? storedOrder : 'auto';
}

/** The preset order: the visitor's choice, else the page language's (which, when automatic, only breaks ties). */
export function preferenceFor(lang: Lang, storedOrder: string): ResolverPreference {
  const choice = choiceFor(storedOrder);
  return choice === 'auto' ? languagePreference(lang) : choice;
}

/** The remembered first-to-answer preset, if the stored value is one. */
export function rememberedLeader(stored: string): PresetResolverId | undefined {
  return isPresetResolverId(stored) ? stored : undefined;
}

/** The custom endpoint in force: a valid `?resolver=` first, else the saved one. */
export function customUrlFor(resolverParam: string | undefined, storedUrl: string): string | undefined {
  const link = resolverParam ? parseResolverUrl(resolverParam) : undefined;
  if (link?.ok) return link.url;
  const saved = storedUrl ? parseResolverUrl(storedUrl) : undefined;
  return saved?.ok ? saved.url : undefined;
}

/** What the page stored: the saved endpoint, the chosen order, the remembered leader. */
export interface StoredResolvers {
  readonly url: string;
  readonly order: string;
  readonly leader: string;
}

export function readStoredResolvers(): StoredResolvers {
  return { url: readStorage(STORAGE_KEY), order: readStorage(ORDER_STORAGE_KEY), leader: readStorage(LEADER_STORAGE_KEY) };
}

/**
 * Whom the page's first question goes to, by preset id or custom URL — what
 * the client will do (with pageLeader's lineup), in the few ids the early
 * script can carry: a custom endpoint; else the first of a chosen order; else
 * the remembered leader; else both contenders of the race, the page
 * language's first.
 */
export function firstAsked(
  lang: Lang,
  resolverParam: string | undefined,
  stored: StoredResolvers,
): { readonly custom: string } | { readonly presets: readonly PresetResolverId[] } {
  const custom = customUrlFor(resolverParam, stored.url);
  if (custom !== undefined) return { custom };
  const choice = choiceFor(stored.order);
  const order = (choice === 'auto' ? languagePreference(lang) : choice) === 'cn' ? CN_FIRST : GLOBAL_FIRST;
  if (choice !== 'auto') return { presets: order.slice(0, 1) };
  const remembered = rememberedLeader(stored.leader);
  if (remembered !== undefined) return { presets: [remembered] };
  return { presets: order.filter((id) => RACE_CONTENDERS.includes(id)) };
}

// The page's one leader, shared by every client on the page (the checker's
// early questions, the widgets' runs), so a race is run once per page view.
let leader: ResolverLeader | undefined;

/** The page's leader, made on first use from the remembered one; it remembers each new leader. */
export function pageLeader(): ResolverLeader {
  leader ??= createLeader({
    contenders: RACE_CONTENDERS,
    initial: rememberedLeader(readStorage(LEADER_STORAGE_KEY)),
    onElect: (id) => store(LEADER_STORAGE_KEY, id),
  });
  return leader;
}

/** Forgets the remembered leader: the page's next question races again. */
export function restartRace(): void {
  store(LEADER_STORAGE_KEY, undefined);
  leader = undefined;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/**
 * The resolvers this page asks and the leader that orders them (only when
 * automatic: no custom endpoint and no chosen order), read straight from the
 * address and storage — what useResolvers settles on — for work that starts
 * before React has hydrated (see Checker/prefetch.ts). Client side only.
 */
export function pageResolvers(lang: Lang): { resolvers: Resolver[]; leader: ResolverLeader | undefined } {
  const params = parseUrlState(window.location.search);
  const stored = readStoredResolvers();
  const custom = customUrlFor(params.resolver, stored.url);
  const resolvers = resolversFor(preferenceFor(lang, stored.order), custom);
  const auto = custom === undefined && choiceFor(stored.order) === 'auto';
  return { resolvers, leader: auto ? pageLeader() : undefined };
}
