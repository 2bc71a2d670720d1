/**
 * Shared helpers for the report reader's tests: fixture files, compression
 * in all three ways, and bombs built without ever holding their expansion.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants, deflateRawSync, gzipSync } from 'node:zlib';
import { zipSync, Zip, ZipDeflate, strToU8 } from 'fflate';
import { createPacer, type Pacer } from '~/core/reports/pace';
import type { NamedBytes } from '~/core/reports/types';

const DIR = fileURLToPath(new URL('../../fixtures/dmarc/', import.meta.url));

export const REPORT_FIXTURES = ['google.xml', 'outlook.xml', 'yahoo.xml', 'qq.xml', 'netease.xml', 'rfc9990.xml', 'draft-namespace.xml'] as const;

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(DIR + name));
}

export function named(name: string, bytes: Uint8Array): NamedBytes {
  return { name, bytes };
}

/** A pacer that yields through a resolved promise (fast) and counts its yields. */
export function testPacer(signal?: AbortSignal, yieldEvery?: number): Pacer & { yields: () => number } {
  let yields = 0;
  const pacer = createPacer({
    signal,
    yieldEvery,
    yieldFn: async () => {
      yields++;
    },
  });
  return Object.assign(pacer, { yields: () => yields });
}

export function gzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes));
}

export function zip(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries);
}

/** A zip written in streaming fashion: every entry has a data descriptor (sizes after the data). */
export function streamedZip(entries: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const z = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  for (const [name, data] of Object.entries(entries)) {
    const f = new ZipDeflate(name, { level: 6 });
    z.add(f);
    f.push(data, true);
  }
  z.end();
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const text = (s: string): Uint8Array => strToU8(s);

/**
 * Raw deflate data expanding to `mib` MiB of zeros, built from one
 * sync-flushed 1 MiB block repeated (each copy only refers back to zeros),
 * so a 1 GiB bomb is ~1 MB and costs nothing to make.
 */
export function zeroDeflate(mib: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const end = Uint8Array.of(0x03, 0x00); // a final, empty fixed-Huffman block
  const out = new Uint8Array(block.length * mib + end.length);
  for (let i = 0; i < mib; i++) out.set(block, i * block.length);
  out.set(end, block.length * mib);
  return out;
}

/** A gzip member of `mib` MiB of zeros (its trailer's CRC is wrong: a reader that stops at its limit never gets there). */
export function gzipBomb(mib: number): Uint8Array {
  const header = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
  const body = zeroDeflate(mib);
  const size = (mib * 1024 * 1024) >>> 0;
  const trailer = Uint8Array.of(0, 0, 0, 0, size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, (size >>> 24) & 0xff);
  const out = new Uint8Array(header.length + body.length + trailer.length);
  out.set(header, 0);
  out.set(body, header.length);
  out.set(trailer, header.length + body.length);
  return out;
}

/**
 * A hand-built zip whose entries are deflate data, each declaring the given
 * (lying) uncompressed size in its local header and central directory.
 */
export function handZip(entries: readonly { name: string; data: Uint8Array; declaredSize: number; method?: number }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const u16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
  const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
  for (const e of entries) {
    const name = strToU8(e.name);
    const method = e.method ?? 8;
    const local = Uint8Array.from([
      ...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(method), ...u16(0), ...u16(0),
      ...u32(0), ...u32(e.data.length), ...u32(e.declaredSize), ...u16(name.length), ...u16(0),
    ]);
    chunks.push(local, name, e.data);
    central.push(
      Uint8Array.from([
        ...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(method), ...u16(0), ...u16(0),
        ...u32(0), ...u32(e.data.length), ...u32(e.declaredSize), ...u16(name.length), ...u16(0), ...u16(0),
        ...u16(0), ...u16(0), ...u32(0), ...u32(offset),
      ]),
      name,
    );
    offset += local.length + name.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = Uint8Array.from([
    ...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(cdSize), ...u32(offset), ...u16(0),
  ]);
  const all = [...chunks, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
