// "Copy report" on every tool (issue 14, points 2 and 7): each tool is run against the local
// DNS stack (the message analyser and the report viewer on fixture input), its
// [data-copy-report] button is clicked, and the text it put on the clipboard must hold the
// link with the parameters that reproduce the result (the bare page for a message or report
// files, which stay private), the time it ran, the domain, the resolver asked, and one row per
// row the page shows, with that row's status in the page's words — read from the rows'
// data-status (data-rcode, data-result) in the page, so a row missing from the report fails.
// Pages opened without a result have no report to copy.
import type { Locator, Page } from '@playwright/test';
import { en as CHECKER_WORDS_EN } from '../../src/components/ui/strings/en';
import { zh as CHECKER_WORDS_ZH } from '../../src/components/ui/strings/zh';
import { strings as PROPAGATION_WORDS } from '../../src/components/Propagation/strings';
import { strings as SPF_WORDS } from '../../src/components/SpfInspector/strings';
import { MESSAGE_STRINGS_ZH } from '../../src/components/MessageAnalyser/strings.zh';
import { en as DMARC_WORDS_EN } from '../../src/components/DmarcReports/strings.en';
import { signMessage } from '../unit/support/dkim-signer';
import { xml, zip } from './dmarc-files';
import { expect, test } from './fixtures';
import { stack, toolUrl } from './stack';
import { MSG_TEST_HEADER } from './tool-pages';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const UI = { zh: CHECKER_WORDS_ZH, en: CHECKER_WORDS_EN } as const;

/** The parts of a copied report: its header lines and its rows ("[status] label" and the lines under it). */
interface Report {
  text: string;
  title: string;
  link: URL;
  time: string;
  resolvers: string;
  rows: { status: string; label: string; lines: string[] }[];
}

/** Waits for the button to work, clicks it, and reads what it copied. */
async function copyReport(page: Page): Promise<Report> {
  const button = page.locator('[data-copy-report]');
  await expect(button).toBeEnabled({ timeout: 15_000 });
  await button.click();
  await expect(button).toHaveAttribute('data-copied', '');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const lines = text.split('\n');
  const field = (re: RegExp): string => {
    const line = lines.find((l) => re.test(l));
    return line === undefined ? '' : line.replace(re, '');
  };
  const rows: Report['rows'] = [];
  for (const line of lines) {
    const row = /^\[(.+?)\] (.+)$/.exec(line);
    if (row) rows.push({ status: row[1] ?? '', label: row[2] ?? '', lines: [] });
    else if (line.startsWith('  - ')) rows.at(-1)?.lines.push(line.slice(4));
  }
  return {
    text,
    title: lines[0] ?? '',
    link: new URL(field(/^(?:链接：|Link: )/)),
    time: field(/^(?:检查时间：|Checked at: )/),
    resolvers: field(/^(?:查询的解析服务器：|Resolvers asked: )/),
    rows,
  };
}

/**
 * The link is the page it was copied from with these parameters (and any other the page keeps
 * in its address for the same result, such as the checker's DNS host); `{}`: the bare page.
 */
function expectLink(report: Report, page: Page, params: Record<string, string>) {
  const here = new URL(page.url());
  expect(report.link.origin + report.link.pathname).toBe(here.origin + here.pathname);
  const linked = Object.fromEntries(report.link.searchParams);
  if (Object.keys(params).length === 0) expect(linked).toEqual({});
  else expect(linked).toEqual({ ...Object.fromEntries(here.searchParams), ...params });
  expect(report.link.hash).toBe('');
}

/** ISO 8601 with the offset, e.g. 2026-11-30T14:05:09+08:00. */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

/** The local resolver was asked and answered (a custom resolver is named with its address). */
function expectLocalResolver(report: Report) {
  const [asked, answered] = report.resolvers.split(/（给出答复的：| \(answered by: /);
  expect(asked).toContain(stack.resolver);
  expect(answered).toContain(stack.resolver);
}

/** The text of each finding shown in these rows (its first sentence part, as FindingList renders it). */
async function findingTexts(rows: Locator): Promise<string[]> {
  return rows.locator('[data-problem] > span:first-child').allTextContents();
}

test.describe('checker', () => {
  const cases = [
    // Nothing published yet: every row a problem, each with its finding.
    { lang: 'zh' as const, path: '/tools/checker/', domain: 'missing.test' },
    // A soft-fail SPF and a testing DMARC: rows of several statuses.
    { lang: 'en' as const, path: '/en/tools/checker/', domain: 'weak.test' },
  ];
  for (const { lang, path, domain } of cases) {
    test(`${path}: the link, time, resolver, and every row with its status and findings`, async ({ page }) => {
      await page.goto(toolUrl(path, { domain }));
      const rows = page.locator('[data-record]');
      await expect(page.locator('[data-summary][data-ok]')).toBeVisible({ timeout: 15_000 });
      const report = await copyReport(page);

      expect(report.title).toContain(domain);
      expectLink(report, page, { domain, resolver: stack.resolver });
      expect(report.time).toMatch(ISO_TIME);
      expectLocalResolver(report);
      // One report row per row of the page, in its order, with its status in the page's words.
      const shown = await rows.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-record') ?? '', status: e.getAttribute('data-status') ?? '' })));
      expect(shown.length).toBeGreaterThan(0);
      const words = UI[lang];
      expect(report.rows.map((r) => `[${r.status}] ${r.label.slice(0, r.label.lastIndexOf(' ('))}`)).toEqual(
        shown.map((r) => `[${words.status[r.status as keyof typeof words.status]}] ${words.table.names[r.id as keyof typeof words.table.names]}`),
      );
      // Each finding's text is in its row.
      for (const [i, row] of shown.entries()) {
        for (const finding of await findingTexts(page.locator(`[data-record="${row.id}"]`))) {
          expect(report.rows[i]?.lines.join('\n'), `${row.id}: ${finding}`).toContain(finding);
        }
      }
      expect(report.text).toContain(lang === 'zh' ? '有问题' : 'Should change');
    });
  }
});

test.describe('DNS lookup', () => {
  const cases = [
    { lang: 'en' as const, path: '/en/tools/lookup/', name: 'complete.test', type: 'MX', has: 'mx1.qiye.aliyun.com.' },
    { lang: 'zh' as const, path: '/tools/lookup/', name: 'nosuch.test', type: 'A', has: '这个名称不存在（NXDOMAIN）。' },
  ];
  for (const { path, name, type, has } of cases) {
    test(`${path}: ${name} ${type} — the question with its rcode and answer`, async ({ page }) => {
      await page.goto(toolUrl(path, { name, type }));
      const result = page.locator('.mg-lookup-result[data-rcode]');
      await expect(result).toBeVisible({ timeout: 15_000 });
      const rcode = await result.getAttribute('data-rcode');
      const report = await copyReport(page);

      expectLink(report, page, { name, type, resolver: stack.resolver });
      expect(report.time).toMatch(ISO_TIME);
      expectLocalResolver(report);
      // The one row: the question, the rcode the page shows.
      expect(report.rows.map((r) => `[${r.status}] ${r.label}`)).toEqual([`[${rcode}] ${name}. ${type}`]);
      expect(report.rows[0]?.lines.join('\n')).toContain(has);
    });
  }
});

test.describe('compare resolvers', () => {
  // AliDNS and DNSPod answer from the current zone, Google from an older copy, Cloudflare is unreachable.
  test.use({ presets: { alidns: stack.resolver, dnspod: stack.resolver, google: stack.old } });

  test('/tools/propagation/: the verdict and every resolver with its status', async ({ page }) => {
    await page.goto('/tools/propagation/?name=stale.test&type=MX');
    await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: 20_000 });
    const report = await copyReport(page);

    expectLink(report, page, { name: 'stale.test', type: 'MX' });
    expect(report.title).toContain('stale.test.');
    expect(report.time).toMatch(ISO_TIME);
    expect(report.text).toContain('结论：回答不一致');
    // Every resolver asked is named; those that answered too.
    expect(report.resolvers).toBe('阿里公共 DNS → 腾讯 DNSPod 公共 DNS → Google 公共 DNS → Cloudflare（给出答复的：阿里公共 DNS, 腾讯 DNSPod 公共 DNS, Google 公共 DNS）');
    const s = PROPAGATION_WORDS.zh;
    const word = { ok: s.statusOk, differs: UI.zh.status.differs, error: s.statusError } as Record<string, string>;
    const shown = await page.locator('[data-resolver][data-status]').evaluateAll((els) =>
      els.map((e) => ({ name: e.querySelector('strong')?.textContent ?? '', status: e.getAttribute('data-status') ?? '' })),
    );
    expect(shown).toHaveLength(4);
    expect(report.rows.map((r) => `[${r.status}] ${r.label.slice(0, r.label.lastIndexOf(' ('))}`)).toEqual(shown.map((r) => `[${word[r.status]}] ${r.name}`));
    expect(report.text).toContain('[不一致] Google 公共 DNS (dns.google)\n  - 5 mxbiz1.qq.com. (TTL 3600 秒)');
  });
});

test.describe('SPF tool', () => {
  test('/en/tools/spf/ with an IP test: the expansion and the test, each with its status', async ({ page }) => {
    const params = { domain: 'weak.test', ip: '203.0.113.9' };
    await page.goto(toolUrl('/en/tools/spf/', params));
    const expansion = page.locator('[data-spf-lookups][data-status]:not([data-status="pending"])');
    const testResult = page.locator('[data-spf-result]:not([data-spf-result="pending"])');
    await expect(expansion).toBeVisible({ timeout: 15_000 });
    await expect(testResult).toBeVisible({ timeout: 15_000 });
    const report = await copyReport(page);

    expectLink(report, page, { ...params, resolver: stack.resolver });
    expect(report.title).toBe('SPF inspector: weak.test');
    expect(report.time).toMatch(ISO_TIME);
    expectLocalResolver(report);
    const status = (await expansion.getAttribute('data-status')) as keyof typeof UI.en.status;
    const result = (await testResult.getAttribute('data-spf-result')) as keyof typeof SPF_WORDS.en.results;
    expect(report.rows.map((r) => `[${r.status}] ${r.label}`)).toEqual([
      `[${UI.en.status[status]}] SPF record of weak.test`,
      `[${SPF_WORDS.en.results[result].title}] IP test: 203.0.113.9`,
    ]);
    for (const finding of await findingTexts(expansion)) expect(report.rows[0]?.lines.join('\n')).toContain(finding);
    // The term that decided, as the page says it.
    expect(report.rows[1]?.lines.join('\n')).toContain('Decided by ~all in the record of weak.test.');
  });
});

test.describe('message analyser', () => {
  test('/tools/message/: the bare page link, the domain, and every result and hop', async ({ page }) => {
    const message = await signMessage(
      [...MSG_TEST_HEADER, '', 'Hello Li,', ''].join('\r\n'),
      { key: 'ed25519', domain: 'msg.test', selector: 'ed' },
    );
    await page.goto(toolUrl('/tools/message/', {}));
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    // No analysis yet: nothing to report.
    await expect(page.locator('[data-copy-report]')).toBeDisabled();
    await page.getByRole('textbox', { name: '邮件原文或退信' }).fill(message);
    await page.getByRole('button', { name: '分析', exact: true }).click();
    await expect(page.locator('[data-widget="message-analyser"] [data-phase="done"]')).toBeVisible({ timeout: 15_000 });
    const report = await copyReport(page);

    // The bare page: no parameter, so nothing of the message either.
    expectLink(report, page, {});
    expect(report.time).toMatch(ISO_TIME);
    expectLocalResolver(report);
    expect(report.text).toContain('msg.test');
    // One row per result the page shows (each with the RFC 8601 word it carries in data-result) …
    const words = MESSAGE_STRINGS_ZH.results as Record<string, string>;
    const shown = await page.locator('[data-auth]').evaluateAll((els) => els.map((e) => e.getAttribute('data-result') ?? ''));
    expect(shown.length).toBeGreaterThan(0);
    expect(report.rows.filter((r) => /^(DKIM|SPF|DMARC|ARC)/.test(r.label)).map((r) => r.status).sort()).toEqual(shown.map((r) => `${words[r]}（${r}）`).sort());
    // … and one per hop.
    const hops = await page.locator('[data-hop]').count();
    expect(hops).toBeGreaterThan(0);
    expect(report.rows.filter((r) => /^第 \d+ 跳$/.test(r.label))).toHaveLength(hops);
  });
});

test.describe('DMARC report viewer', () => {
  test('/en/tools/dmarc-reports/: the bare page link, the domain, and every source with its status', async ({ page }) => {
    await page.goto(toolUrl('/en/tools/dmarc-reports/', {}));
    const input = page.getByLabel(/Choose report files/);
    await expect(input).toBeEnabled();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await input.setInputFiles([zip('google.com!example.com!1699920000!1700006399.zip', ['google.xml']), xml('qq.xml')]);
    await expect(page.locator('[data-total-messages]')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('[data-ptr="pending"]')).toHaveCount(0, { timeout: 15_000 });
    const report = await copyReport(page);

    expectLink(report, page, {});
    expect(report.title).toBe('DMARC reports for example.com');
    expect(report.time).toMatch(ISO_TIME);
    expectLocalResolver(report);
    const s = DMARC_WORDS_EN;
    const word: Record<string, string> = { pass: s.reportRowStatus.pass, warn: s.reportRowStatus.warn, fail: s.reportRowStatus.fail, info: s.severity.info };
    const shown = await page.locator('[data-group][data-status]').evaluateAll((els) =>
      els.map((e) => ({ name: e.querySelector('h3')?.textContent ?? '', status: e.getAttribute('data-status') ?? '' })),
    );
    expect(shown.length).toBeGreaterThan(1);
    expect(report.rows.map((r) => `[${r.status}] ${r.label}`)).toEqual(shown.map((g) => `[${word[g.status]}] ${g.name}`));
  });
});

test.describe('no result, nothing to copy', () => {
  for (const path of ['/tools/checker/', '/en/tools/lookup/', '/tools/propagation/', '/en/tools/spf/', '/tools/dmarc-reports/']) {
    test(`${path} opened without a question has no report button`, async ({ page }) => {
      await page.goto(toolUrl(path, {}));
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      await expect(page.locator('[data-copy-report]')).toHaveCount(0);
    });
  }
});
