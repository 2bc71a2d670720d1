/**
 * What every tool widget does around its work: read the page address once
 * (and fill its form from it), run at once when the address asks for it (a
 * support link shows the answer without a click), keep one run at a time
 * (starting a run aborts the one before; leaving the page aborts it too), and
 * give each run the browser's DoH client over the visitor's resolvers (and
 * the page's leader, when automatic: see useResolvers).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createDohClient, type DohClient, type Resolver, type ResolverLeader } from '~/core';
import { useUrlState, type UrlState, type UrlStateHook } from './useUrlState';

export interface RunContext {
  /** Aborted when a newer run starts, on stop(), and when the widget goes away. */
  readonly signal: AbortSignal;
  /** The DoH client over the resolvers in force when the run started. */
  readonly client: DohClient;
  /** The page's fetch, for work that asks one resolver directly. */
  readonly fetch: typeof globalThis.fetch;
}

export interface ToolRunOptions<Args> {
  readonly resolvers: readonly Resolver[];
  /** Orders the resolvers by who answers first (useResolvers' leader); none: ask them in order. */
  readonly leader?: ResolverLeader | undefined;
  /** The resolver list is final (address and storage read). */
  readonly resolversReady: boolean;
  /** Per-question timeout for the client (its default otherwise). */
  readonly timeoutMs?: number;
  /** The work of one run. Resolves (or rejects) when the run is over. */
  readonly task: (args: Args, run: RunContext) => Promise<unknown> | void;
  /**
   * Called once, when the address has been read: fill the form from it, and
   * return what to run with at once, if anything.
   */
  readonly fromUrl?: (params: UrlState) => Args | undefined;
}

export interface ToolRun<Args> {
  readonly url: UrlStateHook;
  /** Aborts the current run, if any, and starts one. */
  readonly start: (args: Args) => void;
  readonly stop: () => void;
  readonly running: boolean;
}

export function useToolRun<Args>(options: ToolRunOptions<Args>): ToolRun<Args> {
  const { resolvers, leader, resolversReady, timeoutMs } = options;
  const url = useUrlState();
  const controller = useRef<AbortController | null>(null);
  const [running, setRunning] = useState(false);
  const client = useMemo(
    () =>
      createDohClient({
        fetch: globalThis.fetch.bind(globalThis),
        resolvers,
        leader,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      }),
    [resolvers, leader, timeoutMs],
  );
  // The latest task and fromUrl, without making start() change identity on every render.
  const task = useRef(options.task);
  task.current = options.task;
  const fromUrl = useRef(options.fromUrl);
  fromUrl.current = options.fromUrl;

  const start = useCallback(
    (args: Args) => {
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      setRunning(true);
      const done = (): void => {
        if (controller.current !== ac) return;
        controller.current = null;
        setRunning(false);
      };
      try {
        void Promise.resolve(task.current(args, { signal: ac.signal, client, fetch: globalThis.fetch.bind(globalThis) })).then(
          done,
          done,
        );
      } catch {
        done();
      }
    },
    [client],
  );

  const stop = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setRunning(false);
  }, []);

  // Read the address once it is known, and run at once when it names something to run.
  const urlRead = useRef(false);
  useEffect(() => {
    if (!url.ready || !resolversReady || urlRead.current) return;
    urlRead.current = true;
    const args = fromUrl.current?.(url.params);
    if (args !== undefined) start(args);
  }, [url.ready, url.params, resolversReady, start]);

  useEffect(() => () => controller.current?.abort(), []);

  return { url, start, stop, running };
}
