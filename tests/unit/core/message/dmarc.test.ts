import { describe, expect, it } from 'vitest';
import type { DkimResult } from '~/core/message/dkim-verify';
import { aligned, evaluateDmarc, type DmarcDiscovery, type DmarcPolicyFound, type OrgDomainFn } from '~/core/message/dmarc';
import { fakeDns } from '../../support/fake-dns';

/** A stand-in for the RFC 9989 tree walk: the last two labels. */
const orgDomain: OrgDomainFn = async (d) => d.split('.').slice(-2).join('.');
const ctx = { query: fakeDns({}).query };

const policy = (over: Partial<DmarcPolicyFound> = {}): DmarcPolicyFound => ({ policyDomain: 'example.cn', orgDomain: 'example.cn', p: 'reject', adkim: 'r', aspf: 'r', ...over });
const found = (over: Partial<DmarcPolicyFound> = {}, nonExistent?: boolean): DmarcDiscovery => ({ status: 'found', policy: policy(over), ...(nonExistent ? { nonExistent } : {}) });
const dkim = (domain: string, result: DkimResult['result'] = 'pass'): DkimResult => ({ index: 0, result, reason: result === 'pass' ? 'verified' : 'signature-mismatch', domain, notes: [] });

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
    { name: 'passes a DNS failure of discovery through', discovery: { status: 'temperror', detail: 'timeout' }, dkim: [], want: { result: 'temperror', detail: 'timeout' } },
  ];
  it.each(rows)('$name', async ({ fromDomain = 'example.cn', discovery, spf, dkim: d, want }) => {
    const r = await evaluateDmarc({ fromDomain, discovery, ...(spf ? { spf } : {}), dkim: d, orgDomain, ctx });
    expect(r).toMatchObject(want);
  });

  it('treats a failing org-domain lookup as not aligned rather than crashing', async () => {
    const failing: OrgDomainFn = async () => {
      throw new Error('dns');
    };
    const r = await evaluateDmarc({ fromDomain: 'example.cn', discovery: found(), spf: { result: 'pass', domain: 'mail.example.cn' }, dkim: [], orgDomain: failing, ctx });
    expect(r).toMatchObject({ result: 'fail', spfAligned: false });
  });
});
