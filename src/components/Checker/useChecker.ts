// State of the Checker widget: the form (kept in the page address so a copied
// link reproduces it), the expected records derived from it, and one check run
// at a time. All DNS and comparison logic is in ~/core; this file wires it to React.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  buildExpectedRecords,
  checkDomain,
  createDohClient,
  DEFAULT_HOST_ID,
  detectDnsHost,
  watchDelaySeconds,
  type CheckStatus,
  type DetectedDnsHost,
  getProviderOrDefault,
  isHostId,
  normaliseDomain,
  ruaInputProblem,
  spfSenderProblem,
  type ExpectedRecord,
  type RecordCheck,
  type RecordId,
  type Resolver,
} from '~/core';
import { useUrlState } from '../ui/useUrlState';
import { DEFAULT_POLICY, formFrom, runKey, takeEarly, type CheckerForm } from './early';

export type { CheckerForm } from './early';

export type RowState = { readonly status: 'pending' } | RecordCheck;

export function useChecker(options: {
  resolvers: readonly Resolver[];
  resolversReady: boolean;
  only?: readonly RecordId[] | undefined;
}) {
  const { resolvers, resolversReady, only } = options;
  const url = useUrlState();
  // The first render matches the server-rendered HTML (an empty form); the
  // address is read once mounted (url.ready), and only then written back.
  const [form, setForm] = useState<CheckerForm>(() => formFrom({}));
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!url.ready || loaded) return;
    setForm(formFrom(url.params));
    hostChosen.current = isHostId(url.params.host);
    setLoaded(true);
  }, [url.ready, url.params, loaded]);

  const [rows, setRows] = useState<ReadonlyMap<RecordId, RowState>>(new Map());
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<'none' | 'done' | 'aborted'>('none');
  /** The SPF record the domain already publishes, so the generated one keeps its other senders. */
  const [existingSpf, setExistingSpf] = useState<string | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);
  /** The DNS host named by the domain's NS records, and whether the visitor picked a host themselves. */
  const [detected, setDetected] = useState<DetectedDnsHost | undefined>(undefined);
  const hostChosen = useRef(false);
  /** When the last results arrived, and which rows changed status since the run before. */
  const [checkedAt, setCheckedAt] = useState<number | undefined>(undefined);
  const [changes, setChanges] = useState<readonly { id: RecordId; from: CheckStatus; to: CheckStatus }[]>([]);
  const lastStatuses = useRef(new Map<RecordId, CheckStatus>());
  // Watch until green: re-check with backoff while anything is not ok.
  const [watching, setWatching] = useState(false);
  const [notify, setNotify] = useState(false);
  const [nextAt, setNextAt] = useState<number | undefined>(undefined);
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [allPassed, setAllPassed] = useState(false);

  const domain = useMemo(() => (form.domain.trim() ? normaliseDomain(form.domain) : undefined), [form.domain]);
  const provider = getProviderOrDefault(form.provider);

  const expected: ExpectedRecord[] = useMemo(() => {
    if (!domain?.ok) return [];
    const all = buildExpectedRecords({
      domain: domain.ascii,
      provider,
      // A report address or sender that cannot be used is left out of the records (the form says
      // so next to the field); a doubtful DKIM key is kept, so the check can compare it with DNS.
      dkimKey: form.dkimKey.trim() || undefined,
      dmarc: {
        policy: form.dmarcPolicy,
        rua: ruaInputProblem(form.dmarcRua) === undefined ? form.dmarcRua.trim() || undefined : undefined,
      },
      extraSpf: form.extraSpf.split(/[\s,]+/).filter((item) => item !== '' && spfSenderProblem(item) === undefined),
      existingSpf,
    });
    return only ? all.filter((r) => only.includes(r.id)) : all;
  }, [domain, provider, form.dkimKey, form.dmarcPolicy, form.dmarcRua, form.extraSpf, existingSpf, only]);

  // Results belong to the domain and provider they were checked for: a change starts clean.
  const ascii = domain?.ok ? domain.ascii : '';
  useEffect(() => {
    controller.current?.abort();
    clearTimeout(timer.current);
    setRows(new Map());
    setExistingSpf(undefined);
    setSummary('none');
    setDetected(undefined);
    setWatching(false);
    setNextAt(undefined);
    setChanges([]);
    setAllPassed(false);
    lastStatuses.current = new Map();
    attempt.current = 0;
  }, [ascii, provider.id]);

  // Keep the address in step with the form (never the DKIM key: it is long and not needed to reproduce a check).
  const { setParams } = url;
  useEffect(() => {
    if (!loaded) return;
    setParams({
      domain: form.domain.trim() || undefined,
      provider: form.provider === 'aliyun-cn' ? undefined : form.provider,
      host: form.host === DEFAULT_HOST_ID ? undefined : form.host,
      dmarc: form.dmarcPolicy === DEFAULT_POLICY ? undefined : form.dmarcPolicy,
      rua: form.dmarcRua.trim() || undefined,
      spf: form.extraSpf.trim() || undefined,
    });
  }, [form, loaded, setParams]);

  const update = useCallback((patch: Partial<CheckerForm>) => {
    if (patch.host !== undefined) hostChosen.current = true;
    setForm((f) => ({ ...f, ...patch }));
  }, []);
  const stop = useCallback(() => {
    controller.current?.abort();
    clearTimeout(timer.current);
    setWatching(false);
    setNextAt(undefined);
  }, []);

  const run = useCallback(async () => {
    if (!domain?.ok || expected.length === 0 || resolvers.length === 0) return;
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    setRunning(true);
    setSummary('none');
    setRows(new Map(expected.map((r) => [r.id, { status: 'pending' } as const])));
    clearTimeout(timer.current);
    setNextAt(undefined);
    const query =
      takeEarly(runKey(resolvers, domain.ascii, provider.id)) ??
      createDohClient({ fetch: globalThis.fetch.bind(globalThis), resolvers }).newRun(ac.signal);
    // Which DNS host serves the domain (its NS records), asked alongside the records.
    void query(domain.ascii, 'NS')
      .then((resp) => {
        if (ac.signal.aborted) return;
        const ns = resp.answers.flatMap((r) => (r.type === 'NS' ? [r.data] : []));
        const host = detectDnsHost(ns);
        setDetected(host);
        if (host && !hostChosen.current) {
          setForm((f) => ({ ...f, host: isHostId(host.id) ? host.id : 'other' }));
        }
      })
      .catch(() => undefined);
    try {
      const results = await checkDomain({
        domain: domain.ascii,
        expected,
        provider,
        query,
        signal: ac.signal,
        onUpdate: (row) => {
          if (!ac.signal.aborted) setRows((prev) => new Map(prev).set(row.id, row));
        },
      });
      if (ac.signal.aborted) return;
      setRows(new Map(results.map((r) => [r.id, r])));
      setCheckedAt(Date.now());
      const before = lastStatuses.current;
      setChanges(
        before.size === 0
          ? []
          : results.flatMap((r) => {
              const from = before.get(r.id);
              return from && from !== r.status ? [{ id: r.id, from, to: r.status }] : [];
            }),
      );
      lastStatuses.current = new Map(results.map((r) => [r.id, r.status]));
      setAllPassed(results.every((r) => r.status === 'ok'));
      // Keep the other senders of a single existing SPF record in the generated value.
      const spf = results.find((r) => r.id === 'spf');
      const only = spf?.observed.length === 1 ? spf.observed[0] : undefined;
      if (only?.toLowerCase().startsWith('v=spf1')) setExistingSpf(only);
      setSummary('done');
    } catch {
      // checkDomain turns resolver failures into rows; only an abort lands here.
    } finally {
      if (controller.current === ac) controller.current = null;
      if (ac.signal.aborted) {
        setSummary('aborted');
        setRows(new Map());
      }
      setRunning(false);
    }
  }, [domain, expected, provider, resolvers]);

  // Watch until green: after each finished check, either stop (all ok) or schedule the next one.
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (!watching || running || summary !== 'done') return;
    if (allPassed) {
      setWatching(false);
      setNextAt(undefined);
      if (notify && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        try {
          new Notification(document.title, { body: ascii, tag: `mg-watch-${ascii}` });
        } catch {
          // Some browsers only allow notifications from a service worker: the page text says it anyway.
        }
      }
      return;
    }
    attempt.current += 1;
    const delay = watchDelaySeconds(attempt.current) * 1000;
    setNextAt(Date.now() + delay);
    timer.current = setTimeout(() => void runRef.current(), delay);
    return () => clearTimeout(timer.current);
  }, [watching, running, summary, allPassed, notify, ascii, checkedAt]);

  const startWatching = useCallback(
    async (withNotification: boolean) => {
      attempt.current = 0;
      if (withNotification && typeof Notification !== 'undefined' && Notification.permission === 'default') {
        await Notification.requestPermission().catch(() => 'denied');
      }
      setNotify(withNotification);
      setWatching(true);
      if (!running && summary !== 'done') void runRef.current();
    },
    [running, summary],
  );

  // A page opened with ?domain= checks at once: a support link shows the answer without a click.
  const autoRan = useRef(false);
  useEffect(() => {
    if (!loaded || !resolversReady || autoRan.current) return;
    autoRan.current = true;
    if (form.domain.trim()) void run();
  }, [loaded, resolversReady, run, form.domain]);

  useEffect(
    () => () => {
      controller.current?.abort();
      clearTimeout(timer.current);
    },
    [],
  );

  return {
    form,
    update,
    domain,
    provider,
    expected,
    rows,
    running,
    summary,
    run,
    stop,
    detected,
    checkedAt,
    changes,
    allPassed,
    watching,
    nextAt,
    startWatching,
  };
}
