// State of the DnsLookup widget: the form, and one lookup at a time through
// createDohClient (fallback and hedging over the picker's resolvers).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  createDohClient,
  DohError,
  isDohError,
  RR_TYPES,
  reverseName,
  toPtrName,
  toQueryName,
  type DnsResponse,
  type Resolver,
  type RRType,
} from '~/core';
import type { UrlStateHook } from '../ui/useUrlState';
import { parseType } from '../ui/NameTypeFields';

export const LOOKUP_TYPES = RR_TYPES;
export const LOOKUP_TIMEOUT_MS = 4000;

export type LookupResult =
  | { readonly kind: 'running'; readonly name: string; readonly type: RRType }
  | { readonly kind: 'answer'; readonly response: DnsResponse; readonly fromIp?: string }
  | { readonly kind: 'failed'; readonly name: string; readonly type: RRType; readonly error: DohError };

interface Options {
  readonly resolvers: readonly Resolver[];
  readonly url: UrlStateHook;
  readonly defaultType: RRType;
  /** The page author fixed the type: ?type= does not override it and the widget does not write name/type into the address. */
  readonly embedded: boolean;
  readonly ready: boolean;
}

export function useDnsLookup({ resolvers, url, defaultType, embedded, ready }: Options) {
  const [name, setName] = useState('');
  const [type, setType] = useState<RRType>(defaultType);
  const [inputError, setInputError] = useState<'empty' | 'invalid-name' | undefined>(undefined);
  const [result, setResult] = useState<LookupResult | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const client = useMemo(
    () => createDohClient({ fetch: globalThis.fetch.bind(globalThis), resolvers, timeoutMs: LOOKUP_TIMEOUT_MS }),
    [resolvers],
  );

  const start = useCallback(
    (nameInput: string, typeInput: RRType, fromUser: boolean) => {
      // An IP address means a reverse lookup, whatever type was selected.
      const isIp = reverseName(nameInput) !== undefined;
      const qtype: RRType = isIp ? 'PTR' : typeInput;
      const parsed = qtype === 'PTR' ? toPtrName(nameInput) : toQueryName(nameInput);
      if (!parsed.ok) {
        setInputError(parsed.code);
        return;
      }
      setInputError(undefined);
      if (isIp && typeInput !== 'PTR') setType('PTR');
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      const qname = parsed.name;
      const fromIp = isIp ? nameInput.trim() : undefined;
      setResult({ kind: 'running', name: qname, type: qtype });
      if (fromUser && !embedded) {
        url.setParams({
          name: fromIp ?? qname,
          type: qtype === defaultType ? undefined : qtype,
        });
      }
      client.query(qname, qtype, ac.signal).then(
        (response) => {
          if (controller.current === ac) setResult({ kind: 'answer', response, ...(fromIp ? { fromIp } : {}) });
        },
        (err: unknown) => {
          if (controller.current !== ac) return;
          const error = isDohError(err) ? err : new DohError('network', String(err));
          setResult({ kind: 'failed', name: qname, type: qtype, error });
        },
      );
    },
    [client, url, defaultType, embedded],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  // Opened with ?name= or ?domain=: fill the form and look up at once.
  const autoRan = useRef(false);
  useEffect(() => {
    if (!ready || autoRan.current) return;
    autoRan.current = true;
    const initialName = url.params.name ?? url.params.domain;
    const initialType = (embedded ? undefined : parseType(url.params.type)) ?? defaultType;
    setType(initialType);
    if (initialName) {
      setName(initialName);
      start(initialName, initialType, false);
    }
  }, [ready, url.params, defaultType, start, embedded]);

  return { name, setName, type, setType, inputError, result, start, stop, running: result?.kind === 'running' };
}
