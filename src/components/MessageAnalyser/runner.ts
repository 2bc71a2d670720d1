/**
 * Where an analysis runs: in a Web Worker running the analyser's own bundle
 * (./analyse.worker.ts, built by Vite as one self-contained file), started the
 * first time the visitor reaches for the input (focus, a pick, a paste), so a
 * page that is only read fetches nothing more. A browser that cannot start the
 * worker (none there, or a policy refuses it) gets the same bundle as a script
 * in the page, talking through a host object instead of postMessage: slower to
 * respond during a large paste, but complete. See ./protocol.ts for why a
 * worker, and why it asks no DNS itself.
 *
 * A run replaced while still in flight ends its worker: the worker may be deep
 * in a synchronous step of a huge paste and would read the cancel only after
 * it. A new worker starts at once for the run that replaced it (the bundle is
 * in the HTTP cache by then).
 *
 * The page imports nothing of the analyser itself: the bundle is reached only
 * by its URL. (An `import()` of the analyser here would make the bundler put
 * every core module the analyser shares with the page — the Received parser,
 * the bounce reader — whole into the page's own chunk.)
 */
import type { MessageAnalysis } from '~/core';
import bundleUrl from './analyse.worker.ts?worker&url';
import { createAnalyserClient, WorkerFailure, type AnalyseRequest, type AnalyserClient, type WorkerLike } from './protocol';

const NAME = 'message-analyser';
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
    const worker = new Worker(bundleUrl, { name: NAME });
    const own = createAnalyserClient(worker, {
      // A run given up while in flight: end this worker, whatever it is doing, and have a fresh one ready.
      onAbandon: () => {
        if (client !== own) return;
        client = undefined;
        worker.terminate();
        prepareAnalyser();
      },
    });
    worker.addEventListener('error', () => {
      workerBroken = true;
      if (client === own) client = undefined;
      worker.terminate();
    });
    client = own;
  } catch {
    workerBroken = true;
  }
}

interface Host {
  postMessage(message: unknown): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
}

/** The bundle as a script in this page, behind the same message interface (each message on a later task). */
function loadInPage(): Promise<AnalyserClient> {
  const listeners = new Set<(event: { readonly data?: unknown }) => void>();
  const host: Host = {
    onmessage: null,
    postMessage: (message) => {
      setTimeout(() => {
        for (const l of listeners) l({ data: message });
      }, 0);
    },
  };
  (globalThis as { __mgMessageAnalyserHost?: Host }).__mgMessageAnalyserHost = host;
  const port: WorkerLike = {
    postMessage: (message) => {
      setTimeout(() => host.onmessage?.({ data: message }), 0);
    },
    addEventListener: (type, listener) => {
      if (type === 'message') listeners.add(listener);
    },
  };
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = bundleUrl;
    script.dataset['mgAnalyser'] = '';
    script.onload = () => resolve(createAnalyserClient(port));
    script.onerror = () => {
      script.remove();
      inPage = undefined;
      reject(new WorkerFailure('the analyser could not be loaded'));
    };
    document.head.append(script);
  });
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
  inPage ??= loadInPage();
  return (await inPage).analyse(request);
}
