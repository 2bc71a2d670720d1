// Every guide page that states a checkable value — a mail server's port or
// host name, a DNS record value, a console path — links the official page the
// value comes from: Alibaba Cloud's help, an RFC, or the vendor's own docs.
// Tool pages (src/content/docs/tools, en/tools) are not guide pages.
import { describe, expect, it } from 'vitest';
import { externalLinks, readPages, type Page } from '../../support/docs-pages';

const pages = readPages();
const guidePages = pages.filter((p) => !/^(?:en\/)?tools\//.test(p.file));

/**
 * Hosts whose pages count as an official source. A host matches itself and its
 * subdomains (www.rfc-editor.org is rfc-editor.org).
 */
const OFFICIAL_HOSTS = [
  // Alibaba Cloud: Alibaba Mail, Alibaba Cloud DNS, DirectMail, tickets.
  'help.aliyun.com',
  'alibabacloud.com',
  // Internet standards.
  'rfc-editor.org',
  'datatracker.ietf.org',
  // DNS hosts' own documentation.
  'developers.cloudflare.com',
  // Receivers' sender guidelines and error pages.
  'support.google.com',
  'senders.yahooinc.com',
  'techcommunity.microsoft.com',
  'learn.microsoft.com',
  'support.microsoft.com',
] as const;

function isOfficial(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return OFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

// Port numbers of the mail protocols, as whole numbers (not inside 5.7.25 or 0x…25).
const PORT = /(?<![\w.:/-])(?:25|80|110|143|465|587|993|995)(?![\w.%-])/;
// A line that talks about ports or the mail protocols that use them.
const PORT_CONTEXT = /端口|\bports?\b|\bSSL\b|\bTLS\b|STARTTLS|\bIMAP\b|\bPOP3?\b|\bSMTP\b/i;

/** What counts as stating a value: each kind with the pattern that finds it. */
const VALUE_KINDS: readonly { readonly kind: string; readonly find: (line: string) => string | undefined }[] = [
  {
    kind: 'port',
    find: (line) => (PORT_CONTEXT.test(line) ? PORT.exec(line)?.[0] : undefined),
  },
  {
    kind: 'mail server host',
    find: (line) =>
      /\b(?:smtp|imap|pop3?|mx\d*|mxn|mxw|mxbiz\d)\.[a-z0-9-]+(?:\.[a-z0-9-]+)+/i.exec(line)?.[0] ??
      /\b[a-z0-9.-]*mxhichina\.com\b/i.exec(line)?.[0] ??
      // Webmail and the mail CNAME's target: qiye.aliyun.com, and the other sites' webmail hosts.
      /(?<![\w.-])(?:qiye\.aliyun\.com|mail\.(?:sg|hk)\.aliyun\.com|mail\.(?:de|us)\.alibabacloud\.com)\b/i.exec(line)?.[0],
  },
  {
    kind: 'DNS record value',
    find: (line) => /\bv=(?:spf1|DMARC1|DKIM1)\b|\binclude:[a-z0-9_.-]+\.[a-z]{2,}/i.exec(line)?.[0],
  },
  {
    kind: 'console path',
    find: (line) => /\*\*[^*\n]+\*\*\s*›\s*\*\*[^*\n]+\*\*/.exec(line)?.[0],
  },
];

/** The first value a page states, as "kind: text", or undefined when it states none. */
function firstValue(body: string): string | undefined {
  // Imports are code, not text a reader sees.
  const lines = body.split('\n').filter((l) => !/^import\s/.test(l));
  for (const line of lines) {
    for (const { kind, find } of VALUE_KINDS) {
      const hit = find(line);
      if (hit !== undefined) return `${kind}: ${hit}`;
    }
  }
  return undefined;
}

/** Why a page fails the rule, or undefined when it passes. */
function unsourced(page: Page): string | undefined {
  const value = firstValue(page.body);
  if (value === undefined) return undefined;
  if (externalLinks(page.body).some((l) => isOfficial(l.href))) return undefined;
  return `${page.file} states a value (${value}) but links no official source`;
}

function page(body: string): Page {
  return {
    file: 'x.mdx',
    lang: 'zh',
    url: '/x/',
    key: '/x/',
    title: 'x',
    sidebarLabel: undefined,
    lastUpdated: undefined,
    frontmatter: '',
    body,
  };
}

describe('sources of stated values', () => {
  it('there are guide pages in both languages to check', () => {
    expect(guidePages.filter((p) => p.lang === 'zh').length).toBeGreaterThan(40);
    expect(guidePages.filter((p) => p.lang === 'en').length).toBe(guidePages.filter((p) => p.lang === 'zh').length);
  });

  it('every guide page that states a port, mail host, record value or console path links an official source', () => {
    expect(guidePages.map(unsourced).filter((x) => x !== undefined)).toEqual([]);
  });

  // The check itself: what it counts as a value, and what it counts as a source.
  it.each([
    ['a port in a sentence', 'IMAP 用 993 端口。', 'port: 993'],
    ['a port in a table row', '| SMTP | `smtp.example.net` | 465 |', 'port: 465'],
    ['a mail server host', '服务器填 `imap.qiye.aliyun.com`。', 'mail server host: imap.qiye.aliyun.com'],
    ['the older MX set', 'MX 也可以是 mxw.mxhichina.com。', 'mail server host: mxw.mxhichina.com'],
    ['the webmail host', '网页版地址是 `https://qiye.aliyun.com`。', 'mail server host: qiye.aliyun.com'],
    ['another site’s webmail host', 'Sign in at mail.de.alibabacloud.com.', 'mail server host: mail.de.alibabacloud.com'],
    ['an SPF value', '`v=spf1 include:spf.qiye.aliyun.com -all`', 'DNS record value: v=spf1'],
    ['a DMARC value', 'The record starts with v=DMARC1.', 'DNS record value: v=DMARC1'],
    ['an SPF include alone', 'Keep include:spf.mail.qq.com for now.', 'DNS record value: include:spf.mail.qq.com'],
    ['a console path', '在 **组织与用户** › **员工帐号管理** 中重置。', 'console path: **组织与用户** › **员工帐号管理**'],
  ])('finds %s', (_name, body, found) => {
    expect(firstValue(body)).toBe(found);
  });

  it.each([
    ['an enhanced status code', '退信里的 `5.7.25` 说明反向解析失败。'],
    ['an Outlook error number', 'Outlook 报 0x800CCC0E。'],
    ['a number that is not a port', '等 25 分钟，或者每天 465 封。'],
    ['an import line', "import { Steps } from '@astrojs/starlight/components';"],
  ])('finds no value in %s', (_name, body) => {
    expect(firstValue(body)).toBeUndefined();
  });

  it.each([
    ['no link at all', 'IMAP 993 端口。'],
    ['a link into the site only', 'IMAP 993 端口，见 [服务器与端口](/clients/settings/)。'],
    ['a third-party page', 'IMAP 993 端口（[某博客](https://blog.example.com/alimail)）。'],
    ['an official host over plain http', 'IMAP 993 端口（[说明](http://help.aliyun.com/document_detail/36687.html)）。'],
    ['a look-alike host', 'IMAP 993 端口（[说明](https://help.aliyun.com.example.net/x)）。'],
  ])('a page stating a value with %s fails', (_name, body) => {
    expect(unsourced(page(body))).toBe('x.mdx states a value (port: 993) but links no official source');
  });

  it.each([
    ['Alibaba Cloud help', '[Send emails from Alibaba Mail using SMTP](https://help.aliyun.com/en/document_detail/36687.html)'],
    ['Alibaba Cloud international help', '[说明](https://www.alibabacloud.com/help/faq-detail/109009.htm)'],
    ['an RFC', '[RFC 8314](https://www.rfc-editor.org/rfc/rfc8314)'],
    ['a DNS host’s docs', '[Proxy status](https://developers.cloudflare.com/dns/proxy-status/)'],
    ['an href attribute', '<a href="https://datatracker.ietf.org/doc/html/rfc7208">RFC 7208</a>'],
  ])('a page stating a value and linking %s passes', (_name, link) => {
    expect(unsourced(page(`IMAP 993 端口。\n\n## 来源\n\n- ${link}`))).toBeUndefined();
  });

  it('a page stating no value needs no source', () => {
    expect(unsourced(page('收信规则按条件自动处理新邮件。'))).toBeUndefined();
  });
});
