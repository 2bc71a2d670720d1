/**
 * Expand an SPF record the way a receiver would have to, without a sending IP:
 * follow every include and redirect, ask the a/mx/exists questions, and count
 * what RFC 7208 §4.6.4 limits (10 DNS-querying terms, 2 void lookups, 10 names
 * per mx). Static analysis counts every term, not only those a given sender
 * would reach. Independent questions go out at once; bounded in depth and in
 * the number of questions; a loop is found, not followed. Resolver failures are
 * collected as data, never thrown, never counted as "no record".
 */
import type { DnsRecord, DnsResponse, QueryFn, RRType } from '../doh/types';
import { normaliseName } from '../names';
import { askOutcome, recordsOf, type Outcome } from './answers';
import {
  isSpfRecord,
  parseSpf,
  type SpfError,
  type SpfMechanismTerm,
  type SpfModifierTerm,
  type SpfRecord,
  type SpfTerm,
} from '../records/spf';
import { joinTxt } from '../records/txt';

export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LIMIT = 2;
export const SPF_MX_NAME_LIMIT = 10;

export interface SpfExpandOptions {
  readonly signal?: AbortSignal | undefined;
  /** Deepest include/redirect nesting followed (default 10). */
  readonly maxDepth?: number;
  /** Most DNS questions asked in one expansion (default 60); beyond it the tree is marked truncated. */
  readonly maxQueries?: number;
  /** Resolve a/mx terms to addresses for display (default true). */
  readonly resolveAddresses?: boolean;
  /** Use this text as the root record instead of asking for the domain's TXT. */
  readonly rootRecord?: string | undefined;
}

export const SPF_NODE_STATUSES = ['ok', 'no-record', 'multiple', 'nxdomain', 'error', 'loop', 'depth', 'truncated', 'macro'] as const;
export type SpfNodeStatus = (typeof SPF_NODE_STATUSES)[number];

export interface SpfTermInfo {
  readonly term: SpfTerm;
  /** DNS-querying terms this term costs by itself (0 or 1). */
  readonly lookups: number;
  /** This term's lookup returned NXDOMAIN or no answers. */
  readonly void: boolean;
  /** Addresses found for a/mx terms, or the network of ip4/ip6 terms. */
  readonly addresses: readonly string[];
  /** MX host names found for an mx term. */
  readonly mxHosts?: readonly string[];
  /** The resolver error code when this term's lookup failed. */
  readonly error?: string;
  /** The record reached through include/redirect. */
  readonly child?: SpfNode;
}

export interface SpfNode {
  readonly domain: string;
  readonly via: 'root' | 'include' | 'redirect';
  readonly status: SpfNodeStatus;
  /** The SPF text found at this name. */
  readonly record?: string;
  readonly parsed?: SpfRecord;
  readonly terms: readonly SpfTermInfo[];
  /** Resolver error code when status is `error`. */
  readonly error?: string;
  /** How many SPF records the name has, when status is `multiple`. */
  readonly recordCount?: number;
  /** DNS-querying terms in this node and below. */
  readonly lookups: number;
  /** Void lookups in this node and below. */
  readonly voids: number;
  /** ip4 ranges authorised in this node and below. */
  readonly ip4: readonly string[];
  readonly ip6: readonly string[];
}

export interface SpfExpansion {
  readonly root: SpfNode;
  readonly lookupCount: number;
  readonly voidCount: number;
  /** mx terms whose MX set names more than 10 hosts. */
  readonly mxOverLimit: readonly { readonly domain: string; readonly count: number }[];
  /** include/redirect targets already on the path: the path from root. */
  readonly loops: readonly { readonly domain: string; readonly path: readonly string[] }[];
  readonly syntaxErrors: readonly { readonly domain: string; readonly record: string; readonly errors: readonly SpfError[] }[];
  /** include/redirect targets without exactly one SPF record. */
  readonly brokenIncludes: readonly { readonly domain: string; readonly from: string; readonly reason: 'no-record' | 'multiple' | 'nxdomain' }[];
  readonly resolverErrors: readonly { readonly name: string; readonly type: RRType; readonly code: string }[];
  /** Depth or question budget reached: counts are lower bounds. */
  readonly truncated: boolean;
  /** Every include/redirect target reached, lower case. */
  readonly includes: readonly string[];
}

function isVoid(resp: DnsResponse, type: RRType): boolean {
  return resp.rcode === 'NXDOMAIN' || recordsOf(resp, type as DnsRecord['type']).length === 0;
}

class Expander {
  /** Questions asked so far (name|type): the budget counts each once; the run's cache answers repeats. */
  readonly asked = new Set<string>();
  truncated = false;
  readonly mxOverLimit: { domain: string; count: number }[] = [];
  readonly loops: { domain: string; path: string[] }[] = [];
  readonly syntaxErrors: { domain: string; record: string; errors: readonly SpfError[] }[] = [];
  readonly brokenIncludes: { domain: string; from: string; reason: 'no-record' | 'multiple' | 'nxdomain' }[] = [];
  readonly resolverErrors: { name: string; type: RRType; code: string }[] = [];
  readonly includes = new Set<string>();

  constructor(
    readonly query: QueryFn,
    readonly signal: AbortSignal | undefined,
    readonly maxDepth: number,
    readonly maxQueries: number,
    readonly resolveAddresses: boolean,
  ) {}

  /** Ask through the run (its cache answers a repeated question); undefined when the question budget is spent. */
  ask(name: string, type: RRType): Promise<Outcome> | undefined {
    const key = `${name}|${type}`;
    if (!this.asked.has(key)) {
      if (this.asked.size >= this.maxQueries) {
        this.truncated = true;
        return undefined;
      }
      this.asked.add(key);
      return askOutcome(this.query, name, type, this.signal).then((o) => {
        if (!o.ok) this.resolverErrors.push({ name, type, code: o.code });
        return o;
      });
    }
    return askOutcome(this.query, name, type, this.signal);
  }

  async node(domain: string, via: SpfNode['via'], path: readonly string[], from: string, text?: string): Promise<SpfNode> {
    const empty = { terms: [], lookups: 0, voids: 0, ip4: [], ip6: [] };
    if (via !== 'root') this.includes.add(domain);
    if (path.includes(domain)) {
      this.loops.push({ domain, path: [...path, domain] });
      return { domain, via, status: 'loop', ...empty };
    }
    if (path.length > this.maxDepth) {
      this.truncated = true;
      return { domain, via, status: 'depth', ...empty };
    }
    let record = text;
    let voidHere = 0;
    if (record === undefined) {
      const pending = this.ask(domain, 'TXT');
      if (!pending) return { domain, via, status: 'truncated', ...empty };
      const o = await pending;
      if (!o.ok) return { domain, via, status: 'error', error: o.code, ...empty };
      const spfs = recordsOf(o.resp, 'TXT')
        .map((r) => joinTxt(r.data))
        .filter(isSpfRecord);
      if (o.resp.rcode === 'NXDOMAIN' || spfs.length === 0) {
        // The TXT lookup of an include/redirect target counts as void when empty.
        if (via !== 'root' && isVoid(o.resp, 'TXT')) voidHere = 1;
        const reason = o.resp.rcode === 'NXDOMAIN' ? 'nxdomain' : 'no-record';
        if (via !== 'root') this.brokenIncludes.push({ domain, from, reason });
        return { domain, via, status: reason, ...empty, voids: voidHere };
      }
      if (spfs.length > 1) {
        if (via !== 'root') this.brokenIncludes.push({ domain, from, reason: 'multiple' });
        return { domain, via, status: 'multiple', recordCount: spfs.length, ...empty };
      }
      record = spfs[0] ?? '';
    }
    const parsed = parseSpf(record);
    if (parsed.errors.length > 0) this.syntaxErrors.push({ domain, record, errors: parsed.errors });
    const nextPath = [...path, domain];
    const terms = await Promise.all(parsed.terms.map((t) => this.term(t, domain, parsed, nextPath)));
    let lookups = 0;
    let voids = voidHere;
    const ip4: string[] = [];
    const ip6: string[] = [];
    for (const info of terms) {
      lookups += info.lookups + (info.child?.lookups ?? 0);
      voids += (info.void ? 1 : 0) + (info.child?.voids ?? 0);
      const t = info.term;
      if (t.kind === 'mechanism' && (t.mechanism === 'ip4' || t.mechanism === 'a' || t.mechanism === 'mx')) {
        for (const a of info.addresses) (a.includes(':') ? ip6 : ip4).push(a);
      } else if (t.kind === 'mechanism' && t.mechanism === 'ip6') {
        ip6.push(...info.addresses);
      }
      if (info.child) {
        ip4.push(...info.child.ip4);
        ip6.push(...info.child.ip6);
      }
    }
    return { domain, via, status: 'ok', record, parsed, terms, lookups, voids, ip4, ip6 };
  }

  async term(term: SpfTerm, domain: string, record: SpfRecord, path: readonly string[]): Promise<SpfTermInfo> {
    const none: SpfTermInfo = { term, lookups: 0, void: false, addresses: [] };
    if (term.kind === 'invalid') return none;
    if (term.kind === 'modifier') return this.modifier(term, domain, record, path);
    return this.mechanism(term, domain, path);
  }

  async modifier(term: SpfModifierTerm, domain: string, record: SpfRecord, path: readonly string[]): Promise<SpfTermInfo> {
    // redirect is ignored when the record has an `all` (RFC 7208 §6.1).
    if (term.name !== 'redirect' || record.all || record.redirect !== term) return { term, lookups: 0, void: false, addresses: [] };
    if (term.hasMacro) return { term, lookups: 1, void: false, addresses: [] };
    const child = await this.node(normaliseName(term.value), 'redirect', path, domain);
    return { term, lookups: 1, void: false, addresses: [], child };
  }

  async mechanism(term: SpfMechanismTerm, domain: string, path: readonly string[]): Promise<SpfTermInfo> {
    const target = normaliseName(term.domain ?? domain);
    switch (term.mechanism) {
      case 'all':
        return { term, lookups: 0, void: false, addresses: [] };
      case 'ip4':
      case 'ip6': {
        const cidr = term.mechanism === 'ip4' ? term.cidr4 : term.cidr6;
        const ip = term.ip ?? '';
        return { term, lookups: 0, void: false, addresses: [cidr === undefined ? ip : `${ip}/${cidr}`] };
      }
      case 'ptr':
        // Depends on the sender's address: counted, not asked.
        return { term, lookups: 1, void: false, addresses: [] };
      case 'include': {
        if (term.hasMacro) return { term, lookups: 1, void: false, addresses: [] };
        const child = await this.node(target, 'include', path, domain);
        return { term, lookups: 1, void: false, addresses: [], child };
      }
      case 'exists': {
        if (term.hasMacro) return { term, lookups: 1, void: false, addresses: [] };
        const o = await this.ask(target, 'A');
        if (!o) return { term, lookups: 1, void: false, addresses: [] };
        if (!o.ok) return { term, lookups: 1, void: false, addresses: [], error: o.code };
        return { term, lookups: 1, void: isVoid(o.resp, 'A'), addresses: [] };
      }
      case 'a': {
        if (term.hasMacro) return { term, lookups: 1, void: false, addresses: [] };
        const [a, aaaa] = await Promise.all([this.ask(target, 'A'), this.resolveAddresses ? this.ask(target, 'AAAA') : undefined]);
        if (!a) return { term, lookups: 1, void: false, addresses: [] };
        if (!a.ok) return { term, lookups: 1, void: false, addresses: [], error: a.code };
        const v4 = recordsOf(a.resp, 'A').map((r) => withCidr(r.data, term.cidr4));
        const v6 = aaaa?.ok ? recordsOf(aaaa.resp, 'AAAA').map((r) => withCidr(r.data, term.cidr6)) : [];
        const emptyV6 = !aaaa || !aaaa.ok || isVoid(aaaa.resp, 'AAAA');
        return { term, lookups: 1, void: isVoid(a.resp, 'A') && emptyV6, addresses: [...v4, ...v6] };
      }
      case 'mx': {
        if (term.hasMacro) return { term, lookups: 1, void: false, addresses: [] };
        const o = await this.ask(target, 'MX');
        if (!o) return { term, lookups: 1, void: false, addresses: [] };
        if (!o.ok) return { term, lookups: 1, void: false, addresses: [], error: o.code };
        const hosts = recordsOf(o.resp, 'MX')
          .map((r) => normaliseName(r.data.exchange))
          .filter((h) => h !== '');
        if (hosts.length > SPF_MX_NAME_LIMIT) this.mxOverLimit.push({ domain: target, count: hosts.length });
        let addresses: string[] = [];
        if (this.resolveAddresses) {
          const answers = await Promise.all(hosts.slice(0, SPF_MX_NAME_LIMIT).map((h) => this.ask(h, 'A')));
          addresses = answers.flatMap((x) => (x?.ok ? recordsOf(x.resp, 'A').map((r) => withCidr(r.data, term.cidr4)) : []));
        }
        return { term, lookups: 1, void: isVoid(o.resp, 'MX'), addresses, mxHosts: hosts };
      }
    }
  }
}

function withCidr(ip: string, cidr: number | undefined): string {
  return cidr === undefined ? ip : `${ip}/${cidr}`;
}

/**
 * Expand the SPF record of `domain` (ASCII). With `rootRecord` the given text is
 * analysed instead of the published one (a draft, or an answer already in hand).
 */
export async function expandSpf(domain: string, query: QueryFn, opts: SpfExpandOptions = {}): Promise<SpfExpansion> {
  const ex = new Expander(query, opts.signal, opts.maxDepth ?? 10, opts.maxQueries ?? 60, opts.resolveAddresses ?? true);
  const root = await ex.node(normaliseName(domain), 'root', [], '', opts.rootRecord);
  return {
    root,
    lookupCount: root.lookups,
    voidCount: root.voids,
    mxOverLimit: ex.mxOverLimit,
    loops: ex.loops,
    syntaxErrors: ex.syntaxErrors,
    brokenIncludes: ex.brokenIncludes,
    resolverErrors: ex.resolverErrors,
    truncated: ex.truncated,
    includes: [...ex.includes],
  };
}
