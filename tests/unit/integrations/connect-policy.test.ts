// The early script of every built page (src/integrations/connect-policy.ts), run
// from the exact text the build inlines (connectScript() in csp.mjs) against a
// fake page: it narrows connect-src to the presets plus the resolver the page
// was opened with or the one saved, accepting exactly the link resolvers
// parseResolverUrl accepts (those a CSP source can name), and preconnects to
// the resolver asked first when the link runs a check.
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESET_RESOLVERS, parseResolverUrl } from '~/core';
import { ORDER_STORAGE_KEY, STORAGE_KEY } from '~/components/ui/resolverChoice';
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
}

/** Runs the early script on a fake page; returns the elements it added to <head>. */
function runScript({ search, saved, lang = 'zh-CN', order }: Visit): FakeElement[] {
  const appended: FakeElement[] = [];
  const stored: Record<string, string | null | undefined> = { [STORAGE_KEY]: saved === 'throws' ? null : saved, [ORDER_STORAGE_KEY]: order };
  const window = {
    location: { search },
    localStorage: {
      getItem: (key: string) => {
        if (saved === 'throws') throw new Error('storage disabled');
        return stored[key] ?? null;
      },
    },
  };
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

/** The origin the early script preconnects to, if any. */
function preconnect(visit: Visit) {
  const links = runScript(visit).filter((el) => el.tag === 'link');
  expect(links.length).toBeLessThanOrEqual(1);
  if (links[0]) {
    expect(links[0].rel).toBe('preconnect');
    expect(links[0].crossOrigin).toBe('anonymous');
  }
  return links[0]?.href;
}

describe('the early preconnect', () => {
  it.each([
    { what: 'a Chinese page with a check link: the first China resolver', visit: { search: '?domain=example.com', saved: null }, origin: 'https://dns.alidns.com' },
    { what: 'an English page with a check link: the first global resolver', visit: { search: '?domain=example.com', saved: null, lang: 'en' }, origin: 'https://dns.google' },
    { what: 'a lookup link (name=) runs a check too', visit: { search: '?name=example.com&type=MX', saved: null }, origin: 'https://dns.alidns.com' },
    { what: 'a saved global order on a Chinese page', visit: { search: '?domain=example.com', saved: null, order: 'global' }, origin: 'https://dns.google' },
    { what: 'a saved China order on an English page', visit: { search: '?domain=example.com', saved: null, lang: 'en', order: 'cn' }, origin: 'https://dns.alidns.com' },
    { what: "the link's loopback resolver", visit: { search: '?domain=a.test&resolver=http%3A%2F%2F127.0.0.1%3A25460%2Fdns-query', saved: null }, origin: 'http://127.0.0.1:25460' },
    { what: "the link's resolver before the saved one", visit: { search: '?domain=a.test&resolver=https://a.example/q', saved: 'https://b.example/q' }, origin: 'https://a.example' },
    { what: 'the saved resolver when the link has none', visit: { search: '?domain=a.test', saved: 'https://b.example/q' }, origin: 'https://b.example' },
    { what: 'the presets when the link resolver is refused', visit: { search: '?domain=a.test&resolver=http://doh.example.net/dns-query', saved: null }, origin: 'https://dns.alidns.com' },
    { what: 'the presets when storage throws', visit: { search: '?domain=a.test', saved: 'throws' as const }, origin: 'https://dns.alidns.com' },
  ])('connects to $origin for $what', ({ visit, origin }) => {
    expect(preconnect(visit)).toBe(origin);
  });

  it.each([
    { what: 'a page without parameters', search: '' },
    { what: 'a link with only a resolver', search: '?resolver=https://a.example/q' },
    { what: 'an empty domain', search: '?domain=' },
    { what: 'a domain of spaces', search: '?domain=%20%20' },
  ])('opens nothing on $what', ({ search }) => {
    expect(preconnect({ search, saved: null })).toBeUndefined();
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
