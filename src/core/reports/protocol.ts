/**
 * The Web Worker message protocol of the report reader (issue 13, item 8: the
 * page stays responsive while 20 MB of reports are read). DOM-free: the worker
 * side is a function from message to posted messages (createReportsWorker in
 * handler.ts; the entry that binds it to the worker global is worker.ts), and
 * the page side (createReportsClient, here) takes anything with postMessage
 * and message events — a Worker, or a fake in tests. This file does not import
 * the parser, so the page's bundle stays without it.
 *
 *   page → worker  { type: 'load', id, files, limits?, aggregate? }
 *                  { type: 'cancel', id }
 *   worker → page  { type: 'progress', id, progress }        (per file, per ~1 MB)
 *                  { type: 'reports', id, reports }         (the reports read, a few per message)
 *                  { type: 'result', id, result, summary }  (also after cancel: result.aborted;
 *                                                           the client puts the reports back in)
 *                  { type: 'failed', id, message }          (a bug, not bad input)
 *
 * Bytes go to the worker as transferred ArrayBuffers (no copy); the parsed
 * reports come back by structured clone.
 */
import type { AggregateOptions, Summary } from './aggregate';
import type { DmarcReport, LoadProgress, LoadResult, NamedBytes, ReaderLimits } from './types';

export type ReportsRequest =
  | {
      readonly type: 'load';
      readonly id: number;
      readonly files: readonly NamedBytes[];
      readonly limits?: Partial<ReaderLimits> | undefined;
      /** Filters for the summary sent with the result (the page can re-aggregate the reports itself later). */
      readonly aggregate?: AggregateOptions | undefined;
    }
  | { readonly type: 'cancel'; readonly id: number };

export type ReportsResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: LoadProgress }
  | { readonly type: 'reports'; readonly id: number; readonly reports: readonly DmarcReport[] }
  | { readonly type: 'result'; readonly id: number; readonly result: LoadResult; readonly summary: Summary }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A request, or undefined for anything else (messages are checked, not trusted). */
export function parseRequest(data: unknown): ReportsRequest | undefined {
  if (!isRecord(data) || typeof data['id'] !== 'number') return undefined;
  const id = data['id'];
  if (data['type'] === 'cancel') return { type: 'cancel', id };
  if (data['type'] !== 'load' || !Array.isArray(data['files'])) return undefined;
  const files: NamedBytes[] = [];
  for (const f of data['files'] as unknown[]) {
    if (!isRecord(f) || typeof f['name'] !== 'string' || !(f['bytes'] instanceof Uint8Array)) return undefined;
    files.push({ name: f['name'], bytes: f['bytes'] });
  }
  const limits = isRecord(data['limits']) ? (data['limits'] as Partial<ReaderLimits>) : undefined;
  const agg = isRecord(data['aggregate']) ? (data['aggregate'] as AggregateOptions) : undefined;
  return { type: 'load', id, files, limits, aggregate: agg };
}

// ------------------------------------------------------------------ page side

/** What the page side needs of a Worker (or a MessagePort, or a fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

export interface ClientLoadOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: LoadProgress) => void) | undefined;
  readonly limits?: Partial<ReaderLimits> | undefined;
  readonly aggregate?: AggregateOptions | undefined;
  /** Transfer the files' buffers to the worker (default true: no copy; the caller's bytes become unusable). */
  readonly transfer?: boolean | undefined;
}

export type ClientLoadResult =
  | { readonly ok: true; readonly result: LoadResult; readonly summary: Summary }
  | { readonly ok: false; readonly message: string };

export interface ReportsClient {
  load(files: readonly NamedBytes[], options?: ClientLoadOptions): Promise<ClientLoadResult>;
}

/** The page side: one promise per load; an aborted signal sends `cancel`. */
export function createReportsClient(worker: WorkerLike): ReportsClient {
  let nextId = 1;
  return {
    load(files, options = {}) {
      const id = nextId++;
      return new Promise<ClientLoadResult>((resolve) => {
        const onAbort = (): void => worker.postMessage({ type: 'cancel', id } satisfies ReportsRequest);
        const reports: DmarcReport[] = [];
        const listener = (event: { readonly data: unknown }): void => {
          const msg = event.data as ReportsResponse;
          if (!isRecord(msg) || msg.id !== id) return;
          if (msg.type === 'progress') {
            options.onProgress?.(msg.progress);
            return;
          }
          if (msg.type === 'reports') {
            for (const r of msg.reports) reports.push(r);
            return;
          }
          worker.removeEventListener('message', listener);
          options.signal?.removeEventListener('abort', onAbort);
          resolve(
            msg.type === 'result'
              ? { ok: true, result: { ...msg.result, reports: [...reports, ...msg.result.reports] }, summary: msg.summary }
              : { ok: false, message: msg.message },
          );
        };
        worker.addEventListener('message', listener);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const request: ReportsRequest = { type: 'load', id, files, limits: options.limits, aggregate: options.aggregate };
        const buffers = options.transfer === false ? [] : [...new Set(files.map((f) => f.bytes.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
        worker.postMessage(request, buffers);
        if (options.signal?.aborted) onAbort();
      });
    },
  };
}
