/**
 * Cooperative pacing for long work in a worker (or a tab): after every ~1 MB of
 * work the loop awaits a macrotask, so a `cancel` message can arrive and
 * progress can be posted, and an aborted signal stops the work at the next
 * step. The clock-free design (bytes, not milliseconds) keeps it testable.
 */

/** Thrown inside the reader when its signal aborts; caught by the pipeline, never escapes the public API. */
export class ReadAborted extends Error {
  constructor() {
    super('aborted');
    this.name = 'ReadAborted';
  }
}

export type YieldFn = () => Promise<void>;

/** A macrotask: lets queued messages (cancel) and timers run. Works in workers, pages and Node. */
export const macrotask: YieldFn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface Pacer {
  readonly signal: AbortSignal | undefined;
  /** Count `bytes` of work done; yields after every `yieldEvery` bytes; throws ReadAborted once aborted. */
  work(bytes: number): Promise<void>;
  /** Throws ReadAborted when the signal has aborted. */
  check(): void;
}

export interface PacerOptions {
  readonly signal?: AbortSignal | undefined;
  /** Bytes of work between two yields (default 1 MiB). */
  readonly yieldEvery?: number | undefined;
  readonly yieldFn?: YieldFn | undefined;
  /** Called after each yield (the pipeline posts progress here). */
  readonly onYield?: (() => void) | undefined;
}

export function createPacer(options: PacerOptions = {}): Pacer {
  const { signal, onYield } = options;
  const yieldEvery = options.yieldEvery ?? 1024 * 1024;
  const yieldFn = options.yieldFn ?? macrotask;
  let pending = 0;
  const check = (): void => {
    if (signal?.aborted) throw new ReadAborted();
  };
  return {
    signal,
    check,
    async work(bytes: number): Promise<void> {
      pending += bytes;
      if (pending >= yieldEvery) {
        pending = 0;
        await yieldFn();
        onYield?.();
      }
      check();
    },
  };
}
