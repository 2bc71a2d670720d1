// Troubleshooting tools against the local stack: SPF inspector, DNS lookup,
// resolvers side by side (presets mapped to local endpoints), DNS host detection
// and "watch until green" in the checker.
import { expect, test } from './fixtures';
import { stack, toolUrl } from './stack';

test.describe('SPF inspector', () => {
  const rows = [
    // The provider's include alone: 1 lookup, a strict -all.
    { domain: 'complete.test', status: 'ok', lookups: 1 },
    // 4 at the apex, 3 + 3 in two includes, 3 in the third (a, mx, include): 13, over 10.
    { domain: 'spf-over.test', status: 'fail', lookups: 13, problem: 'spf-lookup-limit' },
    // A loop back to the apex.
    { domain: 'spf-loop.test', status: 'fail', problem: 'spf-loop' },
    // Three a: terms on names that do not exist.
    { domain: 'spf-void.test', status: 'fail', problem: 'spf-void-limit' },
    // Soft fail.
    { domain: 'weak.test', status: 'warn', lookups: 1, problem: 'weak-policy' },
    // The resolver answers SERVFAIL: unknown, not missing.
    { domain: 'broken.test', status: 'error', problem: 'resolver-error' },
  ];
  for (const row of rows) {
    test(`${row.domain} → ${row.status}`, async ({ page }) => {
      await page.goto(toolUrl('/tools/spf/', { domain: row.domain }));
      const result = page.locator('[data-spf-lookups][data-status]:not([data-status="pending"])');
      await expect(result).toHaveAttribute('data-status', row.status, { timeout: 15_000 });
      if (row.lookups !== undefined) await expect(result).toHaveAttribute('data-spf-lookups', String(row.lookups));
      if (row.problem) await expect(result.locator(`[data-problem="${row.problem}"]`).first()).toBeVisible();
    });
  }

  test('the tree shows each include with the ranges it authorises', async ({ page }) => {
    await page.goto(toolUrl('/en/tools/spf/', { domain: 'spf-over.test' }));
    await expect(page.locator('[data-spf-node="a.spf-over.test"]')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('[data-spf-node="a1.spf-over.test"]')).toContainText('198.51.100.1');
  });
});

test.describe('DNS lookup', () => {
  const rows = [
    { name: 'complete.test', type: 'MX', rcode: 'NOERROR', text: 'mx1.qiye.aliyun.com.' },
    { name: 'default._domainkey.complete.test', type: 'TXT', rcode: 'NOERROR', text: '" "' },
    { name: 'mail.complete.test', type: 'CNAME', rcode: 'NOERROR', text: 'qiye.aliyun.com.' },
    { name: 'nosuch.test', type: 'A', rcode: 'NXDOMAIN' },
    { name: 'complete.test', type: 'SOA', rcode: 'NOERROR', text: 'hostmaster.complete.test.' },
  ];
  for (const row of rows) {
    test(`${row.name} ${row.type} → ${row.rcode}`, async ({ page }) => {
      await page.goto(toolUrl('/tools/lookup/', { name: row.name, type: row.type }));
      const result = page.locator('[data-rcode]');
      await expect(result).toHaveAttribute('data-rcode', row.rcode, { timeout: 15_000 });
      if (row.text) await expect(result).toContainText(row.text);
    });
  }
});

test.describe('resolvers side by side', () => {
  // AliDNS and DNSPod answer from the current zone, Google from an older copy,
  // Cloudflare is unreachable (blocked, as it often is from mainland China).
  test.use({ presets: { alidns: stack.resolver, dnspod: stack.resolver, google: stack.old } });

  test('names the resolver with the stale answer and the one that could not be reached', async ({ page }) => {
    await page.goto('/tools/propagation/?name=stale.test&type=MX');
    await expect(page.locator('[data-resolver="google"]')).toHaveAttribute('data-status', 'differs', {
      timeout: 20_000,
    });
    await expect(page.locator('[data-resolver="alidns"]')).toHaveAttribute('data-status', 'ok');
    await expect(page.locator('[data-resolver="dnspod"]')).toHaveAttribute('data-status', 'ok');
    await expect(page.locator('[data-resolver="cloudflare"]')).toHaveAttribute('data-status', 'error');
    await expect(page.locator('[data-resolver="google"]')).toContainText('mxbiz1.qq.com');
  });

  test('all agree when every reachable resolver has the same answer', async ({ page }) => {
    await page.goto('/en/tools/propagation/?name=complete.test&type=MX');
    for (const id of ['alidns', 'dnspod']) {
      await expect(page.locator(`[data-resolver="${id}"]`)).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
    }
    await expect(page.locator('[data-verdict]')).not.toHaveAttribute('data-verdict', 'differ');
  });
});

test.describe('DNS host detection in the checker', () => {
  test('NS records at Cloudflare pre-select Cloudflare and link its page', async ({ page }) => {
    await page.goto(toolUrl('/en/tools/checker/', { domain: 'cfhosted.test' }));
    await expect(page.locator('[data-dns-host="cloudflare"]')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel(/DNS host/)).toHaveValue('cloudflare');
    await expect(page.locator('[data-dns-host="cloudflare"] a')).toHaveAttribute(
      'href',
      /\/en\/dns\/hosts\/cloudflare\/$/,
    );
  });

  test('the older HiChina name servers are Alibaba Cloud DNS', async ({ page }) => {
    await page.goto(toolUrl('/tools/checker/', { domain: 'hichina.test', host: 'other' }));
    await expect(page.locator('[data-dns-host="aliyun"]')).toBeVisible({ timeout: 15_000 });
    // A host chosen in the link is kept.
    await expect(page.getByLabel('DNS 服务商（决定“主机记录”的写法）')).toHaveValue('other');
  });
});

test('watch until green: re-checks with backoff and announces the change', async ({ page }) => {
  await page.clock.install();
  // First the resolver still has the previous provider's records (the older copy), later the new ones.
  let phase: 'old' | 'new' = 'old';
  await page.route(`${stack.resolver}?**`, async (route) => {
    if (phase === 'new') return route.continue();
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${stack.old}${url.search}` });
    return route.fulfill({ response });
  });
  await page.goto(toolUrl('/troubleshooting/not-receiving/', { domain: 'stale.test' }));
  const mx = page.locator('[data-record="mx"]').first();
  await expect(mx).toHaveAttribute('data-status', 'fail', { timeout: 15_000 });
  await expect(mx.locator('[data-problem="foreign-mx"]')).toBeVisible();
  await page.getByRole('button', { name: '持续检查直到全部正确' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: '下次检查' }).first()).toBeVisible();
  // The record is fixed; the next check (15 s later) sees it.
  phase = 'new';
  await page.clock.fastForward('00:16');
  await expect(mx).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /MX（收信）：.+→.+/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '持续检查直到全部正确' }).first()).toBeVisible();
});

test.describe('client settings card', () => {
  test('shows the servers of the selected edition and downloads a profile without a password', async ({ page }) => {
    await page.goto('/clients/settings/?provider=aliyun-intl');
    // The card hydrates when it scrolls into view (client:visible).
    await page.locator('[data-protocol="imap"]').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
    await expect(page.locator('[data-protocol="imap"]').first()).toContainText('imap.sg.aliyun.com');
    await expect(page.locator('[data-protocol="smtp"]').first()).toContainText('465');
    await page.getByRole('combobox').filter({ hasText: '中国' }).first().selectOption('aliyun-cn');
    await expect(page.locator('[data-protocol="imap"]').first()).toContainText('imap.qiye.aliyun.com');
    await expect(page.locator('[data-protocol="imap"]').first()).toContainText('993');

    await page.getByLabel('邮箱地址').fill('zhang@例子.test');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 iPhone/iPad/Mac 描述文件' }).click(),
    ]);
    const xml = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
    expect(download.suggestedFilename()).toMatch(/\.mobileconfig$/);
    expect(xml).toContain('<string>imap.qiye.aliyun.com</string>');
    expect(xml).toContain('<string>smtp.qiye.aliyun.com</string>');
    expect(xml).toContain('<string>zhang@xn--fsqu00a.test</string>');
    expect(xml).not.toMatch(/<key>(Incoming|Outgoing)Password<\/key>/);
    await expect(page.getByText('未签名').first()).toBeVisible();
  });

  test('a bad address gets a clear message and no download', async ({ page }) => {
    await page.goto('/en/clients/settings/');
    await page.locator('[data-protocol="imap"]').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
    await page.getByLabel('Email address').fill('not an address');
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('button', { name: 'Download profile for iPhone/iPad/Mac' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /./ }).first()).toBeVisible();
    expect(downloaded).toBe(false);
  });
});
