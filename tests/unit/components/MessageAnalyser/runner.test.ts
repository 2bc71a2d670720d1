import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeDns } from '../../support/fake-dns';

/** A Worker that records what it is sent, whether it was ended, and lets the test answer. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly sent: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Set<(e: { data?: unknown }) => void>>();
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }
  postMessage(m: unknown) {
    this.sent.push(m);
  }
  addEventListener(type: string, l: (e: { data?: unknown }) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(l);
  }
  emit(type: string, data?: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ data });
  }
  terminate() {
    this.terminated = true;
  }
}

describe('runAnalysis', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
    // The runner keeps its worker in module state: a fresh module per test.
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('ends a worker whose run was replaced while in flight, and starts a new one for the next run', async () => {
    const { runAnalysis } = await import('~/components/MessageAnalyser/runner');
    const first = new AbortController();
    const running = runAnalysis({ input: 'x', now: 0, query: fakeDns({}).query, signal: first.signal });
    expect(FakeWorker.made).toHaveLength(1);
    // A newer run replaces it (useToolRun aborts the old one first).
    first.abort();
    await expect(running).rejects.toMatchObject({ code: 'aborted' });
    expect(FakeWorker.made.map((w) => w.terminated)).toEqual([true, false]);
    const next = runAnalysis({ input: 'y', now: 0, query: fakeDns({}).query });
    // The next run goes to the new worker.
    expect(FakeWorker.made[1]!.sent).toEqual([expect.objectContaining({ type: 'analyse', id: 1, input: 'y' })]);
    FakeWorker.made[1]!.emit('message', { type: 'done', id: 1, analysis: { done: true } });
    await expect(next).resolves.toEqual({ done: true });
  });

  it('keeps a worker whose run finished', async () => {
    const { runAnalysis } = await import('~/components/MessageAnalyser/runner');
    const controller = new AbortController();
    const running = runAnalysis({ input: 'x', now: 0, query: fakeDns({}).query, signal: controller.signal });
    FakeWorker.made[0]!.emit('message', { type: 'done', id: 1, analysis: { done: true } });
    await running;
    controller.abort();
    expect(FakeWorker.made.map((w) => w.terminated)).toEqual([false]);
  });
});
