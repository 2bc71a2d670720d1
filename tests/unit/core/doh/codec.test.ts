// The DNS wire codec (src/core/doh/codec.ts): the one query the client sends,
// names in presentation format, every record type decoded from what an
// independent encoder (@dnsquery/dns-packet) wrote, header fields, and hostile
// bytes (malformed input, compression pointer structures) ending in a value or
// DohError('malformed'), never another throw.
import * as dnsPacket from '@dnsquery/dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalName,
  decodeMessage,
  encodeName,
  encodeQuery,
  MAX_MESSAGE_BYTES,
  MAX_POINTER_JUMPS,
  Reader,
  RR_CODECS,
  toBase64Url,
} from '~/core/doh/codec';
import { DohError, isDohError } from '~/core/doh/errors';
import type { DnsRecord, RRType } from '~/core/doh/types';
import { RR_TYPES } from '~/core/doh/types';
import { encodeMessage } from '../../support/dns-wire';

/** Bytes with A–Z folded to a–z, as DNS compares names. */
const asciiLower = (b: Uint8Array): Uint8Array => b.map((x) => (x >= 0x41 && x <= 0x5a ? x + 0x20 : x));

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));

/** A response carrying `answers` for one question, built with the test-only encoder. */
function response(
  question: { name: string; type: RRType },
  answers: DnsRecord[],
  extra: Partial<Parameters<typeof encodeMessage>[0]> = {},
): Uint8Array {
  return encodeMessage({ response: true, ra: true, questions: [question], answers, ...extra });
}

/** The DohError code a call throws, or 'none'. */
function errorCode(run: () => unknown): string {
  try {
    run();
    return 'none';
  } catch (err) {
    return isDohError(err) ? err.code : `not a DohError: ${String(err)}`;
  }
}

describe('encodeQuery', () => {
  it('encodes the RFC 8484 §4.1.1 example query byte for byte', () => {
    // The RFC's example: www.example.com A, id 0, RD, no EDNS.
    // (Built with the test encoder: encodeQuery always adds the EDNS0 OPT record checked below.)
    const bytes = encodeMessage({ id: 0, rd: true, questions: [{ name: 'www.example.com', type: 'A' }] });
    expect(toBase64Url(bytes)).toBe('AAABAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB');
  });

  it('sends id 0, RD and AD set, one question, and an EDNS0 OPT record without the DO bit', () => {
    const expected = hex(`
      0000 0120 0001 0000 0000 0001
      07 6578616d706c65 03 636f6d 00 000f 0001
      00 0029 04d0 00 00 0000 0000`);
    expect(encodeQuery('example.com', 'MX')).toEqual(expected);
  });

  it('sets the DO bit only when asked', () => {
    const bytes = encodeQuery('example.com', 'A', { dnssecOk: true });
    // The OPT record's flags are the last-but-two 16-bit word.
    expect(bytes[bytes.length - 4]).toBe(0x80);
  });

  it('is read back by an independent decoder as the same question', () => {
    const decoded = dnsPacket.decode(encodeQuery('_dmarc.example.com', 'TXT'));
    expect(decoded.questions).toEqual([{ name: '_dmarc.example.com', type: 'TXT', class: 'IN' }]);
    expect(decoded.flag_rd).toBe(true);
  });
});

describe('toBase64Url', () => {
  // Every tail length (0, 1, 2 bytes past a multiple of 3) and bytes that need "-" and "_".
  it.each([[[]], [[0xfb]], [[0xfb, 0xff]], [[0xfb, 0xff, 0xbf]], [[1, 2, 3, 4, 0xfe]]])(
    'encodes %j as base64url without padding',
    (bytes) => {
      const data = Uint8Array.from(bytes);
      expect(toBase64Url(data)).toBe(Buffer.from(data).toString('base64url'));
      expect(toBase64Url(data)).not.toMatch(/[=+/]/);
    },
  );
});


describe('names in presentation format', () => {
  interface NameRow {
    what: string;
    name: string;
    /** The labels on the wire, as byte arrays written as text ("\\x" escapes for odd bytes). */
    labels: string[];
    canonical: string;
  }
  const rows: NameRow[] = [
    // Case does not matter and one trailing dot is allowed.
    { what: 'a plain absolute name', name: 'Example.COM.', labels: ['Example', 'COM'], canonical: 'example.com' },
    // The root, written either way.
    { what: 'the root as "."', name: '.', labels: [], canonical: '.' },
    { what: 'the root as ""', name: '', labels: [], canonical: '.' },
    // "\." is a dot inside a label, not a separator.
    { what: 'an escaped dot', name: 'a\\.b.example', labels: ['a.b', 'example'], canonical: 'a\\.b.example' },
    // An escaped dot at the end is part of the last label, not a trailing dot.
    { what: 'an escaped dot at the end', name: 'a\\.', labels: ['a.'], canonical: 'a\\.' },
    // "\\" is one backslash; a dot after it is a separator again.
    { what: 'an escaped backslash before the trailing dot', name: 'a\\\\.', labels: ['a\\'], canonical: 'a\\\\' },
    // \DDD is one byte, in decimal.
    { what: 'a \\DDD escape', name: 'a\\032b.example', labels: ['a b', 'example'], canonical: 'a\\032b.example' },
    // A space goes in as itself (RFC 2181 §11: any byte may be in a label).
    { what: 'a space', name: 'a b.example', labels: ['a b', 'example'], canonical: 'a\\032b.example' },
    // "%" and other visible characters go in as themselves.
    { what: 'percent signs', name: 'macro%percent.example', labels: ['macro%percent', 'example'], canonical: 'macro%percent.example' },
    // Other characters go in as their UTF-8 bytes (no punycode conversion here).
    { what: 'a non-ASCII character', name: 'É.example', labels: ['\xc3\x89', 'example'], canonical: '\\195\\137.example' },
    // A label of exactly 63 bytes is allowed.
    { what: 'a 63-byte label', name: `${'a'.repeat(63)}.example`, labels: ['a'.repeat(63), 'example'], canonical: `${'a'.repeat(63)}.example` },
  ];
  const bytesOf = (text: string): number[] => Array.from(Buffer.from(text, 'latin1'));
  const wire = (labels: string[]): Uint8Array =>
    Uint8Array.from([...labels.flatMap((l) => [bytesOf(l).length, ...bytesOf(l)]), 0]);

  it.each(rows)('encodes $what', ({ name, labels }) => {
    expect(encodeName(name)).toEqual(wire(labels));
  });

  it.each(rows)('gives $what the canonical form the decoder prints', ({ name, canonical }) => {
    expect(canonicalName(name)).toBe(canonical);
    // The decoder prints exactly that for the same bytes in a question.
    const bytes = Uint8Array.from([...hex('0000 8180 0001 0000 0000 0000'), ...encodeName(name), 0, 1, 0, 1]);
    expect(decodeMessage(bytes).questions[0]?.name).toBe(canonical);
    // And the canonical form encodes to the same labels, with A–Z in lower case (DNS folds ASCII case only).
    expect(encodeName(canonical)).toEqual(asciiLower(encodeName(name)));
  });

  interface BadRow {
    what: string;
    name: string;
  }
  const bad: BadRow[] = [
    // Two dots in a row make an empty label.
    { what: 'an empty label in the middle', name: 'a..example' },
    // A leading dot makes an empty first label.
    { what: 'an empty first label', name: '.example' },
    // Two trailing dots.
    { what: 'two trailing dots', name: 'example..' },
    // 64 bytes in one label.
    { what: 'a 64-byte label', name: `${'a'.repeat(64)}.example` },
    // 32 two-byte characters are 64 bytes, though only 32 characters.
    { what: 'a label of 64 UTF-8 bytes', name: `${'é'.repeat(32)}.example` },
    // 4 × 63-byte labels and a 1-byte one: 4 × 64 + 2 + 1 = 259 bytes on the wire.
    { what: 'a name over 255 bytes', name: `${Array(4).fill('a'.repeat(63)).join('.')}.b` },
    // \DDD must be a byte.
    { what: 'an escape over 255', name: 'a\\256.example' },
    // A backslash needs something to escape.
    { what: 'a lone backslash at the end', name: 'example\\' },
  ];
  it.each(bad)('refuses $what with DohError invalid-name', ({ name }) => {
    expect(errorCode(() => encodeName(name))).toBe('invalid-name');
    expect(errorCode(() => canonicalName(name))).toBe('invalid-name');
    expect(errorCode(() => encodeQuery(name, 'A'))).toBe('invalid-name');
  });

  it('accepts a name of exactly 255 bytes on the wire (253 characters)', () => {
    // 3 × 63-byte labels and a 61-byte one: 3 × 64 + 62 + 1 = 255.
    const name = `${Array(3).fill('a'.repeat(63)).join('.')}.${'b'.repeat(61)}`;
    expect(name).toHaveLength(253);
    expect(encodeName(name)).toHaveLength(255);
    expect(errorCode(() => encodeName(`${name}b`))).toBe('invalid-name');
  });
});

describe('decodeMessage reads what an independent encoder (dns-packet) wrote, for every type', () => {
  type PacketAnswer = Parameters<typeof dnsPacket.encode>[0]['answers'] extends (infer A)[] | undefined ? A : never;
  interface Row {
    what: string;
    /** Answers as dns-packet takes them. */
    answers: PacketAnswer[];
    /** What our decoder must give. */
    expected: DnsRecord[];
    /** Bytes to change after encoding, for what dns-packet cannot write (a dot inside a label). */
    patch?: (bytes: Uint8Array) => void;
  }
  const bytesOf = (...b: number[]): Uint8Array => Uint8Array.from(b);
  const rows: Row[] = [
    { what: 'A', answers: [{ name: 'example.com', type: 'A', ttl: 1, data: '192.0.2.1' }], expected: [{ name: 'example.com', type: 'A', ttl: 1, data: '192.0.2.1' }] },
    // AAAA comes back in RFC 5952 form, whatever form it was written in.
    { what: 'AAAA, printed in RFC 5952 form', answers: [{ name: 'example.com', type: 'AAAA', ttl: 2, data: '2001:db8:0:0:1:0:0:1' }], expected: [{ name: 'example.com', type: 'AAAA', ttl: 2, data: '2001:db8::1:0:0:1' }] },
    { what: 'NS', answers: [{ name: 'example.com', type: 'NS', ttl: 3, data: 'dns1.alidns.com' }], expected: [{ name: 'example.com', type: 'NS', ttl: 3, data: 'dns1.alidns.com' }] },
    { what: 'CNAME', answers: [{ name: 'mail.example.com', type: 'CNAME', ttl: 4, data: 'qiye.aliyun.com' }], expected: [{ name: 'mail.example.com', type: 'CNAME', ttl: 4, data: 'qiye.aliyun.com' }] },
    { what: 'PTR', answers: [{ name: '7.113.0.203.in-addr.arpa', type: 'PTR', ttl: 5, data: 'mail.example.com' }], expected: [{ name: '7.113.0.203.in-addr.arpa', type: 'PTR', ttl: 5, data: 'mail.example.com' }] },
    {
      what: 'SOA',
      answers: [{ name: 'example.com', type: 'SOA', ttl: 6, data: { mname: 'dns1.hichina.com', rname: 'hostmaster.hichina.com', serial: 2024010101, refresh: 3600, retry: 1200, expire: 86400, minimum: 600 } }],
      expected: [{ name: 'example.com', type: 'SOA', ttl: 6, data: { mname: 'dns1.hichina.com', rname: 'hostmaster.hichina.com', serial: 2024010101, refresh: 3600, retry: 1200, expire: 86400, minimum: 600 } }],
    },
    { what: 'MX', answers: [{ name: 'example.com', type: 'MX', ttl: 7, data: { preference: 10, exchange: 'mx1.qiye.aliyun.com' } }], expected: [{ name: 'example.com', type: 'MX', ttl: 7, data: { preference: 10, exchange: 'mx1.qiye.aliyun.com' } }] },
    // The null MX of RFC 7505 points at the root name.
    { what: 'MX with the root as exchange (null MX)', answers: [{ name: 'example.com', type: 'MX', ttl: 7, data: { preference: 0, exchange: '.' } }], expected: [{ name: 'example.com', type: 'MX', ttl: 7, data: { preference: 0, exchange: '.' } }] },
    { what: 'TXT with one string', answers: [{ name: 'example.com', type: 'TXT', ttl: 8, data: ['v=spf1 include:spf.qiye.aliyun.com -all'] }], expected: [{ name: 'example.com', type: 'TXT', ttl: 8, data: ['v=spf1 include:spf.qiye.aliyun.com -all'] }] },
    // Several character-strings stay separate (joining them is the reader's business).
    { what: 'TXT with several strings', answers: [{ name: 'example.com', type: 'TXT', ttl: 8, data: ['v=DKIM1; k=rsa; ', 'p=MIGf', 'MA0G'] }], expected: [{ name: 'example.com', type: 'TXT', ttl: 8, data: ['v=DKIM1; k=rsa; ', 'p=MIGf', 'MA0G'] }] },
    // An empty string is a legal character-string.
    { what: 'TXT with an empty string', answers: [{ name: 'example.com', type: 'TXT', ttl: 8, data: [''] }], expected: [{ name: 'example.com', type: 'TXT', ttl: 8, data: [''] }] },
    // No strings at all (RDATA of length 0) is illegal but seen; it reads as no strings.
    { what: 'TXT with no strings at all', answers: [{ name: 'example.com', type: 'TXT', ttl: 8, data: [] }], expected: [{ name: 'example.com', type: 'TXT', ttl: 8, data: [] }] },
    // 255 bytes is the longest character-string.
    { what: 'TXT with a 255-byte string', answers: [{ name: 'example.com', type: 'TXT', ttl: 8, data: ['x'.repeat(255), 'y'] }], expected: [{ name: 'example.com', type: 'TXT', ttl: 8, data: ['x'.repeat(255), 'y'] }] },
    // UTF-8 text survives.
    { what: 'TXT with UTF-8 text', answers: [{ name: 'example.com', type: 'TXT', ttl: 8, data: ['验证 ✓'] }], expected: [{ name: 'example.com', type: 'TXT', ttl: 8, data: ['验证 ✓'] }] },
    // Bytes that are not UTF-8 become U+FFFD instead of failing.
    { what: 'TXT with non-UTF-8 bytes', answers: [{ name: 'example.com', type: 'TXT', ttl: 8, data: [bytesOf(0xff, 0x41), bytesOf(0x80)] }], expected: [{ name: 'example.com', type: 'TXT', ttl: 8, data: ['\uFFFDA', '\uFFFD'] }] },
    { what: 'SRV', answers: [{ name: '_imaps._tcp.example.com', type: 'SRV', ttl: 9, data: { priority: 0, weight: 1, port: 993, target: 'imap.qiye.aliyun.com' } }], expected: [{ name: '_imaps._tcp.example.com', type: 'SRV', ttl: 9, data: { priority: 0, weight: 1, port: 993, target: 'imap.qiye.aliyun.com' } }] },
    // The digest is printed as upper-case hex.
    { what: 'DS', answers: [{ name: 'example.com', type: 'DS', ttl: 10, data: { keyTag: 2371, algorithm: 13, digestType: 2, digest: bytesOf(0xc9, 0x88, 0xec, 0x42) } }], expected: [{ name: 'example.com', type: 'DS', ttl: 10, data: { keyTag: 2371, algorithm: 13, digestType: 2, digest: 'C988EC42' } }] },
    { what: 'CAA', answers: [{ name: 'example.com', type: 'CAA', ttl: 11, data: { flags: 128, tag: 'iodef', value: 'mailto:a@example.com' } }], expected: [{ name: 'example.com', type: 'CAA', ttl: 11, data: { flags: 128, tag: 'iodef', value: 'mailto:a@example.com' } }] },
    // An empty CAA value is legal (e.g. `issue ";"` shortened to nothing).
    { what: 'CAA with an empty value', answers: [{ name: 'example.com', type: 'CAA', ttl: 11, data: { flags: 0, tag: 'issue', value: '' } }], expected: [{ name: 'example.com', type: 'CAA', ttl: 11, data: { flags: 0, tag: 'issue', value: '' } }] },
    // A type the site does not decode comes back as TYPE<n> with hex data.
    { what: 'a type the site does not ask for', answers: [{ name: 'example.com', type: 'UNKNOWN_4242', ttl: 12, data: bytesOf(0x0a, 0x0b, 0x0c) } as unknown as PacketAnswer], expected: [{ name: 'example.com', type: 'TYPE4242', ttl: 12, data: '0A0B0C' }] },
    // Upper-case names come back in lower case.
    { what: 'names in upper case', answers: [{ name: 'Example.COM', type: 'MX', ttl: 13, data: { preference: 1, exchange: 'MX1.Example.COM' } }], expected: [{ name: 'example.com', type: 'MX', ttl: 13, data: { preference: 1, exchange: 'mx1.example.com' } }] },
    // A space inside a label is printed as \032, as dig does.
    { what: 'a name with a space in a label', answers: [{ name: 'a b.example.com', type: 'A', ttl: 14, data: '192.0.2.2' }], expected: [{ name: 'a\\032b.example.com', type: 'A', ttl: 14, data: '192.0.2.2' }] },
    // A non-ASCII label is printed byte by byte.
    { what: 'a name with UTF-8 bytes in a label', answers: [{ name: 'é.example.com', type: 'A', ttl: 15, data: '192.0.2.3' }], expected: [{ name: '\\195\\169.example.com', type: 'A', ttl: 15, data: '192.0.2.3' }] },
    // dns-packet cannot write a dot inside a label; write "a_b" and turn the "_" into "." afterwards.
    {
      what: 'a name with an escaped dot in a label',
      answers: [{ name: 'a_b.example.com', type: 'CNAME', ttl: 16, data: 'target.example.com' }],
      expected: [{ name: 'a\\.b.example.com', type: 'CNAME', ttl: 16, data: 'target.example.com' }],
      patch: (bytes) => {
        const at = bytes.indexOf(0x5f);
        bytes[at] = 0x2e;
      },
    },
  ];

  it('has a row for every type the site asks for', () => {
    const covered = new Set(rows.flatMap((r) => r.expected.map((e) => e.type)));
    expect(RR_TYPES.filter((t) => !covered.has(t))).toEqual([]);
    expect(Object.keys(RR_CODECS).sort()).toEqual([...RR_TYPES].sort());
  });

  it.each(rows)('decodes $what', ({ answers, expected, patch }) => {
    const bytes = dnsPacket.encode({
      type: 'response',
      id: 0,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ name: 'example.com', type: 'A' }],
      answers: structuredClone(answers),
    });
    patch?.(bytes);
    expect(decodeMessage(bytes).answers).toEqual(expected);
  });

  // Bytes that were not UTF-8 cannot be written back from U+FFFD, and TYPE<n> is not in the table.
  const writable = rows.filter((r) => r.expected.every((e) => e.type in RR_CODECS) && !JSON.stringify(r.expected).includes('\uFFFD'));
  it.each(writable)(
    'writes $what with the test encoder to the same bytes as dns-packet',
    ({ answers, expected, patch }) => {
      // The table's encode and encodingLength (used by the test encoder) agree with an independent encoder.
      const theirs = dnsPacket.encode({
        type: 'response',
        id: 0,
        flags: dnsPacket.RECURSION_DESIRED,
        questions: [{ name: 'example.com', type: 'A' }],
        answers: structuredClone(answers),
      });
      patch?.(theirs);
      const ours = encodeMessage({ response: true, questions: [{ name: 'example.com', type: 'A' }], answers: expected });
      // Names were printed in lower case; compare what case-insensitive DNS compares.
      expect(asciiLower(ours)).toEqual(asciiLower(theirs));
    },
  );

  it('keeps any TXT character-strings exactly', () => {
    // Given as UTF-8 bytes: dns-packet's own string encoder mangles some 4-byte characters (U+40000 came back as U+30000).
    const utf8 = new TextEncoder();
    const strings = fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(strings, (data) => {
        const bytes = dnsPacket.encode({
          type: 'response',
          id: 0,
          questions: [{ name: 'example.com', type: 'TXT' }],
          answers: [{ name: 'example.com', type: 'TXT', ttl: 1, data: data.map((s) => utf8.encode(s)) }],
        });
        expect(decodeMessage(bytes).answers[0]?.data).toEqual(data);
      }),
      { numRuns: 300 },
    );
    // Generating full-Unicode strings is slow on a busy machine: a generous limit, not a speed check.
  }, 30_000);
});

describe('decodeMessage: what the header and sections say', () => {
  it('reports NXDOMAIN with the SOA from the authority section', () => {
    const soa: DnsRecord = {
      name: 'example.com',
      type: 'SOA',
      ttl: 600,
      data: {
        mname: 'ns1.example.com',
        rname: 'admin.example.com',
        serial: 1,
        refresh: 2,
        retry: 3,
        expire: 4,
        minimum: 300,
      },
    };
    const msg = decodeMessage(
      encodeMessage({
        response: true,
        rcode: 3,
        questions: [{ name: 'nope.example.com', type: 'A' }],
        authority: [soa],
      }),
    );
    expect(msg.rcode).toBe('NXDOMAIN');
    expect(msg.answers).toEqual([]);
    expect(msg.authority).toEqual([soa]);
  });

  interface FlagRow {
    what: string;
    input: Parameters<typeof encodeMessage>[0];
    expected: Partial<ReturnType<typeof decodeMessage>>;
  }
  const flagRows: FlagRow[] = [
    // AD: the resolver validated DNSSEC.
    { what: 'the AD flag', input: { response: true, ad: true, questions: [] }, expected: { ad: true, tc: false } },
    // TC: the answer was cut short.
    { what: 'the TC flag', input: { response: true, tc: true, questions: [] }, expected: { tc: true, ad: false } },
    // rcode 2.
    { what: 'SERVFAIL', input: { response: true, rcode: 2, questions: [] }, expected: { rcode: 'SERVFAIL' } },
    // rcode 5.
    { what: 'REFUSED', input: { response: true, rcode: 5, questions: [] }, expected: { rcode: 'REFUSED' } },
    // An rcode without a name in the list.
    { what: 'an unnamed rcode', input: { response: true, rcode: 9, questions: [] }, expected: { rcode: 'RCODE9' } },
    // BADVERS (16) needs the OPT record's extended rcode bits.
    {
      what: 'an extended rcode from the OPT record',
      input: { response: true, rcode: 16, questions: [] },
      expected: { rcode: 'RCODE16' },
    },
  ];
  it.each(flagRows)('reads $what', ({ input, expected }) => {
    expect(decodeMessage(encodeMessage(input))).toMatchObject(expected);
  });

  // A hand-written response with compression pointers, as real resolvers send:
  // question example.com MX; answer name = pointer to 12; exchange "mx1" + pointer to 12.
  const compressed = hex(`
    0000 8180 0001 0001 0000 0000
    07 6578616d706c65 03 636f6d 00 000f 0001
    c00c 000f 0001 00000258 0008 000a 03 6d7831 c00c`);

  it('follows compression pointers', () => {
    expect(decodeMessage(compressed).answers).toEqual([
      { name: 'example.com', type: 'MX', ttl: 600, data: { preference: 10, exchange: 'mx1.example.com' } },
    ]);
  });

  interface EscapeRow {
    what: string;
    label: number[];
    expected: string;
  }
  const escapeRows: EscapeRow[] = [
    // A dot inside a label must not turn one label into two.
    { what: 'a dot inside a label', label: [0x61, 0x2e, 0x62], expected: 'a\\.b.com' },
    // Binary bytes print as \DDD, as dig prints them.
    { what: 'a binary byte', label: [0x61, 0x00], expected: 'a\\000.com' },
    // A backslash is escaped too.
    { what: 'a backslash', label: [0x5c], expected: '\\\\.com' },
  ];
  it.each(escapeRows)('escapes $what in a name', ({ label, expected }) => {
    const name = Uint8Array.from([label.length, ...label, 3, 0x63, 0x6f, 0x6d, 0]);
    const bytes = Uint8Array.from([...hex('0000 8180 0001 0000 0000 0000'), ...name, 0, 1, 0, 1]);
    const q = decodeMessage(bytes).questions[0]!;
    expect(q.name).toBe(expected);
    // And the escaped form encodes back to the same bytes.
    expect(encodeName(q.name)).toEqual(name);
  });

  it('treats a TTL with the top bit set as zero (RFC 2181 §8)', () => {
    const bytes = hex('0000 8180 0000 0001 0000 0000 00 0001 0001 80000000 0004 01020304');
    expect(decodeMessage(bytes).answers[0]?.ttl).toBe(0);
  });

  it('skips records of a class other than IN', () => {
    const bytes = hex('0000 8180 0000 0001 0000 0000 00 0001 0003 00000001 0004 01020304');
    expect(decodeMessage(bytes).answers).toEqual([]);
  });
});

describe('decodeMessage: malformed input', () => {
  interface Row {
    what: string;
    bytes: string;
  }
  const header = (qd: number, an: number, ns = 0, ar = 0): string =>
    `0000 8180 ${[qd, an, ns, ar].map((n) => n.toString(16).padStart(4, '0')).join(' ')}`;
  const rows: Row[] = [
    // Nothing at all.
    { what: 'an empty body', bytes: '' },
    // Eleven bytes: the header needs twelve.
    { what: 'a short header', bytes: '0000 8180 0000 0000 0000 00' },
    // QR bit clear: the server echoed a query.
    { what: 'a query instead of a response', bytes: '0000 0100 0000 0000 0000 0000' },
    // The header promises an answer that is not there.
    { what: 'a missing answer', bytes: header(0, 1) },
    // The name's label runs past the end.
    { what: 'a truncated label', bytes: `${header(1, 0)} 07 6578616d` },
    // RDATA length says 4, only 2 bytes follow.
    { what: 'RDATA past the end', bytes: `${header(0, 1)} 00 0001 0001 00000001 0004 0102` },
    // An A record must be 4 bytes.
    { what: 'an A record of 3 bytes', bytes: `${header(0, 1)} 00 0001 0001 00000001 0003 010203` },
    // An AAAA record must be 16 bytes.
    { what: 'an AAAA record of 4 bytes', bytes: `${header(0, 1)} 00 001c 0001 00000001 0004 01020304` },
    // A TXT character-string longer than its RDATA (a silent truncation elsewhere).
    {
      what: 'a TXT string longer than its RDATA',
      bytes: `${header(0, 1)} 00 0010 0001 00000001 0003 05 4142 ${'00'.repeat(8)}`,
    },
    // An MX record with bytes after the exchange name.
    { what: 'stray bytes after an MX name', bytes: `${header(0, 1)} 00 000f 0001 00000001 0004 000a 00 ff` },
    // A CNAME whose target runs past its RDATA into the next bytes.
    { what: 'a name running past its RDATA', bytes: `${header(0, 1)} 00 0005 0001 00000001 0002 03 616263 00` },
    // A pointer to itself would loop forever.
    { what: 'a pointer to itself', bytes: `${header(1, 0)} c00c 0001 0001` },
    // A pointer forward (to later data) is not allowed.
    { what: 'a forward pointer', bytes: `${header(1, 0)} c010 0001 0001 00` },
    // Two pointers pointing at each other.
    { what: 'a pointer loop', bytes: `${header(2, 0)} 01 61 c00e 0001 0001 c00c 0001 0001` },
    // Label type 01 (0x40) is obsolete and unsupported.
    { what: 'an extended label type', bytes: `${header(1, 0)} 41 00 0001 0001` },
    // A name over 255 bytes, built from 63-byte labels.
    {
      what: 'a name longer than 255 bytes',
      bytes: `${header(1, 0)} ${`3f ${'61'.repeat(63)} `.repeat(5)} 00 0001 0001`,
    },
    // Two OPT records.
    { what: 'two OPT records', bytes: `${header(0, 0, 0, 2)} 00 0029 1000 00000000 0000 00 0029 1000 00000000 0000` },
  ];

  it.each(rows)('rejects $what with DohError malformed', ({ bytes }) => {
    let caught: unknown;
    try {
      decodeMessage(hex(bytes));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DohError);
    expect((caught as DohError).code).toBe('malformed');
  });
});

// Thousands of generated inputs: a generous time limit for a busy machine, not a speed check.
describe('decodeMessage: untrusted bytes (property tests)', { timeout: 60_000 }, () => {
  const decodesOrMalformed = (bytes: Uint8Array): boolean => {
    try {
      decodeMessage(bytes);
      return true;
    } catch (err) {
      return isDohError(err) && err.code === 'malformed';
    }
  };

  it('never throws anything but DohError malformed on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), decodesOrMalformed), { numRuns: 3000 });
  });

  it('never throws anything but DohError malformed on a response header followed by random bytes', () => {
    // Random bytes rarely pass the header; this steers them into the section parsers.
    const arb = fc
      .tuple(fc.nat(0xffff), fc.nat(0xff), fc.uint8Array({ maxLength: 400 }))
      .map(([counts, more, rest]) =>
        Uint8Array.from([
          0,
          0,
          0x81,
          0x80,
          0,
          counts & 3,
          0,
          (counts >> 2) & 7,
          0,
          (counts >> 5) & 3,
          0,
          more & 3,
          ...rest,
        ]),
      );
    fc.assert(fc.property(arb, decodesOrMalformed), { numRuns: 3000 });
  });

  it('never throws anything but DohError malformed when a valid response is damaged', () => {
    const valid = response(
      { name: 'example.com', type: 'MX' },
      [
        { name: 'example.com', type: 'MX', ttl: 600, data: { preference: 5, exchange: 'mx1.qiye.aliyun.com' } },
        { name: 'example.com', type: 'TXT', ttl: 600, data: ['v=spf1 -all', 'b'] },
        {
          name: 'example.com',
          type: 'SOA',
          ttl: 600,
          data: { mname: 'a', rname: 'b', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1 },
        },
      ],
      { edns: {} },
    );
    const damage = fc.tuple(
      fc.array(fc.tuple(fc.nat(valid.length - 1), fc.nat(255)), { minLength: 1, maxLength: 6 }),
      fc.nat(valid.length),
    );
    fc.assert(
      fc.property(damage, ([edits, cut]) => {
        const bytes = valid.slice(0, Math.max(cut, 1));
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        return decodesOrMalformed(bytes);
      }),
      { numRuns: 3000 },
    );
  });
});

/**
 * Decodes, or fails with DohError('malformed'); anything else fails the test.
 * Counts the bounded reads (Reader.need, which every read goes through): work
 * is measured in reads, not in time, so the bound holds on a busy machine too.
 */
function decodeCounted(bytes: Uint8Array): { ok: boolean; reads: number } {
  const proto = Reader.prototype;
  const original = proto.need;
  let reads = 0;
  proto.need = function (this: Reader, pos: number, n: number, limit?: number): void {
    reads++;
    original.call(this, pos, n, limit);
  };
  try {
    decodeMessage(bytes);
    return { ok: true, reads };
  } catch (err) {
    if (!(isDohError(err) && err.code === 'malformed')) throw err;
    return { ok: false, reads };
  } finally {
    proto.need = original;
  }
}

/**
 * The most reads a message may cost: a few per byte for the sections, and per
 * name at most MAX_POINTER_JUMPS jumps and as many labels (2 reads each), with
 * at most one name per 2 bytes.
 */
const readBound = (length: number): number => 4 * length + Math.ceil(length / 2) * 4 * MAX_POINTER_JUMPS;

// ─── a small encoder that compresses names like a real server ───

type Rr = { name: string; type: 'CNAME' | 'MX'; target: string; preference: number };

const bytesOf = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];

/** Writes `name` at the end of `out`, pointing at an earlier copy of any suffix when `dict` is given. */
function writeName(out: number[], name: string, dict?: Map<string, number>) {
  const labels = name === '' ? [] : name.split('.');
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    const at = dict?.get(suffix);
    if (at !== undefined) {
      out.push(0xc0 | (at >> 8), at & 0xff);
      return;
    }
    if (dict && out.length < 0x3fff) dict.set(suffix, out.length);
    const label = labels[i] ?? '';
    out.push(label.length, ...bytesOf(label));
  }
  out.push(0);
}

/** A response to `qname MX` with the given answers; names compressed or not. */
function encode(qname: string, answers: readonly Rr[], compress: boolean): Uint8Array {
  const dict = compress ? new Map<string, number>() : undefined;
  const out = [0, 0, 0x81, 0x80, ...u16(1), ...u16(answers.length), 0, 0, 0, 0];
  writeName(out, qname, dict);
  out.push(...u16(15), ...u16(1));
  for (const rr of answers) {
    writeName(out, rr.name, dict);
    out.push(...u16(rr.type === 'MX' ? 15 : 5), ...u16(1), 0, 0, 0x0e, 0x10);
    const lengthAt = out.length;
    out.push(0, 0);
    if (rr.type === 'MX') out.push(...u16(rr.preference));
    writeName(out, rr.target, dict);
    const rdlength = out.length - lengthAt - 2;
    out[lengthAt] = rdlength >> 8;
    out[lengthAt + 1] = rdlength & 0xff;
  }
  return Uint8Array.from(out);
}

const label = fc.constantFrom('mail', 'mx1', 'qiye', 'aliyun', 'example', 'com', 'test', '_dmarc', 'a-b', 'x0');
const name = fc.array(label, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('.'));
const rr: fc.Arbitrary<Rr> = fc.record({
  name,
  type: fc.constantFrom('CNAME' as const, 'MX' as const),
  target: name,
  preference: fc.nat(0xffff),
});
const message = fc.record({ qname: name, answers: fc.array(rr, { maxLength: 12 }) });

// Thousands of generated inputs: a generous time limit for a busy machine, not a speed check.
describe('name compression', { timeout: 60_000 }, () => {
  it('a compressed response decodes to the same message as the uncompressed one', () => {
    fc.assert(
      fc.property(message, ({ qname, answers }) => {
        const plain = decodeMessage(encode(qname, answers, false));
        const packed = encode(qname, answers, true);
        expect(decodeMessage(packed)).toEqual(plain);
        expect(plain.answers.map((a) => a.name)).toEqual(answers.map((a) => a.name));
      }),
      { numRuns: 500 },
    );
  });

  it('damaged compressed responses give a value or DohError malformed, within the read bound', () => {
    // Overwrite bytes with pointer-looking values (0xc0–0xff then any byte), the structure most likely to confuse.
    const damage = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0xc0, max: 0xff }), fc.nat(0xff)), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(message, damage, ({ qname, answers }, edits) => {
        const bytes = encode(qname, answers, true);
        for (const [at, hi, lo] of edits) {
          const i = at % bytes.length;
          bytes[i] = hi;
          if (i + 1 < bytes.length) bytes[i + 1] = lo;
        }
        expect(decodeCounted(bytes).reads).toBeLessThanOrEqual(readBound(bytes.length));
      }),
      { numRuns: 3000 },
    );
  });
});

// Thousands of generated inputs: a generous time limit for a busy machine, not a speed check.
describe('pointer chains', { timeout: 60_000 }, () => {
  /**
   * A response of at most 64 KB: one record of an unknown type whose data is a
   * chain of `chain` pointers (each to the one before, the first to a root
   * label), then as many records as fit whose names point at the chain's end.
   */
  function chainMessage(chain: number, maxRecords = Infinity): Uint8Array {
    const records = Math.min(maxRecords, Math.floor((MAX_MESSAGE_BYTES - 12 - 12 - 1 - 2 * chain) / 12));
    const out = [0, 0, 0x81, 0x80, 0, 0, ...u16(records + 1), 0, 0, 0, 0];
    out.push(0, ...u16(999), ...u16(1), 0, 0, 0, 0, ...u16(1 + 2 * chain));
    const start = out.length;
    out.push(0);
    for (let i = 0; i < chain; i++) {
      const target = i === 0 ? start : start + 1 + 2 * (i - 1);
      out.push(0xc0 | (target >> 8), target & 0xff);
    }
    const end = start + 1 + 2 * (chain - 1);
    for (let i = 0; i < records; i++) out.push(0xc0 | (end >> 8), end & 0xff, ...u16(999), ...u16(1), 0, 0, 0, 0, 0, 0);
    return Uint8Array.from(out);
  }

  it.each([
    // The longest chain a real name can need (one pointer per label) is followed.
    { what: `${MAX_POINTER_JUMPS} pointers`, chain: MAX_POINTER_JUMPS - 1, ok: true },
    // One more is refused.
    { what: `${MAX_POINTER_JUMPS + 1} pointers`, chain: MAX_POINTER_JUMPS, ok: false },
  ])('a name reached through $what: ok = $ok', ({ chain, ok }) => {
    // The record name's own pointer counts as the first jump.
    expect(decodeCounted(chainMessage(chain, 1)).ok).toBe(ok);
  });

  it.each([1_000, 8_000, 16_000, 24_000])(
    'a 64 KB message whose every name follows a %i-pointer chain is refused after a few hundred reads',
    (chain) => {
      const bytes = chainMessage(chain);
      expect(bytes.length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      const { ok, reads } = decodeCounted(bytes);
      expect(ok).toBe(false);
      // The first name that needs more than MAX_POINTER_JUMPS jumps ends the decoding.
      expect(reads).toBeLessThan(20 + 3 * MAX_POINTER_JUMPS);
    },
  );

  it('random 64 KB bodies are decoded or refused within the read bound', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: MAX_MESSAGE_BYTES, maxLength: MAX_MESSAGE_BYTES }), (bytes) => {
        bytes[2] = (bytes[2] ?? 0) | 0x80; // a response, so the sections are read
        expect(decodeCounted(bytes).reads).toBeLessThanOrEqual(readBound(bytes.length));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a body over 65535 bytes without reading it', () => {
    const { ok, reads } = decodeCounted(new Uint8Array(MAX_MESSAGE_BYTES + 1));
    expect(ok).toBe(false);
    expect(reads).toBe(0);
  });
});

