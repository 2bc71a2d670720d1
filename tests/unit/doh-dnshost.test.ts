import { describe, expect, it } from 'vitest';
import { detectDnsHost, type DetectedHostId } from '~/core/dnshost';

describe('detectDnsHost', () => {
  interface Row {
    what: string;
    ns: string[];
    id: DetectedHostId | undefined;
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
    // No NS records: nothing to say.
    { what: 'says nothing without NS names', ns: [], id: undefined },
    { what: 'ignores empty strings', ns: ['', ' '], id: undefined },
  ];
  it.each(rows)('$what', ({ ns, id }) => {
    expect(detectDnsHost(ns)?.id).toBe(id);
  });

  it('names the host in both languages', () => {
    expect(detectDnsHost(['dns1.alidns.com'])?.name).toEqual({ zh: '阿里云云解析 DNS', en: 'Alibaba Cloud DNS' });
  });
});
