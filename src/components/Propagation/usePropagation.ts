// State of the Propagation widget: the form, one run at a time (useToolRun),
// and each resolver's outcome. Every resolver is asked on its own
// (queryResolver, no fallback) and at the same time; the comparison is
// ~/core's compareResponses.
import { useMemo, useState } from 'react';
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
import { parseType } from '../ui/NameTypeFields';
import { useToolRun } from '../ui/useToolRun';

export const PROPAGATION_TIMEOUT_MS = 5000;

export type Outcome =
  | { readonly kind: 'pending' }
  | { readonly kind: 'answer'; readonly response: DnsResponse }
  | { readonly kind: 'failed'; readonly error: DohError };

export interface PropagationRun {
  /** Identifies the run: answers of a superseded run are dropped. */
  readonly token: object;
  readonly name: string;
  readonly type: RRType;
  readonly resolvers: readonly Resolver[];
  readonly outcomes: ReadonlyMap<string, Outcome>;
  readonly done: boolean;
  /** When the last resolver settled (ms since epoch), for the copied report. */
  readonly at?: number;
}

interface Options {
  readonly resolvers: readonly Resolver[];
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

/** One comparison: the question, and the resolvers it goes to (each asked on its own, at once). */
interface Question {
  readonly qname: string;
  readonly type: RRType;
}

export function usePropagation({ resolvers, defaultType, embedded, sub, ready }: Options) {
  const [name, setName] = useState('');
  const [type, setType] = useState<RRType>(defaultType);
  const [inputError, setInputError] = useState<'empty' | 'invalid-name' | undefined>(undefined);
  const [run, setRun] = useState<PropagationRun | undefined>(undefined);

  /** The name implied by ?domain= and the `sub` prop, if any. */
  const derivedName = (domain: string | undefined): string | undefined =>
    domain ? (sub ? `${sub}.${domain}` : domain) : undefined;

  /** Checks the input; undefined when it cannot be asked. */
  const prepare = (nameInput: string, typeInput: RRType): Question | undefined => {
    const parsed = toQueryName(nameInput);
    if (!parsed.ok) {
      setInputError(parsed.code);
      return undefined;
    }
    setInputError(undefined);
    return { qname: parsed.name, type: typeInput };
  };

  const tool = useToolRun<Question>({
    resolvers,
    resolversReady: ready,
    // Opened with ?name= or ?domain=: fill the form and run at once.
    fromUrl: (params) => {
      const initialName = (sub ? undefined : params.name) ?? derivedName(params.domain);
      // A type the address names is set; otherwise the one chosen stays.
      const givenType = embedded ? undefined : parseType(params.type);
      if (givenType) setType(givenType);
      if (!initialName) return undefined;
      setName(initialName);
      return prepare(initialName, givenType ?? type);
    },
    task: async ({ qname, type: qtype }, { signal, fetch }) => {
      const asked = [...resolvers];
      const token = {};
      setRun({
        token,
        name: qname,
        type: qtype,
        resolvers: asked,
        outcomes: new Map(asked.map((r) => [r.id, { kind: 'pending' }])),
        done: false,
      });
      const settle = (id: string, outcome: Outcome): void => {
        if (signal.aborted && !(outcome.kind === 'failed' && outcome.error.code === 'aborted')) return;
        setRun((prev) => {
          if (prev?.token !== token || prev.outcomes.get(id)?.kind !== 'pending') return prev;
          const outcomes = new Map(prev.outcomes).set(id, outcome);
          const done = [...outcomes.values()].every((o) => o.kind !== 'pending');
          return { ...prev, outcomes, done, ...(done ? { at: Date.now() } : {}) };
        });
      };
      await Promise.all(
        asked.map((resolver) =>
          queryResolver(resolver, qname, qtype, { fetch, timeoutMs: PROPAGATION_TIMEOUT_MS, signal }).then(
            (response) => settle(resolver.id, { kind: 'answer', response }),
            (err: unknown) =>
              settle(resolver.id, {
                kind: 'failed',
                error: isDohError(err) ? err : new DohError('network', String(err), { resolverId: resolver.id }),
              }),
          ),
        ),
      );
    },
  });
  const { url } = tool;

  /** A comparison the visitor asked for: kept in the address, without touching parameters the page set up itself. */
  const start = (nameInput: string, typeInput: RRType): void => {
    const q = prepare(nameInput, typeInput);
    if (!q) return;
    if (!embedded) {
      const implied = derivedName(url.params.domain);
      const impliedName = implied ? toQueryName(implied) : undefined;
      const sameAsImplied = impliedName?.ok === true && impliedName.name === q.qname;
      url.setParams({ name: sameAsImplied ? undefined : q.qname, type: typeInput === defaultType ? undefined : typeInput });
    }
    tool.start(q);
  };

  const comparison: Comparison | undefined = useMemo(() => {
    if (!run?.done) return undefined;
    return compareResponses(
      run.resolvers.map((r) => {
        const o = run.outcomes.get(r.id);
        return { id: r.id, response: o?.kind === 'answer' ? o.response : undefined };
      }),
    );
  }, [run]);

  return { name, setName, type, setType, inputError, run, comparison, start, stop: tool.stop, running: !!run && !run.done };
}
