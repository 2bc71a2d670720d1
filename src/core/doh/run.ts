/**
 * One check's questions: the only answer cache in the core. Identical
 * (name, type) questions in a run share one promise, so each goes out once —
 * whoever asks it (the checker's rows, the SPF expansion, the early prefetch).
 * `runSignal`, when given, cancels the whole run; a caller's own signal only
 * stops its own wait.
 */
import { canonicalName } from './codec';
import { DohError, isDohError } from './errors';
import type { QueryFn } from './types';

export function newRun(query: QueryFn, runSignal?: AbortSignal): QueryFn {
  const memo = new Map<string, { promise: Promise<Awaited<ReturnType<QueryFn>>>; signal: AbortSignal | undefined }>();
  return (name, type, signal) => {
    const key = `${type} ${memoName(name)}`;
    let entry = memo.get(key);
    if (!entry) {
      const shared = runSignal ?? signal;
      let promise: ReturnType<QueryFn>;
      try {
        promise = query(name, type, shared);
      } catch (e) {
        promise = Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      const created = { promise, signal: shared };
      entry = created;
      memo.set(key, created);
      // A cancelled question may be asked again by a later caller that was not cancelled.
      promise.catch((err: unknown) => {
        if (isDohError(err) && err.code === 'aborted' && memo.get(key) === created) memo.delete(key);
      });
    }
    if (!signal || signal === entry.signal) return entry.promise;
    return withSignal(entry.promise, signal);
  };
}

/** The key a name is remembered under: its canonical form (as written, when it cannot be sent at all). */
function memoName(name: string): string {
  try {
    return canonicalName(name);
  } catch {
    return `invalid ${name}`;
  }
}

/** The same outcome as `promise`, or DohError('aborted') as soon as `signal` aborts. */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DohError('aborted', 'The query was cancelled.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DohError('aborted', 'The query was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
