// Files for the DMARC report viewer's end-to-end tests, made in Node from the
// hand-written fixtures (tests/fixtures/dmarc/, see its README): each reporter's
// usual packaging (.zip, .xml.gz, plain .xml), a zip holding several reports,
// and the hostile ones — a gzip bomb and a zip bomb of 1 GiB each, built
// without ever holding their expansion (about 1 MB each).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, deflateRawSync, gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';

/** What Playwright's setInputFiles takes for a file made in memory. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const DIR = fileURLToPath(new URL('../fixtures/dmarc/', import.meta.url));

export const fixture = (name: string): Buffer => readFileSync(DIR + name);

export const xml = (name: string, as = name): FilePayload => ({
  name: as,
  mimeType: 'text/xml',
  buffer: fixture(name),
});

export const gz = (name: string, as = `${name}.gz`): FilePayload => ({
  name: as,
  mimeType: 'application/gzip',
  buffer: gzipSync(fixture(name)),
});

export function zip(as: string, names: readonly string[]): FilePayload {
  const entries = Object.fromEntries(names.map((n) => [n, new Uint8Array(fixture(n))]));
  return { name: as, mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) };
}

/** Raw deflate data that expands to `mib` MiB of zeros: one sync-flushed 1 MiB block repeated. */
function zeroDeflate(mib: number): Buffer {
  const block = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const end = Buffer.from([0x03, 0x00]); // a final, empty fixed-Huffman block
  return Buffer.concat([...Array.from({ length: mib }, () => block), end]);
}

/** A .gz that expands to `mib` MiB (the gzip trailer's CRC is never reached: the reader stops at its limit). */
export function gzipBomb(name = 'bomb.xml.gz', mib = 1024): FilePayload {
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  return { name, mimeType: 'application/gzip', buffer: Buffer.concat([header, zeroDeflate(mib), Buffer.alloc(8)]) };
}

/** A .zip whose one entry expands to `mib` MiB while its header claims 1000 bytes. */
export function zipBomb(name = 'bomb.zip', entry = 'bomb.xml', mib = 1024): FilePayload {
  const data = zeroDeflate(mib);
  const fileName = Buffer.from(entry);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); // local file header
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0, 6); // flags
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18); // compressed size
  local.writeUInt32LE(1000, 22); // uncompressed size (a lie)
  local.writeUInt16LE(fileName.length, 26);
  return { name, mimeType: 'application/zip', buffer: Buffer.concat([local, fileName, data]) };
}

/** A report whose text carries markup: it must be shown as text. */
export function markupReport(name = 'markup.xml'): FilePayload {
  const text = fixture('draft-namespace.xml')
    .toString('utf8')
    .replace(/<org_name>[^<]*<\/org_name>/, '<org_name>&lt;img src=x onerror="window.__xss=1"&gt;</org_name>')
    .replace(/<report_id>[^<]*<\/report_id>/, '<report_id>&lt;script&gt;window.__xss=1&lt;/script&gt;</report_id>');
  return { name, mimeType: 'text/xml', buffer: Buffer.from(text) };
}

/**
 * The files written into `dir`, as paths for setInputFiles. Paths are handed to the browser
 * as files (as a person picking them would); payloads in memory are instead turned into
 * files by script in the page, which would busy the page's main thread itself.
 */
export function onDisk(dir: string, files: readonly FilePayload[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.buffer);
    return path;
  });
}
