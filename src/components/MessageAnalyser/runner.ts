/**
 * Where an analysis runs: in a Web Worker (./analyse.worker.ts), started the
 * first time the visitor reaches for the input (focus, a pick, a paste), so a
 * page that is only read fetches nothing more; without a worker — none in this
 * browser, or it failed to load — in the page itself (./inPage.ts, loaded only
 * then). See ./protocol.ts for why a worker, and why it asks no DNS itself.
 */
import type { MessageAnalysis } from '~/core';
import { createAnalyserClient, WorkerFailure, type AnalyseRequest, type AnalyserClient } from './protocol';

let client: AnalyserClient | undefined;
let workerBroken = false;
let inPage: Promise<AnalyserClient> | undefined;

/** Starts the worker, once. Safe to call often. */
export function prepareAnalyser(): void {
  if (client || workerBroken) return;
  if (typeof Worker === 'undefined') {
    workerBroken = true;
    return;
  }
  try {
    const worker = new Worker(new URL('./analyse.worker.ts', import.meta.url), { type: 'module', name: 'message-analyser' });
    worker.addEventListener('error', () => {
      workerBroken = true;
      client = undefined;
      worker.terminate();
    });
    client = createAnalyserClient(worker);
  } catch {
    workerBroken = true;
  }
}

/** One analysis; snapshots go to `onUpdate`. Rejects with DohError('aborted') when the signal aborts. */
export async function runAnalysis(request: AnalyseRequest): Promise<MessageAnalysis> {
  prepareAnalyser();
  const worker = client;
  if (worker) {
    try {
      return await worker.analyse(request);
    } catch (e) {
      if (!(e instanceof WorkerFailure)) throw e;
    }
  }
  inPage ??= import('./inPage').then((m) => createAnalyserClient(m.inPageWorker()));
  return (await inPage).analyse(request);
}
