/** A row's status from its findings. */
import type { CheckStatus, Severity } from '../types';

/** error > fail > warn > ok; `info` never changes the status. */
export function statusOf(findings: readonly { readonly severity: Severity }[]): CheckStatus {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'fail')) return 'fail';
  if (findings.some((f) => f.severity === 'warn')) return 'warn';
  return 'ok';
}
