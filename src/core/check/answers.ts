/** Small helpers over DoH answers, shared by the record checks and the SPF expansion. */
import type { DnsRecord, DnsResponse, QueryFn, RRType } from '../doh/types';
import { joinTxt } from '../records/txt';

export type RecordOf<T extends DnsRecord['type']> = DnsRecord & { readonly type: T };

/** Answer records of one type (a CNAME chain's target records included). */
export function recordsOf<T extends DnsRecord['type']>(resp: DnsResponse, type: T): RecordOf<T>[] {
  return resp.answers.filter((r): r is RecordOf<T> => r.type === type);
}

/** A question's result: an answer (NOERROR or NXDOMAIN), or why there is none. */
export type Outcome = { readonly ok: true; readonly resp: DnsResponse } | { readonly ok: false; readonly code: string };

/** The stable code of a DohError (or anything with a string `code`), else `network`. */
export function errorCode(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return 'network';
}

/** NOERROR and NXDOMAIN are answers; SERVFAIL, REFUSED and the rest mean "we do not know". */
export function toOutcome(resp: DnsResponse): Outcome {
  return resp.rcode === 'NOERROR' || resp.rcode === 'NXDOMAIN' ? { ok: true, resp } : { ok: false, code: resp.rcode };
}

/** Asks and never rejects: a transport failure, or a query function that throws, becomes `{ ok: false }`. */
export function askOutcome(query: QueryFn, name: string, type: RRType, signal?: AbortSignal): Promise<Outcome> {
  try {
    return query(name, type, signal).then(toOutcome, (e: unknown): Outcome => ({ ok: false, code: errorCode(e) }));
  } catch (e) {
    return Promise.resolve({ ok: false, code: errorCode(e) });
  }
}

/** The TXT records of an answer, each joined into one string (RFC 7208 §3.3). */
export function txtsOf(resp: DnsResponse): { text: string; ttl: number }[] {
  return recordsOf(resp, 'TXT').map((r) => ({ text: joinTxt(r.data), ttl: r.ttl }));
}

/** How long a resolver may cache "no such record": the SOA minimum (RFC 2308 §5). */
export function negativeTtl(resp: DnsResponse): number | undefined {
  const soa = resp.authority.find((r): r is RecordOf<'SOA'> => r.type === 'SOA');
  return soa ? Math.min(soa.ttl, soa.data.minimum) : undefined;
}

export function minTtl(records: readonly { ttl: number }[]): number | undefined {
  return records.length === 0 ? undefined : Math.min(...records.map((r) => r.ttl));
}
