/**
 * SPF (RFC 7208) text: tokenise into terms with their exact character offsets
 * (so a view can point at the bad term), check the grammar, and merge a
 * provider's include into an existing record without dropping other senders.
 * Pure; input is untrusted text from DNS or a paste; never throws. Macro
 * syntax comes from ../spf/macro.ts, the grammar the evaluator expands with.
 */
import { normaliseName } from '../names';
import { parseMacroString, type MacroContext } from '../spf/macro';

export const SPF_MECHANISMS = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'] as const;
export type SpfMechanism = (typeof SPF_MECHANISMS)[number];

export const SPF_QUALIFIERS = ['+', '-', '~', '?'] as const;
export type SpfQualifier = (typeof SPF_QUALIFIERS)[number];

/** Mechanisms and modifiers that cost one DNS lookup (RFC 7208 §4.6.4). */
export const SPF_LOOKUP_TERMS = ['include', 'a', 'mx', 'ptr', 'exists', 'redirect'] as const;

export const SPF_ERROR_CODES = [
  'no-version',
  'unknown-mechanism',
  'missing-argument',
  'unexpected-argument',
  'invalid-domain',
  'invalid-macro',
  'invalid-ip4',
  'invalid-ip6',
  'invalid-cidr',
  'invalid-modifier',
  'duplicate-modifier',
] as const;
export type SpfErrorCode = (typeof SPF_ERROR_CODES)[number];

export interface SpfError {
  readonly code: SpfErrorCode;
  /** Character offsets in the record text (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The term text. */
  readonly term: string;
}

interface TermBase {
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

export interface SpfMechanismTerm extends TermBase {
  readonly kind: 'mechanism';
  readonly qualifier: SpfQualifier;
  readonly mechanism: SpfMechanism;
  /** include/exists/a/mx/ptr target, as written (may hold macros). */
  readonly domain?: string;
  /** ip4/ip6 network, as written. */
  readonly ip?: string;
  readonly cidr4?: number;
  readonly cidr6?: number;
  readonly hasMacro: boolean;
}

export interface SpfModifierTerm extends TermBase {
  readonly kind: 'modifier';
  /** Lower case. */
  readonly name: string;
  readonly value: string;
  readonly hasMacro: boolean;
}

/** A term that could not be read (its error is in `errors`). */
export interface SpfInvalidTerm extends TermBase {
  readonly kind: 'invalid';
}

export type SpfTerm = SpfMechanismTerm | SpfModifierTerm | SpfInvalidTerm;

export interface SpfRecord {
  /** No syntax errors. */
  readonly ok: boolean;
  readonly hasVersion: boolean;
  readonly terms: readonly SpfTerm[];
  readonly errors: readonly SpfError[];
  /** The first `all` mechanism (later terms are never evaluated). */
  readonly all?: SpfMechanismTerm;
  readonly redirect?: SpfModifierTerm;
  readonly exp?: SpfModifierTerm;
}

const VERSION = /^v=spf1(?=[ \t]|$)/i;

/** Whether a (joined) TXT string is an SPF record: starts with `v=spf1` then a space or the end. */
export function isSpfRecord(text: string): boolean {
  return VERSION.test(text.trim());
}

// --- Lexical checks --------------------------------------------------------

function isQnum(s: string): boolean {
  return /^(?:0|[1-9]\d{0,2})$/.test(s) && Number(s) <= 255;
}

export function isIp4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every(isQnum);
}

export function isIp6(s: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(s) || s.length > 45) return false;
  let t = s;
  if (t.includes('.')) {
    const i = t.lastIndexOf(':');
    if (i < 0 || !isIp4(t.slice(i + 1))) return false;
    t = `${t.slice(0, i + 1)}0:0`;
  }
  const halves = t.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => g.some((x) => !/^[0-9a-f]{1,4}$/i.test(x)))) return false;
  const count = groups.reduce((n, g) => n + g.length, 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Macro syntax of RFC 7208 §7.1 for a macro-string in `context`; true when valid (or when there are no macros). */
function macrosValid(s: string, context: MacroContext): boolean {
  return parseMacroString(s, context).ok;
}

/**
 * RFC 7208 §7.1 toplabel: letters and digits, not all digits; hyphens only
 * inside. Matched whole, so a TLD such as "xn--zckzah" is accepted.
 */
const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/** Whether a label may end a domain-spec (RFC 7208 §7.1 toplabel). */
export function isSpfToplabel(label: string): boolean {
  return TOPLABEL.test(label);
}

/**
 * A macro-free domain-spec (RFC 7208 §7.1: macro-literals, then "." toplabel
 * and an optional "."): any visible ASCII but "%" in the other labels
 * ("foo:bar/baz.example.com" is allowed). Also refused, though the grammar
 * allows them, because no query can be made for them (the suite accepts
 * permerror for these): an empty label, a label over 63 characters, over 253
 * characters in all.
 */
export function isSpfDomain(s: string): boolean {
  const d = s.endsWith('.') ? s.slice(0, -1) : s;
  if (d.length === 0 || d.length > 253 || !/^[\x21-\x24\x26-\x7e]+$/.test(d)) return false;
  const labels = d.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => l.length >= 1 && l.length <= 63)) return false;
  return TOPLABEL.test(labels[labels.length - 1] ?? '');
}

type DomainCheck = { ok: true; hasMacro: boolean } | { ok: false; code: SpfErrorCode };

function checkDomainSpec(s: string): DomainCheck {
  if (s === '') return { ok: false, code: 'missing-argument' };
  if (!s.includes('%')) return isSpfDomain(s) ? { ok: true, hasMacro: false } : { ok: false, code: 'invalid-domain' };
  // c, r and t are explanation-only letters (§7.1): an error in a domain-spec.
  const parsed = parseMacroString(s, 'domain');
  if (!parsed.ok) return { ok: false, code: 'invalid-macro' };
  // domain-end = ( "." toplabel [ "." ] ) / macro-expand: what follows the last macro-expand is empty or ends so.
  const toplabel = /\.([^.]*)\.?$/.exec(parsed.tail)?.[1];
  if (parsed.tail === '' || (toplabel !== undefined && TOPLABEL.test(toplabel))) return { ok: true, hasMacro: true };
  return { ok: false, code: 'invalid-domain' };
}

function parseCidr(s: string, max: number): number | undefined {
  if (!/^(?:0|[1-9]\d{0,2})$/.test(s)) return undefined;
  const n = Number(s);
  return n <= max ? n : undefined;
}

// --- Parser ----------------------------------------------------------------

interface Token {
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

function tokenize(text: string, from: number): Token[] {
  const out: Token[] = [];
  const re = /[^ \t]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

type TermResult = { term: SpfTerm; error?: SpfErrorCode };

function invalid(tok: Token, code: SpfErrorCode): TermResult {
  return { term: { kind: 'invalid', raw: tok.raw, start: tok.start, end: tok.end }, error: code };
}

function parseTerm(tok: Token): TermResult {
  const raw = tok.raw;
  const modifier = /^([a-z][a-z0-9._-]*)=(.*)$/i.exec(raw);
  if (modifier) {
    const name = (modifier[1] ?? '').toLowerCase();
    const value = modifier[2] ?? '';
    if (name === 'redirect' || name === 'exp') {
      const check = checkDomainSpec(value);
      if (!check.ok) return invalid(tok, check.code === 'missing-argument' ? 'invalid-modifier' : check.code);
      return { term: { kind: 'modifier', name, value, hasMacro: check.hasMacro, ...tok } };
    }
    if (!macrosValid(value, 'modifier')) return invalid(tok, 'invalid-modifier');
    return { term: { kind: 'modifier', name, value, hasMacro: value.includes('%'), ...tok } };
  }

  let rest = raw;
  let qualifier: SpfQualifier = '+';
  const q = rest[0];
  if (q === '+' || q === '-' || q === '~' || q === '?') {
    qualifier = q;
    rest = rest.slice(1);
  }
  const nameMatch = /^[a-z0-9]*/i.exec(rest);
  const name = (nameMatch?.[0] ?? '').toLowerCase();
  const arg = rest.slice(name.length);
  if (!(SPF_MECHANISMS as readonly string[]).includes(name)) {
    return invalid(tok, rest.includes('=') ? 'invalid-modifier' : 'unknown-mechanism');
  }
  const mechanism = name as SpfMechanism;
  const base = { kind: 'mechanism' as const, qualifier, mechanism, ...tok };

  switch (mechanism) {
    case 'all':
      return arg === '' ? { term: { ...base, hasMacro: false } } : invalid(tok, 'unexpected-argument');
    case 'include':
    case 'exists': {
      if (!arg.startsWith(':')) return invalid(tok, 'missing-argument');
      const domain = arg.slice(1);
      const check = checkDomainSpec(domain);
      if (!check.ok) return invalid(tok, check.code);
      return { term: { ...base, domain, hasMacro: check.hasMacro } };
    }
    case 'ptr': {
      if (arg === '') return { term: { ...base, hasMacro: false } };
      if (!arg.startsWith(':')) return invalid(tok, 'unexpected-argument');
      const domain = arg.slice(1);
      const check = checkDomainSpec(domain);
      if (!check.ok) return invalid(tok, check.code);
      return { term: { ...base, domain, hasMacro: check.hasMacro } };
    }
    case 'a':
    case 'mx': {
      let domainPart = '';
      let cidrPart = arg;
      if (arg.startsWith(':')) {
        // The dual-cidr-length is at the end; a "/" before it belongs to the domain ("a:foo:bar/baz.example.com").
        cidrPart = /(?:\/\d*)?(?:\/\/\d*)?$/.exec(arg)?.[0] ?? '';
        domainPart = arg.slice(1, arg.length - cidrPart.length);
        const check = checkDomainSpec(domainPart);
        if (!check.ok) return invalid(tok, check.code);
      } else if (arg !== '' && !arg.startsWith('/')) {
        return invalid(tok, 'unexpected-argument');
      }
      let cidr4: number | undefined;
      let cidr6: number | undefined;
      if (cidrPart !== '') {
        const m = /^(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(cidrPart);
        if (!m || (m[1] === undefined && m[2] === undefined)) return invalid(tok, 'invalid-cidr');
        if (m[1] !== undefined) {
          cidr4 = parseCidr(m[1], 32);
          if (cidr4 === undefined) return invalid(tok, 'invalid-cidr');
        }
        if (m[2] !== undefined) {
          cidr6 = parseCidr(m[2], 128);
          if (cidr6 === undefined) return invalid(tok, 'invalid-cidr');
        }
      }
      return {
        term: {
          ...base,
          hasMacro: domainPart.includes('%'),
          ...(domainPart === '' ? {} : { domain: domainPart }),
          ...(cidr4 === undefined ? {} : { cidr4 }),
          ...(cidr6 === undefined ? {} : { cidr6 }),
        },
      };
    }
    case 'ip4':
    case 'ip6': {
      if (!arg.startsWith(':')) return invalid(tok, 'missing-argument');
      const value = arg.slice(1);
      const slash = value.indexOf('/');
      const ip = slash < 0 ? value : value.slice(0, slash);
      const is4 = mechanism === 'ip4';
      if (ip === '') return invalid(tok, 'missing-argument');
      if (!(is4 ? isIp4(ip) : isIp6(ip))) return invalid(tok, is4 ? 'invalid-ip4' : 'invalid-ip6');
      let cidr: number | undefined;
      if (slash >= 0) {
        cidr = parseCidr(value.slice(slash + 1), is4 ? 32 : 128);
        if (cidr === undefined) return invalid(tok, 'invalid-cidr');
      }
      const cidrProp = cidr === undefined ? {} : is4 ? { cidr4: cidr } : { cidr6: cidr };
      return { term: { ...base, ip, hasMacro: false, ...cidrProp } };
    }
  }
}

/**
 * Parse an SPF record. Every whitespace-separated token becomes a term (an
 * unreadable one as `kind: 'invalid'` with an error carrying its offsets).
 */
export function parseSpf(input: string): SpfRecord {
  const text = typeof input === 'string' ? input : '';
  const lead = /^[ \t]*/.exec(text)?.[0].length ?? 0;
  const body = text.slice(lead);
  const version = VERSION.exec(body);
  if (!version) {
    const first = /^[^ \t]*/.exec(body)?.[0] ?? '';
    return {
      ok: false,
      hasVersion: false,
      terms: [],
      errors: [{ code: 'no-version', start: lead, end: lead + first.length, term: first }],
    };
  }
  const terms: SpfTerm[] = [];
  const errors: SpfError[] = [];
  let all: SpfMechanismTerm | undefined;
  let redirect: SpfModifierTerm | undefined;
  let exp: SpfModifierTerm | undefined;
  for (const tok of tokenize(text, lead + version[0].length)) {
    const { term, error } = parseTerm(tok);
    terms.push(term);
    if (error) errors.push({ code: error, start: tok.start, end: tok.end, term: tok.raw });
    if (term.kind === 'mechanism' && term.mechanism === 'all' && !all) all = term;
    if (term.kind === 'modifier' && (term.name === 'redirect' || term.name === 'exp')) {
      if ((term.name === 'redirect' ? redirect : exp) !== undefined) {
        errors.push({ code: 'duplicate-modifier', start: tok.start, end: tok.end, term: tok.raw });
      } else if (term.name === 'redirect') redirect = term;
      else exp = term;
    }
  }
  return {
    ok: errors.length === 0,
    hasVersion: true,
    terms,
    errors,
    ...(all ? { all } : {}),
    ...(redirect ? { redirect } : {}),
    ...(exp ? { exp } : {}),
  };
}

/** The `all` qualifier, `redirect` when the record hands over to another, or `none`. */
export function spfAllQualifier(record: SpfRecord): SpfQualifier | 'redirect' | 'none' {
  if (record.all) return record.all.qualifier;
  return record.redirect ? 'redirect' : 'none';
}

/** Include (and redirect) targets, lower case, no trailing dot. */
export function spfIncludes(record: SpfRecord): string[] {
  const out: string[] = [];
  for (const t of record.terms) {
    if (t.kind === 'mechanism' && t.mechanism === 'include' && t.domain) out.push(normaliseName(t.domain));
  }
  return out;
}

export interface MergeSpfOptions {
  /** Includes that already count as the one being added (e.g. spf.mxhichina.com). */
  readonly equivalents?: readonly string[];
  /** The `all` to use when there is no existing record. Default `-all`. */
  readonly all?: '-all' | '~all';
}

/**
 * One SPF record that keeps the existing senders and adds `include:<include>`
 * before `all` (or before the modifiers when there is no `all`). Unchanged
 * (apart from spacing) when the include or an equivalent is already there.
 */
export function mergeSpf(existing: string | undefined, include: string, options: MergeSpfOptions = {}): string {
  const inc = normaliseName(include);
  const accepted = [inc, ...(options.equivalents ?? []).map(normaliseName)];
  return insertTerm(existing, `include:${inc}`, options.all ?? '-all', (t) =>
    t.kind === 'mechanism' && t.mechanism === 'include' && t.domain !== undefined && accepted.includes(normaliseName(t.domain)),
  );
}

/**
 * Add any other mechanism (`ip4:203.0.113.5`, `a`, `include:…`) the same way:
 * before `all`, unless an identical term (ignoring case) is already there.
 */
export function addSpfTerm(existing: string | undefined, term: string, options: Pick<MergeSpfOptions, 'all'> = {}): string {
  const clean = term.trim().replace(/\s+/g, '');
  if (/^include:/i.test(clean)) return mergeSpf(existing, clean.slice(8), options);
  return insertTerm(existing, clean, options.all ?? '-all', (t) => t.raw.toLowerCase().replace(/^\+/, '') === clean.toLowerCase().replace(/^\+/, ''));
}

function insertTerm(existing: string | undefined, term: string, all: string, present: (t: SpfTerm) => boolean): string {
  const src = (existing ?? '').trim();
  if (!isSpfRecord(src)) return `v=spf1 ${term} ${all}`;
  const parsed = parseSpf(src);
  const raws = parsed.terms.map((t) => t.raw);
  if (!parsed.terms.some(present)) {
    let at = parsed.terms.findIndex((t) => t.kind === 'mechanism' && t.mechanism === 'all');
    if (at < 0) at = parsed.terms.findIndex((t) => t.kind === 'modifier');
    if (at < 0) at = raws.length;
    raws.splice(at, 0, term);
  }
  return ['v=spf1', ...raws].join(' ');
}

/** A bare domain typed as a sender stands for `include:<domain>`. */
const BARE_DOMAIN = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)+\.?$/i;
const MECHANISM_PREFIX = /^(?:ip4|ip6|a|mx|ptr|exists|include)[:/]/i;

/**
 * The SPF term a sender the reader typed stands for: a bare domain
 * (`mailgun.org`) means `include:mailgun.org`, a bare address (`192.0.2.1`,
 * `203.0.113.0/24`, `2001:db8::1`) means `ip4:`/`ip6:` it; anything else is the
 * term as written.
 */
export function senderTerm(item: string): string {
  const clean = item.trim();
  const [ip, cidr, ...rest] = clean.split('/');
  if (ip !== undefined && rest.length === 0 && (cidr === undefined || /^\d{1,3}$/.test(cidr))) {
    if (isIp4(ip)) return `ip4:${clean}`;
    if (ip.includes(':') && isIp6(ip)) return `ip6:${clean}`;
  }
  return BARE_DOMAIN.test(clean) && !MECHANISM_PREFIX.test(clean) ? `include:${clean}` : clean;
}
