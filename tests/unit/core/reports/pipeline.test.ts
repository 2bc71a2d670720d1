import { describe, expect, it } from 'vitest';
import { aggregate } from '~/core/reports/aggregate';
import { loadReports, resolveLimits } from '~/core/reports/pipeline';
import { DEFAULT_LIMITS, type LoadProgress, type NamedBytes } from '~/core/reports/types';
import { fixture, gzip, gzipBomb, handZip, named, REPORT_FIXTURES, streamedZip, zeroDeflate, zip } from './support';

const MIB = 1024 * 1024;
const instant = async () => undefined;

describe('loadReports', () => {
  // Every fixture as .xml, as .xml.gz and inside a .zip: the same reports and figures each way.
  const ways: [string, (name: string) => NamedBytes][] = [
    ['plain XML', (n) => named(n, fixture(n))],
    ['gzip', (n) => named(`${n}.gz`, gzip(fixture(n)))],
    ['zip', (n) => named(n.replace(/\.xml$/, '.zip'), zip({ [n]: fixture(n) }))],
  ];
  it.each(ways)('reads every reporter style as %s with the exact figures', async (_way, wrap) => {
    const res = await loadReports(REPORT_FIXTURES.map(wrap), { yieldFn: instant });
    expect([res.errors, res.aborted, res.reports.length]).toEqual([[], false, 7]);
    const t = aggregate(res.reports).totals;
    expect([t.messages, t.pass, t.bothAligned]).toEqual([122, 96, 84]);
  });

  it('reads a zip holding several reports, and a streamed zip holding a .gz', async () => {
    const res = await loadReports(
      [
        named('week.zip', zip({ 'google.xml': fixture('google.xml'), 'yahoo.xml': fixture('yahoo.xml'), 'qq.xml': fixture('qq.xml') })),
        named('s.zip', streamedZip({ 'outlook.xml.gz': gzip(fixture('outlook.xml')) })),
      ],
      { yieldFn: instant },
    );
    expect(res.reports.map((r) => `${r.file} ${r.orgName}`)).toEqual(['week.zip/google.xml google.com', 'week.zip/yahoo.xml Yahoo', 'week.zip/qq.xml QQ Mail', 's.zip/outlook.xml.gz Outlook.com']);
  });

  it('refuses bad files by name while the others load', async () => {
    const files = [
      named('google.xml', fixture('google.xml')),
      named('malformed.xml', fixture('malformed.xml')),
      named('billion-laughs.xml', fixture('billion-laughs.xml')),
      named('not-dmarc.xml', fixture('not-dmarc.xml')),
      named('bomb.xml.gz', gzipBomb(1024)),
      named('bomb.zip', handZip([{ name: 'r.xml', data: zeroDeflate(1024), declaredSize: 2048 }])),
      named('notes.txt', new TextEncoder().encode('hello')),
      named('other-domain.xml', fixture('other-domain.xml')),
    ];
    const res = await loadReports(files, { yieldFn: instant });
    expect(res.errors).toEqual([
      { file: 'malformed.xml', code: 'malformed-xml', detail: '6:20: unexpected close tag.' },
      { file: 'billion-laughs.xml', code: 'xml-entities', detail: '' },
      { file: 'not-dmarc.xml', code: 'not-dmarc', detail: 'rss' },
      { file: 'bomb.xml.gz', code: 'too-large', detail: String(50 * MIB) },
      { file: 'bomb.zip/r.xml', code: 'too-large', detail: String(50 * MIB) },
      { file: 'notes.txt', code: 'unknown-format', detail: '' },
    ]);
    expect(res.reports.map((r) => r.file)).toEqual(['google.xml', 'other-domain.xml']);
    expect(aggregate(res.reports).domains.map((d) => d.domain)).toEqual(['example.com', 'example.net']);
  });

  it('refuses files once all of them together pass the total limit', async () => {
    const xml = fixture('google.xml');
    const res = await loadReports([named('a.xml', xml), named('b.xml', xml), named('c.xml', xml)], { limits: { maxTotalBytes: xml.length * 2 + 10 }, yieldFn: instant });
    expect([res.reports.length, res.errors]).toEqual([2, [{ file: 'c.xml', code: 'total-too-large', detail: String(xml.length * 2 + 10) }]]);
  });

  it('reports progress per file', async () => {
    const seen: LoadProgress[] = [];
    await loadReports([named('a.xml', fixture('google.xml')), named('b.xml', fixture('malformed.xml'))], { yieldFn: instant, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => [p.filesDone, p.filesTotal, p.reports])).toEqual([
      [1, 2, 1],
      [2, 2, 1],
    ]);
    expect(seen[1]?.xmlBytes).toBe(fixture('google.xml').length + fixture('malformed.xml').length);
  });

  it('stops when cancelled and keeps what was read', async () => {
    const controller = new AbortController();
    const files = [named('a.xml', fixture('google.xml')), named('bomb.gz', gzipBomb(1024)), named('c.xml', fixture('qq.xml'))];
    const res = await loadReports(files, {
      signal: controller.signal,
      yieldFn: instant,
      onProgress: (p) => {
        if (p.filesDone === 1) controller.abort();
      },
    });
    expect([res.aborted, res.reports.map((r) => r.file), res.errors]).toEqual([true, ['a.xml'], []]);
  });

  it('gives the event loop a turn between many small XML files, so a cancel arrives mid-load', async () => {
    // 40 plain reports of ~70 KB: each fits in one parser slice (the common case for real reports).
    const base = new TextDecoder().decode(fixture('google.xml'));
    const record = /<record>[\s\S]*?<\/record>/.exec(base)?.[0] ?? '';
    const files = Array.from({ length: 40 }, (_, i) =>
      named(`r${i}.xml`, new TextEncoder().encode(base.replace('4412233445566778899', `copy-${i}`).replace('</policy_published>', `</policy_published>${record.repeat(100)}`))),
    );
    const controller = new AbortController();
    let yields = 0;
    const res = await loadReports(files, {
      signal: controller.signal,
      // The page's cancel message is handled at the worker's first turn.
      yieldFn: async () => {
        yields++;
        controller.abort();
      },
    });
    expect(yields).toBe(1);
    expect(res.aborted).toBe(true);
    expect(res.reports.length).toBeLessThan(files.length);
    expect(res.reports.length).toBeGreaterThan(0);
  });

  it('resolves limits over the defaults, ignoring nonsense', () => {
    expect(resolveLimits({ maxFileBytes: 10, maxEntries: -1, maxTotalBytes: Number.NaN })).toEqual({ ...DEFAULT_LIMITS, maxFileBytes: 10 });
  });
});
