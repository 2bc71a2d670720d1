// State of the ClientSettings widget: the chosen provider (kept in ?provider=),
// the address and sender name for the Apple profile, and the last download.
// The profile itself is built by ~/core (buildMobileconfig); this file only
// wires it to React and hands the result to the browser as a file.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DEFAULT_PROVIDER_ID, getProviderOrDefault, isProviderId, normaliseDomain, type ProviderProfile } from '~/core';
import {
  buildMobileconfig,
  MOBILECONFIG_MIME,
  parseEmailAddress,
  type EmailResult,
  type MobileconfigError,
} from '~/core';
import type { Lang } from '~/core';
import { useUrlState } from '../ui/useUrlState';
import { saveFile } from '../ui/links';

/** A version-4 UUID; crypto.randomUUID is missing outside secure contexts (plain-http previews). */
function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().toUpperCase();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toUpperCase();
}

export interface ClientSettingsState {
  provider: ProviderProfile;
  setProvider: (id: string) => void;
  email: string;
  setEmail: (value: string) => void;
  displayName: string;
  setDisplayName: (value: string) => void;
  /** The address check, shown once the person has tried to download or left the field. */
  emailCheck: EmailResult | undefined;
  markEmailTouched: () => void;
  /** An error from the last download attempt that is not about the address. */
  buildError: MobileconfigError | undefined;
  /** File name of the last successful download. */
  downloaded: string | undefined;
  download: () => boolean;
  /** The domain from ?domain=, for the address placeholder. */
  pageDomain: string | undefined;
}

export function useClientSettings(lang: Lang): ClientSettingsState {
  const url = useUrlState();
  // The first render matches the server-rendered HTML (default provider); the
  // address is read once mounted, and written back only when the person picks.
  const [providerId, setProviderId] = useState<string>(DEFAULT_PROVIDER_ID);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!url.ready || loaded) return;
    if (isProviderId(url.params.provider)) setProviderId(url.params.provider);
    setLoaded(true);
  }, [url.ready, url.params.provider, loaded]);

  const [email, setEmailRaw] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [touched, setTouched] = useState(false);
  const [buildError, setBuildError] = useState<MobileconfigError | undefined>(undefined);
  const [downloaded, setDownloaded] = useState<string | undefined>(undefined);

  const { setParams } = url;
  const setProvider = useCallback(
    (id: string) => {
      const next = getProviderOrDefault(id).id;
      setProviderId(next);
      setDownloaded(undefined);
      setParams({ provider: next === DEFAULT_PROVIDER_ID ? undefined : next });
    },
    [setParams],
  );
  const provider = getProviderOrDefault(providerId);

  const setEmail = useCallback((value: string) => {
    setEmailRaw(value);
    setDownloaded(undefined);
    setBuildError(undefined);
  }, []);
  const markEmailTouched = useCallback(() => {
    // Leaving an empty field is not an error yet; leaving a half-typed one is.
    setTouched((t) => t || email.trim() !== '');
  }, [email]);

  const emailCheck = useMemo(() => (touched ? parseEmailAddress(email) : undefined), [touched, email]);

  const download = useCallback((): boolean => {
    setTouched(true);
    const result = buildMobileconfig({ provider, email, displayName, lang, uuid: randomUuid });
    if (!result.ok) {
      setDownloaded(undefined);
      setBuildError(result.code === 'invalid-email' ? undefined : result);
      return false;
    }
    setBuildError(undefined);
    saveFile(result.filename, result.xml, MOBILECONFIG_MIME);
    setDownloaded(result.filename);
    return true;
  }, [provider, email, displayName, lang]);

  const pageDomain = useMemo(() => {
    const d = url.ready && url.params.domain ? normaliseDomain(url.params.domain) : undefined;
    return d?.ok ? d.ascii : undefined;
  }, [url.ready, url.params.domain]);

  return {
    provider,
    setProvider,
    email,
    setEmail,
    displayName,
    setDisplayName,
    emailCheck,
    markEmailTouched,
    buildError,
    downloaded,
    download,
    pageDomain,
  };
}
