import { describe, expect, it } from 'vitest';
import { createAnalyserClient, parsePageMessage, parseWorkerMessage, WorkerFailure, type WorkerLike } from '~/components/MessageAnalyser/protocol';
import { fakeDns } from '../../support/fake-dns';

describe('messages are checked, not trusted', () => {
  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a string', 'analyse'],
    ['no id', { type: 'analyse', input: 'x' }],
    ['input that is neither text nor bytes', { type: 'analyse', id: 1, input: 42 }],
    ['an answer without a question id', { type: 'answer', id: 1, response: {} }],
    ['an answer with neither a response nor an error', { type: 'answer', id: 1, qid: 2 }],
    ['an unknown type', { type: 'eval', id: 1 }],
  ])('the worker ignores %s', (_name, data) => {
    expect(parsePageMessage(data)).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['a question for an unknown record type', { type: 'query', id: 1, qid: 1, name: 'example.com', rrtype: 'ANY' }],
    ['a question without a name', { type: 'query', id: 1, qid: 1, rrtype: 'TXT' }],
    ['an update without an analysis', { type: 'update', id: 1 }],
    ['an unknown type', { type: 'progress', id: 1 }],
  ])('the page ignores %s', (_name, data) => {
    expect(parseWorkerMessage(data)).toBeUndefined();
  });

  it('reads an error answer with an unknown code as a network failure', () => {
    expect(parsePageMessage({ type: 'answer', id: 1, qid: 2, error: { code: 'nonsense', message: 'x' } })).toEqual({
      type: 'answer',
      id: 1,
      qid: 2,
      error: { code: 'network', message: 'x' },
    });
  });
});

/** A worker that records what it is sent and lets the test answer. */
function fakeWorker() {
  const listeners = { message: new Set<(e: { data?: unknown }) => void>(), error: new Set<(e: { data?: unknown }) => void>() };
  const sent: unknown[] = [];
  const worker: WorkerLike = {
    postMessage: (m) => sent.push(m),
    addEventListener: (type, l) => listeners[type].add(l),
  };
  const emit = (type: 'message' | 'error', data?: unknown) => {
    for (const l of listeners[type]) l({ data });
  };
  return { worker, sent, emit };
}

describe('createAnalyserClient', () => {
  it('rejects its runs with WorkerFailure when the worker fails, so the page can run the analysis itself', async () => {
    const w = fakeWorker();
    const client = createAnalyserClient(w.worker);
    const run = client.analyse({ input: 'Subject: x\r\n\r\n', now: 0, query: fakeDns({}).query });
    w.emit('error');
    await expect(run).rejects.toBeInstanceOf(WorkerFailure);
  });

  it('answers a question of the worker with the page’s answer, and a failure with its code', async () => {
    const w = fakeWorker();
    const client = createAnalyserClient(w.worker);
    void client.analyse({ input: 'x', now: 0, query: fakeDns({ 'example.com': { TXT: ['hello'] }, 'dead.example.com': { reject: 'timeout' } }).query });
    w.emit('message', { type: 'query', id: 1, qid: 7, name: 'example.com', rrtype: 'TXT' });
    w.emit('message', { type: 'query', id: 1, qid: 8, name: 'dead.example.com', rrtype: 'TXT' });
    await new Promise((r) => setTimeout(r, 0));
    expect(w.sent[0]).toMatchObject({ type: 'analyse', id: 1, input: 'x' });
    expect(w.sent[1]).toMatchObject({ type: 'answer', id: 1, qid: 7, response: { rcode: 'NOERROR', answers: [{ type: 'TXT', data: ['hello'] }] } });
    expect(w.sent[2]).toEqual({ type: 'answer', id: 1, qid: 8, error: { code: 'timeout', message: 'timeout' } });
  });

  it('ignores messages for a run it does not know', async () => {
    const w = fakeWorker();
    const client = createAnalyserClient(w.worker);
    const asked: string[] = [];
    void client.analyse({ input: 'x', now: 0, query: async (name) => (asked.push(name), Promise.reject(new Error('x'))) });
    w.emit('message', { type: 'query', id: 99, qid: 1, name: 'example.com', rrtype: 'TXT' });
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([]);
  });

  it('says a run was abandoned when it is aborted before its result, after telling the worker to cancel it', async () => {
    const w = fakeWorker();
    const abandoned: unknown[][] = [];
    const client = createAnalyserClient(w.worker, { onAbandon: () => abandoned.push([...w.sent]) });
    const controller = new AbortController();
    const run = client.analyse({ input: 'x', now: 0, query: fakeDns({}).query, signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
    expect(abandoned).toEqual([[expect.objectContaining({ type: 'analyse', id: 1 }), { type: 'cancel', id: 1 }]]);
  });

  it('does not say so for a run that had finished', async () => {
    const w = fakeWorker();
    let abandoned = 0;
    const client = createAnalyserClient(w.worker, { onAbandon: () => abandoned++ });
    const controller = new AbortController();
    const run = client.analyse({ input: 'x', now: 0, query: fakeDns({}).query, signal: controller.signal });
    w.emit('message', { type: 'done', id: 1, analysis: { done: true } });
    await run;
    controller.abort();
    expect(abandoned).toBe(0);
  });

  it('does not say so while another run still needs the worker', async () => {
    const w = fakeWorker();
    let abandoned = 0;
    const client = createAnalyserClient(w.worker, { onAbandon: () => abandoned++ });
    const first = new AbortController();
    const second = new AbortController();
    const runs = [first, second].map((c) => client.analyse({ input: 'x', now: 0, query: fakeDns({}).query, signal: c.signal }).catch(() => 'aborted'));
    first.abort();
    expect(abandoned).toBe(0);
    second.abort();
    expect(abandoned).toBe(1);
    expect(await Promise.all(runs)).toEqual(['aborted', 'aborted']);
  });
});
