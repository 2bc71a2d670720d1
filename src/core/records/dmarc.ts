/**
 * DMARC (RFC 7489) policy records: parse the tag list with typed errors, build a
 * record from the reader's choice, and explain each policy in both languages.
 * Pure; never throws on any input.
 */
import { DMARC_POLICIES, type DmarcPolicy } from '../types';

export const DMARC_ERROR_CODES = [
  'no-version',
  'missing-policy',
  'invalid-policy',
  'invalid-pct',
  'invalid-alignment',
  'invalid-fo',
  'invalid-uri',
  'invalid-interval',
  'duplicate-tag',
  'malformed-tag',
] as const;
export type DmarcErrorCode = (typeof DMARC_ERROR_CODES)[number];

export interface DmarcError {
  readonly code: DmarcErrorCode;
  readonly tag?: string;
  readonly value?: string;
}

export interface DmarcTags {
  readonly v?: string;
  readonly p?: DmarcPolicy;
  readonly sp?: DmarcPolicy;
  readonly rua: readonly string[];
  readonly ruf: readonly string[];
  readonly pct?: number | undefined;
  readonly adkim?: 'r' | 's';
  readonly aspf?: 'r' | 's';
  readonly fo?: readonly string[];
  readonly ri?: number;
}

export interface DmarcRecord {
  readonly ok: boolean;
  readonly tags: DmarcTags;
  /** Every tag as written (name lower case), in order. */
  readonly raw: readonly { readonly name: string; readonly value: string }[];
  readonly errors: readonly DmarcError[];
}

/** Whether a (joined) TXT string is a DMARC record (RFC 7489 §6.4: begins with v=DMARC1). */
export function isDmarcRecord(text: string): boolean {
  return /^\s*v\s*=\s*DMARC1\s*(?:;|$)/i.test(text);
}

function isPolicy(v: string): v is DmarcPolicy {
  return (DMARC_POLICIES as readonly string[]).includes(v);
}

/** A DMARC URI: mailto: with an address, or another absolute URI; optional !size suffix. */
function validUri(u: string): boolean {
  const s = u.replace(/!\d+[kmgt]?$/i, '');
  if (/^mailto:/i.test(s)) return /^mailto:[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$/i.test(s);
  return /^[a-z][a-z0-9+.-]*:[^\s;,]+$/i.test(s);
}

export function parseDmarc(input: string): DmarcRecord {
  const text = typeof input === 'string' ? input : '';
  const errors: DmarcError[] = [];
  const raw: { name: string; value: string }[] = [];
  const seen = new Set<string>();
  const tags: {
    v?: string;
    p?: DmarcPolicy;
    sp?: DmarcPolicy;
    rua: string[];
    ruf: string[];
    pct?: number;
    adkim?: 'r' | 's';
    aspf?: 'r' | 's';
    fo?: string[];
    ri?: number;
  } = { rua: [], ruf: [] };

  const parts = text.split(';').map((p) => p.trim());
  parts.forEach((part, index) => {
    if (part === '') return;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      errors.push({ code: 'malformed-tag', value: part });
      return;
    }
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (!/^[a-z][a-z0-9_]*$/.test(name)) {
      errors.push({ code: 'malformed-tag', value: part });
      return;
    }
    raw.push({ name, value });
    if (seen.has(name)) {
      errors.push({ code: 'duplicate-tag', tag: name, value });
      return;
    }
    seen.add(name);
    switch (name) {
      case 'v':
        tags.v = value;
        if (index !== 0 || value !== 'DMARC1') errors.push({ code: 'no-version', tag: 'v', value });
        break;
      case 'p':
      case 'sp': {
        const v = value.toLowerCase();
        if (isPolicy(v)) tags[name] = v;
        else errors.push({ code: 'invalid-policy', tag: name, value });
        break;
      }
      case 'pct': {
        if (/^\d{1,3}$/.test(value) && Number(value) <= 100) tags.pct = Number(value);
        else errors.push({ code: 'invalid-pct', tag: name, value });
        break;
      }
      case 'adkim':
      case 'aspf': {
        const v = value.toLowerCase();
        if (v === 'r' || v === 's') tags[name] = v;
        else errors.push({ code: 'invalid-alignment', tag: name, value });
        break;
      }
      case 'fo': {
        const opts = value.split(':').map((o) => o.trim());
        if (opts.every((o) => /^[01ds]$/i.test(o))) tags.fo = opts.map((o) => o.toLowerCase());
        else errors.push({ code: 'invalid-fo', tag: name, value });
        break;
      }
      case 'rua':
      case 'ruf': {
        const uris = value.split(',').map((u) => u.trim());
        for (const u of uris) {
          if (validUri(u)) tags[name].push(u);
          else errors.push({ code: 'invalid-uri', tag: name, value: u });
        }
        break;
      }
      case 'ri': {
        if (/^\d{1,10}$/.test(value)) tags.ri = Number(value);
        else errors.push({ code: 'invalid-interval', tag: name, value });
        break;
      }
      default:
        // Unknown tags are ignored (RFC 7489 §6.3).
        break;
    }
  });

  if (tags.v === undefined) errors.unshift({ code: 'no-version' });
  if (tags.p === undefined && !errors.some((e) => e.code === 'invalid-policy' && e.tag === 'p')) errors.push({ code: 'missing-policy', tag: 'p' });
  return { ok: errors.length === 0, tags, raw, errors };
}

export interface DmarcChoice {
  readonly policy: DmarcPolicy;
  /** Report address: `mailto:x@y` or a bare address; several separated by commas. */
  readonly rua?: string | undefined;
  /** Percentage of failing mail the policy applies to; omitted when 100. */
  readonly pct?: number | undefined;
}

/**
 * Report addresses as mailto: URIs. Characters that would break the record are
 * percent-encoded, not dropped (RFC 7489 §6.2: "!" ends a URI with a size limit;
 * the quote and backslash of a quoted local part), so the address stays the same.
 */
export function normaliseRua(rua: string): string[] {
  return rua
    .split(/[,，;；\s]+/)
    .map((a) => a.trim().replace(/[!"\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .filter((a) => a !== '' && a.toLowerCase() !== 'mailto:')
    .map((a) => (/^mailto:/i.test(a) ? `mailto:${a.slice(7)}` : `mailto:${a}`));
}

/** The DMARC record for the reader's choice, e.g. `v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com`. */
export function buildDmarc(choice: DmarcChoice): string {
  const policy: DmarcPolicy = isPolicy(choice.policy) ? choice.policy : 'none';
  const parts = ['v=DMARC1', `p=${policy}`];
  const rua = choice.rua === undefined ? [] : normaliseRua(choice.rua);
  if (rua.length > 0) parts.push(`rua=${rua.join(',')}`);
  if (choice.pct !== undefined && Number.isFinite(choice.pct)) {
    const pct = Math.min(100, Math.max(0, Math.round(choice.pct)));
    if (pct !== 100) parts.push(`pct=${pct}`);
  }
  return parts.join('; ');
}
