/**
 * Compare what DNS says with the expected records, by meaning: names and hosts
 * without regard to case or the trailing dot, TXT strings joined, exactly one
 * SPF record with the provider's include somewhere in its tree, other senders
 * allowed. Each record kind is checked by its module in ./kinds/; this file
 * sends the first wave of questions (./plan.ts) and composes the rows. Each row
 * is reported through `onUpdate` as soon as it is final. A resolver failure
 * makes the row `error` (we do not know), never `missing`. Everything read
 * from DNS is untrusted text: it ends up only in `observed` and in findings.
 */
import type { QueryFn } from '../doh/types';
import { normaliseName } from '../names';
import type { ProviderProfile } from '../providers/types';
import type { ExpectedRecord, RecordCheck } from '../types';
import { askOutcome, errorCode, negativeTtl } from './answers';
import type { CheckContext } from './kind';
import { kindCheck } from './kinds/index';
import { apexQuestions, doubledName, planCheck } from './plan';
import { Row } from './row';

export { planCheck } from './plan';
export type { Question } from './kind';

export interface CheckArgs {
  /** ASCII (punycode) domain. */
  readonly domain: string;
  readonly expected: readonly ExpectedRecord[];
  readonly provider: ProviderProfile;
  /**
   * A run of the DoH client (`client.newRun(signal)`, or `newRun(query)`): its
   * cache is the only one, so each question goes out once per check.
   */
  readonly query: QueryFn;
  readonly signal?: AbortSignal | undefined;
  /** Called once per row, as soon as that row is final (not after an abort). */
  readonly onUpdate?: ((r: RecordCheck) => void) | undefined;
}

/** What each row's check may use: asks through the run and never rejects. */
export function createCheckContext(args: {
  readonly domain: string;
  readonly provider: ProviderProfile;
  readonly query: QueryFn;
  readonly signal?: AbortSignal | undefined;
}): CheckContext {
  const { provider, query, signal } = args;
  const domain = normaliseName(args.domain);
  const ask: CheckContext['ask'] = (name, type) => askOutcome(query, name, type, signal);
  const foundAt: CheckContext['foundAt'] = async (names, type, holds) => {
    for (const name of names) {
      const o = await ask(name, type);
      if (o.ok && o.resp.rcode === 'NOERROR' && holds(o.resp)) return name;
    }
    return undefined;
  };
  return { domain, provider, query, signal, ask, foundAt, doubled: (name) => doubledName(name, domain) };
}

/** Run every check; resolves with one RecordCheck per expected record, in order. Never rejects. */
export async function checkDomain(args: CheckArgs): Promise<RecordCheck[]> {
  const { expected, provider, query, signal } = args;
  const domain = normaliseName(args.domain);
  const ctx = createCheckContext({ domain, provider, query, signal });
  const { ask } = ctx;

  for (const q of planCheck(expected, domain)) void ask(q.name, q.type);
  const apexMissing = Promise.all(apexQuestions(expected, domain).map((q) => ask(q.name, q.type))).then((answers) =>
    answers.some((o) => o.ok && o.resp.rcode === 'NXDOMAIN'),
  );

  const checkRow = async (rec: ExpectedRecord): Promise<RecordCheck> => {
    const o = await ask(rec.name, rec.type);
    if (!o.ok) return new Row(rec).add('resolver-error', 'error', { name: rec.name, type: rec.type, code: o.code }).done();
    if (await apexMissing) return new Row(rec).absent(negativeTtl(o.resp)).add('nxdomain', 'fail', { domain }).done();
    return kindCheck(rec).check(rec, o.resp, ctx);
  };

  return Promise.all(
    expected.map(async (rec) => {
      let result: RecordCheck;
      try {
        result = await checkRow(rec);
      } catch (e) {
        // A bug or an unexpected answer shape must not lose the other rows.
        result = new Row(rec).add('resolver-error', 'error', { name: rec.name, type: rec.type, code: errorCode(e) }).done();
      }
      if (!signal?.aborted) args.onUpdate?.(result);
      return result;
    }),
  );
}
