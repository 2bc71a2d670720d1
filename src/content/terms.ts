// The site's own words: one name for each thing in each language, the
// variants pages must not use, and the short names a link may give a page.
//
// tests/unit/content/terms.test.ts reads every page under src/content/docs
// and fails when a banned variant appears, or when a link to another page
// is worded neither as that page's title, its sidebar label, nor one of the
// short names below. Keep it in step with reference/glossary.mdx (the
// readers' glossary, which shows these same terms).
//
// Pure data: no Astro, no DOM.

export type TermLang = 'zh' | 'en';

export interface SiteTerm {
  /** Which pages the rule applies to: zh rules apply to every page (Chinese words appear on English pages too). */
  readonly lang: TermLang;
  /** The one form the pages use. */
  readonly term: string;
  /** What the term names, for whoever edits this list. */
  readonly meaning: string;
  /** Variants that must not appear. A RegExp where the variant is part of allowed text. */
  readonly banned: readonly (string | RegExp)[];
}

export const SITE_TERMS = [
  {
    lang: 'zh',
    term: '中国内地版',
    meaning: '阿里企业邮箱中国内地版（qiye.aliyun.com）；地理上也说“中国内地”',
    banned: ['中国大陆', '大陆版', '国内版'],
  },
  {
    lang: 'zh',
    term: '三方客户端安全密码',
    meaning: '阿里企业邮箱为第三方客户端单独生成的密码（阿里网页版里的名称）',
    banned: ['第三方客户端安全密码', '客户端授权码', '客户端专用密码'],
  },
  {
    lang: 'zh',
    term: '解析服务器',
    meaning: '替电脑和邮件服务器查询并缓存答案的（递归）服务器，例如阿里公共 DNS；域名自己的服务器叫“权威 DNS 服务器”',
    banned: ['解析器', /(?<!权威 ?)DNS ?服务器/],
  },
  {
    lang: 'zh',
    term: 'DNS 服务商',
    meaning: '保存并回答域名记录的服务（NS 所指的那一家），例如阿里云云解析 DNS、DNSPod、Cloudflare',
    banned: ['解析服务商', 'DNS 提供商'],
  },
  {
    lang: 'zh',
    term: '要求使用安全密码验证(SPA)进行登录',
    meaning: '经典版 Outlook 帐户设置里的 SPA 复选框；错误 0x800CCC18 是 SPA 登录失败',
    banned: ['安全密码身份验证'],
  },
  {
    lang: 'zh',
    term: '网页版',
    meaning: '在浏览器里使用的邮箱（webmail）',
    banned: ['网页端', 'Web 版', 'web 版'],
  },
  {
    lang: 'zh',
    term: '建议修改',
    meaning: '检查结果的四种状态按工具上显示的写：正常、建议修改、有问题、无法检查',
    banned: ['标为提醒', '标记为提醒'],
  },
  {
    lang: 'en',
    term: 'Should change',
    meaning: 'The four check results as the tools show them: OK, Should change, Problem, Could not check',
    banned: [/\bflags? (?:it|`[^`]+`) as a warning\b/i, /\bmarks? it as a warning\b/i],
  },
  {
    lang: 'en',
    term: 'mainland China edition',
    meaning: 'Alibaba Mail, mainland China edition (qiye.aliyun.com)',
    banned: [/\bmainland edition\b/i, /\bChina mainland edition\b/i, /\bChinese mainland edition\b/i],
  },
  {
    lang: 'en',
    term: 'third-party client security password',
    meaning: "Alibaba Mail's separate password for third-party mail clients",
    banned: [/(?<!third-party )client security password/i, /\bapp password\b/i, /\bauthori[sz]ation code\b/i],
  },
  {
    lang: 'en',
    term: 'resolver',
    meaning: "A (recursive) server that looks names up and caches the answers; the domain's own servers are its name servers",
    banned: [/\bDNS servers?\b/i, /\brecursive name servers?\b/i],
  },
  {
    lang: 'en',
    term: 'DNS host',
    meaning: 'The service that stores and answers the domain’s records (where the NS records point)',
    banned: [/\bDNS provider\b/i, /\bDNS hosting provider\b/i],
  },
  {
    lang: 'en',
    term: 'Require logon using Secure Password Authentication (SPA)',
    meaning: 'The SPA check box in classic Outlook; error 0x800CCC18 is an SPA logon failure',
    banned: [/Secure Password Authentication \(SPA\) (?:logon|login) (?!failed)/i, /\bsecure password verification\b/i],
  },
] as const satisfies readonly SiteTerm[];

/**
 * Short names a link may use for a page, besides the page's title and sidebar
 * label. Keys are page paths without the language prefix.
 */
export const PAGE_SHORT_NAMES: Readonly<Record<string, Readonly<Record<TermLang, readonly string[]>>>> = {
  '/tools/checker/': { zh: ['检查工具'], en: ['checker'] },
  '/tools/lookup/': { zh: ['DNS 查询工具'], en: ['DNS lookup tool', 'DNS lookup'] },
  '/tools/spf/': { zh: ['SPF 检查工具'], en: ['SPF tool', 'SPF check tool'] },
  '/tools/propagation/': { zh: [], en: ['propagation check'] },
  '/dns/mx/': { zh: ['MX'], en: ['MX'] },
  '/dns/spf/': { zh: ['SPF'], en: ['SPF'] },
  '/dns/dkim/': { zh: ['DKIM'], en: ['DKIM'] },
  '/dns/dmarc/': { zh: ['DMARC'], en: ['DMARC'] },
  '/dns/cname/': { zh: ['`mail` CNAME'], en: ['`mail` CNAME'] },
  '/start/migrate/': { zh: ['迁移', '从其他邮箱迁移'], en: ['migration'] },
  '/signin/webmail/': { zh: ['网页版'], en: ['webmail'] },
  '/clients/outlook/': { zh: ['Outlook'], en: ['Outlook'] },
  '/clients/foxmail/': { zh: ['Foxmail'], en: ['Foxmail'] },
  '/clients/thunderbird/': { zh: ['Thunderbird'], en: ['Thunderbird'] },
  '/clients/android/': { zh: ['Android'], en: ['Android'] },
  '/clients/apple-mail/': { zh: ['Apple 邮件'], en: ['Apple Mail'] },
};
