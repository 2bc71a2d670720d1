import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDomain } from '~/core/check/index';
import { planCheck } from '~/core/check/plan';
import { newRun } from '~/core/doh/run';
import type { QueryFn } from '~/core/doh/types';
import { buildExpectedRecords, withSuggestions } from '~/core/expected';
import { getProviderOrDefault } from '~/core/providers/index';
import { RECORD_IDS, type ExpectedRecord, type RecordCheck, type RecordId } from '~/core/types';
import { fakeDns, SOA_MINIMUM, type FakeEntry, type FakeZone } from '../../support/fake-dns';
import { apex, cn, D, expectedFor, expectRow, GOOD, zoneWith, type Patch, type RowSpec } from '../../support/mail-zone';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const key = (q: { name: string; type: string }): string => `${q.name} ${q.type}`;

/** Check the whole domain on the patched zone, through a run. */
async function check(patch: Patch, expected: readonly ExpectedRecord[] = expectedFor()): Promise<Map<RecordId, RecordCheck>> {
  const dns = fakeDns(zoneWith(patch));
  const rows = await checkDomain({ domain: D, expected, provider: cn, query: newRun(dns.query) });
  return new Map(rows.map((r) => [r.id, r]));
}

describe('checkDomain on a correct domain', () => {
  it('reports every row ok, in order, without findings, with what it observed', async () => {
    const rows = await check({});
    expect([...rows.values()].map((r) => [r.id, r.status, r.findings])).toEqual(RECORD_IDS.map((id) => [id, 'ok', []]));
    expect(rows.get('mx')).toMatchObject({ observed: ['5 mx1.qiye.aliyun.com', '10 mx2.qiye.aliyun.com', '15 mx3.qiye.aliyun.com'], ttl: 600 });
    expect(rows.get('spf')?.observed).toEqual(['v=spf1 include:spf.qiye.aliyun.com -all']);
    expect(rows.get('mail')?.observed).toEqual(['CNAME qiye.aliyun.com']);
  });

  it('takes the domain in any case, with a trailing dot', async () => {
    const dns = fakeDns(GOOD);
    const rows = await checkDomain({ domain: 'Example.COM.', expected: expectedFor(), provider: cn, query: newRun(dns.query) });
    expect(rows.map((r) => r.status)).toEqual(RECORD_IDS.map(() => 'ok'));
  });
});

interface Row extends RowSpec {
  readonly note: string;
  readonly zone: FakeZone;
  readonly id: RecordId;
}

const nxZone: FakeZone = {};

/** What checkDomain decides before a row's own check: a resolver failure, a domain that does not exist. */
const rows: Row[] = [
  // --- resolver failures are errors, never "missing"
  ...(['mx', 'spf'] as const).map(
    (id): Row => ({
      note: `SERVFAIL for the domain makes the ${id} row an error`,
      zone: zoneWith({ [D]: { rcode: 'SERVFAIL' } }),
      id,
      status: 'error',
      findings: [['resolver-error', 'error']],
      params: [{ code: 'resolver-error', params: { name: D, type: id === 'mx' ? 'MX' : 'TXT', code: 'SERVFAIL' } }],
    }),
  ),
  {
    note: 'a timeout for _dmarc makes the DMARC row an error',
    zone: zoneWith({ [`_dmarc.${D}`]: { reject: 'timeout' } }),
    id: 'dmarc',
    status: 'error',
    findings: [['resolver-error', 'error']],
    params: [{ code: 'resolver-error', params: { name: `_dmarc.${D}`, type: 'TXT', code: 'timeout' } }],
  },
  {
    note: 'a network failure for the selector makes the DKIM row an error',
    zone: zoneWith({ [`default._domainkey.${D}`]: { reject: 'network' } }),
    id: 'dkim',
    status: 'error',
    findings: [['resolver-error', 'error']],
    params: [{ code: 'resolver-error', params: { name: `default._domainkey.${D}`, type: 'TXT', code: 'network' } }],
  },
  {
    note: 'REFUSED for the mail CNAME makes the mail row an error',
    zone: zoneWith({ [`mail.${D}`]: { rcode: 'REFUSED' } }),
    id: 'mail',
    status: 'error',
    findings: [['resolver-error', 'error']],
    params: [{ code: 'resolver-error', params: { name: `mail.${D}`, type: 'CNAME', code: 'REFUSED' } }],
  },
  {
    note: 'a resolver failure for a row wins over a domain that does not exist',
    zone: { [`_dmarc.${D}`]: { rcode: 'SERVFAIL' } },
    id: 'dmarc',
    status: 'error',
    findings: [['resolver-error', 'error']],
  },
  // --- the domain does not exist: every row says so, with the negative-caching time
  ...RECORD_IDS.map(
    (id): Row => ({
      note: `a domain that does not exist fails the ${id} row`,
      zone: nxZone,
      id,
      status: 'fail',
      findings: [['nxdomain', 'fail'], ['ttl', 'info']],
      params: [
        { code: 'nxdomain', params: { domain: D } },
        { code: 'ttl', params: { seconds: SOA_MINIMUM, negative: true } },
      ],
    }),
  ),
];

describe('checkDomain before a row’s own check', () => {
  it.each(rows)('$note', async ({ zone, id, ...spec }) => {
    const dns = fakeDns(zone);
    const result = await checkDomain({ domain: D, expected: expectedFor(), provider: cn, query: newRun(dns.query) });
    const row = result.find((r) => r.id === id);
    expect(row).toBeDefined();
    if (row) expectRow(row, spec);
  });

  it('keeps the other rows when one row’s check throws, and makes that row an error', async () => {
    const expected = expectedFor().map((r) => (r.kind === 'mx' ? ({ ...r, sets: undefined } as unknown as ExpectedRecord) : r));
    const rows = await checkDomain({ domain: D, expected, provider: cn, query: newRun(fakeDns(GOOD).query) });
    expect(rows.map((r) => r.status)).toEqual(['error', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expectRow(rows[0] as RecordCheck, {
      status: 'error',
      findings: [['resolver-error', 'error']],
      params: [{ code: 'resolver-error', params: { name: D, type: 'MX', code: 'network' } }],
    });
  });
});

describe('checkDomain, how the questions go out', () => {
  it('sends exactly the planned first wave before any answer arrives', async () => {
    const expected = expectedFor();
    const dns = fakeDns(GOOD, { hold: true });
    const done = checkDomain({ domain: D, expected, provider: cn, query: newRun(dns.query) });
    await tick();
    expect(dns.asked.map(key)).toEqual(planCheck(expected, D).map(key));
    expect(dns.asked).toHaveLength(16);
    await dns.drain(done);
  });

  it('asks the listed senders’ includes with the first questions, and uses that answer', async () => {
    const expected = expectedFor({ extraSpf: ['include:_spf.example.net'] });
    const dns = fakeDns(
      zoneWith({
        [D]: apex({ TXT: ['v=spf1 include:spf.qiye.aliyun.com include:_spf.example.net -all'] }),
        '_spf.example.net': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] },
      }),
      { hold: true },
    );
    const done = checkDomain({ domain: D, expected, provider: cn, query: newRun(dns.query) });
    await tick();
    expect(dns.asked.map(key)).toEqual(expect.arrayContaining([`${D} TXT`, 'spf.qiye.aliyun.com TXT', '_spf.example.net TXT']));
    const rows = await dns.drain(done);
    expect(rows.find((r) => r.id === 'spf')?.status).toBe('ok');
    // Every question of the SPF tree was in the first wave: nothing asked after the first answer.
    expect(dns.asked.filter((q) => q.name.includes('spf') && q.at > 0)).toEqual([]);
  });

  it('asks an identical question once, through the run, even when the SPF tree reaches a name twice', async () => {
    const dns = fakeDns(
      zoneWith({
        [D]: apex({ TXT: ['v=spf1 include:a.example.net include:b.example.net -all'] }),
        'a.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
        'b.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com include:a.example.net -all'] },
      }),
    );
    await checkDomain({ domain: D, expected: expectedFor(), provider: cn, query: newRun(dns.query) });
    const keys = dns.asked.map(key);
    expect(keys).toHaveLength(new Set(keys).size);
    // The first wave (16) and the two includes; the provider's include, reached three times, was in the first wave.
    expect(keys).toHaveLength(18);
  });

  it('reports each row through onUpdate as soon as it is final', async () => {
    // The SPF tree needs a second round (a nested include): the other rows must not wait for it.
    const dns = fakeDns(
      zoneWith({
        'spf.qiye.aliyun.com': { TXT: ['v=spf1 include:_nested.qiye.aliyun.com -all'] },
        '_nested.qiye.aliyun.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
      }),
      { hold: true },
    );
    const updates: RecordCheck[] = [];
    const done = checkDomain({ domain: D, expected: expectedFor(), provider: cn, query: newRun(dns.query), onUpdate: (r) => updates.push(r) });
    await tick();
    dns.release();
    await tick();
    expect(updates.map((r) => r.id).sort()).toEqual(['dkim', 'dmarc', 'imap', 'mail', 'mx', 'pop3', 'smtp']);
    const rows = await dns.drain(done);
    // Each row exactly once, the same result that is returned.
    expect(updates).toHaveLength(rows.length);
    for (const row of rows) expect(updates.filter((u) => u === row)).toHaveLength(1);
  });

  it.each([
    {
      note: 'a query function that throws',
      query: (): QueryFn => () => {
        throw Object.assign(new Error('boom'), { code: 'network' });
      },
    },
    {
      note: 'a run over a query function that throws',
      query: (): QueryFn =>
        newRun(() => {
          throw new Error('boom');
        }),
    },
    { note: 'a query function that rejects with a non-error', query: (): QueryFn => () => Promise.reject('nope' as unknown as Error) },
  ])('never rejects, with $note: every row is an error, never missing', async ({ query }) => {
    const rows = await checkDomain({ domain: D, expected: expectedFor(), provider: cn, query: query() });
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      expectRow(r, {
        status: 'error',
        findings: [['resolver-error', 'error']],
        params: [{ code: 'resolver-error', params: { name: r.name, type: r.id === 'mx' ? 'MX' : ['spf', 'dkim', 'dmarc'].includes(r.id) ? 'TXT' : 'CNAME', code: 'network' } }],
      });
    }
  });

  it('stops reporting after an abort and still resolves', async () => {
    const expected = expectedFor();
    const controller = new AbortController();
    const dns = fakeDns(GOOD, { hold: true });
    const updates: string[] = [];
    const done = checkDomain({
      domain: D,
      expected,
      provider: cn,
      query: newRun(dns.query),
      signal: controller.signal,
      onUpdate: (r) => updates.push(r.id),
    });
    controller.abort();
    const rows = await dns.drain(done);
    expect(rows).toHaveLength(expected.length);
    expect(updates).toEqual([]);
  });

  it('checks only the rows it is given, asking only their questions', async () => {
    const expected = expectedFor().filter((r) => r.id === 'mx' || r.id === 'spf');
    const dns = fakeDns(GOOD);
    const rows = await checkDomain({ domain: D, expected, provider: cn, query: newRun(dns.query) });
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['mx', 'ok'],
      ['spf', 'ok'],
    ]);
    expect(dns.asked.map(key).sort()).toEqual([
      'example.com MX',
      'example.com TXT',
      'example.com.example.com MX',
      'example.com.example.com TXT',
      'spf.qiye.aliyun.com TXT',
      'www.example.com TXT',
    ]);
  });
});

describe('checkDomain returns the SPF record to publish', () => {
  const patch: Patch = {
    [D]: apex({ TXT: ['v=spf1 include:servers.mcsv.net include:spf.mail.qq.com -all'] }),
    'servers.mcsv.net': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] },
    'spf.mail.qq.com': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  };
  const merged = 'v=spf1 include:servers.mcsv.net include:spf.qiye.aliyun.com -all';

  it('as part of the result, each row reported once: no second check is needed', async () => {
    const expected = expectedFor();
    const dns = fakeDns(zoneWith(patch));
    const updates: RecordId[] = [];
    const rows = await checkDomain({ domain: D, expected, provider: cn, query: newRun(dns.query), onUpdate: (r) => updates.push(r.id) });
    expect(updates.sort()).toEqual([...RECORD_IDS].sort());
    const spf = rows.find((r) => r.id === 'spf');
    expect(spf?.suggestion).toBe(merged);
    expectRow(spf as RecordCheck, {
      status: 'fail',
      findings: [['spf-include-missing', 'fail'], ['ttl', 'info']],
      params: [{ code: 'spf-include-missing', params: { include: 'spf.qiye.aliyun.com' } }],
    });
    // No other row carries a suggestion.
    expect(rows.filter((r) => r.suggestion !== undefined).map((r) => r.id)).toEqual(['spf']);
  });

  it('and the records with the suggestion in place check the same: the verdict does not depend on the generated text', async () => {
    const expected = expectedFor();
    const first = await checkDomain({ domain: D, expected, provider: cn, query: newRun(fakeDns(zoneWith(patch)).query) });
    const suggested = withSuggestions(expected, first);
    expect(suggested.find((r) => r.id === 'spf')?.values).toEqual([{ value: merged }]);
    const again = await checkDomain({ domain: D, expected: suggested, provider: cn, query: newRun(fakeDns(zoneWith(patch)).query) });
    expect(again).toEqual(first);
  });
});

// Random zones: records that include, redirect and point at each other in any way,
// names that SERVFAIL or time out. checkDomain always gives one final row per record.
const NAMES = ['d0.test', 'd1.test', 'd2.test', 'd3.test', 'd4.test', 'd5.test', 'missing.test'] as const;
const target = fc.constantFrom(...NAMES);
const term = fc.oneof(
  target.map((d) => `include:${d}`),
  target.map((d) => `redirect=${d}`),
  target.map((d) => `a:${d}`),
  target.map((d) => `mx:${d}`),
  fc.constantFrom('a', 'mx', 'ptr', '-all', '~all', '+all', 'ip4:192.0.2.0/24', 'include:%{d}.test', 'include:', '<b>'),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
);
const spfText = fc
  .tuple(fc.constantFrom('v=spf1', 'v=spf1', 'v=SPF1', 'spf1', ''), fc.array(term, { maxLength: 8 }))
  .map(([v, terms]) => [v, ...terms].join(' ').trim());
const entry: fc.Arbitrary<FakeEntry> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      TXT: fc.array(fc.oneof(spfText, fc.constantFrom('v=DMARC1; p=none', 'v=DKIM1; p=', 'p=reject')), { maxLength: 2 }),
      MX: fc.array(fc.tuple(fc.nat(20), target), { maxLength: 3 }),
      A: fc.constantFrom([], ['192.0.2.1']),
    }),
  },
  { weight: 1, arbitrary: target.map((t) => ({ CNAME: t })) },
  { weight: 1, arbitrary: fc.constant<FakeEntry>({ rcode: 'SERVFAIL' }) },
  { weight: 1, arbitrary: fc.constantFrom<FakeEntry>({ reject: 'timeout' }, { reject: 'network' }) },
);
const zone: fc.Arbitrary<FakeZone> = fc
  .tuple(...NAMES.slice(0, -1).map(() => entry))
  .map((entries) => Object.fromEntries(entries.map((e, i) => [NAMES[i], e])));

describe('checkDomain on random zones', () => {
  it('gives one final row per expected record, never throws, and never says missing when it could not find out', async () => {
    const provider = getProviderOrDefault(undefined);
    const expected = buildExpectedRecords({ domain: 'd0.test', provider, dmarc: { policy: 'quarantine' } });
    await fc.assert(
      fc.asyncProperty(zone, async (z) => {
        // The DMARC and DKIM names get random entries too.
        const full: FakeZone = { ...z, '_dmarc.d0.test': z['d1.test'] ?? {}, 'default._domainkey.d0.test': z['d2.test'] ?? {} };
        const dns = fakeDns(full, { apex: 'd0.test' });
        const rows = await checkDomain({ domain: 'd0.test', expected, provider, query: newRun(dns.query) });
        expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        for (const row of rows) {
          expect(['ok', 'warn', 'fail', 'error']).toContain(row.status);
          if (row.status === 'error') expect(row.findings.some((f) => f.code === 'missing')).toBe(false);
        }
        const keys = dns.asked.map(key);
        expect(keys).toHaveLength(new Set(keys).size);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
