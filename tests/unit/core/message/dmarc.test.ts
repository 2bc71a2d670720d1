import { describe, expect, it } from 'vitest';
import type { DkimResult } from '~/core/message/dkim-verify';
import { aligned, evaluateDmarc, type DmarcDiscovery, type DmarcPolicyFound, type OrgDomainFn } from '~/core/message/dmarc';
import { fakeDns } from '../../support/fake-dns';

/** A stand-in for the RFC 9989 tree walk: the last two labels. */
const orgDomain: OrgDomainFn = async (d) => d.split('.').slice(-2).join('.');
const ctx = { query: fakeDns({}).query };

const policy = (over: Partial<DmarcPolicyFound> = {}): DmarcPolicyFound => ({ policyDomain: 'example.cn', orgDomain: 'example.cn', p: 'reject', adkim: 'r', aspf: 'r', ...over });
const found = (over: Partial<DmarcPolicyFound> = {}, nonExistent?: boolean): DmarcDiscovery => ({ status: 'found', policy: policy(over), ...(nonExistent ? { nonExistent } : {}) });
const dkim = (domain: string, result: DkimResult['result'] = 'pass', reason: DkimResult['reason'] = result === 'pass' ? 'verified' : 'signature-mismatch'): DkimResult => ({
  index: 0,
  result,
  reason,
  domain,
  selector: 's1',
  notes: [],
});

describe('aligned', () => {
  it.each([
    ['example.cn', 'example.cn', 's', true],
    ['mail.example.cn', 'example.cn', 's', false],
    ['mail.example.cn', 'example.cn', 'r', true],
    ['Example.CN.', 'example.cn', 's', true],
    ['esp.example', 'example.cn', 'r', false],
  ] as const)('%s with %s in mode %s is %s', async (a, from, mode, want) => {
    expect(await aligned(a, from, mode, orgDomain, ctx)).toBe(want);
  });
});

describe('evaluateDmarc', () => {
  type Row = {
    name: string;
    fromDomain?: string;
    discovery: DmarcDiscovery;
    spf?: { result: string; domain: string };
    dkim: DkimResult[];
    want: Record<string, unknown>;
  };
  const rows: Row[] = [
    { name: 'passes on aligned DKIM alone', discovery: found(), spf: { result: 'fail', domain: 'esp.example' }, dkim: [dkim('example.cn')], want: { result: 'pass', spfAligned: false, dkimAligned: ['example.cn'], advice: [] } },
    { name: 'passes on aligned SPF alone (relaxed: a subdomain)', discovery: found(), spf: { result: 'pass', domain: 'bounce.example.cn' }, dkim: [], want: { result: 'pass', spfAligned: true, advice: [] } },
    {
      name: 'fails strict SPF alignment for a subdomain and says SPF is not aligned',
      discovery: found({ aspf: 's' }),
      spf: { result: 'pass', domain: 'bounce.example.cn' },
      dkim: [],
      want: { result: 'fail', spfAligned: false, applied: 'reject', advice: ['spf-not-aligned', 'dkim-missing'] },
    },
    {
      name: 'fails when DKIM passes only for the sending service’s domain',
      discovery: found({ p: 'quarantine' }),
      spf: { result: 'pass', domain: 'esp.example' },
      dkim: [dkim('esp.example')],
      want: { result: 'fail', applied: 'quarantine', advice: ['spf-not-aligned', 'dkim-not-aligned'] },
    },
    {
      name: 'fails when nothing passes, and names both fixes',
      discovery: found(),
      spf: { result: 'softfail', domain: 'example.cn' },
      dkim: [dkim('example.cn', 'fail')],
      want: { result: 'fail', advice: ['spf-not-passing', 'dkim-not-passing'] },
    },
    {
      name: 'applies sp to a subdomain without its own record',
      fromDomain: 'news.example.cn',
      discovery: found({ sp: 'quarantine' }),
      spf: { result: 'fail', domain: 'news.example.cn' },
      dkim: [],
      want: { result: 'fail', applied: 'quarantine' },
    },
    {
      name: 'applies np to a From domain that does not exist',
      fromDomain: 'ghost.example.cn',
      discovery: found({ sp: 'none', np: 'reject' }, true),
      dkim: [],
      want: { result: 'fail', applied: 'reject' },
    },
    { name: 'says to publish a record when there is none', discovery: { status: 'none' }, spf: { result: 'pass', domain: 'example.cn' }, dkim: [], want: { result: 'none', spfAligned: true, advice: ['dkim-missing', 'publish-dmarc'] } },
    { name: 'notes p=none even when passing', discovery: found({ p: 'none' }), dkim: [dkim('example.cn')], want: { result: 'pass', advice: ['policy-none'] } },
    { name: 'passes a DNS failure of discovery through', discovery: { status: 'temperror', detail: 'timeout' }, dkim: [], want: { result: 'temperror', detail: 'timeout', undecided: 'dns' } },
    // What could not be found out is not a failure.
    {
      name: 'is a temperror when an aligned signature could not be checked for a DNS failure and nothing else passes',
      discovery: found(),
      spf: { result: 'fail', domain: 'example.cn' },
      dkim: [dkim('example.cn', 'temperror', 'dns-error')],
      want: { result: 'temperror', undecided: 'dns', detail: 'DKIM d=example.cn s=s1 dns-error', advice: [] },
    },
    {
      name: 'is a temperror, for this browser, when an aligned Ed25519 signature could not be checked here',
      discovery: found(),
      spf: { result: 'softfail', domain: 'example.cn' },
      dkim: [dkim('example.cn', 'temperror', 'ed25519-unsupported')],
      want: { result: 'temperror', undecided: 'browser', detail: 'DKIM d=example.cn s=s1 ed25519-unsupported' },
    },
    {
      name: 'is a temperror when SPF could not be evaluated for an aligned domain',
      discovery: found(),
      spf: { result: 'temperror', domain: 'bounce.example.cn' },
      dkim: [],
      want: { result: 'temperror', undecided: 'dns', detail: 'SPF bounce.example.cn temperror' },
    },
    {
      name: 'still fails when what could not be checked would not align anyway',
      discovery: found(),
      spf: { result: 'temperror', domain: 'esp.example' },
      dkim: [dkim('esp.example', 'temperror', 'dns-error')],
      want: { result: 'fail', applied: 'reject' },
    },
    {
      name: 'still passes when something aligned passed, whatever else is unknown',
      discovery: found(),
      spf: { result: 'temperror', domain: 'example.cn' },
      dkim: [dkim('example.cn')],
      want: { result: 'pass', dkimAligned: ['example.cn'] },
    },
    // t=y (RFC 9989 §4.7): receivers apply the policy one level lower.
    { name: 'applies quarantine for p=reject under t=y, and says what the record states', discovery: found({ testing: true }), dkim: [], want: { result: 'fail', applied: 'quarantine', stated: 'reject' } },
    { name: 'applies none for p=quarantine under t=y', discovery: found({ p: 'quarantine', testing: true }), dkim: [], want: { result: 'fail', applied: 'none', stated: 'quarantine' } },
    {
      name: 'lowers sp for a subdomain under t=y',
      fromDomain: 'news.example.cn',
      discovery: found({ p: 'none', sp: 'reject', testing: true }),
      dkim: [],
      want: { result: 'fail', applied: 'quarantine', stated: 'reject' },
    },
  ];
  it.each(rows)('$name', async ({ fromDomain = 'example.cn', discovery, spf, dkim: d, want }) => {
    const r = await evaluateDmarc({ fromDomain, discovery, ...(spf ? { spf } : {}), dkim: d, orgDomain, ctx });
    expect(r).toMatchObject(want);
  });

  it('says nothing of t=y when the policy is p=none, which testing does not lower', async () => {
    const r = await evaluateDmarc({ fromDomain: 'example.cn', discovery: found({ p: 'none', testing: true }), dkim: [], orgDomain, ctx });
    expect(r).toMatchObject({ result: 'fail', applied: 'none' });
    expect(r.stated).toBeUndefined();
  });

  /** An organisational-domain lookup that fails as the tree walk's does: naming the question and its code. */
  const failing: OrgDomainFn = async () => {
    throw Object.assign(new Error('The organisational domain could not be found'), { dnsName: '_dmarc.mail.example.cn', code: 'SERVFAIL' });
  };

  it('is a temperror naming the failed question when an organisational-domain lookup failed and nothing aligned', async () => {
    const r = await evaluateDmarc({ fromDomain: 'example.cn', discovery: found(), spf: { result: 'pass', domain: 'mail.example.cn' }, dkim: [], orgDomain: failing, ctx });
    expect(r).toEqual({
      result: 'temperror',
      fromDomain: 'example.cn',
      policy: policy(),
      spfAligned: false,
      dkimAligned: [],
      advice: [],
      detail: '_dmarc.mail.example.cn SERVFAIL',
      undecided: 'dns',
    });
  });

  it('passes on an identical domain even when the organisational-domain lookup would fail', async () => {
    const r = await evaluateDmarc({ fromDomain: 'example.cn', discovery: found(), spf: { result: 'pass', domain: 'mail.example.cn' }, dkim: [dkim('example.cn')], orgDomain: failing, ctx });
    expect(r).toMatchObject({ result: 'pass', dkimAligned: ['example.cn'] });
  });
});
