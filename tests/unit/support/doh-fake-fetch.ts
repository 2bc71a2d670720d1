/**
 * A fake `fetch` for the DoH client tests: each resolver (by URL host) is
 * scripted to answer, fail, or hang; every call is logged with its URL and
 * request options. Queries are read with an independent decoder
 * (@dnsquery/dns-packet), so a test also shows our query is standard.
 */
import * as dnsPacket from '@dnsquery/dns-packet';
import { encodeMessage } from './dns-wire';
import type { FetchLike, FetchResponseLike } from '~/core/doh/client';
import type { DnsRecord, RRType } from '~/core/doh/types';

export interface Question {
  readonly name: string;
  readonly type: string;
}

/** What a scripted resolver does with one request. */
export type Behaviour =
  | {
      readonly kind: 'answer';
      readonly answers?: readonly DnsRecord[];
      readonly rcode?: number;
      readonly ad?: boolean;
      readonly delayMs?: number;
    }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'network' }
  | { readonly kind: 'hang' }
  | {
      readonly kind: 'body';
      readonly body: Uint8Array;
      readonly contentType?: string | null;
      readonly delayMs?: number;
    }
  | { readonly kind: 'wrong-question' };

export interface Call {
  readonly host: string;
  readonly url: URL;
  readonly init: RequestInit;
  readonly question: Question;
  readonly signal: AbortSignal;
  /** True once the fake response (or its failure) has been delivered. */
  settled: boolean;
}

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function reply(
  body: Uint8Array,
  status = 200,
  contentType: string | null = 'application/dns-message',
): FetchResponseLike {
  const headers = new Headers();
  if (contentType !== null) headers.set('content-type', contentType);
  return new Response(body.slice().buffer as ArrayBuffer, { status, headers });
}

function answerBytes(q: Question, b: Extract<Behaviour, { kind: 'answer' }>): Uint8Array {
  return encodeMessage({
    response: true,
    ra: true,
    ad: b.ad ?? false,
    rcode: b.rcode ?? 0,
    questions: [{ name: q.name, type: q.type as RRType }],
    answers: b.answers ?? [],
  });
}

/** Resolves after `ms` unless the signal aborts first (as fetch does). */
function after<T>(ms: number, signal: AbortSignal, value: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const timer = ms > 0 && Number.isFinite(ms) ? setTimeout(() => resolve(value()), ms) : undefined;
    if (ms <= 0) queueMicrotask(() => (signal.aborted ? reject(abortError()) : resolve(value())));
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError());
      },
      { once: true },
    );
  });
}

export function fakeFetch(script: Record<string, Behaviour | ((q: Question) => Behaviour)>): {
  fetch: FetchLike;
  calls: Call[];
} {
  const calls: Call[] = [];
  const fetch: FetchLike = (input, init) => {
    const url = new URL(input);
    const dns = url.searchParams.get('dns') ?? '';
    const packet = dnsPacket.decode(Uint8Array.from(Buffer.from(dns, 'base64url')));
    const q = packet.questions?.[0];
    const question: Question = { name: q?.name ?? '', type: String(q?.type ?? '') };
    const signal = init.signal ?? new AbortController().signal;
    const call: Call = { host: url.host, url, init, question, signal, settled: false };
    calls.push(call);
    const entry = script[url.host];
    const behaviour = typeof entry === 'function' ? entry(question) : entry;
    const result = respond(behaviour, question, signal);
    const mark = (): void => {
      call.settled = true;
    };
    result.then(mark, mark);
    return result;
  };
  return { fetch, calls };
}

function respond(
  behaviour: Behaviour | undefined,
  question: Question,
  signal: AbortSignal,
): Promise<FetchResponseLike> {
  switch (behaviour?.kind) {
    case 'answer':
      return after(behaviour.delayMs ?? 0, signal, () => reply(answerBytes(question, behaviour)));
    case 'status':
      return after(0, signal, () => reply(new Uint8Array(0), behaviour.status, 'text/plain'));
    case 'network':
      return Promise.reject(new TypeError('Failed to fetch'));
    case 'body':
      return after(behaviour.delayMs ?? 0, signal, () =>
        reply(
          behaviour.body,
          200,
          behaviour.contentType === undefined ? 'application/dns-message' : behaviour.contentType,
        ),
      );
    case 'wrong-question':
      return after(0, signal, () =>
        reply(answerBytes({ name: 'other.example', type: question.type }, { kind: 'answer' })),
      );
    case 'hang':
    case undefined:
      return after(Number.POSITIVE_INFINITY, signal, () => reply(new Uint8Array(0)));
  }
}
