/**
 * The worker side of the report reader's protocol (see protocol.ts): a
 * function from request message to posted responses, running the pipeline.
 * Imported by the worker entry (worker.ts), never by the page.
 */
import { aggregate } from './aggregate';
import type { YieldFn } from './pace';
import { loadReports } from './pipeline';
import { parseRequest, type ReportsResponse } from './protocol';

export interface WorkerOptions {
  readonly yieldFn?: YieldFn | undefined;
}

/**
 * The worker side: returns the onmessage handler. Loads run concurrently by
 * id (normally one at a time); `cancel` aborts the load with that id, which
 * then answers with its partial result (aborted: true).
 */
export function createReportsWorker(post: (message: ReportsResponse) => void, options: WorkerOptions = {}): (data: unknown) => void {
  const running = new Map<number, AbortController>();
  return (data: unknown) => {
    const req = parseRequest(data);
    if (!req) return;
    if (req.type === 'cancel') {
      running.get(req.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(req.id, controller);
    void loadReports(req.files, {
      signal: controller.signal,
      limits: req.limits,
      yieldFn: options.yieldFn,
      onProgress: (progress) => post({ type: 'progress', id: req.id, progress }),
    })
      .then((result) => post({ type: 'result', id: req.id, result, summary: aggregate(result.reports, req.aggregate) }))
      .catch((e: unknown) => post({ type: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) }))
      .finally(() => running.delete(req.id));
  };
}
