/**
 * The Web Worker entry of the report reader: binds createReportsWorker to the
 * worker global. Load it only as a worker, e.g.
 *   new Worker(new URL('../../core/reports/worker.ts', import.meta.url), { type: 'module' })
 * (never import it into a page: it sets the global onmessage). DOM-free: the
 * worker global is typed here with just what is used.
 */
import { createReportsWorker } from './handler';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createReportsWorker((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
