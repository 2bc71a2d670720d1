// A Playwright `test` whose pages can only reach this machine: any request to
// another host (a public DoH resolver, a font CDN …) is aborted before it leaves
// and recorded in `offsite`, so tests never touch public resolvers and can
// assert that nothing tried to.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ offsite: string[] }>({
  offsite: [
    async ({ context }, use) => {
      const offsite: string[] = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (
          ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ||
          url.protocol === 'data:' ||
          url.protocol === 'blob:'
        ) {
          return route.continue();
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
