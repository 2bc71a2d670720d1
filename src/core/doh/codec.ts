/**
 * DNS wire format (RFC 1035, EDNS0 RFC 6891) for RFC 8484 DoH: encode one
 * query, decode one response into the shapes of ./types.ts. Responses are only
 * ever decoded here; the message encoder the tests use to build responses lives
 * under tests/ and is built from the same per-type table (RR_CODECS).
 *
 * Why our own codec rather than @dnsquery/dns-packet 6.1.1 (which does work in
 * browsers): the bytes we decode come from the network and are untrusted, and
 * that library reads past the end of a record without complaint (a truncated
 * TXT record decodes as a shorter string instead of failing), decodes name
 * labels as UTF-8 and joins them with "." (a label holding a dot or a binary
 * byte becomes a different name), and returns TXT as bytes that would need
 * converting anyway. This module bounds every read by the RDATA length, escapes
 * labels the way dig does, turns every failure into DohError('malformed'),
 * handles only the eleven types the site asks for (others become TYPEn + hex),
 * and is a fraction of the size (the library is 27 KB min / 8 KB gzip). The
 * library stays useful as an independent encoder in the unit tests.
 *
 * Decoding never loops: each compression pointer must point strictly before the
 * previous one, at most MAX_POINTER_JUMPS are followed per name, and every
 * section loop consumes bytes.
 *
 * Names in presentation format (what QueryFn takes and what the decoder
 * prints): labels separated by ".", with dig's escapes inside a label — `\.` a
 * literal dot, `\\` a backslash, `\DDD` the byte DDD (decimal) — and any other
 * character as its UTF-8 bytes (RFC 2181 §11: a label may hold any byte). One
 * trailing unescaped dot is allowed (an absolute name). The decoder prints
 * A–Z in lower case, "." and "\" escaped, and any byte outside 0x21–0x7E as
 * \DDD, so `canonicalName` (encode, then print as the decoder does) gives the
 * form to compare a question with.
 */
import { canonicalName as canonicalNameOf, InvalidName, labelText, MAX_LABEL_BYTES, MAX_NAME_BYTES, presentationLabels } from '../names';
import { DohError } from './errors';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './ip';
import type { CaaData, DnsRecord, DsData, MxData, Rcode, RRType, SoaData, SrvData } from './types';
import { RCODES } from './types';

const OPT = 41;
const CLASS_IN = 1;
/** A DNS message never exceeds 65535 bytes (RFC 1035 §4.2.2 length prefix). */
export const MAX_MESSAGE_BYTES = 65535;
/** Compression pointers followed for one name: one per label is the most a real message uses (≤ 127 labels). */
export const MAX_POINTER_JUMPS = 127;
export { MAX_LABEL_BYTES, MAX_NAME_BYTES };

// ───────────────────────────── reading and writing bytes ─────────────────────────────

class Malformed extends Error {}

/** Bounded reads over one message: every read names the limit it must stay within. */
export class Reader {
  constructor(readonly buf: Uint8Array) {}

  need(pos: number, n: number, limit = this.buf.length): void {
    if (pos < 0 || n < 0 || pos + n > limit) throw new Malformed(`ends early (needs ${n} byte(s) at offset ${pos})`);
  }

  u8(pos: number, limit?: number): number {
    this.need(pos, 1, limit);
    return this.buf[pos] ?? 0;
  }

  u16(pos: number, limit?: number): number {
    this.need(pos, 2, limit);
    return ((this.buf[pos] ?? 0) << 8) | (this.buf[pos + 1] ?? 0);
  }

  u32(pos: number, limit?: number): number {
    this.need(pos, 4, limit);
    return this.u16(pos) * 0x10000 + this.u16(pos + 2);
  }

  bytes(pos: number, n: number, limit?: number): Uint8Array {
    this.need(pos, n, limit);
    return this.buf.subarray(pos, pos + n);
  }

  /**
   * A possibly compressed name starting at `start`. Returns the name and the
   * offset just after it in the original position. The uncompressed part must
   * end by `limit` (the RDATA end, for names inside RDATA).
   */
  name(start: number, limit = this.buf.length): { name: string; end: number } {
    const labels: string[] = [];
    let pos = start;
    let end = -1;
    // Pointers must point strictly before the place the current run of labels started.
    let floor = start;
    let wireLength = 1;
    // A name has at most 127 labels, so real compression never needs more jumps than that;
    // a longer chain only makes decoding slow (a 64 KB message could force millions of jumps).
    let jumps = 0;
    for (;;) {
      const len = this.u8(pos, end < 0 ? limit : undefined);
      if (len === 0) {
        if (end < 0) end = pos + 1;
        break;
      }
      const kind = len & 0xc0;
      if (kind === 0xc0) {
        const target = this.u16(pos, end < 0 ? limit : undefined) & 0x3fff;
        if (end < 0) end = pos + 2;
        if (target >= floor) throw new Malformed(`compression pointer at offset ${pos} does not point backwards`);
        if (++jumps > MAX_POINTER_JUMPS) throw new Malformed(`more than ${MAX_POINTER_JUMPS} compression pointers in one name`);
        floor = target;
        pos = target;
        continue;
      }
      if (kind !== 0) throw new Malformed(`unsupported label type at offset ${pos}`);
      wireLength += len + 1;
      if (wireLength > MAX_NAME_BYTES) throw new Malformed('name longer than 255 bytes');
      labels.push(labelText(this.bytes(pos + 1, len, end < 0 ? limit : undefined)));
      pos += 1 + len;
    }
    return { name: labels.length === 0 ? '.' : labels.join('.'), end };
  }
}

/** Writes into a buffer of a length computed beforehand (the encodingLength of what goes in). */
export class Writer {
  readonly bytes: Uint8Array;
  private pos = 0;

  constructor(length: number) {
    this.bytes = new Uint8Array(length);
  }

  u8(n: number): void {
    this.bytes[this.pos++] = n & 0xff;
  }

  u16(n: number): void {
    this.u8(n >> 8);
    this.u8(n);
  }

  u32(n: number): void {
    this.u16(Math.floor(n / 0x10000) & 0xffff);
    this.u16(n & 0xffff);
  }

  raw(b: Uint8Array): void {
    this.bytes.set(b, this.pos);
    this.pos += b.length;
  }

  /** The finished buffer; throws if what was written differs from the length announced. */
  finish(): Uint8Array {
    if (this.pos !== this.bytes.length) throw encodeFailure(`${this.pos} bytes where ${this.bytes.length} were announced`);
    return this.bytes;
  }
}

function encodeFailure(what: string): DohError {
  return new DohError('malformed', `Cannot put ${what} into a DNS message.`);
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s.toUpperCase();
}

function fromHex(text: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw encodeFailure(`the hex data "${text}"`);
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

// ───────────────────────────── names ─────────────────────────────

/** DohError('invalid-name') for a name that cannot be sent (see nameLabels in ../names.ts). */
function asDohError(err: unknown): unknown {
  return err instanceof InvalidName ? new DohError('invalid-name', err.message) : err;
}

/** The wire labels of a name in presentation format. Throws DohError('invalid-name'). */
export function nameLabels(name: string): Uint8Array[] {
  try {
    return presentationLabels(name);
  } catch (err) {
    throw asDohError(err);
  }
}

/** The canonical form of a name (see ../names.ts). Throws DohError('invalid-name'). */
export function canonicalName(name: string): string {
  try {
    return canonicalNameOf(name);
  } catch (err) {
    throw asDohError(err);
  }
}

/** A name as wire bytes, without compression. Throws DohError('invalid-name') (see nameLabels). */
export function encodeName(name: string): Uint8Array {
  const labels = nameLabels(name);
  const out = new Uint8Array(labels.reduce((n, l) => n + l.length + 1, 1));
  let pos = 0;
  for (const l of labels) {
    out[pos++] = l.length;
    out.set(l, pos);
    pos += l.length;
  }
  return out;
}

// ───────────────────────────── one table entry per record type ─────────────────────────────

/** The decoded data of each record type (the `data` of its DnsRecord). */
export interface RRDataMap {
  readonly A: string;
  readonly NS: string;
  readonly CNAME: string;
  readonly SOA: SoaData;
  readonly PTR: string;
  readonly MX: MxData;
  readonly TXT: readonly string[];
  readonly AAAA: string;
  readonly SRV: SrvData;
  readonly DS: DsData;
  readonly CAA: CaaData;
}

/**
 * How one record type goes to and from the wire. `decode` reads the RDATA in
 * [start, end) and must use all of it; `encodingLength` is the RDATA length
 * `encode` writes.
 */
export interface RRCodec<D> {
  readonly code: number;
  decode(r: Reader, start: number, end: number): D;
  encodingLength(data: D): number;
  encode(data: D, w: Writer): void;
}

/** Fails unless the RDATA was used up exactly. */
function done(type: string, pos: number, end: number): void {
  if (pos !== end) throw new Malformed(`${type} record has ${end - pos} stray byte(s)`);
}

function address(type: 'A' | 'AAAA', code: number, size: 4 | 16): RRCodec<string> {
  const parse = size === 4 ? parseIPv4 : parseIPv6;
  const format = size === 4 ? formatIPv4 : formatIPv6;
  return {
    code,
    decode: (r, start, end) => {
      if (end - start !== size) throw new Malformed(`${type} record with ${end - start} bytes of data`);
      return format(r.bytes(start, size));
    },
    encodingLength: () => size,
    encode: (data, w) => {
      const b = parse(data);
      if (!b) throw encodeFailure(`the address ${data}`);
      w.raw(b);
    },
  };
}

function nameOnly(type: 'NS' | 'CNAME' | 'PTR', code: number): RRCodec<string> {
  return {
    code,
    decode: (r, start, end) => {
      const n = r.name(start, end);
      done(type, n.end, end);
      return n.name;
    },
    encodingLength: (data) => encodeName(data).length,
    encode: (data, w) => w.raw(encodeName(data)),
  };
}

const SOA_CODEC: RRCodec<SoaData> = {
  code: 6,
  decode: (r, start, end) => {
    const m = r.name(start, end);
    const rn = r.name(m.end, end);
    const p = rn.end;
    const data: SoaData = {
      mname: m.name,
      rname: rn.name,
      serial: r.u32(p, end),
      refresh: r.u32(p + 4, end),
      retry: r.u32(p + 8, end),
      expire: r.u32(p + 12, end),
      minimum: r.u32(p + 16, end),
    };
    done('SOA', p + 20, end);
    return data;
  },
  encodingLength: (d) => encodeName(d.mname).length + encodeName(d.rname).length + 20,
  encode: (d, w) => {
    w.raw(encodeName(d.mname));
    w.raw(encodeName(d.rname));
    for (const n of [d.serial, d.refresh, d.retry, d.expire, d.minimum]) w.u32(n);
  },
};

const MX_CODEC: RRCodec<MxData> = {
  code: 15,
  decode: (r, start, end) => {
    const preference = r.u16(start, end);
    const n = r.name(start + 2, end);
    done('MX', n.end, end);
    return { preference, exchange: n.name };
  },
  encodingLength: (d) => 2 + encodeName(d.exchange).length,
  encode: (d, w) => {
    w.u16(d.preference);
    w.raw(encodeName(d.exchange));
  },
};

const TXT_CODEC: RRCodec<readonly string[]> = {
  code: 16,
  decode: (r, start, end) => {
    const strings: string[] = [];
    let pos = start;
    while (pos < end) {
      const len = r.u8(pos, end);
      strings.push(utf8.decode(r.bytes(pos + 1, len, end)));
      pos += 1 + len;
    }
    return strings;
  },
  encodingLength: (d) =>
    d.reduce((n, s) => {
      const len = utf8Encoder.encode(s).length;
      if (len > 255) throw encodeFailure('a TXT string over 255 bytes (split it)');
      return n + 1 + len;
    }, 0),
  encode: (d, w) => {
    for (const s of d) {
      const b = utf8Encoder.encode(s);
      w.u8(b.length);
      w.raw(b);
    }
  },
};

const SRV_CODEC: RRCodec<SrvData> = {
  code: 33,
  decode: (r, start, end) => {
    const priority = r.u16(start, end);
    const weight = r.u16(start + 2, end);
    const port = r.u16(start + 4, end);
    const n = r.name(start + 6, end);
    done('SRV', n.end, end);
    return { priority, weight, port, target: n.name };
  },
  encodingLength: (d) => 6 + encodeName(d.target).length,
  encode: (d, w) => {
    w.u16(d.priority);
    w.u16(d.weight);
    w.u16(d.port);
    w.raw(encodeName(d.target));
  },
};

const DS_CODEC: RRCodec<DsData> = {
  code: 43,
  decode: (r, start, end) => ({
    keyTag: r.u16(start, end),
    algorithm: r.u8(start + 2, end),
    digestType: r.u8(start + 3, end),
    digest: hex(r.bytes(start + 4, end - start - 4, end)),
  }),
  encodingLength: (d) => 4 + fromHex(d.digest).length,
  encode: (d, w) => {
    w.u16(d.keyTag);
    w.u8(d.algorithm);
    w.u8(d.digestType);
    w.raw(fromHex(d.digest));
  },
};

const CAA_CODEC: RRCodec<CaaData> = {
  code: 257,
  decode: (r, start, end) => {
    const flags = r.u8(start, end);
    const tagLength = r.u8(start + 1, end);
    const tag = utf8.decode(r.bytes(start + 2, tagLength, end)).toLowerCase();
    const value = utf8.decode(r.bytes(start + 2 + tagLength, end - start - 2 - tagLength, end));
    return { flags, tag, value };
  },
  encodingLength: (d) => 2 + utf8Encoder.encode(d.tag).length + utf8Encoder.encode(d.value).length,
  encode: (d, w) => {
    const tag = utf8Encoder.encode(d.tag);
    if (tag.length > 255) throw encodeFailure('a CAA tag over 255 bytes');
    w.u8(d.flags);
    w.u8(tag.length);
    w.raw(tag);
    w.raw(utf8Encoder.encode(d.value));
  },
};

/** Every record type the site asks for: its wire number, decoder, encoder and encoded length. */
export const RR_CODECS: { readonly [T in RRType]: RRCodec<RRDataMap[T]> } = {
  A: address('A', 1, 4),
  NS: nameOnly('NS', 2),
  CNAME: nameOnly('CNAME', 5),
  SOA: SOA_CODEC,
  PTR: nameOnly('PTR', 12),
  MX: MX_CODEC,
  TXT: TXT_CODEC,
  AAAA: address('AAAA', 28, 16),
  SRV: SRV_CODEC,
  DS: DS_CODEC,
  CAA: CAA_CODEC,
};

/** Any other type (RFC 3597): the RDATA as upper-case hex. */
export const UNKNOWN_CODEC: Omit<RRCodec<string>, 'code'> = {
  decode: (r, start, end) => hex(r.bytes(start, end - start, end)),
  encodingLength: (d) => fromHex(d).length,
  encode: (d, w) => w.raw(fromHex(d)),
};

const TYPE_BY_CODE = new Map<number, RRType>(
  (Object.keys(RR_CODECS) as RRType[]).map((type) => [RR_CODECS[type].code, type]),
);

/** The record type name for a wire number: a known RRType, or `TYPE<n>` (RFC 3597). */
export function rrTypeName(code: number): RRType | `TYPE${number}` {
  return TYPE_BY_CODE.get(code) ?? `TYPE${code}`;
}

/** The wire number of a type name (`TYPE<n>` included); throws DohError('malformed') for anything else. */
export function rrTypeCode(type: RRType | `TYPE${number}`): number {
  if (Object.hasOwn(RR_CODECS, type)) return RR_CODECS[type as RRType].code;
  const m = /^TYPE(\d{1,5})$/.exec(type);
  if (!m || Number(m[1]) > 0xffff) throw encodeFailure(`the type ${type}`);
  return Number(m[1]);
}

export function rcodeName(code: number): Rcode {
  return RCODES[code] ?? `RCODE${code}`;
}

/** The codec for a type: the table entry, or the hex codec for unknown types. */
function codecFor(type: DnsRecord['type']): Omit<RRCodec<unknown>, 'code'> {
  return (Object.hasOwn(RR_CODECS, type) ? RR_CODECS[type as RRType] : UNKNOWN_CODEC) as Omit<RRCodec<unknown>, 'code'>;
}

/** RDATA length of a record (for encoders building whole messages). */
export function rdataLength(record: DnsRecord): number {
  return codecFor(record.type).encodingLength(record.data);
}

/** Writes a record's RDATA (its length must have been written before, see rdataLength). */
export function writeRdata(record: DnsRecord, w: Writer): void {
  codecFor(record.type).encode(record.data, w);
}

// ───────────────────────────── decoding ─────────────────────────────

export interface DecodedQuestion {
  readonly name: string;
  readonly type: RRType | `TYPE${number}`;
}

export interface DecodedMessage {
  readonly id: number;
  readonly opcode: number;
  /** Header flags. */
  readonly aa: boolean;
  readonly tc: boolean;
  readonly rd: boolean;
  readonly ra: boolean;
  readonly ad: boolean;
  readonly cd: boolean;
  /** Response code, including the EDNS extended bits when an OPT record is present. */
  readonly rcode: Rcode;
  readonly questions: readonly DecodedQuestion[];
  readonly answers: readonly DnsRecord[];
  readonly authority: readonly DnsRecord[];
  /** Present when the response carried an OPT record. */
  readonly edns?: { readonly udpSize: number; readonly version: number; readonly dnssecOk: boolean };
}

interface RawRecord {
  readonly name: string;
  readonly type: number;
  readonly klass: number;
  readonly ttl: number;
  readonly rdataStart: number;
  readonly rdataEnd: number;
}

function readRecordHeader(r: Reader, pos: number): { rec: RawRecord; end: number } {
  const { name, end } = r.name(pos);
  const type = r.u16(end);
  const klass = r.u16(end + 2);
  const rawTtl = r.u32(end + 4);
  const rdlength = r.u16(end + 8);
  const rdataStart = end + 10;
  r.need(rdataStart, rdlength);
  // RFC 2181 §8: a TTL with the top bit set is treated as zero.
  const ttl = rawTtl > 0x7fffffff ? 0 : rawTtl;
  return { rec: { name, type, klass, ttl, rdataStart, rdataEnd: rdataStart + rdlength }, end: rdataStart + rdlength };
}

function decodeRecord(r: Reader, raw: RawRecord): DnsRecord {
  const type = rrTypeName(raw.type);
  const data = codecFor(type).decode(r, raw.rdataStart, raw.rdataEnd);
  // The codec chosen by `type` produced `data`, so the pair is one member of the DnsRecord union.
  return { name: raw.name, type, ttl: raw.ttl, data } as DnsRecord;
}

/**
 * Decodes a DNS response. Throws only DohError('malformed') — for short or
 * inconsistent data, a query instead of a response, or a bad name.
 * Names are in canonical presentation form (see the top of this file).
 */
export function decodeMessage(bytes: Uint8Array): DecodedMessage {
  try {
    return decodeUnsafe(bytes);
  } catch (err) {
    const detail = err instanceof Malformed ? err.message : 'cannot be decoded';
    throw new DohError('malformed', `The DNS response is malformed: ${detail}.`, { cause: err });
  }
}

function decodeUnsafe(bytes: Uint8Array): DecodedMessage {
  if (!(bytes instanceof Uint8Array)) throw new Malformed('not bytes');
  if (bytes.length > MAX_MESSAGE_BYTES) throw new Malformed('longer than 65535 bytes');
  const r = new Reader(bytes);
  r.need(0, 12);
  const id = r.u16(0);
  const flags = r.u16(2);
  if ((flags & 0x8000) === 0) throw new Malformed('it is a query, not a response');
  const counts = [r.u16(4), r.u16(6), r.u16(8), r.u16(10)] as const;
  let pos = 12;

  const questions: DecodedQuestion[] = [];
  for (let i = 0; i < counts[0]; i++) {
    const { name, end } = r.name(pos);
    questions.push({ name, type: rrTypeName(r.u16(end)) });
    r.u16(end + 2);
    pos = end + 4;
  }

  const section = (count: number): DnsRecord[] => {
    const out: DnsRecord[] = [];
    for (let i = 0; i < count; i++) {
      const { rec, end } = readRecordHeader(r, pos);
      pos = end;
      if (rec.klass !== CLASS_IN) continue;
      out.push(decodeRecord(r, rec));
    }
    return out;
  };
  const answers = section(counts[1]);
  const authority = section(counts[2]);

  let edns: DecodedMessage['edns'];
  let extendedRcode = 0;
  for (let i = 0; i < counts[3]; i++) {
    const { rec, end } = readRecordHeader(r, pos);
    pos = end;
    if (rec.type !== OPT) continue;
    if (edns) throw new Malformed('more than one OPT record');
    if (rec.name !== '.') throw new Malformed('OPT record not at the root name');
    // For OPT the TTL field is extended-rcode(8) version(8) DO(1) Z(15); re-read it raw.
    const raw = r.u32(rec.rdataStart - 6);
    extendedRcode = raw >>> 24;
    edns = { udpSize: rec.klass, version: (raw >>> 16) & 0xff, dnssecOk: (raw & 0x8000) !== 0 };
  }

  return {
    id,
    opcode: (flags >> 11) & 0xf,
    aa: (flags & 0x0400) !== 0,
    tc: (flags & 0x0200) !== 0,
    rd: (flags & 0x0100) !== 0,
    ra: (flags & 0x0080) !== 0,
    ad: (flags & 0x0020) !== 0,
    cd: (flags & 0x0010) !== 0,
    rcode: rcodeName((extendedRcode << 4) | (flags & 0xf)),
    questions,
    answers,
    authority,
    ...(edns ? { edns } : {}),
  };
}

// ───────────────────────────── the one query the client sends ─────────────────────────────

export interface QueryOptions {
  /** Message id. Default 0, as RFC 8484 §4.1 recommends for cache-friendly GETs. */
  readonly id?: number;
  /** Set the EDNS DO bit (asks for DNSSEC records; makes answers larger). Default false. */
  readonly dnssecOk?: boolean;
}

/** Header flags of a query: RD, and AD so that validating resolvers report AD without the DO bit (RFC 6840 §5.7). */
const QUERY_FLAGS = 0x0100 | 0x0020;
/** The EDNS0 OPT record: root name, type, UDP size, extended rcode, version, flags, no options. */
const OPT_LENGTH = 11;

/**
 * One recursive query (RD=1) with an EDNS0 OPT record (UDP size 1232). The AD
 * bit is set in the query so that validating resolvers report AD without the
 * DO bit (RFC 6840 §5.7). The name is in presentation format; throws
 * DohError('invalid-name') for one that cannot be sent.
 */
export function encodeQuery(name: string, type: RRType, options: QueryOptions = {}): Uint8Array {
  const qname = encodeName(name);
  const w = new Writer(12 + qname.length + 4 + OPT_LENGTH);
  w.u16(options.id ?? 0);
  w.u16(QUERY_FLAGS);
  for (const count of [1, 0, 0, 1]) w.u16(count);
  w.raw(qname);
  w.u16(RR_CODECS[type].code);
  w.u16(CLASS_IN);
  w.u8(0); // root name
  w.u16(OPT);
  w.u16(1232);
  w.u8(0); // extended rcode
  w.u8(0); // EDNS version 0
  w.u16(options.dnssecOk ? 0x8000 : 0);
  w.u16(0); // no options
  return w.finish();
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding (RFC 4648 §5), as RFC 8484 §4.1 requires for `?dns=`. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}
