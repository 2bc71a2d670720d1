import { describe, expect, it } from 'vitest';
import { PAGE_SHORT_NAMES, SITE_TERMS, type SiteTerm } from '~/content/terms';
import { internalLinks, prose, readPages, type Page } from '../support/docs-pages';

const pages = readPages();

/** Every place a banned variant appears in one page. */
function bannedIn(page: Page, term: SiteTerm): string[] {
  const text = `${page.frontmatter}\n${prose(page.body)}`;
  const found: string[] = [];
  for (const variant of term.banned) {
    const re =
      typeof variant === 'string'
        ? new RegExp(variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')
        : new RegExp(variant.source, variant.flags.includes('g') ? variant.flags : `${variant.flags}g`);
    for (const m of text.matchAll(re)) {
      const around = text.slice(Math.max(0, (m.index ?? 0) - 20), (m.index ?? 0) + m[0].length + 20);
      found.push(`${page.file}: “${m[0]}” (use “${term.term}”) …${around.replace(/\s+/g, ' ')}…`);
    }
  }
  return found;
}

describe('site terms', () => {
  it('reads the pages of both languages', () => {
    expect(pages.filter((p) => p.lang === 'zh').length).toBeGreaterThan(40);
    expect(pages.filter((p) => p.lang === 'en').length).toBe(pages.filter((p) => p.lang === 'zh').length);
  });

  // zh terms apply to every page (Chinese names appear on English pages); en terms to English pages.
  describe.each(SITE_TERMS.map((t) => [t.term, t] as const))('“%s”', (_name, term) => {
    it('no page uses a banned variant', () => {
      const scope = pages.filter((p) => term.lang === 'zh' || p.lang === 'en');
      expect(scope.flatMap((p) => bannedIn(p, term))).toEqual([]);
    });
  });

  it('each term has at least one banned variant, and the term itself is not banned', () => {
    for (const t of SITE_TERMS as readonly SiteTerm[]) {
      expect(t.banned.length, t.term).toBeGreaterThan(0);
      for (const v of t.banned) {
        const hit = typeof v === 'string' ? t.term.includes(v) : new RegExp(v.source, v.flags.replace('g', '')).test(t.term);
        expect(hit, `${t.term} is caught by its own banned variant ${String(v)}`).toBe(false);
      }
    }
  });

  // The check itself must be able to fail: a page using a variant is caught.
  it.each([
    ['中国大陆版的 MX', '中国内地版'],
    ['填第三方客户端安全密码', '三方客户端安全密码'],
    ['公共 DNS 服务器', '解析服务器'],
    ['各地解析器', '解析服务器'],
    ['the mainland edition', 'mainland China edition'],
    ['ask the DNS server', 'resolver'],
  ])('catches “%s” (should be “%s”)', (text, termName) => {
    const term = (SITE_TERMS as readonly SiteTerm[]).find((t) => t.term === termName);
    expect(term).toBeDefined();
    const page: Page = {
      file: 'x.mdx',
      lang: 'en',
      url: '/x/',
      key: '/x/',
      title: 'x',
      sidebarLabel: undefined,
      lastUpdated: undefined,
      frontmatter: '',
      body: text,
    };
    expect(bannedIn(page, term as SiteTerm).length).toBeGreaterThan(0);
  });

  it('allows the terms next to their look-alikes: 权威 DNS 服务器, third-party client security password', () => {
    const page: Page = {
      file: 'x.mdx',
      lang: 'en',
      url: '/x/',
      key: '/x/',
      title: 'x',
      sidebarLabel: undefined,
      lastUpdated: undefined,
      frontmatter: '',
      body: '权威 DNS 服务器 and the third-party client security password, the mainland China edition',
    };
    expect((SITE_TERMS as readonly SiteTerm[]).flatMap((t) => bannedIn(page, t))).toEqual([]);
  });
});

describe('link wording', () => {
  const byUrl = new Map(pages.map((p) => [p.url, p]));

  /** The names a link may give a page: its title, its sidebar label, or a listed short name. */
  function namesOf(target: Page): string[] {
    const short = PAGE_SHORT_NAMES[target.key]?.[target.lang] ?? [];
    return [target.title, ...(target.sidebarLabel ? [target.sidebarLabel] : []), ...short];
  }

  it('every link to another page is worded as that page’s title, sidebar label or short name', () => {
    const wrong: string[] = [];
    for (const page of pages) {
      for (const link of internalLinks(page.body)) {
        // Links to a section, cards and buttons (no link text) are worded by their context.
        if (link.text === '' || link.fragment !== undefined) continue;
        const target = byUrl.get(link.href);
        if (!target) continue; // tool pages that are not guide pages; broken links fail the build
        const names = namesOf(target).map((n) => n.toLowerCase());
        if (!names.includes(link.text.toLowerCase())) {
          wrong.push(`${page.file}: [${link.text}](${link.href}) — use “${namesOf(target).join('” or “')}”`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every short name belongs to a page that exists in both languages', () => {
    for (const key of Object.keys(PAGE_SHORT_NAMES)) {
      expect(byUrl.has(key), key).toBe(true);
      expect(byUrl.has(`/en${key}`), `/en${key}`).toBe(true);
    }
  });
});
