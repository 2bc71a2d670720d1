// The Checker widget's state: one reducer (state.ts) for the form, the rows and
// watching; runs through the shared useToolRun. All DNS and comparison logic is
// in ~/core; this file wires it to React.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import {
  detectDnsHost,
  getProviderOrDefault,
  isHostId,
  watchDelaySeconds,
  withSuggestions,
  type QueryFn,
  type RecordId,
  type Resolver,
  type ResolverLeader,
} from '~/core';
import { useToolRun } from '../ui/useToolRun';
import { domainOf, expectedFor, formFrom, paramsFor, type CheckerForm } from './form';
import { loadChecks, runKey, takeEarly } from './prefetch';
import { allPassed, checkerReducer, initialState, resultsOf } from './state';

export function useChecker(options: {
  resolvers: readonly Resolver[];
  /** The page's leader when automatic (useResolvers): a watch re-check asks it, no new race. */
  leader?: ResolverLeader | undefined;
  resolversReady: boolean;
  only?: readonly RecordId[] | undefined;
}) {
  const { resolvers, leader, resolversReady, only } = options;
  const [state, dispatch] = useReducer(checkerReducer, initialState);
  const { form } = state;
  const runs = useRef(0);

  const domain = useMemo(() => domainOf(form), [form]);
  const provider = getProviderOrDefault(form.provider);
  const ascii = domain?.ok ? domain.ascii : '';
  const expected = useMemo(
    () => (ascii ? expectedFor(form, ascii, provider, only) : []),
    [form, ascii, provider, only],
  );
  // What to publish: the generated records, with the SPF record merged with the one the domain has.
  const published = useMemo(() => withSuggestions(expected, resultsOf(state.rows)), [expected, state.rows]);

  const tool = useToolRun<CheckerForm>({
    resolvers,
    leader,
    resolversReady,
    // The address fills the fields it names; what the visitor has already
    // typed or chosen stays. It runs at once only for a domain it gives.
    fromUrl: (params) => {
      const loaded = formFrom(params, form);
      dispatch({ type: 'load', form: loaded, hostChosen: isHostId(params.host) });
      return params.domain !== undefined && domainOf(loaded)?.ok ? loaded : undefined;
    },
    task: async (f, { signal, client }) => {
      const d = domainOf(f);
      if (!d?.ok) return;
      const prov = getProviderOrDefault(f.provider);
      const records = expectedFor(f, d.ascii, prov, only);
      if (records.length === 0) return;
      const run = ++runs.current;
      dispatch({ type: 'start', run, ids: records.map((r) => r.id) });
      const run_ = takeEarly(runKey(resolvers, leader, d.ascii, prov.id)) ?? client.newRun(signal);
      // Which resolvers' answers the check used, for the report.
      const answeredBy = new Set<string>();
      const query: QueryFn = (name, type, s) =>
        run_(name, type, s).then((resp) => {
          answeredBy.add(resp.resolverId);
          return resp;
        });
      // Which DNS host serves the domain (its NS records), asked alongside the records.
      query(d.ascii, 'NS', signal).then(
        (resp) => {
          const host = detectDnsHost(resp.answers.flatMap((r) => (r.type === 'NS' ? [r.data] : [])));
          if (host && !signal.aborted) dispatch({ type: 'detect', run, host });
        },
        () => undefined,
      );
      const { checkDomain } = await loadChecks();
      const results = await checkDomain({
        domain: d.ascii,
        expected: records,
        provider: prov,
        query,
        signal,
        onUpdate: (row) => dispatch({ type: 'row', run, row }),
      });
      dispatch(signal.aborted ? { type: 'abort', run } : { type: 'finish', run, results, at: Date.now(), answeredBy: [...answeredBy] });
    },
  });
  const { start, stop: stopRun, url } = tool;

  // Keep the address in step with the form.
  const { setParams } = url;
  useEffect(() => {
    if (state.loaded) setParams(paramsFor(form));
  }, [form, state.loaded, setParams]);

  const update = useCallback(
    (patch: Partial<CheckerForm>) => {
      // A check belongs to its domain and provider: editing either stops the one running.
      const next = domainOf({ ...form, ...patch });
      if ((next?.ok ? next.ascii : '') !== ascii || (patch.provider ?? form.provider) !== form.provider) stopRun();
      dispatch({ type: 'edit', patch });
    },
    [form, ascii, stopRun],
  );

  const run = useCallback(() => start(form), [start, form]);
  const stop = useCallback(() => {
    stopRun();
    dispatch({ type: 'unwatch' });
  }, [stopRun]);

  // Watch until green: after each finished check, either stop (all ok) or schedule the next one.
  const formRef = useRef(form);
  formRef.current = form;
  const passed = allPassed(state);
  const { on: watching, notify } = state.watch;
  useEffect(() => {
    if (!watching || state.phase !== 'done') return;
    if (passed) {
      dispatch({ type: 'unwatch' });
      if (notify && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        try {
          new Notification(document.title, { body: ascii, tag: `mg-watch-${ascii}` });
        } catch {
          // Some browsers only allow notifications from a service worker: the page text says it anyway.
        }
      }
      return;
    }
    const delay = watchDelaySeconds(state.watch.attempt + 1) * 1000;
    dispatch({ type: 'schedule', at: Date.now() + delay });
    const timer = setTimeout(() => start(formRef.current), delay);
    return () => clearTimeout(timer);
    // Scheduled once per finished check (checkedAt), not on every state change (attempt and notify are read, not watched).
  }, [watching, state.phase, state.checkedAt, passed]);

  const startWatching = useCallback(
    async (withNotification: boolean) => {
      if (withNotification && typeof Notification !== 'undefined' && Notification.permission === 'default') {
        await Notification.requestPermission().catch(() => 'denied');
      }
      dispatch({ type: 'watch', notify: withNotification });
      if (!tool.running && state.phase !== 'done') start(formRef.current);
    },
    [tool.running, state.phase, start],
  );

  return {
    state,
    form,
    update,
    domain,
    provider,
    expected,
    published,
    running: tool.running,
    run,
    stop,
    allPassed: passed,
    startWatching,
  };
}
