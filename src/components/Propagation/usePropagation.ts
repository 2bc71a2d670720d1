// State of the Propagation widget: the form, one run at a time, and each
// resolver's outcome. Every resolver is asked on its own (queryResolver, no
// fallback) and at the same time; the comparison is ~/core's compareResponses.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  compareResponses,
  isDohError,
  DohError,
  queryResolver,
  toQueryName,
  type Comparison,
  type DnsResponse,
  type Resolver,
  type RRType,
} from '~/core';
import type { UrlStateHook } from '../ui/useUrlState';
import { parseType } from '../ui/NameTypeFields';

export const PROPAGATION_TIMEOUT_MS = 5000;

export type Outcome =
  | { readonly kind: 'pending' }
  | { readonly kind: 'answer'; readonly response: DnsResponse }
  | { readonly kind: 'failed'; readonly error: DohError };

export interface PropagationRun {
  readonly name: string;
  readonly type: RRType;
  readonly resolvers: readonly Resolver[];
  readonly outcomes: ReadonlyMap<string, Outcome>;
  readonly done: boolean;
}

interface Options {
  readonly resolvers: readonly Resolver[];
  readonly url: UrlStateHook;
  readonly defaultType: RRType;
  /**
   * Set when the page author fixed the type or `sub` (a widget embedded in a
   * guide page): then ?type= (and with `sub`, ?name=) do not override it, and
   * the widget does not write name/type into the address, which other widgets
   * on the page read.
   */
  readonly embedded: boolean;
  readonly sub: string | undefined;
  /** Resolver list is final (page address and storage read). */
  readonly ready: boolean;
}

export function usePropagation({ resolvers, url, defaultType, embedded, sub, ready }: Options) {
  const [name, setName] = useState('');
  const [type, setType] = useState<RRType>(defaultType);
  const [inputError, setInputError] = useState<'empty' | 'invalid-name' | undefined>(undefined);
  const [run, setRun] = useState<PropagationRun | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  /** The name implied by ?domain= and the `sub` prop, if any. */
  const derivedName = useCallback(
    (domain: string | undefined) => (domain ? (sub ? `${sub}.${domain}` : domain) : undefined),
    [sub],
  );

  const start = useCallback(
    (nameInput: string, typeInput: RRType, fromUser: boolean) => {
      const parsed = toQueryName(nameInput);
      if (!parsed.ok) {
        setInputError(parsed.code);
        return;
      }
      setInputError(undefined);
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      const asked = [...resolvers];
      const qname = parsed.name;
      setRun({
        name: qname,
        type: typeInput,
        resolvers: asked,
        outcomes: new Map(asked.map((r) => [r.id, { kind: 'pending' }])),
        done: false,
      });
      if (fromUser && !embedded) {
        // Keep the address shareable, without touching parameters the page set up itself.
        const implied = derivedName(url.params.domain);
        const impliedName = implied ? toQueryName(implied) : undefined;
        const sameAsImplied = impliedName?.ok === true && impliedName.name === qname;
        url.setParams({
          name: sameAsImplied ? undefined : qname,
          type: typeInput === defaultType ? undefined : typeInput,
        });
      }
      const fetchFn = globalThis.fetch.bind(globalThis);
      const settle = (id: string, outcome: Outcome) => {
        if (ac.signal.aborted && !(outcome.kind === 'failed' && outcome.error.code === 'aborted')) return;
        setRun((prev) => {
          if (!prev || controller.current !== ac) return prev;
          const outcomes = new Map(prev.outcomes);
          outcomes.set(id, outcome);
          const done = [...outcomes.values()].every((o) => o.kind !== 'pending');
          return { ...prev, outcomes, done };
        });
      };
      for (const resolver of asked) {
        queryResolver(resolver, qname, typeInput, {
          fetch: fetchFn,
          timeoutMs: PROPAGATION_TIMEOUT_MS,
          signal: ac.signal,
        }).then(
          (response) => settle(resolver.id, { kind: 'answer', response }),
          (err: unknown) =>
            settle(resolver.id, {
              kind: 'failed',
              error: isDohError(err) ? err : new DohError('network', String(err), { resolverId: resolver.id }),
            }),
        );
      }
    },
    [resolvers, url, derivedName, defaultType, embedded],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  // Opened with ?name= or ?domain=: fill the form and run at once.
  const autoRan = useRef(false);
  useEffect(() => {
    if (!ready || autoRan.current) return;
    autoRan.current = true;
    const initialName = (sub ? undefined : url.params.name) ?? derivedName(url.params.domain);
    const initialType = (embedded ? undefined : parseType(url.params.type)) ?? defaultType;
    setType(initialType);
    if (initialName) {
      setName(initialName);
      start(initialName, initialType, false);
    }
  }, [ready, url.params, derivedName, defaultType, start, embedded, sub]);

  const comparison: Comparison | undefined = useMemo(() => {
    if (!run?.done) return undefined;
    return compareResponses(
      run.resolvers.map((r) => {
        const o = run.outcomes.get(r.id);
        return { id: r.id, response: o?.kind === 'answer' ? o.response : undefined };
      }),
    );
  }, [run]);

  return { name, setName, type, setType, inputError, run, comparison, start, stop, running: !!run && !run.done };
}
