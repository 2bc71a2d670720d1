/**
 * What the message analyser shows, derived from the core's MessageAnalysis
 * without React: the authentication results as rows (ours and the
 * receiver's, the markup contract's `data-auth` elements), the facts a verdict
 * sentence mentions, hop times as written. The view and the copy-as-text
 * report both read these, so the page and the ticket say the same thing.
 * Pure; tested in tests/unit/components/MessageAnalyser/present.test.ts.
 */
import { toUnicode, type BounceRecipient, type DkimResult, type MailDate, type MessageAnalysis, type MethodResult } from '~/core';
import type { BadgeStatus } from '../ui/StatusBadge';
import type { VerdictFacts } from './strings';

export const AUTH_METHODS = ['spf', 'dkim', 'dmarc', 'arc'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** One `[data-auth]` element. */
export interface AuthItem {
  readonly method: AuthMethod;
  readonly source: 'browser' | 'receiver';
  /** The RFC 8601 result word (as the receiver wrote it, lower case), or `pending`. */
  readonly result: string;
  /** DKIM: signing domain and selector ('' when unknown); SPF/DMARC: the domain the result is for. */
  readonly domain?: string;
  readonly selector?: string;
  /** Why (a DKIM reason code, or why a check did not run). */
  readonly reason?: string;
  /** The DKIM result behind a browser DKIM row. */
  readonly dkim?: DkimResult;
  /** The receiver's result behind a receiver row. */
  readonly method8601?: MethodResult;
}

/** A domain as readers know it: an internationalised name in U-labels (`例子.cn`, asked as `xn--fsqu00a.cn`). */
export function domainText(domain: string): string {
  return toUnicode(domain);
}

/** Our own checks, in the order the page shows them: DKIM (one per signature), SPF, DMARC. */
export function browserAuth(a: MessageAnalysis): AuthItem[] {
  const out: AuthItem[] = [];
  if (a.headerCount === 0) return out;
  if (a.dkim.count === 0) out.push({ method: 'dkim', source: 'browser', result: 'none', domain: '', selector: '' });
  for (let i = 0; i < a.dkim.count; i++) {
    const r = a.dkim.results[i];
    if (!r) out.push({ method: 'dkim', source: 'browser', result: 'pending', domain: '', selector: '' });
    else out.push({ method: 'dkim', source: 'browser', result: r.result, domain: r.domain ?? '', selector: r.selector ?? '', reason: r.reason, dkim: r });
  }
  const spf = a.spf;
  const spfDomain = spf.evaluation?.domain;
  out.push({
    method: 'spf',
    source: 'browser',
    result: spf.status === 'pending' ? 'pending' : spf.evaluation ? spf.evaluation.result : spf.reason === 'error' ? 'temperror' : 'none',
    ...(spfDomain ? { domain: spfDomain } : {}),
    ...(spf.reason ? { reason: spf.reason } : {}),
  });
  const dmarc = a.dmarc;
  out.push({
    method: 'dmarc',
    source: 'browser',
    result: dmarc.status === 'pending' ? 'pending' : dmarc.evaluation ? dmarc.evaluation.result : dmarc.reason === 'error' ? 'temperror' : 'none',
    ...(dmarc.fromDomain ? { domain: domainText(dmarc.fromDomain) } : {}),
    ...(dmarc.reason ? { reason: dmarc.reason } : {}),
  });
  return out;
}

function domainOfIdentity(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const at = value.lastIndexOf('@');
  return (at >= 0 ? value.slice(at + 1) : value).toLowerCase().replace(/[>.]+$/, '').replace(/^</, '');
}

/** What the final receiver wrote (Authentication-Results, or ARC when there is none), for spf, dkim, dmarc and arc. */
export function receiverAuth(a: MessageAnalysis): AuthItem[] {
  return authItems(a.receiver.results);
}

/**
 * The newest ARC set's results (spf, dkim, dmarc, arc), when the message also
 * has Authentication-Results: what the last forwarder saw, shown beside them.
 * Empty when there is no ARC set, or when it already stands in for the
 * missing Authentication-Results (receiverAuth).
 */
export function arcAuth(a: MessageAnalysis): AuthItem[] {
  const arc = a.receiver.arc;
  return arc && a.receiver.source === 'authentication-results' ? authItems(arc.results) : [];
}

function authItems(results: readonly MethodResult[]): AuthItem[] {
  const out: AuthItem[] = [];
  for (const r of results) {
    const method = (AUTH_METHODS as readonly string[]).includes(r.method) ? (r.method as AuthMethod) : undefined;
    if (!method) continue;
    const p = r.props;
    if (method === 'dkim') {
      out.push({ method, source: 'receiver', result: r.result, domain: p['header.d'] ?? domainOfIdentity(p['header.i']) ?? '', selector: p['header.s'] ?? '', method8601: r });
    } else {
      const domain = method === 'spf' ? domainOfIdentity(p['smtp.mailfrom'] ?? p['smtp.helo']) : method === 'dmarc' ? (p['header.from'] ?? undefined) : undefined;
      out.push({ method, source: 'receiver', result: r.result, ...(domain ? { domain } : {}), method8601: r });
    }
  }
  return out;
}

/** Other methods the receiver recorded (iprev, compauth, …), shown as text. */
export function receiverOthers(a: MessageAnalysis): MethodResult[] {
  return a.receiver.results.filter((r) => !(AUTH_METHODS as readonly string[]).includes(r.method));
}

/** A result word as a badge: symbol, word and colour. */
export function badgeFor(result: string): BadgeStatus {
  switch (result) {
    case 'pass':
    case 'bestguesspass':
      return 'ok';
    case 'pending':
      return 'pending';
    case 'fail':
    case 'hardfail':
    case 'permerror':
      return 'fail';
    case 'temperror':
      return 'error';
    default:
      // softfail, neutral, none, policy and anything else a receiver writes.
      return 'warn';
  }
}

/** The recipient a bounce verdict talks about: the first that failed, else the first. */
export function mainRecipient(a: MessageAnalysis): BounceRecipient | undefined {
  const list = a.bounce?.recipients ?? [];
  return list.find((r) => r.action === 'failed' || r.status?.startsWith('5')) ?? list[0];
}

/** What the verdict sentence mentions. `title` is the bounce explanation's title in the page's language. */
export function verdictFacts(a: MessageAnalysis, bounceTitle?: string): VerdictFacts {
  const rcpt = mainRecipient(a);
  const fromDomain = a.dmarc.fromDomain ?? a.headers.from[0]?.domain;
  const from = fromDomain ? domainText(fromDomain) : undefined;
  const ev = a.dmarc.evaluation;
  const dmarcProblem = a.dmarc.reason ?? (ev?.result === 'permerror' ? 'permerror' : undefined);
  return {
    ...(from ? { from } : {}),
    ...(ev?.applied ? { policy: ev.applied } : {}),
    ...(ev?.policy?.testing ? { testing: true } : {}),
    ...(ev?.stated ? { stated: ev.stated } : {}),
    ...(dmarcProblem ? { dmarcProblem } : {}),
    ...(rcpt?.recipient ? { recipient: rcpt.recipient } : {}),
    ...(rcpt?.status ? { status: rcpt.status } : rcpt?.reply !== undefined ? { status: String(rcpt.reply) } : {}),
    ...(rcpt?.remoteMta ? { remote: rcpt.remoteMta } : rcpt?.remoteIp ? { remote: rcpt.remoteIp } : {}),
    ...(bounceTitle ? { title: bounceTitle.replace(/[。.]$/, '') } : {}),
    ...(rcpt ? { temporary: rcpt.action === 'delayed' || rcpt.explanation.statusClass === '4' } : {}),
  };
}

/** The time as the server wrote it, in its own zone: "2026-11-03 09:15:00 +0800" (the same for every reader). */
export function hopTime(date: MailDate): string {
  const local = new Date(date.ms + date.offsetMinutes * 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const off = Math.abs(date.offsetMinutes);
  const zone = `${date.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${zone}`;
}

/** ISO 8601 UTC for a <time datetime>. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** Epoch seconds (t=, x=) as UTC text. */
export function epochText(seconds: number): string {
  if (!Number.isFinite(seconds) || Math.abs(seconds) > 8.64e12) return String(seconds);
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
