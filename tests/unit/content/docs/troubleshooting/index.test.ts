// The troubleshooting hub (src/content/docs/troubleshooting/index.mdx and its
// English twin) is a public contract: it links every troubleshooting page of
// its language, and carries the exact error texts users paste into search.
import { describe, expect, it } from 'vitest';
import { externalLinks, internalLinks, readPages, type PageLang } from '../../../support/docs-pages';

const pages = readPages();

function hub(lang: PageLang) {
  const url = lang === 'en' ? '/en/troubleshooting/' : '/troubleshooting/';
  const page = pages.find((p) => p.url === url);
  if (!page) throw new Error(`no hub page at ${url}`);
  return page;
}

function troubleshootingPages(lang: PageLang): string[] {
  const prefix = lang === 'en' ? '/en/troubleshooting/' : '/troubleshooting/';
  return pages
    .filter((p) => p.lang === lang && p.url.startsWith(prefix) && p.url !== prefix)
    .map((p) => p.url)
    .sort();
}

describe.each(['zh', 'en'] as const)('troubleshooting hub (%s)', (lang) => {
  it('exists at the public address', () => {
    expect(hub(lang).url).toBe(lang === 'en' ? '/en/troubleshooting/' : '/troubleshooting/');
  });

  it('there are troubleshooting pages to link', () => {
    expect(troubleshootingPages(lang).length).toBeGreaterThanOrEqual(9);
  });

  it('links every troubleshooting page of its language', () => {
    const linked = new Set(internalLinks(hub(lang).body).map((l) => l.href));
    expect(troubleshootingPages(lang).filter((url) => !linked.has(url))).toEqual([]);
  });

  it('links only pages of its own language', () => {
    const hrefs = internalLinks(hub(lang).body).map((l) => l.href);
    const foreign = hrefs.filter((h) => (lang === 'en' ? !h.startsWith('/en/') : h.startsWith('/en/')));
    expect(foreign).toEqual([]);
  });

  // Exact texts users see, so that site search finds the hub (and the pages it points to).
  it.each([
    '5.1.1',
    'host not found',
    '5.7.26',
    '550; 5.7.515 Access denied, sending domain',
    'too frequently sending',
    '535 5.7.8',
    '0x800CCC0E',
    '0x800CCC18',
    '0x800CCC01',
    'NXDOMAIN',
  ])('quotes the error text “%s”', (text) => {
    expect(hub(lang).body).toContain(text);
  });

  it('says how support sends a link with ?domain=', () => {
    expect(hub(lang).body).toMatch(/\?domain=example\.com/);
  });

  // The "before you contact Alibaba Cloud" section names where tickets are described, not only the menu.
  it('the escalation section links Alibaba Cloud’s help on tickets', () => {
    const heading = lang === 'en' ? 'Before you contact Alibaba Cloud' : '联系阿里云之前';
    const section = hub(lang).body.split(/^## /m).find((s) => s.startsWith(heading));
    expect(section, heading).toBeDefined();
    const ticketHelp = lang === 'en' ? 'https://alibabacloud.com/help/en/ticket-system-api' : 'https://help.aliyun.com/product/163246.html';
    expect(externalLinks(section ?? '').map((l) => l.href)).toContain(ticketHelp);
  });
});

describe('the check for missing links can fail', () => {
  it('reports a troubleshooting page the hub does not link', () => {
    const linked = new Set(['/troubleshooting/a/']);
    const all = ['/troubleshooting/a/', '/troubleshooting/b/'];
    expect(all.filter((u) => !linked.has(u))).toEqual(['/troubleshooting/b/']);
  });
});
