/**
 * A fake DoH resolver (a `fetch` for createDohClient) that answers RFC 8484
 * GET requests from the zone data of one openspf test-suite scenario, with the
 * driver semantics of the suite's own driver (pyspf test/testspf.py) as
 * tests/conformance/spf/ describes them:
 * - SPF-type records are served as TXT when the name has no TXT record of its
 *   own (`TXT: NONE` is a TXT entry that serves nothing);
 * - a name not in the zone is NXDOMAIN, a listed name without the type NOERROR
 *   with no records;
 * - `TIMEOUT` in a name's list times the lookup out (answered SERVFAIL here)
 *   unless records of the asked type came before it in the list; a record
 *   whose value is `TIMEOUT` times out lookups of its type; an unlisted name
 *   starting `error.` times out;
 * - a CNAME is followed one level (the answer holds the CNAME and the
 *   target's own records of the type).
 * The request is read from its wire bytes (the question's labels as UTF-8,
 * lower-cased, joined with "."), and the response — encoded by
 * @dnsquery/dns-packet, an encoder independent of the site's codec — echoes
 * the question's bytes exactly.
 */
import * as dnsPacket from '@dnsquery/dns-packet';
import type { FetchLike } from '~/core/doh/client';

/** One entry of a zonedata list: `{TYPE: value}` or the bare string TIMEOUT. */
export type ZoneEntry = string | Record<string, unknown>;
export type ZoneData = Record<string, ZoneEntry[]>;

interface ZoneRecord {
  readonly type: string;
  readonly value: unknown;
}

type Zone = Map<string, (ZoneRecord | 'TIMEOUT')[]>;

/** Reads a scenario's zonedata the way the suite's driver does (SPF copied to TXT when a name has no TXT). */
export function loadZone(data: ZoneData): Zone {
  const zone: Zone = new Map();
  for (const [name, entries] of Object.entries(data)) {
    const list: (ZoneRecord | 'TIMEOUT')[] = [];
    const spfAsTxt: ZoneRecord[] = [];
    let hasTxt = false;
    for (const entry of entries) {
      if (typeof entry === 'string') {
        list.push('TIMEOUT');
        continue;
      }
      for (const [type, value] of Object.entries(entry)) {
        if (type === 'TXT') hasTxt = true;
        if (type === 'SPF') spfAsTxt.push({ type: 'TXT', value });
        if (value !== 'NONE') list.push({ type, value });
      }
    }
    if (!hasTxt) list.push(...spfAsTxt);
    zone.set(name.toLowerCase(), list);
  }
  return zone;
}

type Lookup = { kind: 'records'; records: ZoneRecord[] } | { kind: 'nxdomain' } | { kind: 'timeout' };

/** The records of one name and type, as the driver's DNSLookup gives them. */
function lookup(zone: Zone, name: string, type: string): Lookup {
  const list = zone.get(name);
  if (!list) return name.startsWith('error.') ? { kind: 'timeout' } : { kind: 'nxdomain' };
  const records: ZoneRecord[] = [];
  for (const entry of list) {
    if (entry === 'TIMEOUT') {
      if (records.length === 0) return { kind: 'timeout' };
      break;
    }
    if (entry.type !== type) continue;
    if (entry.value === 'TIMEOUT') return { kind: 'timeout' };
    records.push(entry);
  }
  return { kind: 'records', records };
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** One zone value as dns-packet answer data. */
function answerData(type: string, value: unknown): unknown {
  switch (type) {
    case 'MX': {
      const [preference, exchange] = value as [number, string];
      // dns-packet writes "" with a wrong length; "." is the root it means.
      return { preference, exchange: exchange === '' ? '.' : exchange };
    }
    case 'TXT':
      // Strings as UTF-8 bytes (dns-packet's own string encoder mangles some characters).
      return (Array.isArray(value) ? value : [value]).map((s) => utf8.encode(String(s)));
    default:
      return value;
  }
}

const TYPE_NAMES: Record<number, string> = { 1: 'A', 5: 'CNAME', 12: 'PTR', 15: 'MX', 16: 'TXT', 28: 'AAAA', 99: 'SPF' };

/** The question's name as the zone spells names, and the byte offset where the question ends. */
function readQuestion(query: Uint8Array): { name: string; type: string; end: number } {
  const labels: string[] = [];
  let pos = 12;
  while ((query[pos] ?? 0) !== 0) {
    const len = query[pos] ?? 0;
    labels.push(utf8Decoder.decode(query.subarray(pos + 1, pos + 1 + len)));
    pos += 1 + len;
  }
  const typeCode = ((query[pos + 1] ?? 0) << 8) | (query[pos + 2] ?? 0);
  return { name: labels.join('.').toLowerCase(), type: TYPE_NAMES[typeCode] ?? `TYPE${typeCode}`, end: pos + 5 };
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

/** A `fetch` answering from `zone`. `asked` logs each question ("TYPE name"). */
export function suiteFetch(zone: Zone): { fetch: FetchLike; asked: string[] } {
  const asked: string[] = [];
  const fetch: FetchLike = (url) => {
    const query = Uint8Array.from(Buffer.from(new URL(url).searchParams.get('dns') ?? '', 'base64url'));
    const { name, type, end } = readQuestion(query);
    asked.push(`${type} ${name}`);

    let rcode: number = RCODE.NOERROR;
    const answers: { name: string; type: string; ttl: number; data: unknown }[] = [];
    const answer = (owner: string, found: Lookup): void => {
      if (found.kind === 'timeout') rcode = RCODE.SERVFAIL;
      else if (found.kind === 'nxdomain') rcode = RCODE.NXDOMAIN;
      else for (const r of found.records) answers.push({ name: owner, type: r.type, ttl: 60, data: answerData(r.type, r.value) });
    };
    const cname = type === 'CNAME' ? undefined : lookup(zone, name, 'CNAME');
    const alias = cname?.kind === 'records' ? cname.records[0] : undefined;
    if (alias) {
      // One level: the CNAME, then the target's own records of the type.
      const target = String(alias.value).replace(/\.$/, '').toLowerCase();
      answers.push({ name, type: 'CNAME', ttl: 60, data: target });
      const there = lookup(zone, target, type);
      if (there.kind !== 'nxdomain') answer(target, there);
    } else {
      answer(name, lookup(zone, name, type));
    }

    // dns-packet writes the header and answers; the question goes in as the bytes that were asked.
    const body = dnsPacket.encode({
      type: 'response',
      id: 0,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcode,
      questions: [],
      answers: answers as never,
    });
    const question = query.subarray(12, end);
    const response = new Uint8Array(body.length + question.length);
    response.set(body.subarray(0, 12), 0);
    response[5] = 1; // QDCOUNT
    response.set(question, 12);
    response.set(body.subarray(12), 12 + question.length);
    return Promise.resolve(
      new Response(response, { status: 200, headers: { 'content-type': 'application/dns-message' } }),
    );
  };
  return { fetch, asked };
}
