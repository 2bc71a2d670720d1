/**
 * How the page and the analyser's Web Worker talk (./analyse.worker.ts runs
 * ./handler.ts). Why a worker: a pasted message may be 10 MB, and parsing it,
 * walking its MIME parts and canonicalising its body for DKIM are synchronous
 * steps of tens to hundreds of milliseconds that the core cannot cut finer;
 * in a worker the page keeps answering keys and scrolls while they run. The
 * core's results are plain data (structured-clone safe), so they cross as they
 * are.
 *
 * The worker asks no DNS itself: every question comes back to the page, which
 * asks it through the tool's DoH client (useToolRun: the visitor's resolvers,
 * hedging, one run at a time, the per-run answer cache) under the page's
 * Content-Security-Policy — a worker loaded from a URL does not inherit the
 * page's <meta> policy, so its own fetches would escape the narrowed
 * connect-src. Questions and answers are plain data too.
 *
 *   page → worker  { type: 'analyse', id, input, ip?, now }
 *                  { type: 'answer', id, qid, response } | { type: 'answer', id, qid, error }
 *                  { type: 'cancel', id }
 *   worker → page  { type: 'query', id, qid, name, rrtype }
 *                  { type: 'update', id, analysis }   (each time a section settles)
 *                  { type: 'done', id, analysis }
 *                  { type: 'failed', id, message }    (a bug, not bad input)
 *
 * A run that is aborted before its result (a newer run replaced it, or the
 * input was cleared) is abandoned: the page stops listening to it and tells
 * the worker, but a worker busy in a long synchronous step reads no message
 * until that step ends, so the client also says so (`onAbandon`) and the
 * runner ends that worker and starts another (./runner.ts).
 *
 * This file does not import the analyser, so the page bundle stays without it.
 */
import { DohError, DOH_ERROR_CODES, RR_TYPES, type DnsResponse, type DohErrorCode, type MessageAnalysis, type QueryFn, type RRType } from '~/core';

export type PageToWorker =
  | { readonly type: 'analyse'; readonly id: number; readonly input: string | ArrayBuffer; readonly ip?: string | undefined; readonly now: number }
  | { readonly type: 'answer'; readonly id: number; readonly qid: number; readonly response: DnsResponse }
  | { readonly type: 'answer'; readonly id: number; readonly qid: number; readonly error: { readonly code: DohErrorCode; readonly message: string } }
  | { readonly type: 'cancel'; readonly id: number };

export type WorkerToPage =
  | { readonly type: 'query'; readonly id: number; readonly qid: number; readonly name: string; readonly rrtype: RRType }
  | { readonly type: 'update' | 'done'; readonly id: number; readonly analysis: MessageAnalysis }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCode = (v: unknown): v is DohErrorCode => typeof v === 'string' && (DOH_ERROR_CODES as readonly string[]).includes(v);

/** A page message, or undefined for anything else (messages are checked, not trusted). */
export function parsePageMessage(data: unknown): PageToWorker | undefined {
  if (!isRecord(data) || typeof data['id'] !== 'number') return undefined;
  const id = data['id'];
  switch (data['type']) {
    case 'analyse': {
      const input = data['input'];
      if (typeof input !== 'string' && !(input instanceof ArrayBuffer)) return undefined;
      const ip = typeof data['ip'] === 'string' ? data['ip'] : undefined;
      const now = typeof data['now'] === 'number' ? data['now'] : Date.now();
      return { type: 'analyse', id, input, ip, now };
    }
    case 'answer': {
      if (typeof data['qid'] !== 'number') return undefined;
      const qid = data['qid'];
      const error = data['error'];
      if (isRecord(error)) return { type: 'answer', id, qid, error: { code: isCode(error['code']) ? error['code'] : 'network', message: String(error['message'] ?? '') } };
      if (isRecord(data['response'])) return { type: 'answer', id, qid, response: data['response'] as unknown as DnsResponse };
      return undefined;
    }
    case 'cancel':
      return { type: 'cancel', id };
    default:
      return undefined;
  }
}

/** A worker message, or undefined. */
export function parseWorkerMessage(data: unknown): WorkerToPage | undefined {
  if (!isRecord(data) || typeof data['id'] !== 'number') return undefined;
  const id = data['id'];
  const type = data['type'];
  if (type === 'query') {
    const rrtype = data['rrtype'];
    if (typeof data['qid'] !== 'number' || typeof data['name'] !== 'string' || !(RR_TYPES as readonly unknown[]).includes(rrtype)) return undefined;
    return { type, id, qid: data['qid'], name: data['name'], rrtype: rrtype as RRType };
  }
  if ((type === 'update' || type === 'done') && isRecord(data['analysis'])) return { type, id, analysis: data['analysis'] as unknown as MessageAnalysis };
  if (type === 'failed') return { type, id, message: String(data['message'] ?? '') };
  return undefined;
}

// ------------------------------------------------------------------ page side

/** What the page side needs of a Worker (or a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error', listener: (event: { readonly data?: unknown }) => void): void;
}

export interface AnalyseRequest {
  readonly input: string | ArrayBuffer;
  readonly ip?: string | undefined;
  readonly now: number;
  /** Asks the page's resolvers (a run of the tool's DoH client). */
  readonly query: QueryFn;
  readonly signal?: AbortSignal | undefined;
  readonly onUpdate?: ((analysis: MessageAnalysis) => void) | undefined;
}

/** The worker could not run the analysis (failed to load, crashed): the caller may run it in the page. */
export class WorkerFailure extends Error {
  override readonly name = 'WorkerFailure';
}

export interface AnalyserClient {
  analyse(request: AnalyseRequest): Promise<MessageAnalysis>;
}

/** A User Timing mark (the benchmark reads them to show where the time goes); nothing where there is no performance API. */
function mark(name: string): void {
  try {
    globalThis.performance?.mark(name);
  } catch {
    // no User Timing here
  }
}

interface PendingRun {
  asked?: boolean;
  readonly request: AnalyseRequest;
  readonly resolve: (a: MessageAnalysis) => void;
  readonly reject: (e: unknown) => void;
}

export interface AnalyserClientOptions {
  /**
   * A run was aborted before the worker gave its result, and no other run is
   * in flight: the worker may still be busy with it. Called after the worker
   * was told to cancel it.
   */
  readonly onAbandon?: () => void;
}

/** The page side over one worker. Several runs may be in flight; each is answered by its id. */
export function createAnalyserClient(worker: WorkerLike, options: AnalyserClientOptions = {}): AnalyserClient {
  let nextId = 0;
  const runs = new Map<number, PendingRun>();

  worker.addEventListener('message', (event) => {
    const msg = parseWorkerMessage(event.data);
    if (!msg) return;
    const run = runs.get(msg.id);
    if (!run) return;
    const { request } = run;
    switch (msg.type) {
      case 'query': {
        if (!run.asked) {
          run.asked = true;
          mark('mg-message-first-question');
        }
        // Ask through the page's DoH client; the answer (or its failure) goes back as data,
        // unless the run has ended meanwhile.
        request
          .query(msg.name, msg.rrtype, request.signal)
          .then(
            (response) => {
              if (runs.has(msg.id)) worker.postMessage({ type: 'answer', id: msg.id, qid: msg.qid, response });
            },
            (e: unknown) => {
              if (!runs.has(msg.id)) return;
              const code = (e as { code?: unknown } | null)?.code;
              worker.postMessage({ type: 'answer', id: msg.id, qid: msg.qid, error: { code: isCode(code) ? code : 'network', message: String((e as Error | null)?.message ?? e) } });
            },
          );
        break;
      }
      case 'update':
        if (!request.signal?.aborted) request.onUpdate?.(msg.analysis);
        break;
      case 'done':
        mark('mg-message-done');
        runs.delete(msg.id);
        run.resolve(msg.analysis);
        break;
      case 'failed':
        runs.delete(msg.id);
        run.reject(new WorkerFailure(msg.message));
        break;
    }
  });
  worker.addEventListener('error', () => {
    for (const [id, run] of runs) {
      runs.delete(id);
      run.reject(new WorkerFailure('worker error'));
    }
  });

  return {
    analyse(request) {
      return new Promise<MessageAnalysis>((resolve, reject) => {
        if (request.signal?.aborted) {
          reject(new DohError('aborted', 'aborted'));
          return;
        }
        const id = ++nextId;
        runs.set(id, { request, resolve, reject });
        mark('mg-message-start');
        request.signal?.addEventListener(
          'abort',
          () => {
            if (!runs.delete(id)) return;
            worker.postMessage({ type: 'cancel', id });
            reject(new DohError('aborted', 'aborted'));
            // Only when no other run needs this worker.
            if (runs.size === 0) options.onAbandon?.();
          },
          { once: true },
        );
        worker.postMessage({ type: 'analyse', id, input: request.input, ip: request.ip, now: request.now });
      });
    },
  };
}
