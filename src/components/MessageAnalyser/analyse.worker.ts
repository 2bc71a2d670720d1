/**
 * The Web Worker entry of the message analyser: binds ./handler.ts to the
 * worker global. Loaded only as a worker (./runner.ts); never import it into a
 * page (it sets the global onmessage).
 */
import { createAnalyserHandler } from './handler';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createAnalyserHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
