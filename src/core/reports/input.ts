/**
 * Input files → XML documents, with bounded expansion (issue 13, items 1–2).
 *
 * Kinds are told apart by their first bytes (a report named .xml may be
 * gzipped; a .gz may be a zip), not by name:
 * - XML: optional BOM, optional whitespace, then "<" (UTF-16 too).
 * - gzip (1f 8b) and a zip entry's deflate data: the platform's
 *   DecompressionStream ('gzip', 'deflate-raw'; browsers since 2023, Node ≥ 21).
 *   Compressed input is written 4 KB at a time and the output read chunk by
 *   chunk and counted; as soon as the count passes the limit we stop reading
 *   and writing, so a bomb costs at most the limit plus one slice's expansion
 *   (deflate expands at most ~1032:1: 4 KB → ~4 MB), at native inflate speed.
 * - zip (PK\3\4, or the empty-archive PK\5\6): fflate's streaming Unzip
 *   (MIT, browser-ready; ~2 KB gzip as used here) reads the container, fed
 *   4 KB at a time: local headers in order, file names (UTF-8 flag), ZIP64
 *   fields, data descriptors. It hands us each entry's compressed bytes (at
 *   most the archive's own size) and we inflate them with the bounded stream
 *   above — fflate's own inflater is 3–8× slower than the platform's on a bomb,
 *   and cannot be interrupted inside one push. The central directory's sizes
 *   are never trusted (only local data is read), so overlapping-entry bombs
 *   expand no more than their local data. An entry past the limit stops the
 *   whole archive (entries read before it are kept). Limitation of streaming
 *   read: an entry written with a data descriptor (no sizes in its local
 *   header) ends at the next descriptor signature fflate finds; in the rare
 *   case those 4 bytes occur inside its compressed data, it reads as corrupt.
 *   Entries that are themselves gzip are gunzipped with the same bound; a zip
 *   inside a zip is refused. Directories and `__MACOSX/` metadata are skipped.
 * All of it yields to the event loop every ~1 MB (see pace.ts), so a worker
 * stays responsive and can be cancelled mid-file.
 */
import { Unzip, UnzipPassThrough, type AsyncFlateStreamHandler, type UnzipFile } from 'fflate';
import { ReadAborted, type Pacer } from './pace';
import type { FileError, FileErrorCode, NamedBytes, ReaderLimits } from './types';

export const INPUT_KINDS = ['xml', 'gzip', 'zip', 'unknown'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** Compressed bytes handed to a decompressor at once. */
export const INPUT_SLICE = 4 * 1024;

/** What kind of file these bytes are, by their first bytes. */
export function sniff(bytes: Uint8Array): InputKind {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0x1f && b1 === 0x8b) return 'gzip';
  if (b0 === 0x50 && b1 === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return 'zip';
  // UTF-16 BOMs, or UTF-16 "<" without a BOM.
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return 'xml';
  if ((b0 === 0x3c && b1 === 0x00) || (b0 === 0x00 && b1 === 0x3c)) return 'xml';
  let i = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Leading whitespace (some reporters start with a newline).
  const end = Math.min(bytes.length, i + 1024);
  while (i < end && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c ? 'xml' : 'unknown';
}

/**
 * The expansion budget of one load: each document may grow to maxFileBytes,
 * and all of them together to maxTotalBytes.
 */
export interface Budget {
  readonly limits: ReaderLimits;
  /** Bytes still allowed in total. */
  remaining: number;
}

export function createBudget(limits: ReaderLimits): Budget {
  return { limits, remaining: limits.maxTotalBytes };
}

interface Bound {
  readonly bytes: number;
  readonly code: FileErrorCode;
  readonly detail: string;
}

/** The bound for the next document: the smaller of the per-file limit and what is left of the total. */
function boundFor(budget: Budget): Bound {
  const { maxFileBytes, maxTotalBytes } = budget.limits;
  return budget.remaining < maxFileBytes
    ? { bytes: budget.remaining, code: 'total-too-large', detail: String(maxTotalBytes) }
    : { bytes: maxFileBytes, code: 'too-large', detail: String(maxFileBytes) };
}

/** One expansion step's outcome: a document, or a typed refusal. */
export type Expanded = { readonly ok: true; readonly doc: NamedBytes } | { readonly ok: false; readonly error: FileError };

const fail = (file: string, code: FileErrorCode, detail = ''): Expanded => ({ ok: false, error: { file, code, detail } });

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** over: past the limit; corrupt: bad data; unsupported: this platform has no DecompressionStream for the format. */
  | { readonly ok: false; readonly code: 'over' | 'corrupt' | 'unsupported'; readonly detail: string };

/**
 * Decompress gzip or raw deflate with a bound on the output. Resolves `over`
 * as soon as the output passes `limit`, `corrupt` for bad data. Throws only
 * ReadAborted (from the pacer).
 */
export async function inflateBounded(bytes: Uint8Array, format: 'gzip' | 'deflate-raw', limit: number, pacer: Pacer): Promise<InflateResult> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream(format);
  } catch {
    // No DecompressionStream (Safari < 16.4), or no 'deflate-raw' (Chrome < 103).
    return { ok: false, code: 'unsupported', detail: `DecompressionStream('${format}')` };
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  // The writer side: one slice at a time, each only when the stream wants more
  // (writer.ready), so the output waiting in the stream stays one slice's worth.
  const feeding = (async () => {
    try {
      for (let at = 0; at < bytes.length && !stopped; at += INPUT_SLICE) {
        await writer.ready;
        if (stopped) return;
        // Our bytes always sit in a plain ArrayBuffer (File.arrayBuffer, fflate output, a transfer).
        writer.write(bytes.subarray(at, at + INPUT_SLICE) as Uint8Array<ArrayBuffer>).catch(() => undefined);
      }
      // Not awaited: a close waits for the output to be read, which a reader that stopped at its limit never does.
      if (!stopped) writer.close().catch(() => undefined);
    } catch {
      // The reader side sees the same failure and reports it.
    }
  })();
  const stop = async (): Promise<void> => {
    stopped = true;
    // Let go without cancel/abort: the stream stops by backpressure (nobody
    // reads, nothing more is written) and is collected with its buffers.
    // Cancelling would be tidier, but Node's DecompressionStream can then
    // enqueue a chunk already in flight into the closed stream and throw an
    // uncatchable "Controller is already closed" (seen on Node 24).
    reader.releaseLock();
    writer.releaseLock();
    await feeding;
  };
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await stop();
        return { ok: false, code: 'over', detail: '' };
      }
      chunks.push(value);
      await pacer.work(value.length);
    }
  } catch (e) {
    await stop();
    if (e instanceof ReadAborted) throw e;
    return { ok: false, code: 'corrupt', detail: e instanceof Error ? e.message : String(e) };
  }
  await feeding;
  return { ok: true, bytes: concat(chunks, total) };
}

/** A document's bytes: plain XML as is, gzip expanded; anything else refused. */
async function expandDocument(name: string, bytes: Uint8Array, budget: Budget, pacer: Pacer, inZip: boolean): Promise<Expanded> {
  if (bytes.length === 0) return fail(name, 'empty');
  const kind = sniff(bytes);
  const bound = boundFor(budget);
  if (kind === 'xml') {
    if (bytes.length > bound.bytes) return fail(name, bound.code, bound.detail);
    budget.remaining -= bytes.length;
    return { ok: true, doc: { name, bytes } };
  }
  if (kind === 'gzip') {
    const out = await inflateBounded(bytes, 'gzip', bound.bytes, pacer);
    if (!out.ok) return out.code === 'over' ? fail(name, bound.code, bound.detail) : fail(name, out.code === 'corrupt' ? 'corrupt-archive' : 'unsupported-archive', out.detail);
    if (out.bytes.length === 0) return fail(name, 'empty');
    // A gzip holding a gzip or a zip: one level is enough for every reporter.
    if (sniff(out.bytes) !== 'xml') return fail(name, 'unknown-format');
    budget.remaining -= out.bytes.length;
    return { ok: true, doc: { name, bytes: out.bytes } };
  }
  if (kind === 'zip' && inZip) return fail(name, 'unsupported-archive', 'nested zip');
  return fail(name, 'unknown-format');
}

/**
 * Hands a deflate entry's compressed bytes through unchanged (we inflate them
 * ourselves, bounded). Registered with fflate's Unzip for method 8.
 */
class DeflatePassThrough {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;
  push(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}

interface EntryState {
  readonly name: string;
  readonly method: number;
  readonly chunks: Uint8Array[];
  size: number;
  done: boolean;
  error: Expanded | undefined;
}

/**
 * The entries of a zip, expanded and bounded, in archive order. Yields each
 * entry as soon as its compressed data is complete, so it is inflated, parsed
 * and let go before the next one grows.
 */
async function* expandZip(file: NamedBytes, budget: Budget, pacer: Pacer): AsyncGenerator<Expanded> {
  const { limits } = budget;
  const unzip = new Unzip();
  unzip.register(UnzipPassThrough);
  unzip.register(DeflatePassThrough);
  const entries: EntryState[] = [];
  let seen = 0;
  let fatal: Expanded | undefined;

  unzip.onfile = (f: UnzipFile) => {
    if (fatal) return;
    const name = f.name;
    if (name.endsWith('/') || name.startsWith('__MACOSX/')) return;
    seen++;
    if (seen > limits.maxEntries) {
      fatal = fail(file.name, 'too-many-entries', String(limits.maxEntries));
      return;
    }
    const entry: EntryState = { name: `${file.name}/${name}`, method: f.compression, chunks: [], size: 0, done: false, error: undefined };
    entries.push(entry);
    if (f.compression !== 0 && f.compression !== 8) {
      entry.error = fail(entry.name, 'unsupported-archive', `compression method ${f.compression}`);
      entry.done = true;
      return;
    }
    f.ondata = (err, data, final) => {
      if (entry.done) return;
      if (err) {
        entry.error = fail(entry.name, 'corrupt-archive', err.message);
        entry.done = true;
        return;
      }
      // Copy: fflate may hand us views of a buffer it reuses.
      if (data.length > 0) entry.chunks.push(data.slice());
      entry.size += data.length;
      if (final) entry.done = true;
    };
    f.start();
  };

  let yielded = 0;
  const drain = async function* (): AsyncGenerator<Expanded> {
    while (entries.length > 0 && entries[0]?.done) {
      const entry = entries.shift() as EntryState;
      yielded++;
      if (entry.error) {
        yield entry.error;
        continue;
      }
      const data = concat(entry.chunks, entry.size);
      entry.chunks.length = 0;
      if (entry.method === 0) {
        yield await expandDocument(entry.name, data, budget, pacer, true);
        continue;
      }
      const bound = boundFor(budget);
      const out = await inflateBounded(data, 'deflate-raw', bound.bytes, pacer);
      if (!out.ok && out.code === 'over') {
        // A bomb: stop reading this archive here.
        fatal = fail(entry.name, bound.code, bound.detail);
        return;
      }
      yield out.ok
        ? await expandDocument(entry.name, out.bytes, budget, pacer, true)
        : fail(entry.name, out.code === 'corrupt' ? 'corrupt-archive' : 'unsupported-archive', out.detail);
    }
  };

  const bytes = file.bytes;
  for (let at = 0; at < bytes.length && !fatal; at += INPUT_SLICE) {
    try {
      unzip.push(bytes.subarray(at, at + INPUT_SLICE), at + INPUT_SLICE >= bytes.length);
    } catch (e) {
      fatal ??= fail(file.name, 'corrupt-archive', e instanceof Error ? e.message : String(e));
    }
    yield* drain();
    await pacer.work(INPUT_SLICE);
  }
  if (fatal) {
    yield fatal;
    return;
  }
  // An entry that never ended (truncated archive).
  for (const entry of entries) if (!entry.done) yield fail(entry.name, 'corrupt-archive', 'unexpected end of archive');
  if (yielded === 0 && entries.length === 0) yield fail(file.name, 'empty');
}

/**
 * Every document in one input file: one for XML or gzip, one per entry for a
 * zip, each either bytes of XML or a typed refusal. Throws only ReadAborted.
 */
export async function* expandFile(file: NamedBytes, budget: Budget, pacer: Pacer): AsyncGenerator<Expanded> {
  pacer.check();
  if (file.bytes.length > budget.limits.maxInputBytes) {
    yield fail(file.name, 'too-large', String(budget.limits.maxInputBytes));
    return;
  }
  if (file.bytes.length > 0 && sniff(file.bytes) === 'zip') {
    yield* expandZip(file, budget, pacer);
    return;
  }
  yield await expandDocument(file.name, file.bytes, budget, pacer, false);
}
