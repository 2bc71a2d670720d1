// expandSpf asks through a run of the DoH client (newRun): the run's cache is
// the only one, so every call here passes a run over the fake zone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandSpf, type SpfNode } from '~/core/check/spf-expand';
import { spfVerdict } from '~/core/check/spf-verdict';
import { newRun } from '~/core/doh/run';
import { fakeDns, type FakeDns, type FakeEntry, type FakeZone } from '../../support/fake-dns';

/** A fake zone and a run over it. */
function zoneRun(zone: FakeZone, opts: { hold?: boolean } = {}): FakeDns & { run: ReturnType<typeof newRun> } {
  const dns = fakeDns(zone, opts);
  return Object.assign(dns, { run: newRun(dns.query) });
}

const ALIYUN: FakeZone = {
  'spf.qiye.aliyun.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
};

describe('expandSpf', () => {
  it('follows a nested include and collects its ranges', async () => {
    const dns = zoneRun({
      ...ALIYUN,
      'example.com': { TXT: ['v=spf1 include:_spf.example.com -all'] },
      '_spf.example.com': { TXT: ['v=spf1 include:spf.qiye.aliyun.com ip6:2001:db8::/32 -all'] },
    });
    const x = await expandSpf('example.com', dns.run);
    expect(x.lookupCount).toBe(2);
    expect(x.voidCount).toBe(0);
    expect(x.includes).toEqual(['_spf.example.com', 'spf.qiye.aliyun.com']);
    expect(x.root.ip4).toEqual(['203.0.113.0/24']);
    expect(x.root.ip6).toEqual(['2001:db8::/32']);
    const child = x.root.terms[0]?.child;
    expect(child?.domain).toBe('_spf.example.com');
    expect(child?.terms[0]?.child?.domain).toBe('spf.qiye.aliyun.com');
  });

  it('counts every DNS-querying term across the tree, over the limit of 10', async () => {
    const zone: FakeZone = { 'example.com': { TXT: [`v=spf1 ${Array.from({ length: 6 }, (_, i) => `include:s${i}.example.net`).join(' ')} -all`] } };
    for (let i = 0; i < 6; i++) zone[`s${i}.example.net`] = { TXT: ['v=spf1 a mx -all'], A: ['192.0.2.1'], MX: [[10, 'mx.example.net']] };
    zone['mx.example.net'] = { A: ['192.0.2.2'] };
    const x = await expandSpf('example.com', zoneRun(zone).run);
    // 6 includes + 6 × (a + mx)
    expect(x.lookupCount).toBe(18);
  });

  it('counts a redirect, and ignores it when the record has all', async () => {
    const zone: FakeZone = {
      'example.com': { TXT: ['v=spf1 redirect=_spf.example.com'] },
      'b.example': { TXT: ['v=spf1 -all redirect=_spf.example.com'] },
      '_spf.example.com': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
      ...ALIYUN,
    };
    const dns = zoneRun(zone);
    const followed = await expandSpf('example.com', dns.run);
    expect(followed.lookupCount).toBe(2);
    expect(followed.root.terms[0]?.child?.via).toBe('redirect');
    const ignored = await expandSpf('b.example', dns.run);
    expect(ignored.lookupCount).toBe(0);
    expect(ignored.includes).toEqual([]);
  });

  it('finds a loop and stops there', async () => {
    const dns = zoneRun({
      'example.com': { TXT: ['v=spf1 include:a.example.net -all'] },
      'a.example.net': { TXT: ['v=spf1 include:b.example.net -all'] },
      'b.example.net': { TXT: ['v=spf1 include:example.com -all'] },
    });
    const x = await expandSpf('example.com', dns.run);
    expect(x.loops).toEqual([{ domain: 'example.com', path: ['example.com', 'a.example.net', 'b.example.net', 'example.com'] }]);
    expect(dns.asked.filter((q) => q.name === 'example.com')).toHaveLength(1);
  });

  it('does not take a diamond (two includes of one name) for a loop', async () => {
    const dns = zoneRun({
      'example.com': { TXT: ['v=spf1 include:a.example.net include:b.example.net -all'] },
      'a.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
      'b.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
      ...ALIYUN,
    });
    const x = await expandSpf('example.com', dns.run);
    expect(x.loops).toEqual([]);
    expect(x.lookupCount).toBe(4);
    // asked once even though reached twice
    expect(dns.asked.filter((q) => q.name === 'spf.qiye.aliyun.com')).toHaveLength(1);
  });

  it('counts void lookups: a name without records and a name that does not exist', async () => {
    const dns = zoneRun({
      'example.com': { TXT: ['v=spf1 a:empty.example.com mx:gone.example.com include:nothing.example.com exists:gone2.example.com -all'] },
      'empty.example.com': {},
      'nothing.example.com': { TXT: ['some other text'] },
    });
    const x = await expandSpf('example.com', dns.run);
    // a (no A/AAAA), mx (NXDOMAIN), exists (NXDOMAIN); the include has a TXT answer, so it is not void
    expect(x.voidCount).toBe(3);
    expect(x.brokenIncludes).toEqual([{ domain: 'nothing.example.com', from: 'example.com', reason: 'no-record' }]);
  });

  it('reports an include of a name that does not exist as broken and void', async () => {
    const dns = zoneRun({ 'example.com': { TXT: ['v=spf1 include:typo.example.org -all'] } });
    const x = await expandSpf('example.com', dns.run);
    expect(x.brokenIncludes).toEqual([{ domain: 'typo.example.org', from: 'example.com', reason: 'nxdomain' }]);
    expect(x.voidCount).toBe(1);
  });

  it('warns when an mx term names more than 10 hosts, and asks for at most 10 of them', async () => {
    const mx: [number, string][] = Array.from({ length: 12 }, (_, i) => [i, `mx${i}.example.com`]);
    const dns = zoneRun({ 'example.com': { TXT: ['v=spf1 mx -all'], MX: mx } });
    const x = await expandSpf('example.com', dns.run);
    expect(x.mxOverLimit).toEqual([{ domain: 'example.com', count: 12 }]);
    expect(dns.asked.filter((q) => q.type === 'A')).toHaveLength(10);
  });

  it('collects syntax errors with their offsets, at any depth', async () => {
    const dns = zoneRun({
      'example.com': { TXT: ['v=spf1 include:_spf.example.com -all'] },
      '_spf.example.com': { TXT: ['v=spf1 ip4:300.1.1.1 -all'] },
    });
    const x = await expandSpf('example.com', dns.run);
    expect(x.syntaxErrors).toEqual([
      { domain: '_spf.example.com', record: 'v=spf1 ip4:300.1.1.1 -all', errors: [{ code: 'invalid-ip4', start: 7, end: 20, term: 'ip4:300.1.1.1' }] },
    ]);
  });

  it('keeps resolver failures apart from missing records', async () => {
    const dns = zoneRun({
      'example.com': { TXT: ['v=spf1 include:down.example.net include:slow.example.net -all'] },
      'down.example.net': { rcode: 'SERVFAIL' },
      'slow.example.net': { reject: 'timeout' },
    });
    const x = await expandSpf('example.com', dns.run);
    expect(x.resolverErrors).toHaveLength(2);
    expect(x.resolverErrors).toEqual(
      expect.arrayContaining([
        { name: 'down.example.net', type: 'TXT', code: 'SERVFAIL' },
        { name: 'slow.example.net', type: 'TXT', code: 'timeout' },
      ]),
    );
    expect(x.brokenIncludes).toEqual([]);
    expect(x.voidCount).toBe(0);
  });

  it('asks independent questions at once', async () => {
    const dns = zoneRun(
      {
        'example.com': { TXT: ['v=spf1 include:a.example.net include:b.example.net a mx -all'], A: ['192.0.2.1'], MX: [[10, 'mx.example.com']] },
        'a.example.net': { TXT: ['v=spf1 -all'] },
        'b.example.net': { TXT: ['v=spf1 -all'] },
      },
      { hold: true },
    );
    const pending = expandSpf('example.com', dns.run);
    await new Promise((r) => setTimeout(r, 0));
    // the root TXT is the only question before its answer
    expect(dns.asked.map((q) => `${q.name} ${q.type}`)).toEqual(['example.com TXT']);
    dns.release();
    await new Promise((r) => setTimeout(r, 0));
    // after one answer, every term's question is out, none waiting for another
    const wave = dns.asked.filter((q) => q.at === 1).map((q) => `${q.name} ${q.type}`);
    expect(wave.sort()).toEqual(['a.example.net TXT', 'b.example.net TXT', 'example.com A', 'example.com AAAA', 'example.com MX']);
    await dns.drain(pending);
  });

  it('analyses a given record text instead of asking for it', async () => {
    const dns = zoneRun({ ...ALIYUN });
    const x = await expandSpf('example.com', dns.run, { rootRecord: 'v=spf1 include:spf.qiye.aliyun.com -all' });
    expect(x.root.record).toBe('v=spf1 include:spf.qiye.aliyun.com -all');
    expect(dns.asked.some((q) => q.name === 'example.com')).toBe(false);
  });

  it('stops at the question budget and says so', async () => {
    const zone: FakeZone = {};
    // a chain of 30 includes
    for (let i = 0; i < 30; i++) zone[`c${i}.example.com`] = { TXT: [`v=spf1 include:c${i + 1}.example.com -all`] };
    const dns = zoneRun(zone);
    const x = await expandSpf('c0.example.com', dns.run, { maxDepth: 50, maxQueries: 8 });
    expect(x.truncated).toBe(true);
    expect(dns.asked.map((q) => q.name)).toEqual(Array.from({ length: 8 }, (_, i) => `c${i}.example.com`));
    // Each include asked for counts, and so does the one it could no longer ask about.
    expect(x.lookupCount).toBe(8);
  });

  it('stops at the depth bound', async () => {
    const zone: FakeZone = {};
    for (let i = 0; i < 30; i++) zone[`c${i}.example.com`] = { TXT: [`v=spf1 include:c${i + 1}.example.com -all`] };
    const dns = zoneRun(zone);
    const x = await expandSpf('c0.example.com', dns.run, { maxDepth: 5 });
    expect(x.truncated).toBe(true);
    expect(dns.asked).toHaveLength(6);
    expect(x.lookupCount).toBe(6);
  });

  it('counts a question reached twice once against the budget', async () => {
    const dns = zoneRun({
      'example.com': { TXT: ['v=spf1 include:a.example.net include:b.example.net -all'] },
      'a.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
      'b.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
      ...ALIYUN,
    });
    const x = await expandSpf('example.com', dns.run, { maxQueries: 4 });
    expect(x.truncated).toBe(false);
    expect(x.lookupCount).toBe(4);
    expect(dns.asked).toHaveLength(4);
  });

  it('counts a macro term without asking', async () => {
    const dns = zoneRun({ 'example.com': { TXT: ['v=spf1 exists:%{i}._spf.example.com include:%{d}.example.net -all'] } });
    const x = await expandSpf('example.com', dns.run);
    expect(x.lookupCount).toBe(2);
    expect(dns.asked).toHaveLength(1);
  });
});

// Random zones: records that include, redirect and point at each other in any way
// (loops, diamonds, CNAME loops, self-includes), garbage terms and macros, names
// that SERVFAIL or time out. The expansion always ends, never throws, stays within
// its question budget and depth bound, and its counts agree with its own tree.
const NAMES = ['d0.test', 'd1.test', 'd2.test', 'd3.test', 'd4.test', 'd5.test', 'missing.test'] as const;
const target = fc.constantFrom(...NAMES);

/** One SPF term: any mechanism or modifier, pointing into the zone, plus junk. */
const term = fc.oneof(
  target.map((d) => `include:${d}`),
  target.map((d) => `redirect=${d}`),
  target.map((d) => `a:${d}`),
  target.map((d) => `mx:${d}`),
  target.map((d) => `exists:${d}`),
  fc.constantFrom('a', 'mx', 'ptr', '-all', '~all', '?all', '+all', 'ip4:192.0.2.0/24', 'ip6:2001:db8::/32'),
  fc.constantFrom('include:%{d}.test', 'exists:%{i}.%{d}', 'include:', 'redirect=', 'ip4:999.1.1.1', 'v=spf1', '<b>'),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
);

const spfText = fc
  .tuple(fc.constantFrom('v=spf1', 'v=spf1', 'v=spf1', 'v=SPF1', 'spf1', ''), fc.array(term, { maxLength: 8 }))
  .map(([v, terms]) => [v, ...terms].join(' ').trim());

const entry: fc.Arbitrary<FakeEntry> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ TXT: fc.array(spfText, { maxLength: 2 }), MX: fc.array(fc.tuple(fc.nat(20), target), { maxLength: 3 }), A: fc.constantFrom([], ['192.0.2.1']) }) },
  // A name that is an alias (possibly of itself, or in a loop).
  { weight: 1, arbitrary: target.map((t) => ({ CNAME: t })) },
  // The resolver could not answer for this name.
  { weight: 1, arbitrary: fc.constant<FakeEntry>({ rcode: 'SERVFAIL' }) },
  // The question never got an answer.
  { weight: 1, arbitrary: fc.constantFrom<FakeEntry>({ reject: 'timeout' }, { reject: 'network' }) },
);

const randomZone: fc.Arbitrary<FakeZone> = fc
  .tuple(...NAMES.slice(0, -1).map(() => entry))
  .map((entries) => Object.fromEntries(entries.map((e, i) => [NAMES[i], e])));

function walk(node: SpfNode, visit: (n: SpfNode, depth: number) => void, depth = 0): void {
  visit(node, depth);
  for (const t of node.terms) if (t.child) walk(t.child, visit, depth + 1);
}

describe('expandSpf on random zones', () => {
  it('ends without throwing, within the question budget and depth bound, with counts that match its tree', async () => {
    await fc.assert(
      fc.asyncProperty(randomZone, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }), async (z, maxDepth, maxQueries) => {
        const dns = zoneRun(z);
        const x = await expandSpf('d0.test', dns.run, { maxDepth, maxQueries });
        // Through the run, each question goes out once, and no more than the budget allows.
        const keys = dns.asked.map((q) => `${q.type} ${q.name}`);
        expect(keys).toHaveLength(new Set(keys).size);
        expect(keys.length).toBeLessThanOrEqual(maxQueries);
        let deepest = 0;
        let nodes = 0;
        walk(x.root, (_, depth) => {
          deepest = Math.max(deepest, depth);
          nodes++;
        });
        expect(deepest).toBeLessThanOrEqual(maxDepth + 1);
        // Only asked names have children (loops and truncated branches are leaves): at most 2 records × 9 terms each.
        expect(nodes).toBeLessThanOrEqual(1 + (maxQueries + 1) * 18);
        expect(x.lookupCount).toBe(x.root.lookups);
        expect(x.voidCount).toBe(x.root.voids);
        expect(x.lookupCount).toBeGreaterThanOrEqual(0);
        // Every loop found names a domain on its own path.
        for (const loop of x.loops) expect(loop.path).toContain(loop.domain);
        // A verdict can always be given.
        expect(['ok', 'warn', 'fail', 'error']).toContain(spfVerdict(x).status);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('a cancelled expansion still ends', async () => {
    await fc.assert(
      fc.asyncProperty(randomZone, async (z) => {
        const controller = new AbortController();
        const dns = fakeDns(z, { hold: true });
        const run = expandSpf('d0.test', newRun(dns.query, controller.signal), { signal: controller.signal });
        dns.release();
        controller.abort();
        await dns.drain(run.catch(() => undefined));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
