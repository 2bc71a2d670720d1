// The built site's content, read from dist/ and src/ (no browser needed):
// accuracy against the checked facts, language twins, descriptions.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';

function walk(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p, keep) : keep(p) ? [p] : [];
  });
}

const html = walk('dist', (f) => f.endsWith('.html'));

// Values from the source articles that the facts file lists as wrong.
const wrong: { value: RegExp; why: string }[] = [
  { value: /mxqiye\.qiye\.aliyun\.com/, why: 'no such MX host: mx1/mx2/mx3.qiye.aliyun.com (or mxhichina)' },
  { value: /mail\.qiye\.aliyun\.com/, why: 'the mail CNAME target is qiye.aliyun.com' },
  { value: /qiye\.aliyun\.com\/pwd/, why: 'no documented reset page at that address' },
  { value: /include:spf\.qiye\.aliyun\.com ~all/, why: 'Alibaba publishes -all' },
  { value: /TrustAsia Global Root CA(?! G[34])/, why: 'only the G3 and G4 roots exist' },
  { value: /证书错误\s*0x800CCC18|certificate error[^.]{0,40}0x800CCC18/i, why: '0x800CCC18 is an SPA logon failure' },
  { value: /mail\.enterprise\.aliyun\.com|mail-intl\.aliyun\.com/, why: 'invented CNAME targets' },
];

test('no known-wrong value from the source articles appears on any page', () => {
  expect(html.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const file of html) {
    const text = readFileSync(file, 'utf8');
    for (const w of wrong) if (w.value.test(text)) found.push(`${relative('dist', file)}: ${w.value} (${w.why})`);
  }
  // Scripts too: widget text ships in JavaScript.
  for (const file of walk('dist/_astro', (f) => f.endsWith('.js'))) {
    const text = readFileSync(file, 'utf8');
    for (const w of wrong) if (w.value.test(text)) found.push(`${relative('dist', file)}: ${w.value} (${w.why})`);
  }
  expect(found).toEqual([]);
});

test('port 587 is only ever mentioned as not to be used for Alibaba Mail', () => {
  const offending: string[] = [];
  for (const file of html) {
    const text = readFileSync(file, 'utf8').replace(/<[^>]+>/g, ' ');
    for (const m of text.matchAll(/.{0,80}\b587\b.{0,80}/g)) {
      const around = m[0];
      const negated =
        /不要|不适用|没有|not documented|do not|don’t|don't|isn’t|not used|not listed|Google|Microsoft|Office 365|office365|Zoho|gmail/i.test(
          around,
        );
      if (!negated) offending.push(`${relative('dist', file)}: …${around.trim()}…`);
    }
  }
  expect(offending).toEqual([]);
});

test('every zh page has its en twin and vice versa', () => {
  const root = 'src/content/docs';
  const pages = walk(root, (f) => /\.mdx?$/.test(f)).map((f) => relative(root, f));
  const en = new Set(pages.filter((p) => p.startsWith('en/')).map((p) => p.slice(3)));
  const zh = new Set(pages.filter((p) => !p.startsWith('en/')));
  expect([...zh].filter((p) => !en.has(p))).toEqual([]);
  expect([...en].filter((p) => !zh.has(p))).toEqual([]);
});

test('every page has a description for search engines and social previews', () => {
  const missing = html
    .filter((f) => !f.endsWith('404.html'))
    .filter((f) => {
      const t = readFileSync(f, 'utf8');
      return (
        !/<meta name="description" content="[^"]{20,}"/.test(t) ||
        !/<meta property="og:description" content="[^"]{20,}"/.test(t)
      );
    })
    .map((f) => relative('dist', f));
  expect(missing).toEqual([]);
});

test('diagrams are images with text alternatives in the page language', () => {
  const pages = ['dns/setup/index.html', 'en/dns/setup/index.html', 'dns/dmarc/index.html', 'en/dns/dmarc/index.html'];
  for (const p of pages) {
    const t = readFileSync(join('dist', p), 'utf8');
    const svgs = [...t.matchAll(/<svg[^>]*role="img"[^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    const imgs = [...t.matchAll(/<img[^>]*src="[^"]*diagrams?[^"]*"[^>]*>/g)].map((m) => m[0]);
    expect(svgs.length + imgs.length, p).toBeGreaterThan(0);
    for (const s of svgs) expect(s, p).toMatch(/<title[^>]*>[^<]{3,}<\/title>/);
    for (const i of imgs) expect(i, p).toMatch(/alt="[^"]{10,}"/);
  }
});

test('module preloads name built files; a tool island lists its code for a support link instead of the page preloading it', () => {
  const preloadHref = /<link rel="modulepreload" href="([^"]+)">/g;
  const islandList = /<astro-island\b[^>]*\bdata-preload="([^"]+)"/g;
  let total = 0;
  for (const file of html) {
    const text = readFileSync(file, 'utf8');
    const hrefs = [...text.matchAll(preloadHref)].map((m) => m[1]);
    for (const [, list] of text.matchAll(islandList)) hrefs.push(...(list ?? '').split(' '));
    for (const href of hrefs) {
      total++;
      expect(() => readFileSync(join('dist', href ?? '')), `${relative('dist', file)}: ${href}`).not.toThrow();
    }
  }
  expect(total).toBeGreaterThan(0);
  const checker = readFileSync(join('dist', 'tools/checker/index.html'), 'utf8');
  const head = checker.slice(0, checker.indexOf('</head>'));
  const preloaded = [...head.matchAll(preloadHref)].map((m) => m[1]);
  const listed = (/<astro-island\b[^>]*\bclient="tool"[^>]*\bdata-preload="([^"]+)"/.exec(checker)?.[1] ?? '').split(' ');
  // The page is drawn before the checker's code is fetched: none of it is preloaded with the page.
  for (const href of listed) expect(preloaded, href).not.toContain(href);
  // A support link preloads it all at once: the island lists the early start (prefetch.ts) and what it imports.
  const earlyChunk = listed.find((h) => /\/prefetch\.[\w-]+\.js$/.test(h));
  expect(earlyChunk, 'prefetch.ts chunk listed on the island').toBeTruthy();
  const code = readFileSync(join('dist', earlyChunk ?? ''), 'utf8');
  const imports = [...code.matchAll(/(?:^|;)\s*import[^;]*?"\.\/([^"]+\.js)"/g)].map((m) => `/_astro/${m[1]}`);
  expect(imports.length).toBeGreaterThan(0);
  for (const i of imports) expect([...listed, ...preloaded], i).toContain(i);
});

// Every guide page says when it was last checked: Starlight renders the frontmatter `lastUpdated`
// as <time datetime> right after the label from src/content/i18n (zh-CN.json, en.json).
const lastCheckedLabel = {
  zh: (JSON.parse(readFileSync('src/content/i18n/zh-CN.json', 'utf8')) as Record<string, string>)['page.lastUpdated'],
  en: (JSON.parse(readFileSync('src/content/i18n/en.json', 'utf8')) as Record<string, string>)['page.lastUpdated'],
};
// A sample across the sections: a record page, a DNS host, sign-in, management and the troubleshooting hub.
const sampledGuidePages = ['dns/mx', 'dns/hosts/cloudflare', 'signin/security', 'manage/rules-forwarding', 'troubleshooting/index'];

for (const lang of ['zh', 'en'] as const) {
  for (const slug of sampledGuidePages) {
    const file = `src/content/docs/${lang === 'en' ? 'en/' : ''}${slug}.mdx`;
    const url = `/${lang === 'en' ? 'en/' : ''}${slug.replace(/\/?index$/, '')}/`;
    test(`${url} shows its last-checked date as a <time datetime> after “${lastCheckedLabel[lang]}”`, async ({ page }) => {
      // The date the page's frontmatter gives.
      const date = /^lastUpdated:\s*(\d{4}-\d{2}-\d{2})\s*$/m.exec(readFileSync(file, 'utf8'))?.[1];
      expect(date, `${file} sets lastUpdated`).toBeTruthy();
      await page.goto(url);
      // The one paragraph that carries the label.
      const line = page.getByRole('paragraph').filter({ hasText: lastCheckedLabel[lang] ?? '' });
      await expect(line).toHaveCount(1);
      // The label comes first, then the date in a <time> whose datetime is the frontmatter date.
      await expect(line).toHaveText(new RegExp(`^\\s*${(lastCheckedLabel[lang] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\S`));
      const time = line.locator('time');
      await expect(time).toHaveCount(1);
      await expect(time).toHaveAttribute('datetime', `${date}T00:00:00.000Z`);
      await expect(time).toBeVisible();
      await expect(time).not.toHaveText(/^\s*$/);
    });
  }
}
