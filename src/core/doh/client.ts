/**
 * RFC 8484 DoH over GET, as a browser can send it without a CORS preflight:
 * `?dns=<base64url>` and the single request header `accept:
 * application/dns-message` (a content-type header, any custom header, or POST
 * would trigger a preflight that some resolvers reject). `fetch` is passed in,
 * so this module runs the same in the browser, in Node and in unit tests, and
 * never reads `window`.
 */
import { canonicalName, decodeMessage, encodeQuery, toBase64Url } from './codec';
import { DohError, isDohError } from './errors';
import type { Lineup, ResolverLeader } from './leader';
import { newRun } from './run';
import type { DnsResponse, QueryFn, Rcode, RRType } from './types';

/** The part of a fetch Response the client reads. */
export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** `globalThis.fetch.bind(globalThis)` fits; tests pass a fake. */
export type FetchLike = (url: string, init: RequestInit) => Promise<FetchResponseLike>;

/** What the client needs to know about a resolver (a Resolver from ./resolvers fits). */
export interface ResolverEndpoint {
  readonly id: string;
  readonly url: string;
  /** Resolvers of one region are reachable from the same places (see leadWith in ./leader.ts). */
  readonly region?: string;
}

export const DEFAULT_TIMEOUT_MS = 4000;
export const DEFAULT_HEDGE_AFTER_MS = 1500;

export interface QueryResolverOptions {
  readonly fetch: FetchLike;
  /** Give up after this long (default 4000 ms). */
  readonly timeoutMs?: number;
  /** Aborting it rejects with DohError('aborted'). */
  readonly signal?: AbortSignal | undefined;
  /** Set the EDNS DO bit. Default false. */
  readonly dnssecOk?: boolean;
  /** Clock for elapsedMs (default performance.now). */
  readonly now?: () => number;
}

/**
 * The URL a GET query goes to: the endpoint with `dns=` set (other query
 * parameters of the endpoint are kept). Message id 0 (RFC 8484 §4.1). `name`
 * is in presentation format (see QueryFn) and is sent in lower case; throws
 * DohError('invalid-name') when it cannot be sent, and a TypeError when the
 * endpoint is not a URL.
 */
export function queryUrl(endpoint: string, name: string, type: RRType, dnssecOk = false): string {
  const query = encodeQuery(canonicalName(name), type, { dnssecOk });
  const url = new URL(endpoint);
  url.searchParams.set('dns', toBase64Url(query));
  return url.href;
}

/**
 * Request options for a DoH GET. Only `accept` is sent as a header; the other
 * fields are not headers and do not cause a preflight. `cache: 'no-store'`
 * keeps the browser's HTTP cache from replaying an old answer after the user
 * changed a record; `credentials: 'omit'` and `referrerPolicy: 'no-referrer'`
 * keep cookies and the page address away from the resolver.
 */
export function requestInit(signal: AbortSignal): RequestInit {
  return {
    method: 'GET',
    headers: { accept: 'application/dns-message' },
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    redirect: 'follow',
    signal,
  };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * Asks one resolver one question. Resolves with the answer whatever its rcode;
 * rejects with a DohError: `timeout`, `aborted` (the caller's signal),
 * `http-status` (non-2xx, with `status`), `network` (fetch failed: offline,
 * blocked, or no CORS permission — a browser cannot tell these apart),
 * `malformed` (not a DNS message, or not the answer to this question),
 * `invalid-url` (the endpoint is not a URL), `invalid-name` (the name cannot
 * be sent; nothing was fetched). `name` is in presentation format (see QueryFn).
 */
export async function queryResolver(
  resolver: ResolverEndpoint,
  name: string,
  type: RRType,
  options: QueryResolverOptions,
): Promise<DnsResponse> {
  const { fetch, timeoutMs = DEFAULT_TIMEOUT_MS, signal } = options;
  const now = options.now ?? (() => performance.now());
  const resolverId = resolver.id;
  const fail = (code: DohError['code'], message: string, extra: { status?: number; cause?: unknown } = {}): DohError =>
    new DohError(code, message, { resolverId, ...extra });

  if (signal?.aborted) throw fail('aborted', 'The query was cancelled.');
  let url: string;
  let qname: string;
  try {
    qname = canonicalName(name);
    url = queryUrl(resolver.url, qname, type, options.dnssecOk ?? false);
  } catch (err) {
    if (isDohError(err)) throw new DohError(err.code, err.message, { resolverId, cause: err });
    throw fail('invalid-url', `The resolver address "${resolver.url}" is not a URL.`, { cause: err });
  }

  const controller = new AbortController();
  let stop: 'timeout' | 'aborted' | undefined;
  const onAbort = (): void => {
    stop ??= 'aborted';
    controller.abort();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    stop ??= 'timeout';
    controller.abort();
  }, timeoutMs);
  const transportError = (err: unknown): DohError => {
    if (stop === 'timeout')
      return fail('timeout', `${resolver.url} did not answer within ${seconds(timeoutMs)}.`, { cause: err });
    if (stop === 'aborted') return fail('aborted', 'The query was cancelled.', { cause: err });
    if (isDohError(err)) return err;
    return fail(
      'network',
      `Could not reach ${resolver.url}: the network is down, the resolver is blocked, or it does not allow ` +
        'requests from web pages (CORS). A browser cannot tell these apart.',
      { cause: err },
    );
  };

  const started = now();
  try {
    let response: FetchResponseLike;
    let body: Uint8Array;
    try {
      response = await fetch(url, requestInit(controller.signal));
      if (!response.ok) {
        throw fail('http-status', `${resolver.url} answered with HTTP status ${response.status}.`, {
          status: response.status,
        });
      }
      const contentType = response.headers.get('content-type');
      if (contentType !== null && !contentType.trim().toLowerCase().startsWith('application/dns-message')) {
        throw fail('malformed', `${resolver.url} sent "${contentType}" instead of a DNS message.`);
      }
      body = new Uint8Array(await response.arrayBuffer());
    } catch (err) {
      throw transportError(err);
    }
    if (stop) throw transportError(undefined);

    let message;
    try {
      message = decodeMessage(body);
    } catch (err) {
      const text = isDohError(err) ? err.message : 'The DNS response is malformed.';
      throw fail('malformed', `${resolver.url}: ${text}`, { cause: err });
    }
    // Both names are in the decoder's canonical form, so escapes, case and a trailing dot compare equal.
    const question = message.questions[0];
    if (message.id !== 0 || (question && (question.name !== qname || question.type !== type))) {
      throw fail('malformed', `${resolver.url} answered a different question.`);
    }
    return {
      name: qname,
      type,
      rcode: message.rcode,
      ad: message.ad,
      tc: message.tc,
      answers: message.answers,
      authority: message.authority,
      resolverId,
      elapsedMs: Math.max(0, Math.round(now() - started)),
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Answers that say "this resolver could not answer" rather than anything about
 * the name: worth asking another. (HTTP errors such as 429 Too Many Requests or
 * 5xx are not answers at all: queryResolver rejects with `http-status`, and the
 * client asks the next resolver at once.)
 */
export const RETRYABLE_RCODES: ReadonlySet<Rcode> = new Set<Rcode>(['SERVFAIL', 'REFUSED']);

export interface DohClientOptions {
  readonly fetch: FetchLike;
  /** Asked in this order; the first is asked first. */
  readonly resolvers: readonly ResolverEndpoint[];
  /** Per-resolver timeout (default 4000 ms). */
  readonly timeoutMs?: number;
  /** Ask the next resolver too when no answer came after this long (default 1500 ms). */
  readonly hedgeAfterMs?: number;
  readonly dnssecOk?: boolean;
  readonly now?: () => number;
  /**
   * Who leads (./leader.ts): when given, each question is asked in the order
   * it sets — at once of the racing resolvers while none leads, else of the
   * leader first — and each usable answer is reported to it. Share one between
   * clients to share what was learned. Without it, `resolvers` in their order.
   */
  readonly leader?: ResolverLeader | undefined;
}

export interface DohClient {
  /** Ask with fallback and hedging (see createDohClient). */
  readonly query: QueryFn;
  /**
   * A QueryFn for one check run: identical (name, type) questions share one
   * promise, so each is asked once. `signal`, when given, cancels the whole run.
   */
  newRun(signal?: AbortSignal): QueryFn;
  readonly resolvers: readonly ResolverEndpoint[];
}

/**
 * A client over an ordered resolver list. `query` asks resolvers[0] (or, with
 * a `leader`, the resolvers its lineup names at once); when one fails — a
 * transport error, an HTTP error status such as 429 or 503, SERVFAIL or
 * REFUSED — the next is asked at once, and when none has answered after
 * hedgeAfterMs the next is asked as well, and so on. The first usable answer
 * wins and the other requests are aborted. If no resolver gives a usable
 * answer but one answered SERVFAIL/REFUSED, that answer is returned (the
 * checker reports it). Otherwise it rejects with the last DohError — never an
 * empty answer, so a resolver failure is never taken for a missing record.
 */
export function createDohClient(options: DohClientOptions): DohClient {
  const { fetch, resolvers, leader, timeoutMs = DEFAULT_TIMEOUT_MS, hedgeAfterMs = DEFAULT_HEDGE_AFTER_MS } = options;
  const attemptOptions = {
    fetch,
    timeoutMs,
    ...(options.dnssecOk === undefined ? {} : { dnssecOk: options.dnssecOk }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };

  const query: QueryFn = (name, type, signal) =>
    new Promise<DnsResponse>((resolve, reject) => {
      if (resolvers.length === 0) {
        reject(new DohError('invalid-url', 'No DoH resolver is configured.'));
        return;
      }
      if (signal?.aborted) {
        reject(new DohError('aborted', 'The query was cancelled.'));
        return;
      }
      // A name that cannot be sent fails at once, without asking any resolver.
      try {
        canonicalName(name);
      } catch (err) {
        reject(isDohError(err) ? err : new DohError('invalid-name', String(err)));
        return;
      }
      const lineup: Lineup = leader?.lineup(resolvers) ?? { order: resolvers, atOnce: 1, leaderId: undefined };
      const order = lineup.order;
      const controllers: AbortController[] = [];
      let settled = false;
      let started = 0;
      let finished = 0;
      let lastError: DohError | undefined;
      let unusable: DnsResponse | undefined;
      let hedgeTimer: ReturnType<typeof setTimeout> | undefined;

      const finish = (): void => {
        settled = true;
        clearTimeout(hedgeTimer);
        signal?.removeEventListener('abort', onAbort);
        for (const c of controllers) c.abort();
      };
      const onAbort = (): void => {
        if (settled) return;
        finish();
        reject(new DohError('aborted', 'The query was cancelled.'));
      };
      const attemptFailed = (): void => {
        finished++;
        if (started < order.length) {
          startNext();
        } else if (finished === started) {
          finish();
          if (unusable) resolve(unusable);
          else reject(lastError ?? new DohError('network', 'No resolver answered.'));
        }
      };
      const startNext = (): void => {
        const resolver = order[started];
        if (settled || !resolver) return;
        started++;
        const controller = new AbortController();
        controllers.push(controller);
        clearTimeout(hedgeTimer);
        if (started < order.length) hedgeTimer = setTimeout(startNext, hedgeAfterMs);
        queryResolver(resolver, name, type, { ...attemptOptions, signal: controller.signal }).then(
          (response) => {
            if (settled) return;
            if (RETRYABLE_RCODES.has(response.rcode)) {
              unusable ??= response;
              attemptFailed();
            } else {
              finish();
              leader?.answered(lineup, resolver.id);
              resolve(response);
            }
          },
          (err: unknown) => {
            if (settled) return;
            lastError = isDohError(err) ? err : new DohError('network', String(err), { resolverId: resolver.id });
            attemptFailed();
          },
        );
      };

      signal?.addEventListener('abort', onAbort, { once: true });
      for (let i = 0; i < lineup.atOnce; i++) startNext();
    });

  return { query, newRun: (runSignal?: AbortSignal) => newRun(query, runSignal), resolvers };
}
