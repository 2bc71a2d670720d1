import { describe, expect, it } from 'vitest';
import { createAnalyserHandler, slim } from '~/components/MessageAnalyser/handler';
import { createAnalyserClient, type WorkerLike } from '~/components/MessageAnalyser/protocol';
import { DohError } from '~/core/doh/errors';
import type { QueryFn } from '~/core/doh/types';
import { analyseMessage, type MessageAnalysis } from '~/core/message/analyse';
import { fakeDns, type FakeZone } from '../../support/fake-dns';
import { keyRecord, signMessage } from '../../support/dkim-signer';
import { analyseOver, EXAMPLE_CN, NOW } from '../../support/message-analysis';

const ZONE: FakeZone = { ...EXAMPLE_CN, 'ed._domainkey.example.cn': { TXT: [keyRecord('ed25519')] } };

const MESSAGE = [
  'Return-Path: <zhang@example.cn>',
  'Received: from smtp.example.cn (smtp.example.cn [203.0.113.5])',
  '\tby mx.example.net (Postfix) with ESMTPS id 4XkQ2b;',
  '\tTue,  3 Nov 2026 09:15:04 +0800 (CST)',
  'From: Zhang <zhang@example.cn>',
  'To: li@example.net',
  'Subject: =?GBK?B?suLK1A==?=',
  'Date: Tue, 03 Nov 2026 09:14:59 +0800',
  'Message-ID: <r1@example.cn>',
  '',
  'Hello',
  '',
].join('\r\n');

/**
 * The page side and the worker side joined by a fake channel that delivers each
 * message on a later task, through structuredClone, as postMessage does.
 */
function channel() {
  const toPage = new Set<(event: { readonly data?: unknown }) => void>();
  const fromPage: unknown[] = [];
  const fromWorker: unknown[] = [];
  const handle = createAnalyserHandler((message) => {
    fromWorker.push(message);
    const data = structuredClone(message);
    setTimeout(() => {
      for (const l of toPage) l({ data });
    }, 0);
  });
  const worker: WorkerLike = {
    postMessage: (message) => {
      fromPage.push(message);
      const data = structuredClone(message);
      setTimeout(() => handle(data), 0);
    },
    addEventListener: (type, listener) => {
      if (type === 'message') toPage.add(listener);
    },
  };
  return { client: createAnalyserClient(worker), fromPage, fromWorker };
}

describe('the analyser behind the worker protocol', () => {
  it('gives the same analysis as analyseMessage in place, every DNS question asked by the page', async () => {
    const signed = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const pageDns = fakeDns(ZONE);
    const { client } = channel();
    const updates: MessageAnalysis[] = [];
    const viaWorker = await client.analyse({ input: signed, now: NOW, query: pageDns.query, onUpdate: (a) => updates.push(a) });
    const direct = await analyseOver(signed, ZONE);

    expect(viaWorker).toEqual(direct);
    expect(viaWorker.verdict).toBe('dmarc-pass');
    expect(viaWorker.headers.subject).toBe('测试');
    // The key, SPF and DMARC questions all went through the page's query function.
    expect(pageDns.asked.map((q) => `${q.name} ${q.type}`)).toEqual(
      expect.arrayContaining(['rsa._domainkey.example.cn TXT', 'example.cn TXT', '_dmarc.example.cn TXT']),
    );
    // Snapshots arrive while the checks run: the first with every check pending.
    expect(updates[0]).toMatchObject({ done: false, verdict: 'pending', dkim: { status: 'pending' }, spf: { status: 'pending' }, dmarc: { status: 'pending' } });
  });

  it('takes the bytes of a picked file as well as pasted text', async () => {
    const signed = await signMessage(MESSAGE, { key: 'ed25519', domain: 'example.cn', selector: 'ed' });
    const { client } = channel();
    const bytes = new TextEncoder().encode(signed).buffer;
    const result = await client.analyse({ input: bytes, now: NOW, query: fakeDns(ZONE).query });
    expect(result.notes.source).toBe('bytes');
    expect(result.dkim.results.map((r) => [r?.selector, r?.result])).toEqual([['ed', 'pass']]);
  });

  it('passes a failed DNS question back as its code: the key lookup is a temperror, not a missing key', async () => {
    const signed = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const dns = fakeDns(ZONE);
    const query: QueryFn = (name, type, signal) => (name.endsWith('_domainkey.example.cn') ? Promise.reject(new DohError('timeout', 'no answer')) : dns.query(name, type, signal));
    const { client } = channel();
    const result = await client.analyse({ input: signed, now: NOW, query });
    expect(result.dkim.results[0]).toMatchObject({ result: 'temperror', reason: 'dns-error', detail: 'timeout' });
  });

  it('stops a run when its signal aborts: the page rejects it as aborted and tells the worker', async () => {
    const signed = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const dns = fakeDns(ZONE, { hold: true });
    const { client, fromPage, fromWorker } = channel();
    const ac = new AbortController();
    const run = client.analyse({ input: signed, now: NOW, query: dns.query, signal: ac.signal });
    // Wait until the worker has asked its first questions, then abort.
    while (dns.asked.length === 0) await new Promise((r) => setTimeout(r, 0));
    ac.abort();
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
    dns.release();
    await new Promise((r) => setTimeout(r, 20));
    expect(fromPage.at(-1)).toEqual({ type: 'cancel', id: 1 });
    expect(fromWorker.some((m) => (m as { type: string }).type === 'done')).toBe(false);
  });

  it('runs one message after another on the same worker, each answered by its own id', async () => {
    const a = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const b = await signMessage(MESSAGE.replace('Hello', 'Changed'), { key: 'ed25519', domain: 'example.cn', selector: 'ed' });
    const { client } = channel();
    const [ra, rb] = await Promise.all([
      client.analyse({ input: a, now: NOW, query: fakeDns(ZONE).query }),
      client.analyse({ input: b.replace('Changed', 'Tampered'), now: NOW, query: fakeDns(ZONE).query }),
    ]);
    expect(ra.dkim.results[0]).toMatchObject({ selector: 'rsa', result: 'pass' });
    expect(rb.dkim.results[0]).toMatchObject({ selector: 'ed', result: 'fail', reason: 'body-hash-mismatch' });
  });
});

describe('slim', () => {
  it('drops the header fields and body of a returned message, keeping what the view shows', async () => {
    const bounce = [
      'From: MAILER-DAEMON@smtp.example.cn (Mail Delivery System)',
      'To: zhang@example.cn',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; smtp.example.cn',
      '',
      'Final-Recipient: rfc822; li@example.net',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
      '',
      '--B1',
      'Content-Type: message/rfc822',
      '',
      'From: Zhang <zhang@example.cn>',
      'Subject: Hello there',
      '',
      'A long body',
      '--B1--',
      '',
    ].join('\r\n');
    const a = await analyseMessage(bounce, { query: fakeDns({}).query, now: NOW });
    expect(a.bounce?.returned?.headers.length).toBeGreaterThan(0);
    const s = slim(a);
    expect(s.bounce?.returned).toMatchObject({ headers: [], body: undefined, subject: 'Hello there', from: { address: 'zhang@example.cn' } });
    expect(s.bounce?.recipients).toEqual(a.bounce?.recipients);
  });

  it('returns an analysis without a returned message as it is', async () => {
    const a = await analyseMessage(MESSAGE, { query: fakeDns(ZONE).query, now: NOW });
    expect(slim(a)).toBe(a);
  });
});
