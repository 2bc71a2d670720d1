/**
 * DNS wire format (RFC 1035, EDNS0 RFC 6891) for RFC 8484 DoH: encode one
 * query, decode one response into the shapes of ./types.ts.
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
 */
import { DohError } from './errors';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './ip';
import type { CaaData, DnsRecord, DsData, MxData, Rcode, RRType, SoaData, SrvData } from './types';
import { RCODES } from './types';

/** Wire numbers of the record types the site asks for. */
export const RR_TYPE_CODES = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  DS: 43,
  CAA: 257,
} as const satisfies Record<RRType, number>;

const TYPE_NAMES = new Map<number, RRType>(Object.entries(RR_TYPE_CODES).map(([name, code]) => [code, name as RRType]));
const OPT = 41;
const CLASS_IN = 1;
/** A DNS message never exceeds 65535 bytes (RFC 1035 §4.2.2 length prefix). */
export const MAX_MESSAGE_BYTES = 65535;
/** Compression pointers followed for one name: one per label is the most a real message uses (≤ 127 labels). */
export const MAX_POINTER_JUMPS = 127;

/** The record type name for a wire number: a known RRType, or `TYPE<n>` (RFC 3597). */
export function rrTypeName(code: number): RRType | `TYPE${number}` {
  return TYPE_NAMES.get(code) ?? `TYPE${code}`;
}

export function rcodeName(code: number): Rcode {
  return RCODES[code] ?? `RCODE${code}`;
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

class Malformed extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s.toUpperCase();
}

/** One label's bytes as text: A-Z lower-cased, "." and "\" escaped, other non-printables as \DDD (as dig prints them). */
function labelText(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b >= 0x41 && b <= 0x5a) s += String.fromCharCode(b + 0x20);
    else if (b === 0x2e || b === 0x5c) s += `\\${String.fromCharCode(b)}`;
    else if (b < 0x21 || b > 0x7e) s += `\\${b.toString().padStart(3, '0')}`;
    else s += String.fromCharCode(b);
  }
  return s;
}

class Reader {
  constructor(readonly buf: Uint8Array) {}

  need(pos: number, n: number, limit = this.buf.length): void {
    if (pos < 0 || pos + n > limit) throw new Malformed(`ends early (needs ${n} byte(s) at offset ${pos})`);
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
      if (wireLength > 255) throw new Malformed('name longer than 255 bytes');
      labels.push(labelText(this.bytes(pos + 1, len, end < 0 ? limit : undefined)));
      pos += 1 + len;
    }
    return { name: labels.length === 0 ? '.' : labels.join('.'), end };
  }
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
  const { name, ttl, rdataStart: start, rdataEnd: limit } = raw;
  const type = rrTypeName(raw.type);
  const length = limit - start;
  // Reads a name inside RDATA and returns [name, offset after it].
  const nameAt = (pos: number): [string, number] => {
    const n = r.name(pos, limit);
    return [n.name, n.end];
  };
  const done = (pos: number): void => {
    if (pos !== limit) throw new Malformed(`${type} record at offset ${start} has ${limit - pos} stray byte(s)`);
  };
  switch (type) {
    case 'A': {
      if (length !== 4) throw new Malformed(`A record with ${length} bytes of data`);
      return { name, type, ttl, data: formatIPv4(r.bytes(start, 4)) };
    }
    case 'AAAA': {
      if (length !== 16) throw new Malformed(`AAAA record with ${length} bytes of data`);
      return { name, type, ttl, data: formatIPv6(r.bytes(start, 16)) };
    }
    case 'CNAME':
    case 'NS':
    case 'PTR': {
      const [target, end] = nameAt(start);
      done(end);
      return { name, type, ttl, data: target };
    }
    case 'MX': {
      const preference = r.u16(start, limit);
      const [exchange, end] = nameAt(start + 2);
      done(end);
      const data: MxData = { preference, exchange };
      return { name, type, ttl, data };
    }
    case 'TXT': {
      const strings: string[] = [];
      let pos = start;
      while (pos < limit) {
        const len = r.u8(pos, limit);
        strings.push(utf8.decode(r.bytes(pos + 1, len, limit)));
        pos += 1 + len;
      }
      return { name, type, ttl, data: strings };
    }
    case 'SOA': {
      const [mname, p1] = nameAt(start);
      const [rname, p2] = nameAt(p1);
      const data: SoaData = {
        mname,
        rname,
        serial: r.u32(p2, limit),
        refresh: r.u32(p2 + 4, limit),
        retry: r.u32(p2 + 8, limit),
        expire: r.u32(p2 + 12, limit),
        minimum: r.u32(p2 + 16, limit),
      };
      done(p2 + 20);
      return { name, type, ttl, data };
    }
    case 'CAA': {
      const flags = r.u8(start, limit);
      const tagLength = r.u8(start + 1, limit);
      const tag = utf8.decode(r.bytes(start + 2, tagLength, limit)).toLowerCase();
      const value = utf8.decode(r.bytes(start + 2 + tagLength, limit - start - 2 - tagLength, limit));
      const data: CaaData = { flags, tag, value };
      return { name, type, ttl, data };
    }
    case 'SRV': {
      const priority = r.u16(start, limit);
      const weight = r.u16(start + 2, limit);
      const port = r.u16(start + 4, limit);
      const [target, end] = nameAt(start + 6);
      done(end);
      const data: SrvData = { priority, weight, port, target };
      return { name, type, ttl, data };
    }
    case 'DS': {
      const keyTag = r.u16(start, limit);
      const algorithm = r.u8(start + 2, limit);
      const digestType = r.u8(start + 3, limit);
      const data: DsData = { keyTag, algorithm, digestType, digest: hex(r.bytes(start + 4, length - 4, limit)) };
      return { name, type, ttl, data };
    }
    default:
      return { name, type, ttl, data: hex(r.bytes(start, length)) };
  }
}

/**
 * Decodes a DNS response. Throws only DohError('malformed') — for short or
 * inconsistent data, a query instead of a response, or a bad name.
 * Names are lower-case ASCII without the trailing dot ("." for the root).
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

// ───────────────────────────── encoding ─────────────────────────────

export interface MessageInput {
  readonly id?: number;
  /** QR bit: true for a response. Default false (a query). */
  readonly response?: boolean;
  readonly aa?: boolean;
  readonly tc?: boolean;
  /** Recursion desired; default true. */
  readonly rd?: boolean;
  readonly ra?: boolean;
  readonly ad?: boolean;
  readonly cd?: boolean;
  /** Response code number (0–4095; bits above 15 go into the OPT record). */
  readonly rcode?: number;
  readonly questions: readonly { readonly name: string; readonly type: RRType | number }[];
  readonly answers?: readonly DnsRecord[];
  readonly authority?: readonly DnsRecord[];
  /** Adds an EDNS0 OPT record. */
  readonly edns?: { readonly udpSize?: number; readonly dnssecOk?: boolean };
}

class Writer {
  readonly out: number[] = [];
  u8(n: number): void {
    this.out.push(n & 0xff);
  }
  u16(n: number): void {
    this.out.push((n >> 8) & 0xff, n & 0xff);
  }
  u32(n: number): void {
    this.u16(Math.floor(n / 0x10000) & 0xffff);
    this.u16(n & 0xffff);
  }
  bytes(b: ArrayLike<number>): void {
    for (let i = 0; i < b.length; i++) this.out.push(b[i] ?? 0);
  }
}

function encodeFailure(what: string): DohError {
  return new DohError('malformed', `Cannot put ${what} into a DNS message.`);
}

/**
 * A name as wire labels (no compression). Accepts the escapes this codec
 * produces (`\.`, `\\`, `\DDD`), so decoded names round-trip. Printable ASCII
 * only: convert Unicode names to punycode first.
 */
export function encodeName(name: string): Uint8Array {
  const text = name.endsWith('.') && !name.endsWith('\\.') ? name.slice(0, -1) : name;
  const w = new Writer();
  if (text === '') {
    w.u8(0);
    return Uint8Array.from(w.out);
  }
  let label: number[] = [];
  const flush = (): void => {
    if (label.length === 0 || label.length > 63)
      throw encodeFailure(`the name "${name}" (empty label or label over 63 bytes)`);
    w.u8(label.length);
    w.bytes(label);
    label = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      flush();
    } else if (c === 0x5c) {
      const digits = /^\d{3}/.exec(text.slice(i + 1));
      if (digits) {
        const v = Number(digits[0]);
        if (v > 255) throw encodeFailure(`the name "${name}" (bad escape)`);
        label.push(v);
        i += 3;
      } else {
        const next = text.charCodeAt(i + 1);
        if (!(next >= 0x21 && next <= 0x7e)) throw encodeFailure(`the name "${name}" (bad escape)`);
        label.push(next);
        i += 1;
      }
    } else if (c >= 0x21 && c <= 0x7e) {
      label.push(c);
    } else {
      throw encodeFailure(`the name "${name}" (only printable ASCII; convert Unicode names to punycode)`);
    }
  }
  flush();
  w.u8(0);
  if (w.out.length > 255) throw encodeFailure(`the name "${name}" (longer than 255 bytes)`);
  return Uint8Array.from(w.out);
}

const utf8Encoder = new TextEncoder();

function fromHex(text: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw encodeFailure(`the hex data "${text}"`);
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function typeCode(type: RRType | `TYPE${number}` | number): number {
  if (typeof type === 'number') return type;
  if (type in RR_TYPE_CODES) return RR_TYPE_CODES[type as RRType];
  const m = /^TYPE(\d+)$/.exec(type);
  if (!m) throw encodeFailure(`the type ${type}`);
  return Number(m[1]);
}

function encodeRdata(rec: DnsRecord): Uint8Array {
  const w = new Writer();
  switch (rec.type) {
    case 'A': {
      const b = parseIPv4(rec.data);
      if (!b) throw encodeFailure(`the address ${rec.data}`);
      w.bytes(b);
      break;
    }
    case 'AAAA': {
      const b = parseIPv6(rec.data);
      if (!b) throw encodeFailure(`the address ${rec.data}`);
      w.bytes(b);
      break;
    }
    case 'CNAME':
    case 'NS':
    case 'PTR':
      w.bytes(encodeName(rec.data));
      break;
    case 'MX':
      w.u16(rec.data.preference);
      w.bytes(encodeName(rec.data.exchange));
      break;
    case 'TXT':
      for (const s of rec.data) {
        const b = utf8Encoder.encode(s);
        if (b.length > 255) throw encodeFailure('a TXT string over 255 bytes (split it)');
        w.u8(b.length);
        w.bytes(b);
      }
      break;
    case 'SOA': {
      const d = rec.data;
      w.bytes(encodeName(d.mname));
      w.bytes(encodeName(d.rname));
      for (const n of [d.serial, d.refresh, d.retry, d.expire, d.minimum]) w.u32(n);
      break;
    }
    case 'CAA': {
      const tag = utf8Encoder.encode(rec.data.tag);
      w.u8(rec.data.flags);
      w.u8(tag.length);
      w.bytes(tag);
      w.bytes(utf8Encoder.encode(rec.data.value));
      break;
    }
    case 'SRV':
      w.u16(rec.data.priority);
      w.u16(rec.data.weight);
      w.u16(rec.data.port);
      w.bytes(encodeName(rec.data.target));
      break;
    case 'DS':
      w.u16(rec.data.keyTag);
      w.u8(rec.data.algorithm);
      w.u8(rec.data.digestType);
      w.bytes(fromHex(rec.data.digest));
      break;
    default:
      w.bytes(fromHex(rec.data));
  }
  if (w.out.length > 0xffff) throw encodeFailure('record data over 65535 bytes');
  return Uint8Array.from(w.out);
}

/**
 * Encodes a whole message without name compression. The client only sends
 * queries (see encodeQuery); responses are encoded for test fixtures.
 */
export function encodeMessage(msg: MessageInput): Uint8Array {
  const w = new Writer();
  const rcode = msg.rcode ?? 0;
  const answers = msg.answers ?? [];
  const authority = msg.authority ?? [];
  const edns = msg.edns ?? (rcode > 15 ? {} : undefined);
  let flags = rcode & 0xf;
  if (msg.response) flags |= 0x8000;
  if (msg.aa) flags |= 0x0400;
  if (msg.tc) flags |= 0x0200;
  if (msg.rd ?? true) flags |= 0x0100;
  if (msg.ra) flags |= 0x0080;
  if (msg.ad) flags |= 0x0020;
  if (msg.cd) flags |= 0x0010;
  w.u16(msg.id ?? 0);
  w.u16(flags);
  w.u16(msg.questions.length);
  w.u16(answers.length);
  w.u16(authority.length);
  w.u16(edns ? 1 : 0);
  for (const q of msg.questions) {
    w.bytes(encodeName(q.name));
    w.u16(typeCode(q.type));
    w.u16(CLASS_IN);
  }
  for (const rec of [...answers, ...authority]) {
    const rdata = encodeRdata(rec);
    w.bytes(encodeName(rec.name));
    w.u16(typeCode(rec.type));
    w.u16(CLASS_IN);
    w.u32(rec.ttl);
    w.u16(rdata.length);
    w.bytes(rdata);
  }
  if (edns) {
    w.u8(0); // root name
    w.u16(OPT);
    w.u16(edns.udpSize ?? 1232);
    w.u8(rcode >> 4);
    w.u8(0); // EDNS version 0
    w.u16(edns.dnssecOk ? 0x8000 : 0);
    w.u16(0); // no options
  }
  return Uint8Array.from(w.out);
}

export interface QueryOptions {
  /** Message id. Default 0, as RFC 8484 §4.1 recommends for cache-friendly GETs. */
  readonly id?: number;
  /** Set the EDNS DO bit (asks for DNSSEC records; makes answers larger). Default false. */
  readonly dnssecOk?: boolean;
}

/**
 * One recursive query (RD=1) with an EDNS0 OPT record (UDP size 1232). The AD
 * bit is set in the query so that validating resolvers report AD without the
 * DO bit (RFC 6840 §5.7).
 */
export function encodeQuery(name: string, type: RRType, options: QueryOptions = {}): Uint8Array {
  return encodeMessage({
    id: options.id ?? 0,
    rd: true,
    ad: true,
    questions: [{ name, type }],
    edns: { udpSize: 1232, dnssecOk: options.dnssecOk ?? false },
  });
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
