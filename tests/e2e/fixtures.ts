// A Playwright `test` whose pages can only reach this machine.
//  - Any request to another host (a font CDN, analytics …) is aborted before it
//    leaves and recorded in `offsite`, so tests can assert nothing tried to.
//  - The four preset DoH resolvers are blocked too (as from a closed network),
//    unless a test maps a preset to a local endpoint with `test.use({ presets })`:
//    its questions are then answered by that endpoint of the local stack (real
//    Knot answers, or a fault backend), so fallback between presets and
//    resolvers that disagree can be tested without touching public resolvers.
import { test as base, expect } from '@playwright/test';

export const PRESET_HOSTS = {
  alidns: 'dns.alidns.com',
  dnspod: 'doh.pub',
  google: 'dns.google',
  cloudflare: 'cloudflare-dns.com',
} as const;
export type PresetId = keyof typeof PRESET_HOSTS;

/** Which local endpoint answers for a preset: a URL, or a function of the stack (resolved lazily). */
export type PresetMap = Partial<Record<PresetId, string>>;

const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const test = base.extend<{ offsite: string[]; presets: PresetMap }>({
  presets: [{}, { option: true }],
  offsite: [
    async ({ context, presets }, use) => {
      const offsite: string[] = [];
      const byHost = new Map<string, string>(
        Object.entries(presets).map(([id, url]) => [PRESET_HOSTS[id as PresetId], url]),
      );
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (LOCAL.has(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') {
          return route.continue();
        }
        const target = byHost.get(url.hostname);
        if (target && url.pathname === '/dns-query') {
          // Answer from the local stack, passing its status, headers (CORS or not) and body through.
          const local = new URL(target);
          local.search = url.search;
          let response;
          try {
            response = await route.fetch({ url: local.href, maxRedirects: 0, timeout: 15_000 });
          } catch {
            return route.abort('timedout').catch(() => undefined);
          }
          // A test that has its answer may end (and close its page) while other questions are
          // still on their way: such a request is gone, and there is nothing left to answer.
          return route.fulfill({ response }).catch(() => undefined);
        }
        offsite.push(url.href);
        return route.abort('blockedbyclient');
      });
      await use(offsite);
    },
    { auto: true },
  ],
});

export { expect };
