/** Small helpers over DoH answers shared by the checker and the SPF expansion. */
import type { DnsRecord, DnsResponse } from '../doh/types';

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
