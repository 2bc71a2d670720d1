/**
 * Test-only DNS message encoder: builds whole responses (and odd queries) for
 * fixtures, from the same per-type table the decoder uses (RR_CODECS in
 * src/core/doh/codec.ts). The site itself only ever encodes one query
 * (encodeQuery), so this lives under tests/ and never ships to browsers.
 * Names are not compressed.
 */
import { encodeName, rdataLength, rrTypeCode, Writer, writeRdata } from '~/core/doh/codec';
import type { DnsRecord, RRType } from '~/core/doh/types';

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
  readonly questions: readonly { readonly name: string; readonly type: RRType | `TYPE${number}` | number }[];
  readonly answers?: readonly DnsRecord[];
  readonly authority?: readonly DnsRecord[];
  /** Adds an EDNS0 OPT record. */
  readonly edns?: { readonly udpSize?: number; readonly dnssecOk?: boolean };
}

const CLASS_IN = 1;
const OPT = 41;

const typeCode = (type: RRType | `TYPE${number}` | number): number => (typeof type === 'number' ? type : rrTypeCode(type));

/** Encodes a whole message without name compression. */
export function encodeMessage(msg: MessageInput): Uint8Array {
  const rcode = msg.rcode ?? 0;
  const records = [...(msg.answers ?? []), ...(msg.authority ?? [])];
  const edns = msg.edns ?? (rcode > 15 ? {} : undefined);
  const questions = msg.questions.map((q) => ({ name: encodeName(q.name), type: typeCode(q.type) }));
  const encoded = records.map((rec) => ({ rec, name: encodeName(rec.name), length: rdataLength(rec) }));
  for (const { length } of encoded) if (length > 0xffff) throw new Error('record data over 65535 bytes');
  const size =
    12 +
    questions.reduce((n, q) => n + q.name.length + 4, 0) +
    encoded.reduce((n, r) => n + r.name.length + 10 + r.length, 0) +
    (edns ? 11 : 0);

  let flags = rcode & 0xf;
  if (msg.response) flags |= 0x8000;
  if (msg.aa) flags |= 0x0400;
  if (msg.tc) flags |= 0x0200;
  if (msg.rd ?? true) flags |= 0x0100;
  if (msg.ra) flags |= 0x0080;
  if (msg.ad) flags |= 0x0020;
  if (msg.cd) flags |= 0x0010;

  const w = new Writer(size);
  w.u16(msg.id ?? 0);
  w.u16(flags);
  w.u16(questions.length);
  w.u16(msg.answers?.length ?? 0);
  w.u16(msg.authority?.length ?? 0);
  w.u16(edns ? 1 : 0);
  for (const q of questions) {
    w.raw(q.name);
    w.u16(q.type);
    w.u16(CLASS_IN);
  }
  for (const { rec, name, length } of encoded) {
    w.raw(name);
    w.u16(typeCode(rec.type));
    w.u16(CLASS_IN);
    w.u32(rec.ttl);
    w.u16(length);
    writeRdata(rec, w);
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
  return w.finish();
}
