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
  /** Page slug of the guide (zh root; English under en/). */
  readonly guide: string;
  readonly pitfalls: readonly Bilingual[];
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
      pitfalls: [
        {
          zh: '主机记录只填前缀（如 mail、_dmarc），根域名填 @；控制台会自动补上域名，填完整域名会变成 _dmarc.example.com.example.com。',
          en: 'Type only the prefix in the Host field (mail, _dmarc) and @ for the domain itself; the console adds the domain, so typing the full name creates _dmarc.example.com.example.com.',
        },
        {
          zh: '解析线路选“默认”。只设了“境内”等线路时，境外的解析器查不到这条记录。',
          en: 'Use the “Default” resolution line. A record on a regional line only (such as mainland China) is invisible to resolvers elsewhere.',
        },
        {
          zh: '默认 TTL 为 600 秒：修改后最多约 10 分钟各地才能看到新值。',
          en: 'The default TTL is 600 seconds: after a change, resolvers may keep the old answer for up to about 10 minutes.',
        },
      ],
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
      pitfalls: [
        {
          zh: '主机记录只填前缀，根域名填 @，不要填写完整域名。',
          en: 'Type only the prefix in the Host field and @ for the domain itself, never the full domain name.',
        },
        {
          zh: '线路类型选“默认”。只有“境内”线路的记录，境外用户查不到。',
          en: 'Set the line to “Default”. A record on the mainland line only is not seen by users abroad.',
        },
        {
          zh: '如果之前用的是腾讯企业邮，删除旧的 MX（mxbiz1/mxbiz2.qq.com）和旧的 SPF，不要与新记录并存。',
          en: 'If the domain used Tencent Exmail before, delete the old MX (mxbiz1/mxbiz2.qq.com) and the old SPF record rather than keeping them beside the new ones.',
        },
      ],
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
      pitfalls: [
        {
          zh: 'mail、imap、smtp、pop3 这些 CNAME 必须设为“仅 DNS”（灰色云朵），不能开启代理（橙色云朵）：代理只转发网页流量，邮件客户端会连不上。',
          en: 'Set the mail, imap, smtp and pop3 CNAMEs to “DNS only” (grey cloud), not proxied (orange cloud): the proxy carries web traffic only, so mail clients cannot connect.',
        },
        {
          zh: 'Cloudflare 会把根域名（@）上的 CNAME “拉平”（CNAME flattening），对外显示为 A 记录；但根域名还要放 MX 和 TXT 记录，按 DNS 规则根域名不应放 CNAME。',
          en: 'Cloudflare flattens a CNAME at the apex (@) into address records, but a CNAME there still conflicts with the MX and TXT records the apex needs: do not put a CNAME at @.',
        },
        {
          zh: '名称栏填前缀或 @；Cloudflare 会显示完整名称，这是正常的。',
          en: 'Type the prefix or @ in the Name field; Cloudflare then shows the full name, which is expected.',
        },
      ],
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
      pitfalls: [
        {
          zh: '“名称”栏填前缀，根域名填 @；GoDaddy 会自动补上域名。',
          en: 'Type the prefix in the Name field and @ for the domain itself; GoDaddy adds the domain.',
        },
        {
          zh: '如果开启了 GoDaddy 自带的邮箱或转发，它可能自动加回自己的 MX 记录，添加新记录后要删除它们。',
          en: 'If GoDaddy’s own email or forwarding was switched on, it may have added its own MX records: delete them once the new ones are in place.',
        },
      ],
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
      pitfalls: [
        {
          zh: '这里给出的是带结尾点的完整名称（如 mail.example.com.）。如果你的控制台会自动补上域名，只填前缀，根域名填 @ 或留空。',
          en: 'Names are given in full with a trailing dot (mail.example.com.). If your console adds the domain itself, type only the prefix, and @ or nothing for the domain itself.',
        },
        {
          zh: '同一个名称上不能既有 CNAME 又有其他记录；根域名上不能放 CNAME。',
          en: 'A name with a CNAME can hold no other record, and the domain itself cannot have a CNAME.',
        },
      ],
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
