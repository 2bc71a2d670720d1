/**
 * State of the DMARC report viewer. One run (ui/useToolRun: one at a time, the
 * browser's DoH client over the picker's resolvers) = read the files handed
 * in, then look up the reverse DNS names of the sending IPs:
 *  1. the page reads each File into bytes (a file over the reader's input
 *     limit, or past the total of one load, is refused by name without being
 *     read: admit.ts);
 *  2. the bytes go to the Web Worker (core/reports/worker.ts, started at the
 *     first load, so a visit that reads nothing never fetches it), which
 *     expands and parses them with bounded work and answers with the reports,
 *     the refused files and, for a first load, the summary;
 *  3. the reports join those of earlier loads (each report once);
 *  4. PTR questions for the largest sources, a few in flight at once (Alibaba's
 *     public DNS limits questions per source IP; see the facts file), each
 *     name then checked forward (its A/AAAA must lead back to the IP, or it
 *     names nobody), cached for the page's life, shown as they arrive.
 * While 1–2 run, new files are refused (the picker is disabled); cancel keeps
 * what was read. During 4, new files start a new run (answers stay cached).
 * The figures (aggregate, groups, advice) are derived from the reports and the
 * filters; nothing leaves the browser but the PTR questions.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  adviseSources,
  aggregate,
  createPtrCache,
  createReportsClient,
  DEFAULT_LIMITS,
  getProviderOrDefault,
  groupSources,
  policyByHeaderFrom,
  lookupPtrs,
  type AggregateOptions,
  type ClientLoadOptions,
  type ClientLoadResult,
  type DmarcReport,
  type LoadProgress,
  type NamedBytes,
  type PtrResult,
  type Resolver,
  type Summary,
} from '~/core';
import { useToolRun } from '../ui/useToolRun';
import { createAdmitter } from './admit';
import { contractTotals } from './view';
import { dayRange, ipsByMessages, mergeReports, type RefusedFile, type ReportFilters } from './model';

/** PTR questions in flight at once: gentle on public resolvers that limit each source IP. */
export const PTR_CONCURRENCY = 4;
/** Addresses looked up at most (the largest sources). */
export const PTR_MAX_IPS = 100;
/** Files read into memory at once (File → bytes). */
const FILE_READS_AT_ONCE = 16;
/** How often arriving PTR answers are drawn, at most. */
const PTR_FLUSH_MS = 300;

export const NO_FILTERS: ReportFilters = { domain: '', from: '', to: '', failuresOnly: false };

export type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'opening'; readonly files: number }
  | { readonly kind: 'reading'; readonly progress: LoadProgress }
  | { readonly kind: 'done' }
  | { readonly kind: 'cancelled'; readonly reports: number }
  | { readonly kind: 'failed'; readonly message: string };

interface Loaded {
  readonly reports: readonly DmarcReport[];
  readonly refused: readonly RefusedFile[];
  /** Input files handed in over every load. */
  readonly files: number;
  /** Reports skipped because they were already loaded. */
  readonly duplicates: number;
  /** When the last load finished (ms since epoch). */
  readonly loadedAt: number | undefined;
  /** The worker's summary of a first load, reused while reports and filters are those it was made for. */
  readonly seed:
    { readonly reports: readonly DmarcReport[]; readonly key: string; readonly summary: Summary } | undefined;
}

const EMPTY: Loaded = { reports: [], refused: [], files: 0, duplicates: 0, loadedAt: undefined, seed: undefined };

/** The Worker and the page side of its protocol, started at the first load. */
interface Reader {
  readonly worker: Worker;
  load(files: readonly NamedBytes[], options: ClientLoadOptions): Promise<ClientLoadResult>;
}

function startReader(): Reader {
  const worker = new Worker(new URL('../../core/reports/worker.ts', import.meta.url), { type: 'module' });
  const client = createReportsClient(worker);
  return {
    worker,
    load(files, options) {
      // A worker that fails to start or crashes answers nothing: its error event ends the load.
      let onError: (e: ErrorEvent) => void = () => {};
      const crashed = new Promise<ClientLoadResult>((resolve) => {
        onError = (e) => resolve({ ok: false, message: e.message || 'worker error' });
        worker.addEventListener('error', onError);
      });
      return Promise.race([client.load(files, options), crashed]).finally(() =>
        worker.removeEventListener('error', onError),
      );
    },
  };
}

/** A new task of the event loop (what is queued meanwhile, such as input, runs first). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** fn over every item, at most `limit` at once; results in the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function aggregateOptions(filters: ReportFilters, tzOffsetMinutes: number): AggregateOptions {
  return {
    tzOffsetMinutes,
    ...(filters.domain ? { domain: filters.domain } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.failuresOnly ? { failuresOnly: true } : {}),
  };
}

const optionsKey = (o: AggregateOptions): string =>
  JSON.stringify([o.domain ?? '', o.from ?? '', o.to ?? '', !!o.failuresOnly, o.tzOffsetMinutes ?? 0]);

export interface DmarcReportsOptions {
  readonly resolvers: readonly Resolver[];
  readonly resolversReady: boolean;
}

export function useDmarcReports({ resolvers, resolversReady }: DmarcReportsOptions) {
  const [loaded, setLoadedState] = useState<Loaded>(EMPTY);
  const loadedRef = useRef<Loaded>(EMPTY);
  const setLoaded = (next: Loaded): void => {
    loadedRef.current = next;
    setLoadedState(next);
  };
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [filters, setFiltersState] = useState<ReportFilters>(NO_FILTERS);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const [ptrs, setPtrs] = useState<ReadonlyMap<string, PtrResult>>(() => new Map());
  const [ptrRunning, setPtrRunning] = useState(false);
  /** Ids of the resolvers whose answers were used, for the copied report. */
  const [answeredBy, setAnsweredBy] = useState<readonly string[]>([]);
  const ptrCache = useRef(createPtrCache());
  const reader = useRef<Reader | undefined>(undefined);
  /** Bumped by clear(): a load still under way when the reports were cleared is dropped. */
  const generation = useRef(0);
  // Days follow this computer's time zone (0 during the server render, where nothing is loaded).
  const [tz, setTz] = useState(0);
  useEffect(() => setTz(-new Date().getTimezoneOffset()), []);
  const tzRef = useRef(tz);
  tzRef.current = tz;

  useEffect(
    () => () => {
      reader.current?.worker.terminate();
      reader.current = undefined;
    },
    [],
  );

  const readFiles = async (files: readonly File[], signal: AbortSignal): Promise<void> => {
    const gen = generation.current;
    setPhase({ kind: 'opening', files: files.length });
    // A file over its own limit, or past the total of one load, is refused by name before it is
    // read (checked in file order, as each read starts).
    const admitter = createAdmitter(DEFAULT_LIMITS);
    const refused: RefusedFile[] = [];
    // Read several files at once: each read is a round trip to the browser's file storage.
    const read = await mapLimit(files, FILE_READS_AT_ONCE, async (f): Promise<NamedBytes | undefined> => {
      // Each file in a task of its own: reads that finish together would otherwise run their
      // next files' File.size (a question to the browser's file storage) in one long task.
      await nextTask();
      if (signal.aborted) return undefined;
      const why = admitter.check(f);
      if (why) {
        refused.push(why);
        return undefined;
      }
      try {
        return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
      } catch {
        refused.push({ by: 'page', file: f.name, code: 'unreadable' });
        return undefined;
      }
    });
    const named = read.filter((x): x is NamedBytes => x !== undefined);
    const before = loadedRef.current;
    const finish = (patch: Partial<Loaded>): void => {
      if (gen === generation.current)
        setLoaded({
          ...before,
          ...patch,
          refused: [...before.refused, ...refused, ...(patch.refused ?? [])],
          files: before.files + files.length,
          loadedAt: Date.now(),
        });
    };
    const current = (): boolean => gen === generation.current;
    if (signal.aborted) {
      finish({});
      if (current()) setPhase({ kind: 'cancelled', reports: 0 });
      return;
    }
    setPhase({
      kind: 'reading',
      progress: { filesDone: 0, filesTotal: named.length, file: '', xmlBytes: 0, reports: 0 },
    });
    const r = (reader.current ??= startReader());
    const first = before.reports.length === 0;
    const agg = aggregateOptions(filtersRef.current, tzRef.current);
    const res = await r.load(named, {
      signal,
      onProgress: (progress) => {
        if (current()) setPhase({ kind: 'reading', progress });
      },
      // The worker's summary only helps when these are the only reports.
      ...(first ? { aggregate: agg } : {}),
    });
    if (!current()) return;
    if (!res.ok) {
      r.worker.terminate();
      if (reader.current === r) reader.current = undefined;
      finish({});
      setPhase({ kind: 'failed', message: res.message });
      return;
    }
    const merged = mergeReports(before.reports, res.result.reports);
    finish({
      reports: merged.reports,
      refused: res.result.errors.map((error) => ({ by: 'reader', error })),
      duplicates: before.duplicates + merged.duplicates,
      seed:
        first && merged.duplicates === 0
          ? { reports: merged.reports, key: optionsKey(agg), summary: res.summary }
          : undefined,
    });
    setPhase(res.result.aborted ? { kind: 'cancelled', reports: res.result.reports.length } : { kind: 'done' });
  };

  const lookUp = async (signal: AbortSignal, query: Parameters<typeof lookupPtrs>[1]['query']): Promise<void> => {
    const ips = ipsByMessages(loadedRef.current.reports);
    if (ips.length === 0 || signal.aborted) return;
    const pending = new Map<string, PtrResult>();
    const answered = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      timer = undefined;
      if (pending.size === 0) return;
      const batch = new Map(pending);
      pending.clear();
      setPtrs((prev) => new Map([...prev, ...batch]));
    };
    setPtrRunning(true);
    try {
      await lookupPtrs(ips, {
        query: async (name, type, s) => {
          const res = await query(name, type, s);
          answered.add(res.resolverId);
          return res;
        },
        signal,
        concurrency: PTR_CONCURRENCY,
        maxIps: PTR_MAX_IPS,
        // A PTR name names the sender only when its A/AAAA leads back to the IP (a spoofer can set any PTR name).
        forwardConfirm: true,
        cache: ptrCache.current,
        onResult: (ip, result) => {
          // An answer cut short by a newer run is asked again by that run.
          if (result.status === 'error' && result.code === 'aborted') return;
          pending.set(ip, result);
          timer ??= setTimeout(flush, PTR_FLUSH_MS);
        },
      });
    } finally {
      clearTimeout(timer);
      flush();
      if (!signal.aborted) setPtrRunning(false);
      setAnsweredBy((prev) => [...new Set([...prev, ...answered])]);
    }
  };

  const tool = useToolRun<readonly File[]>({
    resolvers,
    resolversReady,
    task: async (files, { signal, client }) => {
      if (files.length > 0) await readFiles(files, signal);
      await lookUp(signal, client.query);
    },
  });
  const { start, stop: stopRun } = tool;

  const reading = phase.kind === 'opening' || phase.kind === 'reading';

  /** Read these files (adds their reports to those loaded). Refused while a load is being read. */
  const load = useCallback(
    (files: readonly File[]): boolean => {
      if (reading || files.length === 0) return false;
      start(files);
      return true;
    },
    [reading, start],
  );

  const cancel = useCallback(() => stopRun(), [stopRun]);

  const clear = useCallback(() => {
    generation.current++;
    stopRun();
    setPtrRunning(false);
    setLoaded(EMPTY);
    setPtrs(new Map());
    setAnsweredBy([]);
    setFiltersState(NO_FILTERS);
    setPhase({ kind: 'idle' });
  }, [stopRun]);

  const setFilters = useCallback((patch: Partial<ReportFilters>) => setFiltersState((f) => ({ ...f, ...patch })), []);

  // ------------------------------------------------------------ figures

  const agg = useMemo(() => aggregateOptions(filters, tz), [filters, tz]);
  const summary = useMemo(() => {
    const { seed, reports } = loaded;
    if (seed && seed.reports === reports && seed.key === optionsKey(agg)) return seed.summary;
    return aggregate(reports, agg);
  }, [loaded, agg]);
  const range = useMemo(() => dayRange(loaded.reports, tz), [loaded.reports, tz]);
  // The markup contract's [data-source-ip] data-count / data-pass count over ALL loaded
  // reports, whatever the filters (architecture §3); only the visible numbers follow them.
  const filtered = optionsKey(agg) !== optionsKey({ tzOffsetMinutes: tz });
  const unfilteredSources = useMemo(
    () => (filtered ? aggregate(loaded.reports, { tzOffsetMinutes: tz }).sources : undefined),
    [filtered, loaded.reports, tz],
  );
  const sourceTotals = useMemo(
    () => contractTotals(unfilteredSources ?? summary.sources),
    [unfilteredSources, summary.sources],
  );
  const groups = useMemo(() => groupSources(summary.sources, ptrs), [summary, ptrs]);
  const { url } = tool;
  const ownProviderId = getProviderOrDefault(url.params.provider).id;
  // The policy quoted to each source is that of its own header_from domains (several domains may be loaded).
  const policies = useMemo(() => policyByHeaderFrom(loaded.reports), [loaded.reports]);
  const advice = useMemo(() => adviseSources(groups, { ownProviderId, policies }), [groups, ownProviderId, policies]);

  return {
    phase,
    reading,
    reports: loaded.reports,
    refused: loaded.refused,
    files: loaded.files,
    duplicates: loaded.duplicates,
    loadedAt: loaded.loadedAt,
    filters,
    setFilters,
    resetFilters: () => setFiltersState(NO_FILTERS),
    range,
    summary,
    groups,
    advice,
    sourceTotals,
    ptrs,
    ptrRunning,
    answeredBy,
    tzOffsetMinutes: tz,
    load,
    cancel,
    clear,
  };
}

export type DmarcReportsState = ReturnType<typeof useDmarcReports>;
