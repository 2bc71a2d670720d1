/** Collects one row's findings and what it observed, then gives the RecordCheck. */
import { finding, statusOf, type Finding, type FindingParams, type ProblemCode } from '../findings/index';
import type { RecordCheck, RecordId, Severity } from '../types';

export class Row {
  readonly findings: Finding[] = [];
  observed: readonly string[] = [];
  /** TTL of what was observed, or how long "no such record" may be cached. */
  ttl: number | undefined;
  /** Whether `ttl` is a negative-caching time. */
  negative = false;
  suggestion: string | undefined;

  constructor(readonly at: { readonly id: RecordId; readonly name: string }) {}

  add<C extends ProblemCode>(code: C, severity: Severity, params: FindingParams[C]): this {
    this.findings.push(finding(code, severity, { record: this.at.id, name: this.at.name }, params) as Finding);
    return this;
  }

  /** Nothing at the name: how long caches may remember that. */
  absent(ttl: number | undefined): this {
    this.negative = true;
    this.ttl = ttl;
    return this;
  }

  done(): RecordCheck {
    const status = statusOf(this.findings);
    // A record still wrong: say how long caches may keep the old answer.
    if ((status === 'fail' || status === 'warn') && this.ttl !== undefined) {
      this.add('ttl', 'info', { seconds: this.ttl, negative: this.negative });
    }
    return {
      id: this.at.id,
      status,
      name: this.at.name,
      observed: this.observed,
      ...(this.ttl === undefined ? {} : { ttl: this.ttl }),
      findings: this.findings,
      ...(this.suggestion === undefined ? {} : { suggestion: this.suggestion }),
    };
  }
}
