// Accessibility and what every page loads.
//  - Every sitemap page, both languages, visited once: zero axe violations, and
//    every request it makes goes to the site itself — no font CDN, script host,
//    analytics, or anything else (the off-site sweep of security.spec.ts).
//  - The tools with results on screen (checker after a finished check, SPF tree,
//    lookup answer, resolvers side by side): zero axe violations.
//  - The search dialog as it opens (before its code has arrived) and with results.
//  - The checker by keyboard alone, with results announced in a polite live region.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sitemapPaths } from './sitemap';
import { stack, toolUrl } from './stack';

/** Runs axe on the page as it is; returns "rule (impact): target, target…" lines (empty when clean). */
async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself (the pages have no frames), about twice as fast as
  // the default, which finishes every run in a new blank page.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const out: string[] = [];
  for (const v of results.violations) {
    const targets = v.nodes.map((n) => n.target.join(' '));
    out.push(`${v.id} (${v.impact ?? 'n/a'}): ${targets.join(', ')}`);
  }
  return out;
}

// The sitemap is split into shards so the two workers share the pages.
const SHARDS = 6;

test.describe('every page', () => {
  for (let shard = 0; shard < SHARDS; shard++) {
    test(`pages ${shard + 1}/${SHARDS}: no axe violations, no request off the site`, async ({
      page,
      request,
      offsite,
      baseURL,
    }) => {
      test.setTimeout(180_000);
      const site = new URL(baseURL ?? 'http://127.0.0.1:4329').origin;
      const all = await sitemapPaths(request);
      expect(all.some((p) => p.startsWith('/en/'))).toBe(true);
      expect(all.some((p) => !p.startsWith('/en/'))).toBe(true);
      const paths = all.filter((_, i) => i % SHARDS === shard);

      const elsewhere: string[] = [];
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.origin !== site) elsewhere.push(`${page.url()} → ${req.url()}`);
      });
      const problems: string[] = [];
      for (const path of paths) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        // Tools have hydrated (axe then takes over a second, so anything a page fetches late is
        // still recorded before the check below). A tool hydrates once it comes near the screen:
        // bring each one there first (a checker far down a guide page).
        for (const tool of await page.locator('astro-island[client="tool"]').all()) {
          await tool.evaluate((el) => el.firstElementChild?.scrollIntoView({ block: 'center' }));
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        }
        await expect(page.locator('astro-island[client="tool"][ssr]')).toHaveCount(0);
        // Expressive Code makes code blocks that scroll focusable once the browser is idle.
        await page.waitForFunction(() =>
          [...document.querySelectorAll('.expressive-code pre')].every(
            (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
          ),
        );
        for (const v of await axeViolations(page)) problems.push(`${path}: ${v}`);
        expect(offsite, `${path} tried to reach another host`).toEqual([]);
      }
      expect(elsewhere, 'requests to another origin').toEqual([]);
      expect(problems, 'axe violations').toEqual([]);
    });
  }
});

test.describe('tools with results on screen', () => {
  // Propagation compares several resolvers: map three presets to the local stack (one to an older copy).
  test.use({
    presets: async ({}, use) => use({ alidns: stack.resolver, dnspod: stack.resolver, google: stack.old }),
  });

  const rows: { name: string; path: () => string; done: string }[] = [
    // Warnings, failures and findings with links in every row.
    {
      name: 'checker after a finished check (zh)',
      path: () => toolUrl('/tools/checker/', { domain: 'weak.test' }),
      done: '[data-record="mx"]:not([data-status="pending"])',
    },
    {
      name: 'checker after a finished check (en)',
      path: () => toolUrl('/en/tools/checker/', { domain: 'foreign.test' }),
      done: '[data-record="mx"]:not([data-status="pending"])',
    },
    // The nested tree with counters over the limit.
    {
      name: 'SPF inspector with a tree',
      path: () => toolUrl('/en/tools/spf/', { domain: 'spf-over.test' }),
      done: '.mg-spf-result',
    },
    // The IP test: a fail explained by exp=, its trail three includes deep and the lookups table (zh);
    // a temporary error with its reason (en).
    {
      name: 'SPF IP test with its trail (zh)',
      path: () => toolUrl('/tools/spf/', { domain: 'spf-tree.test', ip: '203.0.113.99' }),
      done: '[data-spf-result="fail"]',
    },
    {
      name: 'SPF IP test with an error (en)',
      path: () => toolUrl('/en/tools/spf/', { domain: 'broken.test', ip: '2001:db8::1' }),
      done: '[data-spf-result="temperror"]',
    },
    // A dig-like answer.
    {
      name: 'lookup with an answer',
      path: () => toolUrl('/tools/lookup/', { name: 'complete.test', type: 'MX' }),
      done: '[data-rcode]',
    },
    // Resolvers that disagree, and unreachable ones.
    {
      name: 'resolvers side by side with a verdict',
      path: () => '/tools/propagation/?name=stale.test&type=MX',
      done: '[data-verdict]',
    },
  ];
  for (const row of rows) {
    test(`${row.name}: no axe violations`, async ({ page }) => {
      await page.goto(row.path());
      await expect(page.locator(row.done).first()).toBeVisible({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe('message analyser with a message analysed', () => {
  // A Gmail bounce as it arrives: the receiver's headers on top (every section has content),
  // the DSN, and the returned headers with a GBK subject.
  const bounce = [
    'Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41]) by mx.msg.test with ESMTPS id X1; Tue, 3 Nov 2026 09:16:10 +0800',
    'Authentication-Results: mx.msg.test; spf=pass smtp.mailfrom=mailer-daemon@googlemail.com; dkim=pass header.d=googlemail.com header.s=20230601; dmarc=pass header.from=googlemail.com',
    'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
    'To: zhang@msg.test',
    'Subject: Delivery Status Notification (Failure)',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
    '',
    '--B1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; googlemail.com',
    '',
    'Final-Recipient: rfc822; li@gmail.com',
    'Action: failed',
    'Status: 5.7.26',
    'Remote-MTA: dns; gmail-smtp-in.l.google.com',
    'Diagnostic-Code: smtp; 550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. - gsmtp',
    '',
    '--B1',
    'Content-Type: text/rfc822-headers',
    '',
    'From: =?UTF-8?B?5byg5LiJ?= <zhang@msg.test>',
    'Subject: =?GBK?B?suLK1A==?=',
    '',
    '--B1--',
    '',
  ].join('\r\n');
  for (const { path, box, button } of [
    { path: '/tools/message/', box: '邮件原文或退信', button: '分析' },
    { path: '/en/tools/message/', box: 'Message source or bounce', button: 'Analyse' },
  ]) {
    test(`${path}: no axe violations`, async ({ page }) => {
      await page.goto(toolUrl(path, {}));
      await expect(page.locator('astro-island[client="tool"][ssr]')).toHaveCount(0);
      await page.getByRole('textbox', { name: box }).fill(bounce);
      await page.getByRole('button', { name: button, exact: true }).click();
      await expect(page.locator('[data-widget="message-analyser"] [data-phase="done"]')).toBeVisible({ timeout: 20_000 });
      await expect(page.locator('[data-bounce-status="5.7.26"]')).toBeVisible();
      // The sections folded by default, opened, are checked too.
      for (const summary of await page.locator('[data-widget="message-analyser"] details > summary').all()) await summary.click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe('search dialog', () => {
  for (const { path, term } of [
    { path: '/', term: '准备' },
    { path: '/en/', term: 'DMARC' },
  ]) {
    test(`open on ${path}, before and after its results: no axe violations`, async ({ page }) => {
      // Hold the search code back, to check the dialog as it first opens (its stand-in box).
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/pagefindUi\.[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(path);
      await page.keyboard.press('Control+k');
      await expect(page.locator('[data-search-early]')).toBeFocused();
      expect(await axeViolations(page)).toEqual([]);
      release();
      await page.keyboard.type(term);
      await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 10_000 });
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe('DMARC report viewer with reports loaded', () => {
  for (const [path, scheme] of [
    ['/tools/dmarc-reports/', 'dark'],
    ['/en/tools/dmarc-reports/', 'light'],
  ] as const) {
    test(`${path} in ${scheme} mode: no axe violations, with every table open`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(toolUrl(path, {}));
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      // Every fixture reporter's style, a refused file, reports for two domains.
      const dir = 'tests/fixtures/dmarc/';
      await page
        .locator('input[type=file]')
        .setInputFiles(
          [
            'google.xml',
            'outlook.xml',
            'yahoo.xml',
            'qq.xml',
            'netease.xml',
            'rfc9990.xml',
            'other-domain.xml',
            'malformed.xml',
          ].map((f) => dir + f),
        );
      await expect(page.locator('[data-total-messages="121"]')).toBeVisible({ timeout: 15_000 });
      await expect(page.locator('[data-ptr="pending"]')).toHaveCount(0, { timeout: 15_000 });
      // Open what is closed: the tables under the pictures, the reports read, the resolver options.
      const details = page.locator('[data-widget="dmarc-reports"] details');
      for (let i = 0; i < (await details.count()); i++) {
        if ((await details.nth(i).getAttribute('open')) === null) await details.nth(i).locator('> summary').click();
      }
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test('lookup with a failure: no axe violations', async ({ page }) => {
  // No preset is reachable here: every resolver fails.
  await page.goto(toolUrl('/en/tools/lookup/', { name: 'complete.test', type: 'MX' }, stack.fault('http503')));
  await expect(page.locator('[data-error]')).toBeVisible({ timeout: 20_000 });
  expect(await axeViolations(page)).toEqual([]);
});

test('the checker works by keyboard alone, and results are announced politely', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/en/tools/checker/?resolver=${encodeURIComponent(stack.resolver)}`);
  const field = page.getByLabel('Your domain');
  await expect(field.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/);

  /**
   * Presses Tab until `done` says the focused element is the one wanted; fails after `max` presses.
   * Returns the accessible-ish names of the elements focused on the way, in order.
   */
  async function tabTo(describe: string, done: () => Promise<boolean>, max = 150): Promise<string[]> {
    const passed: string[] = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      passed.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return (el?.getAttribute('aria-label') || el?.textContent || el?.id || '').trim().slice(0, 40);
        }),
      );
      if (await done()) return passed;
    }
    throw new Error(`Tab never reached ${describe}; focused: ${passed.join(' | ')}`);
  }

  // From the top of the page, Tab reaches the domain field.
  await page.locator('body').focus();
  await tabTo('the domain field', () => field.evaluate((el) => el === document.activeElement));
  await page.keyboard.type('complete.test');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-record="spf"]')).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });

  // The summary is in a polite live region, so screen readers announce it without moving focus.
  const live = page.locator('[aria-live="polite"]', { hasText: /Checked \d+ records/ });
  await expect(live).toBeVisible();
  await expect(field).toBeFocused();

  // Tab onwards reaches the copy button of the SPF value; Enter copies it.
  const spfRow = page.locator('[data-record="spf"]');
  const value = (await spfRow.locator('code.mg-value').first().textContent()) ?? '';
  const copy = spfRow.getByRole('button', { name: /^Value/ }).first();
  const order = await tabTo(
    'the SPF value copy button',
    () => copy.evaluate((el) => el === document.activeElement),
    200,
  );
  // The order follows the page: the form's own controls (the check button) come before the results.
  expect(order.indexOf('Check records')).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('Check records')).toBeLessThan(order.length - 1);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);

  // The focused copy button shows a focus indicator (no outline: none without a replacement).
  const outline = await copy.evaluate((el) => {
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' || s.boxShadow !== 'none';
  });
  expect(outline).toBe(true);
});
