// Tool pages print cleanly (issue 14, point 2): with the print media type, at the width of an
// A4 page, a tool opened as a support link shows its results and not its controls — no form,
// button, picker or copy control is visible; the summary and every row are; nothing is wider
// than the page; and the SPF tree prints every level, open or not.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { toolUrl } from './stack';

/** A4 portrait at 96 dpi, as the page is laid out for paper. */
test.use({ viewport: { width: 794, height: 1123 } });

/** How far the page, and the widest element of the widget, reach past the page's width (px). */
async function overflow(page: Page): Promise<{ page: number; widest: number }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let widest = 0;
    for (const el of document.querySelectorAll('[data-widget] *')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0) widest = Math.max(widest, box.right - width);
      // A scrolling box hides what it cannot show (text for screen readers only is a 1 px box
      // that hides its text on purpose, in print as on screen).
      if (box.width > 1 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        widest = Math.max(widest, el.scrollWidth - el.clientWidth);
    }
    return { page: document.documentElement.scrollWidth - width, widest: Math.round(widest) };
  });
}

test('the checker prints its summary and every row, without its controls, within the page width', async ({ page }) => {
  // A support link: every row has something to say.
  await page.goto(toolUrl('/tools/checker/', { domain: 'missing.test' }));
  const widget = page.locator('[data-widget="checker"]');
  await expect(page.locator('[data-summary][data-ok]')).toBeVisible({ timeout: 15_000 });
  await page.emulateMedia({ media: 'print' });

  // The controls are gone: the form and every button, field and picker in the widget.
  await expect(widget.locator('form')).toBeHidden();
  for (const control of ['button', 'input', 'select', 'textarea', 'details.mg-options']) {
    await expect(widget.locator(control).filter({ visible: true }), control).toHaveCount(0);
  }
  // The results are all there.
  await expect(page.locator('[data-summary]')).toBeVisible();
  const rows = page.locator('[data-record]');
  expect(await rows.count()).toBe(8);
  for (const row of await rows.all()) await expect(row).toBeVisible();
  await expect(rows.locator('[data-problem]').first()).toBeVisible();
  // Nothing wider than the page, nothing clipped in a scrolling box.
  expect(await overflow(page)).toEqual({ page: 0, widest: 0 });

  // On screen the controls are back.
  await page.emulateMedia({ media: 'screen' });
  await expect(widget.locator('form')).toBeVisible();
});

test('the SPF tool prints every level of its trees, a closed one too', async ({ page }) => {
  await page.goto(toolUrl('/en/tools/spf/', { domain: 'weak.test', ip: '203.0.113.9' }));
  // The include below the root is closed in the expansion's tree.
  const include = page.locator('[data-spf-node="spf.qiye.aliyun.com"]');
  await expect(include).toBeVisible({ timeout: 15_000 });
  const record = include.getByText('v=spf1 ip4:192.0.2.0/24');
  await expect(record).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(record).toBeVisible();
  await expect(page.locator('[data-spf-result="softfail"]')).toBeVisible();
  await expect(page.locator('[data-widget="spf-inspector"] form')).toBeHidden();
  expect(await overflow(page)).toEqual({ page: 0, widest: 0 });
});

test('a printed lookup says what was asked', async ({ page }) => {
  await page.goto(toolUrl('/tools/lookup/', { name: 'nosuch.test', type: 'A' }));
  await page.emulateMedia({ media: 'print' });
  const result = page.locator('[data-rcode="NXDOMAIN"]');
  await expect(result).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-widget="lookup"] form')).toBeHidden();
  await expect(result.locator('code').first()).toHaveText('nosuch.test. A');
});
