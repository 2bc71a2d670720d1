// The Content-Security-Policy added to every built page (src/integrations/csp.mjs):
// the static policy hashes exactly the page's inline scripts, and the early
// script narrows connect-src to the presets plus the resolver the page was
// opened with or the one saved, under the same rules as parseResolverUrl.
import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PRESET_RESOLVERS, parseResolverUrl } from '~/core';
import { addPolicy, connectScript, PRESET_ORIGINS, staticPolicy } from '~/integrations/csp.mjs';

interface FakeElement {
  tag: string;
  httpEquiv: string;
  content: string;
  rel: string;
  href: string;
  crossOrigin: string;
  attrs: Record<string, string>;
}

/** Runs the early script against a fake page; returns the elements it added to <head>. */
function runScript(search: string, saved: string | null | 'throws', opts: { lang?: string; order?: string } = {}) {
  const appended: FakeElement[] = [];
  const context = {
    URL,
    URLSearchParams,
    location: { search },
    localStorage: {
      getItem: (key: string) => {
        if (saved === 'throws') throw new Error('storage disabled');
        return key === 'mg.resolverOrder' ? (opts.order ?? null) : saved;
      },
    },
    document: {
      documentElement: { lang: opts.lang ?? 'zh-CN' },
      createElement: (tag: string) => {
        const el: FakeElement = { tag, httpEquiv: '', content: '', rel: '', href: '', crossOrigin: '', attrs: {} };
        return Object.assign(el, { setAttribute: (k: string, v: string) => (el.attrs[k] = v) });
      },
      head: { appendChild: (el: FakeElement) => appended.push(el) },
    },
  };
  runInNewContext(connectScript(), context);
  return appended;
}

/** The second policy and the data-mg-connect list the early script adds. */
function runConnectScript(search: string, saved: string | null | 'throws') {
  const metas = runScript(search, saved).filter((el) => el.tag === 'meta');
  expect(metas).toHaveLength(1);
  const meta = metas[0]!;
  expect(meta.httpEquiv).toBe('Content-Security-Policy');
  return { policy: meta.content, origins: (meta.attrs['data-mg-connect'] ?? '').split(' ') };
}

/** The origin the early script preconnects to, if any. */
function preconnect(search: string, saved: string | null, opts: { lang?: string; order?: string } = {}) {
  const links = runScript(search, saved, opts).filter((el) => el.tag === 'link');
  expect(links.length).toBeLessThanOrEqual(1);
  if (links[0]) {
    expect(links[0].rel).toBe('preconnect');
    expect(links[0].crossOrigin).toBe('anonymous');
  }
  return links[0]?.href;
}

describe('the early preconnect', () => {
  it('opens the connection to the first resolver when the link runs a check', () => {
    expect(preconnect('?domain=example.com', null)).toBe('https://dns.alidns.com');
    expect(preconnect('?domain=example.com', null, { lang: 'en' })).toBe('https://dns.google');
    expect(preconnect('?name=example.com&type=MX', null)).toBe('https://dns.alidns.com');
  });
  it('follows a stored preset order and a custom resolver', () => {
    expect(preconnect('?domain=example.com', null, { order: 'global' })).toBe('https://dns.google');
    expect(preconnect('?domain=example.com', null, { lang: 'en', order: 'cn' })).toBe('https://dns.alidns.com');
    expect(preconnect('?domain=a.test&resolver=http%3A%2F%2F127.0.0.1%3A25460%2Fdns-query', null)).toBe('http://127.0.0.1:25460');
    expect(preconnect('?domain=a.test&resolver=https://a.example/q', 'https://b.example/q')).toBe('https://a.example');
    expect(preconnect('?domain=a.test', 'https://b.example/q')).toBe('https://b.example');
    // A refused custom resolver is not connected to; the presets are used instead.
    expect(preconnect('?domain=a.test&resolver=http://doh.example.net/dns-query', null)).toBe('https://dns.alidns.com');
  });
  it('opens nothing on a page without a check to run', () => {
    expect(preconnect('', null)).toBeUndefined();
    expect(preconnect('?resolver=https://a.example/q', null)).toBeUndefined();
    expect(preconnect('?domain=', null)).toBeUndefined();
  });
});

const presets = Object.values(PRESET_RESOLVERS).map((r) => new URL(r.url).origin);

describe('the preset origins', () => {
  it('are the four preset resolvers of src/core', () => {
    expect(PRESET_ORIGINS).toEqual(presets);
    expect(PRESET_ORIGINS).toEqual(['https://dns.alidns.com', 'https://doh.pub', 'https://dns.google', 'https://cloudflare-dns.com']);
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

  it.each(rows)('$what', ({ search, saved, extra }) => {
    const { policy, origins } = runConnectScript(search, saved);
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
});

describe('the static policy on a page', () => {
  const page = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>x</title>',
    '<script>window.a = 1;</script>',
    '<script type="module">import "/x.js";</script>',
    '<script type="module" src="/_astro/page.js"></script>',
    '<script type="application/ld+json">{"@context":"https://schema.org"}</script>',
    '</head><body><script aria-hidden="true">\n\t(() => {})();\n</script></body></html>',
  ].join('');
  const out = addPolicy(page);
  const meta = out.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  const policy = meta?.[1] ?? '';
  const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

  it('comes right after the charset, before any script', () => {
    expect(out.indexOf('<meta http-equiv="Content-Security-Policy"')).toBe(out.indexOf('<meta charset="utf-8"/>') + '<meta charset="utf-8"/>'.length);
    expect(out.indexOf('<script')).toBeGreaterThan(out.indexOf('Content-Security-Policy'));
  });

  it.each([
    // A classic inline script.
    { what: 'a classic inline script', text: 'window.a = 1;' },
    // An inline module.
    { what: 'an inline module', text: 'import "/x.js";' },
    // Whitespace is part of the hash.
    { what: 'a script with tabs and newlines', text: '\n\t(() => {})();\n' },
    // The early connect script itself.
    { what: 'the early connect script', text: connectScript() },
  ])('allows $what by its hash', ({ text }) => {
    expect(policy).toContain(sha(text));
  });

  it('hashes nothing else: no JSON data block, no external script', () => {
    const hashes = policy.match(/'sha256-[^']+'/g) ?? [];
    expect(hashes).toHaveLength(4);
    expect(policy).not.toContain(sha('{"@context":"https://schema.org"}'));
  });

  it('never allows inline code or eval by a keyword', () => {
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/^script-src 'self' 'wasm-unsafe-eval' /);
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it('leaves out directives a meta policy cannot carry', () => {
    expect(policy).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  });

  it('is added once', () => {
    expect(addPolicy(out)).toBe(out);
  });

  it('is the same policy staticPolicy builds for those hashes', () => {
    const hashes = (policy.match(/'sha256-[^']+'/g) ?? []).map((h) => h.slice(1, -1));
    expect(policy).toBe(staticPolicy(hashes));
  });
});
