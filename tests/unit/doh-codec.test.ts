import * as dnsPacket from '@dnsquery/dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, encodeName, encodeQuery, toBase64Url } from '~/core/doh/codec';
import { DohError, isDohError } from '~/core/doh/errors';
import type { DnsRecord } from '~/core/doh/types';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));

/** A response carrying `answers` (and `authority`) for one question, built with our encoder. */
function response(
  question: { name: string; type: DnsRecord['type'] & string },
  answers: DnsRecord[],
  extra: Partial<Parameters<typeof encodeMessage>[0]> = {},
): Uint8Array {
  return encodeMessage({
    response: true,
    ra: true,
    questions: [{ name: question.name, type: question.type as never }],
    answers,
    ...extra,
  });
}

describe('encodeQuery', () => {
  it('encodes the RFC 8484 §4.1.1 example query byte for byte', () => {
    // The RFC's example: www.example.com A, id 0, RD, no EDNS.
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

describe('decodeMessage: records round-trip through the encoder', () => {
  interface Row {
    what: string;
    records: DnsRecord[];
  }
  const rows: Row[] = [
    // A and AAAA, AAAA printed in RFC 5952 form.
    {
      what: 'addresses',
      records: [
        { name: 'example.com', type: 'A', ttl: 600, data: '203.0.113.7' },
        { name: 'example.com', type: 'AAAA', ttl: 600, data: '2001:db8::1' },
      ],
    },
    // Two MX hosts with their preferences.
    {
      what: 'MX',
      records: [
        { name: 'example.com', type: 'MX', ttl: 600, data: { preference: 5, exchange: 'mx1.qiye.aliyun.com' } },
        { name: 'example.com', type: 'MX', ttl: 600, data: { preference: 10, exchange: 'mx2.qiye.aliyun.com' } },
      ],
    },
    // A long TXT record split into two character-strings stays two strings.
    {
      what: 'TXT with two strings',
      records: [
        {
          name: 'default._domainkey.example.com',
          type: 'TXT',
          ttl: 300,
          data: ['v=DKIM1; k=rsa; p=MIGfMA0GCSq', 'GSIb3DQEBAQUAA4GNADCBiQKBgQC'],
        },
      ],
    },
    // An empty string and a 255-byte string are both legal.
    { what: 'TXT edge lengths', records: [{ name: 'example.com', type: 'TXT', ttl: 1, data: ['', 'x'.repeat(255)] }] },
    // Non-ASCII TXT text survives as UTF-8.
    { what: 'TXT with Unicode', records: [{ name: 'example.com', type: 'TXT', ttl: 1, data: ['验证 ✓'] }] },
    // A CNAME chain as a resolver returns it.
    {
      what: 'CNAME chain',
      records: [
        { name: 'mail.example.com', type: 'CNAME', ttl: 600, data: 'qiye.aliyun.com' },
        { name: 'qiye.aliyun.com', type: 'A', ttl: 60, data: '198.51.100.1' },
      ],
    },
    {
      what: 'SOA',
      records: [
        {
          name: 'example.com',
          type: 'SOA',
          ttl: 600,
          data: {
            mname: 'dns1.hichina.com',
            rname: 'hostmaster.hichina.com',
            serial: 2024010101,
            refresh: 3600,
            retry: 1200,
            expire: 86400,
            minimum: 600,
          },
        },
      ],
    },
    {
      what: 'NS and PTR',
      records: [
        { name: 'example.com', type: 'NS', ttl: 86400, data: 'dns1.alidns.com' },
        { name: '7.113.0.203.in-addr.arpa', type: 'PTR', ttl: 3600, data: 'mail.example.com' },
      ],
    },
    {
      what: 'CAA and SRV',
      records: [
        { name: 'example.com', type: 'CAA', ttl: 600, data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
        {
          name: '_imaps._tcp.example.com',
          type: 'SRV',
          ttl: 600,
          data: { priority: 0, weight: 1, port: 993, target: 'imap.qiye.aliyun.com' },
        },
      ],
    },
    {
      what: 'DS',
      records: [
        {
          name: 'example.com',
          type: 'DS',
          ttl: 3600,
          data: {
            keyTag: 2371,
            algorithm: 13,
            digestType: 2,
            digest: 'C988EC423E3880EB8DD8A46FE06CA230EE23F35A578E2D08BD4A9A5AB20D4D4B',
          },
        },
      ],
    },
    // A type the site does not decode comes back as TYPE<n> with hex data.
    { what: 'unknown type', records: [{ name: 'example.com', type: 'TYPE99', ttl: 5, data: '0A0B0C' }] },
    // The null MX of RFC 7505 points at the root name.
    {
      what: 'null MX',
      records: [{ name: 'example.com', type: 'MX', ttl: 600, data: { preference: 0, exchange: '.' } }],
    },
  ];

  it.each(rows)('keeps $what as they were encoded', ({ records }) => {
    const msg = decodeMessage(response({ name: records[0]!.name, type: 'A' }, records));
    expect(msg.answers).toEqual(records);
  });
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

  it('lower-cases names and keeps the question', () => {
    const bytes = dnsPacket.encode({
      type: 'response',
      id: 0,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ name: 'Example.COM', type: 'MX' }],
      answers: [{ name: 'Example.COM', type: 'MX', ttl: 60, data: { preference: 10, exchange: 'MX1.Example.COM' } }],
    });
    const msg = decodeMessage(bytes);
    expect(msg.questions).toEqual([{ name: 'example.com', type: 'MX' }]);
    expect(msg.answers).toEqual([
      { name: 'example.com', type: 'MX', ttl: 60, data: { preference: 10, exchange: 'mx1.example.com' } },
    ]);
  });

  it('decodes what an independent encoder wrote for every type the site asks for', () => {
    const bytes = dnsPacket.encode({
      type: 'response',
      id: 0,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.AUTHENTIC_DATA,
      questions: [{ name: 'example.com', type: 'ANY' }],
      answers: [
        { name: 'example.com', type: 'A', ttl: 1, data: '192.0.2.1' },
        { name: 'example.com', type: 'AAAA', ttl: 2, data: '2001:db8:0:0:1:0:0:1' },
        { name: 'example.com', type: 'TXT', ttl: 3, data: ['v=spf1 include:spf.qiye.aliyun.com -all', 'second'] },
        { name: 'example.com', type: 'CAA', ttl: 4, data: { flags: 128, tag: 'iodef', value: 'mailto:a@example.com' } },
        {
          name: 'example.com',
          type: 'DS',
          ttl: 5,
          data: { keyTag: 1, algorithm: 8, digestType: 1, digest: Uint8Array.from([0xab, 0xcd]) },
        },
        {
          name: '_sip._tcp.example.com',
          type: 'SRV',
          ttl: 6,
          data: { priority: 1, weight: 2, port: 5060, target: 'sip.example.com' },
        },
      ],
    });
    const msg = decodeMessage(bytes);
    expect(msg.ad).toBe(true);
    expect(msg.answers).toEqual([
      { name: 'example.com', type: 'A', ttl: 1, data: '192.0.2.1' },
      { name: 'example.com', type: 'AAAA', ttl: 2, data: '2001:db8::1:0:0:1' },
      { name: 'example.com', type: 'TXT', ttl: 3, data: ['v=spf1 include:spf.qiye.aliyun.com -all', 'second'] },
      { name: 'example.com', type: 'CAA', ttl: 4, data: { flags: 128, tag: 'iodef', value: 'mailto:a@example.com' } },
      { name: 'example.com', type: 'DS', ttl: 5, data: { keyTag: 1, algorithm: 8, digestType: 1, digest: 'ABCD' } },
      {
        name: '_sip._tcp.example.com',
        type: 'SRV',
        ttl: 6,
        data: { priority: 1, weight: 2, port: 5060, target: 'sip.example.com' },
      },
    ]);
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

  it('replaces invalid UTF-8 in TXT text instead of failing', () => {
    const bytes = hex(`
      0000 8180 0000 0001 0000 0000
      00 0010 0001 00000001 0003 02 ff41`);
    expect(decodeMessage(bytes).answers).toEqual([{ name: '.', type: 'TXT', ttl: 1, data: ['\uFFFDA'] }]);
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

describe('decodeMessage: untrusted bytes (property tests)', () => {
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

  it('keeps any TXT character-strings exactly', () => {
    const strings = fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(strings, (data) => {
        const msg = decodeMessage(
          response({ name: 'example.com', type: 'TXT' }, [{ name: 'example.com', type: 'TXT', ttl: 1, data }]),
        );
        expect(msg.answers[0]?.data).toEqual(data);
      }),
      { numRuns: 300 },
    );
  });
});
