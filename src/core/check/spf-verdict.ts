/**
 * What an SPF expansion means, as findings: shared by the record checker (its
 * SPF row) and the SPF inspector (its verdict), so both say the same thing.
 */
import type { CheckStatus, Finding, ProblemCode, Severity } from '../types';
import { parseSpf, spfAllQualifier } from '../records/spf';
import { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT, type SpfExpansion } from './spf-expand';

type Add = (code: ProblemCode, severity: Severity, params?: Record<string, string | number>) => void;

/** A row's status from its findings: error > fail > warn > ok (info never counts). */
export function statusOf(findings: readonly Finding[]): CheckStatus {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'fail')) return 'fail';
  if (findings.some((f) => f.severity === 'warn')) return 'warn';
  return 'ok';
}

/**
 * Findings about a domain's single SPF record and everything it reaches:
 * syntax at any depth, the `all` qualifier, the RFC 7208 §4.6.4 limits, loops,
 * broken includes, and lookups the resolver could not answer.
 */
export function addSpfTreeFindings(expansion: SpfExpansion, rootRecord: string, add: Add): void {
  for (const s of expansion.syntaxErrors) {
    for (const e of s.errors.slice(0, 3)) {
      add('spf-syntax', 'fail', { domain: s.domain, term: e.term, reason: e.code, offset: e.start });
    }
  }
  const q = spfAllQualifier(parseSpf(rootRecord));
  if (q === '+') add('weak-policy', 'fail', { qualifier: '+all' });
  else if (q === '~' || q === '?') add('weak-policy', 'warn', { qualifier: `${q}all` });
  else if (q === 'none') add('weak-policy', 'warn', { qualifier: 'none' });
  if (expansion.lookupCount > SPF_LOOKUP_LIMIT) {
    add('spf-lookup-limit', 'fail', { count: expansion.lookupCount, limit: SPF_LOOKUP_LIMIT });
  }
  if (expansion.voidCount > SPF_VOID_LIMIT) {
    add('spf-void-limit', 'fail', { count: expansion.voidCount, limit: SPF_VOID_LIMIT });
  }
  for (const l of expansion.loops) add('spf-loop', 'fail', { domain: l.domain, path: l.path.join(' → ') });
  for (const b of expansion.brokenIncludes) {
    add('spf-broken-include', 'fail', { domain: b.domain, from: b.from, reason: b.reason });
  }
  for (const m of expansion.mxOverLimit) add('spf-mx-limit', 'warn', { domain: m.domain, count: m.count });
  const seen = new Set<string>();
  for (const e of expansion.resolverErrors) {
    const key = `${e.name}|${e.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    add('resolver-error', 'error', { name: e.name, type: e.type, code: e.code });
  }
}

export interface SpfVerdict {
  readonly status: CheckStatus;
  readonly findings: readonly Finding[];
}

/** The SPF inspector's verdict on any domain (no provider include is required here). */
export function spfVerdict(expansion: SpfExpansion): SpfVerdict {
  const findings: Finding[] = [];
  const root = expansion.root;
  const add: Add = (code, severity, params = {}) =>
    findings.push({ code, severity, params: { record: 'spf', name: root.domain, ...params } });
  switch (root.status) {
    case 'no-record':
      add('missing', 'fail');
      break;
    case 'multiple':
      add('multiple-spf', 'fail', { count: 2 });
      break;
    case 'nxdomain':
      add('nxdomain', 'fail', { domain: root.domain });
      break;
    case 'error':
      add('resolver-error', 'error', { name: root.domain, type: 'TXT', code: root.error ?? 'network' });
      break;
    default:
      addSpfTreeFindings(expansion, root.record ?? '', add);
  }
  return { status: statusOf(findings), findings };
}
