import { describe, expect, it } from 'vitest';
import { askWith, discoverDmarcPolicy, dmarcOrgDomain, type DmarcPolicyDiscovery } from '~/core/dmarc/walk';
import { newRun } from '~/core/doh/run';
import { fakeDns, type FakeZone } from '../../support/fake-dns';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** Discovery for `domain` over `zone`, through a run; what it asked (`_dmarc` names and others), in order. */
async function discover(zone: FakeZone, domain: string): Promise<{ d: DmarcPolicyDiscovery; asked: string[] }> {
  const dns = fakeDns(zone);
  const d = await discoverDmarcPolicy(domain, askWith(newRun(dns.query)));
  return { d, asked: dns.asked.map((q) => `${q.type} ${q.name}`) };
}

const ORG = 'v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:d@example.com';

interface Row {
  readonly note: string;
  readonly zone: FakeZone;
  readonly domain: string;
  /** The parts of the result this row is about. */
  readonly want: Partial<Record<string, unknown>>;
}

const rows: Row[] = [
  // --- the domain's own record (§4.10.1: highest preference, its p applies)
  {
    note: 'the domain’s own record applies with its p',
    zone: { '_dmarc.example.com': { TXT: ['v=DMARC1; p=quarantine; sp=none'] } },
    domain: 'example.com',
    want: { status: 'found', policyDomain: 'example.com', source: 'domain', scope: 'p', exists: true, applied: { policy: 'quarantine', tag: 'p' }, orgDomain: 'example.com' },
  },
  {
    note: 'a subdomain’s own record applies, while its organisational domain is the shortest name with a record (§4.10.2)',
    zone: { '_dmarc.mail.example.com': { TXT: ['v=DMARC1; p=none'] }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'mail.example.com',
    want: { status: 'found', policyDomain: 'mail.example.com', source: 'domain', applied: { policy: 'none', tag: 'p' }, orgDomain: 'example.com' },
  },
  // --- covered by the organisational domain: sp when the domain exists, np when it does not
  {
    note: 'an existing subdomain without a record gets the organisational domain’s sp',
    zone: { 'cn.example.com': { MX: [[5, 'mx.example.net']] }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'cn.example.com',
    want: { status: 'found', policyDomain: 'example.com', source: 'organisational', orgDomain: 'example.com', scope: 'sp', exists: true, applied: { policy: 'quarantine', tag: 'sp' } },
  },
  {
    note: 'a subdomain that does not exist gets the organisational domain’s np',
    zone: { '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'nosuch.example.com',
    want: { status: 'found', policyDomain: 'example.com', scope: 'np', exists: false, applied: { policy: 'reject', tag: 'np' } },
  },
  {
    note: 'a subdomain that does not exist gets sp when there is no np',
    zone: { '_dmarc.example.com': { TXT: ['v=DMARC1; p=none; sp=quarantine'] } },
    domain: 'nosuch.example.com',
    want: { status: 'found', scope: 'sp', applied: { policy: 'quarantine', tag: 'sp' } },
  },
  {
    note: 'an existing subdomain gets p when the record has no sp',
    zone: { 'cn.example.com': { A: ['192.0.2.1'] }, '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject; np=none'] } },
    domain: 'cn.example.com',
    want: { status: 'found', scope: 'sp', exists: true, applied: { policy: 'reject', tag: 'p' } },
  },
  {
    note: 'a name under the subdomain’s own _dmarc node shows the subdomain exists without asking',
    zone: { '_dmarc.cn.example.com': { TXT: ['not a dmarc record'] }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'cn.example.com',
    want: { status: 'found', scope: 'sp', exists: true, applied: { policy: 'quarantine', tag: 'sp' } },
  },
  // --- which record is the organisational domain's (§4.10.2 selection)
  {
    note: 'an intermediate record without psd is passed over for the one with the fewest labels',
    zone: { '_dmarc.mail.example.com': { TXT: ['v=DMARC1; p=none'] }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'a.mail.example.com',
    want: { status: 'found', policyDomain: 'example.com', orgDomain: 'example.com' },
  },
  {
    note: 'an intermediate record with psd=n is the organisational domain, and the walk stops there',
    zone: { '_dmarc.mail.example.com': { TXT: ['v=DMARC1; p=none; psd=n'] }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'a.mail.example.com',
    want: { status: 'found', policyDomain: 'mail.example.com', orgDomain: 'mail.example.com', source: 'organisational', applied: { policy: 'none', tag: 'p' } },
  },
  {
    note: 'a public suffix record with psd=y stops the walk; the name below it is the organisational domain, whose record applies',
    zone: { 'shop.example.test': { A: ['192.0.2.1'] }, '_dmarc.example.test': { TXT: ['v=DMARC1; p=quarantine'] }, '_dmarc.test': { TXT: ['v=DMARC1; p=reject; psd=y'] } },
    domain: 'shop.example.test',
    want: { status: 'found', policyDomain: 'example.test', source: 'organisational', orgDomain: 'example.test', applied: { policy: 'quarantine', tag: 'p' } },
  },
  {
    note: 'the public suffix’s record applies when the organisational domain has none',
    zone: { 'shop.example.test': { A: ['192.0.2.1'] }, '_dmarc.test': { TXT: ['v=DMARC1; p=reject; sp=quarantine; psd=y'] } },
    domain: 'shop.example.test',
    want: { status: 'found', policyDomain: 'test', source: 'psd', orgDomain: 'example.test', scope: 'sp', applied: { policy: 'quarantine', tag: 'sp' } },
  },
  {
    note: 'a psd=y record stops the walk: a failure beyond it does not matter',
    zone: { '_dmarc.gov.example': { TXT: ['v=DMARC1; p=reject; psd=y'] }, '_dmarc.example': { rcode: 'SERVFAIL' } },
    domain: 'agency.gov.example',
    want: { status: 'found', policyDomain: 'gov.example', source: 'psd', orgDomain: 'agency.gov.example' },
  },
  // --- records the walk discards (§4.10 steps 2 and 6)
  {
    note: 'two DMARC records at a name are both discarded, and the walk goes on',
    zone: { 'a.example.com': { A: ['192.0.2.1'] }, '_dmarc.a.example.com': { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'a.example.com',
    want: { status: 'found', policyDomain: 'example.com', source: 'organisational' },
  },
  {
    note: 'TXT records that are not DMARC are discarded',
    zone: { 'a.example.com': { A: ['192.0.2.1'] }, '_dmarc.a.example.com': { TXT: ['hello', 'v=dmarc1; p=reject'] }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'a.example.com',
    want: { status: 'found', policyDomain: 'example.com' },
  },
  // --- a record that gives no policy (§4.10.1)
  {
    note: 'an organisational record without p but with rua is p=none',
    zone: { 'cn.example.com': { A: ['192.0.2.1'] }, '_dmarc.example.com': { TXT: ['v=DMARC1; rua=mailto:d@example.com'] } },
    domain: 'cn.example.com',
    want: { status: 'found', policyDomain: 'example.com', applied: { policy: 'none', tag: 'p' } },
  },
  {
    note: 'an organisational record without p or rua gives no DMARC processing',
    zone: { 'cn.example.com': { A: ['192.0.2.1'] }, '_dmarc.example.com': { TXT: ['v=DMARC1'] } },
    domain: 'cn.example.com',
    want: { status: 'found', policyDomain: 'example.com', applied: undefined },
  },
  // --- nothing found
  {
    note: 'no record anywhere is none, the domain its own organisational domain',
    zone: { 'example.com': { A: ['192.0.2.1'] } },
    domain: 'example.com',
    want: { status: 'none', orgDomain: 'example.com' },
  },
  // --- long names
  {
    note: 'a name of thirteen labels is covered by its organisational domain after the shortened walk',
    zone: { 'a.b.c.d.e.f.g.h.i.j.mail.example.com': { A: ['192.0.2.1'] }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'a.b.c.d.e.f.g.h.i.j.mail.example.com',
    want: { status: 'found', policyDomain: 'example.com', orgDomain: 'example.com', applied: { policy: 'quarantine', tag: 'sp' } },
  },
  {
    note: 'a record at a label the shortened walk skips is not seen',
    zone: { 'a.b.c.d.e.f.g.h.i.j.mail.example.com': { A: ['192.0.2.1'] }, '_dmarc.b.c.d.e.f.g.h.i.j.mail.example.com': { TXT: ['v=DMARC1; p=none; psd=n'] }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'a.b.c.d.e.f.g.h.i.j.mail.example.com',
    want: { status: 'found', policyDomain: 'example.com' },
  },
  // --- resolver failures: an error naming the question, never "none"
  {
    note: 'a failure in the middle of the walk is an error, not none',
    zone: { 'a.mail.example.com': { A: ['192.0.2.1'] }, '_dmarc.example.com': { rcode: 'SERVFAIL' }, '_dmarc.com': { TXT: ['v=DMARC1; p=reject'] } },
    domain: 'a.mail.example.com',
    want: { status: 'error', name: '_dmarc.example.com', type: 'TXT', code: 'SERVFAIL' },
  },
  {
    note: 'a timeout for the domain’s own name is an error',
    zone: { '_dmarc.example.com': { reject: 'timeout' } },
    domain: 'example.com',
    want: { status: 'error', name: '_dmarc.example.com', code: 'timeout' },
  },
  {
    note: 'a failure asking whether the domain exists, when sp and np differ, is an error naming the domain',
    zone: { 'cn.example.com': { rcode: 'SERVFAIL' }, '_dmarc.example.com': { TXT: [ORG] } },
    domain: 'cn.example.com',
    want: { status: 'error', name: 'cn.example.com', type: 'TXT', code: 'SERVFAIL' },
  },
  {
    note: 'the domain’s own record still applies when the walk above it fails; the organisational domain is unknown',
    zone: { '_dmarc.mail.example.com': { TXT: ['v=DMARC1; p=reject'] }, '_dmarc.example.com': { reject: 'network' } },
    domain: 'mail.example.com',
    want: { status: 'found', policyDomain: 'mail.example.com', applied: { policy: 'reject', tag: 'p' }, orgDomain: undefined, orgError: { name: '_dmarc.example.com', code: 'network' } },
  },
];

describe('discoverDmarcPolicy (RFC 9989 §4.10.1)', () => {
  it.each(rows)('$note', async ({ zone, domain, want }) => {
    const { d } = await discover(zone, domain);
    const got = Object.fromEntries(Object.keys(want).map((k) => [k, (d as unknown as Record<string, unknown>)[k]]));
    expect(got).toEqual(want);
  });

  it('asks every name of the walk at once: one round trip', async () => {
    const dns = fakeDns({ '_dmarc.example.com': { TXT: [ORG] } }, { hold: true });
    const done = discoverDmarcPolicy('a.b.example.com', askWith(newRun(dns.query)));
    await tick();
    expect(dns.asked.map((q) => q.name)).toEqual(['_dmarc.a.b.example.com', '_dmarc.b.example.com', '_dmarc.example.com', '_dmarc.com']);
    await dns.drain(done);
    // Only whether the domain exists was asked after the first answers (sp and np differ).
    expect(dns.asked.filter((q) => q.at > 0).map((q) => `${q.type} ${q.name}`)).toEqual(['TXT a.b.example.com']);
  });

  it('does not ask whether the domain exists when sp and np give the same policy', async () => {
    const { d, asked } = await discover({ '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject'] } }, 'cn.example.com');
    expect(asked).toEqual(['TXT _dmarc.cn.example.com', 'TXT _dmarc.example.com', 'TXT _dmarc.com']);
    expect(d).toMatchObject({ status: 'found', scope: 'sp', applied: { policy: 'reject', tag: 'p' } });
    expect('exists' in d).toBe(false);
  });

  it('gives the record as published and parsed, and the names it asked', async () => {
    const { d } = await discover({ 'cn.example.com': { A: ['192.0.2.1'] }, '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject; ', 'sp=quarantine; t=y']] } }, 'cn.example.com');
    if (d.status !== 'found') throw new Error(d.status);
    expect(d.text).toBe('v=DMARC1; p=reject; sp=quarantine; t=y');
    expect(d.record.testing).toBe(true);
    expect(d.asked).toEqual(['_dmarc.cn.example.com', '_dmarc.example.com', '_dmarc.com']);
  });
});

describe('dmarcOrgDomain (RFC 9989 §4.10.2)', () => {
  it.each([
    // the examples of §4.10.2
    { note: 'records at mail.example.com and example.com: example.com', zone: { '_dmarc.mail.example.com': { TXT: ['v=DMARC1; p=none'] }, '_dmarc.example.com': { TXT: ['v=DMARC1; p=none'] } }, name: 'a.mail.example.com', org: 'example.com' },
    { note: 'psd=n at mail.example.com: mail.example.com', zone: { '_dmarc.mail.example.com': { TXT: ['v=DMARC1; p=none; psd=n'] }, '_dmarc.example.com': { TXT: ['v=DMARC1; p=none'] } }, name: 'a.mail.example.com', org: 'mail.example.com' },
    { note: 'only _dmarc.com with psd=y: example.com', zone: { '_dmarc.com': { TXT: ['v=DMARC1; p=reject; psd=y'] } }, name: 'a.mail.example.com', org: 'example.com' },
    // and the edges
    { note: 'the name’s own record with psd=y: the name itself', zone: { '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject; psd=y'] } }, name: 'example.com', org: 'example.com' },
    { note: 'no record at all: the name itself', zone: {}, name: 'a.mail.example.com', org: 'a.mail.example.com' },
    { note: 'the name’s own record only: the name itself', zone: { '_dmarc.mail.example.com': { TXT: ['v=DMARC1; p=none'] } }, name: 'mail.example.com', org: 'mail.example.com' },
  ] as { note: string; zone: FakeZone; name: string; org: string }[])('$note', async ({ zone, name, org }) => {
    const dns = fakeDns(zone);
    expect(await dmarcOrgDomain(name, askWith(newRun(dns.query)))).toEqual({ ok: true, orgDomain: org });
  });

  it('names the question that failed instead of guessing', async () => {
    const dns = fakeDns({ '_dmarc.example.com': { rcode: 'SERVFAIL' } });
    expect(await dmarcOrgDomain('a.example.com', askWith(newRun(dns.query)))).toEqual({ ok: false, name: '_dmarc.example.com', code: 'SERVFAIL' });
  });
});
