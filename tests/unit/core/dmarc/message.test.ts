import { describe, expect, it } from 'vitest';
import { MESSAGE_DMARC_STEPS, OrgDomainUnknown, toMessageDiscovery } from '~/core/dmarc/message';
import { askWith, discoverDmarcPolicy } from '~/core/dmarc/walk';
import { newRun } from '~/core/doh/run';
import type { DkimResult } from '~/core/message/dkim-verify';
import { evaluateDmarc } from '~/core/message/dmarc';
import { fakeDns, type FakeZone } from '../../support/fake-dns';

const ZONE: FakeZone = {
  'example.com': { A: ['192.0.2.1'] },
  'cn.example.com': { A: ['192.0.2.2'] },
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject; sp=quarantine; np=reject; aspf=r; adkim=s; t=y'] },
  '_dmarc.bare.example': { TXT: ['v=DMARC1'] },
  '_dmarc.broken.example': { rcode: 'SERVFAIL' },
  // Rows moved from the analyser's former copy of the walk (components/MessageAnalyser/dmarcSteps.ts).
  '_dmarc.nop.example': { TXT: ['v=DMARC1; p=block; rua=mailto:d@nop.example'] },
  '_dmarc.badnp.example': { TXT: ['v=DMARC1; p=reject; sp=quarantine; np=maybe; rua=mailto:d@badnp.example'] },
  '_dmarc.slow.example': { reject: 'timeout' },
};

const ctxFor = (zone: FakeZone = ZONE) => ({ query: newRun(fakeDns(zone).query) });
const dkim = (domain: string): DkimResult => ({ index: 0, result: 'pass', reason: 'verified', domain, notes: [] });

describe('the tree walk in the message analyser’s terms', () => {
  it.each([
    {
      note: 'a subdomain covered by its organisational domain carries the record’s policies and alignment modes',
      from: 'cn.example.com',
      want: {
        status: 'found',
        policy: {
          policyDomain: 'example.com',
          orgDomain: 'example.com',
          record: 'v=DMARC1; p=reject; sp=quarantine; np=reject; aspf=r; adkim=s; t=y',
          p: 'reject',
          sp: 'quarantine',
          np: 'reject',
          adkim: 's',
          aspf: 'r',
          testing: true,
        },
      },
    },
    { note: 'a From domain that does not exist is marked so (np applies)', from: 'nosuch.example.com', want: { status: 'found', nonExistent: true } },
    { note: 'no record anywhere is none, with the organisational domain', from: 'mail.nowhere.example', want: { status: 'none', orgDomain: 'mail.nowhere.example' } },
    { note: 'a record without p or rua means no DMARC processing: none', from: 'bare.example', want: { status: 'none', orgDomain: 'bare.example' } },
    { note: 'a resolver failure is a temperror naming the question', from: 'broken.example', want: { status: 'temperror', detail: '_dmarc.broken.example SERVFAIL' } },
    { note: 'a timeout on the way up is a temperror naming the question, never none', from: 'a.slow.example', want: { status: 'temperror', detail: '_dmarc.slow.example timeout' } },
    { note: 'a record without a valid p but with a rua counts as p=none', from: 'nop.example', want: { status: 'found', policy: { policyDomain: 'nop.example', p: 'none' } } },
    {
      note: 'an invalid np with a rua makes the record p=none, its sp and np ignored',
      from: 'badnp.example',
      want: { status: 'found', policy: { policyDomain: 'badnp.example', p: 'none', adkim: 'r', aspf: 'r', testing: false } },
    },
  ])('$note', async ({ from, want }) => {
    const d = await MESSAGE_DMARC_STEPS.discover(from, ctxFor());
    expect(d).toMatchObject(want);
  });

  it('ignores sp and np of a record read as p=none', async () => {
    const d = await MESSAGE_DMARC_STEPS.discover('badnp.example', ctxFor());
    expect(d.status === 'found' ? [d.policy.sp, d.policy.np] : d).toEqual([undefined, undefined]);
  });

  it('says temperror when the policy is known but not the organisational domain', async () => {
    const zone: FakeZone = { '_dmarc.mail.example.com': { TXT: ['v=DMARC1; p=reject'] }, '_dmarc.example.com': { rcode: 'SERVFAIL' } };
    const d = await discoverDmarcPolicy('mail.example.com', askWith(newRun(fakeDns(zone).query)));
    expect(toMessageDiscovery(d)).toEqual({ status: 'temperror', detail: '_dmarc.example.com SERVFAIL' });
  });

  it('gives organisational domains by the tree walk, and throws when a question fails', async () => {
    expect(await MESSAGE_DMARC_STEPS.orgDomain('bounce.cn.example.com', ctxFor())).toBe('example.com');
    await expect(MESSAGE_DMARC_STEPS.orgDomain('a.broken.example', ctxFor())).rejects.toBeInstanceOf(OrgDomainUnknown);
  });

  it('plugs into evaluateDmarc: relaxed SPF alignment through the walk, sp for an existing subdomain', async () => {
    const ctx = ctxFor();
    const discovery = await MESSAGE_DMARC_STEPS.discover('cn.example.com', ctx);
    const passing = await evaluateDmarc({ fromDomain: 'cn.example.com', discovery, spf: { result: 'pass', domain: 'bounce.example.com' }, dkim: [], orgDomain: MESSAGE_DMARC_STEPS.orgDomain, ctx });
    expect(passing).toMatchObject({ result: 'pass', spfAligned: true });
    // adkim=s: a signature of example.com does not align with cn.example.com; nothing passes, sp applies — one level lower under t=y.
    const failing = await evaluateDmarc({ fromDomain: 'cn.example.com', discovery, dkim: [dkim('example.com')], orgDomain: MESSAGE_DMARC_STEPS.orgDomain, ctx });
    expect(failing).toMatchObject({ result: 'fail', dkimAligned: [], stated: 'quarantine', applied: 'none' });
  });

  it('plugs into evaluateDmarc: np for a From domain that does not exist, lowered by t=y', async () => {
    const ctx = ctxFor();
    const discovery = await MESSAGE_DMARC_STEPS.discover('nosuch.example.com', ctx);
    expect(await evaluateDmarc({ fromDomain: 'nosuch.example.com', discovery, dkim: [], orgDomain: MESSAGE_DMARC_STEPS.orgDomain, ctx })).toMatchObject({
      result: 'fail',
      stated: 'reject',
      applied: 'quarantine',
    });
  });
});
