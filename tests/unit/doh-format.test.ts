import { describe, expect, it } from 'vitest';
import { answerKey, cacheSeconds, compareResponses, type Comparison } from '~/core/doh/compare';
import { formatRecord, formatResponse, quoteString } from '~/core/doh/format';
import { formatIPv6, parseIPv6, reverseName } from '~/core/doh/ip';
import { toPtrName, toQueryName, type QueryNameResult } from '~/core/doh/names';
import type { DnsRecord, DnsResponse, Rcode } from '~/core/doh/types';

describe('formatRecord: dig-like answer lines', () => {
  interface Row {
    what: string;
    record: DnsRecord;
    line: string;
  }
  const rows: Row[] = [
    {
      what: 'an A record',
      record: { name: 'example.com', type: 'A', ttl: 600, data: '192.0.2.1' },
      line: 'example.com.\t600\tIN\tA\t192.0.2.1',
    },
    // Host names in RDATA get their trailing dot back.
    {
      what: 'an MX record',
      record: { name: 'example.com', type: 'MX', ttl: 600, data: { preference: 5, exchange: 'mx1.qiye.aliyun.com' } },
      line: 'example.com.\t600\tIN\tMX\t5 mx1.qiye.aliyun.com.',
    },
    // The null MX points at the root, printed as a lone dot.
    {
      what: 'a null MX',
      record: { name: 'example.com', type: 'MX', ttl: 1, data: { preference: 0, exchange: '.' } },
      line: 'example.com.\t1\tIN\tMX\t0 .',
    },
    // Each TXT character-string quoted separately.
    {
      what: 'a TXT record with two strings',
      record: { name: 'example.com', type: 'TXT', ttl: 1, data: ['v=spf1 ', 'include:spf.qiye.aliyun.com -all'] },
      line: 'example.com.\t1\tIN\tTXT\t"v=spf1 " "include:spf.qiye.aliyun.com -all"',
    },
    {
      what: 'a CNAME',
      record: { name: 'mail.example.com', type: 'CNAME', ttl: 600, data: 'qiye.aliyun.com' },
      line: 'mail.example.com.\t600\tIN\tCNAME\tqiye.aliyun.com.',
    },
    {
      what: 'an SOA',
      record: {
        name: 'example.com',
        type: 'SOA',
        ttl: 600,
        data: {
          mname: 'dns1.alidns.com',
          rname: 'hostmaster.alidns.com',
          serial: 7,
          refresh: 3600,
          retry: 1200,
          expire: 86400,
          minimum: 600,
        },
      },
      line: 'example.com.\t600\tIN\tSOA\tdns1.alidns.com. hostmaster.alidns.com. 7 3600 1200 86400 600',
    },
    {
      what: 'a CAA',
      record: { name: 'example.com', type: 'CAA', ttl: 60, data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
      line: 'example.com.\t60\tIN\tCAA\t0 issue "letsencrypt.org"',
    },
    {
      what: 'an SRV',
      record: {
        name: '_imaps._tcp.example.com',
        type: 'SRV',
        ttl: 60,
        data: { priority: 0, weight: 1, port: 993, target: 'imap.qiye.aliyun.com' },
      },
      line: '_imaps._tcp.example.com.\t60\tIN\tSRV\t0 1 993 imap.qiye.aliyun.com.',
    },
    {
      what: 'a DS',
      record: {
        name: 'example.com',
        type: 'DS',
        ttl: 60,
        data: { keyTag: 2371, algorithm: 13, digestType: 2, digest: 'ABCD' },
      },
      line: 'example.com.\t60\tIN\tDS\t2371 13 2 ABCD',
    },
    // Types the site does not decode use the RFC 3597 generic form.
    {
      what: 'an unknown type',
      record: { name: 'example.com', type: 'TYPE99', ttl: 5, data: '0A0B' },
      line: 'example.com.\t5\tIN\tTYPE99\t\\# 2 0A0B',
    },
  ];
  it.each(rows)('prints $what', ({ record, line }) => {
    expect(formatRecord(record)).toBe(line);
  });
});

describe('quoteString', () => {
  // Row: [what, input, output].
  it.each([
    ['plain text', 'v=DMARC1; p=none', '"v=DMARC1; p=none"'],
    ['a double quote', 'say "hi"', '"say \\"hi\\""'],
    ['a backslash', 'a\\b', '"a\\\\b"'],
    ['control characters as \\DDD', 'a\nb\u0000', '"a\\010b\\000"'],
    ['readable Unicode as is', '验证', '"验证"'],
    ['markup as plain text', '<script>', '"<script>"'],
  ])('escapes %s', (_what, input, output) => {
    expect(quoteString(input)).toBe(output);
  });
});

describe('formatResponse', () => {
  it('gives status, flags, sections, server and time as text', () => {
    const response: DnsResponse = {
      name: 'nope.example.com',
      type: 'A',
      rcode: 'NXDOMAIN',
      ad: true,
      tc: false,
      answers: [],
      resolverId: 'google',
      elapsedMs: 42,
      authority: [
        {
          name: 'example.com',
          type: 'SOA',
          ttl: 300,
          data: { mname: 'a.example', rname: 'b.example', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 },
        },
      ],
    };
    expect(formatResponse(response, { resolver: 'Google Public DNS' }).split('\n')).toEqual([
      ';; nope.example.com. A',
      ';; status: NXDOMAIN, flags: ad',
      '',
      ';; ANSWER SECTION:',
      '',
      ';; AUTHORITY SECTION:',
      'example.com.\t300\tIN\tSOA\ta.example. b.example. 1 2 3 4 5',
      '',
      ';; SERVER: Google Public DNS',
      ';; Query time: 42 msec',
    ]);
  });
});

describe('reverseName and IPv6 text', () => {
  // Row: [what, ip, reverse name or undefined].
  it.each([
    ['an IPv4 address', '192.0.2.1', '1.2.0.192.in-addr.arpa'],
    ['an IPv4 address with spaces', ' 203.0.113.7 ', '7.113.0.203.in-addr.arpa'],
    [
      'a compressed IPv6 address',
      '2001:db8::1',
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    ],
    [
      'an IPv6 address with an IPv4 tail',
      '::ffff:192.0.2.1',
      '1.0.2.0.0.0.0.c.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa',
    ],
    [
      'an IPv6 address in brackets',
      '[2001:db8::1]',
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    ],
    ['an octet over 255 (not an IP)', '256.1.1.1', undefined],
    ['a host name (not an IP)', 'mail.example.com', undefined],
    ['two "::" (not an IP)', '1::2::3', undefined],
    ['nine IPv6 groups (not an IP)', '1:2:3:4:5:6:7:8:9', undefined],
  ])('handles %s', (_what, ip, expected) => {
    expect(reverseName(ip)).toBe(expected);
  });

  // Row: [input, RFC 5952 text].
  it.each([
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // the first of two equal zero runs
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group stays
    ['::', '::'],
    ['::1', '::1'],
  ])('prints %s as %s', (input, output) => {
    expect(formatIPv6(parseIPv6(input)!)).toBe(output);
  });
});

describe('toQueryName', () => {
  interface Row {
    what: string;
    input: string;
    expected: QueryNameResult;
  }
  const rows: Row[] = [
    {
      what: 'lower-cases and drops the trailing dot',
      input: ' Example.COM. ',
      expected: { ok: true, name: 'example.com' },
    },
    {
      what: 'keeps underscores for _dmarc and _domainkey',
      input: '_dmarc.example.com',
      expected: { ok: true, name: '_dmarc.example.com' },
    },
    {
      what: 'turns a Unicode domain into punycode',
      input: '例子.中国',
      expected: { ok: true, name: 'xn--fsqu00a.xn--fiqs8s' },
    },
    {
      what: 'takes the domain of a pasted URL',
      input: 'https://Mail.Example.com/path?q=1',
      expected: { ok: true, name: 'mail.example.com' },
    },
    {
      what: 'takes the domain of a pasted e-mail address',
      input: 'admin@example.com',
      expected: { ok: true, name: 'example.com' },
    },
    { what: 'accepts the root', input: '.', expected: { ok: true, name: '.' } },
    { what: 'refuses an empty value', input: '   ', expected: { ok: false, code: 'empty' } },
    { what: 'refuses spaces inside', input: 'exa mple.com', expected: { ok: false, code: 'invalid-name' } },
    { what: 'refuses an empty label', input: 'example..com', expected: { ok: false, code: 'invalid-name' } },
    {
      what: 'refuses a label over 63 characters',
      input: `${'a'.repeat(64)}.com`,
      expected: { ok: false, code: 'invalid-name' },
    },
    { what: 'refuses markup', input: '<b>.com', expected: { ok: false, code: 'invalid-name' } },
  ];
  it.each(rows)('$what', ({ input, expected }) => {
    expect(toQueryName(input)).toEqual(expected);
  });

  it('turns an IP address into its reverse name for PTR', () => {
    expect(toPtrName('192.0.2.1')).toEqual({ ok: true, name: '1.2.0.192.in-addr.arpa', fromIp: true });
    expect(toPtrName('1.2.0.192.in-addr.arpa')).toEqual({ ok: true, name: '1.2.0.192.in-addr.arpa' });
  });
});

const res = (id: string, answers: DnsRecord[], rcode: Rcode = 'NOERROR', authority: DnsRecord[] = []): DnsResponse => ({
  name: 'example.com',
  type: 'MX',
  rcode,
  ad: false,
  tc: false,
  answers,
  authority,
  resolverId: id,
  elapsedMs: 1,
});
const mx = (exchange: string, preference = 10, ttl = 600): DnsRecord => ({
  name: 'example.com',
  type: 'MX',
  ttl,
  data: { preference, exchange },
});
const soa = (ttl: number, minimum: number): DnsRecord => ({
  name: 'example.com',
  type: 'SOA',
  ttl,
  data: { mname: 'a', rname: 'b', serial: 1, refresh: 1, retry: 1, expire: 1, minimum },
});

describe('answerKey: answers compared by meaning', () => {
  // Row: [what, first, second, same?].
  it.each([
    [
      'record order does not matter',
      res('a', [mx('mx1.x', 5), mx('mx2.x', 10)]),
      res('b', [mx('mx2.x', 10), mx('mx1.x', 5)]),
      true,
    ],
    ['TTL does not matter', res('a', [mx('mx1.x', 5, 600)]), res('b', [mx('mx1.x', 5, 17)]), true],
    [
      'name case does not matter',
      res('a', [{ name: 'example.com', type: 'CNAME', ttl: 1, data: 'QIYE.aliyun.com' }]),
      res('b', [{ name: 'example.com', type: 'CNAME', ttl: 1, data: 'qiye.aliyun.com' }]),
      true,
    ],
    [
      'TXT strings are joined',
      res('a', [{ name: 'e', type: 'TXT', ttl: 1, data: ['v=spf1 ', '-all'] }]),
      res('b', [{ name: 'e', type: 'TXT', ttl: 1, data: ['v=spf1 -all'] }]),
      true,
    ],
    ['a different priority differs', res('a', [mx('mx1.x', 5)]), res('b', [mx('mx1.x', 10)]), false],
    [
      'TXT text case differs (a DKIM key is case-sensitive)',
      res('a', [{ name: 'e', type: 'TXT', ttl: 1, data: ['p=AbC'] }]),
      res('b', [{ name: 'e', type: 'TXT', ttl: 1, data: ['p=abc'] }]),
      false,
    ],
    ['NXDOMAIN differs from an empty NOERROR', res('a', [], 'NXDOMAIN'), res('b', []), false],
  ])('%s', (_what, a, b, same) => {
    expect(answerKey(a) === answerKey(b)).toBe(same);
  });
});

describe('cacheSeconds', () => {
  it('is the largest TTL of the answer', () => {
    expect(cacheSeconds(res('a', [mx('a', 1, 300), mx('b', 2, 600)]))).toBe(600);
  });
  it('is the negative-caching time from the SOA for an empty answer (RFC 2308)', () => {
    expect(cacheSeconds(res('a', [], 'NXDOMAIN', [soa(900, 300)]))).toBe(300);
    expect(cacheSeconds(res('a', [], 'NXDOMAIN', [soa(60, 300)]))).toBe(60);
  });
  it('is unknown for an empty answer without SOA', () => {
    expect(cacheSeconds(res('a', []))).toBeUndefined();
  });
});

describe('compareResponses', () => {
  const right = (id: string) => res(id, [mx('mx1.qiye.aliyun.com', 5), mx('mx2.qiye.aliyun.com', 10)]);
  const stale = (id: string, ttl: number) => res(id, [mx('mxbiz1.qq.com', 5, ttl)]);

  interface Row {
    what: string;
    outcomes: { id: string; response?: DnsResponse }[];
    expected: Partial<Pick<Comparison, 'verdict' | 'staleWithinSeconds' | 'status'>>;
    majority?: string[] | undefined;
  }
  const rows: Row[] = [
    // Four resolvers, one answer.
    {
      what: 'agrees when every answer means the same',
      outcomes: ['alidns', 'dnspod', 'google', 'cloudflare'].map((id) => ({ id, response: right(id) })),
      expected: { verdict: 'agree', status: { alidns: 'ok', dnspod: 'ok', google: 'ok', cloudflare: 'ok' } },
      majority: ['alidns', 'dnspod', 'google', 'cloudflare'],
    },
    // Three new, one old with 420 s left: the old one expires within 420 s.
    {
      what: 'names the odd one out and when its cached answer expires',
      outcomes: [
        { id: 'alidns', response: right('alidns') },
        { id: 'dnspod', response: stale('dnspod', 420) },
        { id: 'google', response: right('google') },
        { id: 'cloudflare', response: right('cloudflare') },
      ],
      expected: {
        verdict: 'differ',
        staleWithinSeconds: 420,
        status: { alidns: 'ok', dnspod: 'differs', google: 'ok', cloudflare: 'ok' },
      },
      majority: ['alidns', 'google', 'cloudflare'],
    },
    // Two against two: no majority, all marked as differing.
    {
      what: 'has no majority in a two-two split',
      outcomes: [
        { id: 'alidns', response: right('alidns') },
        { id: 'dnspod', response: right('dnspod') },
        { id: 'google', response: stale('google', 60) },
        { id: 'cloudflare', response: stale('cloudflare', 90) },
      ],
      expected: {
        verdict: 'differ',
        staleWithinSeconds: undefined,
        status: { alidns: 'differs', dnspod: 'differs', google: 'differs', cloudflare: 'differs' },
      },
      majority: undefined,
    },
    // Unreachable resolvers are errors, not disagreement.
    {
      what: 'leaves unreachable resolvers out of the comparison',
      outcomes: [
        { id: 'alidns', response: right('alidns') },
        { id: 'dnspod', response: right('dnspod') },
        { id: 'google' },
        { id: 'cloudflare' },
      ],
      expected: { verdict: 'agree', status: { alidns: 'ok', dnspod: 'ok', google: 'error', cloudflare: 'error' } },
      majority: ['alidns', 'dnspod'],
    },
    // SERVFAIL says nothing about the name.
    {
      what: 'counts SERVFAIL as no answer',
      outcomes: [
        { id: 'alidns', response: res('alidns', [], 'SERVFAIL') },
        { id: 'google', response: right('google') },
      ],
      expected: { verdict: 'single', status: { alidns: 'error', google: 'ok' } },
      majority: ['google'],
    },
    // Nothing reachable.
    {
      what: 'has no verdict when no resolver answered',
      outcomes: [{ id: 'alidns' }, { id: 'google' }],
      expected: { verdict: 'none', status: { alidns: 'error', google: 'error' } },
      majority: undefined,
    },
  ];
  it.each(rows)('$what', ({ outcomes, expected, majority }) => {
    const c = compareResponses(outcomes);
    expect(c).toMatchObject(expected);
    expect(c.majority?.ids).toEqual(majority);
  });
});
