/**
 * Public DoH resolvers that answer browsers (they send CORS headers), and the
 * order in which to ask them. Endpoints: each operator's DoH documentation
 * (AliDNS, DNSPod, Google Public DNS, Cloudflare). Keep in step with the
 * resolver notes on the tool pages.
 */
import type { Lang } from '../lang';

export const RESOLVER_IDS = ['alidns', 'dnspod', 'google', 'cloudflare', 'custom'] as const;
export type ResolverId = (typeof RESOLVER_IDS)[number];
export type PresetResolverId = Exclude<ResolverId, 'custom'>;
export type ResolverRegion = 'cn' | 'global' | 'custom';

export interface Resolver {
  readonly id: ResolverId;
  readonly name: { readonly zh: string; readonly en: string };
  /** RFC 8484 endpoint; the client adds `?dns=`. */
  readonly url: string;
  /** `cn`: reachable in mainland China; `global`: often blocked there. */
  readonly region: ResolverRegion;
}

export const PRESET_RESOLVERS = {
  alidns: {
    id: 'alidns',
    name: { zh: '阿里公共 DNS', en: 'AliDNS' },
    url: 'https://dns.alidns.com/dns-query',
    region: 'cn',
  },
  dnspod: {
    id: 'dnspod',
    name: { zh: '腾讯 DNSPod 公共 DNS', en: 'DNSPod (Tencent)' },
    url: 'https://doh.pub/dns-query',
    region: 'cn',
  },
  google: {
    id: 'google',
    name: { zh: 'Google 公共 DNS', en: 'Google Public DNS' },
    url: 'https://dns.google/dns-query',
    region: 'global',
  },
  cloudflare: {
    id: 'cloudflare',
    name: { zh: 'Cloudflare', en: 'Cloudflare' },
    url: 'https://cloudflare-dns.com/dns-query',
    region: 'global',
  },
} as const satisfies Record<PresetResolverId, Resolver>;

/** China resolvers first: what works by default in mainland China. */
export const CN_FIRST: readonly PresetResolverId[] = ['alidns', 'dnspod', 'google', 'cloudflare'];
/** Global resolvers first. */
export const GLOBAL_FIRST: readonly PresetResolverId[] = ['google', 'cloudflare', 'alidns', 'dnspod'];

/**
 * The two resolvers a first visit asks at once (createLeader in ./leader.ts):
 * one reachable in mainland China and one overseas; the first to answer leads.
 * AliDNS for the mainland. Google rather than Cloudflare overseas: the facts
 * file has Google "often unreachable" from mainland China and Cloudflare
 * "intermittently reachable", so a visitor in China sees Google fail and
 * AliDNS win every time, while Cloudflare could win one visit there and be
 * remembered, then stall the next; elsewhere Google answers fast everywhere.
 */
export const RACE_CONTENDERS: readonly PresetResolverId[] = ['alidns', 'google'];

export type ResolverPreference = 'cn' | 'global';

export function isPresetResolverId(value: string): value is PresetResolverId {
  return value !== 'custom' && (RESOLVER_IDS as readonly string[]).includes(value);
}

/** The preset order of a page language: the tie-break between resolvers that answer alike (zh: China first). */
export function languagePreference(lang: Lang): ResolverPreference {
  return lang === 'zh' ? 'cn' : 'global';
}

/** A resolver entry for a user-supplied endpoint (validate it with parseResolverUrl first). */
export function customResolver(url: string): Resolver {
  return { id: 'custom', name: { zh: '自定义解析服务器', en: 'Custom resolver' }, url, region: 'custom' };
}

/**
 * The resolvers to ask, in order, for a preference ("cn": AliDNS, DNSPod,
 * Google, Cloudflare; "global": Google, Cloudflare, AliDNS, DNSPod). A custom
 * endpoint, when given, comes first.
 */
export function resolversFor(preference: ResolverPreference, customUrl?: string): Resolver[] {
  const presets = (preference === 'cn' ? CN_FIRST : GLOBAL_FIRST).map((id) => PRESET_RESOLVERS[id]);
  return customUrl ? [customResolver(customUrl), ...presets] : presets;
}

/**
 * The order for a page language: zh puts China resolvers first, en global
 * ones. Without a custom endpoint or a chosen order, a leader (./leader.ts)
 * rearranges it: this order then only breaks ties and orders the rest.
 */
export function resolverOrder(lang: Lang, customUrl?: string): Resolver[] {
  return resolversFor(languagePreference(lang), customUrl);
}

export type ResolverUrlResult =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly code: 'invalid-url' | 'insecure-url' };

function isLoopback(hostname: string): boolean {
  // Only the two loopback names a Content-Security-Policy source can name
  // (src/integrations/csp.mjs): [::1] cannot be written as a CSP source, and other
  // 127/8 addresses would need one source each. The URL parser has already
  // normalised IPv4 forms (127.1 → 127.0.0.1).
  return hostname === 'localhost' || hostname === '127.0.0.1';
}

/**
 * Validates a custom DoH endpoint. `https:` only; plain `http:` only on
 * localhost and 127.0.0.1, for development and tests. URLs
 * with user names or passwords are refused (fetch rejects them). Returns the
 * normalised URL without fragment.
 */
export function parseResolverUrl(input: string): ResolverUrlResult {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, code: 'invalid-url' };
  }
  if (url.username !== '' || url.password !== '' || url.hostname === '') return { ok: false, code: 'invalid-url' };
  if (url.protocol === 'http:') {
    if (!isLoopback(url.hostname)) return { ok: false, code: 'insecure-url' };
  } else if (url.protocol !== 'https:') {
    return { ok: false, code: 'invalid-url' };
  }
  url.hash = '';
  return { ok: true, url: url.href };
}
