// How the tool pages sit on a screen (issue #15):
//  - verdict first: after a check of a domain with problems, the summary's first
//    problem is on screen at 1280 × 800 without scrolling, in both languages;
//  - nothing scrolls sideways on any page with a tool, with its results on
//    screen, at 390 px (a phone) and 1280 px; at 1280 the record table fits;
//  - no layout shift while a linked check runs (CLS 0).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { stack, toolUrl } from './stack';
import { PROPAGATION_PRESETS, TOOL_PAGES } from './tool-pages';

test.describe('verdict first at 1280 × 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  for (const { path, domain } of [
    { path: '/tools/checker/', domain: 'weak.test' },
    { path: '/en/tools/checker/', domain: 'foreign.test' },
  ]) {
    test(`${path}?domain=${domain}: the first problem is visible without scrolling`, async ({ page }) => {
      // A support link: the check runs at once.
      await page.goto(toolUrl(path, { domain }));
      const summary = page.locator('[data-summary]');
      await expect(summary).toHaveAttribute('data-fail', /^[1-9]/, { timeout: 15_000 });
      // Nothing scrolled the page, and the summary's first line with a problem is wholly on screen.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const first = summary.locator('.mg-summary-problems > li:is([data-severity="fail"], [data-severity="warn"], [data-severity="error"])').first();
      await expect(first).toBeInViewport({ ratio: 1 });
    });
  }
});

/** How far the page scrolls sideways (0 when it does not). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - el.clientWidth;
  });

test.describe('nothing scrolls sideways, with results on screen', () => {
  test.use({ presets: PROPAGATION_PRESETS });
  for (const tool of TOOL_PAGES) {
    test(`${tool.name} at 390 and 1280 px`, async ({ page }) => {
      // A phone first: the results are drawn at that width.
      await page.setViewportSize({ width: 390, height: 800 });
      await tool.open(page);
      expect(await sideways(page), 'sideways scroll at 390 px').toBe(0);
      // The same results on a laptop screen.
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await sideways(page), 'sideways scroll at 1280 px').toBe(0);
      // A record table fits its widget: no sideways scrolling inside it either.
      for (const table of await page.locator('.mg-records').all()) {
        const overflow = await table.evaluate((t) => t.scrollWidth - (t.parentElement?.clientWidth ?? 0));
        expect(overflow, 'record table wider than its widget at 1280 px').toBeLessThanOrEqual(0);
      }
    });
  }
});

test.describe('no layout shift while a linked check runs', () => {
  // A support link as it is sent carries no resolver: AliDNS and Google (raced on a first visit)
  // are answered by the local stack.
  test.use({ presets: PROPAGATION_PRESETS });

  /**
   * Every layout shift from the first paint, whether or not a person caused it (nobody touches
   * the page here), added up as CLS counts it within a page load, with what moved.
   */
  async function shiftDuring(page: Page, url: string, done: string): Promise<{ cls: number; sources: string[] }> {
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number; __shifts: string[] };
      w.__cls = 0;
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          sources?: { node?: Node | null }[];
        })[]) {
          w.__cls += entry.value;
          for (const s of entry.sources ?? []) {
            const el = s.node instanceof Element ? s.node : s.node?.parentElement;
            w.__shifts.push(`${entry.value.toFixed(4)} ${el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : '?'}`);
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url);
    await expect(page.locator(done).first()).toBeVisible({ timeout: 20_000 });
    // Let the last results paint and any late shift be reported.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
    return page.evaluate(() => {
      const w = window as unknown as { __cls: number; __shifts: string[] };
      return { cls: w.__cls, sources: w.__shifts };
    });
  }

  const rows = [
    // A support link to a domain with problems, and one where every record is right, opened
    // with a resolver of its own (announced in the form).
    { name: 'checker, a domain with problems (zh)', url: () => '/tools/checker/?domain=weak.test', done: '[data-summary]' },
    { name: 'checker with ?resolver=, a complete domain (en)', url: () => toolUrl('/en/tools/checker/', { domain: 'complete.test' }), done: '[data-summary]' },
    // The SPF tree, and its IP test.
    { name: 'SPF tool with a tree', url: () => '/en/tools/spf/?domain=spf-over.test', done: '[data-spf-lookups][data-status]:not([data-status="pending"])' },
    { name: 'SPF tool with an IP test', url: () => '/tools/spf/?domain=spf-tree.test&ip=203.0.113.99', done: '[data-spf-result="fail"]' },
    // A lookup, and one with a resolver of its own (announced above the buttons).
    { name: 'lookup', url: () => '/tools/lookup/?name=complete.test&type=MX', done: '[data-rcode]' },
    { name: 'lookup with ?resolver= (en)', url: () => toolUrl('/en/tools/lookup/', { name: 'complete.test', type: 'MX' }), done: '[data-rcode]' },
    { name: 'SPF tool with ?resolver=', url: () => toolUrl('/tools/spf/', { domain: 'spf-tree.test' }), done: '[data-spf-lookups][data-status]:not([data-status="pending"])' },
    // Comparing resolvers: rows fill in as each answers, then the verdict.
    { name: 'propagation (zh)', url: () => '/tools/propagation/?name=complete.test&type=MX', done: '[data-verdict]' },
    { name: 'propagation, resolvers that differ (en)', url: () => '/en/tools/propagation/?name=stale.test&type=MX', done: '[data-verdict]' },
  ];
  for (const [width, height] of [
    [1280, 800],
    [390, 800],
  ] as const) {
    for (const row of rows) {
      test(`${row.name} at ${width} px: CLS 0`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        const { cls, sources } = await shiftDuring(page, row.url(), row.done);
        expect(sources, 'elements that moved').toEqual([]);
        expect(cls).toBe(0);
      });
    }
  }

  // The slow resolver keeps the rows pending for a second: the room kept for them must hold.
  test('checker with a slow resolver at 1280 px: CLS 0 while rows are pending', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const { cls, sources } = await shiftDuring(page, toolUrl('/tools/checker/', { domain: 'weak.test' }, stack.slow), '[data-summary]');
    expect(sources, 'elements that moved').toEqual([]);
    expect(cls).toBe(0);
  });
});
