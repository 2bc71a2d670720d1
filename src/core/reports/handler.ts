/**
 * The worker side of the report reader's protocol (see protocol.ts): a
 * function from request message to posted responses, running the pipeline.
 * Imported by the worker entry (worker.ts), never by the page.
 */
import { aggregate } from './aggregate';
import type { YieldFn } from './pace';
import { loadReports } from './pipeline';
import { parseRequest, type ReportsResponse } from './protocol';

/** Reports per 'reports' message (about 2.5 MB of XML's worth at 100 KB a report). */
export const REPORTS_PER_MESSAGE = 25;

export interface WorkerOptions {
  readonly yieldFn?: YieldFn | undefined;
}

/**
 * The worker side: returns the onmessage handler. Loads run concurrently by
 * id (normally one at a time); `cancel` aborts the load with that id, which
 * then answers with its partial result (aborted: true). The reports read are
 * sent first, REPORTS_PER_MESSAGE to a 'reports' message, then the 'result'
 * (with the refused files, the summary and no reports of its own).
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
      .then((result) => {
        const summary = aggregate(result.reports, req.aggregate);
        // The reports go in several messages: the page decodes each message in one task on its
        // main thread, and 20 MB of reports in one message would hold it for too long.
        for (let at = 0; at < result.reports.length; at += REPORTS_PER_MESSAGE) {
          post({ type: 'reports', id: req.id, reports: result.reports.slice(at, at + REPORTS_PER_MESSAGE) });
        }
        post({ type: 'result', id: req.id, result: { ...result, reports: [] }, summary });
      })
      .catch((e: unknown) => post({ type: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) }))
      .finally(() => running.delete(req.id));
  };
}
