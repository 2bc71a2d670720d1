import { describe, expect, it } from 'vitest';
import { DohError } from '~/core/doh/errors';
import type { DnsRecord, DnsResponse, QueryFn, Rcode, RRType } from '~/core/doh/types';
import type { SourceIp } from '~/core/reports/aggregate';
import { createPtrCache, groupSources, lookupPtrs, type PtrResult } from '~/core/reports/sources';

type Behaviour = { ptr?: string[]; a?: string[]; rcode?: Rcode; fail?: 'timeout' | 'network' };

/** A fake resolver by name; counts questions and the most in flight at once. */
function resolver(zone: Record<string, Behaviour>) {
  const asked: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const query: QueryFn = async (name: string, type: RRType) => {
    asked.push(`${type} ${name}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 1));
    inFlight--;
    const b = zone[name];
    if (b?.fail) throw new DohError(b.fail, b.fail);
    const answers: DnsRecord[] = [];
    if (type === 'PTR') for (const p of b?.ptr ?? []) answers.push({ name, type: 'PTR', ttl: 60, data: p });
    if (type === 'A' || type === 'AAAA') for (const a of b?.a ?? []) answers.push({ name, type, ttl: 60, data: a });
    const rcode: Rcode = b?.rcode ?? (b ? 'NOERROR' : 'NXDOMAIN');
    const res: DnsResponse = { name, type, rcode, ad: false, tc: false, answers, authority: [], resolverId: 'fake', elapsedMs: 1 };
    return res;
  };
  return { query, asked, maxInFlight: () => maxInFlight };
}

const ZONE: Record<string, Behaviour> = {
  '10.2.0.192.in-addr.arpa': { ptr: ['out30-10.mail.aliyun.com.'] },
  '20.100.51.198.in-addr.arpa': { ptr: ['o1.ptr1234.example.com'] },
  '30.113.0.203.in-addr.arpa': { rcode: 'NOERROR' },
  '40.113.0.203.in-addr.arpa': { ptr: ['dyn-40.Example-ISP.net'] },
  '41.113.0.203.in-addr.arpa': { ptr: ['dyn-41.example-isp.net'] },
  '50.113.0.203.in-addr.arpa': { rcode: 'SERVFAIL' },
  '60.113.0.203.in-addr.arpa': { fail: 'timeout' },
  '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa': { ptr: ['mail-yw1-f182.google.com'] },
  '66.113.0.203.in-addr.arpa': { ptr: ['out30-1.mail.aliyun.com', 'host66.example.net'] },
  '67.113.0.203.in-addr.arpa': { ptr: ['out30-2.mail.aliyun.com'] },
  '68.113.0.203.in-addr.arpa': { ptr: ['broken-forward.example.net'] },
  'out30-10.mail.aliyun.com': { a: ['192.0.2.10'] },
  'out30-1.mail.aliyun.com': { a: ['192.0.2.1'] },
  'host66.example.net': { a: ['203.0.113.66'] },
  'broken-forward.example.net': { rcode: 'SERVFAIL' },
  'dyn-40.example-isp.net': { a: ['198.51.100.99'] },
  'mail-yw1-f182.google.com': { a: ['192.0.2.77'] },
};

/** ZONE with every name leading back to its IP (forward-confirmed reverse DNS), for grouping. */
const CONFIRMED_ZONE: Record<string, Behaviour> = {
  ...ZONE,
  'o1.ptr1234.example.com': { a: ['198.51.100.20'] },
  'dyn-40.example-isp.net': { a: ['203.0.113.40'] },
  'dyn-41.example-isp.net': { a: ['203.0.113.41'] },
};

describe('lookupPtrs', () => {
  const rows: [string, string, PtrResult][] = [
    ['a PTR name, lower-cased without the trailing dot', '192.0.2.10', { status: 'found', names: ['out30-10.mail.aliyun.com'], confirmed: null }],
    ['an IPv6 PTR name', '2001:db8::25', { status: 'found', names: ['mail-yw1-f182.google.com'], confirmed: null }],
    ['NXDOMAIN as no PTR', '203.0.113.31', { status: 'none', rcode: 'NXDOMAIN' }],
    ['NOERROR without a PTR as no PTR', '203.0.113.30', { status: 'none', rcode: 'NOERROR' }],
    ['SERVFAIL as an error, never as no PTR', '203.0.113.50', { status: 'error', code: 'SERVFAIL' }],
    ['a transport failure as an error, never as no PTR', '203.0.113.60', { status: 'error', code: 'timeout' }],
    ['text that is not an IP as invalid', 'not-an-ip', { status: 'invalid' }],
  ];
  it.each(rows)('gives %s', async (_name, ip, expected) => {
    const { query } = resolver(ZONE);
    expect((await lookupPtrs([ip], { query })).get(ip)).toEqual(expected);
  });

  const confirmRows: [string, string, PtrResult][] = [
    ['a name whose A record is the IP is confirmed', '192.0.2.10', { status: 'found', names: ['out30-10.mail.aliyun.com'], confirmed: true }],
    ['a name whose A record is another IP is not confirmed', '203.0.113.40', { status: 'found', names: ['dyn-40.example-isp.net'], confirmed: false }],
    ['a name without an address (NXDOMAIN) is not confirmed', '203.0.113.41', { status: 'found', names: ['dyn-41.example-isp.net'], confirmed: false }],
    ['a name claiming a known sender that leads elsewhere is not confirmed', '203.0.113.67', { status: 'found', names: ['out30-2.mail.aliyun.com'], confirmed: false }],
    [
      'the second name is tried when the first does not lead back, and the confirmed name comes first',
      '203.0.113.66',
      { status: 'found', names: ['host66.example.net', 'out30-1.mail.aliyun.com'], confirmed: true },
    ],
    ['a forward lookup that fails leaves it unknown (null), never "not confirmed"', '203.0.113.68', { status: 'found', names: ['broken-forward.example.net'], confirmed: null }],
  ];
  it.each(confirmRows)('forward-confirms when asked: %s', async (_name, ip, expected) => {
    const { query } = resolver(ZONE);
    expect((await lookupPtrs([ip], { query, forwardConfirm: true })).get(ip)).toEqual(expected);
  });

  it('asks the forward question with the address family of the IP', async () => {
    const dns = resolver(ZONE);
    await lookupPtrs(['2001:db8::25', '192.0.2.10'], { query: dns.query, forwardConfirm: true, concurrency: 1 });
    expect(dns.asked).toEqual([
      'PTR 5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
      'AAAA mail-yw1-f182.google.com',
      'PTR 10.2.0.192.in-addr.arpa',
      'A out30-10.mail.aliyun.com',
    ]);
  });

  it('keeps confirmed answers in the cache but asks again when the forward lookup failed', async () => {
    const cache = createPtrCache();
    await lookupPtrs(['192.0.2.10', '203.0.113.68'], { query: resolver(ZONE).query, cache, forwardConfirm: true });
    const second = resolver(ZONE);
    await lookupPtrs(['192.0.2.10', '203.0.113.68'], { query: second.query, cache, forwardConfirm: true });
    expect(second.asked).toEqual(['PTR 68.113.0.203.in-addr.arpa', 'A broken-forward.example.net']);
  });

  it('asks at most `concurrency` questions at once', async () => {
    const dns = resolver({});
    const ips = Array.from({ length: 30 }, (_, i) => `198.51.100.${i}`);
    const out = await lookupPtrs(ips, { query: dns.query, concurrency: 4 });
    expect([out.size, dns.asked.length, dns.maxInFlight()]).toEqual([30, 30, 4]);
  });

  it('looks up at most maxIps addresses, the first ones given, and skips the rest', async () => {
    const dns = resolver({});
    const out = await lookupPtrs(['198.51.100.1', '198.51.100.2', '198.51.100.3'], { query: dns.query, maxIps: 2 });
    expect([...out.entries()].map(([ip, r]) => `${ip} ${r.status}`).sort()).toEqual(['198.51.100.1 none', '198.51.100.2 none', '198.51.100.3 skipped']);
  });

  it('asks each distinct IP once', async () => {
    const dns = resolver({});
    await lookupPtrs(['198.51.100.1', '198.51.100.1'], { query: dns.query });
    expect(dns.asked).toEqual(['PTR 1.100.51.198.in-addr.arpa']);
  });

  it('keeps answers in the cache, but asks again after a failure', async () => {
    const cache = createPtrCache();
    const first = resolver(ZONE);
    await lookupPtrs(['192.0.2.10', '203.0.113.60'], { query: first.query, cache });
    const second = resolver(ZONE);
    await lookupPtrs(['192.0.2.10', '203.0.113.60'], { query: second.query, cache });
    expect(second.asked).toEqual(['PTR 60.113.0.203.in-addr.arpa']);
  });

  it('reports each answer as it arrives', async () => {
    const seen: string[] = [];
    await lookupPtrs(['192.0.2.10', '203.0.113.30'], { query: resolver(ZONE).query, onResult: (ip, r) => seen.push(`${ip} ${r.status}`) });
    expect(seen.sort()).toEqual(['192.0.2.10 found', '203.0.113.30 none']);
  });

  it('stops asking after an abort and marks the rest aborted', async () => {
    const controller = new AbortController();
    const dns = resolver({});
    const ips = Array.from({ length: 10 }, (_, i) => `198.51.100.${i}`);
    const out = await lookupPtrs(ips, { query: dns.query, signal: controller.signal, concurrency: 1, onResult: () => controller.abort() });
    expect(dns.asked.length).toBe(1);
    expect([...out.values()].filter((r) => r.status === 'error' && r.code === 'aborted').length).toBe(9);
  });
});

function source(ip: string, messages: number, pass: number): SourceIp {
  return {
    ip,
    messages,
    pass,
    fail: messages - pass,
    dkimAligned: pass,
    spfAligned: pass,
    bothAligned: pass,
    dispositions: { none: messages, quarantine: 0, reject: 0 },
    reporters: [],
    headerFrom: [],
    envelopeFrom: [],
    dkimResults: [],
    spfResults: [],
    reasons: [],
    otherMessages: 0,
  };
}

describe('groupSources', () => {
  it('groups IPs by the sender or organisation behind them, most messages first', async () => {
    const sources = [
      source('192.0.2.10', 90, 90),
      source('203.0.113.30', 16, 0),
      source('198.51.100.20', 7, 0),
      source('203.0.113.40', 2, 0),
      source('203.0.113.41', 1, 0),
      source('203.0.113.50', 1, 0),
      source('192.0.2.99', 1, 1),
    ];
    const ptrs = await lookupPtrs(
      sources.map((s) => s.ip).filter((ip) => ip !== '192.0.2.99'),
      { query: resolver(CONFIRMED_ZONE).query, forwardConfirm: true },
    );
    const groups = groupSources(sources, ptrs);
    expect(groups.map((g) => [g.key, g.kind, g.domain, g.messages, g.pass, g.members.map((m) => m.source.ip).join(' ')])).toEqual([
      ['sender:alibaba-mail', 'sender', 'aliyun.com', 90, 90, '192.0.2.10'],
      ['ip:203.0.113.30', 'ip', '', 16, 0, '203.0.113.30'],
      ['sender:sendgrid', 'sender', 'example.com', 7, 0, '198.51.100.20'],
      ['domain:example-isp.net', 'domain', 'example-isp.net', 3, 0, '203.0.113.40 203.0.113.41'],
      ['ip:192.0.2.99', 'ip', '', 1, 1, '192.0.2.99'],
      ['ip:203.0.113.50', 'ip', '', 1, 0, '203.0.113.50'],
    ]);
    expect(groups[0]?.sender?.name.en).toBe('Alibaba Mail');
    expect(groups.find((g) => g.key === 'ip:192.0.2.99')?.members[0]?.ptr).toBeNull();
  });

  const found = (names: string[], confirmed: boolean | null): PtrResult => ({ status: 'found', names, confirmed });
  const rows: [string, PtrResult, string, string | null][] = [
    ['a confirmed name of a known sender joins that sender', found(['out30-1.mail.aliyun.com'], true), 'sender:alibaba-mail', 'alibaba-mail'],
    ['a known sender’s name that does not lead back stays a single IP', found(['out30-1.mail.aliyun.com'], false), 'ip:203.0.113.66', null],
    ['a known sender’s name that could not be checked stays a single IP', found(['out30-1.mail.aliyun.com'], null), 'ip:203.0.113.66', null],
    ['an unconfirmed unknown name is not grouped by its domain', found(['host.example-isp.net'], false), 'ip:203.0.113.66', null],
    ['a confirmed unknown name is grouped by its domain', found(['host.example-isp.net'], true), 'domain:example-isp.net', null],
  ];
  it.each(rows)('%s', (_name, ptr, key, sender) => {
    const [g] = groupSources([source('203.0.113.66', 3, 0)], new Map([['203.0.113.66', ptr]]));
    expect([g?.key, g?.sender?.id ?? null, g?.members[0]?.ptr]).toEqual([key, sender, ptr]);
  });
});

describe('groupSources without a usable PTR name', () => {
  type Auth = { dkim?: [string, string][]; spf?: [string, string][] };
  const withAuth = (ip: string, messages: number, auth: Auth): SourceIp => ({
    ...source(ip, messages, 0),
    dkimResults: (auth.dkim ?? []).map(([domain, result]) => ({ key: { domain, selector: 's1', result }, messages, dmarcFail: messages })),
    spfResults: (auth.spf ?? []).map(([domain, result]) => ({ key: { domain, scope: 'mfrom', result }, messages, dmarcFail: messages })),
  });
  const NONE: PtrResult = { status: 'none', rcode: 'NXDOMAIN' };
  const rows: [string, SourceIp, PtrResult | undefined, string, { via: string; name: string } | null][] = [
    ['a passing DKIM signature of a platform’s own domain names the platform', withAuth('198.51.100.7', 4, { dkim: [['sendgrid.net', 'pass']] }), NONE, 'sender:sendgrid', { via: 'dkim', name: 'sendgrid.net' }],
    [
      'a passing SPF result for a platform’s envelope domain names the platform',
      withAuth('198.51.100.7', 4, { dkim: [['sendgrid.net', 'fail']], spf: [['em1234.sendgrid.net', 'pass']] }),
      NONE,
      'sender:sendgrid',
      { via: 'spf', name: 'em1234.sendgrid.net' },
    ],
    ['a failing DKIM signature of a platform’s domain names nobody', withAuth('198.51.100.7', 4, { dkim: [['sendgrid.net', 'fail']] }), NONE, 'ip:198.51.100.7', null],
    ['a passing signature of a mailbox service’s domain names nobody', withAuth('198.51.100.7', 4, { dkim: [['gmail.com', 'pass']] }), NONE, 'ip:198.51.100.7', null],
    [
      'a platform’s domain names the IP even when its PTR name does not lead back',
      withAuth('198.51.100.7', 4, { dkim: [['amazonses.com', 'pass']] }),
      { status: 'found', names: ['out30-1.mail.aliyun.com'], confirmed: false },
      'sender:amazon-ses',
      { via: 'dkim', name: 'amazonses.com' },
    ],
    [
      'a confirmed PTR name of a known sender comes first',
      withAuth('198.51.100.7', 4, { dkim: [['sendgrid.net', 'pass']] }),
      { status: 'found', names: ['mail-wr1-f54.google.com'], confirmed: true },
      'sender:google',
      { via: 'ptr', name: 'mail-wr1-f54.google.com' },
    ],
    [
      'a platform’s domain comes before grouping by an unknown PTR domain',
      withAuth('198.51.100.7', 4, { spf: [['bounce.mcdlv.net', 'pass']] }),
      { status: 'found', names: ['host7.example-hosting.net'], confirmed: true },
      'sender:mailchimp',
      { via: 'spf', name: 'bounce.mcdlv.net' },
    ],
    ['not looked up yet, a platform’s signature already names it', withAuth('198.51.100.7', 4, { dkim: [['mailchimpapp.net', 'pass']] }), undefined, 'sender:mailchimp', { via: 'dkim', name: 'mailchimpapp.net' }],
  ];
  it.each(rows)('%s', (_name, src, ptr, key, recognisedBy) => {
    const [g] = groupSources([src], new Map(ptr ? [[src.ip, ptr]] : []));
    expect([g?.key, g?.members[0]?.recognisedBy ?? null]).toEqual([key, recognisedBy]);
  });
});
