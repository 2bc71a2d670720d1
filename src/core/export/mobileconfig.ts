/**
 * An Apple configuration profile (.mobileconfig) that adds one IMAP + SMTP
 * account to Mail on iPhone, iPad and Mac. Pure: the UUID source is passed in,
 * nothing touches the page, and bad input comes back as a typed error rather
 * than a profile or an exception. The host names and ports are the provider
 * profile's `clients` (../providers/); keep the
 * wording in step with the ClientSettings widget and /clients/apple-mail/.
 *
 * The profile is unsigned and never carries a password: the device asks for it
 * on install. Every value is XML-escaped; characters XML 1.0 cannot carry are
 * dropped from free text.
 */
import type { DomainError } from '../domain';
import { parseEmailAddress, type EmailErrorReason } from '../email';
import type { ClientEndpoint, ProviderProfile } from '../providers/types';
import type { Lang } from '../types';

export const MOBILECONFIG_ERROR_CODES = ['invalid-email', 'no-secure-server'] as const;
export type MobileconfigErrorCode = (typeof MOBILECONFIG_ERROR_CODES)[number];

export interface MobileconfigError {
  readonly code: MobileconfigErrorCode;
  /** With `invalid-email`: what is wrong with the address. */
  readonly reason?: EmailErrorReason;
  /** What the person typed, as given. */
  readonly input: string;
  /** The offending part: a character, the local part, a protocol name. */
  readonly detail?: string;
  /** With reason `invalid-domain`: the domain check's own error. */
  readonly domainError?: DomainError;
}

export type MobileconfigResult =
  | {
      readonly ok: true;
      /** The profile, an XML property list. */
      readonly xml: string;
      /** `<address>.mobileconfig`, safe as a file name. */
      readonly filename: string;
      /** The address written into the profile (domain in ASCII/punycode, lower case). */
      readonly address: string;
    }
  | ({ readonly ok: false } & MobileconfigError);

export interface MobileconfigArgs {
  readonly provider: ProviderProfile;
  readonly email: string;
  /** The sender name shown in From (optional). */
  readonly displayName?: string;
  readonly lang: Lang;
  /** A source of UUIDs (crypto.randomUUID in the browser, a counter in tests). */
  readonly uuid: () => string;
}

export const MOBILECONFIG_MIME = 'application/x-apple-aspen-config';

// ---------------------------------------------------------------------------
// XML property list writing.

/** Characters XML 1.0 cannot carry (§2.2), lone surrogates included. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drop what XML cannot carry and escape what it would read as markup. */
export function xmlEscape(value: string): string {
  return value
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type PlistValue = string | number | boolean | readonly PlistValue[] | { readonly [key: string]: PlistValue };

function plistValue(value: PlistValue, indent: string): string {
  const inner = `${indent}\t`;
  if (typeof value === 'string') return `${indent}<string>${xmlEscape(value)}</string>`;
  if (typeof value === 'number') return `${indent}<integer>${Math.trunc(value)}</integer>`;
  if (typeof value === 'boolean') return `${indent}<${value ? 'true' : 'false'}/>`;
  if (Array.isArray(value)) {
    const items = (value as readonly PlistValue[]).map((v) => plistValue(v, inner));
    return [`${indent}<array>`, ...items, `${indent}</array>`].join('\n');
  }
  const entries = Object.entries(value as { readonly [key: string]: PlistValue }).flatMap(([k, v]) => [
    `${inner}<key>${xmlEscape(k)}</key>`,
    plistValue(v, inner),
  ]);
  return [`${indent}<dict>`, ...entries, `${indent}</dict>`].join('\n');
}

function plistDocument(root: PlistValue): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plistValue(root, ''),
    '</plist>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------

/** The endpoint to put in the profile: the documented encrypted one; never a plain-text port. */
function secureEndpoint(endpoint: ClientEndpoint): { host: string; port: number } | undefined {
  if (endpoint.security !== 'plain') return { host: endpoint.host, port: endpoint.port };
  const other = endpoint.otherPorts?.find((p) => p.security !== 'plain');
  return other ? { host: endpoint.host, port: other.port } : undefined;
}

/**
 * A stable identifier per address, so that installing a newer profile for the
 * same address replaces the old one instead of adding a second account.
 * Lossless: `_` always starts an escape.
 */
function identifierFor(providerId: string, address: string): string {
  const enc = (s: string) =>
    [...s.toLowerCase()]
      .map((ch) => (/[a-z0-9.-]/.test(ch) ? ch : `_${(ch.codePointAt(0) ?? 0).toString(16)}`))
      .join('');
  return `guide.mailsetup.${enc(providerId)}.${enc(address)}`;
}

/** File name for the download; anything a file system might object to becomes `_`. */
function filenameFor(address: string): string {
  return `${address.replace(/[^A-Za-z0-9._@+-]/g, '_')}.mobileconfig`;
}

const TEXT = {
  zh: {
    displayName: (address: string) => `邮件账户：${address}`,
    description: (provider: string, address: string, imap: string, smtp: string) =>
      `为 ${address}（${provider}）在“邮件”中添加账户：收信 IMAP ${imap}，发信 SMTP ${smtp}，均使用 SSL/TLS。描述文件中不含密码，安装时会要求输入。`,
  },
  en: {
    displayName: (address: string) => `Mail account: ${address}`,
    description: (provider: string, address: string, imap: string, smtp: string) =>
      `Adds ${address} (${provider}) to Mail: incoming IMAP ${imap}, outgoing SMTP ${smtp}, both over SSL/TLS. The profile contains no password; you are asked for it during installation.`,
  },
} as const;

/**
 * Build the profile for one address, or say why not. Never throws for any
 * email or display-name string; never writes a password key.
 */
export function buildMobileconfig(args: MobileconfigArgs): MobileconfigResult {
  const input = typeof args.email === 'string' ? args.email : '';
  const email = parseEmailAddress(input);
  if (!email.ok) {
    return {
      ok: false,
      code: 'invalid-email',
      reason: email.reason,
      input: email.input,
      ...(email.detail === undefined ? {} : { detail: email.detail }),
      ...(email.domainError === undefined ? {} : { domainError: email.domainError }),
    };
  }
  const { provider } = args;
  const imap = secureEndpoint(provider.clients.imap);
  if (!imap) return { ok: false, code: 'no-secure-server', input, detail: 'IMAP' };
  const smtp = secureEndpoint(provider.clients.smtp);
  if (!smtp) return { ok: false, code: 'no-secure-server', input, detail: 'SMTP' };

  const lang: Lang = args.lang === 'en' ? 'en' : 'zh';
  const text = TEXT[lang];
  const { address } = email;
  const identifier = identifierFor(provider.id, address);
  const senderName = (typeof args.displayName === 'string' ? args.displayName : '').replace(XML_INVALID, '').trim();
  const description = text.description(provider.name[lang], address, `${imap.host}:${imap.port}`, `${smtp.host}:${smtp.port}`);

  const account: Record<string, PlistValue> = {
    PayloadType: 'com.apple.mail.managed',
    PayloadVersion: 1,
    PayloadIdentifier: `${identifier}.account`,
    PayloadUUID: String(args.uuid()),
    PayloadDisplayName: text.displayName(address),
    PayloadDescription: description,
    EmailAccountDescription: address,
    ...(senderName ? { EmailAccountName: senderName } : {}),
    EmailAccountType: 'EmailTypeIMAP',
    EmailAddress: address,
    IncomingMailServerHostName: imap.host,
    IncomingMailServerPortNumber: imap.port,
    IncomingMailServerUseSSL: true,
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerUsername: address,
    OutgoingMailServerHostName: smtp.host,
    OutgoingMailServerPortNumber: smtp.port,
    OutgoingMailServerUseSSL: true,
    OutgoingMailServerAuthentication: 'EmailAuthPassword',
    OutgoingMailServerUsername: address,
    OutgoingPasswordSameAsIncomingPassword: true,
  };
  const profile: Record<string, PlistValue> = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: String(args.uuid()),
    PayloadDisplayName: text.displayName(address),
    PayloadDescription: description,
    PayloadRemovalDisallowed: false,
    PayloadContent: [account],
  };
  return { ok: true, xml: plistDocument(profile), filename: filenameFor(address), address };
}
