/**
 * The analyser's bundle entry: binds ./handler.ts to the worker global. It is
 * loaded only by ./runner.ts, as a Web Worker, or — in a browser that cannot
 * start one — as a script in the page, where it binds instead to the host
 * object the runner puts at `globalThis.__mgMessageAnalyserHost` (the bundle is
 * a self-contained IIFE, so nothing else leaks into the page). Never import it.
 */
import { createAnalyserHandler } from './handler';

interface Scope {
  postMessage(message: unknown): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
}

const g = globalThis as unknown as Scope & { __mgMessageAnalyserHost?: Scope };
const scope: Scope = g.__mgMessageAnalyserHost ?? g;
const handle = createAnalyserHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
