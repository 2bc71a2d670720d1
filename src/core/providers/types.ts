import type { Bilingual } from '../types';

export interface MxHost {
  /** Lower-case host name, no trailing dot. */
  readonly host: string;
  readonly priority: number;
}

export const CLIENT_SECURITY = ['ssl', 'starttls', 'plain'] as const;
export type ClientSecurity = (typeof CLIENT_SECURITY)[number];

export interface ClientEndpoint {
  readonly host: string;
  readonly port: number;
  readonly security: ClientSecurity;
  /** Other ports the provider documents (e.g. 143 plain for IMAP). */
  readonly otherPorts?: readonly { readonly port: number; readonly security: ClientSecurity }[];
}

export const CNAME_IDS = ['mail', 'imap', 'smtp', 'pop3'] as const;
export type CnameId = (typeof CNAME_IDS)[number];

export interface CnameSpec {
  readonly id: CnameId;
  /** Label under the domain: `mail` → mail.example.com. */
  readonly label: string;
  readonly target: string;
  readonly required: boolean;
}

/** A mail provider profile the site can generate and check records for. */
export interface ProviderProfile {
  readonly id: string;
  readonly name: Bilingual;
  /** Where the values come from. */
  readonly source: string;
  readonly mx: {
    /** Each set is a complete, correct MX configuration; the first is the one to publish. */
    readonly sets: readonly (readonly MxHost[])[];
    /** Whether hosts from different sets may be mixed. */
    readonly allowMix: boolean;
  };
  readonly spf: {
    /** The include to publish. */
    readonly include: string;
    /** Other includes that count as the same sender. */
    readonly equivalents: readonly string[];
  };
  /** The mailbox's DKIM selector; null when it is not known (not published). */
  readonly dkim: { readonly selector: string } | null;
  readonly cnames: readonly CnameSpec[];
  readonly clients: {
    readonly imap: ClientEndpoint;
    readonly pop3?: ClientEndpoint;
    readonly smtp: ClientEndpoint;
  };
  /** Webmail address (https URL). */
  readonly webmail: string;
  /** Default TTL of the provider's own DNS service, seconds, when known. */
  readonly defaultTtl?: number;
}

/** Data to recognise a mail provider from its MX hosts and SPF includes. */
export interface ProviderRecogniser {
  readonly id: string;
  readonly name: Bilingual;
  /** An MX host matches when it equals a suffix or ends with `.` + suffix. */
  readonly mxSuffixes: readonly string[];
  readonly spfIncludes: readonly string[];
}
