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

/**
 * Admits files one at a time, in the order asked: `check(file)` returns why it
 * is refused, or undefined when it may be read (and counts it). Used as each
 * read starts, so File.size (which may ask the browser's file storage) is read
 * spread over the reads rather than for every file in one long task.
 */
export function createAdmitter(limits: Pick<ReaderLimits, 'maxInputBytes' | 'maxTotalBytes'>): {
  check(file: { readonly name: string; readonly size: number }): RefusedFile | undefined;
} {
  let total = 0;
  return {
    check(f) {
      const size = f.size;
      if (size > limits.maxInputBytes)
        return { by: 'page', file: f.name, code: 'input-too-large', limit: limits.maxInputBytes };
      if (total + size > limits.maxTotalBytes)
        return { by: 'page', file: f.name, code: 'total-too-large', limit: limits.maxTotalBytes };
      total += size;
      return undefined;
    },
  };
}

/** Every file through one admitter: those to read, and those refused (by name, with why). */
export function admitFiles<F extends { readonly name: string; readonly size: number }>(
  files: readonly F[],
  limits: Pick<ReaderLimits, 'maxInputBytes' | 'maxTotalBytes'>,
): { readonly admitted: readonly F[]; readonly refused: readonly RefusedFile[] } {
  const admitter = createAdmitter(limits);
  const admitted: F[] = [];
  const refused: RefusedFile[] = [];
  for (const f of files) {
    const why = admitter.check(f);
    if (why) refused.push(why);
    else admitted.push(f);
  }
  return { admitted, refused };
}
