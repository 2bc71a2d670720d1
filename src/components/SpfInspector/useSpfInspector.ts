// State of the SPF tool: the form (domain, and the optional IP test: IP,
// MAIL FROM, HELO), and one run at a time through the shared useToolRun (run
// at once when the page address names a domain or a MAIL FROM to test). A run
// expands the domain (expandSpf + spfVerdict, the same expansion as the
// checker's SPF row) and, when an IP is given, evaluates it (evaluateSpf), both
// over one run of the DoH client, so a question both ask goes out once.
import { useState } from 'react';
import {
  expandSpf,
  isDohError,
  spfVerdict,
  type QueryFn,
  type Resolver,
  type ResolverLeader,
  type SpfEvaluation,
  type SpfExpansion,
  type SpfVerdict,
} from '~/core';
import { useToolRun } from '../ui/useToolRun';
import { checkForm, emptyForm, formFrom, paramsFor, type SpfForm, type SpfRun, type SpfTest } from './form';

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

/** The IP test: absent until one is asked for; `failed` only if the evaluation threw (it should not). */
export type SpfTestState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly test: SpfTest }
  | { readonly kind: 'done'; readonly test: SpfTest; readonly evaluation: SpfEvaluation; readonly ms: number }
  | { readonly kind: 'failed'; readonly test: SpfTest };

/** A run that ended: when, and whose answers it used (for the copied report). */
export interface SpfRunEnd {
  readonly at: number;
  readonly answeredBy: readonly string[];
}

export function useSpfInspector(
  resolvers: readonly Resolver[],
  resolversReady: boolean,
  leader?: ResolverLeader | undefined,
) {
  const [form, setForm] = useState<SpfForm>(emptyForm);
  const [state, setState] = useState<SpfState>({ kind: 'idle' });
  const [testState, setTestState] = useState<SpfTestState>({ kind: 'idle' });
  const [ended, setEnded] = useState<SpfRunEnd | undefined>(undefined);
  const checked = checkForm(form);

  const tool = useToolRun<SpfRun>({
    resolvers,
    leader,
    resolversReady,
    // Opened with ?domain= (and ?ip=, ?sender=, ?helo=): the fields the
    // address names are filled (what the visitor has already typed stays), and
    // it runs at once when what the address itself gives can run.
    fromUrl: (params) => {
      setForm((typed) => formFrom(params, typed));
      return checkForm(formFrom(params)).run;
    },
    task: async (run, { signal, client }) => {
      // One run of the client: the expansion and the evaluation share their answers.
      const run_ = client.newRun(signal);
      // Which resolvers' answers the run used, for the report.
      const answeredBy = new Set<string>();
      const query: QueryFn = (name, type, s) =>
        run_(name, type, s).then((resp) => {
          answeredBy.add(resp.resolverId);
          return resp;
        });
      setEnded(undefined);
      setState({ kind: 'running', domain: run.domain });
      setTestState(run.test ? { kind: 'running', test: run.test } : { kind: 'idle' });
      const expand = async (): Promise<void> => {
        const started = performance.now();
        const expansion = await expandSpf(run.domain, query, { signal });
        if (signal.aborted) return;
        setState({ kind: 'done', domain: run.domain, expansion, verdict: spfVerdict(expansion), ms: Math.round(performance.now() - started) });
      };
      const evaluate = async (test: SpfTest): Promise<void> => {
        const started = performance.now();
        try {
          // The evaluator is fetched when an IP is tested (most visits only expand the record).
          const { evaluateSpf } = await import('~/core/spf/evaluate');
          const evaluation = await evaluateSpf({ ip: test.ip, sender: test.sender, helo: test.helo, query, signal });
          if (!signal.aborted) setTestState({ kind: 'done', test, evaluation, ms: Math.round(performance.now() - started) });
        } catch (err) {
          if (signal.aborted || (isDohError(err) && err.code === 'aborted')) return;
          setTestState({ kind: 'failed', test });
        }
      };
      await Promise.all([expand(), run.test ? evaluate(run.test) : Promise.resolve()]);
      if (!signal.aborted) setEnded({ at: Date.now(), answeredBy: [...answeredBy] });
    },
  });

  const setField = (field: keyof SpfForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  /** A run the visitor asked for: also written into the address, so the link reproduces it. */
  const run = (): void => {
    if (!checked.run) return;
    tool.url.setParams(paramsFor(form));
    tool.start(checked.run);
  };

  return { form, setField, checked, state, testState, ended, run, running: tool.running };
}
