// Resolver faults against the checker and the lookup tool (architecture §4):
// slow, never answering, 502 without CORS, SERVFAIL, NXDOMAIN, a malformed body,
// an HTTP error and a missing CORS header. Each ends in a clear final state within
// the client's timeouts — "could not find out" (error / resolver-error), never
// "missing" — the page stays usable, and when another resolver is configured
// and answers, the results are right.
//
// The preset resolvers are unreachable here unless a describe block maps them
// to a local endpoint (fixtures.ts), so "no fallback" means: the custom
// resolver from ?resolver= is the only one that can answer.
import type { Page } from '@playwright/test';
import { expect, test, type PresetMap } from './fixtures';
import { stack, toolUrl } from './stack';

/** The client gives up on a resolver after 4 s (src/core/doh/client.ts); a check must be over well before this. */
const SETTLE_MS = 10_000;
/** Every row of the default (Alibaba Mail mainland) profile. */
const ROW_IDS = ['mx', 'spf', 'dkim', 'dmarc', 'mail', 'imap', 'smtp', 'pop3'] as const;

type Fault = 'garbage' | 'short' | 'http503' | 'nocors' | 'hang';

/** Presets mapped lazily: the stack's URLs are known only once global setup has run. */
function presets(map: () => PresetMap) {
  return async ({}, use: (value: PresetMap) => Promise<void>) => use(map());
}

/** Opens the checker as a support link and waits for the summary; returns how long that took. */
async function checkAndSettle(page: Page, domain: string, resolver: string): Promise<number> {
  const started = Date.now();
  await page.goto(toolUrl('/tools/checker/', { domain }, resolver));
  await expect(page.getByRole('status').filter({ hasText: '已检查' })).toBeVisible({ timeout: SETTLE_MS });
  const elapsed = Date.now() - started;
  await expect(page.locator('[data-record][data-status="pending"]')).toHaveCount(0);
  return elapsed;
}

/** Every row says "could not find out", names the resolver failure and never says "missing". */
async function expectAllResolverErrors(page: Page) {
  for (const id of ROW_IDS) {
    const row = page.locator(`[data-record="${id}"]`);
    await expect(row, `row ${id}`).toHaveAttribute('data-status', 'error');
    await expect(row.locator('[data-problem="resolver-error"]').first(), `row ${id}`).toBeVisible();
    await expect(row.locator('[data-problem="missing"]'), `row ${id}`).toHaveCount(0);
  }
}

/** The form works again after the run: the button is enabled and typing changes the field. */
async function expectUsable(page: Page) {
  await expect(page.getByRole('button', { name: '检查记录' })).toBeEnabled();
  const input = page.getByLabel('你的域名');
  await input.fill('');
  await input.pressSequentially('typed.test');
  await expect(input).toHaveValue('typed.test');
}

test.describe('checker, custom resolver only', () => {
  const errorCases: { name: string; domain: string; resolver: () => string }[] = [
    // The endpoint accepts the connection and never answers: the 4 s timeout ends it.
    { name: 'a resolver that never answers', domain: 'complete.test', resolver: () => stack.fault('hang') },
    // dnsdist gets no answer from its backend and sends 502 without a CORS header.
    { name: 'a 502 without CORS from the DoH server', domain: 'dead.test', resolver: () => stack.resolver },
    // The zone fails to load: SERVFAIL from the resolver.
    { name: 'SERVFAIL', domain: 'broken.test', resolver: () => stack.resolver },
    // 64 random bytes with the right content type.
    { name: 'a body of random bytes', domain: 'complete.test', resolver: () => stack.fault('garbage') },
    // A 5-byte body: a truncated DNS header.
    { name: 'a truncated body', domain: 'complete.test', resolver: () => stack.fault('short') },
    // HTTP 503 (with CORS, so the page can read the status).
    { name: 'HTTP 503', domain: 'complete.test', resolver: () => stack.fault('http503') },
    // A DNS-shaped answer the browser may not read: no access-control-allow-origin.
    { name: 'a missing CORS header', domain: 'complete.test', resolver: () => stack.fault('nocors') },
  ];

  for (const c of errorCases) {
    test(`${c.name}: every row is "could not find out", never "missing", and the page stays usable`, async ({
      page,
    }) => {
      const elapsed = await checkAndSettle(page, c.domain, c.resolver());
      expect(elapsed).toBeLessThan(SETTLE_MS);
      await expectAllResolverErrors(page);
      await expectUsable(page);
    });
  }

  test('a slow resolver (1 s per answer) still gives the right answers in time', async ({ page }) => {
    const elapsed = await checkAndSettle(page, 'slow.test', stack.resolver);
    expect(elapsed).toBeLessThan(SETTLE_MS);
    for (const id of ['mx', 'spf', 'dmarc', 'mail'] as const) {
      await expect(page.locator(`[data-record="${id}"]`), `row ${id}`).toHaveAttribute('data-status', 'ok');
    }
    await expectUsable(page);
  });

  test('NXDOMAIN is an answer: the domain does not exist', async ({ page }) => {
    const elapsed = await checkAndSettle(page, 'nosuch.test', stack.resolver);
    expect(elapsed).toBeLessThan(SETTLE_MS);
    for (const id of ROW_IDS) {
      const row = page.locator(`[data-record="${id}"]`);
      await expect(row, `row ${id}`).toHaveAttribute('data-status', 'fail');
      await expect(row.locator('[data-problem="resolver-error"]')).toHaveCount(0);
    }
    await expect(page.locator('[data-record="mx"] [data-problem="nxdomain"]')).toBeVisible();
    await expectUsable(page);
  });
});

test.describe('checker, a failing custom resolver and AliDNS answering', () => {
  // AliDNS (asked right after the custom resolver on zh pages) answers from the fixture zones.
  test.use({ presets: presets(() => ({ alidns: stack.resolver })) });

  const faults: Fault[] = ['hang', 'garbage', 'short', 'http503', 'nocors'];
  for (const fault of faults) {
    test(`${fault}: the next resolver answers and every row is right`, async ({ page }) => {
      const elapsed = await checkAndSettle(page, 'complete.test', stack.fault(fault));
      expect(elapsed).toBeLessThan(SETTLE_MS);
      for (const id of ROW_IDS) {
        await expect(page.locator(`[data-record="${id}"]`), `row ${id}`).toHaveAttribute('data-status', 'ok');
      }
      // The custom resolver is shown plainly as the one in use.
      await expect(page.locator('[data-resolver-notice="link"]')).toContainText(stack.fault(fault));
    });
  }
});

/** The lookup result once it is final (an answer with data-rcode, or a failure with data-error). */
function lookupResult(page: Page) {
  return page.locator('.mg-lookup-result');
}

test.describe('lookup tool, every resolver failing the same way', () => {
  const cases: { fault: Fault; code: string; all: boolean }[] = [
    // Random bytes from every resolver: not a DNS message.
    { fault: 'garbage', code: 'malformed', all: true },
    // A truncated header from every resolver.
    { fault: 'short', code: 'malformed', all: true },
    // HTTP 503 from every resolver.
    { fault: 'http503', code: 'http-status', all: true },
    // No CORS header: the browser reports a network failure. (Only the custom resolver: a preset
    // answered through Playwright's route.fulfill is readable whatever its headers say.)
    { fault: 'nocors', code: 'network', all: false },
    // The custom resolver never answers (the presets are unreachable and fail at once): it times out last.
    { fault: 'hang', code: 'timeout', all: false },
  ];
  for (const c of cases) {
    test.describe(c.fault, () => {
      if (c.all) {
        test.use({
          presets: presets(() => {
            const url = stack.fault(c.fault);
            return { alidns: url, dnspod: url, google: url, cloudflare: url };
          }),
        });
      }
      test(`shows an error state with data-error="${c.code}" and stays usable`, async ({ page }) => {
        const started = Date.now();
        await page.goto(toolUrl('/tools/lookup/', { name: 'complete.test', type: 'MX' }, stack.fault(c.fault)));
        const result = lookupResult(page);
        await expect(result).toHaveAttribute('data-error', c.code, { timeout: SETTLE_MS });
        expect(Date.now() - started).toBeLessThan(SETTLE_MS);
        await expect(result).toHaveAttribute('data-status', 'error');
        await expect(result).not.toHaveAttribute('data-rcode', /.*/);
        await expect(result).toContainText('查询失败');
        await expect(page.getByRole('button', { name: '查询', exact: true })).toBeEnabled();
        const input = page.getByLabel('名称或 IP 地址');
        await input.fill('typed.test');
        await expect(input).toHaveValue('typed.test');
      });
    });
  }

  test('SERVFAIL and NXDOMAIN are answers, shown with their rcode', async ({ page }) => {
    for (const [name, rcode] of [
      ['broken.test', 'SERVFAIL'],
      ['nosuch.test', 'NXDOMAIN'],
    ] as const) {
      await page.goto(toolUrl('/tools/lookup/', { name, type: 'MX' }));
      await expect(lookupResult(page)).toHaveAttribute('data-rcode', rcode, { timeout: SETTLE_MS });
    }
  });
});

test.describe('lookup tool, a failing custom resolver and AliDNS answering', () => {
  test.use({ presets: presets(() => ({ alidns: stack.resolver })) });

  test('the answer comes from AliDNS', async ({ page }) => {
    await page.goto(toolUrl('/tools/lookup/', { name: 'complete.test', type: 'MX' }, stack.fault('http503')));
    const result = lookupResult(page);
    await expect(result).toHaveAttribute('data-rcode', 'NOERROR', { timeout: SETTLE_MS });
    await expect(result.locator('[data-resolver]')).toHaveAttribute('data-resolver', 'alidns');
    await expect(result).toContainText('mx1.qiye.aliyun.com.');
  });
});
