// State of the Checker widget: the form (kept in the page address so a copied
// link reproduces it), the expected records derived from it, and one check run
// at a time. All DNS and comparison logic is in ~/core; this file wires it to React.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  buildExpectedRecords,
  checkDomain,
  createDohClient,
  DEFAULT_HOST_ID,
  DMARC_POLICIES,
  getProviderOrDefault,
  isHostId,
  normaliseDomain,
  type DmarcPolicy,
  type ExpectedRecord,
  type HostId,
  type RecordCheck,
  type RecordId,
  type Resolver,
} from '~/core';
import { useUrlState, type UrlState } from '../ui/useUrlState';

export interface CheckerForm {
  domain: string;
  provider: string;
  host: HostId;
  dkimKey: string;
  dmarcPolicy: DmarcPolicy;
  dmarcRua: string;
  extraSpf: string;
}

export type RowState = { readonly status: 'pending' } | RecordCheck;

const DEFAULT_POLICY: DmarcPolicy = 'quarantine';

function formFrom(params: UrlState): CheckerForm {
  const policy = params.dmarc ?? '';
  return {
    domain: params.domain ?? '',
    provider: getProviderOrDefault(params.provider).id,
    host: isHostId(params.host) ? params.host : DEFAULT_HOST_ID,
    dkimKey: '',
    dmarcPolicy: (DMARC_POLICIES as readonly string[]).includes(policy) ? (policy as DmarcPolicy) : DEFAULT_POLICY,
    dmarcRua: params.rua ?? '',
    extraSpf: params.spf ?? '',
  };
}

export function useChecker(options: { resolvers: readonly Resolver[]; resolversReady: boolean; only?: readonly RecordId[] | undefined }) {
  const { resolvers, resolversReady, only } = options;
  const url = useUrlState();
  // The first render matches the server-rendered HTML (an empty form); the
  // address is read once mounted (url.ready), and only then written back.
  const [form, setForm] = useState<CheckerForm>(() => formFrom({}));
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!url.ready || loaded) return;
    setForm(formFrom(url.params));
    setLoaded(true);
  }, [url.ready, url.params, loaded]);

  const [rows, setRows] = useState<ReadonlyMap<RecordId, RowState>>(new Map());
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<'none' | 'done' | 'aborted'>('none');
  /** The SPF record the domain already publishes, so the generated one keeps its other senders. */
  const [existingSpf, setExistingSpf] = useState<string | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);

  const domain = useMemo(() => (form.domain.trim() ? normaliseDomain(form.domain) : undefined), [form.domain]);
  const provider = getProviderOrDefault(form.provider);

  const expected: ExpectedRecord[] = useMemo(() => {
    if (!domain?.ok) return [];
    const all = buildExpectedRecords({
      domain: domain.ascii,
      provider,
      dkimKey: form.dkimKey.trim() || undefined,
      dmarc: { policy: form.dmarcPolicy, rua: form.dmarcRua.trim() || undefined },
      extraSpf: form.extraSpf.split(/[\s,]+/).filter(Boolean),
      existingSpf,
    });
    return only ? all.filter((r) => only.includes(r.id)) : all;
  }, [domain, provider, form.dkimKey, form.dmarcPolicy, form.dmarcRua, form.extraSpf, existingSpf, only]);

  // Results belong to the domain and provider they were checked for: a change starts clean.
  const ascii = domain?.ok ? domain.ascii : '';
  useEffect(() => {
    controller.current?.abort();
    setRows(new Map());
    setExistingSpf(undefined);
    setSummary('none');
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

  const update = useCallback((patch: Partial<CheckerForm>) => setForm((f) => ({ ...f, ...patch })), []);
  const stop = useCallback(() => controller.current?.abort(), []);

  const run = useCallback(async () => {
    if (!domain?.ok || expected.length === 0 || resolvers.length === 0) return;
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    setRunning(true);
    setSummary('none');
    setRows(new Map(expected.map((r) => [r.id, { status: 'pending' } as const])));
    const client = createDohClient({ fetch: globalThis.fetch.bind(globalThis), resolvers });
    try {
      const results = await checkDomain({
        domain: domain.ascii,
        expected,
        provider,
        query: client.newRun(),
        signal: ac.signal,
        onUpdate: (row) => {
          if (!ac.signal.aborted) setRows((prev) => new Map(prev).set(row.id, row));
        },
      });
      if (ac.signal.aborted) return;
      setRows(new Map(results.map((r) => [r.id, r])));
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

  // A page opened with ?domain= checks at once: a support link shows the answer without a click.
  const autoRan = useRef(false);
  useEffect(() => {
    if (!loaded || !resolversReady || autoRan.current) return;
    autoRan.current = true;
    if (form.domain.trim()) void run();
  }, [loaded, resolversReady, run, form.domain]);

  useEffect(() => () => controller.current?.abort(), []);

  return { form, update, domain, provider, expected, rows, running, summary, run, stop };
}
