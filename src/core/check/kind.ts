/**
 * The one interface every record kind's check implements (one module per kind
 * in ./kinds/, dispatched by `kind` in ./kinds/index.ts).
 */
import type { DnsResponse, QueryFn, RRType } from '../doh/types';
import type { ProviderProfile } from '../providers/types';
import type { ExpectedRecord, RecordCheck } from '../types';
import type { Outcome } from './answers';

export interface Question {
  readonly name: string;
  readonly type: RRType;
}

/** What a row's check may use besides its own answer. */
export interface CheckContext {
  /** The domain (ASCII, normalised). */
  readonly domain: string;
  readonly provider: ProviderProfile;
  /** The run's query function (its answers are cached for the run), for work that takes one (the SPF expansion). */
  readonly query: QueryFn;
  readonly signal: AbortSignal | undefined;
  /** Asks through the run; never rejects. */
  ask(name: string, type: RRType): Promise<Outcome>;
  /** The name a console that appends the domain makes of `name` when given in full (example.com.example.com). */
  doubled(name: string): string;
  /**
   * The first of `names` where the record was put by mistake: a NOERROR answer
   * to (name, type) that `holds` the record. Undefined when none does (or the
   * resolver could not say).
   */
  foundAt(names: readonly string[], type: RRType, holds: (answer: DnsResponse) => boolean): Promise<string | undefined>;
}

/** What a kind asks with the first wave, whatever the answers, is data in ./questions.ts. */
export interface KindCheck<R extends ExpectedRecord> {
  /**
   * The row, given the answer to its own question (`rec.name`, `rec.type`).
   * Resolver failures and a domain that does not exist are handled before this
   * is called. Never rejects for DNS reasons.
   */
  check(rec: R, answer: DnsResponse, ctx: CheckContext): Promise<RecordCheck>;
}
