/**
 * DNS hosts: how to recognise each from a domain's NS names, and how its
 * console wants the "host" (name) field filled in, with the mistakes people
 * make there. Data, not code: the checker detects the host from NS records,
 * the record table and the export pick the host field from here, and the
 * dns/hosts/* pages explain the same pitfalls in prose — keep the two in step.
 * A host without console conventions of its own gets those of `other`.
 */
import type { Bilingual } from '../lang';
import { normaliseName } from '../names';

export const DNS_HOST_IDS = [
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
export type DnsHostId = (typeof DNS_HOST_IDS)[number];

export interface ConsoleConventions {
  /**
   * `relative`: the console appends the domain itself; the apex is written as `apex`.
   * `fqdn`: write the full name with a trailing dot.
   */
  readonly style: 'relative' | 'fqdn';
  /** What to type for the apex in a `relative` console. */
  readonly apex: string;
  /** Page slug of the guide (zh root; English under en/). Its mistakes to avoid are text: ../messages/ (hostPitfalls). */
  readonly guide: string;
}

export interface DnsHost {
  readonly id: DnsHostId;
  readonly name: Bilingual;
  /** Matches the NS names (lower case, no trailing dot) of domains served here. */
  readonly ns?: RegExp;
  /** How its console wants records typed, where the guide has a page for it. */
  readonly console?: ConsoleConventions;
}

export const DNS_HOSTS: readonly DnsHost[] = [
  {
    id: 'aliyun',
    name: { zh: '阿里云云解析 DNS', en: 'Alibaba Cloud DNS' },
    // Alibaba Cloud DNS (dns1.alidns.com …, vip1.alidns.com) and the older HiChina/万网 servers (dns9.hichina.com).
    ns: /(?:^|\.)(?:alidns|hichina)\.com$/,
    console: {
      style: 'relative',
      apex: '@',
      guide: 'dns/hosts/aliyun',
    },
  },
  {
    id: 'dnspod',
    name: { zh: '腾讯云 DNSPod', en: 'Tencent Cloud DNSPod' },
    // DNSPod / Tencent Cloud DNS (f1g1ns1.dnspod.net, ns3.dnspod.com).
    ns: /(?:^|\.)dnspod\.(?:net|com)$/,
    console: {
      style: 'relative',
      apex: '@',
      guide: 'dns/hosts/dnspod',
    },
  },
  {
    id: 'cloudflare',
    name: { zh: 'Cloudflare', en: 'Cloudflare' },
    // Cloudflare (ada.ns.cloudflare.com).
    ns: /\.ns\.cloudflare\.com$/,
    console: {
      style: 'relative',
      apex: '@',
      guide: 'dns/hosts/cloudflare',
    },
  },
  {
    id: 'godaddy',
    name: { zh: 'GoDaddy', en: 'GoDaddy' },
    // GoDaddy (ns01.domaincontrol.com).
    ns: /(?:^|\.)domaincontrol\.com$/,
    console: {
      style: 'relative',
      apex: '@',
      guide: 'dns/hosts/godaddy',
    },
  },
  // Amazon Route 53 (ns-123.awsdns-45.com / .net / .org / .co.uk).
  { id: 'route53', name: { zh: 'Amazon Route 53', en: 'Amazon Route 53' }, ns: /(?:^|\.)awsdns-\d+\.[a-z.]+$/ },
  // Azure DNS (ns1-01.azure-dns.com / .net / .org / .info).
  { id: 'azure', name: { zh: 'Azure DNS', en: 'Azure DNS' }, ns: /(?:^|\.)azure-dns\.(?:com|net|org|info)$/ },
  // Google Cloud DNS (ns-cloud-a1.googledomains.com).
  { id: 'google-cloud', name: { zh: 'Google Cloud DNS', en: 'Google Cloud DNS' }, ns: /^ns-cloud-[a-z]\d+\.googledomains\.com$/ },
  // Huawei Cloud DNS (ns1.huaweicloud-dns.com / .cn / .net / .org).
  { id: 'huaweicloud', name: { zh: '华为云解析服务', en: 'Huawei Cloud DNS' }, ns: /(?:^|\.)huaweicloud-dns\.(?:com|cn|net|org)$/ },
  // Namecheap BasicDNS/FreeDNS (dns1.registrar-servers.com).
  { id: 'namecheap', name: { zh: 'Namecheap', en: 'Namecheap' }, ns: /(?:^|\.)registrar-servers\.com$/ },
  {
    id: 'other',
    name: { zh: '其他 DNS 服务商', en: 'Other DNS hosts' },
    console: {
      style: 'fqdn',
      apex: '@',
      guide: 'dns/hosts/other',
    },
  },
];

/** The hosts the record table can write names for: those with console conventions, `other` last. */
export const HOST_IDS = ['aliyun', 'dnspod', 'cloudflare', 'godaddy', 'other'] as const satisfies readonly DnsHostId[];
export type HostId = (typeof HOST_IDS)[number];
export const DEFAULT_HOST_ID: HostId = 'aliyun';

export function isHostId(id: unknown): id is HostId {
  return typeof id === 'string' && (HOST_IDS as readonly string[]).includes(id);
}

const OTHER = DNS_HOSTS.find((h) => h.id === 'other')!;

export function getDnsHost(id: DnsHostId): DnsHost {
  return DNS_HOSTS.find((h) => h.id === id) ?? OTHER;
}

/** The console conventions to follow at this host: its own, else the generic ones of `other`. */
export function consoleOf(host: DnsHost): ConsoleConventions & { readonly hostId: HostId } {
  const own = isHostId(host.id) && host.console ? host : OTHER;
  return { ...own.console!, hostId: own.id as HostId };
}

/**
 * The DNS host most of the NS names belong to (ties: the one named first);
 * `other` when NS names exist but match no known host; undefined when there
 * are no NS names. While a domain moves between hosts its NS set may be mixed:
 * the majority wins.
 */
export function detectDnsHost(nsNames: readonly string[]): DnsHost | undefined {
  const names = nsNames.map(normaliseName).filter((n) => n !== '' && n !== '.');
  if (names.length === 0) return undefined;
  // Counted in the order the NS names come, so that a tie goes to the host named first.
  const counts = new Map<DnsHost, number>();
  for (const name of names) {
    const host = DNS_HOSTS.find((h) => h.ns?.test(name));
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  let best: DnsHost | undefined;
  let bestCount = 0;
  for (const [host, count] of counts) {
    if (count > bestCount) {
      best = host;
      bestCount = count;
    }
  }
  return best ?? OTHER;
}

/**
 * The text to type into the host/name field of this console for a record at
 * `fqdn` under `domain` (both ASCII). Names outside the domain are written in
 * full with a trailing dot.
 */
export function hostField(fqdn: string, domain: string, hostId: HostId): string {
  const { style, apex: apexText } = consoleOf(getDnsHost(hostId));
  const name = normaliseName(fqdn);
  const apex = normaliseName(domain);
  if (style === 'fqdn' || apex === '') return `${name}.`;
  if (name === apex) return apexText;
  if (name.endsWith(`.${apex}`)) return name.slice(0, -(apex.length + 1));
  return `${name}.`;
}
