import { describe, expect, it } from 'vitest';
import { createReportsWorker } from '~/core/reports/handler';
import { createReportsClient, parseRequest, type WorkerLike } from '~/core/reports/protocol';
import type { LoadProgress } from '~/core/reports/types';
import { fixture, gzipBomb, named } from '../../support/reports';

const instant = async () => undefined;

/** A page side and a worker side joined in memory, as a Worker joins them by postMessage. */
function channel() {
  const listeners = new Set<(event: { readonly data: unknown }) => void>();
  const posted: unknown[] = [];
  const transferred: unknown[] = [];
  const handle = createReportsWorker((message) => {
    for (const l of [...listeners]) l({ data: message });
  }, { yieldFn: instant });
  const worker: WorkerLike = {
    postMessage: (message, transfer) => {
      posted.push(message);
      transferred.push(...(transfer ?? []));
      queueMicrotask(() => handle(message));
    },
    addEventListener: (_type, l) => void listeners.add(l),
    removeEventListener: (_type, l) => void listeners.delete(l),
  };
  return { worker, posted, transferred, listeners };
}

describe('parseRequest', () => {
  const bytes = new Uint8Array(1);
  const rows: [string, unknown, boolean][] = [
    ['a load', { type: 'load', id: 1, files: [{ name: 'a.xml', bytes }] }, true],
    ['a cancel', { type: 'cancel', id: 1 }, true],
    ['a load whose file has no bytes', { type: 'load', id: 1, files: [{ name: 'a.xml' }] }, false],
    ['a message without an id', { type: 'cancel' }, false],
    ['an unknown type', { type: 'explode', id: 1 }, false],
    ['a string', 'load', false],
    ['null', null, false],
  ];
  it.each(rows)('accepts %s: %s', (_name, data, ok) => {
    expect(parseRequest(data) !== undefined).toBe(ok);
  });
});

describe('createReportsClient', () => {
  it('puts the reports sent in several messages back together, in order, into the result', async () => {
    const listeners = new Set<(event: { readonly data: unknown }) => void>();
    const send = (data: unknown) => queueMicrotask(() => [...listeners].forEach((l) => l({ data })));
    const report = (id: string) => ({ reportId: id }) as unknown as import('~/core/reports/types').DmarcReport;
    const worker: WorkerLike = {
      postMessage: (message) => {
        const id = (message as { id: number }).id;
        if ((message as { type: string }).type !== 'load') return;
        send({ type: 'reports', id, reports: [report('a'), report('b')] });
        send({ type: 'reports', id: id + 1, reports: [report('other load')] });
        send({ type: 'reports', id, reports: [report('c')] });
        send({ type: 'result', id, result: { reports: [], errors: [], aborted: false, xmlBytes: 3 }, summary: {} });
      },
      addEventListener: (_type, l) => void listeners.add(l),
      removeEventListener: (_type, l) => void listeners.delete(l),
    };
    const res = await createReportsClient(worker).load([]);
    expect(res.ok && res.result.reports.map((r) => r.reportId)).toEqual(['a', 'b', 'c']);
  });

  it('loads through the worker, passing progress and transferring the bytes', async () => {
    const { worker, transferred, listeners } = channel();
    const client = createReportsClient(worker);
    const progress: LoadProgress[] = [];
    const files = [named('google.xml', fixture('google.xml')), named('qq.xml', fixture('qq.xml'))];
    const res = await client.load(files, { onProgress: (p) => progress.push(p) });
    expect(res.ok && [res.result.reports.length, res.summary.totals.messages]).toEqual([2, 59]);
    expect(progress.map((p) => p.filesDone)).toEqual([1, 2]);
    expect(transferred).toEqual([files[0]?.bytes.buffer, files[1]?.bytes.buffer]);
    expect(listeners.size).toBe(0);
  });

  it('keeps loads apart by id', async () => {
    const { worker } = channel();
    const client = createReportsClient(worker);
    const [a, b] = await Promise.all([client.load([named('g.xml', fixture('google.xml'))]), client.load([named('q.xml', fixture('qq.xml'))])]);
    expect([a.ok && a.result.reports[0]?.file, b.ok && b.result.reports[0]?.file]).toEqual(['g.xml', 'q.xml']);
  });

  it('cancels the worker’s load when the signal aborts', async () => {
    const { worker, posted } = channel();
    const controller = new AbortController();
    const client = createReportsClient(worker);
    const res = await client.load([named('a.xml', fixture('google.xml')), named('bomb.gz', gzipBomb(1024))], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.filesDone === 1) controller.abort();
      },
    });
    expect(res.ok && [res.result.aborted, res.result.reports.length]).toEqual([true, 1]);
    expect(posted.map((m) => (m as { type: string }).type)).toEqual(['load', 'cancel']);
  });
});
