import { describe, expect, it } from 'vitest';
import { expandSpf } from '~/core/check/spf-expand';
import { fakeDns, type FakeZone } from './core-fake-dns';

const ALIYUN: FakeZone = {
  'spf.qiye.aliyun.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
};

describe('expandSpf', () => {
  it('follows a nested include and collects its ranges', async () => {
    const dns = fakeDns({
      ...ALIYUN,
      'example.com': { TXT: ['v=spf1 include:_spf.example.com -all'] },
      '_spf.example.com': { TXT: ['v=spf1 include:spf.qiye.aliyun.com ip6:2001:db8::/32 -all'] },
    });
    const x = await expandSpf('example.com', dns.query);
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
    const x = await expandSpf('example.com', fakeDns(zone).query);
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
    const dns = fakeDns(zone);
    const followed = await expandSpf('example.com', dns.query);
    expect(followed.lookupCount).toBe(2);
    expect(followed.root.terms[0]?.child?.via).toBe('redirect');
    const ignored = await expandSpf('b.example', dns.query);
    expect(ignored.lookupCount).toBe(0);
    expect(ignored.includes).toEqual([]);
  });

  it('finds a loop and stops there', async () => {
    const dns = fakeDns({
      'example.com': { TXT: ['v=spf1 include:a.example.net -all'] },
      'a.example.net': { TXT: ['v=spf1 include:b.example.net -all'] },
      'b.example.net': { TXT: ['v=spf1 include:example.com -all'] },
    });
    const x = await expandSpf('example.com', dns.query);
    expect(x.loops).toEqual([{ domain: 'example.com', path: ['example.com', 'a.example.net', 'b.example.net', 'example.com'] }]);
    expect(dns.asked.filter((q) => q.name === 'example.com')).toHaveLength(1);
  });

  it('does not take a diamond (two includes of one name) for a loop', async () => {
    const dns = fakeDns({
      'example.com': { TXT: ['v=spf1 include:a.example.net include:b.example.net -all'] },
      'a.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
      'b.example.net': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] },
      ...ALIYUN,
    });
    const x = await expandSpf('example.com', dns.query);
    expect(x.loops).toEqual([]);
    expect(x.lookupCount).toBe(4);
    // asked once even though reached twice
    expect(dns.asked.filter((q) => q.name === 'spf.qiye.aliyun.com')).toHaveLength(1);
  });

  it('counts void lookups: a name without records and a name that does not exist', async () => {
    const dns = fakeDns({
      'example.com': { TXT: ['v=spf1 a:empty.example.com mx:gone.example.com include:nothing.example.com exists:gone2.example.com -all'] },
      'empty.example.com': {},
      'nothing.example.com': { TXT: ['some other text'] },
    });
    const x = await expandSpf('example.com', dns.query);
    // a (no A/AAAA), mx (NXDOMAIN), exists (NXDOMAIN); the include has a TXT answer, so it is not void
    expect(x.voidCount).toBe(3);
    expect(x.brokenIncludes).toEqual([{ domain: 'nothing.example.com', from: 'example.com', reason: 'no-record' }]);
  });

  it('reports an include of a name that does not exist as broken and void', async () => {
    const dns = fakeDns({ 'example.com': { TXT: ['v=spf1 include:typo.example.org -all'] } });
    const x = await expandSpf('example.com', dns.query);
    expect(x.brokenIncludes).toEqual([{ domain: 'typo.example.org', from: 'example.com', reason: 'nxdomain' }]);
    expect(x.voidCount).toBe(1);
  });

  it('warns when an mx term names more than 10 hosts, and asks for at most 10 of them', async () => {
    const mx: [number, string][] = Array.from({ length: 12 }, (_, i) => [i, `mx${i}.example.com`]);
    const dns = fakeDns({ 'example.com': { TXT: ['v=spf1 mx -all'], MX: mx } });
    const x = await expandSpf('example.com', dns.query);
    expect(x.mxOverLimit).toEqual([{ domain: 'example.com', count: 12 }]);
    expect(dns.asked.filter((q) => q.type === 'A')).toHaveLength(10);
  });

  it('collects syntax errors with their offsets, at any depth', async () => {
    const dns = fakeDns({
      'example.com': { TXT: ['v=spf1 include:_spf.example.com -all'] },
      '_spf.example.com': { TXT: ['v=spf1 ip4:300.1.1.1 -all'] },
    });
    const x = await expandSpf('example.com', dns.query);
    expect(x.syntaxErrors).toEqual([
      { domain: '_spf.example.com', record: 'v=spf1 ip4:300.1.1.1 -all', errors: [{ code: 'invalid-ip4', start: 7, end: 20, term: 'ip4:300.1.1.1' }] },
    ]);
  });

  it('keeps resolver failures apart from missing records', async () => {
    const dns = fakeDns({
      'example.com': { TXT: ['v=spf1 include:down.example.net include:slow.example.net -all'] },
      'down.example.net': { rcode: 'SERVFAIL' },
      'slow.example.net': { reject: 'timeout' },
    });
    const x = await expandSpf('example.com', dns.query);
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
    const dns = fakeDns(
      {
        'example.com': { TXT: ['v=spf1 include:a.example.net include:b.example.net a mx -all'], A: ['192.0.2.1'], MX: [[10, 'mx.example.com']] },
        'a.example.net': { TXT: ['v=spf1 -all'] },
        'b.example.net': { TXT: ['v=spf1 -all'] },
      },
      { hold: true },
    );
    const pending = expandSpf('example.com', dns.query);
    await new Promise((r) => setTimeout(r, 0));
    // the root TXT is the only question before its answer
    expect(dns.asked.map((q) => `${q.name} ${q.type}`)).toEqual(['example.com TXT']);
    dns.release();
    await new Promise((r) => setTimeout(r, 0));
    // after one answer, every term's question is out, none waiting for another
    const wave = dns.asked.filter((q) => q.at === 1).map((q) => `${q.name} ${q.type}`);
    expect(wave).toEqual(expect.arrayContaining(['a.example.net TXT', 'b.example.net TXT', 'example.com A', 'example.com AAAA', 'example.com MX']));
    await dns.drain(pending);
  });

  it('analyses a given record text instead of asking for it', async () => {
    const dns = fakeDns({ ...ALIYUN });
    const x = await expandSpf('example.com', dns.query, { rootRecord: 'v=spf1 include:spf.qiye.aliyun.com -all' });
    expect(x.root.record).toBe('v=spf1 include:spf.qiye.aliyun.com -all');
    expect(dns.asked.some((q) => q.name === 'example.com')).toBe(false);
  });

  it('stops at the question budget and says so', async () => {
    const zone: FakeZone = {};
    // a chain of 30 includes
    for (let i = 0; i < 30; i++) zone[`c${i}.example.com`] = { TXT: [`v=spf1 include:c${i + 1}.example.com -all`] };
    const x = await expandSpf('c0.example.com', fakeDns(zone).query, { maxDepth: 50, maxQueries: 8 });
    expect(x.truncated).toBe(true);
    expect(x.lookupCount).toBeGreaterThan(5);
  });

  it('stops at the depth bound', async () => {
    const zone: FakeZone = {};
    for (let i = 0; i < 30; i++) zone[`c${i}.example.com`] = { TXT: [`v=spf1 include:c${i + 1}.example.com -all`] };
    const x = await expandSpf('c0.example.com', fakeDns(zone).query, { maxDepth: 5 });
    expect(x.truncated).toBe(true);
  });

  it('counts a macro term without asking', async () => {
    const dns = fakeDns({ 'example.com': { TXT: ['v=spf1 exists:%{i}._spf.example.com include:%{d}.example.net -all'] } });
    const x = await expandSpf('example.com', dns.query);
    expect(x.lookupCount).toBe(2);
    expect(dns.asked).toHaveLength(1);
  });
});
