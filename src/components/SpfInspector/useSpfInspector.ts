// State of the SPF inspector: one domain, one expansion at a time, run at once
// when the page address names a domain. Expansion and verdict come from ~/core.
import { useState } from 'react';
import {
  expandSpf,
  normaliseDomain,
  spfVerdict,
  type DomainResult,
  type Resolver,
  type ResolverLeader,
  type SpfExpansion,
  type SpfVerdict,
} from '~/core';
import { useToolRun } from '../ui/useToolRun';

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

export function useSpfInspector(
  resolvers: readonly Resolver[],
  resolversReady: boolean,
  leader?: ResolverLeader | undefined,
) {
  const [input, setInput] = useState('');
  const [state, setState] = useState<SpfState>({ kind: 'idle' });
  const domain: DomainResult | undefined = input.trim() ? normaliseDomain(input) : undefined;

  const tool = useToolRun<string>({
    resolvers,
    leader,
    resolversReady,
    fromUrl: (params) => {
      const given = params.domain ?? '';
      setInput(given);
      return normaliseDomain(given).ok ? given : undefined;
    },
    task: async (typed, { signal, client }) => {
      const d = normaliseDomain(typed);
      if (!d.ok) return;
      setState({ kind: 'running', domain: d.ascii });
      const started = performance.now();
      const expansion = await expandSpf(d.ascii, client.newRun(signal), { signal });
      if (signal.aborted) return;
      setState({ kind: 'done', domain: d.ascii, expansion, verdict: spfVerdict(expansion), ms: Math.round(performance.now() - started) });
    },
  });

  const run = (): void => {
    if (!domain?.ok) return;
    tool.url.setParams({ domain: input.trim() });
    tool.start(input);
  };

  return { input, setInput, domain, state, run };
}
