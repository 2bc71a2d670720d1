import { en } from '~/core/messages/en';
import { zh } from '~/core/messages/zh';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  consoleOf,
  DEFAULT_HOST_ID,
  detectDnsHost,
  DNS_HOST_IDS,
  DNS_HOSTS,
  getDnsHost,
  HOST_IDS,
  hostField,
  isHostId,
  type DnsHostId,
  type HostId,
} from '~/core/hosts/index';

/** Whether the guide has a page at this slug. */
const pageExists = (slug: string): boolean =>
  ['mdx', 'md'].some((ext) => existsSync(new URL(`../../../../src/content/docs/${slug}.${ext}`, import.meta.url)));

describe('detectDnsHost', () => {
  interface Row {
    what: string;
    ns: string[];
    id: DnsHostId | undefined;
  }
  const rows: Row[] = [
    // Alibaba Cloud DNS, current names.
    { what: 'recognises Alibaba Cloud DNS', ns: ['dns1.alidns.com', 'dns2.alidns.com'], id: 'aliyun' },
    // Paid Alibaba Cloud DNS editions use vipN.alidns.com.
    { what: 'recognises Alibaba Cloud DNS paid editions', ns: ['vip1.alidns.com', 'vip2.alidns.com'], id: 'aliyun' },
    // Older HiChina (万网) name servers belong to Alibaba Cloud too.
    {
      what: 'recognises the older HiChina name servers as Alibaba Cloud',
      ns: ['dns9.hichina.com', 'dns10.hichina.com'],
      id: 'aliyun',
    },
    // DNSPod on both its domains, with trailing dots and capitals as DNS may return them.
    {
      what: 'recognises DNSPod, ignoring case and trailing dots',
      ns: ['F1G1NS1.DNSPOD.NET.', 'f1g1ns2.dnspod.net.'],
      id: 'dnspod',
    },
    { what: 'recognises DNSPod on dnspod.com', ns: ['ns3.dnspod.com', 'ns4.dnspod.com'], id: 'dnspod' },
    { what: 'recognises Cloudflare', ns: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'], id: 'cloudflare' },
    { what: 'recognises GoDaddy', ns: ['ns01.domaincontrol.com', 'ns02.domaincontrol.com'], id: 'godaddy' },
    // Route 53 spreads its four servers over four TLDs.
    {
      what: 'recognises Amazon Route 53',
      ns: ['ns-1.awsdns-01.com', 'ns-600.awsdns-12.net', 'ns-1200.awsdns-30.org', 'ns-1800.awsdns-40.co.uk'],
      id: 'route53',
    },
    { what: 'recognises Azure DNS', ns: ['ns1-01.azure-dns.com', 'ns2-01.azure-dns.net'], id: 'azure' },
    {
      what: 'recognises Google Cloud DNS',
      ns: ['ns-cloud-a1.googledomains.com', 'ns-cloud-a2.googledomains.com'],
      id: 'google-cloud',
    },
    {
      what: 'recognises Huawei Cloud DNS',
      ns: ['ns1.huaweicloud-dns.com', 'ns1.huaweicloud-dns.cn'],
      id: 'huaweicloud',
    },
    { what: 'recognises Namecheap', ns: ['dns1.registrar-servers.com', 'dns2.registrar-servers.com'], id: 'namecheap' },
    // Name servers of a host the site has no guide for.
    { what: 'says "other" for unknown name servers', ns: ['ns1.example.net', 'ns2.example.net'], id: 'other' },
    // Look-alikes must not match: the pattern is anchored at a label boundary.
    { what: 'does not take a look-alike domain for Cloudflare', ns: ['ns.cloudflare.com.evil.example'], id: 'other' },
    { what: 'does not take notalidns.com for Alibaba Cloud', ns: ['dns1.notalidns.com'], id: 'other' },
    // Mid-migration: the majority of NS names decides.
    {
      what: 'follows the majority when NS names are mixed',
      ns: ['dns1.alidns.com', 'ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
      id: 'cloudflare',
    },
    // A tie goes to the host named first.
    { what: 'breaks a tie by the first NS name', ns: ['f1g1ns1.dnspod.net', 'dns1.alidns.com'], id: 'dnspod' },
    { what: 'breaks a tie by the first NS name, whichever host it is', ns: ['dns1.alidns.com', 'f1g1ns1.dnspod.net'], id: 'aliyun' },
    // No NS records: nothing to say.
    { what: 'says nothing without NS names', ns: [], id: undefined },
    { what: 'ignores empty strings', ns: ['', ' '], id: undefined },
    { what: 'ignores the root name', ns: ['.'], id: undefined },
  ];
  it.each(rows)('$what', ({ ns, id }) => {
    expect(detectDnsHost(ns)?.id).toBe(id);
  });

  it('gives the host from the one list, named in both languages', () => {
    const host = detectDnsHost(['dns1.alidns.com']);
    expect(host).toBe(getDnsHost('aliyun'));
    expect(host?.name).toEqual({ zh: '阿里云云解析 DNS', en: 'Alibaba Cloud DNS' });
  });
});

describe('the list of DNS hosts', () => {
  it('holds each id once, in the order of DNS_HOST_IDS', () => {
    expect(DNS_HOSTS.map((h) => h.id)).toEqual([...DNS_HOST_IDS]);
  });

  it('has an NS pattern for every host but `other`', () => {
    expect(DNS_HOSTS.filter((h) => h.ns === undefined).map((h) => h.id)).toEqual(['other']);
  });

  it('writes names for exactly the hosts with console conventions, `other` last', () => {
    expect(DNS_HOSTS.filter((h) => h.console).map((h) => h.id)).toEqual([...HOST_IDS]);
    expect(HOST_IDS.at(-1)).toBe('other');
    expect(DEFAULT_HOST_ID).toBe('aliyun');
  });

  it.each(DNS_HOSTS.filter((h) => h.console).map((h) => [h.id, h] as const))('%s has a guide page and pitfalls in both languages', (id, h) => {
    const guide = h.console?.guide ?? '';
    expect(guide).toBe(`dns/hosts/${id}`);
    expect(pageExists(guide)).toBe(true);
    expect(pageExists(`en/${guide}`)).toBe(true);
    const hostId = id as HostId;
    expect(zh.hostPitfalls[hostId].length).toBeGreaterThan(0);
    expect(en.hostPitfalls[hostId].length).toBe(zh.hostPitfalls[hostId].length);
    for (const p of zh.hostPitfalls[hostId]) expect(p).toMatch(/[\u4e00-\u9fff]/);
    for (const p of en.hostPitfalls[hostId]) expect(p).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(DNS_HOSTS.map((h) => [h.id, h] as const))('%s is named in both languages', (_id, h) => {
    expect(h.name.zh.length).toBeGreaterThan(0);
    expect(h.name.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('warns Cloudflare users to keep mail CNAMEs unproxied', () => {
    expect(en.hostPitfalls.cloudflare.some((p) => /DNS only/.test(p))).toBe(true);
  });
});

describe('consoleOf', () => {
  it.each([
    // Hosts with a guide page use their own conventions.
    ...(['aliyun', 'dnspod', 'cloudflare', 'godaddy'] as const).map((id) => ({ id, hostId: id, style: 'relative' })),
    { id: 'other' as const, hostId: 'other', style: 'fqdn' },
    // Hosts the site recognises but has no page for get `other`'s.
    ...(['route53', 'azure', 'google-cloud', 'huaweicloud', 'namecheap'] as const).map((id) => ({ id, hostId: 'other', style: 'fqdn' })),
  ])('gives $id the conventions of $hostId', ({ id, hostId, style }) => {
    const c = consoleOf(getDnsHost(id));
    expect(c).toMatchObject({ hostId, style, guide: `dns/hosts/${hostId}` });
    expect(c.guide).toBe(getDnsHost(hostId as HostId).console?.guide);
  });
});

describe('getDnsHost and isHostId', () => {
  it.each(DNS_HOST_IDS.map((id) => [id]))('finds %s', (id) => {
    expect(getDnsHost(id).id).toBe(id);
  });

  it('gives `other` for an id not in the list', () => {
    expect(getDnsHost('nope' as DnsHostId).id).toBe('other');
  });

  it.each([
    { id: 'aliyun', is: true },
    { id: 'other', is: true },
    // Recognised from NS names, but no console conventions of its own.
    { id: 'route53', is: false },
    { id: 'ALIYUN', is: false },
    { id: 7, is: false },
  ])('isHostId($id) → $is', ({ id, is }) => {
    expect(isHostId(id)).toBe(is);
  });
});

describe('hostField writes the name as each DNS console wants it', () => {
  type Row = { fqdn: string; host: HostId; expected: string; note: string };
  const rows: Row[] = [
    { fqdn: 'example.com', host: 'aliyun', expected: '@', note: 'the apex is @ at Alibaba Cloud DNS' },
    { fqdn: '_dmarc.example.com', host: 'aliyun', expected: '_dmarc', note: 'a subname is relative at Alibaba Cloud DNS' },
    { fqdn: 'default._domainkey.example.com', host: 'dnspod', expected: 'default._domainkey', note: 'a two-label prefix at DNSPod' },
    { fqdn: 'example.com', host: 'cloudflare', expected: '@', note: 'the apex is @ at Cloudflare' },
    { fqdn: 'mail.example.com', host: 'godaddy', expected: 'mail', note: 'a subname at GoDaddy' },
    { fqdn: 'mail.example.com', host: 'other', expected: 'mail.example.com.', note: 'the full name with a dot elsewhere' },
    { fqdn: 'example.com', host: 'other', expected: 'example.com.', note: 'the apex in full elsewhere' },
    { fqdn: 'MAIL.Example.COM.', host: 'aliyun', expected: 'mail', note: 'case and a trailing dot are ignored' },
    { fqdn: 'mail.example.org', host: 'aliyun', expected: 'mail.example.org.', note: 'a name outside the domain is written in full' },
    { fqdn: 'notexample.com', host: 'aliyun', expected: 'notexample.com.', note: 'a look-alike suffix is not the domain' },
  ];
  it.each(rows)('$note', ({ fqdn, host, expected }) => {
    expect(hostField(fqdn, 'example.com', host)).toBe(expected);
  });

  it('writes names in full when the domain is unknown', () => {
    expect(hostField('mail.example.com', '', 'aliyun')).toBe('mail.example.com.');
  });
});
