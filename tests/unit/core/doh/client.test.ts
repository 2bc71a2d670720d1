import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDohClient, type FetchLike, queryResolver, type ResolverEndpoint } from '~/core/doh/client';
import { createLeader } from '~/core/doh/leader';
import { encodeQuery, toBase64Url } from '~/core/doh/codec';
import { DohError } from '~/core/doh/errors';
import type { DnsRecord, DnsResponse, DohErrorCode } from '~/core/doh/types';
import { type Behaviour, fakeFetch } from '../../support/doh-fake-fetch';

const A = (name: string, ip: string, ttl = 300): DnsRecord => ({ name, type: 'A', ttl, data: ip });
const one: ResolverEndpoint = { id: 'one', url: 'https://one.test/dns-query' };
const two: ResolverEndpoint = { id: 'two', url: 'https://two.test/dns-query' };
const three: ResolverEndpoint = { id: 'three', url: 'https://three.test/dns-query' };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Settles a promise while fake time runs, and says how it ended. */
async function outcome<T>(promise: Promise<T>, ms = 20_000): Promise<{ value?: T; error?: unknown }> {
  const result: { value?: T; error?: unknown } = {};
  const done = promise.then(
    (value) => {
      result.value = value;
    },
    (error: unknown) => {
      result.error = error;
    },
  );
  await vi.advanceTimersByTimeAsync(ms);
  await done;
  return result;
}

describe('queryResolver: the request', () => {
  it('sends one GET with ?dns=<base64url of the query> and only the accept header', async () => {
    const { fetch, calls } = fakeFetch({ 'one.test': { kind: 'answer', answers: [A('example.com', '192.0.2.1')] } });
    await outcome(queryResolver(one, 'Example.com.', 'A', { fetch }));
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(`${call.url.origin}${call.url.pathname}`).toBe('https://one.test/dns-query');
    expect(call.url.searchParams.get('dns')).toBe(toBase64Url(encodeQuery('example.com', 'A')));
    expect(call.url.search.slice('?dns='.length)).not.toContain('='); // no padding
    expect(call.init.method).toBe('GET');
    expect(call.init.body).toBeUndefined();
    expect([...new Headers(call.init.headers).entries()]).toEqual([['accept', 'application/dns-message']]);
    // The independent decoder reads the question we meant.
    expect(call.question).toEqual({ name: 'example.com', type: 'A' });
  });

  it('keeps query parameters the endpoint already has', async () => {
    const { fetch, calls } = fakeFetch({ 'one.test': { kind: 'answer' } });
    await outcome(queryResolver({ id: 'x', url: 'https://one.test/q?token=abc' }, 'example.com', 'MX', { fetch }));
    expect(calls[0]!.url.searchParams.get('token')).toBe('abc');
    expect(calls[0]!.url.searchParams.get('dns')).not.toBeNull();
  });
});

describe('queryResolver: the answer', () => {
  it('returns rcode, AD flag, records, resolver id and the time it took', async () => {
    const records = [A('example.com', '192.0.2.1'), A('example.com', '192.0.2.2')];
    const { fetch } = fakeFetch({ 'one.test': { kind: 'answer', answers: records, ad: true, delayMs: 120 } });
    const { value } = await outcome(queryResolver(one, 'example.com', 'A', { fetch, now: () => Date.now() }));
    expect(value).toEqual({
      name: 'example.com',
      type: 'A',
      rcode: 'NOERROR',
      ad: true,
      tc: false,
      answers: records,
      authority: [],
      resolverId: 'one',
      elapsedMs: 120,
    } satisfies DnsResponse);
  });

  it('resolves NXDOMAIN as an answer, not an error', async () => {
    const { fetch } = fakeFetch({ 'one.test': { kind: 'answer', rcode: 3 } });
    const { value } = await outcome(queryResolver(one, 'nope.example.com', 'A', { fetch }));
    expect(value?.rcode).toBe('NXDOMAIN');
  });
});

describe('queryResolver: failures are typed errors', () => {
  interface Row {
    what: string;
    behaviour: Behaviour;
    code: DohErrorCode;
    status?: number;
    message?: RegExp;
  }
  const rows: Row[] = [
    // Any non-2xx status.
    { what: 'an HTTP 503', behaviour: { kind: 'status', status: 503 }, code: 'http-status', status: 503 },
    // A 4xx too (e.g. the endpoint path is wrong).
    { what: 'an HTTP 404', behaviour: { kind: 'status', status: 404 }, code: 'http-status', status: 404 },
    // fetch's TypeError: offline, blocked or CORS — the message must say it cannot tell which.
    { what: 'a failed fetch', behaviour: { kind: 'network' }, code: 'network', message: /CORS/ },
    // 200 with bytes that are not a DNS message.
    { what: 'a garbage body', behaviour: { kind: 'body', body: Uint8Array.from([1, 2, 3]) }, code: 'malformed' },
    // A captive portal's HTML page.
    {
      what: 'an HTML page',
      behaviour: { kind: 'body', body: new TextEncoder().encode('<html>'), contentType: 'text/html' },
      code: 'malformed',
      message: /text\/html/,
    },
    // A valid DNS message for some other name.
    {
      what: 'the answer to another question',
      behaviour: { kind: 'wrong-question' },
      code: 'malformed',
      message: /different question/,
    },
    // Nothing comes back.
    { what: 'no answer within the timeout', behaviour: { kind: 'hang' }, code: 'timeout' },
  ];

  it.each(rows)('reports $what as $code', async ({ behaviour, code, status, message }) => {
    const { fetch } = fakeFetch({ 'one.test': behaviour });
    const { error } = await outcome(queryResolver(one, 'example.com', 'A', { fetch, timeoutMs: 1000 }));
    expect(error).toBeInstanceOf(DohError);
    const e = error as DohError;
    expect(e.code).toBe(code);
    expect(e.resolverId).toBe('one');
    expect(e.status).toBe(status);
    if (message) expect(e.message).toMatch(message);
    expect(e.toJSON()).toMatchObject({ name: 'DohError', code, resolverId: 'one' });
  });

  it('times out after timeoutMs and aborts the request', async () => {
    const { fetch, calls } = fakeFetch({ 'one.test': { kind: 'hang' } });
    const settled = vi.fn();
    queryResolver(one, 'example.com', 'A', { fetch, timeoutMs: 1000 }).catch(settled);
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toHaveBeenCalledWith(expect.objectContaining({ code: 'timeout' }));
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('stops when the caller aborts, and says aborted rather than timeout', async () => {
    const { fetch, calls } = fakeFetch({ 'one.test': { kind: 'hang' } });
    const caller = new AbortController();
    const pending = queryResolver(one, 'example.com', 'A', { fetch, signal: caller.signal });
    await vi.advanceTimersByTimeAsync(10);
    caller.abort();
    const { error } = await outcome(pending);
    expect((error as DohError).code).toBe('aborted');
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('does not send anything when the signal is already aborted', async () => {
    const { fetch, calls } = fakeFetch({ 'one.test': { kind: 'answer' } });
    const { error } = await outcome(queryResolver(one, 'example.com', 'A', { fetch, signal: AbortSignal.abort() }));
    expect((error as DohError).code).toBe('aborted');
    expect(calls).toHaveLength(0);
  });

  it('reports an endpoint that is not a URL as invalid-url', async () => {
    const { fetch } = fakeFetch({});
    const { error } = await outcome(queryResolver({ id: 'bad', url: 'not a url' }, 'example.com', 'A', { fetch }));
    expect((error as DohError).code).toBe('invalid-url');
  });
});

describe('createDohClient: fallback and hedging', () => {
  const answer = (ip: string, delayMs = 0): Behaviour => ({ kind: 'answer', answers: [A('example.com', ip)], delayMs });

  interface Row {
    what: string;
    script: Record<string, Behaviour>;
    /** Resolver that should give the answer, or the error code when all fail. */
    expected: { resolverId: string; rcode?: string } | { error: DohErrorCode; resolverId: string };
    /** Hosts asked, in order. */
    asked: string[];
    /** When the promise should have settled (fake ms). */
    settlesAt: number;
  }
  const rows: Row[] = [
    // A fast first resolver answers alone.
    {
      what: 'asks only the first resolver when it answers quickly',
      script: { 'one.test': answer('192.0.2.1', 100) },
      expected: { resolverId: 'one' },
      asked: ['one.test'],
      settlesAt: 100,
    },
    // First slow (3 s): after 1.5 s the second is asked too and wins.
    {
      what: 'hedges to the second resolver when the first is slow',
      script: { 'one.test': answer('192.0.2.1', 3000), 'two.test': answer('192.0.2.2', 100) },
      expected: { resolverId: 'two' },
      asked: ['one.test', 'two.test'],
      settlesAt: 1600,
    },
    // First slow but still first to finish after the hedge started.
    {
      what: 'takes the first answer to arrive, whichever resolver gives it',
      script: { 'one.test': answer('192.0.2.1', 1700), 'two.test': answer('192.0.2.2', 1000) },
      expected: { resolverId: 'one' },
      asked: ['one.test', 'two.test'],
      settlesAt: 1700,
    },
    // First fails at once: the second is asked without waiting for the hedge delay.
    {
      what: 'falls back at once when the first resolver fails',
      script: { 'one.test': { kind: 'network' }, 'two.test': answer('192.0.2.2', 50) },
      expected: { resolverId: 'two' },
      asked: ['one.test', 'two.test'],
      settlesAt: 50,
    },
    // HTTP error on the first two, the third answers.
    {
      what: 'walks down the list past several failures',
      script: {
        'one.test': { kind: 'status', status: 502 },
        'two.test': { kind: 'network' },
        'three.test': answer('192.0.2.3'),
      },
      expected: { resolverId: 'three' },
      asked: ['one.test', 'two.test', 'three.test'],
      settlesAt: 0,
    },
    // SERVFAIL from one resolver is a failure of that resolver.
    {
      what: 'asks the next resolver when one answers SERVFAIL',
      script: { 'one.test': { kind: 'answer', rcode: 2 }, 'two.test': answer('192.0.2.2') },
      expected: { resolverId: 'two', rcode: 'NOERROR' },
      asked: ['one.test', 'two.test'],
      settlesAt: 0,
    },
    // All SERVFAIL: the SERVFAIL answer itself is the result, for the checker to report.
    {
      what: 'returns the SERVFAIL answer when every resolver gives SERVFAIL',
      script: {
        'one.test': { kind: 'answer', rcode: 2 },
        'two.test': { kind: 'answer', rcode: 2 },
        'three.test': { kind: 'answer', rcode: 2 },
      },
      expected: { resolverId: 'one', rcode: 'SERVFAIL' },
      asked: ['one.test', 'two.test', 'three.test'],
      settlesAt: 0,
    },
    // NXDOMAIN is an answer about the name: no fallback.
    {
      what: 'does not ask again after NXDOMAIN',
      script: { 'one.test': { kind: 'answer', rcode: 3 }, 'two.test': answer('192.0.2.2') },
      expected: { resolverId: 'one', rcode: 'NXDOMAIN' },
      asked: ['one.test'],
      settlesAt: 0,
    },
    // Everything fails: the last error is reported.
    {
      what: 'rejects with the last error when every resolver fails',
      script: {
        'one.test': { kind: 'network' },
        'two.test': { kind: 'status', status: 500 },
        'three.test': { kind: 'hang' },
      },
      expected: { error: 'timeout', resolverId: 'three' },
      asked: ['one.test', 'two.test', 'three.test'],
      settlesAt: 4000,
    },
  ];

  it.each(rows)('$what', async ({ script, expected, asked, settlesAt }) => {
    const { fetch, calls } = fakeFetch(script);
    const client = createDohClient({ fetch, resolvers: [one, two, three], timeoutMs: 4000, hedgeAfterMs: 1500 });
    let settledAt = -1;
    const start = Date.now();
    const promise = client.query('example.com', 'A');
    promise.then(
      () => {
        settledAt = Date.now() - start;
      },
      () => {
        settledAt = Date.now() - start;
      },
    );
    const { value, error } = await outcome(promise);
    expect(calls.map((c) => c.host)).toEqual(asked);
    expect(settledAt).toBe(settlesAt);
    if ('error' in expected) {
      expect(error).toMatchObject({ code: expected.error, resolverId: expected.resolverId });
    } else {
      expect(error).toBeUndefined();
      expect(value?.resolverId).toBe(expected.resolverId);
      if (expected.rcode) expect(value?.rcode).toBe(expected.rcode);
    }
    // Whoever won, no request is left running.
    expect(calls.every((c) => c.settled || c.signal.aborted)).toBe(true);
  });

  it('aborts the slow first request once the hedged one has answered', async () => {
    const { fetch, calls } = fakeFetch({
      'one.test': answer('192.0.2.1', 10_000),
      'two.test': answer('192.0.2.2', 100),
    });
    const client = createDohClient({ fetch, resolvers: [one, two], hedgeAfterMs: 1500, timeoutMs: 20_000 });
    const { value } = await outcome(client.query('example.com', 'A'), 2000);
    expect(value?.resolverId).toBe('two');
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('rejects with aborted and stops every request when the caller aborts', async () => {
    const { fetch, calls } = fakeFetch({ 'one.test': { kind: 'hang' }, 'two.test': { kind: 'hang' } });
    const client = createDohClient({ fetch, resolvers: [one, two], hedgeAfterMs: 100 });
    const caller = new AbortController();
    const pending = client.query('example.com', 'A', caller.signal);
    await vi.advanceTimersByTimeAsync(200);
    caller.abort();
    const { error } = await outcome(pending);
    expect(error).toMatchObject({ code: 'aborted' });
    expect(calls.map((c) => c.signal.aborted)).toEqual([true, true]);
  });

  it('rejects at once when no resolver is configured', async () => {
    const { fetch } = fakeFetch({});
    const { error } = await outcome(createDohClient({ fetch, resolvers: [] }).query('example.com', 'A'));
    expect(error).toMatchObject({ code: 'invalid-url' });
  });
});

describe('createDohClient: one question per run', () => {
  const script = { 'one.test': { kind: 'answer', answers: [A('example.com', '192.0.2.1')] } } as const;

  interface Row {
    what: string;
    asks: [string, 'A' | 'MX'][];
    fetches: number;
  }
  const rows: Row[] = [
    // The same question twice.
    {
      what: 'asks an identical question once',
      asks: [
        ['example.com', 'A'],
        ['example.com', 'A'],
      ],
      fetches: 1,
    },
    // Case and the trailing dot do not make a different question.
    {
      what: 'treats case and a trailing dot as the same question',
      asks: [
        ['example.com', 'A'],
        ['EXAMPLE.com.', 'A'],
      ],
      fetches: 1,
    },
    // Another type is another question.
    {
      what: 'asks again for another type',
      asks: [
        ['example.com', 'A'],
        ['example.com', 'MX'],
      ],
      fetches: 2,
    },
  ];
  it.each(rows)('$what', async ({ asks, fetches }) => {
    const { fetch, calls } = fakeFetch(script);
    const run = createDohClient({ fetch, resolvers: [one] }).newRun();
    await outcome(Promise.all(asks.map(([name, type]) => run(name, type))));
    expect(calls).toHaveLength(fetches);
  });

  it('gives the same promise to the second asker', () => {
    const { fetch } = fakeFetch(script);
    const run = createDohClient({ fetch, resolvers: [one] }).newRun();
    expect(run('example.com', 'A')).toBe(run('example.com', 'A'));
  });

  it('asks again in a new run', async () => {
    const { fetch, calls } = fakeFetch(script);
    const client = createDohClient({ fetch, resolvers: [one] });
    await outcome(client.newRun()('example.com', 'A'));
    await outcome(client.newRun()('example.com', 'A'));
    expect(calls).toHaveLength(2);
  });

  it('cancels every question of a run with the run signal', async () => {
    const { fetch, calls } = fakeFetch({ 'one.test': { kind: 'hang' } });
    const controller = new AbortController();
    const run = createDohClient({ fetch, resolvers: [one] }).newRun(controller.signal);
    const pending = [run('a.example', 'A'), run('b.example', 'A')];
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const results = await Promise.allSettled(pending);
    expect(results.map((r) => r.status === 'rejected' && (r.reason as DohError).code)).toEqual(['aborted', 'aborted']);
    expect(calls.every((c) => c.signal.aborted)).toBe(true);
  });

  it('asks again when the earlier asker cancelled its question', async () => {
    const { fetch, calls } = fakeFetch({
      'one.test': { kind: 'answer', answers: [A('example.com', '192.0.2.1')], delayMs: 50 },
    });
    const run = createDohClient({ fetch, resolvers: [one] }).newRun();
    const first = new AbortController();
    const cancelled = run('example.com', 'A', first.signal);
    first.abort();
    await outcome(cancelled);
    const { value } = await outcome(run('example.com', 'A'));
    expect(value?.answers).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });
});

describe('names any SPF macro can produce', () => {
  /**
   * A resolver that answers every question with one A record, echoing the
   * question's bytes exactly as they arrived (no decoding and re-encoding of
   * the name). `rename` changes the question's bytes in the answer.
   */
  function echoFetch(rename?: (question: Uint8Array) => Uint8Array): { fetch: FetchLike; seen: Uint8Array[] } {
    const seen: Uint8Array[] = [];
    const fetch: FetchLike = async (url) => {
      const query = Uint8Array.from(Buffer.from(new URL(url).searchParams.get('dns') ?? '', 'base64url'));
      // The question runs from offset 12 to the end of its name, plus type and class.
      let end = 12;
      while (query[end] !== 0) end += (query[end] ?? 0) + 1;
      const question = query.subarray(12, end + 5);
      seen.push(question.slice());
      const sent = rename ? rename(question.slice()) : question;
      const body = Uint8Array.from([
        ...[0, 0, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0],
        ...sent,
        ...[0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1],
      ]);
      return new Response(body, { headers: { 'content-type': 'application/dns-message' } });
    };
    return { fetch, seen };
  }
  const wire = (...labels: (string | number[])[]): Uint8Array =>
    Uint8Array.from([
      ...labels.flatMap((l) => {
        const bytes = typeof l === 'string' ? [...Buffer.from(l, 'utf8')] : l;
        return [bytes.length, ...bytes];
      }),
      0,
    ]);

  interface Row {
    what: string;
    name: string;
    /** The name's bytes on the wire. */
    sent: Uint8Array;
    /** The name the answer carries (the decoder's canonical form). */
    answered: string;
  }
  const rows: Row[] = [
    // %%, %_ and %- of RFC 7208 §7.1 give "%", spaces and "%20" in a label.
    {
      what: 'spaces and percent signs',
      name: 'macro%percent  space%20url-space.example.com',
      sent: wire('macro%percent  space%20url-space', 'example', 'com'),
      answered: 'macro%percent\\032\\032space%20url-space.example.com',
    },
    // A local-part such as "Macro Error" (spaces are allowed in one).
    { what: 'a local-part with a space', name: 'Macro Error.example.com', sent: wire('macro error', 'example', 'com'), answered: 'macro\\032error.example.com' },
    // \. keeps a dot inside a label.
    { what: 'an escaped dot', name: 'a\\.b.example', sent: wire('a.b', 'example'), answered: 'a\\.b.example' },
    // \\ is one backslash byte.
    { what: 'an escaped backslash', name: 'back\\\\slash.example', sent: wire('back\\slash', 'example'), answered: 'back\\\\slash.example' },
    // Non-ASCII characters go as UTF-8 (SMTPUTF8 local-parts).
    { what: 'a non-ASCII local-part', name: 'josé.example', sent: wire('josé', 'example'), answered: 'jos\\195\\169.example' },
    // \DDD gives any byte, including a zero byte.
    { what: 'a \\DDD byte', name: 'a\\000b.example', sent: wire([0x61, 0, 0x62], 'example'), answered: 'a\\000b.example' },
    // Upper case is sent in lower case and a trailing dot is dropped.
    { what: 'upper case and a trailing dot', name: 'Mail.Example.COM.', sent: wire('mail', 'example', 'com'), answered: 'mail.example.com' },
  ];

  it.each(rows)('asks for a name with $what and accepts the answer', async ({ name, sent, answered }) => {
    const { fetch, seen } = echoFetch();
    const { value, error } = await outcome(createDohClient({ fetch, resolvers: [one] }).query(name, 'A'));
    expect(error).toBeUndefined();
    expect(seen).toEqual([Uint8Array.from([...sent, 0, 1, 0, 1])]);
    expect(value?.name).toBe(answered);
    expect(value?.answers).toEqual([{ name: answered, type: 'A', ttl: 60, data: '192.0.2.1' }]);
  });

  it('asks the same question once in a run, however the name is written', async () => {
    const { fetch, seen } = echoFetch();
    const run = createDohClient({ fetch, resolvers: [one] }).newRun();
    await outcome(Promise.all([run('a b.example', 'A'), run('A\\032B.example.', 'A'), run('a\\ b.example', 'A')]));
    expect(seen).toHaveLength(1);
  });

  it('refuses an answer whose question differs only in where the labels split', async () => {
    // Asked "a\.b.example" (two labels), answered "a.b.example" (three): same text without escapes, another name.
    const { fetch } = echoFetch(() => Uint8Array.from([...wire('a', 'b', 'example'), 0, 1, 0, 1]));
    const { error } = await outcome(createDohClient({ fetch, resolvers: [one] }).query('a\\.b.example', 'A'));
    expect(error).toMatchObject({ code: 'malformed' });
  });

  interface BadRow {
    what: string;
    name: string;
  }
  const bad: BadRow[] = [
    // A 64-byte label, as %{l} of a long local-part can make.
    { what: 'a label over 63 bytes', name: `${'x'.repeat(64)}.example.com` },
    // Two dots in a row: an empty label in the middle.
    { what: 'an empty label', name: 'mail.example...com' },
    // 254 characters: 256 bytes on the wire.
    { what: 'a name over 253 characters', name: `${Array(4).fill('a'.repeat(62)).join('.')}.bc` },
    // 32 "é" are 64 bytes: the limit is in bytes.
    { what: 'a label of 64 UTF-8 bytes', name: `${'é'.repeat(32)}.example` },
  ];

  it.each(bad)('rejects $what with invalid-name and sends nothing', async ({ name }) => {
    const { fetch, calls } = fakeFetch({ 'one.test': { kind: 'answer' }, 'two.test': { kind: 'answer' } });
    const client = createDohClient({ fetch, resolvers: [one, two] });
    const results = [
      await outcome(client.query(name, 'TXT')),
      await outcome(client.newRun()(name, 'TXT')),
      await outcome(queryResolver(one, name, 'TXT', { fetch })),
    ];
    for (const { error } of results) {
      expect(error).toBeInstanceOf(DohError);
      expect((error as DohError).code).toBe('invalid-name');
    }
    expect(calls).toHaveLength(0);
  });
});

describe('createDohClient: HTTP 429 and 5xx are "could not answer"', () => {
  const answer: Behaviour = { kind: 'answer', answers: [A('example.com', '192.0.2.2')], delayMs: 40 };
  it.each([429, 500, 502, 503, 504])(
    'asks the next resolver at once (not after the hedge delay) when the first answers HTTP %i, and returns its answer',
    async (status) => {
      const { fetch, calls } = fakeFetch({ 'one.test': { kind: 'status', status }, 'two.test': answer });
      const client = createDohClient({ fetch, resolvers: [one, two], hedgeAfterMs: 1500 });
      const started = Date.now();
      let settledAt = -1;
      const promise = client.query('example.com', 'A');
      void promise.then(() => (settledAt = Date.now() - started));
      const { value } = await outcome(promise);
      expect(calls.map((c) => c.host)).toEqual(['one.test', 'two.test']);
      expect(settledAt).toBe(40);
      expect(value).toMatchObject({ resolverId: 'two', rcode: 'NOERROR', answers: [A('example.com', '192.0.2.2')] });
    },
  );

  it('rejects with http-status, not an empty answer, when every resolver answers 429', async () => {
    const { fetch } = fakeFetch({ 'one.test': { kind: 'status', status: 429 }, 'two.test': { kind: 'status', status: 429 } });
    const { value, error } = await outcome(createDohClient({ fetch, resolvers: [one, two] }).query('example.com', 'A'));
    expect(value).toBeUndefined();
    expect(error).toMatchObject({ code: 'http-status', status: 429, resolverId: 'two' });
  });
});

describe('createDohClient with a leader: the first to answer leads', () => {
  // The presets' shape: ids, regions and hosts of their own.
  const r = (id: string, region: string): ResolverEndpoint & { region: string } => ({ id, region, url: `https://${id}.test/dns-query` });
  const alidns = r('alidns', 'cn');
  const dnspod = r('dnspod', 'cn');
  const google = r('google', 'global');
  const cloudflare = r('cloudflare', 'global');
  /** The page-language orders the widgets pass (CN_FIRST, GLOBAL_FIRST). */
  const zh = [alidns, dnspod, google, cloudflare];
  const en = [google, cloudflare, alidns, dnspod];
  const contenders = ['alidns', 'google'];
  const answer = (ip: string, delayMs = 0): Behaviour => ({ kind: 'answer', answers: [A('example.com', ip)], delayMs });

  /** Sends one question and lets it settle; returns the hosts asked and when each was asked. */
  async function ask(client: ReturnType<typeof createDohClient>, calls: { host: string }[], at = 20_000) {
    const before = calls.length;
    const result = await outcome(client.query('example.com', 'A'), at);
    return { ...result, asked: calls.slice(before).map((c) => c.host.replace('.test', '')) };
  }

  interface Row {
    what: string;
    list: ResolverEndpoint[];
    script: Record<string, Behaviour>;
    initial?: string;
    /** The hosts the first question asked, the resolver that answered it, and who leads afterwards. */
    first: { asked: string[]; by: string };
    leader: string;
    /** The hosts the next question asks (same script). */
    next: string[];
  }
  const rows: Row[] = [
    // An English page where Google never answers: AliDNS answers, leads, and is asked alone next.
    {
      what: 'Google unanswered on an English page: AliDNS answers, leads, and is asked alone next',
      list: en,
      script: { 'google.test': { kind: 'hang' }, 'alidns.test': answer('192.0.2.1', 80), 'cloudflare.test': { kind: 'hang' } },
      first: { asked: ['google', 'alidns'], by: 'alidns' },
      leader: 'alidns',
      next: ['alidns'],
    },
    // A Chinese page outside China: Google answers faster, leads.
    {
      what: 'Google faster on a Chinese page: Google answers, leads, and is asked alone next',
      list: zh,
      script: { 'google.test': answer('192.0.2.1', 20), 'alidns.test': answer('192.0.2.2', 300) },
      first: { asked: ['alidns', 'google'], by: 'google' },
      leader: 'google',
      next: ['google'],
    },
    // 429 from AliDNS, Google blocked: two failures, so the next two in order are asked at once; the first to answer leads.
    {
      what: 'AliDNS answering 429 and Google blocked: Cloudflare and DNSPod are asked at once, and Cloudflare answering leads',
      list: en,
      script: {
        'google.test': { kind: 'network' },
        'alidns.test': { kind: 'status', status: 429 },
        'cloudflare.test': answer('192.0.2.3', 30),
        'dnspod.test': answer('192.0.2.4', 200),
      },
      first: { asked: ['google', 'alidns', 'cloudflare', 'dnspod'], by: 'cloudflare' },
      leader: 'cloudflare',
      next: ['cloudflare'],
    },
    // A SERVFAIL is no usable answer: it elects nobody; the next resolver's answer does.
    {
      what: 'AliDNS answering SERVFAIL does not lead; Google answering later does',
      list: zh,
      script: { 'alidns.test': { kind: 'answer', rcode: 2 }, 'google.test': answer('192.0.2.1', 200) },
      first: { asked: ['alidns', 'google', 'dnspod'], by: 'google' },
      leader: 'google',
      next: ['google'],
    },
    // A remembered leader: no race at all.
    {
      what: 'a remembered AliDNS is asked alone, on an English page too',
      list: en,
      initial: 'alidns',
      script: { 'alidns.test': answer('192.0.2.1', 30) },
      first: { asked: ['alidns'], by: 'alidns' },
      leader: 'alidns',
      next: ['alidns'],
    },
    // A remembered leader that answers 503: the next of its region at once, which then leads.
    {
      what: 'a remembered AliDNS answering 503: DNSPod is asked at once, answers and leads',
      list: en,
      initial: 'alidns',
      script: { 'alidns.test': { kind: 'status', status: 503 }, 'dnspod.test': answer('192.0.2.4', 30) },
      first: { asked: ['alidns', 'dnspod'], by: 'dnspod' },
      leader: 'dnspod',
      next: ['dnspod'],
    },
  ];

  it.each(rows)('$what', async ({ list, script, initial, first, leader: leaderId, next }) => {
    const { fetch, calls } = fakeFetch(script);
    const leader = createLeader({ contenders, initial });
    const client = createDohClient({ fetch, resolvers: list, leader, hedgeAfterMs: 1500, timeoutMs: 4000 });
    const one = await ask(client, calls);
    expect(one.error).toBeUndefined();
    expect({ asked: one.asked, by: one.value?.resolverId }).toEqual(first);
    expect(leader.leaderId).toBe(leaderId);
    const two = await ask(client, calls);
    expect(two.asked).toEqual(next);
    expect(two.value?.resolverId).toBe(leaderId);
  });

  it('asks both contenders at the same moment, and the rest only after the hedge delay', async () => {
    const { fetch, calls } = fakeFetch({ 'google.test': { kind: 'hang' }, 'alidns.test': { kind: 'hang' }, 'cloudflare.test': answer('192.0.2.3') });
    const client = createDohClient({ fetch, resolvers: en, leader: createLeader({ contenders }), hedgeAfterMs: 1500 });
    const pending = client.query('example.com', 'A');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.host)).toEqual(['google.test', 'alidns.test']);
    await vi.advanceTimersByTimeAsync(1499);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.host)).toEqual(['google.test', 'alidns.test', 'cloudflare.test']);
    const { value } = await outcome(pending);
    expect(value?.resolverId).toBe('cloudflare');
  });

  it('races every question of a first wave asked before any answer, then asks only the leader', async () => {
    const { fetch, calls } = fakeFetch({ 'google.test': { kind: 'hang' }, 'alidns.test': answer('192.0.2.1', 50) });
    const leader = createLeader({ contenders });
    const run = createDohClient({ fetch, resolvers: en, leader }).newRun();
    const wave = ['a.example', 'b.example', 'c.example'].map((name) => run(name, 'TXT'));
    await outcome(Promise.all(wave), 1000);
    expect(calls.map((c) => c.host)).toEqual(['google.test', 'alidns.test', 'google.test', 'alidns.test', 'google.test', 'alidns.test']);
    // The losers' requests were stopped when the answers came.
    expect(calls.every((c) => c.settled || c.signal.aborted)).toBe(true);
    await outcome(run('d.example', 'TXT'), 1000);
    expect(calls.slice(6).map((c) => c.host)).toEqual(['alidns.test']);
  });

  it('reports the leader once, to be remembered, and does not race again in a later run (a watch re-check)', async () => {
    const { fetch, calls } = fakeFetch({ 'google.test': answer('192.0.2.1', 30), 'alidns.test': answer('192.0.2.2', 90) });
    const elected: string[] = [];
    const leader = createLeader({ contenders, onElect: (id) => elected.push(id) });
    const client = createDohClient({ fetch, resolvers: zh, leader });
    await outcome(client.newRun()('example.com', 'MX'), 1000);
    const before = calls.length;
    await outcome(client.newRun()('example.com', 'MX'), 1000);
    expect(calls.slice(before).map((c) => c.host)).toEqual(['google.test']);
    expect(elected).toEqual(['google']);
  });

  it('shares what one client learned with another client given the same leader', async () => {
    const { fetch, calls } = fakeFetch({ 'google.test': { kind: 'hang' }, 'alidns.test': answer('192.0.2.1', 10) });
    const leader = createLeader({ contenders });
    await outcome(createDohClient({ fetch, resolvers: en, leader }).query('example.com', 'A'), 1000);
    const before = calls.length;
    await outcome(createDohClient({ fetch, resolvers: en, leader }).query('example.com', 'MX'), 1000);
    expect(calls.slice(before).map((c) => c.host)).toEqual(['alidns.test']);
  });
});
