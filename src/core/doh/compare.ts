/**
 * Comparing answers from several resolvers by meaning, for the propagation
 * tool: record order, name case and TTLs do not matter, TXT character-strings
 * are joined (RFC 7208 §3.3), and the rcode counts (NXDOMAIN differs from an
 * empty NOERROR). TXT text is compared exactly: a DKIM key differing in case is
 * a different key.
 */
import { RETRYABLE_RCODES } from './client';
import { formatRdata } from './format';
import type { DnsRecord, DnsResponse } from './types';

function canonicalRdata(record: DnsRecord): string {
  if (record.type === 'TXT') return JSON.stringify(record.data.join(''));
  return formatRdata(record).toLowerCase();
}

/** A string equal for two responses exactly when they mean the same. */
export function answerKey(response: Pick<DnsResponse, 'rcode' | 'answers'>): string {
  const records = response.answers.map((r) => `${r.type} ${canonicalRdata(r)}`).sort();
  return [response.rcode, ...records].join('\n');
}

/**
 * How long, at most, a resolver may keep serving this answer from its cache:
 * the largest TTL in the answer, or for an empty answer the negative-caching
 * TTL from the SOA in the authority section (RFC 2308 §5). Undefined if unknown.
 */
export function cacheSeconds(response: Pick<DnsResponse, 'answers' | 'authority'>): number | undefined {
  if (response.answers.length > 0) return Math.max(...response.answers.map((r) => r.ttl));
  for (const r of response.authority) {
    if (r.type === 'SOA') return Math.min(r.ttl, r.data.minimum);
  }
  return undefined;
}

export type ResolverStatus = 'ok' | 'differs' | 'error';

export interface AnswerGroup {
  readonly key: string;
  /** Resolver ids that gave this answer, in input order. */
  readonly ids: readonly string[];
  /** One of the responses (for display). */
  readonly response: DnsResponse;
  /** Longest time any of these resolvers may still serve it from cache. */
  readonly cacheSeconds: number | undefined;
}

export interface Comparison {
  /**
   * `agree`: two or more usable answers, all the same; `single`: only one
   * usable answer; `differ`: usable answers disagree; `none`: no usable answer
   * (unreachable, or SERVFAIL/REFUSED).
   */
  readonly verdict: 'agree' | 'single' | 'differ' | 'none';
  /** Groups of identical answers, largest first (ties keep input order). */
  readonly groups: readonly AnswerGroup[];
  /** The group with strictly more resolvers than any other, if there is one. */
  readonly majority: AnswerGroup | undefined;
  /** Per resolver id: `ok` (with the majority / all agree), `differs`, or `error` (no usable answer). */
  readonly status: Readonly<Record<string, ResolverStatus>>;
  /** When there is a majority: the longest cache time among the answers that differ from it. */
  readonly staleWithinSeconds: number | undefined;
}

export interface ResolverOutcome {
  readonly id: string;
  /** Undefined when the resolver could not be asked (a DohError). */
  readonly response?: DnsResponse | undefined;
}

export function compareResponses(outcomes: readonly ResolverOutcome[]): Comparison {
  const status: Record<string, ResolverStatus> = {};
  const byKey = new Map<string, { ids: string[]; responses: DnsResponse[] }>();
  for (const { id, response } of outcomes) {
    if (!response || RETRYABLE_RCODES.has(response.rcode)) {
      status[id] = 'error';
      continue;
    }
    const key = answerKey(response);
    const group = byKey.get(key) ?? { ids: [], responses: [] };
    group.ids.push(id);
    group.responses.push(response);
    byKey.set(key, group);
  }
  const groups: AnswerGroup[] = [...byKey.entries()]
    .map(([key, g]) => {
      const times = g.responses.map(cacheSeconds).filter((s): s is number => s !== undefined);
      return {
        key,
        ids: g.ids,
        response: g.responses[0] as DnsResponse,
        cacheSeconds: times.length > 0 ? Math.max(...times) : undefined,
      };
    })
    .sort((a, b) => b.ids.length - a.ids.length);

  const usable = groups.reduce((n, g) => n + g.ids.length, 0);
  const [first, second] = groups;
  const majority = first && (!second || first.ids.length > second.ids.length) ? first : undefined;
  for (const g of groups) for (const id of g.ids) status[id] = g === majority ? 'ok' : 'differs';

  const verdict = usable === 0 ? 'none' : groups.length > 1 ? 'differ' : usable === 1 ? 'single' : 'agree';
  let staleWithinSeconds: number | undefined;
  if (verdict === 'differ' && majority) {
    const times = groups.filter((g) => g !== majority).map((g) => g.cacheSeconds);
    if (times.every((t): t is number => t !== undefined)) staleWithinSeconds = Math.max(...times);
  }
  return { verdict, groups, majority, status, staleWithinSeconds };
}
