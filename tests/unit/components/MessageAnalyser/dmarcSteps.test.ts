import { describe, expect, it } from 'vitest';
import { discoverPolicy, organisationalDomain, policyOf, walkNames, type WalkStep, selectOrgDomain } from '~/components/MessageAnalyser/dmarcSteps';
import type { DmarcDiscovery } from '~/core/message/dmarc';
import { fakeDns, type FakeZone } from '../../support/fake-dns';

describe('walkNames (RFC 9989 §4.10)', () => {
  it.each([
    // A short name: itself, then each parent down to the top-level label.
    ['a.mail.example.com', ['a.mail.example.com', 'mail.example.com', 'example.com', 'com']],
    // The draft's own example: 13 labels are shortened to 7 after the first question, 8 questions in all.
    [
      'a.b.c.d.e.f.g.h.i.j.mail.example.com',
      [
        'a.b.c.d.e.f.g.h.i.j.mail.example.com',
        'g.h.i.j.mail.example.com',
        'h.i.j.mail.example.com',
        'i.j.mail.example.com',
        'j.mail.example.com',
        'mail.example.com',
        'example.com',
        'com',
      ],
    ],
    // Exactly eight labels: the next target has seven.
    ['a.b.c.d.e.f.example.com', ['a.b.c.d.e.f.example.com', 'b.c.d.e.f.example.com', 'c.d.e.f.example.com', 'd.e.f.example.com', 'e.f.example.com', 'f.example.com', 'example.com', 'com']],
    // Case and a trailing dot do not matter.
    ['Example.COM.', ['example.com', 'com']],
    ['', []],
  ])('walks %s', (domain, names) => {
    expect(walkNames(domain)).toEqual(names);
  });
});

describe('selectOrgDomain (RFC 9989 §4.10.2)', () => {
  const rec = (name: string, psd?: 'y' | 'n'): WalkStep => ({ name, kind: 'record', record: 'v=DMARC1; p=none', ...(psd ? { psd } : {}) });
  const none = (name: string): WalkStep => ({ name, kind: 'none', nxdomain: false });
  it.each<[string, string, WalkStep[], string | undefined]>([
    // The draft's examples.
    ['records at two levels: the one with fewest labels', 'a.mail.example.com', [none('a.mail.example.com'), rec('mail.example.com'), rec('example.com'), none('com')], 'example.com'],
    ['psd=n: that name', 'a.mail.example.com', [none('a.mail.example.com'), rec('mail.example.com', 'n')], 'mail.example.com'],
    ['psd=y above: the name one label below it', 'a.mail.example.com', [none('a.mail.example.com'), none('mail.example.com'), none('example.com'), rec('com', 'y')], 'example.com'],
    ['psd=y at the start itself: the start', 'example.com', [rec('example.com', 'y')], 'example.com'],
    ['no record: the starting name', 'mail.example.com', [none('mail.example.com'), none('example.com'), none('com')], 'mail.example.com'],
    ['a failed question on the way: unknown', 'mail.example.com', [none('mail.example.com'), { name: 'example.com', kind: 'error', detail: 'SERVFAIL' }], undefined],
  ])('%s', (_name, domain, steps, org) => {
    expect(selectOrgDomain(domain, steps)).toBe(org);
  });
});

describe('policyOf', () => {
  it.each([
    ['reads p, sp, np, alignment and t', 'v=DMARC1; p=Reject; sp=quarantine; np=reject; adkim=s; aspf=r; t=y', { p: 'reject', sp: 'quarantine', np: 'reject', adkim: 's', aspf: 'r', testing: true }],
    ['defaults alignment to relaxed', 'v=DMARC1; p=none', { p: 'none', adkim: 'r', aspf: 'r' }],
    ['takes a record without a valid p but with a rua as p=none', 'v=DMARC1; p=block; rua=mailto:d@example.com', { p: 'none', adkim: 'r', aspf: 'r' }],
    ['takes a bad np with a rua as p=none, ignoring sp/np', 'v=DMARC1; p=reject; np=maybe; rua=mailto:d@example.com', { p: 'none', adkim: 'r', aspf: 'r' }],
  ])('%s', (_name, record, expected) => {
    expect(policyOf(record)).toEqual({ record, ...expected });
  });

  it('refuses a record without a valid p and without a rua (no DMARC processing)', () => {
    expect(policyOf('v=DMARC1; sp=reject')).toBeUndefined();
  });
});

const ZONE: FakeZone = {
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=quarantine; sp=reject; np=reject'] },
  'example.com': { A: ['192.0.2.1'] },
  'mail.example.com': { A: ['192.0.2.2'] },
  '_dmarc.own.example.com': { TXT: ['v=DMARC1; p=none'] },
  'own.example.com': { A: ['192.0.2.3'] },
  '_dmarc.two.example.org': { TXT: ['v=DMARC1; p=reject', 'v=DMARC1; p=none'] },
  'two.example.org': { A: ['192.0.2.4'] },
  '_dmarc.org': { TXT: ['v=DMARC1; p=reject; psd=y'] },
  'sub.psd-only.org': { A: ['192.0.2.5'] },
  '_dmarc.broken.example.net': { rcode: 'SERVFAIL' },
  '_dmarc.example.net': { reject: 'timeout' },
  'a.example.net': { A: ['192.0.2.6'] },
  '_dmarc.mail.example.info': { TXT: ['v=DMARC1; p=reject; psd=n'] },
  '_dmarc.example.info': { TXT: ['v=DMARC1; p=none'] },
  '_dmarc.bad.example.info': { TXT: ['v=DMARC1; adkim=s'] },
};

describe('discoverPolicy (RFC 9989 §4.10.1)', () => {
  const ask = (from: string) => discoverPolicy(from, { query: fakeDns(ZONE).query });
  it.each<[string, string, DmarcDiscovery]>([
    ['the From domain’s own record', 'own.example.com', { status: 'found', policy: { record: 'v=DMARC1; p=none', p: 'none', adkim: 'r', aspf: 'r', policyDomain: 'own.example.com', orgDomain: 'example.com' } }],
    [
      'the organisational domain’s record for a subdomain (sp applies later)',
      'mail.example.com',
      { status: 'found', policy: { record: 'v=DMARC1; p=quarantine; sp=reject; np=reject', p: 'quarantine', sp: 'reject', np: 'reject', adkim: 'r', aspf: 'r', policyDomain: 'example.com', orgDomain: 'example.com' } },
    ],
    [
      'a From domain that does not exist: np applies',
      'gone.example.com',
      {
        status: 'found',
        nonExistent: true,
        policy: { record: 'v=DMARC1; p=quarantine; sp=reject; np=reject', p: 'quarantine', sp: 'reject', np: 'reject', adkim: 'r', aspf: 'r', policyDomain: 'example.com', orgDomain: 'example.com' },
      },
    ],
    // Two DMARC records at one name count as none; the walk goes on and finds the public suffix's record.
    ['two records at one name are discarded', 'two.example.org', { status: 'found', policy: { record: 'v=DMARC1; p=reject; psd=y', p: 'reject', adkim: 'r', aspf: 'r', policyDomain: 'org', orgDomain: 'example.org' } }],
    ['a public suffix domain’s policy when the organisation has none', 'sub.psd-only.org', { status: 'found', policy: { record: 'v=DMARC1; p=reject; psd=y', p: 'reject', adkim: 'r', aspf: 'r', policyDomain: 'org', orgDomain: 'psd-only.org' } }],
    ['psd=n makes that name the organisational domain and its record the policy', 'x.mail.example.info', { status: 'found', policy: { record: 'v=DMARC1; p=reject; psd=n', p: 'reject', adkim: 'r', aspf: 'r', policyDomain: 'mail.example.info', orgDomain: 'mail.example.info' } }],
    ['no record anywhere', 'nothing.example.edu', { status: 'none', orgDomain: 'nothing.example.edu' }],
    ['SERVFAIL for the From domain is a temperror, never "none"', 'broken.example.net', { status: 'temperror', detail: 'SERVFAIL' }],
    ['a timeout on the way up is a temperror', 'a.example.net', { status: 'temperror', detail: 'timeout' }],
    ['a record that can be neither used nor read as p=none: no DMARC', 'bad.example.info', { status: 'permerror', detail: 'no-policy' }],
  ])('%s', async (_name, from, expected) => {
    expect(await ask(from)).toEqual(expected);
  });

  it('asks every name of the walk at once (one round trip); whether the From domain exists only when np could apply', async () => {
    const dns = fakeDns(ZONE, { hold: true });
    await dns.drain(discoverPolicy('a.b.mail.example.com', { query: dns.query }));
    expect(dns.asked.map((q) => [q.name, q.type, q.at])).toEqual([
      ['_dmarc.a.b.mail.example.com', 'TXT', 0],
      ['_dmarc.b.mail.example.com', 'TXT', 0],
      ['_dmarc.mail.example.com', 'TXT', 0],
      ['_dmarc.example.com', 'TXT', 0],
      ['_dmarc.com', 'TXT', 0],
      // example.com's record has np=, and _dmarc.a.b.mail.example.com was NXDOMAIN.
      ['a.b.mail.example.com', 'A', 1],
    ]);
  });

  it('does not ask whether the From domain exists when the policy has no np', async () => {
    const dns = fakeDns(ZONE, { hold: true });
    await dns.drain(discoverPolicy('x.example.info', { query: dns.query }));
    expect(dns.asked.map((q) => q.name)).toEqual(['_dmarc.x.example.info', '_dmarc.example.info', '_dmarc.info']);
  });
});

describe('organisationalDomain', () => {
  it.each([
    ['a subdomain of a domain with a record', 'bounce.mail.example.com', 'example.com'],
    ['a name under psd=y', 'x.y.psd-only.org', 'psd-only.org'],
    ['a name without any record above it', 'a.b.example.edu', 'a.b.example.edu'],
  ])('%s', async (_name, domain, org) => {
    expect(await organisationalDomain(domain, { query: fakeDns(ZONE).query })).toBe(org);
  });

  it('rejects when a question fails, so alignment is not guessed', async () => {
    await expect(organisationalDomain('a.example.net', { query: fakeDns(ZONE).query })).rejects.toThrow('dns-error');
  });
});
