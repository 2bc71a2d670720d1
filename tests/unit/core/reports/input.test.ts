import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBudget, expandFile, inflateBounded, sniff, type Expanded, type InputKind } from '~/core/reports/input';
import { DEFAULT_LIMITS, type ReaderLimits } from '~/core/reports/types';
import { fixture, gzip, gzipBomb, handZip, named, streamedZip, testPacer, text, zeroDeflate, zip } from '../../support/reports';

const MIB = 1024 * 1024;

/** Every step of one input file, as "name: ok (bytes)" or "name: code detail". */
async function expand(name: string, bytes: Uint8Array, limits: Partial<ReaderLimits> = {}, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  const steps: Expanded[] = [];
  for await (const s of expandFile(named(name, bytes), createBudget({ ...DEFAULT_LIMITS, ...limits }), testPacer(signal))) steps.push(s);
  for (const s of steps) out.push(s.ok ? `${s.doc.name}: ok ${s.doc.bytes.length}` : `${s.error.file}: ${s.error.code} ${s.error.detail}`.trim());
  return out;
}

describe('sniff', () => {
  const rows: [string, Uint8Array, InputKind][] = [
    ['plain XML', text('<?xml version="1.0"?><feedback/>'), 'xml'],
    ['XML after a UTF-8 BOM', Uint8Array.of(0xef, 0xbb, 0xbf, 0x3c, 0x66), 'xml'],
    ['XML after leading newlines and spaces', text('\r\n  <feedback/>'), 'xml'],
    ['UTF-16LE with a BOM', Uint8Array.of(0xff, 0xfe, 0x3c, 0x00), 'xml'],
    ['UTF-16BE without a BOM', Uint8Array.of(0x00, 0x3c, 0x00, 0x3f), 'xml'],
    ['gzip', gzip(text('<a/>')), 'gzip'],
    ['zip', zip({ 'a.xml': text('<a/>') }), 'zip'],
    ['an empty zip (end record only)', Uint8Array.of(0x50, 0x4b, 5, 6, 0, 0), 'zip'],
    ['a PDF', text('%PDF-1.7'), 'unknown'],
    ['nothing', new Uint8Array(0), 'unknown'],
  ];
  it.each(rows)('reads %s as its kind', (_name, bytes, kind) => {
    expect(sniff(bytes)).toBe(kind);
  });
});

describe('expandFile', () => {
  const xml = fixture('google.xml');
  const rows: [string, string, Uint8Array, string[]][] = [
    ['passes plain XML through', 'a.xml', xml, [`a.xml: ok ${xml.length}`]],
    ['gunzips .xml.gz', 'a.xml.gz', gzip(xml), [`a.xml.gz: ok ${xml.length}`]],
    ['gunzips by content even when the name says .xml', 'a.xml', gzip(xml), [`a.xml: ok ${xml.length}`]],
    ['reads a zip by content even when the name says .gz', 'a.gz', zip({ 'r.xml': xml }), [`a.gz/r.xml: ok ${xml.length}`]],
    [
      'reads every report of a zip, in order',
      'many.zip',
      zip({ 'one.xml': xml, 'two.xml': fixture('qq.xml'), 'three.xml': fixture('yahoo.xml') }),
      [`many.zip/one.xml: ok ${xml.length}`, `many.zip/two.xml: ok ${fixture('qq.xml').length}`, `many.zip/three.xml: ok ${fixture('yahoo.xml').length}`],
    ],
    [
      'reads a streamed zip (data descriptors) and gunzips a .gz entry',
      's.zip',
      streamedZip({ 'a.xml': xml, 'b.xml.gz': gzip(fixture('qq.xml')) }),
      [`s.zip/a.xml: ok ${xml.length}`, `s.zip/b.xml.gz: ok ${fixture('qq.xml').length}`],
    ],
    [
      'reads a stored (uncompressed) entry',
      'stored.zip',
      handZip([{ name: 'r.xml', data: xml, declaredSize: xml.length, method: 0 }]),
      [`stored.zip/r.xml: ok ${xml.length}`],
    ],
    [
      'skips directories and __MACOSX metadata',
      'mac.zip',
      zip({ 'dir/': new Uint8Array(0), 'dir/r.xml': xml, '__MACOSX/dir/._r.xml': text('junk') }),
      [`mac.zip/dir/r.xml: ok ${xml.length}`],
    ],
    ['refuses an empty file', 'e.xml', new Uint8Array(0), ['e.xml: empty']],
    ['refuses an empty zip', 'e.zip', Uint8Array.of(0x50, 0x4b, 5, 6, ...new Array<number>(18).fill(0)), ['e.zip: empty']],
    ['refuses what is neither XML, gzip nor zip', 'r.pdf', text('%PDF-1.7'), ['r.pdf: unknown-format']],
    ['refuses a gzip that does not hold XML', 'x.gz', gzip(text('%PDF-1.7')), ['x.gz: unknown-format']],
    ['refuses a zip inside a zip', 'outer.zip', zip({ 'inner.zip': zip({ 'r.xml': xml }) }), ['outer.zip/inner.zip: unsupported-archive nested zip']],
    [
      'refuses an entry with an unsupported compression method and reads the next',
      'm.zip',
      handZip([
        { name: 'lzma.xml', data: text('xx'), declaredSize: 2, method: 14 },
        { name: 'ok.xml', data: xml, declaredSize: xml.length, method: 0 },
      ]),
      ['m.zip/lzma.xml: unsupported-archive compression method 14', `m.zip/ok.xml: ok ${xml.length}`],
    ],
  ];
  it.each(rows)('%s', async (_name, file, bytes, expected) => {
    expect(await expand(file, bytes)).toEqual(expected);
  });

  it('refuses a truncated gzip as corrupt', async () => {
    const gz = gzip(xml);
    const [line] = await expand('t.xml.gz', gz.subarray(0, gz.length - 20));
    expect(line).toMatch(/^t\.xml\.gz: corrupt-archive/);
  });

  it('refuses a zip entry whose deflate data is garbage as corrupt', async () => {
    const [line] = await expand('g.zip', handZip([{ name: 'r.xml', data: Uint8Array.of(0xff, 0xff, 0xff, 0xff), declaredSize: 10 }]));
    expect(line).toMatch(/^g\.zip\/r\.xml: corrupt-archive/);
  });

  it('refuses compressed files as unsupported where the platform has no DecompressionStream', async () => {
    const saved = globalThis.DecompressionStream;
    // @ts-expect-error: an old browser
    delete globalThis.DecompressionStream;
    try {
      expect(await expand('a.xml.gz', gzip(xml))).toEqual(["a.xml.gz: unsupported-archive DecompressionStream('gzip')"]);
      expect(await expand('a.zip', zip({ 'r.xml': xml }))).toEqual(["a.zip/r.xml: unsupported-archive DecompressionStream('deflate-raw')"]);
    } finally {
      globalThis.DecompressionStream = saved;
    }
  });

  it('refuses an input file larger than maxInputBytes before reading it', async () => {
    expect(await expand('big.xml', xml, { maxInputBytes: 100 })).toEqual(['big.xml: too-large 100']);
  });

  it('refuses plain XML larger than maxFileBytes', async () => {
    expect(await expand('big.xml', xml, { maxFileBytes: 1000 })).toEqual(['big.xml: too-large 1000']);
  });
});

describe('expandFile on any input', () => {
  const headers: [string, number[]][] = [
    ['gzip', [0x1f, 0x8b]],
    ['zip', [0x50, 0x4b, 3, 4]],
  ];
  it.each(headers)('never throws on random bytes after a %s header, only refuses with a typed error', async (_kind, magic) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (tail) => {
        const lines = await expand('r', Uint8Array.from([...magic, ...tail]));
        expect(lines.every((l) => /: (ok \d+|[a-z-]+)( .*)?$/.test(l))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('bombs', () => {
  it('refuses a 1 GiB gzip bomb at the 50 MiB default limit, naming the file', async () => {
    expect(await expand('bomb.xml.gz', gzipBomb(1024))).toEqual([`bomb.xml.gz: too-large ${50 * MIB}`]);
  });

  it('refuses a 1 GiB zip bomb whose headers declare 1000 bytes, and reads the entry before it', async () => {
    const xml = fixture('qq.xml');
    const bomb = handZip([
      { name: 'ok.xml', data: xml, declaredSize: xml.length, method: 0 },
      { name: 'bomb.xml', data: zeroDeflate(1024), declaredSize: 1000 },
      { name: 'after.xml', data: xml, declaredSize: xml.length, method: 0 },
    ]);
    expect(await expand('bomb.zip', bomb)).toEqual([`bomb.zip/ok.xml: ok ${xml.length}`, `bomb.zip/bomb.xml: too-large ${50 * MIB}`]);
  });

  it('stops a gzip bomb one input slice past a small limit', async () => {
    // 4 KB of compressed zeros expand to at most ~4 MiB: the reader never holds more than limit + that.
    const out = await inflateBounded(gzipBomb(64), 'gzip', MIB, testPacer());
    expect(out).toEqual({ ok: false, code: 'over', detail: '' });
  });

  it('counts a zip bomb against the total budget once the per-file limit is not the smaller', async () => {
    const bomb = handZip([{ name: 'b.xml', data: zeroDeflate(16), declaredSize: 10 }]);
    expect(await expand('b.zip', bomb, { maxTotalBytes: 2 * MIB })).toEqual([`b.zip/b.xml: total-too-large ${2 * MIB}`]);
  });

  it('refuses a zip with more entries than maxEntries', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5; i++) entries[`r${i}.xml`] = text('<feedback/>');
    const lines = await expand('wide.zip', zip(entries), { maxEntries: 3 });
    expect(lines.slice(-1)).toEqual(['wide.zip: too-many-entries 3']);
    expect(lines.filter((l) => l.includes(': ok ')).length).toBeLessThanOrEqual(3);
  });

  it('yields to the event loop while expanding a bomb (the worker stays responsive)', async () => {
    const pacer = testPacer();
    for await (const _ of expandFile(named('b.gz', gzipBomb(64)), createBudget({ ...DEFAULT_LIMITS, maxFileBytes: 8 * MIB }), pacer)) void _;
    // About one yield per MiB of output before the 8 MiB limit.
    expect(pacer.yields()).toBeGreaterThanOrEqual(7);
  });

  it('stops at once when the signal aborts mid-expansion', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(expand('b.gz', gzipBomb(64), {}, controller.signal)).rejects.toThrow('aborted');
  });
});
