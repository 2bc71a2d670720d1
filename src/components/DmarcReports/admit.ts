/**
 * Which chosen files the page reads (issue 13, item 2: bounded work). The page
 * reads each File into memory before the worker expands it, so besides each
 * file's own limit (maxInputBytes) the files of one load together must stay
 * within the reader's total (maxTotalBytes, the same bound the worker puts on
 * their expanded size): a file that would pass it is refused by name without
 * being read, and later files that still fit are read. Unit-tested in
 * tests/unit/components/DmarcReports/admit.test.ts.
 */
import type { ReaderLimits } from '~/core';
import type { RefusedFile } from './model';

export function admitFiles<F extends { readonly name: string; readonly size: number }>(
  files: readonly F[],
  limits: Pick<ReaderLimits, 'maxInputBytes' | 'maxTotalBytes'>,
): { readonly admitted: readonly F[]; readonly refused: readonly RefusedFile[] } {
  const admitted: F[] = [];
  const refused: RefusedFile[] = [];
  let total = 0;
  for (const f of files) {
    if (f.size > limits.maxInputBytes) {
      refused.push({ by: 'page', file: f.name, code: 'input-too-large', limit: limits.maxInputBytes });
    } else if (total + f.size > limits.maxTotalBytes) {
      refused.push({ by: 'page', file: f.name, code: 'total-too-large', limit: limits.maxTotalBytes });
    } else {
      total += f.size;
      admitted.push(f);
    }
  }
  return { admitted, refused };
}
