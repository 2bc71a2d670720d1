/**
 * The reading pipeline: input files → documents (bounded expansion) → parsed
 * reports. Order is load-bearing: each file is expanded and each document
 * parsed before the next is expanded, so memory holds one document at a time
 * (plus the reports so far), and the total budget is charged as documents are
 * produced. Runs the same in a Web Worker (see protocol.ts), a page or Node.
 */
import { createBudget, expandFile } from './input';
import { createPacer, ReadAborted, type YieldFn } from './pace';
import { parseReport } from './parse';
import { DEFAULT_LIMITS, type DmarcReport, type FileError, type LoadProgress, type LoadResult, type NamedBytes, type ReaderLimits } from './types';

export interface LoadOptions {
  readonly signal?: AbortSignal | undefined;
  /** Override some limits (the rest stay DEFAULT_LIMITS). */
  readonly limits?: Partial<ReaderLimits> | undefined;
  /** Called after each file and after each ~1 MB of work. */
  readonly onProgress?: ((progress: LoadProgress) => void) | undefined;
  /** How to give the event loop a turn (default: a zero-delay timer). */
  readonly yieldFn?: YieldFn | undefined;
}

export function resolveLimits(limits: Partial<ReaderLimits> | undefined): ReaderLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReaderLimits)[]) {
    const v = limits?.[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  return out;
}

/**
 * Read every file: each refused file (or zip entry) becomes a typed error and
 * the others still load. Never throws; a cancelled load resolves with
 * `aborted: true` and what was read before.
 */
export async function loadReports(files: readonly NamedBytes[], options: LoadOptions = {}): Promise<LoadResult> {
  const limits = resolveLimits(options.limits);
  const budget = createBudget(limits);
  const reports: DmarcReport[] = [];
  const errors: FileError[] = [];
  let xmlBytes = 0;
  let filesDone = 0;
  let currentFile = '';
  const progress = (): void =>
    options.onProgress?.({ filesDone, filesTotal: files.length, file: currentFile, xmlBytes, reports: reports.length });
  const pacer = createPacer({ signal: options.signal, yieldFn: options.yieldFn, onYield: progress });
  try {
    for (const file of files) {
      currentFile = file.name;
      for await (const step of expandFile(file, budget, pacer)) {
        if (!step.ok) {
          errors.push(step.error);
          continue;
        }
        const parsed = await parseReport(step.doc.name, step.doc.bytes, pacer);
        xmlBytes += step.doc.bytes.length;
        if (parsed.ok) reports.push(parsed.report);
        else errors.push(parsed.error);
      }
      filesDone++;
      currentFile = '';
      progress();
    }
  } catch (e) {
    if (!(e instanceof ReadAborted)) throw e;
    return { reports, errors, aborted: true, xmlBytes };
  }
  return { reports, errors, aborted: false, xmlBytes };
}
