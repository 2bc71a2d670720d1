/**
 * Which DNS host serves a domain, from its NS names. Pure pattern matching on
 * public NS names; the ids aliyun/dnspod/cloudflare/godaddy/other match the
 * host guides under /dns/hosts/ (src/core/hosts/), the others are named so a
 * page can say "your DNS is at Amazon Route 53" and point to the generic guide.
 */

export const DETECTED_HOST_IDS = [
  'aliyun',
  'dnspod',
  'cloudflare',
  'godaddy',
  'route53',
  'azure',
  'google-cloud',
  'huaweicloud',
  'namecheap',
  'other',
] as const;
export type DetectedHostId = (typeof DETECTED_HOST_IDS)[number];

export interface DetectedDnsHost {
  readonly id: DetectedHostId;
  readonly name: { readonly zh: string; readonly en: string };
}

interface HostPattern extends DetectedDnsHost {
  /** Tested against a lower-case NS name without the trailing dot. */
  readonly pattern: RegExp;
}

const PATTERNS: readonly HostPattern[] = [
  // Alibaba Cloud DNS (dns1.alidns.com …, vip1.alidns.com) and the older HiChina/万网 servers (dns9.hichina.com).
  {
    id: 'aliyun',
    name: { zh: '阿里云云解析 DNS', en: 'Alibaba Cloud DNS' },
    pattern: /(?:^|\.)(?:alidns|hichina)\.com$/,
  },
  // DNSPod / Tencent Cloud DNS (f1g1ns1.dnspod.net, ns3.dnspod.com).
  {
    id: 'dnspod',
    name: { zh: 'DNSPod（腾讯云）', en: 'DNSPod (Tencent Cloud)' },
    pattern: /(?:^|\.)dnspod\.(?:net|com)$/,
  },
  // Cloudflare (ada.ns.cloudflare.com).
  { id: 'cloudflare', name: { zh: 'Cloudflare', en: 'Cloudflare' }, pattern: /\.ns\.cloudflare\.com$/ },
  // GoDaddy (ns01.domaincontrol.com).
  { id: 'godaddy', name: { zh: 'GoDaddy', en: 'GoDaddy' }, pattern: /(?:^|\.)domaincontrol\.com$/ },
  // Amazon Route 53 (ns-123.awsdns-45.com / .net / .org / .co.uk).
  { id: 'route53', name: { zh: 'Amazon Route 53', en: 'Amazon Route 53' }, pattern: /(?:^|\.)awsdns-\d+\.[a-z.]+$/ },
  // Azure DNS (ns1-01.azure-dns.com / .net / .org / .info).
  { id: 'azure', name: { zh: 'Azure DNS', en: 'Azure DNS' }, pattern: /(?:^|\.)azure-dns\.(?:com|net|org|info)$/ },
  // Google Cloud DNS (ns-cloud-a1.googledomains.com).
  {
    id: 'google-cloud',
    name: { zh: 'Google Cloud DNS', en: 'Google Cloud DNS' },
    pattern: /^ns-cloud-[a-z]\d+\.googledomains\.com$/,
  },
  // Huawei Cloud DNS (ns1.huaweicloud-dns.com / .cn / .net / .org).
  {
    id: 'huaweicloud',
    name: { zh: '华为云解析服务', en: 'Huawei Cloud DNS' },
    pattern: /(?:^|\.)huaweicloud-dns\.(?:com|cn|net|org)$/,
  },
  // Namecheap BasicDNS/FreeDNS (dns1.registrar-servers.com).
  { id: 'namecheap', name: { zh: 'Namecheap', en: 'Namecheap' }, pattern: /(?:^|\.)registrar-servers\.com$/ },
];

export const OTHER_DETECTED_HOST: DetectedDnsHost = {
  id: 'other',
  name: { zh: '其他 DNS 服务商', en: 'another DNS host' },
};

function clean(ns: string): string {
  const lower = ns.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * The DNS host most of the NS names belong to (ties: the one named first);
 * `other` when NS names exist but match no known host; undefined when there
 * are no NS names. While a domain moves between hosts its NS set may be mixed:
 * the majority wins.
 */
export function detectDnsHost(nsNames: readonly string[]): DetectedDnsHost | undefined {
  const names = nsNames.map(clean).filter((n) => n !== '');
  if (names.length === 0) return undefined;
  const counts = new Map<HostPattern, number>();
  for (const ns of names) {
    const host = PATTERNS.find((p) => p.pattern.test(ns));
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  let best: HostPattern | undefined;
  let bestCount = 0;
  for (const [host, count] of counts) {
    if (count > bestCount) {
      best = host;
      bestCount = count;
    }
  }
  return best ? { id: best.id, name: best.name } : OTHER_DETECTED_HOST;
}
