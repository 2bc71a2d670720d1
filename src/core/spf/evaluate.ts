/**
 * RFC 7208 check_host(): would mail from this IP, with this MAIL FROM and
 * HELO, pass SPF? Every mechanism and modifier, macros (exp= text included),
 * IPv4 and IPv6 with dual CIDR lengths, the limits of §4.6.4, and DNS over the
 * QueryFn it is given (the site's DoH client). Held against the openspf RFC
 * 7208 test suite (tests/conformance/spf/). Written for this site rather than
 * taken from a library: it must run in a browser and ask through DoH; pyspf is
 * Python, and mailauth (the best-known Node library) loads Node's dns and os
 * modules at import and, by the suite's notes, skips exp= and some macro
 * cases; the smaller npm SPF packages only parse records.
 *
 * Speed: when a record arrives, every lookup its terms will need (include,
 * redirect, a, mx, ptr, exists targets, macros expanded) is sent at once, and
 * the same happens for each record that arrives that way, so a tree costs as
 * many round trips as it is deep. Evaluation still walks the terms in order and
 * counts the limits only for terms it reaches; answers asked ahead and never
 * used count for nothing. Asking ahead is bounded (PREFETCH_BUDGET questions,
 * records no deeper than the lookup limit allows), and whatever is still in
 * flight when the result is known is cancelled.
 *
 * Where the RFC leaves a choice, the choice is the one the suite accepts; each
 * is marked "Choice" below. The suite's own choices this follows: SERVFAIL and
 * timeouts are temperror (§2.6.6), more than 10 MX records is a permerror.
 */
import { parseIPv4, parseIPv6 } from '../doh/ip';
import { isSpfToplabel, parseSpf, type SpfMechanismTerm, type SpfQualifier, type SpfRecord } from '../records/spf';
import { DohError } from '../doh/errors';
import { nameLabels } from '../doh/codec';
import type { RRType } from '../doh/types';
import { addressMatches, type ClientAddress, parseClientAddress, reverseNameOf, samePrefix } from './address';
import { expandMacros, type MacroValues, parseMacroString, usesLetter } from './macro';
import { type Answer, canonical, Questions } from './questions';
import type {
  EvaluateSpfArgs,
  SpfEvaluation,
  SpfLookup,
  SpfLookupPurpose,
  SpfProblem,
  SpfResult,
  SpfTermOutcome,
  SpfTrailRecord,
  SpfTrailTerm,
} from './types';

import { SPF_DNS_TERM_LIMIT, SPF_NAMES_PER_LOOKUP, SPF_VOID_LOOKUP_LIMIT } from './limits';

export { SPF_DNS_TERM_LIMIT, SPF_NAMES_PER_LOOKUP, SPF_VOID_LOOKUP_LIMIT };
/** Questions the evaluation may ask ahead of need; anything past it is asked when evaluation gets there. */
export const PREFETCH_BUDGET = 100;

const RESULT_OF: Record<SpfQualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };
const DNS_MECHANISMS = new Set(['include', 'a', 'mx', 'ptr', 'exists']);
const utf8 = new TextEncoder();
const utf8Length = (s: string): number => utf8.encode(s).length;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type TrailTerm = Mutable<Omit<SpfTrailTerm, 'lookups' | 'child'>> & { lookups: number[]; child?: SpfTrailRecord };
type TrailRecord = Mutable<Omit<SpfTrailRecord, 'terms'>> & { terms: TrailTerm[] };

/** The result of check_host() for one domain, and the exp= to use if it is a fail decided there (§6.2). */
interface HostResult {
  readonly result: SpfResult;
  readonly record: TrailRecord;
  readonly exp?: { readonly spec: string; readonly domain: string };
}

/** A domain-spec after macro expansion: `text` is the `d` of a check there, `name` the question to ask. */
interface Target {
  readonly text: string;
  readonly name: string;
}

/** The identity checked (§2.4, §4.3): sender as `s`, its local-part `l` and domain `o`. */
interface Identity {
  readonly sender: string;
  readonly local: string;
  readonly domain: string;
}

function identityOf(senderInput: string, helo: string): Identity {
  const sender = senderInput.trim().replace(/^<(.*)>$/, '$1');
  // §2.4: an empty MAIL FROM means the HELO identity, checked as postmaster@<helo>.
  if (sender === '') return { sender: `postmaster@${helo}`, local: 'postmaster', domain: helo };
  const at = sender.lastIndexOf('@');
  // §4.3: a sender without a local-part is postmaster@<domain>.
  const local = at > 0 ? sender.slice(0, at) : 'postmaster';
  const domain = at >= 0 ? sender.slice(at + 1) : sender;
  return { sender: `${local}@${domain}`, local, domain };
}

/** Without one trailing dot: the domain as `d` and as shown. */
const withoutDot = (s: string): string => (s.endsWith('.') ? s.slice(0, -1) : s);

/**
 * §4.3: a domain that is malformed (label over 63 bytes, empty label) or not a
 * multi-label name gives `none` without a lookup. Choice: a last label that is
 * not a §7.1 toplabel (all digits, "5]" of a literal "[1.2.3.5]") is not a
 * domain name either; the suite's domain-literal cases expect none.
 */
function isCheckableDomain(domain: string): boolean {
  const d = withoutDot(domain);
  if (d === '' || utf8Length(d) > 253) return false;
  const labels = d.split('.');
  if (labels.length < 2 || !labels.every((l) => l !== '' && utf8Length(l) <= 63)) return false;
  return isSpfToplabel(labels[labels.length - 1] ?? '');
}

/**
 * An expanded domain-spec as a question. §7.3: a trailing dot is dropped and
 * a name over 253 characters loses labels from the left until it fits. The
 * text goes to the DoH client in its presentation format, where only "\"
 * needs escaping (dots are separators here; spaces and "%" are sent as they
 * are). A name that still cannot be sent fails in the client as invalid-name.
 */
function targetOf(expanded: string): Target {
  let text = withoutDot(expanded);
  if (utf8Length(text) > 253) {
    // Keep labels from the right while they fit (one pass: a record full of macros can expand to megabytes).
    const labels = text.split('.');
    let keep = labels.length;
    for (let size = -1; keep > 0; keep--) {
      size += utf8Length(labels[keep - 1] ?? '') + 1;
      if (size > 253) break;
    }
    text = labels.slice(keep).join('.');
  }
  // An empty name would be the root: "..", which the client refuses as invalid-name, stands for "no name".
  return { text, name: text === '' ? '..' : text.replace(/\\/g, '\\\\') };
}

/** A canonical name as plain text for %{p}: escapes undone, bytes read as UTF-8. */
function plainText(name: string): string {
  const decoder = new TextDecoder();
  try {
    return nameLabels(name)
      .map((l) => decoder.decode(l))
      .join('.');
  } catch {
    return name;
  }
}

/** Whether canonical `name` is `domain` or below it, label by label. */
function isAtOrBelow(name: string, domain: string): boolean {
  try {
    const n = nameLabels(name);
    const d = nameLabels(domain);
    if (d.length > n.length) return false;
    const offset = n.length - d.length;
    return d.every((label, i) => {
      const other = n[offset + i];
      return other !== undefined && other.length === label.length && label.every((b, k) => b === other[k]);
    });
  } catch {
    return false;
  }
}

/** The records' data as text, for the trail. */
function dataOf(answer: Answer): string[] {
  if (answer.kind !== 'answer') return [];
  return answer.records.map((r) => {
    switch (r.type) {
      case 'MX':
        return `${r.data.preference} ${r.data.exchange}`;
      case 'TXT':
        return r.data.join('');
      default:
        return typeof r.data === 'string' ? r.data : JSON.stringify(r.data);
    }
  });
}

/** A record: the one SPF record among a name's TXT records, or why there is none. */
type RecordLookup =
  | { readonly kind: 'record'; readonly text: string; readonly parsed: SpfRecord }
  | { readonly kind: 'none' }
  | { readonly kind: 'multiple' }
  | { readonly kind: 'dns-error' };

function recordOf(answer: Answer): RecordLookup {
  if (answer.kind === 'dns-error' || answer.kind === 'aborted') return { kind: 'dns-error' };
  if (answer.kind !== 'answer') return { kind: 'none' };
  // §4.5: strings of one TXT record are joined without spaces; the record must start "v=spf1" then a space or its end.
  const texts = answer.records.flatMap((r) => (r.type === 'TXT' ? [r.data.join('')] : [])).filter((t) => /^v=spf1(?: |$)/i.test(t));
  if (texts.length === 0) return { kind: 'none' };
  if (texts.length > 1) return { kind: 'multiple' };
  const text = texts[0] ?? '';
  return { kind: 'record', text, parsed: parseSpf(text) };
}

class Evaluation {
  readonly lookups: SpfLookup[] = [];
  dnsTerms = 0;
  voidLookups = 0;
  problem: SpfProblem | undefined;
  private budget = PREFETCH_BUDGET;
  private readonly recordsAhead = new Set<string>();
  private readonly pValues = new Map<string, Promise<string>>();

  /** Resolves when the evaluation is cancelled, so a QueryFn that ignores its signal cannot hold it up. */
  private readonly cancelled: Promise<Answer>;

  constructor(
    readonly questions: Questions,
    signal: AbortSignal,
    readonly client: ClientAddress,
    readonly identity: Identity,
    readonly helo: string,
    readonly prefetch: boolean,
    readonly explanationValues: () => MacroValues,
  ) {
    this.cancelled = new Promise((resolve) => {
      if (signal.aborted) resolve({ kind: 'aborted' });
      else signal.addEventListener('abort', () => resolve({ kind: 'aborted' }), { once: true });
    });
  }

  /** The address type asked for the client's family (§5: A for IPv4, AAAA for IPv6). */
  get addressType(): RRType {
    return this.client.family === 4 ? 'A' : 'AAAA';
  }

  // ─── DNS ───

  /** Asks a question the evaluation needs now; records it in the trail. Throws DohError('aborted') if cancelled. */
  async use(name: string, type: RRType, purpose: SpfLookupPurpose): Promise<{ answer: Answer; index: number }> {
    const prefetched = this.questions.has(name, type);
    const index = this.lookups.length;
    // Reserve the place now, so the trail lists questions in the order evaluation asked them.
    this.lookups.push({ name, type, purpose, outcome: 'dns-error', data: [], prefetched });
    const answer = await Promise.race([this.questions.ask(name, type), this.cancelled]);
    if (answer.kind === 'aborted') throw new DohError('aborted', 'The SPF evaluation was cancelled.');
    const outcome = answer.kind === 'answer' ? 'answer' : answer.kind;
    this.lookups[index] = {
      name: canonical(name) ?? name,
      type,
      purpose,
      outcome,
      data: dataOf(answer),
      ...(answer.kind === 'dns-error' && answer.rcode !== undefined ? { rcode: answer.rcode } : {}),
      ...(answer.kind === 'dns-error' && answer.error !== undefined ? { error: answer.error } : {}),
      prefetched,
    };
    return { answer, index };
  }

  /** Asks ahead of need, within the budget; undefined when not asked. */
  private ahead(name: string, type: RRType): Promise<Answer> | undefined {
    if (!this.prefetch) return undefined;
    if (this.questions.has(name, type)) return this.questions.ask(name, type);
    if (this.budget <= 0) return undefined;
    this.budget--;
    return this.questions.ask(name, type);
  }

  /** Fetches a record ahead and, when it arrives, asks ahead for what its terms need. */
  recordAhead(target: Target, depth: number): void {
    const key = canonical(target.name);
    if (!this.prefetch || key === undefined || this.recordsAhead.has(key)) return;
    this.recordsAhead.add(key);
    void this.ahead(target.name, 'TXT')?.then((answer) => {
      const rec = recordOf(answer);
      if (rec.kind === 'record' && rec.parsed.ok && /^[\x20-\x7e]*$/.test(rec.text)) this.termsAhead(rec.parsed, target.text, depth);
    });
  }

  /** Asks ahead for every lookup the record's DNS-querying terms will need, in order, up to the lookup limit. */
  private termsAhead(record: SpfRecord, domain: string, depth: number): void {
    // A record deeper than the limit can only be reached with every lookup spent: its terms would be permerror.
    if (depth >= SPF_DNS_TERM_LIMIT) return;
    let count = 0;
    for (const term of record.terms) {
      const isRedirect = term.kind === 'modifier' && term.name === 'redirect' && !record.all;
      const isDnsMechanism = term.kind === 'mechanism' && DNS_MECHANISMS.has(term.mechanism);
      if (!isRedirect && !isDnsMechanism) continue;
      if (++count > SPF_DNS_TERM_LIMIT) break;
      if (term.kind === 'modifier') {
        const target = this.targetNow(term.value, domain);
        if (target) this.recordAhead(target, depth + 1);
        continue;
      }
      if (term.kind !== 'mechanism') continue;
      if (term.mechanism === 'ptr') {
        const target = this.targetNow(term.domain ?? domain, domain);
        void this.ahead(reverseNameOf(this.client), 'PTR')?.then((answer) => {
          if (target) for (const name of this.ptrCandidates(answer, target)) this.ahead(name, this.addressType);
        });
        continue;
      }
      const target = this.targetNow(term.domain ?? domain, domain);
      if (!target) continue;
      if (term.mechanism === 'include') this.recordAhead(target, depth + 1);
      else if (term.mechanism === 'a') this.ahead(target.name, this.addressType);
      else if (term.mechanism === 'exists') this.ahead(target.name, 'A');
      else if (term.mechanism === 'mx') {
        void this.ahead(target.name, 'MX')?.then((answer) => {
          for (const host of this.mxHosts(answer) ?? []) this.ahead(host, this.addressType);
        });
      }
    }
  }

  // ─── macros ───

  private values(domain: string): MacroValues {
    const { sender, local, domain: senderDomain } = this.identity;
    return { s: sender, l: local, o: senderDomain, d: domain, i: this.client.dotted, v: this.client.v, h: this.helo };
  }

  /** A domain-spec expanded without DNS (for asking ahead); undefined when it needs %{p} or is not valid. */
  private targetNow(spec: string, domain: string): Target | undefined {
    const parsed = parseMacroString(spec, 'domain');
    if (!parsed.ok || usesLetter(parsed.parts, 'p')) return undefined;
    return targetOf(expandMacros(parsed.parts, this.values(domain)));
  }

  /** A domain-spec expanded (§7), %{p} looked up when used; undefined when its macros are invalid. */
  async target(spec: string, domain: string): Promise<Target | undefined> {
    const parsed = parseMacroString(spec, 'domain');
    if (!parsed.ok) return undefined;
    const values = usesLetter(parsed.parts, 'p') ? { ...this.values(domain), p: await this.pMacro(domain) } : this.values(domain);
    return targetOf(expandMacros(parsed.parts, values));
  }

  /**
   * %{p} (§7.3): a validated name of the client — one whose address records
   * include the client — preferring `domain` itself, then a name below it,
   * then any; "unknown" when there is none or DNS fails. Its lookups do not
   * count toward the limits (they belong to no term).
   */
  pMacro(domain: string): Promise<string> {
    let value = this.pValues.get(domain);
    if (!value) {
      value = this.findP(domain);
      this.pValues.set(domain, value);
    }
    return value;
  }

  private async findP(domain: string): Promise<string> {
    const { answer } = await this.use(reverseNameOf(this.client), 'PTR', 'p-macro');
    const names = this.ptrNames(answer);
    const checks = await Promise.all(names.map((n) => this.use(n, this.addressType, 'p-macro')));
    const validated = names.filter((_, i) => this.includesClient(checks[i]?.answer));
    const d = canonical(targetOf(domain).name) ?? '';
    const chosen = validated.find((n) => n === d) ?? validated.find((n) => isAtOrBelow(n, d)) ?? validated[0];
    return chosen === undefined ? 'unknown' : plainText(chosen);
  }

  // ─── answers ───

  /** The first 10 names of a PTR answer (§4.6.4: more are ignored). */
  private ptrNames(answer: Answer): string[] {
    if (answer.kind !== 'answer') return [];
    return answer.records.flatMap((r) => (r.type === 'PTR' ? [r.data] : [])).slice(0, SPF_NAMES_PER_LOOKUP);
  }

  /** PTR names at or below the ptr mechanism's target: the ones worth validating (§5.5). */
  private ptrCandidates(answer: Answer, target: Target): string[] {
    const t = canonical(target.name);
    return t === undefined ? [] : this.ptrNames(answer).filter((n) => isAtOrBelow(n, t));
  }

  /** The hosts of an MX answer (the root of a null MX, RFC 7505, is none); undefined when there are over 10 records. */
  private mxHosts(answer: Answer): string[] | undefined {
    if (answer.kind !== 'answer') return [];
    const hosts = answer.records.flatMap((r) => (r.type === 'MX' ? [r.data.exchange] : []));
    if (hosts.length > SPF_NAMES_PER_LOOKUP) return undefined;
    return hosts.filter((h) => h !== '.');
  }

  private includesClient(answer: Answer | undefined): boolean {
    return (
      answer?.kind === 'answer' &&
      answer.records.some((r) => (r.type === 'A' || r.type === 'AAAA') && addressMatches(this.client, r.data, this.client.bytes.length * 8))
    );
  }

  // ─── check_host() ───

  async checkHost(target: Target, via: TrailRecord['via'], depth: number): Promise<HostResult> {
    const record: TrailRecord = { domain: target.text, via, result: 'none', terms: [] };
    const end = (result: SpfResult, exp?: HostResult['exp']): HostResult => {
      record.result = result;
      return { result, record, ...(exp ? { exp } : {}) };
    };
    const lookup = this.use(target.name, 'TXT', 'record');
    // When the record arrives, ask ahead for what its terms need (a no-op if that is under way already).
    this.recordAhead(target, depth);
    const { answer, index } = await lookup;
    record.lookup = index;
    const found = recordOf(answer);
    switch (found.kind) {
      case 'dns-error':
        this.problem = { code: 'dns-error', domain: target.text, lookup: index };
        return end('temperror');
      case 'none':
        this.problem = { code: 'no-record', domain: target.text };
        return end('none');
      case 'multiple':
        this.problem = { code: 'multiple-records', domain: target.text };
        return end('permerror');
      case 'record':
        break;
    }
    const { text, parsed } = found;
    record.record = text;
    // §4.6.1 / §3: terms are separated by spaces only, and a record is printable ASCII.
    const bad = /[^\x20-\x7e]/.exec(text);
    if (bad) {
      const from = text.lastIndexOf(' ', bad.index) + 1;
      const to = text.indexOf(' ', bad.index);
      this.problem = { code: 'syntax', domain: target.text, syntax: 'invalid-character', term: text.slice(from, to < 0 ? undefined : to) };
      return end('permerror');
    }
    // §4.6: a syntax error anywhere in the record is a permerror before anything is evaluated.
    const error = parsed.errors[0];
    if (error) {
      this.problem = { code: 'syntax', domain: target.text, syntax: error.code, term: error.term };
      return end('permerror');
    }

    for (const term of parsed.terms) {
      if (term.kind !== 'mechanism') continue;
      const entry: TrailTerm = { term: term.raw, kind: term.mechanism, qualifier: term.qualifier, outcome: 'no-match', lookups: [] };
      record.terms.push(entry);
      entry.outcome = await this.mechanism(term, target, entry, depth);
      if (entry.outcome === 'permerror' || entry.outcome === 'temperror') return end(entry.outcome);
      if (entry.outcome === 'match') {
        const result = RESULT_OF[term.qualifier];
        return end(result, result === 'fail' && parsed.exp ? { spec: parsed.exp.value, domain: target.text } : undefined);
      }
    }

    // §6.1: redirect applies when no mechanism matched, and never when the record has an "all".
    if (parsed.redirect && !parsed.all) {
      const entry: TrailTerm = { term: parsed.redirect.raw, kind: 'redirect', outcome: 'no-match', lookups: [] };
      record.terms.push(entry);
      if (!this.countDnsTerm(entry, target.text)) {
        entry.outcome = 'permerror';
        return end('permerror');
      }
      const next = await this.target(parsed.redirect.value, target.text);
      if (!next) {
        entry.outcome = this.syntaxInMacro(entry, target.text);
        return end('permerror');
      }
      entry.target = next.text;
      const child = await this.checkHost(next, 'redirect', depth + 1);
      entry.child = child.record;
      if (child.result === 'none') {
        // §6.1: no record there, or a malformed target, is a permerror.
        this.problem = { code: 'redirect-none', domain: next.text, term: parsed.redirect.raw };
        entry.outcome = 'permerror';
        return end('permerror');
      }
      entry.outcome = child.result === 'permerror' || child.result === 'temperror' ? child.result : 'match';
      // The redirect's result is this record's result, exp= of the record it came from included (§6.2).
      return end(child.result, child.exp);
    }
    // §4.7: no match and no redirect.
    return end('neutral');
  }

  /** Counts a DNS-querying term; false (with the problem set) when it is one over the limit. */
  private countDnsTerm(entry: TrailTerm, domain: string): boolean {
    this.dnsTerms++;
    entry.dnsTerm = this.dnsTerms;
    if (this.dnsTerms <= SPF_DNS_TERM_LIMIT) return true;
    this.problem = { code: 'lookup-limit', domain, term: entry.term };
    return false;
  }

  /** Counts a void lookup; 'permerror' (with the problem set) past the limit, else 'no-match'. */
  private voidLookup(entry: TrailTerm, domain: string): SpfTermOutcome {
    this.voidLookups++;
    entry.voidLookup = this.voidLookups;
    if (this.voidLookups <= SPF_VOID_LOOKUP_LIMIT) return 'no-match';
    this.problem = { code: 'void-limit', domain, term: entry.term };
    return 'permerror';
  }

  private syntaxInMacro(entry: TrailTerm, domain: string): SpfTermOutcome {
    // Cannot happen after parseSpf accepted the record (one macro grammar); kept as a permerror, never a throw.
    this.problem = { code: 'syntax', domain, term: entry.term, syntax: 'invalid-percent' };
    return 'permerror';
  }

  private dnsError(entry: TrailTerm, domain: string, index: number): SpfTermOutcome {
    this.problem = { code: 'dns-error', domain, term: entry.term, lookup: index };
    return 'temperror';
  }

  /** One mechanism (§5). */
  private async mechanism(term: SpfMechanismTerm, here: Target, entry: TrailTerm, depth: number): Promise<SpfTermOutcome> {
    const domain = here.text;
    if (DNS_MECHANISMS.has(term.mechanism) && !this.countDnsTerm(entry, domain)) return 'permerror';
    switch (term.mechanism) {
      case 'all':
        return 'match';
      case 'ip4':
      case 'ip6': {
        // §5.6: ip4 matches IPv4 clients only, ip6 IPv6 clients only (an IPv4-mapped client is IPv4).
        const v4 = term.mechanism === 'ip4';
        if (this.client.family !== (v4 ? 4 : 6)) return 'no-match';
        const network = v4 ? parseIPv4(term.ip ?? '') : parseIPv6(term.ip ?? '');
        const prefix = (v4 ? term.cidr4 : term.cidr6) ?? (v4 ? 32 : 128);
        return network && samePrefix(this.client.bytes, network, prefix) ? 'match' : 'no-match';
      }
      default:
        break;
    }

    const target = await this.target(term.domain ?? domain, domain);
    if (!target) return this.syntaxInMacro(entry, domain);
    entry.target = target.text;

    switch (term.mechanism) {
      case 'include': {
        const child = await this.checkHost(target, 'include', depth + 1);
        entry.child = child.record;
        // §5.2: pass matches; fail, softfail, neutral do not; errors pass up; none is a permerror.
        switch (child.result) {
          case 'pass':
            return 'match';
          case 'permerror':
          case 'temperror':
            return child.result;
          case 'none':
            this.problem = { code: 'include-none', domain: target.text, term: term.raw };
            return 'permerror';
          default:
            return 'no-match';
        }
      }
      case 'a':
      case 'exists': {
        const type = term.mechanism === 'a' ? this.addressType : 'A';
        const { answer, index } = await this.use(target.name, type, term.mechanism);
        entry.lookups.push(index);
        if (answer.kind === 'dns-error') return this.dnsError(entry, domain, index);
        // Choice (§4.3 by analogy; the suite accepts fail or permerror): a target that is no valid
        // name after expansion (invalid-name) does not exist, like NXDOMAIN, so it is void.
        if (answer.kind !== 'answer') return this.voidLookup(entry, domain);
        if (term.mechanism === 'exists') return 'match';
        return this.anyAddressMatches(answer, term) ? 'match' : 'no-match';
      }
      case 'mx': {
        const { answer, index } = await this.use(target.name, 'MX', 'mx');
        entry.lookups.push(index);
        if (answer.kind === 'dns-error') return this.dnsError(entry, domain, index);
        if (answer.kind !== 'answer') return this.voidLookup(entry, domain);
        const hosts = this.mxHosts(answer);
        if (hosts === undefined) {
          // Choice (§4.6.4, suite mx-limit): more than 10 MX records is a permerror, whatever the first 10 say.
          this.problem = { code: 'mx-limit', domain, term: term.raw };
          return 'permerror';
        }
        const found = await Promise.all(hosts.map((h) => this.use(h, this.addressType, 'mx-address')));
        for (const { answer: a, index: i } of found) {
          entry.lookups.push(i);
          // Choice (§5): host by host in MX order, a DNS error before a match ends in temperror.
          if (a.kind === 'dns-error') return this.dnsError(entry, domain, i);
          if (this.anyAddressMatches(a, term)) return 'match';
        }
        return 'no-match';
      }
      case 'ptr': {
        const { answer, index } = await this.use(reverseNameOf(this.client), 'PTR', 'ptr');
        entry.lookups.push(index);
        // §5.5: a DNS error on the PTR lookup is no match (not temperror).
        if (answer.kind === 'dns-error') return 'no-match';
        if (answer.kind !== 'answer') return this.voidLookup(entry, domain);
        // Choice (§4.6.4, suite ptr-limit): only the first 10 names are looked at, then those at or below the target.
        const candidates = this.ptrCandidates(answer, target);
        const found = await Promise.all(candidates.map((n) => this.use(n, this.addressType, 'ptr-address')));
        // §5.5: a DNS error on an address lookup skips that name.
        for (const { answer: a, index: i } of found) {
          entry.lookups.push(i);
          if (this.includesClient(a)) return 'match';
        }
        return 'no-match';
      }
      default:
        return 'no-match';
    }
  }

  private anyAddressMatches(answer: Answer, term: SpfMechanismTerm): boolean {
    const prefix = this.client.family === 4 ? (term.cidr4 ?? 32) : (term.cidr6 ?? 128);
    return (
      answer.kind === 'answer' &&
      answer.records.some((r) => (r.type === 'A' || r.type === 'AAAA') && addressMatches(this.client, r.data, prefix))
    );
  }

  /**
   * §6.2: the explanation of a fail. Its lookup counts toward no limit and any
   * trouble — no valid name, a DNS error, no TXT record or more than one, a
   * macro error or text outside printable ASCII — means no explanation.
   */
  async explain(exp: NonNullable<HostResult['exp']>): Promise<string | undefined> {
    const target = await this.target(exp.spec, exp.domain);
    if (!target) return undefined;
    const { answer } = await this.use(target.name, 'TXT', 'exp');
    if (answer.kind !== 'answer' || answer.records.length !== 1) return undefined;
    const record = answer.records[0];
    if (record?.type !== 'TXT') return undefined;
    const parsed = parseMacroString(record.data.join(''), 'explanation');
    if (!parsed.ok) return undefined;
    const values: MacroValues = { ...this.values(exp.domain), ...this.explanationValues() };
    const withP = usesLetter(parsed.parts, 'p') ? { ...values, p: await this.pMacro(exp.domain) } : values;
    return expandMacros(parsed.parts, withP);
  }
}

/**
 * RFC 7208 check_host() for a sending IP, MAIL FROM and HELO, asking DNS
 * through `query`. Resolves with the result, the exp= explanation of a fail,
 * the domain checked and the trail of what was evaluated (see ./types.ts).
 * DNS failures become temperror; it rejects only with DohError('aborted')
 * when `signal` aborts.
 */
export async function evaluateSpf(args: EvaluateSpfArgs): Promise<SpfEvaluation> {
  const { query, signal } = args;
  const helo = args.helo.trim();
  const identity = identityOf(args.sender, helo);
  const domain = withoutDot(identity.domain);
  const empty = { lookups: [], dnsTerms: 0, voidLookups: 0, queriesSent: 0 };

  const client = parseClientAddress(args.ip);
  if (!client) return { result: 'none', domain, trail: { ...empty, problem: { code: 'invalid-ip', domain } } };
  if (!isCheckableDomain(identity.domain)) {
    return { result: 'none', domain, trail: { ...empty, problem: { code: 'invalid-domain', domain } } };
  }
  if (signal?.aborted) throw new DohError('aborted', 'The SPF evaluation was cancelled.');

  // One controller for every question of this evaluation: aborted by the caller's signal, and at the end
  // so that questions asked ahead and no longer needed stop.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const now = args.now ?? Date.now;
  const evaluation = new Evaluation(
    new Questions(query, controller.signal),
    controller.signal,
    client,
    identity,
    helo,
    args.prefetch ?? true,
    () => ({ c: client.text, r: args.receiver ?? 'unknown', t: String(Math.floor(now() / 1000)) }),
  );
  try {
    const root = await evaluation.checkHost(targetOf(domain), 'check', 0);
    const explanation = root.result === 'fail' && root.exp ? await evaluation.explain(root.exp) : undefined;
    const problem = ['permerror', 'temperror', 'none'].includes(root.result) ? evaluation.problem : undefined;
    return {
      result: root.result,
      ...(explanation === undefined ? {} : { explanation }),
      domain,
      trail: {
        root: root.record,
        lookups: evaluation.lookups,
        dnsTerms: evaluation.dnsTerms,
        voidLookups: evaluation.voidLookups,
        queriesSent: evaluation.questions.sent,
        ...(problem ? { problem } : {}),
      },
    };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
}
