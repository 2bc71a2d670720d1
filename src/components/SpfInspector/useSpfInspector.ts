// State of the SPF inspector: one domain, one expansion at a time, run at once
// when the page address names a domain. Expansion and verdict come from ~/core.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createDohClient,
  expandSpf,
  normaliseDomain,
  spfVerdict,
  type DomainResult,
  type Resolver,
  type SpfExpansion,
  type SpfVerdict,
} from '~/core';
import { useUrlState } from '../ui/useUrlState';

export type SpfState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly domain: string }
  | {
      readonly kind: 'done';
      readonly domain: string;
      readonly expansion: SpfExpansion;
      readonly verdict: SpfVerdict;
      readonly ms: number;
    };

export function useSpfInspector(resolvers: readonly Resolver[], resolversReady: boolean) {
  const url = useUrlState();
  const [input, setInput] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [state, setState] = useState<SpfState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!url.ready || loaded) return;
    setInput(url.params.domain ?? '');
    setLoaded(true);
  }, [url.ready, url.params.domain, loaded]);

  const domain: DomainResult | undefined = input.trim() ? normaliseDomain(input) : undefined;

  const run = useCallback(async () => {
    const d = input.trim() ? normaliseDomain(input) : undefined;
    if (!d?.ok || resolvers.length === 0) return;
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    url.setParams({ domain: input.trim() });
    setState({ kind: 'running', domain: d.ascii });
    const started = performance.now();
    const client = createDohClient({ fetch: globalThis.fetch.bind(globalThis), resolvers });
    const expansion = await expandSpf(d.ascii, client.newRun(), { signal: ac.signal });
    if (ac.signal.aborted) return;
    setState({
      kind: 'done',
      domain: d.ascii,
      expansion,
      verdict: spfVerdict(expansion),
      ms: Math.round(performance.now() - started),
    });
  }, [input, resolvers, url]);

  const autoRan = useRef(false);
  useEffect(() => {
    if (!loaded || !resolversReady || autoRan.current) return;
    autoRan.current = true;
    if (input.trim()) void run();
  }, [loaded, resolversReady, run, input]);

  useEffect(() => () => controller.current?.abort(), []);

  return { input, setInput, domain, state, run };
}
