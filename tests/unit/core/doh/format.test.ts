import { describe, expect, it } from 'vitest';
import { formatRecord, formatResponse, quoteString } from '~/core/doh/format';
import type { DnsRecord, DnsResponse } from '~/core/doh/types';

describe('formatRecord: dig-like answer lines', () => {
  interface Row {
    what: string;
    record: DnsRecord;
    line: string;
  }
  const rows: Row[] = [
    {
      what: 'an A record',
      record: { name: 'example.com', type: 'A', ttl: 600, data: '192.0.2.1' },
      line: 'example.com.\t600\tIN\tA\t192.0.2.1',
    },
    // Host names in RDATA get their trailing dot back.
    {
      what: 'an MX record',
      record: { name: 'example.com', type: 'MX', ttl: 600, data: { preference: 5, exchange: 'mx1.qiye.aliyun.com' } },
      line: 'example.com.\t600\tIN\tMX\t5 mx1.qiye.aliyun.com.',
    },
    // The null MX points at the root, printed as a lone dot.
    {
      what: 'a null MX',
      record: { name: 'example.com', type: 'MX', ttl: 1, data: { preference: 0, exchange: '.' } },
      line: 'example.com.\t1\tIN\tMX\t0 .',
    },
    // Each TXT character-string quoted separately.
    {
      what: 'a TXT record with two strings',
      record: { name: 'example.com', type: 'TXT', ttl: 1, data: ['v=spf1 ', 'include:spf.qiye.aliyun.com -all'] },
      line: 'example.com.\t1\tIN\tTXT\t"v=spf1 " "include:spf.qiye.aliyun.com -all"',
    },
    {
      what: 'a CNAME',
      record: { name: 'mail.example.com', type: 'CNAME', ttl: 600, data: 'qiye.aliyun.com' },
      line: 'mail.example.com.\t600\tIN\tCNAME\tqiye.aliyun.com.',
    },
    {
      what: 'an SOA',
      record: {
        name: 'example.com',
        type: 'SOA',
        ttl: 600,
        data: {
          mname: 'dns1.alidns.com',
          rname: 'hostmaster.alidns.com',
          serial: 7,
          refresh: 3600,
          retry: 1200,
          expire: 86400,
          minimum: 600,
        },
      },
      line: 'example.com.\t600\tIN\tSOA\tdns1.alidns.com. hostmaster.alidns.com. 7 3600 1200 86400 600',
    },
    {
      what: 'a CAA',
      record: { name: 'example.com', type: 'CAA', ttl: 60, data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
      line: 'example.com.\t60\tIN\tCAA\t0 issue "letsencrypt.org"',
    },
    {
      what: 'an SRV',
      record: {
        name: '_imaps._tcp.example.com',
        type: 'SRV',
        ttl: 60,
        data: { priority: 0, weight: 1, port: 993, target: 'imap.qiye.aliyun.com' },
      },
      line: '_imaps._tcp.example.com.\t60\tIN\tSRV\t0 1 993 imap.qiye.aliyun.com.',
    },
    {
      what: 'a DS',
      record: {
        name: 'example.com',
        type: 'DS',
        ttl: 60,
        data: { keyTag: 2371, algorithm: 13, digestType: 2, digest: 'ABCD' },
      },
      line: 'example.com.\t60\tIN\tDS\t2371 13 2 ABCD',
    },
    // Types the site does not decode use the RFC 3597 generic form.
    {
      what: 'an unknown type',
      record: { name: 'example.com', type: 'TYPE99', ttl: 5, data: '0A0B' },
      line: 'example.com.\t5\tIN\tTYPE99\t\\# 2 0A0B',
    },
  ];
  it.each(rows)('prints $what', ({ record, line }) => {
    expect(formatRecord(record)).toBe(line);
  });
});

describe('quoteString', () => {
  // Row: [what, input, output].
  it.each([
    ['plain text', 'v=DMARC1; p=none', '"v=DMARC1; p=none"'],
    ['a double quote', 'say "hi"', '"say \\"hi\\""'],
    ['a backslash', 'a\\b', '"a\\\\b"'],
    ['control characters as \\DDD', 'a\nb\u0000', '"a\\010b\\000"'],
    ['readable Unicode as is', '验证', '"验证"'],
    ['markup as plain text', '<script>', '"<script>"'],
  ])('escapes %s', (_what, input, output) => {
    expect(quoteString(input)).toBe(output);
  });
});

describe('formatResponse', () => {
  it('gives status, flags, sections, server and time as text', () => {
    const response: DnsResponse = {
      name: 'nope.example.com',
      type: 'A',
      rcode: 'NXDOMAIN',
      ad: true,
      tc: false,
      answers: [],
      resolverId: 'google',
      elapsedMs: 42,
      authority: [
        {
          name: 'example.com',
          type: 'SOA',
          ttl: 300,
          data: { mname: 'a.example', rname: 'b.example', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 },
        },
      ],
    };
    expect(formatResponse(response, { resolver: 'Google Public DNS' }).split('\n')).toEqual([
      ';; nope.example.com. A',
      ';; status: NXDOMAIN, flags: ad',
      '',
      ';; ANSWER SECTION:',
      '',
      ';; AUTHORITY SECTION:',
      'example.com.\t300\tIN\tSOA\ta.example. b.example. 1 2 3 4 5',
      '',
      ';; SERVER: Google Public DNS',
      ';; Query time: 42 msec',
    ]);
  });
});
