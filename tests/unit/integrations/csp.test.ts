// The Content-Security-Policy added to every built page (src/integrations/csp.mjs):
// the static policy hashes exactly the page's inline scripts, the early script
// among them, and comes first in <head>. What the early script does is tested
// in connect-policy.test.ts.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRESET_RESOLVERS } from '~/core';
import { addPolicy, CONNECT_PRESETS, connectScript, PRESET_ORIGINS, staticPolicy } from '~/integrations/csp.mjs';

const early = await connectScript();

describe('the preset origins', () => {
  it('are the four preset resolvers of src/core', () => {
    expect(PRESET_ORIGINS).toEqual(Object.values(PRESET_RESOLVERS).map((r) => new URL(r.url).origin));
    expect(PRESET_ORIGINS).toEqual(['https://dns.alidns.com', 'https://doh.pub', 'https://dns.google', 'https://cloudflare-dns.com']);
  });
  it('are given to the early script by preset id', () => {
    expect(CONNECT_PRESETS.originOf).toEqual({
      alidns: 'https://dns.alidns.com',
      dnspod: 'https://doh.pub',
      google: 'https://dns.google',
      cloudflare: 'https://cloudflare-dns.com',
    });
  });
});

describe('the early script', () => {
  it('is built once and is the same text every time', async () => {
    expect(await connectScript()).toBe(early);
  });
  it('cannot end its inline <script> element early', () => {
    expect(early).not.toMatch(/<\/script|<!--/i);
  });
  it('carries the presets as data but not their display names', () => {
    for (const origin of PRESET_ORIGINS) expect(early).toContain(origin);
    expect(early).not.toContain('AliDNS');
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
  const out = addPolicy(page, early);
  const meta = out.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  const policy = meta?.[1] ?? '';
  const scriptHashOf = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;
  const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

  it('comes right after the charset, before any script', () => {
    expect(out.indexOf('<meta http-equiv="Content-Security-Policy"')).toBe(out.indexOf('<meta charset="utf-8"/>') + '<meta charset="utf-8"/>'.length);
    expect(out.indexOf('<script')).toBeGreaterThan(out.indexOf('Content-Security-Policy'));
  });

  it('is followed at once by the early script, the first script of the page', () => {
    expect(out).toContain(`content="${policy}"><script>${early}</script><title>`);
  });

  it('goes after <head> on a page without a charset, and nowhere on a page without a head', () => {
    const bare = addPolicy('<html><head><title>x</title></head></html>', early);
    expect(bare.startsWith(`<html><head><meta http-equiv="Content-Security-Policy" content="${staticPolicy([scriptHashOf(early)])}"><script>`)).toBe(true);
    expect(addPolicy('<p>fragment</p>', early)).toBe('<p>fragment</p>');
  });

  it.each([
    // A classic inline script.
    { what: 'a classic inline script', text: 'window.a = 1;' },
    // An inline module.
    { what: 'an inline module', text: 'import "/x.js";' },
    // Whitespace is part of the hash.
    { what: 'a script with tabs and newlines', text: '\n\t(() => {})();\n' },
    // The early connect script itself.
    { what: 'the early connect script', text: early },
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
    expect(addPolicy(out, early)).toBe(out);
  });

  it('is the same policy staticPolicy builds for those hashes', () => {
    const hashes = (policy.match(/'sha256-[^']+'/g) ?? []).map((h) => h.slice(1, -1));
    expect(policy).toBe(staticPolicy(hashes));
  });
});
