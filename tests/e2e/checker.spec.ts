// The record checker against the local DoH stack: for each fixture domain, each
// row's data-status and data-problem (architecture §3). Every page here is opened
// as a support link (?domain=…&resolver=…) and must show results without a click.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { stack, toolUrl } from './stack';

type Expect = Record<string, { status: string; problems?: string[]; absent?: string[] }>;

async function openChecker(page: Page, domain: string, extra: Record<string, string> = {}, resolver?: string) {
  await page.goto(toolUrl('/tools/checker/', { domain, ...extra }, resolver ?? stack.resolver));
}

/** Astro islands drop their `ssr` attribute once hydrated: only then does typing reach React. */
async function islandsReady(page: Page) {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}

async function expectRows(page: Page, rows: Expect) {
  for (const [id, want] of Object.entries(rows)) {
    const row = page.locator(`[data-record="${id}"]`);
    await expect(row, `row ${id}`).toHaveAttribute('data-status', want.status, { timeout: 15_000 });
    for (const code of want.problems ?? []) {
      await expect(row.locator(`[data-problem="${code}"]`).first(), `row ${id} problem ${code}`).toBeVisible();
    }
    for (const code of want.absent ?? []) {
      await expect(row.locator(`[data-problem="${code}"]`), `row ${id} without ${code}`).toHaveCount(0);
    }
  }
}

const allOk: Expect = {
  mx: { status: 'ok' },
  spf: { status: 'ok' },
  dkim: { status: 'ok' },
  dmarc: { status: 'ok' },
  mail: { status: 'ok' },
  imap: { status: 'ok' },
  smtp: { status: 'ok' },
  pop3: { status: 'ok' },
};

const cases: { name: string; domain: string; rows: Expect }[] = [
  // The complete, correct Alibaba Mail record set; DKIM arrives as two strings.
  { name: 'a complete, correct record set passes every row', domain: 'complete.test', rows: allOk },
  // The older mxhichina MX set with its SPF include is equally correct.
  {
    name: 'the older mxhichina set counts as correct',
    domain: 'hichina.test',
    rows: {
      mx: { status: 'ok' },
      spf: { status: 'ok' },
      dkim: { status: 'ok' },
      dmarc: { status: 'ok' },
      mail: { status: 'ok' },
    },
  },
  // An IDN typed in Unicode is asked as punycode.
  { name: 'a Unicode domain is checked as punycode', domain: '例子.test', rows: allOk },
  // A domain with a website and no mail records.
  {
    name: 'missing records are reported as missing',
    domain: 'missing.test',
    rows: {
      mx: { status: 'fail', problems: ['missing'] },
      spf: { status: 'fail', problems: ['missing'] },
      dkim: { status: 'fail', problems: ['missing'] },
      dmarc: { status: 'fail', problems: ['missing'] },
      mail: { status: 'fail', problems: ['missing'] },
    },
  },
  // Two SPF records: a permanent error for receivers.
  {
    name: 'two SPF records fail',
    domain: 'twospf.test',
    rows: { spf: { status: 'fail', problems: ['multiple-spf'] } },
  },
  // MX still at Tencent Exmail, SPF without Alibaba's include.
  {
    name: 'a foreign MX is named',
    domain: 'foreign.test',
    rows: {
      mx: { status: 'fail', problems: ['foreign-mx'] },
      spf: { status: 'fail', problems: ['spf-include-missing'] },
    },
  },
  // Records typed with the full domain in a relative host field, DMARC at the apex, SPF at www.
  {
    name: 'records at mistaken names are found there',
    domain: 'wrongname.test',
    rows: {
      mx: { status: 'ok' },
      spf: { status: 'fail', problems: ['wrong-name'] },
      dmarc: { status: 'fail', problems: ['wrong-name'] },
      dkim: { status: 'fail', problems: ['wrong-name'] },
      mail: { status: 'fail', problems: ['wrong-name'] },
    },
  },
  // Soft-fail SPF, p=none, a 1024-bit key, MX mixing two providers.
  {
    name: 'weak settings are warnings, a mixed MX fails',
    domain: 'weak.test',
    rows: {
      mx: { status: 'fail', problems: ['mixed-mx'] },
      spf: { status: 'warn', problems: ['weak-policy'] },
      dmarc: { status: 'warn', problems: ['weak-policy'] },
      dkim: { status: 'warn', problems: ['dkim-weak-key'] },
    },
  },
  // DMARC per RFC 9989: t=y publishes the policy without applying it.
  {
    name: 'a DMARC record in testing mode (t=y) warns that its policy is not applied',
    domain: 'testing.test',
    rows: { ...allOk, dmarc: { status: 'warn', problems: ['dmarc-testing'], absent: ['dmarc-syntax'] } },
  },
  // pct was removed by RFC 9989: accepted, flagged, never a syntax error.
  {
    name: 'a DMARC record with pct warns that pct was removed',
    domain: 'pct.test',
    rows: { ...allOk, dmarc: { status: 'warn', problems: ['dmarc-removed-tag'], absent: ['dmarc-syntax'] } },
  },
  // No p= but a report address: receivers treat it as p=none (a weak policy, not a broken record).
  {
    name: 'a DMARC record without p is a weak policy, not a syntax error',
    domain: 'nop.test',
    rows: { ...allOk, dmarc: { status: 'warn', problems: ['weak-policy'], absent: ['dmarc-syntax'] } },
  },
  // DKIM keys per RFC 8463: an Ed25519 key (32 raw bytes) is as valid as an RSA one.
  { name: 'an Ed25519 DKIM key is valid', domain: 'ed25519.test', rows: allOk },
  // An empty p= is a revoked key (RFC 6376 §3.6.1).
  {
    name: 'a revoked DKIM key fails',
    domain: 'revoked.test',
    rows: { ...allOk, dkim: { status: 'fail', problems: ['dkim-revoked'], absent: ['missing'] } },
  },
  // A mail subdomain without a _dmarc record of its own is covered by its organisational domain's (tree walk).
  {
    name: 'a subdomain without its own DMARC record is covered by its organisational domain',
    domain: 'cn.covered.test',
    rows: { ...allOk, dmarc: { status: 'ok', problems: ['dmarc-covered'], absent: ['missing'] } },
  },
  // … and a warning when the sp= that applies to it is weaker than the chosen policy.
  {
    name: 'a subdomain covered by a weaker sp warns',
    domain: 'cn.loose.test',
    rows: { dmarc: { status: 'warn', problems: ['dmarc-covered'], absent: ['missing'] } },
  },
  // SPF trees: over the lookup limit, a loop, too many void lookups.
  {
    name: 'an SPF tree over 10 lookups fails',
    domain: 'spf-over.test',
    rows: { spf: { status: 'fail', problems: ['spf-lookup-limit'] } },
  },
  {
    name: 'an SPF include loop fails',
    domain: 'spf-loop.test',
    rows: { spf: { status: 'fail', problems: ['spf-loop'] } },
  },
  {
    name: 'more than 2 void lookups fail',
    domain: 'spf-void.test',
    rows: { spf: { status: 'fail', problems: ['spf-void-limit'] } },
  },
  // Syntax errors in each TXT record, and the mail CNAME at the wrong target (a value seen in circulation).
  {
    name: 'syntax errors and a wrong CNAME target are pointed out',
    domain: 'syntax.test',
    rows: {
      mx: { status: 'ok' },
      spf: { status: 'fail', problems: ['spf-syntax'] },
      dmarc: { status: 'fail', problems: ['dmarc-syntax'] },
      dkim: { status: 'fail', problems: ['dkim-syntax'] },
      mail: { status: 'fail', problems: ['wrong-value'] },
    },
  },
  // An include of a name that has no SPF record.
  {
    name: 'an include without an SPF record fails',
    domain: 'brokeninclude.test',
    rows: { spf: { status: 'fail', problems: ['spf-broken-include'] } },
  },
  // A domain that does not exist at all.
  {
    name: 'a domain that does not exist says so',
    domain: 'nosuch.test',
    rows: { mx: { status: 'fail', problems: ['nxdomain'] }, spf: { status: 'fail' } },
  },
  // A zone that fails to load: SERVFAIL is "could not find out", never "missing".
  {
    name: 'SERVFAIL gives error, not missing',
    domain: 'broken.test',
    rows: {
      mx: { status: 'error', problems: ['resolver-error'] },
      spf: { status: 'error', problems: ['resolver-error'] },
    },
  },
  // Answers arrive after the slow backend's delay, and are still right.
  {
    name: 'a slow resolver still gives the right answer',
    domain: 'slow.test',
    rows: { mx: { status: 'ok' }, spf: { status: 'ok' } },
  },
];

for (const c of cases) {
  test(`${c.name} (${c.domain})`, async ({ page }) => {
    await openChecker(page, c.domain);
    await expectRows(page, c.rows);
    // A failing row never hides behind "missing" when the resolver failed, and vice versa.
    for (const [id, want] of Object.entries(c.rows)) {
      if (want.status === 'error') {
        await expect(page.locator(`[data-record="${id}"] [data-problem="missing"]`)).toHaveCount(0);
      }
    }
  });
}

test('an unanswered resolver gives error on every row, never missing', async ({ page }) => {
  test.setTimeout(60_000);
  await openChecker(page, 'dead.test');
  for (const id of ['mx', 'spf', 'dkim', 'dmarc', 'mail']) {
    const row = page.locator(`[data-record="${id}"]`);
    await expect(row).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
    await expect(row.locator('[data-problem="resolver-error"]').first()).toBeVisible();
    await expect(row.locator('[data-problem="missing"]')).toHaveCount(0);
  }
});

test('the foreign provider is named in the finding, in both languages', async ({ page }) => {
  await openChecker(page, 'foreign.test');
  await expect(page.locator('[data-record="mx"] [data-problem="foreign-mx"]')).toContainText('腾讯企业邮');
  await page.goto(toolUrl('/en/tools/checker/', { domain: 'foreign.test' }));
  await expect(page.locator('[data-record="mx"] [data-problem="foreign-mx"]')).toContainText('Tencent Exmail');
  // Each finding links the guide page about it, in the page's language.
  const href = await page.locator('[data-record="mx"] [data-problem="foreign-mx"] a').first().getAttribute('href');
  expect(href).toMatch(/^\/en\//);
});

test('the covered DMARC row says where it found the record, in both languages', async ({ page }) => {
  await openChecker(page, 'cn.covered.test');
  const covered = page.locator('[data-record="dmarc"] [data-problem="dmarc-covered"]');
  await expect(covered).toContainText('_dmarc.covered.test', { timeout: 15_000 });
  await expect(covered).toContainText('组织域名');
  await page.goto(toolUrl('/en/tools/checker/', { domain: 'cn.covered.test' }, stack.resolver));
  await expect(covered).toContainText('_dmarc.covered.test', { timeout: 15_000 });
  await expect(covered).toContainText('organisational domain');
});

test('the testing warning names t=y', async ({ page }) => {
  await openChecker(page, 'testing.test');
  await expect(page.locator('[data-record="dmarc"] [data-problem="dmarc-testing"]')).toContainText('t=y', { timeout: 15_000 });
});

test('a support link that chose testing (t=y) accepts a record in testing mode', async ({ page }) => {
  // The link carries the choice; the row compares with it and stays ok.
  await openChecker(page, 'testing.test', { t: 'y' });
  await expectRows(page, { dmarc: { status: 'ok', problems: ['dmarc-testing'] } });
  // The generated value has t=y and never pct.
  const value = (await page.locator('[data-record="dmarc"] code.mg-value').first().textContent()) ?? '';
  expect(value).toMatch(/^v=DMARC1; p=quarantine; t=y/);
  expect(value).not.toContain('pct');
});

test('DNS text with markup is shown literally and runs nothing', async ({ page }) => {
  await openChecker(page, 'xss.test');
  await expect(page.locator('[data-record="spf"]')).not.toHaveAttribute('data-status', 'pending', { timeout: 15_000 });
  await expect(page.locator('[data-record="spf"]')).toContainText('<script>window.__xss=1</script>');
  await expect(page.locator('[data-record="dmarc"]')).toHaveAttribute('data-status', /fail|warn/);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('[data-record] img, [data-record] script, [data-record] b')).toHaveCount(0);
});

test('results are announced politely and the address keeps the domain', async ({ page }) => {
  await openChecker(page, 'complete.test');
  await expect(page.locator('[data-record="mx"]')).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: /已检查|Checked/ })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('domain')).toBe('complete.test');
});

test('typing a domain and pressing Enter runs the check (keyboard only)', async ({ page }) => {
  await page.goto(`/tools/checker/?resolver=${encodeURIComponent(stack.resolver)}`);
  await islandsReady(page);
  const input = page.getByLabel('你的域名');
  await input.focus();
  await page.keyboard.type('  HTTPS://Complete.TEST./path ');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-record="mx"]')).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });
  expect(new URL(page.url()).searchParams.get('domain')).toContain('Complete.TEST');
});

test('bad input gets a clear message and no check', async ({ page }) => {
  await page.goto(`/en/tools/checker/?resolver=${encodeURIComponent(stack.resolver)}`);
  await islandsReady(page);
  const input = page.getByLabel('Your domain');
  for (const bad of ['192.0.2.1', 'localhost', 'a'.repeat(70) + '.com', '<img src=x onerror=alert(1)>']) {
    await input.fill(bad);
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await expect(page.getByRole('button', { name: 'Check records' })).toBeDisabled();
  }
});

test('copy buttons and exports produce the values shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openChecker(page, 'missing.test');
  const spfRow = page.locator('[data-record="spf"]');
  const shown = (await spfRow.locator('code.mg-value').first().textContent()) ?? '';
  expect(shown).toBe('v=spf1 include:spf.qiye.aliyun.com -all');
  await spfRow
    .getByRole('button', { name: /Value|记录值/ })
    .first()
    .click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

  const [zone] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: /区域文件片段|zone snippet/ })
      .first()
      .click(),
  ]);
  const zoneText = await (await zone.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  expect(zoneText).toContain('"v=spf1 include:spf.qiye.aliyun.com -all"');
  expect(zoneText).toMatch(/MX\s+5\s+mx1\.qiye\.aliyun\.com\./);
  expect(zoneText).toMatch(/mail\S*\s.*CNAME\s+qiye\.aliyun\.com\./);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).first().click(),
  ]);
  const csvText = await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  expect(csvText).toContain('v=spf1 include:spf.qiye.aliyun.com -all');
  expect(csvText).toContain('mx1.qiye.aliyun.com');
});

test('a pasted DKIM key that differs from DNS is reported', async ({ page }) => {
  await openChecker(page, 'complete.test');
  await expect(page.locator('[data-record="dkim"]')).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });
  // Paste another (1024-bit) key, as if the console had generated a new one, then check again.
  await page.getByText('更多选项').click();
  await page
    .getByLabel('DKIM 公钥（从邮箱管理后台复制）')
    .fill('v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC7' + 'A'.repeat(40) + 'IDAQAB');
  await page.getByRole('button', { name: '检查记录' }).click();
  await expect(page.locator('[data-record="dkim"] [data-problem="dkim-key-mismatch"]')).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.locator('[data-record="dkim"]')).toHaveAttribute('data-status', 'fail');
});
