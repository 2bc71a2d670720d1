// The SPF tool's IP test (/tools/spf/ with ?ip=, ?sender=, ?helo=) against the
// local stack: each RFC 7208 result a support link can show, read from
// data-spf-result (architecture §3), the trail that explains it, bad input
// refused next to its field, and the form written back into the address.
// Zones: spf-tree.test (three nested includes, ip6 and mx at the bottom, exp=),
// complete.test and weak.test (include of the qiye.aliyun.com stand-in:
// 192.0.2.0/24 and 198.51.100.128/25), twospf.test (two records), broken.test (SERVFAIL).
import { expect, test } from './fixtures';
import { stack, toolUrl } from './stack';

/** The IP test's result element, once it is final. */
const finalResult = '[data-spf-result]:not([data-spf-result="pending"])';

test.describe('SPF tool: a support link tests a sending IP', () => {
  const rows: {
    what: string;
    path?: string;
    params: Record<string, string>;
    result: string;
    /** The term that decided, in the record of this domain. */
    decided?: { record: string; term: string };
    problem?: string;
    text?: string;
  }[] = [
    // The Alibaba Mail set: the provider's include authorises 192.0.2.0/24.
    { what: 'the provider include passes its range', params: { domain: 'complete.test', ip: '192.0.2.25' }, result: 'pass', decided: { record: 'spf.qiye.aliyun.com', term: 'ip4:192.0.2.0/24' } },
    // Three includes down, the mx of the last record names 203.0.113.25.
    { what: 'a pass through three nested includes', params: { domain: 'spf-tree.test', ip: '203.0.113.25' }, result: 'pass', decided: { record: 'three.spf-tree.test', term: 'mx' } },
    // The same tree for an IPv6 client: ip6:2001:db8:25::/48 at the bottom.
    { what: 'an IPv6 pass', params: { domain: 'spf-tree.test', ip: '2001:db8:25::1' }, result: 'pass', decided: { record: 'three.spf-tree.test', term: 'ip6:2001:db8:25::/48' } },
    // An address outside the provider's range, and a record ending in ~all.
    { what: 'a softfail at ~all', path: '/tools/spf/', params: { domain: 'weak.test', ip: '203.0.113.9' }, result: 'softfail', decided: { record: 'weak.test', term: '~all' } },
    // MAIL FROM decides which record is read: weak.test's, not complete.test's.
    { what: 'the MAIL FROM domain is the one tested', params: { domain: 'complete.test', ip: '203.0.113.9', sender: 'bounce@weak.test' }, result: 'softfail', decided: { record: 'weak.test', term: '~all' } },
    // Nothing matches in the tree: -all at the root, explained by exp= (its %{i} and %{d} expanded).
    { what: 'a fail with its explanation', params: { domain: 'spf-tree.test', ip: '203.0.113.99' }, result: 'fail', decided: { record: 'spf-tree.test', term: '-all' }, text: '203.0.113.99 is not one of the senders of spf-tree.test' },
    // Two SPF records at one name.
    { what: 'a permerror on two records', params: { domain: 'twospf.test', ip: '192.0.2.25' }, result: 'permerror', problem: 'multiple-records', text: 'more than one SPF record' },
    // The resolver answers SERVFAIL: an error to retry, not a verdict on the record.
    { what: 'a temperror on SERVFAIL', path: '/tools/spf/', params: { domain: 'broken.test', ip: '192.0.2.25' }, result: 'temperror', problem: 'dns-error', text: 'SERVFAIL' },
  ];
  for (const row of rows) {
    test(`${row.what} → ${row.result}`, async ({ page }) => {
      // Open the link: the test runs without a click, pending until final.
      await page.goto(toolUrl(row.path ?? '/en/tools/spf/', row.params));
      const result = page.locator(finalResult);
      await expect(result).toHaveAttribute('data-spf-result', row.result, { timeout: 15_000 });
      // The term that decided, in the record where it was (nested includes are nested in the trail).
      if (row.decided) {
        const record = result.locator(`[data-spf-trail-record="${row.decided.record}"]`).first();
        await expect(record.locator(`:scope > details > ul > [data-spf-trail-term="${row.decided.term}"]`)).toHaveAttribute('data-spf-term-outcome', 'match');
      }
      if (row.problem) await expect(result.locator(`[data-spf-problem="${row.problem}"]`)).toBeVisible();
      if (row.text) await expect(result).toContainText(row.text);
      // The expansion ran beside it.
      await expect(page.locator('[data-spf-lookups][data-status]:not([data-status="pending"])')).toBeVisible();
    });
  }

  test('the trail nests the includes and counts the terms and void lookups', async ({ page }) => {
    await page.goto(toolUrl('/en/tools/spf/', { domain: 'spf-tree.test', ip: '203.0.113.25' }));
    const result = page.locator(finalResult);
    await expect(result).toHaveAttribute('data-spf-result', 'pass', { timeout: 15_000 });
    // spf-tree.test → one → two → three, each inside the include term that reached it.
    const chain = ['spf-tree.test', 'one.spf-tree.test', 'two.spf-tree.test', 'three.spf-tree.test'].map((d) => `[data-spf-trail-record="${d}"]`).join(' ');
    await expect(result.locator(chain)).toHaveAttribute('data-spf-record-result', 'pass');
    // a, include, a:www, include, mx:relay, include, mx: 7 of 10; no void lookups.
    await expect(result).toHaveAttribute('data-spf-dns-terms', '7');
    await expect(result).toHaveAttribute('data-spf-void-lookups', '0');
    await expect(result).toContainText('Terms that query DNS: 7 / limit 10');
    // The lookups used, by name and type: the MX at the bottom and its host's address.
    await expect(result.locator('[data-spf-lookup="three.spf-tree.test MX"]')).toHaveAttribute('data-outcome', 'answer');
    await expect(result.locator('[data-spf-lookup="out.spf-tree.test A"]')).toContainText('203.0.113.25');
    // Announced in a polite live region.
    await expect(page.getByRole('status').filter({ hasText: 'IP test: 203.0.113.25 sending for spf-tree.test, SPF result: Pass.' })).toBeAttached();
  });

  test('without MAIL FROM the page says postmaster@ the domain is tested', async ({ page }) => {
    await page.goto(toolUrl('/tools/spf/', { domain: 'complete.test', ip: '192.0.2.25' }));
    const result = page.locator(finalResult);
    await expect(result).toHaveAttribute('data-spf-result', 'pass', { timeout: 15_000 });
    await expect(result).toContainText('按 postmaster@complete.test 检查 complete.test 的 SPF 记录');
    await expect(result).toContainText('通过（pass）');
  });
});

test.describe('SPF tool: bad input is refused next to its field', () => {
  test('a link with an IP that is not an address runs nothing', async ({ page }) => {
    // Open the link: the form is filled, the IP field says what is wrong.
    await page.goto(toolUrl('/en/tools/spf/', { domain: 'complete.test', ip: '192.0.2.300' }));
    const ip = page.getByLabel('Sending IP address');
    await expect(ip).toHaveValue('192.0.2.300');
    await expect(ip).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: '“192.0.2.300” is not an IP address' })).toBeVisible();
    // Nothing ran: no result, no expansion, and the action waits for a usable address.
    await expect(page.locator('[data-spf-result]')).toHaveCount(0);
    await expect(page.locator('[data-spf-lookups]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Expand SPF and test the IP' })).toBeDisabled();
  });

  test('typed: a range, a bad MAIL FROM and a bounce without HELO each get a message', async ({ page }) => {
    await page.goto(`/en/tools/spf/?resolver=${encodeURIComponent(stack.resolver)}`);
    const domain = page.getByLabel('Domain whose SPF to inspect');
    await expect(domain.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/);
    await domain.fill('complete.test');
    const button = page.getByRole('button', { name: 'Expand SPF' });
    // A range as written in a record is not one sending address.
    const ip = page.getByLabel('Sending IP address');
    await ip.fill('192.0.2.0/24');
    await expect(page.getByRole('alert').filter({ hasText: 'is a range' })).toBeVisible();
    await expect(button).toBeDisabled();
    await ip.fill('192.0.2.25');
    await expect(ip).not.toHaveAttribute('aria-invalid', 'true');
    await expect(button).toBeEnabled();
    // A MAIL FROM that is neither an address nor a domain.
    const sender = page.getByLabel('MAIL FROM');
    await sender.fill('a@b@complete.test');
    await expect(sender).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'only one @' })).toBeVisible();
    await expect(button).toBeDisabled();
    // A bounce checks the HELO name: without one, the HELO field asks for it.
    await sender.fill('<>');
    const helo = page.getByLabel('HELO name');
    await expect(helo).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'the HELO name is checked' })).toBeVisible();
    await expect(button).toBeDisabled();
    // Nothing ran meanwhile.
    await expect(page.locator('[data-spf-result]')).toHaveCount(0);
  });
});

test('SPF tool: a test run from the form writes its parameters into the address', async ({ page }) => {
  await page.goto(`/en/tools/spf/?resolver=${encodeURIComponent(stack.resolver)}`);
  const domain = page.getByLabel('Domain whose SPF to inspect');
  await expect(domain.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/);
  // Fill every field by keyboard and submit with Enter.
  await domain.fill('complete.test');
  await page.getByLabel('Sending IP address').fill('2001:db8::1');
  await page.getByLabel('MAIL FROM').fill('bounce@weak.test');
  await page.getByLabel('HELO name').fill('out.weak.test');
  await page.getByLabel('HELO name').press('Enter');
  // The result: weak.test's record has no ip6 and ends in ~all.
  await expect(page.locator(finalResult)).toHaveAttribute('data-spf-result', 'softfail', { timeout: 15_000 });
  // The address now reproduces the test (the resolver given stays).
  const url = new URL(page.url());
  expect(Object.fromEntries(['domain', 'ip', 'sender', 'helo', 'resolver'].map((k) => [k, url.searchParams.get(k)]))).toEqual({
    domain: 'complete.test',
    ip: '2001:db8::1',
    sender: 'bounce@weak.test',
    helo: 'out.weak.test',
    resolver: stack.resolver,
  });
  // Opening that address runs the same test at once.
  await page.goto(url.pathname + url.search);
  await expect(page.locator(finalResult)).toHaveAttribute('data-spf-result', 'softfail', { timeout: 15_000 });
  await expect(page.getByLabel('MAIL FROM')).toHaveValue('bounce@weak.test');
});
