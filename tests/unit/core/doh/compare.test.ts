import { describe, expect, it } from 'vitest';
import { answerKey, cacheSeconds, compareResponses, type Comparison } from '~/core/doh/compare';
import type { DnsRecord, DnsResponse, Rcode } from '~/core/doh/types';

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
