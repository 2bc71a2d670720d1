import { expect, test } from './fixtures';
import { sitemapPaths } from './sitemap';
import { stack } from './stack';

test.describe('every page', () => {
  test('answers 200 in both languages, with no console error and no failed request', async ({ page, request }) => {
    const paths = await sitemapPaths(request);
    // The budget grows with the site: a few seconds a page on a loaded machine.
    test.setTimeout(60_000 + paths.length * 3_000);
    // Both languages are present, and every zh page has its en twin in the sitemap.
    const en = paths.filter((p) => p.startsWith('/en/'));
    const zh = paths.filter((p) => !p.startsWith('/en/'));
    expect(zh.length).toBeGreaterThan(0);
    expect(en.map((p) => p.slice(3)).sort()).toEqual(zh.sort());

    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`${page.url()}: console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`${page.url()}: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`${page.url()}: ${res.status()} ${res.url()}`);
    });
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
    }
    expect(problems).toEqual([]);
  });
});

test('the language switcher moves between twin pages', async ({ page }) => {
  await page.goto('/start/overview/');
  // Starlight's language picker is a <select> labelled by its accessible name.
  await page.getByRole('combobox', { name: /language|语言/i }).selectOption({ label: 'English' });
  await expect(page).toHaveURL(/\/en\/start\/overview\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('combobox', { name: /language|语言/i }).selectOption({ label: '简体中文' });
  await expect(page).toHaveURL(/\/start\/overview\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test.describe('search', () => {
  const rows = [
    // A Chinese word is found on a zh page (Pagefind segments Chinese text).
    { path: '/', term: '准备', expectPath: /^\/(?!en\/)/ },
    // An English term is found on an en page.
    { path: '/en/', term: 'DMARC', expectPath: /^\/en\// },
  ];
  for (const row of rows) {
    test(`finds "${row.term}" from ${row.path}`, async ({ page }) => {
      await page.goto(row.path);
      await page
        .getByRole('button', { name: /search|搜索/i })
        .first()
        .click();
      const box = page.getByRole('dialog').getByRole('textbox', { name: /search|搜索/i });
      await box.fill(row.term);
      const first = page.locator('.pagefind-ui__result-link').first();
      await expect(first).toBeVisible({ timeout: 10_000 });
      const href = (await first.getAttribute('href')) ?? '';
      expect(new URL(href, 'http://x').pathname).toMatch(row.expectPath);
    });
  }

  test('opens with Ctrl+K, announced on the button (no visible hint inside it)', async ({ page }) => {
    await page.goto('/');
    const button = page.getByRole('button', { name: '搜索', exact: true }).first();
    await expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+K');
    await expect(button).toBeEnabled();
    // The search code loads when search opens; the dialog's box takes the focus at once.
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog').getByRole('textbox', { name: /搜索/ })).toBeFocused();
  });
});

test('the local DoH stack answers an MX query from inside the page (cross-origin)', async ({ page }) => {
  // The page's Content-Security-Policy lets it reach only the presets and the resolver it was opened with.
  await page.goto(`/?resolver=${encodeURIComponent(stack.resolver)}`);
  const result = await page.evaluate(async (resolver) => {
    // "complete.test MX" in DNS wire format, as an RFC 8484 GET.
    const bytes = [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
    for (const label of ['complete', 'test']) bytes.push(label.length, ...[...label].map((c) => c.charCodeAt(0)));
    bytes.push(0, 0, 15, 0, 1);
    const dns = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const res = await fetch(`${resolver}?dns=${dns}`, { headers: { accept: 'application/dns-message' } });
    const body = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, rcode: (body[3] ?? 0) & 0x0f, answers: ((body[6] ?? 0) << 8) + (body[7] ?? 0) };
  }, stack.resolver);
  expect(result).toEqual({ status: 200, rcode: 0, answers: 3 });
});
