/**
 * Mail provider profiles and recognisers. A provider is data: adding one is
 * adding a file and listing it here.
 */
import { normaliseName } from '../names';
import type { Lang } from '../lang';
import { aliyunCn } from './aliyun-cn';
import { aliyunIntl } from './aliyun-intl';
import { FOREIGN_PROVIDERS } from './foreign';
import type { ProviderProfile, ProviderRecogniser } from './types';

export type { ClientEndpoint, ClientSecurity, CnameId, CnameSpec, MxHost, ProviderProfile, ProviderRecogniser } from './types';
export { FOREIGN_PROVIDERS };

export const PROVIDERS = [aliyunCn, aliyunIntl] as const satisfies readonly ProviderProfile[];
export type ProviderId = (typeof PROVIDERS)[number]['id'];
export const PROVIDER_IDS: readonly ProviderId[] = PROVIDERS.map((p) => p.id);
export const DEFAULT_PROVIDER_ID: ProviderId = 'aliyun-cn';

export function isProviderId(id: unknown): id is ProviderId {
  return typeof id === 'string' && (PROVIDER_IDS as readonly string[]).includes(id);
}

/** The profile with this id, or undefined (an unknown `?provider=` value). */
export function getProvider(id: string): ProviderProfile | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

/** The profile with this id, falling back to the default profile. */
export function getProviderOrDefault(id: string | null | undefined): ProviderProfile {
  return (id == null ? undefined : getProvider(id)) ?? aliyunCn;
}

/** Every profile expressed as a recogniser (its MX hosts and SPF includes). */
function profileRecogniser(p: ProviderProfile): ProviderRecogniser {
  return {
    id: p.id,
    name: p.name,
    mxSuffixes: p.mx.sets.flat().map((m) => m.host),
    spfIncludes: [p.spf.include, ...p.spf.equivalents],
  };
}

/** All providers the site can name: its own profiles first, then the others. */
export const RECOGNISERS: readonly ProviderRecogniser[] = [...PROVIDERS.map(profileRecogniser), ...FOREIGN_PROVIDERS];

export function matchesSuffix(host: string, suffix: string): boolean {
  const h = normaliseName(host);
  const s = normaliseName(suffix);
  return h === s || h.endsWith(`.${s}`);
}

export interface RecognisedProvider {
  readonly id: string;
  readonly name: ProviderRecogniser['name'];
  /** The MX hosts (as given) that belong to this provider. */
  readonly hosts: readonly string[];
}

/** Which providers these MX hosts belong to, in order of first appearance. Unknown hosts are left out. */
export function recogniseProvider(mxHosts: readonly string[]): RecognisedProvider[] {
  const found = new Map<string, { rec: ProviderRecogniser; hosts: string[] }>();
  for (const host of mxHosts) {
    const rec = RECOGNISERS.find((r) => r.mxSuffixes.some((s) => matchesSuffix(host, s)));
    if (!rec) continue;
    const entry = found.get(rec.id) ?? { rec, hosts: [] };
    entry.hosts.push(host);
    found.set(rec.id, entry);
  }
  return [...found.values()].map(({ rec, hosts }) => ({ id: rec.id, name: rec.name, hosts }));
}

/** Which providers these SPF include domains belong to. */
export function recogniseSpfInclude(include: string): ProviderRecogniser | undefined {
  const d = normaliseName(include);
  return RECOGNISERS.find((r) => r.spfIncludes.some((s) => normaliseName(s) === d));
}

/** Display name of any known provider id, for messages. */
export function providerName(id: string, lang: Lang): string {
  return RECOGNISERS.find((r) => r.id === id)?.name[lang] ?? id;
}
