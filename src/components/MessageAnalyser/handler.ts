/**
 * The worker side of the analyser (protocol in ./protocol.ts): runs
 * analyseMessage with the SPF evaluator and the core's RFC 9989 tree walk
 * (MESSAGE_DMARC_STEPS: the same walk the checker uses), its DNS questions
 * sent to the page as messages, and posts a snapshot each time a section
 * settles. DOM-free; `post` is the worker's postMessage (or a fake in tests).
 * Also run in the page itself when no worker can be started (./runner.ts).
 */
import { analyseMessage, DohError, evaluateSpf, MESSAGE_DMARC_STEPS, type DnsResponse, type MessageAnalysis, type QueryFn } from '~/core';
import { parsePageMessage, type WorkerToPage } from './protocol';

/**
 * What crosses back to the page: the analysis without what the view never
 * shows and may be large — the header fields and body of a message returned
 * inside a bounce (its subject, sender, date and id stay).
 */
export function slim(analysis: MessageAnalysis): MessageAnalysis {
  const returned = analysis.bounce?.returned;
  if (!returned || !analysis.bounce) return analysis;
  return { ...analysis, bounce: { ...analysis.bounce, returned: { ...returned, headers: [], body: undefined } } };
}

interface Waiting {
  readonly resolve: (response: DnsResponse) => void;
  readonly reject: (e: unknown) => void;
}

export function createAnalyserHandler(post: (message: WorkerToPage) => void): (data: unknown) => void {
  const runs = new Map<number, { controller: AbortController; waiting: Map<number, Waiting> }>();
  let nextQid = 0;

  const start = (id: number, input: string | ArrayBuffer, ip: string | undefined, now: number) => {
    const controller = new AbortController();
    const waiting = new Map<number, Waiting>();
    runs.set(id, { controller, waiting });
    const query: QueryFn = (name, type, signal) =>
      new Promise((resolve, reject) => {
        if (controller.signal.aborted || signal?.aborted) {
          reject(new DohError('aborted', 'aborted'));
          return;
        }
        const qid = ++nextQid;
        waiting.set(qid, { resolve, reject });
        signal?.addEventListener(
          'abort',
          () => {
            if (waiting.delete(qid)) reject(new DohError('aborted', 'aborted'));
          },
          { once: true },
        );
        post({ type: 'query', id, qid, name, rrtype: type });
      });
    analyseMessage(input, {
      query,
      now,
      evaluateSpf,
      dmarc: MESSAGE_DMARC_STEPS,
      signal: controller.signal,
      ...(ip ? { ip } : {}),
      onUpdate: (analysis) => {
        // The final snapshot goes out as `done`.
        if (!analysis.done && !controller.signal.aborted) post({ type: 'update', id, analysis: slim(analysis) });
      },
    }).then(
      (analysis) => {
        if (!controller.signal.aborted) post({ type: 'done', id, analysis: slim(analysis) });
      },
      (e: unknown) => {
        if (!controller.signal.aborted) post({ type: 'failed', id, message: String((e as Error | null)?.message ?? e) });
      },
    ).finally(() => runs.delete(id));
  };

  return (data: unknown) => {
    const msg = parsePageMessage(data);
    if (!msg) return;
    if (msg.type === 'analyse') {
      start(msg.id, msg.input, msg.ip, msg.now);
      return;
    }
    const run = runs.get(msg.id);
    if (!run) return;
    if (msg.type === 'cancel') {
      run.controller.abort();
      for (const [qid, w] of run.waiting) {
        run.waiting.delete(qid);
        w.reject(new DohError('aborted', 'aborted'));
      }
      return;
    }
    const w = run.waiting.get(msg.qid);
    if (!w) return;
    run.waiting.delete(msg.qid);
    if ('error' in msg) w.reject(new DohError(msg.error.code, msg.error.message));
    else w.resolve(msg.response);
  };
}
