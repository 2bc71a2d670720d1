/**
 * Reading an evaluation's trail (./types.ts) for people: which term decided
 * the result, through which includes and redirects. Pure, for the SPF tool's
 * summary line ("matched ip4:… in spf.example.net, reached by include from
 * example.com") and anything else that explains a result.
 */
import type { SpfTrailRecord, SpfTrailTerm } from './types';

/** One record on the way to the deciding term, and the term evaluation stopped at in it. */
export interface SpfTrailStep {
  readonly record: SpfTrailRecord;
  readonly term: SpfTrailTerm;
}

/**
 * The terms that decided the result, from the checked domain's record down:
 * in each record the term evaluation stopped at (a match, or an error), then,
 * when that term is an include or a followed redirect, the same in the record
 * it led to. Empty when no term decided: no record (none, or an error before
 * any term), or no term matched (the default neutral, §4.7).
 */
export function spfDecidingPath(root: SpfTrailRecord | undefined): SpfTrailStep[] {
  const path: SpfTrailStep[] = [];
  // A trail is finite and acyclic (each child is a new record), but a depth bound costs nothing.
  for (let record = root; record && path.length < 64; ) {
    const term = record.terms[record.terms.length - 1];
    if (!term || term.outcome === 'no-match') break;
    path.push({ record, term });
    record = term.child;
  }
  return path;
}
