// What each built page makes the browser load, and the search that loads only when opened.
//  - The counting rule (weight.ts) on small made-up pages.
//  - Every page of dist/ within its byte budget (weight.ts BUDGETS); the figures per kind
//    of page are printed and attached to the report.
//  - In a browser: a text page fetches no script beyond what the rule counted (nothing on
//    idle, no Pagefind) until search opens; search opens by click, Ctrl+K and `/`, finds
//    results in both languages, and keeps what was typed before its code arrived.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { BUDGETS, KB, budgetFor, builtPages, gzipSize, laterJs, pageJs, siteLoader, type PageJs } from './weight';
import { xml } from './dmarc-files';
import { readBarrel } from '../../src/integrations/widget-imports.mjs';
import { toolUrl } from './stack';

test.describe('counting rule', () => {
  const files: Record<string, string> = {
    '/_astro/a.js': 'import{x}from"./shared.js";import"./b.js";export{x};',
    '/_astro/b.js': 'import"./shared.js";const later=()=>import("./lazy.js");',
    '/_astro/shared.js': 'export const x=1;',
    '/_astro/lazy.js': 'export default 1;',
    '/_astro/island.js': 'export default function C(){}',
    '/_astro/renderer.js': 'import"./shared.js";',
  };
  const load = (url: string) => files[url];
  const size = (...urls: string[]) => urls.reduce((n, u) => n + gzipSize(files[u] ?? ''), 0);
  const rows: { name: string; html: string; urls: string[]; inline: boolean }[] = [
    {
      name: 'counts a module script and what it imports, each file once, not what it imports dynamically',
      html: '<script type="module" src="/_astro/a.js"></script>',
      urls: ['/_astro/a.js', '/_astro/shared.js', '/_astro/b.js'],
      inline: false,
    },
    {
      name: 'counts preloaded modules and an island’s component and renderer',
      html:
        '<link rel="modulepreload" href="/_astro/b.js">' +
        '<astro-island component-url="/_astro/island.js" renderer-url="/_astro/renderer.js"></astro-island>',
      urls: ['/_astro/b.js', '/_astro/island.js', '/_astro/renderer.js', '/_astro/shared.js'],
      inline: false,
    },
    {
      name: 'counts what an inline module imports, and reports inline code apart',
      html: '<script type="module">import "../_astro/shared.js"; console.log(1)</script>',
      urls: ['/_astro/shared.js'],
      inline: true,
    },
    {
      name: 'ignores scripts that are data, not code',
      html: '<script type="application/ld+json">{"@type":"WebSite"}</script><script type="speculationrules">{}</script>',
      urls: [],
      inline: false,
    },
    {
      name: 'resolves a relative src against the page',
      html: '<script src="../_astro/lazy.js"></script>',
      urls: ['/_astro/lazy.js'],
      inline: false,
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const page = pageJs('/docs/', row.html, load);
      expect(page.files.map((f) => f.url).sort()).toEqual([...row.urls].sort());
      expect(page.jsGzip).toBe(size(...row.urls));
      expect(page.inlineGzip > 0).toBe(row.inline);
    });
  }

  test('counts what a page fetches later by name: a worker and a lazy chunk, with their imports not loaded yet', () => {
    const later: Record<string, string> = {
      ...files,
      '/_astro/page.js':
        'import"./shared.js";new Worker(new URL("/_astro/worker-x.js",import.meta.url));const v=()=>import("./View.y.js");const m=()=>import("./messages.js");',
      '/_astro/worker-x.js': 'self.onmessage=()=>{}',
      '/_astro/View.y.js': 'import"./shared.js";import"./view-part.js";',
      '/_astro/view-part.js': 'export const p=1;',
      '/_astro/messages.js': 'export default {};',
    };
    const page = pageJs('/p/', '<script type="module" src="/_astro/page.js"></script>', (u) => later[u]);
    const got = laterJs(page, [/\/worker-[^/]*\.js$/, /\/View\.[^/]*\.js$/], (u) => later[u]);
    // shared.js is loaded already; messages.js is not named, so not counted.
    expect(got.files.map((f) => f.url).sort()).toEqual([
      '/_astro/View.y.js',
      '/_astro/view-part.js',
      '/_astro/worker-x.js',
    ]);
    expect(got.jsGzip).toBe(
      ['/_astro/View.y.js', '/_astro/view-part.js', '/_astro/worker-x.js'].reduce(
        (n, u) => n + gzipSize(later[u] ?? ''),
        0,
      ),
    );
  });

  test('fails when a page loads a file the build does not have', () => {
    expect(() => pageJs('/x/', '<script type="module" src="/_astro/gone.js"></script>', load)).toThrow(/gone\.js/);
  });
});

const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;

test.describe('budgets', () => {
  const pages = builtPages();
  const load = siteLoader();

  test('every page keeps its JavaScript budget', () => {
    expect(pages.length).toBeGreaterThan(50);
    const over: string[] = [];
    const byKind = new Map<string, PageJs[]>();
    for (const page of pages) {
      const budget = budgetFor(page);
      if (!budget) {
        over.push(`${page.path}: no budget applies`);
        continue;
      }
      byKind.set(budget.kind, [...(byKind.get(budget.kind) ?? []), page]);
      if (budget.maxGzip !== undefined && page.jsGzip > budget.maxGzip) {
        const list = page.files.map((f) => `${f.url} ${f.gzip}`).join(', ');
        over.push(`${page.path} (${budget.kind}): ${kb(page.jsGzip)} > ${kb(budget.maxGzip)} — ${list}`);
      }
      if (budget.later) {
        const later = laterJs(page, budget.later.entries, load);
        const list = later.files.map((f) => `${f.url} ${f.gzip}`).join(', ');
        // Each named entry must exist, so a renamed chunk cannot pass by counting nothing.
        for (const re of budget.later.entries) {
          if (!later.files.some((f) => re.test(f.url)))
            over.push(`${page.path} (${budget.kind}): no later file matches ${re}`);
        }
        if (later.jsGzip > budget.later.maxGzip)
          over.push(
            `${page.path} (${budget.kind}, later): ${kb(later.jsGzip)} > ${kb(budget.later.maxGzip)} — ${list}`,
          );
      }
    }
    // The figures per kind of page: the largest page's files, and the inline code beside them.
    const lines = BUDGETS.map((budget) => {
      const kind = [...(byKind.get(budget.kind) ?? [])].sort((a, b) => b.jsGzip - a.jsGzip);
      const top = kind[0];
      if (!top) return `${budget.kind}: no pages`;
      const limit = budget.maxGzip === undefined ? 'reported only' : `budget ${kb(budget.maxGzip)}`;
      const least = kind.at(-1)?.jsGzip ?? 0;
      const inline = Math.max(...kind.map((p) => p.inlineGzip));
      const later = budget.later
        ? `; later (${budget.later.what}) up to ${kb(Math.max(...kind.map((p) => laterJs(p, budget.later?.entries ?? [], load).jsGzip)))}, budget ${kb(budget.later.maxGzip)}`
        : '';
      return (
        `${budget.kind} (${kind.length} pages, ${limit}): script files ${kb(least)}–${kb(top.jsGzip)}, ` +
        `largest ${top.path}; inline scripts up to ${kb(inline)}${later}`
      );
    });
    console.log(`JavaScript at load (gzip):\n  ${lines.join('\n  ')}`);
    test.info().annotations.push({ type: 'weight', description: lines.join('; ') });
    expect(over).toEqual([]);
    // Both kinds exist, so a broken classification cannot pass by matching nothing.
    expect(byKind.get('text')?.length).toBeGreaterThan(10);
    expect(byKind.get('tool')?.length).toBeGreaterThan(5);
  });
});

test.describe('styles', () => {
  // Pages import their widgets from one barrel (~/components); a page must get the styles of the
  // widgets it shows and of no other (src/integrations/widget-imports.mjs). Each widget's own
  // classes are the `.mg-…` classes of its stylesheet (src/components/X/X.css) that no other
  // stylesheet of the widgets uses; they are looked for in the page's CSS only (inline <style>
  // and linked stylesheets), not in its markup.
  const componentsDir = 'src/components';
  const filesOf = (dir: string, ext: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? filesOf(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
    );
  const classes = (css: string) => new Set(css.match(/\.mg-[\w-]+/g) ?? []);
  const sheets = filesOf(componentsDir, '.css').map((file) => ({ file, classes: classes(readFileSync(file, 'utf8')) }));
  // The barrel's widgets, read as the build's rewrite reads them.
  const widgets = [...readBarrel(join(componentsDir, 'index.ts')).keys()].flatMap((name) => {
    const own = sheets.find((s) => s.file === join(componentsDir, name, `${name}.css`));
    if (!own) return [];
    const others = sheets.filter((s) => s !== own);
    return [{ name, classes: [...own.classes].filter((c) => !others.some((o) => o.classes.has(c))) }];
  });
  const docs = 'src/content/docs';
  const load = siteLoader();

  test('a page carries the styles of the widgets it shows and of no other widget', () => {
    // Every widget with a stylesheet of its own is checked, each by at least one class.
    expect(widgets.map((w) => w.name).sort()).toEqual([
      'Checker',
      'ClientSettings',
      'DmarcReports',
      'DnsLookup',
      'MessageAnalyser',
      'Propagation',
      'SpfInspector',
    ]);
    for (const w of widgets) expect(w.classes.length, w.name).toBeGreaterThan(0);
    const wrong: string[] = [];
    let withWidgets = 0;
    for (const file of filesOf(docs, '.mdx')) {
      const source = readFileSync(file, 'utf8');
      const shown = new Set(
        [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'~\/components'/g)].flatMap(([, names]) =>
          String(names)
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean),
        ),
      );
      const rel = file
        .slice(docs.length + 1)
        .replace(/\.mdx$/, '')
        .replace(/(^|\/)index$/, '');
      const html = readFileSync(join('dist', rel, 'index.html'), 'utf8');
      const css = [
        ...[...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(([, text]) => String(text)),
        ...[...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
          ([, href]) => load(String(href)) ?? `missing ${href}`,
        ),
      ].join('\n');
      const has = classes(css);
      if (shown.size) withWidgets++;
      for (const w of widgets) {
        const present = w.classes.filter((c) => has.has(c));
        if (shown.has(w.name) && present.length !== w.classes.length)
          wrong.push(`${rel}: shows ${w.name} but lacks ${w.classes.filter((c) => !has.has(c)).join(' ')}`);
        if (!shown.has(w.name) && present.length)
          wrong.push(`${rel}: does not show ${w.name} but has ${present.join(' ')}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(withWidgets).toBeGreaterThan(20);
  });
});

test.describe('per-language text', () => {
  const pages = builtPages();
  const text = (page: PageJs) => page.files.map((f) => readFileSync(join('dist', f.url), 'utf8')).join('\n');
  // A phrase only one language's words hold (the widget's label); the bounce explanations of
  // either language are not loaded with the page (they come with the analyser, when needed).
  const ZH_BOUNCE = 'Gmail 按发件域名的 DMARC 策略拒收了这封邮件';
  const EN_BOUNCE = 'Gmail rejected the message because';
  const rows = [
    { path: '/tools/message/', own: ['邮件原文或退信'], other: ['Message source or bounce', ZH_BOUNCE, EN_BOUNCE] },
    { path: '/en/tools/message/', own: ['Message source or bounce'], other: ['邮件原文或退信', ZH_BOUNCE, EN_BOUNCE] },
  ];
  for (const row of rows) {
    test(`${row.path} loads its own language’s words, not the other’s, and no bounce explanations`, () => {
      const page = pages.find((p) => p.path === row.path);
      expect(page, row.path).toBeDefined();
      const js = text(page as PageJs);
      for (const phrase of row.own) expect(js.includes(phrase), phrase).toBe(true);
      for (const phrase of row.other) expect(js.includes(phrase), phrase).toBe(false);
    });
  }
});

/** Script and Pagefind requests of a page, from now on. */
function watchRequests(page: Page) {
  const scripts: string[] = [];
  const pagefind: string[] = [];
  page.on('request', (req: Request) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/pagefind/') || /\/pagefindUi\.[^/]*\.js$/.test(url.pathname))
      pagefind.push(url.pathname);
    else if (req.resourceType() === 'script') scripts.push(url.pathname);
  });
  return { scripts, pagefind };
}

/** Waits until the page has loaded and the browser has been idle (when Starlight used to fetch search). */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise<void>((resolve) => requestIdleCallback(() => setTimeout(resolve, 300), { timeout: 2000 })),
  );
  await page.waitForLoadState('networkidle');
}

test.describe('the DMARC report viewer fetches its reader when files are chosen', () => {
  const built = new Map(builtPages().map((p) => [p.path, p]));

  for (const path of ['/tools/dmarc-reports/', '/en/tools/dmarc-reports/']) {
    test(`${path}: only the counted scripts at load; the worker and the results view after choosing a file`, async ({
      page,
    }) => {
      const page_ = built.get(path);
      const budget = page_ ? budgetFor(page_) : undefined;
      expect(budget?.later).toBeDefined();
      const counted = page_?.files.map((f) => f.url) ?? [];
      const later =
        page_ && budget?.later ? laterJs(page_, budget.later.entries, siteLoader()).files.map((f) => f.url) : [];
      const requests = watchRequests(page);
      await page.goto(toolUrl(path, {}));
      await settle(page);
      expect(requests.scripts.filter((url) => !counted.includes(url))).toEqual([]);
      // Choosing a file fetches the counted later scripts, and nothing else.
      await page.getByLabel(/Choose report files|选择报告文件/).setInputFiles([xml('qq.xml')]);
      await expect(page.locator('[data-total-messages="11"]')).toBeVisible({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      const after = requests.scripts.filter((url) => !counted.includes(url));
      expect(after.filter((url) => !later.includes(url))).toEqual([]);
      expect(after.some((url) => /\/worker-[^/]*\.js$/.test(url))).toBe(true);
      expect(after.some((url) => /\/DmarcResults\.[^/]*\.js$/.test(url))).toBe(true);
    });
  }
});

test.describe('search loads when opened', () => {
  const built = new Map(builtPages().map((p) => [p.path, p]));

  for (const path of ['/', '/en/', '/start/overview/', '/en/reference/ports/']) {
    test(`${path} fetches only the counted scripts, and nothing of search, until search opens`, async ({ page }) => {
      const counted = built.get(path)?.files.map((f) => f.url) ?? [];
      const requests = watchRequests(page);
      await page.goto(path);
      await settle(page);
      expect(requests.scripts.filter((url) => !counted.includes(url))).toEqual([]);
      expect(requests.pagefind).toEqual([]);
      // The search button works without its UI: it is enabled and announces its shortcut.
      await expect(page.getByRole('button', { name: /^(搜索|Search)$/ })).toBeEnabled();
    });
  }

  const opens: { how: string; open: (page: Page) => Promise<void> }[] = [
    { how: 'a click', open: (page) => page.getByRole('button', { name: /^(搜索|Search)$/ }).click() },
    { how: 'Ctrl+K', open: (page) => page.keyboard.press('Control+k') },
    { how: '/', open: (page) => page.keyboard.press('/') },
  ];
  const searches = [
    // Chinese text is found on a zh page (Pagefind segments it), and results stay in Chinese.
    { path: '/start/overview/', term: '准备', label: '搜索', lang: /^\/(?!en\/)/ },
    { path: '/en/reference/ports/', term: 'DMARC', label: 'Search', lang: /^\/en\// },
  ];
  for (const { how, open } of opens) {
    for (const s of searches) {
      test(`opened by ${how} on ${s.path}, search finds "${s.term}" in the page's language`, async ({ page }) => {
        const requests = watchRequests(page);
        await page.goto(s.path);
        await settle(page);
        expect(requests.pagefind).toEqual([]);

        await open(page);
        const dialog = page.getByRole('dialog', { name: s.label });
        await expect(dialog).toBeVisible();
        // The search box has the focus at once (a stand-in until the UI arrives); type into it.
        await expect(dialog.getByRole('textbox', { name: s.label })).toBeFocused();
        await page.keyboard.type(s.term);
        const first = dialog.locator('.pagefind-ui__result-link').first();
        await expect(first).toBeVisible({ timeout: 10_000 });
        expect(new URL((await first.getAttribute('href')) ?? '', 'http://x').pathname).toMatch(s.lang);
        expect(requests.pagefind.length).toBeGreaterThan(0);
      });
    }
  }

  test('what is typed before the search code arrives is kept and searched', async ({ page }) => {
    // Hold the search UI back, as on a slow connection.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/pagefindUi\.[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/en/');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('DMARC');
    release();
    const box = page.locator('#starlight__search .pagefind-ui__search-input');
    await expect(box).toHaveValue('DMARC');
    await expect(box).toBeFocused();
    await expect(page.locator('[data-search-early]')).toHaveCount(0);
    await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 10_000 });
  });

  test('`/` typed in a field stays in the field and does not open search', async ({ page }) => {
    await page.goto('/en/tools/lookup/');
    const field = page.getByRole('textbox').first();
    await field.click();
    await page.keyboard.type('a/b');
    await expect(field).toHaveValue(/a\/b/);
    await expect(page.getByRole('dialog')).toBeHidden();
  });
});
