import { describe, expect, it } from 'vitest';
import {
  PRESET_RESOLVERS,
  parseResolverUrl,
  RACE_CONTENDERS,
  resolverOrder,
  type ResolverUrlResult,
} from '~/core/doh/resolvers';

describe('resolver presets', () => {
  // Endpoints from the facts file ("Public DoH resolvers that answer browsers").
  it.each([
    ['alidns', 'https://dns.alidns.com/dns-query', 'cn'],
    ['dnspod', 'https://doh.pub/dns-query', 'cn'],
    ['google', 'https://dns.google/dns-query', 'global'],
    ['cloudflare', 'https://cloudflare-dns.com/dns-query', 'global'],
  ] as const)('%s asks %s and counts as %s', (id, url, region) => {
    expect(PRESET_RESOLVERS[id]).toMatchObject({ id, url, region });
  });
});

describe('RACE_CONTENDERS', () => {
  it('are one mainland and one overseas resolver: AliDNS and Google', () => {
    expect(RACE_CONTENDERS.map((id) => [id, PRESET_RESOLVERS[id].region])).toEqual([
      ['alidns', 'cn'],
      ['google', 'global'],
    ]);
  });
});

describe('resolverOrder', () => {
  interface Row {
    what: string;
    lang: 'zh' | 'en';
    custom?: string;
    ids: string[];
  }
  const rows: Row[] = [
    // Chinese pages: resolvers reachable in mainland China first.
    {
      what: 'puts China resolvers first on Chinese pages',
      lang: 'zh',
      ids: ['alidns', 'dnspod', 'google', 'cloudflare'],
    },
    // English pages: global resolvers first.
    {
      what: 'puts global resolvers first on English pages',
      lang: 'en',
      ids: ['google', 'cloudflare', 'alidns', 'dnspod'],
    },
    // A custom endpoint is always asked first.
    {
      what: 'puts a custom endpoint before the presets',
      lang: 'zh',
      custom: 'https://doh.example/dns-query',
      ids: ['custom', 'alidns', 'dnspod', 'google', 'cloudflare'],
    },
    {
      what: 'puts a custom endpoint first on English pages too',
      lang: 'en',
      custom: 'http://127.0.0.1:8053/dns-query',
      ids: ['custom', 'google', 'cloudflare', 'alidns', 'dnspod'],
    },
  ];
  it.each(rows)('$what', ({ lang, custom, ids }) => {
    const order = resolverOrder(lang, custom);
    expect(order.map((r) => r.id)).toEqual(ids);
    if (custom) expect(order[0]).toMatchObject({ url: custom, region: 'custom' });
  });
});

describe('parseResolverUrl', () => {
  interface Row {
    what: string;
    input: string;
    expected: ResolverUrlResult;
  }
  const rows: Row[] = [
    // The normal case.
    {
      what: 'accepts an https endpoint',
      input: 'https://dns.example.com/dns-query',
      expected: { ok: true, url: 'https://dns.example.com/dns-query' },
    },
    // Pasted with spaces around it.
    {
      what: 'trims surrounding spaces',
      input: '  https://dns.example.com/dns-query \n',
      expected: { ok: true, url: 'https://dns.example.com/dns-query' },
    },
    // A port and an existing query string are kept; a fragment is dropped.
    {
      what: 'keeps port and query, drops the fragment',
      input: 'https://dns.example.com:8443/q?x=1#frag',
      expected: { ok: true, url: 'https://dns.example.com:8443/q?x=1' },
    },
    // Loopback over plain http, for development and the test stack.
    {
      what: 'accepts http on localhost',
      input: 'http://localhost:8053/dns-query',
      expected: { ok: true, url: 'http://localhost:8053/dns-query' },
    },
    {
      what: 'accepts http on 127.0.0.1',
      input: 'http://127.0.0.1:8053/dns-query',
      expected: { ok: true, url: 'http://127.0.0.1:8053/dns-query' },
    },
    {
      what: 'accepts http on 127.1 (the URL parser writes it 127.0.0.1)',
      input: 'http://127.1:8053/dns-query',
      expected: { ok: true, url: 'http://127.0.0.1:8053/dns-query' },
    },
    // Loopback addresses the page's Content-Security-Policy cannot name: refused with a
    // message, rather than accepted and then blocked by the browser.
    {
      what: 'refuses http elsewhere in 127/8',
      input: 'http://127.8.9.10/dns-query',
      expected: { ok: false, code: 'insecure-url' },
    },
    {
      what: 'refuses http on [::1]',
      input: 'http://[::1]:8053/dns-query',
      expected: { ok: false, code: 'insecure-url' },
    },
    // Plain http anywhere else could be read or changed on the way.
    {
      what: 'refuses http on a public host',
      input: 'http://dns.example.com/dns-query',
      expected: { ok: false, code: 'insecure-url' },
    },
    {
      what: 'refuses http on a private address',
      input: 'http://192.168.1.1/dns-query',
      expected: { ok: false, code: 'insecure-url' },
    },
    // Names that only look like loopback.
    {
      what: 'refuses a host that merely starts with localhost',
      input: 'http://localhost.example.com/dns-query',
      expected: { ok: false, code: 'insecure-url' },
    },
    {
      what: 'refuses a host that merely starts with 127.0.0.1',
      input: 'http://127.0.0.1.nip.io/dns-query',
      expected: { ok: false, code: 'insecure-url' },
    },
    // Not a URL at all.
    {
      what: 'refuses text that is not a URL',
      input: 'dns.example.com/dns-query',
      expected: { ok: false, code: 'invalid-url' },
    },
    { what: 'refuses an empty value', input: '', expected: { ok: false, code: 'invalid-url' } },
    // Other schemes.
    { what: 'refuses other schemes', input: 'ftp://dns.example.com/', expected: { ok: false, code: 'invalid-url' } },
    { what: 'refuses javascript: URLs', input: 'javascript:alert(1)', expected: { ok: false, code: 'invalid-url' } },
    // fetch() rejects URLs with credentials.
    {
      what: 'refuses user names and passwords in the URL',
      input: 'https://user:pw@dns.example.com/dns-query',
      expected: { ok: false, code: 'invalid-url' },
    },
  ];
  it.each(rows)('$what', ({ input, expected }) => {
    expect(parseResolverUrl(input)).toEqual(expected);
  });
});
