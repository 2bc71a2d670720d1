// The early script of every built page (src/integrations/connect-policy.ts), run
// from the exact text the build inlines (connectScript() in csp.mjs) against a
// fake page: it narrows connect-src to the presets plus the resolver the page
// was opened with or the one saved, accepting exactly the link resolvers
// parseResolverUrl accepts (those a CSP source can name), and preconnects to
// the resolvers asked first when the link runs a check — the same ones the
// widgets' DoH client asks first (both raced resolvers on a first visit).
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDohClient, PRESET_RESOLVERS, parseResolverUrl, toLang } from '~/core';
import { LEADER_STORAGE_KEY, ORDER_STORAGE_KEY, STORAGE_KEY } from '~/components/ui/resolverChoice';
import { connectScript } from '~/integrations/csp.mjs';

const script = await connectScript();
const presets = Object.values(PRESET_RESOLVERS).map((r) => new URL(r.url).origin);

interface FakeElement {
  tag: string;
  httpEquiv: string;
  content: string;
  rel: string;
  href: string;
  crossOrigin: string;
  attrs: Record<string, string>;
}

interface Visit {
  /** The page's query string. */
  search: string;
  /** The saved custom endpoint; 'throws' when storage is disabled. */
  saved: string | null | 'throws';
  lang?: string;
  /** The saved preset order. */
  order?: string;
  /** The remembered first-to-answer resolver. */
  leader?: string;
}

/** A fake window: the address and storage of a visit. */
function fakeWindow({ search, saved, order, leader }: Visit) {
  const stored: Record<string, string | null | undefined> = {
    [STORAGE_KEY]: saved === 'throws' ? null : saved,
    [ORDER_STORAGE_KEY]: order,
    [LEADER_STORAGE_KEY]: leader,
  };
  const fail = () => {
    if (saved === 'throws') throw new Error('storage disabled');
  };
  return {
    location: { search },
    localStorage: {
      getItem: (key: string) => {
        fail();
        return stored[key] ?? null;
      },
      setItem: (key: string, value: string) => {
        fail();
        stored[key] = value;
      },
      removeItem: (key: string) => {
        fail();
        stored[key] = null;
      },
    },
    dispatchEvent: () => true,
  };
}

/** Runs the early script on a fake page; returns the elements it added to <head>. */
function runScript(visit: Visit): FakeElement[] {
  const { lang = 'zh-CN' } = visit;
  const appended: FakeElement[] = [];
  const window = fakeWindow(visit);
  const document = {
    documentElement: { lang },
    createElement: (tag: string) => {
      const el: FakeElement = { tag, httpEquiv: '', content: '', rel: '', href: '', crossOrigin: '', attrs: {} };
      return Object.assign(el, { setAttribute: (k: string, v: string) => (el.attrs[k] = v) });
    },
    head: { appendChild: (el: FakeElement) => appended.push(el) },
  };
  runInNewContext(script, { window, document, URL, URLSearchParams });
  return appended;
}

/** The second policy and the data-mg-connect list the early script adds. */
function connect(visit: Visit) {
  const metas = runScript(visit).filter((el) => el.tag === 'meta');
  expect(metas).toHaveLength(1);
  const meta = metas[0]!;
  expect(meta.httpEquiv).toBe('Content-Security-Policy');
  return { policy: meta.content, origins: (meta.attrs['data-mg-connect'] ?? '').split(' ') };
}

/** The origins the early script preconnects to, in order. */
function preconnect(visit: Visit): string[] {
  const links = runScript(visit).filter((el) => el.tag === 'link');
  for (const link of links) {
    expect(link.rel).toBe('preconnect');
    expect(link.crossOrigin).toBe('anonymous');
  }
  return links.map((l) => l.href);
}

const ALIDNS = 'https://dns.alidns.com';
const GOOGLE = 'https://dns.google';
const DNSPOD = 'https://doh.pub';

const preconnectRows: { what: string; visit: Visit; origins: string[] }[] = [
  // A first visit: the two raced resolvers, the page language's first.
  { what: 'a first visit to a Chinese page with a check link: AliDNS and Google, raced', visit: { search: '?domain=example.com', saved: null }, origins: [ALIDNS, GOOGLE] },
  { what: 'a first visit to an English page with a check link: Google and AliDNS, raced', visit: { search: '?domain=example.com', saved: null, lang: 'en' }, origins: [GOOGLE, ALIDNS] },
  { what: 'a lookup link (name=) runs a check too', visit: { search: '?name=example.com&type=MX', saved: null }, origins: [ALIDNS, GOOGLE] },
  // A remembered first-to-answer resolver: that one only, whatever the page language.
  { what: 'a remembered AliDNS on an English page', visit: { search: '?domain=example.com', saved: null, lang: 'en', leader: 'alidns' }, origins: [ALIDNS] },
  { what: 'a remembered Google on a Chinese page', visit: { search: '?domain=example.com', saved: null, leader: 'google' }, origins: [GOOGLE] },
  { what: 'a remembered DNSPod', visit: { search: '?domain=example.com', saved: null, lang: 'en', leader: 'dnspod' }, origins: [DNSPOD] },
  // A remembered value that is no preset is ignored.
  { what: 'a remembered value that is no preset', visit: { search: '?domain=example.com', saved: null, leader: 'custom' }, origins: [ALIDNS, GOOGLE] },
  // A chosen order: its first, and it wins over a remembered resolver.
  { what: 'a saved global order on a Chinese page', visit: { search: '?domain=example.com', saved: null, order: 'global' }, origins: [GOOGLE] },
  { what: 'a saved China order on an English page', visit: { search: '?domain=example.com', saved: null, lang: 'en', order: 'cn' }, origins: [ALIDNS] },
  { what: 'a saved China order over a remembered Google', visit: { search: '?domain=example.com', saved: null, lang: 'en', order: 'cn', leader: 'google' }, origins: [ALIDNS] },
  // A custom resolver: that one only, no race.
  { what: "the link's loopback resolver", visit: { search: '?domain=a.test&resolver=http%3A%2F%2F127.0.0.1%3A25460%2Fdns-query', saved: null }, origins: ['http://127.0.0.1:25460'] },
  { what: "the link's resolver before the saved one", visit: { search: '?domain=a.test&resolver=https://a.example/q', saved: 'https://b.example/q' }, origins: ['https://a.example'] },
  { what: 'the saved resolver when the link has none', visit: { search: '?domain=a.test', saved: 'https://b.example/q' }, origins: ['https://b.example'] },
  { what: 'a custom resolver over a remembered one', visit: { search: '?domain=a.test', saved: 'https://b.example/q', leader: 'google' }, origins: ['https://b.example'] },
  // Nothing usable stored: the race.
  { what: 'the presets when the link resolver is refused', visit: { search: '?domain=a.test&resolver=http://doh.example.net/dns-query', saved: null }, origins: [ALIDNS, GOOGLE] },
  { what: 'the presets when storage throws', visit: { search: '?domain=a.test', saved: 'throws' }, origins: [ALIDNS, GOOGLE] },
];

describe('the early preconnect', () => {
  it.each(preconnectRows)('connects to $origins for $what', ({ visit, origins }) => {
    expect(preconnect(visit)).toEqual(origins);
  });

  it.each([
    { what: 'a page without parameters', search: '' },
    { what: 'a link with only a resolver', search: '?resolver=https://a.example/q' },
    { what: 'an empty domain', search: '?domain=' },
    { what: 'a domain of spaces', search: '?domain=%20%20' },
  ])('opens nothing on $what', ({ search }) => {
    expect(preconnect({ search, saved: null })).toEqual([]);
  });
});

describe('the early preconnect agrees with the widgets', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** The origins the widgets' DoH client sends its first question to at once, on this visit. */
  async function askedFirst(visit: Visit): Promise<string[]> {
    vi.stubGlobal('window', fakeWindow(visit));
    vi.resetModules(); // a new page: a new page leader
    const { pageResolvers } = await import('~/components/ui/resolverChoice');
    const { resolvers, leader } = pageResolvers(toLang(visit.lang ?? 'zh-CN'));
    const asked: string[] = [];
    const stop = new AbortController();
    const fetch = (url: string) => {
      asked.push(new URL(url).origin);
      return new Promise<never>(() => undefined);
    };
    const pending = createDohClient({ fetch, resolvers, leader }).query('example.com', 'MX', stop.signal);
    stop.abort();
    await pending.catch(() => undefined);
    return asked;
  }

  it.each(preconnectRows)('for $what', async ({ visit }) => {
    expect(preconnect(visit)).toEqual(await askedFirst(visit));
  });
});

describe('the early connect-src policy', () => {
  const rows: { what: string; search: string; saved: string | null | 'throws'; extra: string[] }[] = [
    // No custom resolver: the presets only.
    { what: 'no custom resolver', search: '', saved: null, extra: [] },
    // A link's https resolver: its origin (port kept) is added.
    { what: 'an https link resolver', search: '?resolver=https%3A%2F%2Fdoh.example.net%3A8443%2Fdns-query', saved: null, extra: ['https://doh.example.net:8443'] },
    // The tests' loopback resolver over plain http.
    { what: 'a loopback http link resolver', search: '?resolver=http%3A%2F%2F127.0.0.1%3A25460%2Fdns-query', saved: null, extra: ['http://127.0.0.1:25460'] },
    // localhost over http.
    { what: 'localhost over http', search: '?resolver=http://localhost:8053/dns-query', saved: null, extra: ['http://localhost:8053'] },
    // Plain http to a public host is refused by parseResolverUrl, so not added.
    { what: 'plain http to a public host', search: '?resolver=http://doh.example.net/dns-query', saved: null, extra: [] },
    // Other schemes are refused.
    { what: 'a javascript: URL', search: '?resolver=javascript:alert(1)', saved: null, extra: [] },
    // User names are refused (fetch rejects them).
    { what: 'a URL with a user name', search: '?resolver=https://u:p@doh.example.net/dns-query', saved: null, extra: [] },
    // Markup is not a URL.
    { what: 'markup', search: `?resolver=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, saved: null, extra: [] },
    // A CSP source cannot name an IPv6 address: not added (and nothing invalid is written into the policy).
    { what: 'an IPv6 loopback', search: '?resolver=http://[::1]:8053/dns-query', saved: null, extra: [] },
    // Nor one source per 127/8 address: only 127.0.0.1.
    { what: 'another 127/8 address', search: '?resolver=http://127.8.9.10/dns-query', saved: null, extra: [] },
    // The saved endpoint is added too.
    { what: 'a saved endpoint', search: '', saved: 'https://dns.example.org/dns-query', extra: ['https://dns.example.org'] },
    // Both a link and a saved endpoint.
    { what: 'a link and a saved endpoint', search: '?resolver=https://a.example/dns-query', saved: 'https://b.example/q', extra: ['https://a.example', 'https://b.example'] },
    // A preset given as custom is not listed twice.
    { what: 'a preset as custom', search: '?resolver=https://dns.google/dns-query', saved: null, extra: [] },
    // Storage that throws (privacy mode) does not stop the policy.
    { what: 'storage that throws', search: '?resolver=https://a.example/dns-query', saved: 'throws', extra: ['https://a.example'] },
  ];

  it.each(rows)('allows the presets and what is right for $what', ({ search, saved, extra }) => {
    const { policy, origins } = connect({ search, saved });
    expect(origins).toEqual([...presets, ...extra]);
    expect(policy).toBe(`connect-src 'self' ${[...presets, ...extra].join(' ')}`);
  });

  it.each(rows)('agrees with parseResolverUrl: $what', ({ search, saved, extra }) => {
    // The script allows a link's resolver exactly when the widgets accept it (presets are allowed anyway).
    const value = new URLSearchParams(search).get('resolver');
    if (!value || saved !== null) return;
    const parsed = parseResolverUrl(value);
    if (parsed.ok && presets.includes(new URL(parsed.url).origin)) return;
    expect(parsed.ok).toBe(extra.length > 0);
  });

  it('allows a link resolver exactly when parseResolverUrl accepts it and a CSP source can name its host', () => {
    // CSP3 host-source: host-char = ALPHA / DIGIT / "-", labels joined by dots, optional port.
    const cspNameable = (host: string) => /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?(:[0-9]+)?$/.test(host);
    const resolverText = fc
      .tuple(
        fc.constantFrom('https://', 'http://', 'HTTPS://', 'javascript:', 'ftp://', 'https:', ''),
        fc.constantFrom('', 'u@', 'u:p@', ':p@'),
        fc.constantFrom('localhost', '127.0.0.1', '127.1', '127.8.9.10', '[::1]', '[2001:db8::1]', 'doh.example.net', 'DNS.Example.org',
          'xn--fsq.example', '例子.example', 'a_b.example', '1.2.3.4', '0x7f.0.0.1', 'dns.google', 'doh.pub', ''),
        fc.constantFrom('', ':8443', ':443', ':80', ':0', ':99999'),
        fc.constantFrom('/dns-query', '', '/q?x=1', '/q#frag', '/<b>'),
        fc.constantFrom('', ' ', '\t'),
      )
      .map(([scheme, user, host, port, path, space]) => `${space}${scheme}${user}${host}${port}${path}${space}`);
    fc.assert(
      fc.property(resolverText, (value) => {
        const { origins } = connect({ search: `?${new URLSearchParams({ resolver: value }).toString()}`, saved: null });
        const parsed = parseResolverUrl(value);
        const origin = parsed.ok ? new URL(parsed.url).origin : '';
        const allowed = parsed.ok && cspNameable(new URL(parsed.url).host) && !presets.includes(origin);
        expect(origins).toEqual(allowed ? [...presets, origin] : presets);
      }),
      { numRuns: 600 },
    );
  });
});
