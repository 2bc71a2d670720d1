// The DNS questions of one SPF evaluation (src/core/spf/questions.ts): asked
// once, answers sorted into what RFC 7208 distinguishes, never a rejection.
import { describe, expect, it } from 'vitest';
import { DohError } from '~/core/doh/errors';
import type { DnsRecord, DnsResponse, QueryFn, Rcode } from '~/core/doh/types';
import { type Answer, Questions } from '~/core/spf/questions';

const response = (rcode: Rcode, answers: DnsRecord[] = []): DnsResponse => ({
  name: 'example.com',
  type: 'A',
  rcode,
  ad: false,
  tc: false,
  answers,
  authority: [],
  resolverId: 'fake',
  elapsedMs: 1,
});
const A = (name: string, ip: string): DnsRecord => ({ name, type: 'A', ttl: 60, data: ip });

describe('Questions: what an answer means', () => {
  const rows: { what: string; reply: () => Promise<DnsResponse>; answer: Answer }[] = [
    { what: 'records of the type asked', reply: async () => response('NOERROR', [A('example.com', '192.0.2.1')]), answer: { kind: 'answer', records: [A('example.com', '192.0.2.1')] } },
    // NOERROR without records and NXDOMAIN are the two kinds of void lookup (§4.6.4).
    { what: 'NOERROR without records', reply: async () => response('NOERROR'), answer: { kind: 'no-data' } },
    { what: 'NXDOMAIN', reply: async () => response('NXDOMAIN'), answer: { kind: 'nxdomain' } },
    // Any other rcode is a DNS error (temperror, §2.6.6).
    { what: 'SERVFAIL', reply: async () => response('SERVFAIL'), answer: { kind: 'dns-error', rcode: 'SERVFAIL' } },
    { what: 'REFUSED', reply: async () => response('REFUSED'), answer: { kind: 'dns-error', rcode: 'REFUSED' } },
    // A transport failure is a DNS error too, with its code.
    { what: 'a timeout', reply: async () => Promise.reject(new DohError('timeout', 'slow')), answer: { kind: 'dns-error', error: 'timeout' } },
    { what: 'a malformed answer', reply: async () => Promise.reject(new DohError('malformed', 'bad')), answer: { kind: 'dns-error', error: 'malformed' } },
    { what: 'something that is not a DohError', reply: async () => Promise.reject(new Error('boom')), answer: { kind: 'dns-error' } },
    // A name that cannot be sent does not exist, for SPF.
    { what: 'invalid-name from the client', reply: async () => Promise.reject(new DohError('invalid-name', 'no')), answer: { kind: 'invalid-name' } },
    { what: 'a cancelled question', reply: async () => Promise.reject(new DohError('aborted', 'stop')), answer: { kind: 'aborted' } },
    // Only records of the type asked count: a CNAME alone is no data.
    { what: 'a CNAME without records at its end', reply: async () => response('NOERROR', [{ name: 'example.com', type: 'CNAME', ttl: 60, data: 'gone.example.net' }]), answer: { kind: 'no-data' } },
    // After a CNAME chain the records are owned by its last name.
    {
      what: 'a CNAME chain',
      reply: async () =>
        response('NOERROR', [
          { name: 'example.com', type: 'CNAME', ttl: 60, data: 'alias.example.net' },
          { name: 'alias.example.net', type: 'CNAME', ttl: 60, data: 'final.example.org' },
          A('final.example.org', '192.0.2.7'),
        ]),
      answer: { kind: 'answer', records: [A('final.example.org', '192.0.2.7')] },
    },
  ];
  it.each(rows)('sorts $what', async ({ reply, answer }) => {
    const questions = new Questions(() => reply(), new AbortController().signal);
    expect(await questions.ask('example.com', 'A')).toEqual(answer);
  });

  it('does not send a name that cannot be sent', async () => {
    let calls = 0;
    const questions = new Questions(async () => {
      calls++;
      return response('NOERROR');
    }, new AbortController().signal);
    expect(await questions.ask(`${'x'.repeat(64)}.example.com`, 'A')).toEqual({ kind: 'invalid-name' });
    expect(calls).toBe(0);
    expect(questions.sent).toBe(0);
  });
});

describe('Questions: each question once', () => {
  it('asks a name once whatever its case or trailing dot, and counts what it sent', async () => {
    const asked: string[] = [];
    const query: QueryFn = async (name, type) => {
      asked.push(`${type} ${name}`);
      return response('NOERROR');
    };
    const questions = new Questions(query, new AbortController().signal);
    expect(questions.has('example.com', 'A')).toBe(false);
    const first = questions.ask('example.com', 'A');
    expect(questions.has('EXAMPLE.com.', 'A')).toBe(true);
    expect(questions.ask('EXAMPLE.com.', 'A')).toBe(first);
    await questions.ask('example.com', 'MX');
    expect(asked).toEqual(['A example.com', 'MX example.com']);
    expect(questions.sent).toBe(2);
  });

  it('passes its signal to every question and asks nothing once it is aborted', async () => {
    const controller = new AbortController();
    const signals: (AbortSignal | undefined)[] = [];
    const questions = new Questions(async (_n, _t, signal) => {
      signals.push(signal);
      return response('NOERROR');
    }, controller.signal);
    await questions.ask('a.example', 'A');
    controller.abort();
    expect(await questions.ask('b.example', 'A')).toEqual({ kind: 'aborted' });
    expect(signals).toEqual([controller.signal]);
  });
});
