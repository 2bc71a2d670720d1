// State of the DnsLookup widget: the form, and one lookup at a time through
// the shared useToolRun (browser DoH client with fallback and hedging over the
// picker's resolvers; auto-run from ?name= / ?domain=).
import { useState } from 'react';
import {
  DohError,
  isDohError,
  RR_TYPES,
  reverseName,
  toPtrName,
  toQueryName,
  type DnsResponse,
  type Resolver,
  type ResolverLeader,
  type RRType,
} from '~/core';
import { parseType } from '../ui/NameTypeFields';
import { useToolRun } from '../ui/useToolRun';

export const LOOKUP_TYPES = RR_TYPES;
export const LOOKUP_TIMEOUT_MS = 4000;

/** A finished lookup carries `at`, when it ended (ms since epoch), for the copied report. */
export type LookupResult =
  | { readonly kind: 'running'; readonly name: string; readonly type: RRType }
  | { readonly kind: 'answer'; readonly response: DnsResponse; readonly fromIp?: string; readonly at: number }
  | { readonly kind: 'failed'; readonly name: string; readonly type: RRType; readonly error: DohError; readonly at: number };

interface Options {
  readonly resolvers: readonly Resolver[];
  /** The page's leader when automatic (useResolvers). */
  readonly leader?: ResolverLeader | undefined;
  readonly defaultType: RRType;
  /** The page author fixed the type: ?type= does not override it and the widget does not write name/type into the address. */
  readonly embedded: boolean;
  readonly ready: boolean;
}

/** One question, as the form's name and type make it. */
interface Lookup {
  readonly qname: string;
  readonly qtype: RRType;
  /** The address the visitor typed, for a reverse lookup. */
  readonly fromIp?: string;
}

/** The question a name and type ask: an IP address means a reverse lookup, whatever type was selected. */
function toLookup(nameInput: string, typeInput: RRType): { ok: true; lookup: Lookup } | { ok: false; code: 'empty' | 'invalid-name' } {
  const isIp = reverseName(nameInput) !== undefined;
  const qtype: RRType = isIp ? 'PTR' : typeInput;
  const parsed = qtype === 'PTR' ? toPtrName(nameInput) : toQueryName(nameInput);
  if (!parsed.ok) return parsed;
  return { ok: true, lookup: { qname: parsed.name, qtype, ...(isIp ? { fromIp: nameInput.trim() } : {}) } };
}

export function useDnsLookup({ resolvers, leader, defaultType, embedded, ready }: Options) {
  const [name, setName] = useState('');
  const [type, setType] = useState<RRType>(defaultType);
  const [inputError, setInputError] = useState<'empty' | 'invalid-name' | undefined>(undefined);
  const [result, setResult] = useState<LookupResult | undefined>(undefined);

  /** Checks the input and shows what the lookup will ask; undefined when it cannot be asked. */
  const prepare = (nameInput: string, typeInput: RRType): Lookup | undefined => {
    const q = toLookup(nameInput, typeInput);
    if (!q.ok) {
      setInputError(q.code);
      return undefined;
    }
    setInputError(undefined);
    if (q.lookup.qtype !== typeInput) setType(q.lookup.qtype);
    return q.lookup;
  };

  const tool = useToolRun<Lookup>({
    resolvers,
    leader,
    resolversReady: ready,
    timeoutMs: LOOKUP_TIMEOUT_MS,
    // Opened with ?name= or ?domain=: fill the form and look up at once.
    fromUrl: (params) => {
      const initialName = params.name ?? params.domain;
      // A type the address names is set; otherwise the one chosen stays.
      const givenType = embedded ? undefined : parseType(params.type);
      if (givenType) setType(givenType);
      if (!initialName) return undefined;
      setName(initialName);
      return prepare(initialName, givenType ?? type);
    },
    task: async ({ qname, qtype, fromIp }, { signal, client }) => {
      setResult({ kind: 'running', name: qname, type: qtype });
      try {
        const response = await client.query(qname, qtype, signal);
        if (!signal.aborted) setResult({ kind: 'answer', response, ...(fromIp ? { fromIp } : {}), at: Date.now() });
      } catch (err) {
        if (signal.aborted) return;
        setResult({ kind: 'failed', name: qname, type: qtype, error: isDohError(err) ? err : new DohError('network', String(err)), at: Date.now() });
      }
    },
  });
  const { start: startRun, url } = tool;

  /** A lookup the visitor asked for: also written into the address, so the link reproduces it. */
  const start = (nameInput: string, typeInput: RRType): void => {
    const lookup = prepare(nameInput, typeInput);
    if (!lookup) return;
    if (!embedded) url.setParams({ name: lookup.fromIp ?? lookup.qname, type: lookup.qtype === defaultType ? undefined : lookup.qtype });
    startRun(lookup);
  };

  const stop = (): void => {
    tool.stop();
    setResult((r) =>
      r?.kind === 'running' ? { kind: 'failed', name: r.name, type: r.type, error: new DohError('aborted', 'The query was cancelled.'), at: Date.now() } : r,
    );
  };

  return { name, setName, type, setType, inputError, result, start, stop, running: result?.kind === 'running' };
}
