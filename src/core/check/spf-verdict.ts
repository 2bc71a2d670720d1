/**
 * What an SPF expansion means, as findings: shared by the record checker (its
 * SPF row) and the SPF inspector (its verdict), so both say the same thing.
 */
import type { Finding } from '../findings/index';
import { parseSpf, spfAllQualifier } from '../records/spf';
import type { CheckStatus } from '../types';
import { Row } from './row';
import { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT, type SpfExpansion } from './spf-expand';

/** Where findings go: a row being built. */
type FindingSink = Pick<Row, 'add'>;

/**
 * Findings about a domain's single SPF record and everything it reaches:
 * syntax at any depth, the `all` qualifier, the RFC 7208 §4.6.4 limits, loops,
 * broken includes, and lookups the resolver could not answer.
 */
export function addSpfTreeFindings(expansion: SpfExpansion, rootRecord: string, row: FindingSink): void {
  for (const s of expansion.syntaxErrors) {
    for (const e of s.errors.slice(0, 3)) {
      row.add('spf-syntax', 'fail', { domain: s.domain, term: e.term, reason: e.code, offset: e.start });
    }
  }
  const q = spfAllQualifier(parseSpf(rootRecord));
  if (q === '+') row.add('weak-policy', 'fail', { spf: '+all' });
  else if (q === '~' || q === '?') row.add('weak-policy', 'warn', { spf: `${q}all` });
  else if (q === 'none') row.add('weak-policy', 'warn', { spf: 'none' });
  if (expansion.lookupCount > SPF_LOOKUP_LIMIT) {
    row.add('spf-lookup-limit', 'fail', { count: expansion.lookupCount, limit: SPF_LOOKUP_LIMIT });
  }
  if (expansion.voidCount > SPF_VOID_LIMIT) {
    row.add('spf-void-limit', 'fail', { count: expansion.voidCount, limit: SPF_VOID_LIMIT });
  }
  for (const l of expansion.loops) row.add('spf-loop', 'fail', { domain: l.domain, path: l.path });
  for (const b of expansion.brokenIncludes) {
    row.add('spf-broken-include', 'fail', { domain: b.domain, from: b.from, reason: b.reason });
  }
  for (const m of expansion.mxOverLimit) row.add('spf-mx-limit', 'warn', { domain: m.domain, count: m.count });
  for (const e of expansion.resolverErrors) row.add('resolver-error', 'error', e);
}

export interface SpfVerdict {
  readonly status: CheckStatus;
  readonly findings: readonly Finding[];
}

/** The SPF inspector's verdict on any domain (no provider include is required here). */
export function spfVerdict(expansion: SpfExpansion): SpfVerdict {
  const root = expansion.root;
  const row = new Row({ id: 'spf', name: root.domain });
  switch (root.status) {
    case 'no-record':
      row.add('missing', 'fail', {});
      break;
    case 'multiple':
      row.add('multiple-spf', 'fail', { count: root.recordCount ?? 2 });
      break;
    case 'nxdomain':
      row.add('nxdomain', 'fail', { domain: root.domain });
      break;
    case 'error':
      row.add('resolver-error', 'error', { name: root.domain, type: 'TXT', code: root.error ?? 'network' });
      break;
    default:
      addSpfTreeFindings(expansion, root.record ?? '', row);
  }
  const { status, findings } = row.done();
  return { status, findings };
}
