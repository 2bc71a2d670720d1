/**
 * The analyser in the page itself, for a browser that cannot start the worker
 * (./runner.ts loads this module only then). The same handler answers the same
 * messages; each message is delivered on a new task, and the core gives the
 * event loop a turn between its heavy steps, so the page still responds between
 * them, if less smoothly than with a worker.
 */
import { createAnalyserHandler } from './handler';
import type { WorkerLike } from './protocol';

export function inPageWorker(): WorkerLike {
  const listeners = new Set<(event: { readonly data?: unknown }) => void>();
  const handle = createAnalyserHandler((message) => {
    setTimeout(() => {
      for (const l of listeners) l({ data: message });
    }, 0);
  });
  return {
    postMessage: (message) => {
      setTimeout(() => handle(message), 0);
    },
    addEventListener: (type, listener) => {
      if (type === 'message') listeners.add(listener);
    },
  };
}
