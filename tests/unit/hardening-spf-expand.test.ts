// expandSpf and the checks built on it against random zones: records that
// include, redirect and point at each other in any way (loops, diamonds, CNAME
// loops, self-includes), garbage terms and macros, names that SERVFAIL or time
// out. It always terminates, never throws, stays within its question budget and
// depth bound, and its counts agree with its own tree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDomain } from '~/core/check/index';
import { expandSpf, type SpfNode } from '~/core/check/spf-expand';
import { spfVerdict } from '~/core/check/spf-verdict';
import { buildExpectedRecords } from '~/core/expected';
import { getProviderOrDefault } from '~/core/providers/index';
import { fakeDns, type FakeEntry, type FakeZone } from './core-fake-dns';

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

const zone: fc.Arbitrary<FakeZone> = fc
  .tuple(...NAMES.slice(0, -1).map(() => entry))
  .map((entries) => Object.fromEntries(entries.map((e, i) => [NAMES[i], e])));

function walk(node: SpfNode, visit: (n: SpfNode, depth: number) => void, depth = 0): void {
  visit(node, depth);
  for (const t of node.terms) if (t.child) walk(t.child, visit, depth + 1);
}

describe('expandSpf on random zones', () => {
  it('terminates without throwing, within the question budget and depth bound, with counts that match its tree', async () => {
    await fc.assert(
      fc.asyncProperty(zone, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }), async (z, maxDepth, maxQueries) => {
        const dns = fakeDns(z);
        const x = await expandSpf('d0.test', dns.query, { maxDepth, maxQueries });
        const distinct = new Set(dns.asked.map((q) => `${q.type} ${q.name}`));
        expect(distinct.size).toBeLessThanOrEqual(maxQueries);
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
  });

  it('a cancelled expansion still ends', async () => {
    await fc.assert(
      fc.asyncProperty(zone, async (z) => {
        const controller = new AbortController();
        const dns = fakeDns(z, { hold: true });
        const run = expandSpf('d0.test', dns.query, { signal: controller.signal });
        dns.release();
        controller.abort();
        await dns.drain(run.catch(() => undefined));
      }),
      { numRuns: 100 },
    );
  });
});

describe('checkDomain on random zones', () => {
  it('gives one final row per expected record, never throws', async () => {
    const provider = getProviderOrDefault(undefined);
    const expected = buildExpectedRecords({ domain: 'd0.test', provider, dmarc: { policy: 'quarantine' } });
    await fc.assert(
      fc.asyncProperty(zone, async (z) => {
        // The DMARC and DKIM names get random entries too.
        const full: FakeZone = { ...z, '_dmarc.d0.test': z['d1.test'] ?? {}, 'default._domainkey.d0.test': z['d2.test'] ?? {} };
        const rows = await checkDomain({ domain: 'd0.test', expected, provider, query: fakeDns(full).query });
        expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        for (const row of rows) {
          expect(['ok', 'warn', 'fail', 'error']).toContain(row.status);
          // "could not find out" is never reported as "missing".
          if (row.status === 'error') expect(row.findings.some((f) => f.code === 'missing')).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
