import { describe, expect, it } from 'vitest';
import { askOutcome, errorCode, minTtl, negativeTtl, recordsOf, toOutcome, txtsOf } from '~/core/check/answers';
import { DohError } from '~/core/doh/errors';
import type { DnsResponse, QueryFn } from '~/core/doh/types';
import { fakeDns, SOA_MINIMUM } from '../../support/fake-dns';

const response = (over: Partial<DnsResponse>): DnsResponse => ({
  name: 'example.com',
  type: 'TXT',
  rcode: 'NOERROR',
  ad: false,
  tc: false,
  answers: [],
  authority: [],
  resolverId: 'test',
  elapsedMs: 1,
  ...over,
});

describe('toOutcome', () => {
  it.each([
    { rcode: 'NOERROR', ok: true },
    { rcode: 'NXDOMAIN', ok: true },
    { rcode: 'SERVFAIL', ok: false },
    { rcode: 'REFUSED', ok: false },
  ] as const)('takes $rcode as an answer: $ok', ({ rcode, ok }) => {
    const resp = response({ rcode });
    expect(toOutcome(resp)).toEqual(ok ? { ok: true, resp } : { ok: false, code: rcode });
  });
});

describe('errorCode', () => {
  it.each([
    { e: new DohError('timeout', 'slow'), code: 'timeout', note: 'a DohError gives its code' },
    { e: Object.assign(new Error('x'), { code: 'aborted' }), code: 'aborted', note: 'anything with a string code gives it' },
    { e: new Error('x'), code: 'network', note: 'an error without a code is a network failure' },
    { e: { code: 42 }, code: 'network', note: 'a code that is not a string is ignored' },
    { e: 'nope', code: 'network', note: 'a thrown string is a network failure' },
    { e: null, code: 'network', note: 'null is a network failure' },
  ])('$note', ({ e, code }) => {
    expect(errorCode(e)).toBe(code);
  });
});

describe('askOutcome', () => {
  it.each([
    { note: 'an answer', query: fakeDns({ 'example.com': { TXT: ['x'] } }).query, want: { ok: true } },
    { note: 'SERVFAIL', query: fakeDns({ 'example.com': { rcode: 'SERVFAIL' } }).query, want: { ok: false, code: 'SERVFAIL' } },
    { note: 'a rejected question', query: fakeDns({ 'example.com': { reject: 'timeout' } }).query, want: { ok: false, code: 'timeout' } },
    {
      note: 'a query function that throws',
      query: ((): never => {
        throw new DohError('network', 'down');
      }) as QueryFn,
      want: { ok: false, code: 'network' },
    },
  ])('never rejects: $note', async ({ query, want }) => {
    expect(await askOutcome(query, 'example.com', 'TXT')).toMatchObject(want);
  });
});

describe('reading answers', () => {
  const txt = response({
    answers: [
      { name: 'example.com', type: 'TXT', ttl: 600, data: ['v=spf1 ', '-all'] },
      { name: 'example.com', type: 'CNAME', ttl: 60, data: 'x.example.net' },
      { name: 'example.com', type: 'TXT', ttl: 300, data: ['other'] },
    ],
  });

  it('picks the records of one type', () => {
    expect(recordsOf(txt, 'CNAME').map((r) => r.data)).toEqual(['x.example.net']);
  });

  it('joins each TXT record’s strings, with its TTL', () => {
    expect(txtsOf(txt)).toEqual([
      { text: 'v=spf1 -all', ttl: 600 },
      { text: 'other', ttl: 300 },
    ]);
  });

  it.each([
    { records: [{ ttl: 600 }, { ttl: 300 }], ttl: 300 },
    { records: [], ttl: undefined },
  ])('gives the smallest TTL of $records: $ttl', ({ records, ttl }) => {
    expect(minTtl(records)).toBe(ttl);
  });

  it('takes the negative-caching time from the SOA, capped by its TTL (RFC 2308 §5)', async () => {
    const nx = await fakeDns({}).query('gone.example.com', 'TXT');
    expect(negativeTtl(nx)).toBe(SOA_MINIMUM);
    const soa = nx.authority[0];
    if (soa?.type !== 'SOA') throw new Error('expected an SOA');
    expect(negativeTtl({ ...nx, authority: [{ ...soa, ttl: 60 }] })).toBe(60);
    expect(negativeTtl(txt)).toBeUndefined();
  });
});
