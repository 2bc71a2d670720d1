/**
 * The DNS questions of one SPF evaluation: each (name, type) is asked once,
 * whether the evaluation asks it ahead or when it reaches the term, and every
 * answer is sorted into what RFC 7208 distinguishes — records, no data,
 * NXDOMAIN (both "void", §4.6.4), a DNS error (temperror, §2.6.6), or a name
 * that cannot be asked. The promises never reject, so a question asked ahead
 * and never used cannot become an unhandled rejection.
 *
 * This is the in-flight table of one evaluation, not a cache across checks:
 * a QueryFn from DohClient.newRun adds the run's sharing on top.
 */
import { canonicalName } from '../doh/codec';
import { isDohError } from '../doh/errors';
import type { DnsRecord, DohErrorCode, QueryFn, Rcode, RRType } from '../doh/types';

export type Answer =
  | { readonly kind: 'answer'; readonly records: readonly DnsRecord[] }
  | { readonly kind: 'no-data' }
  | { readonly kind: 'nxdomain' }
  | { readonly kind: 'dns-error'; readonly rcode?: Rcode; readonly error?: DohErrorCode }
  /** The name cannot be put into a query (DohError invalid-name): the RFC treats it as not existing. */
  | { readonly kind: 'invalid-name' }
  | { readonly kind: 'aborted' };

/** A name's canonical form, or undefined when it cannot be asked. */
export function canonical(name: string): string | undefined {
  try {
    return canonicalName(name);
  } catch {
    return undefined;
  }
}

/**
 * The records of the type asked. A recursive resolver's answer holds the CNAME
 * chain it followed and the records at its end, owned by the last name of the
 * chain, so records are taken by type whatever their owner (as the suite's own
 * driver does); the answer comes from the resolver the user chose to trust.
 */
function recordsOf(type: RRType, answers: readonly DnsRecord[]): DnsRecord[] {
  return answers.filter((r) => r.type === type);
}

export class Questions {
  private readonly asked = new Map<string, Promise<Answer>>();
  /** Questions handed to the QueryFn. */
  sent = 0;

  constructor(
    private readonly query: QueryFn,
    private readonly signal: AbortSignal,
  ) {}

  private key(name: string, type: RRType): string | undefined {
    const c = canonical(name);
    return c === undefined ? undefined : `${type} ${c}`;
  }

  /** Whether this question has been asked already in this evaluation. */
  has(name: string, type: RRType): boolean {
    const key = this.key(name, type);
    return key !== undefined && this.asked.has(key);
  }

  /** The answer to (name, type), asking only the first time. Never rejects. */
  ask(name: string, type: RRType): Promise<Answer> {
    const key = this.key(name, type);
    if (key === undefined) return Promise.resolve({ kind: 'invalid-name' });
    let promise = this.asked.get(key);
    if (!promise) {
      promise = this.send(name, type);
      this.asked.set(key, promise);
    }
    return promise;
  }

  private async send(name: string, type: RRType): Promise<Answer> {
    if (this.signal.aborted) return { kind: 'aborted' };
    this.sent++;
    try {
      const response = await this.query(name, type, this.signal);
      if (response.rcode === 'NXDOMAIN') return { kind: 'nxdomain' };
      if (response.rcode !== 'NOERROR') return { kind: 'dns-error', rcode: response.rcode };
      const records = recordsOf(type, response.answers);
      return records.length > 0 ? { kind: 'answer', records } : { kind: 'no-data' };
    } catch (err) {
      if (!isDohError(err)) return { kind: 'dns-error' };
      if (err.code === 'aborted') return { kind: 'aborted' };
      if (err.code === 'invalid-name') return { kind: 'invalid-name' };
      return { kind: 'dns-error', error: err.code };
    }
  }
}
