/**
 * The shapes that cross the boundary between the DoH client and everything that
 * asks it questions (the checker, the SPF expander, the tools). Pure data: no
 * React, no DOM. The wire codec lives in ./codec.ts; nothing outside doh/ sees
 * wire format.
 */

/** Record types the site asks for. Const object + derived union, no enum. */
export const RR_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SOA', 'CAA', 'SRV', 'PTR', 'DS'] as const;
export type RRType = (typeof RR_TYPES)[number];

export const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'] as const;
/** Named response codes; anything else arrives as `RCODE<n>`. */
export type Rcode = (typeof RCODES)[number] | `RCODE${number}`;

export interface MxData { readonly preference: number; readonly exchange: string }
export interface SoaData {
  readonly mname: string; readonly rname: string; readonly serial: number; readonly refresh: number;
  readonly retry: number; readonly expire: number; readonly minimum: number;
}
export interface CaaData { readonly flags: number; readonly tag: string; readonly value: string }
export interface SrvData { readonly priority: number; readonly weight: number; readonly port: number; readonly target: string }
export interface DsData { readonly keyTag: number; readonly algorithm: number; readonly digestType: number; readonly digest: string }

/** One resource record as decoded. Names are lower-case ASCII without the trailing dot. */
export type DnsRecord =
  | { readonly name: string; readonly type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'PTR'; readonly ttl: number; readonly data: string }
  | { readonly name: string; readonly type: 'MX'; readonly ttl: number; readonly data: MxData }
  /** TXT keeps every character-string separately; join with '' before parsing SPF/DKIM/DMARC. */
  | { readonly name: string; readonly type: 'TXT'; readonly ttl: number; readonly data: readonly string[] }
  | { readonly name: string; readonly type: 'SOA'; readonly ttl: number; readonly data: SoaData }
  | { readonly name: string; readonly type: 'CAA'; readonly ttl: number; readonly data: CaaData }
  | { readonly name: string; readonly type: 'SRV'; readonly ttl: number; readonly data: SrvData }
  | { readonly name: string; readonly type: 'DS'; readonly ttl: number; readonly data: DsData }
  /** Any other type: its number and the raw RDATA as hex. */
  | { readonly name: string; readonly type: `TYPE${number}`; readonly ttl: number; readonly data: string };

export interface DnsResponse {
  readonly name: string;
  readonly type: RRType;
  readonly rcode: Rcode;
  /** Authentic Data flag as the resolver set it (the browser cannot validate DNSSEC itself). */
  readonly ad: boolean;
  /** Truncated flag. */
  readonly tc: boolean;
  readonly answers: readonly DnsRecord[];
  readonly authority: readonly DnsRecord[];
  /** Id of the resolver that produced this answer (after any fallback). */
  readonly resolverId: string;
  /** Wall time from sending to decoding, in milliseconds. */
  readonly elapsedMs: number;
}

/**
 * Stable codes for failures to get an answer. A failure is never "the record is
 * missing". `invalid-name`: the name cannot be put into a query (an empty
 * label, a label over 63 bytes, a name over 255 bytes on the wire); nothing was
 * sent.
 */
export const DOH_ERROR_CODES = [
  'timeout',
  'http-status',
  'network',
  'malformed',
  'aborted',
  'invalid-url',
  'invalid-name',
] as const;
export type DohErrorCode = (typeof DOH_ERROR_CODES)[number];

/**
 * Ask one question. Resolves with the decoded answer whatever its rcode
 * (NXDOMAIN and SERVFAIL are answers); rejects only with a DohError
 * (see ./errors.ts) when no resolver could be asked successfully.
 *
 * `name` is in presentation format: labels separated by ".", with dig-style
 * escapes inside a label (`\.` a literal dot, `\\` a backslash, `\DDD` the byte
 * DDD in decimal) and every other character sent as its UTF-8 bytes, so a
 * space, "%" or any other byte can be asked for (RFC 2181 §11). Case does not
 * matter; one trailing dot is allowed. A name that cannot be sent (empty label,
 * label over 63 bytes, over 255 bytes on the wire) rejects with
 * DohError('invalid-name') before anything is sent. The answer's `name` is the
 * canonical form the decoder prints (lower case, no trailing dot, bytes outside
 * 0x21–0x7E as `\DDD`).
 */
export type QueryFn = (name: string, type: RRType, signal?: AbortSignal) => Promise<DnsResponse>;
