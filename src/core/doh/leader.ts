/**
 * Which resolver leads: a small state object a DoH client takes and updates
 * (createDohClient's `leader` option), so resolvers are chosen by who answers,
 * not by the page language.
 *
 * - While no resolver leads, a question goes at once to every contender (a
 *   mainland and an overseas resolver, RACE_CONTENDERS in ./resolvers.ts) and
 *   then, hedged, to the others in the order given.
 * - The first resolver to give a usable answer (see RETRYABLE_RCODES in
 *   ./client.ts) comes to lead: every later question goes to it first, then to
 *   the other resolvers of its region, then to the rest (leadWith). The order
 *   given by the caller (the page language) only breaks ties: when the
 *   contender listed first answers within `tieMs` of another's first answer,
 *   it leads.
 * - A leader remembered from an earlier visit (`initial`) starts the state
 *   already decided: no race.
 * - When the leader could not answer a question first (it failed, or it was
 *   slow and the hedged question to another was answered first) and another
 *   resolver did, that one leads from then on: the one that answers first leads.
 * - `onElect` tells the caller each new leader, to remember it.
 *
 * Framework-free: the tie window uses setTimeout, like the client's hedging.
 */
import type { ResolverEndpoint } from './client';

/** Answers this close together are a tie, decided by the order the caller gave (ms). */
export const DEFAULT_TIE_MS = 25;

/** How to ask one question. */
export interface Lineup<R extends ResolverEndpoint = ResolverEndpoint> {
  /** The resolvers, in the order to ask them. */
  readonly order: readonly R[];
  /** How many of the first are asked at once; the rest one by one (on failure, or hedged when slow). */
  readonly atOnce: number;
  /** The leader when this lineup was made; undefined while no resolver leads (a race). */
  readonly leaderId: string | undefined;
}

export interface ResolverLeader {
  /** The resolver that leads, once one does. */
  readonly leaderId: string | undefined;
  /** How to ask the next question of the resolvers `resolvers` (in the caller's order). */
  lineup<R extends ResolverEndpoint>(resolvers: readonly R[]): Lineup<R>;
  /** The question asked with `lineup` got its usable answer from `resolverId`. */
  answered(lineup: Lineup, resolverId: string): void;
  /** Calls `listener` whenever the leader changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface LeaderOptions {
  /** The resolvers (ids) raced while no resolver leads. */
  readonly contenders: readonly string[];
  /** A leader remembered from an earlier visit: the state starts decided. */
  readonly initial?: string | undefined;
  /** Default DEFAULT_TIE_MS; 0 makes the first answer lead at once. */
  readonly tieMs?: number;
  /** Each new leader, to remember it. */
  readonly onElect?: (resolverId: string) => void;
}

/**
 * `resolvers` led by `leaderId`: it first, then the others of its region, then
 * the rest, each group in the given order. A resolver without a region forms
 * its own group. Unchanged when `leaderId` is not among them.
 */
export function leadWith<R extends ResolverEndpoint>(resolvers: readonly R[], leaderId: string): R[] {
  const leader = resolvers.find((r) => r.id === leaderId);
  if (!leader) return [...resolvers];
  const others = resolvers.filter((r) => r !== leader);
  const sameRegion = (r: R): boolean => leader.region !== undefined && r.region === leader.region;
  return [leader, ...others.filter(sameRegion), ...others.filter((r) => !sameRegion(r))];
}

export function createLeader(options: LeaderOptions): ResolverLeader {
  const { contenders, tieMs = DEFAULT_TIE_MS, onElect } = options;
  const listeners = new Set<() => void>();
  let leaderId: string | undefined = options.initial;
  /** A resolver that answered first, waiting out the tie window. */
  let pending: { readonly id: string; readonly timer: ReturnType<typeof setTimeout> } | undefined;

  const elect = (id: string): void => {
    if (pending) clearTimeout(pending.timer);
    pending = undefined;
    if (leaderId === id) return;
    leaderId = id;
    onElect?.(id);
    for (const listener of [...listeners]) listener();
  };

  return {
    get leaderId() {
      return leaderId;
    },

    lineup<R extends ResolverEndpoint>(resolvers: readonly R[]): Lineup<R> {
      if (leaderId !== undefined && resolvers.some((r) => r.id === leaderId)) {
        return { order: leadWith(resolvers, leaderId), atOnce: 1, leaderId };
      }
      const racing = resolvers.filter((r) => contenders.includes(r.id));
      const rest = resolvers.filter((r) => !contenders.includes(r.id));
      return { order: [...racing, ...rest], atOnce: Math.max(1, racing.length), leaderId: undefined };
    },

    answered(lineup: Lineup, resolverId: string): void {
      if (leaderId !== undefined) {
        // Only a question asked of the present leader first can show that it could not answer;
        // late answers to earlier questions change nothing.
        if (lineup.leaderId === leaderId && resolverId !== leaderId) elect(resolverId);
        return;
      }
      if (lineup.leaderId !== undefined) return;
      // The race: the contender the caller listed first wins a tie.
      const preferred = lineup.order[0]?.id;
      if (resolverId === preferred || tieMs <= 0) {
        elect(resolverId);
      } else if (!pending) {
        const id = resolverId;
        pending = { id, timer: setTimeout(() => elect(id), tieMs) };
      }
    },

    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
