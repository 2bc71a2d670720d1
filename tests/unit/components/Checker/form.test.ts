import { describe, expect, it } from 'vitest';
import { getProvider, type ProviderProfile } from '~/core';
import { domainOf, expectedFor, formFrom, paramsFor } from '~/components/Checker/form';

const cn = getProvider('aliyun-cn') as ProviderProfile;

describe('the checker form and the page address', () => {
  it('reads every parameter it knows', () => {
    expect(formFrom({ domain: 'example.com', provider: 'aliyun-intl', host: 'cloudflare', dmarc: 'reject', sp: 'quarantine', np: 'reject', t: 'y', rua: 'd@example.com', spf: 'mailgun.org' })).toEqual({
      domain: 'example.com',
      provider: 'aliyun-intl',
      host: 'cloudflare',
      dkimKey: '',
      dmarcPolicy: 'reject',
      dmarcSp: 'quarantine',
      dmarcNp: 'reject',
      dmarcTesting: true,
      dmarcRua: 'd@example.com',
      extraSpf: 'mailgun.org',
    });
  });

  it.each([
    { what: 'an unknown provider', params: { provider: 'nope' }, key: 'provider', value: 'aliyun-cn' },
    { what: 'an unknown DNS host', params: { host: 'nope' }, key: 'host', value: 'aliyun' },
    { what: 'an unknown policy', params: { dmarc: 'maybe' }, key: 'dmarcPolicy', value: 'quarantine' },
    { what: 'an unknown subdomain policy', params: { sp: 'maybe' }, key: 'dmarcSp', value: '' },
    { what: 'an unknown policy for names that do not exist', params: { np: 'drop' }, key: 'dmarcNp', value: '' },
    { what: 'a testing flag other than y', params: { t: 'yes' }, key: 'dmarcTesting', value: false },
  ] as const)('falls back to the default for $what', ({ params, key, value }) => {
    expect(formFrom(params)[key]).toBe(value);
  });

  it('fills only what the address names, over what the visitor already has', () => {
    const typed = { ...formFrom({ domain: 'typed.example', provider: 'aliyun-intl', host: 'dnspod', dmarc: 'reject', t: 'y', rua: 'r@typed.example' }), dkimKey: 'p=MIIB' };
    // A bare address changes nothing.
    expect(formFrom({}, typed)).toEqual(typed);
    expect(formFrom({ resolver: 'https://doh.example/dns-query' }, typed)).toEqual(typed);
    // Named fields win, the rest stay (the DKIM key is never in the address).
    expect(formFrom({ domain: 'link.example', t: 'n', sp: 'none' }, typed)).toEqual({ ...typed, domain: 'link.example', dmarcTesting: false, dmarcSp: 'none' });
    // Values the address cannot use leave the visitor's choice.
    expect(formFrom({ dmarc: 'maybe', host: 'nowhere' }, typed)).toEqual(typed);
  });

  it('writes back only what differs from the defaults, and never the DKIM key', () => {
    const form = { ...formFrom({ domain: ' example.com ' }), dkimKey: 'p=MIIB' };
    expect(paramsFor(form)).toEqual({ domain: 'example.com', provider: undefined, host: undefined, dmarc: undefined, sp: undefined, np: undefined, t: undefined, rua: undefined, spf: undefined });
  });

  it('round-trips through the address', () => {
    const form = formFrom({ domain: 'example.com', host: 'dnspod', dmarc: 'none', sp: 'quarantine', np: 'reject', t: 'y', rua: 'r@example.com', spf: 'ip4:192.0.2.1' });
    const params = Object.fromEntries(Object.entries(paramsFor(form)).filter(([, v]) => v !== undefined));
    expect(formFrom(params)).toEqual(form);
  });
});

describe('the records the form asks for', () => {
  it('leaves out a report address and senders that cannot be used', () => {
    const form = { ...formFrom({ domain: 'example.com' }), dmarcRua: 'not an address', extraSpf: 'mailgun.org a.- ip4:192.0.2.1' };
    const records = expectedFor(form, 'example.com', cn);
    const spf = records.find((r) => r.kind === 'spf');
    const dmarc = records.find((r) => r.kind === 'dmarc');
    expect(spf?.values[0]?.value).toBe('v=spf1 include:spf.qiye.aliyun.com include:mailgun.org ip4:192.0.2.1 -all');
    expect(dmarc?.values[0]?.value).toBe('v=DMARC1; p=quarantine');
  });

  it('carries the DMARC choices as data and writes them, never pct', () => {
    const form = { ...formFrom({ domain: 'example.com', dmarc: 'reject', sp: 'quarantine', np: 'reject', t: 'y' }), dmarcRua: 'd@example.com' };
    const dmarc = expectedFor(form, 'example.com', cn).find((r) => r.kind === 'dmarc');
    expect(dmarc).toMatchObject({ policy: 'reject', sp: 'quarantine', np: 'reject', testing: true });
    expect(dmarc?.values[0]?.value).toBe('v=DMARC1; p=reject; sp=quarantine; np=reject; t=y; rua=mailto:d@example.com');
  });

  it('keeps only the rows asked for', () => {
    const records = expectedFor(formFrom({ domain: 'example.com' }), 'example.com', cn, ['mx', 'dmarc']);
    expect(records.map((r) => r.id)).toEqual(['mx', 'dmarc']);
  });

  it('has no domain until one is typed', () => {
    expect(domainOf(formFrom({}))).toBeUndefined();
    expect(domainOf(formFrom({ domain: 'Example.COM' }))).toMatchObject({ ok: true, ascii: 'example.com' });
  });
});
