/**
 * Source IPs → the organisations behind them (issue 13, items 3 and 5).
 *
 * Reverse DNS over the caller's QueryFn (a DoH run: createDohClient(…).query),
 * in parallel but bounded (at most `concurrency` questions in flight, at most
 * `maxIps` addresses, the largest sources first — the caller passes them in
 * that order), cached per IP across runs, abortable. Failures are data: a
 * resolver that could not answer gives status "error", never "none" (no PTR).
 * Optionally forward-confirmed: the PTR name's A/AAAA must lead back to the IP
 * (a PTR name is chosen by whoever holds the IP block, so an unconfirmed one is
 * weaker evidence).
 *
 * Grouping: an IP whose forward-confirmed PTR name matches a known sender
 * (senders.ts) joins that sender's group; so does, without such a name, an IP
 * whose mail passed DKIM or SPF for a sending platform's own domain (SendGrid
 * signing as sendgrid.net, SES as amazonses.com); another confirmed PTR name joins the
 * group of its organisation's domain (approximate, see orgDomain); an IP
 * without a confirmed name stays alone (its unconfirmed names are still shown,
 * marked as such, by the widget).
 */
import { isDohError } from '../doh/errors';
import { reverseName } from '../doh/ip';
import type { QueryFn } from '../doh/types';
import { CountAcc, type Counts, type Dispositions, type SourceIp } from './aggregate';
import { canonicalIp } from './values';
import { orgDomain, recogniseAuthDomain, recogniseSender, type SenderProfile } from './senders';

export const PTR_STATUSES = ['found', 'none', 'error', 'skipped', 'invalid'] as const;
export type PtrStatus = (typeof PTR_STATUSES)[number];

export type PtrResult =
  /** names: PTR targets, lower-case, no trailing dot. confirmed: forward lookup led back (null: not asked or failed). */
  | { readonly status: 'found'; readonly names: readonly string[]; readonly confirmed: boolean | null }
  /** The resolver answered: no PTR (NXDOMAIN, or NOERROR without a PTR record). */
  | { readonly status: 'none'; readonly rcode: string }
  /** We could not find out: a DohError code (timeout, network, http-status, malformed, aborted …) or the rcode (SERVFAIL, REFUSED …). */
  | { readonly status: 'error'; readonly code: string }
  /** Not asked: beyond maxIps. */
  | { readonly status: 'skipped' }
  /** Not an IP address. */
  | { readonly status: 'invalid' };

/** Answers kept between runs (found and none only: a failure, or a forward check that failed, is asked again next time). */
export type PtrCache = Map<string, PtrResult>;

export function createPtrCache(): PtrCache {
  return new Map();
}

export interface PtrLookupOptions {
  readonly query: QueryFn;
  readonly signal?: AbortSignal | undefined;
  /** Questions in flight at once (default 8). */
  readonly concurrency?: number | undefined;
  /** Addresses looked up at most (default 100); the rest are "skipped". */
  readonly maxIps?: number | undefined;
  readonly cache?: PtrCache | undefined;
  /** Also ask A/AAAA of the PTR names, up to MAX_CONFIRM_NAMES, until one leads back (default false: one question per IP). */
  readonly forwardConfirm?: boolean | undefined;
  /** Called as each address's answer arrives (for a view that fills in as it goes). */
  readonly onResult?: ((ip: string, result: PtrResult) => void) | undefined;
}

export const DEFAULT_PTR_CONCURRENCY = 8;
export const DEFAULT_PTR_MAX_IPS = 100;
/** PTR names of one IP checked forward at most (RFC 8601 §3 suggests a small limit). */
export const MAX_CONFIRM_NAMES = 3;

const errorCode = (e: unknown): string => (isDohError(e) ? e.code : e instanceof Error && e.name === 'AbortError' ? 'aborted' : 'network');

async function lookupOne(ip: string, opts: PtrLookupOptions): Promise<PtrResult> {
  const name = reverseName(ip);
  if (!name) return { status: 'invalid' };
  if (opts.signal?.aborted) return { status: 'error', code: 'aborted' };
  let names: string[];
  try {
    const res = await opts.query(name, 'PTR', opts.signal);
    if (res.rcode === 'NXDOMAIN') return { status: 'none', rcode: res.rcode };
    if (res.rcode !== 'NOERROR') return { status: 'error', code: res.rcode };
    names = [];
    for (const rr of res.answers) {
      if (rr.type === 'PTR') {
        const n = rr.data.toLowerCase().replace(/\.$/, '');
        if (n && !names.includes(n)) names.push(n);
      }
    }
    if (names.length === 0) return { status: 'none', rcode: res.rcode };
  } catch (e) {
    return { status: 'error', code: errorCode(e) };
  }
  if (!opts.forwardConfirm) return { status: 'found', names, confirmed: null };
  // Forward-confirmed reverse DNS (RFC 8601 §3 "iprev"): a PTR name counts only when its
  // A/AAAA leads back to the IP. Whoever holds an IP block sets its PTR names, so a
  // spoofer can name its IP "out30-1.mail.aliyun.com"; only Alibaba can make that name
  // resolve to the spoofer's IP. A few names at most, one after the other.
  const type = ip.includes(':') ? 'AAAA' : 'A';
  const want = canonicalIp(ip);
  let unknown = false;
  for (const name of names.slice(0, MAX_CONFIRM_NAMES)) {
    if (opts.signal?.aborted) return { status: 'error', code: 'aborted' };
    try {
      const res = await opts.query(name, type, opts.signal);
      if (res.rcode !== 'NOERROR' && res.rcode !== 'NXDOMAIN') {
        unknown = true;
        continue;
      }
      if (res.answers.some((rr) => rr.type === type && canonicalIp(rr.data) === want)) {
        return { status: 'found', names: [name, ...names.filter((n) => n !== name)], confirmed: true };
      }
    } catch (e) {
      if (errorCode(e) === 'aborted') return { status: 'error', code: 'aborted' };
      unknown = true;
    }
  }
  return { status: 'found', names, confirmed: unknown ? null : false };
}

/** An answer worth keeping: no PTR, or names (forward-checked when that is asked for, and the check answered). */
function isFinal(result: PtrResult, opts: PtrLookupOptions): boolean {
  if (result.status === 'none') return true;
  if (result.status !== 'found') return false;
  return opts.forwardConfirm ? result.confirmed !== null : true;
}

/**
 * PTR answers for these IPs (give them largest source first). Resolves with
 * one result per distinct IP; never rejects. After an abort, the addresses
 * not yet answered are `{ status: 'error', code: 'aborted' }`.
 */
export async function lookupPtrs(ips: readonly string[], opts: PtrLookupOptions): Promise<Map<string, PtrResult>> {
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_PTR_CONCURRENCY));
  const maxIps = Math.max(0, Math.floor(opts.maxIps ?? DEFAULT_PTR_MAX_IPS));
  const distinct = [...new Set(ips)];
  const out = new Map<string, PtrResult>();
  const settle = (ip: string, result: PtrResult): void => {
    out.set(ip, result);
    if (opts.cache && isFinal(result, opts)) opts.cache.set(ip, result);
    opts.onResult?.(ip, result);
  };
  const todo: string[] = [];
  distinct.forEach((ip, i) => {
    const cached = opts.cache?.get(ip);
    if (cached && isFinal(cached, opts)) settle(ip, cached);
    else if (i >= maxIps) settle(ip, { status: 'skipped' });
    else todo.push(ip);
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const ip = todo[next++] as string;
      settle(ip, await lookupOne(ip, opts));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  return out;
}

// ------------------------------------------------------------------ grouping

export const GROUP_KINDS = ['sender', 'domain', 'ip'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface GroupMember {
  readonly source: SourceIp;
  /** null when not looked up (yet). */
  readonly ptr: PtrResult | null;
  /**
   * How the sender was recognised: its forward-confirmed PTR name, or a DKIM
   * signature (d=) or SPF result that passed for a sending platform's own
   * domain (name: that domain); null when not recognised.
   */
  readonly recognisedBy: { readonly via: 'ptr' | 'dkim' | 'spf'; readonly name: string } | null;
}

/** The sending platform behind a source by its passing DKIM d= or SPF domains (most messages first; DKIM before SPF on a tie). */
function senderByAuth(source: SourceIp): { sender: SenderProfile; via: 'dkim' | 'spf'; name: string } | undefined {
  let best: { sender: SenderProfile; via: 'dkim' | 'spf'; name: string; messages: number } | undefined;
  const consider = (via: 'dkim' | 'spf', domain: string, result: string, messages: number): void => {
    if (result !== 'pass' || !domain) return;
    const sender = recogniseAuthDomain(domain);
    if (sender && (!best || messages > best.messages)) best = { sender, via, name: domain, messages };
  };
  for (const t of source.dkimResults) consider('dkim', t.key.domain, t.key.result, t.messages);
  for (const t of source.spfResults) consider('spf', t.key.domain, t.key.result, t.messages);
  return best;
}

export interface SourceGroup extends Counts {
  /** "sender:<id>", "domain:<org domain>" or "ip:<address>". */
  readonly key: string;
  readonly kind: GroupKind;
  /** The recognised sender (kind "sender"), else null. */
  readonly sender: SenderProfile | null;
  /** The organisation domain of the name it was grouped by: the PTR name, or for a sender recognised by DKIM/SPF the first member's auth domain ('' for "ip"). */
  readonly domain: string;
  readonly dispositions: Dispositions;
  /** Most messages first. */
  readonly members: readonly GroupMember[];
}

class GroupAcc extends CountAcc {
  readonly members: GroupMember[] = [];

  constructor(
    readonly key: string,
    readonly kind: GroupKind,
    readonly sender: SenderProfile | null,
    readonly domain: string,
  ) {
    super();
  }

  addMember(m: GroupMember): void {
    this.addCounts(m.source, m.source.dispositions);
    this.members.push(m);
  }

  result(): SourceGroup {
    const { key, kind, sender, domain } = this;
    return {
      key,
      kind,
      sender,
      domain,
      ...this.counts(),
      dispositions: this.dispositions(),
      members: [...this.members].sort((a, b) => b.source.messages - a.source.messages),
    };
  }
}

/** Group source IPs by the organisation behind them; most messages first. */
export function groupSources(sources: readonly SourceIp[], ptrs: ReadonlyMap<string, PtrResult>): SourceGroup[] {
  const groups = new Map<string, GroupAcc>();
  for (const source of sources) {
    const ptr = ptrs.get(source.ip) ?? null;
    // Only a forward-confirmed name says who is behind the IP (see lookupOne).
    const name = ptr?.status === 'found' && ptr.confirmed === true ? ptr.names[0] : undefined;
    const byPtr = name ? recogniseSender(name) : undefined;
    // Without a known name, a platform's own signature or envelope domain that passed names it.
    const byAuth = byPtr ? undefined : senderByAuth(source);
    const sender = byPtr ?? byAuth?.sender;
    let key: string;
    let acc: GroupAcc | undefined;
    let recognisedBy: GroupMember['recognisedBy'] = null;
    if (sender) {
      recognisedBy = byPtr ? { via: 'ptr', name: name as string } : { via: byAuth?.via ?? 'dkim', name: byAuth?.name ?? '' };
      key = `sender:${sender.id}`;
      acc = groups.get(key) ?? new GroupAcc(key, 'sender', sender, orgDomain(recognisedBy.name));
    } else if (name) {
      const domain = orgDomain(name);
      key = `domain:${domain}`;
      acc = groups.get(key) ?? new GroupAcc(key, 'domain', null, domain);
    } else {
      key = `ip:${source.ip}`;
      acc = groups.get(key) ?? new GroupAcc(key, 'ip', null, '');
    }
    acc.addMember({ source, ptr, recognisedBy });
    groups.set(key, acc);
  }
  return [...groups.values()].map((g) => g.result()).sort((a, b) => b.messages - a.messages || (a.key < b.key ? -1 : 1));
}
