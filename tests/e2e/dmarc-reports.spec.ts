// The DMARC report viewer (/tools/dmarc-reports/) against the local DNS stack:
// the fixtures of tests/fixtures/dmarc/ handed to the file input in each big
// reporter's packaging (.zip, .xml.gz, .xml, a zip with several), with the
// hostile files beside them. Asserts the markup contract (architecture §3)
// with exact values, the PTR grouping and advice (reverse zones for the
// documentation addresses in tests/dns/zones/), the filters, the exports, and
// that the tab stays responsive while bombs are refused.
import type { Page } from '@playwright/test';
import { fixture, gz, gzipBomb, markupReport, onDisk, xml, zip, zipBomb, type FilePayload } from './dmarc-files';
import { expect, test } from './fixtures';
import { stack, toolUrl } from './stack';

/** Every fixture report, packaged as its reporter ships it, plus the files that must be refused. */
function allFiles(): FilePayload[] {
  return [
    zip('google.com!example.com!1699920000!1700006399.zip', ['google.xml']),
    gz('outlook.xml', 'outlook.xml.gz'),
    gz('yahoo.xml', 'yahoo.xml.gz'),
    xml('qq.xml'),
    zip('several.zip', ['netease.xml', 'rfc9990.xml', 'draft-namespace.xml']),
    xml('other-domain.xml'),
    xml('malformed.xml'),
    xml('billion-laughs.xml'),
    xml('not-dmarc.xml'),
  ];
}

/** The reports in the fixtures (README), as [data-report] shows them. */
const REPORTS = [
  { org: 'google.com', id: '4412233445566778899', begin: '2023-11-14T00:00:00.000Z', end: '2023-11-14T23:59:59.000Z' },
  {
    org: 'Outlook.com',
    id: '2b7c3f1e9a0d4c6b8e5f7a9b1c3d5e7f',
    begin: '2023-11-14T00:00:00.000Z',
    end: '2023-11-15T00:00:00.000Z',
  },
  { org: 'Yahoo', id: '1700092799.778899', begin: '2023-11-15T00:00:00.000Z', end: '2023-11-15T23:59:59.000Z' },
  { org: 'QQ Mail', id: 'qq-20231116-0001', begin: '2023-11-15T16:00:00.000Z', end: '2023-11-16T15:59:59.000Z' },
  {
    org: 'NetEase',
    id: '163-example.com-1700092800',
    begin: '2023-11-16T00:00:00.000Z',
    end: '2023-11-16T23:59:59.000Z',
  },
  {
    org: 'Example Receiver',
    id: '3v98abbp8ya9n3va8yr8oa3ya',
    begin: '2023-11-16T00:00:00.000Z',
    end: '2023-11-16T23:59:59.000Z',
  },
  {
    org: 'Example Mail Receiver',
    id: 'draft-ns-1',
    begin: '2023-11-17T00:00:00.000Z',
    end: '2023-11-17T23:59:59.000Z',
  },
  { org: 'google.com', id: '5512233445566778899', begin: '2023-11-14T00:00:00.000Z', end: '2023-11-14T23:59:59.000Z' },
];

/** Each source IP over all of them: messages, and messages that passed DMARC. */
const SOURCES = [
  { ip: '192.0.2.10', count: 99, pass: 99, group: 'sender:alibaba-mail' },
  { ip: '203.0.113.30', count: 16, pass: 0, group: 'ip:203.0.113.30' },
  { ip: '198.51.100.20', count: 7, pass: 0, group: 'sender:sendgrid' },
  { ip: '2001:db8::25', count: 2, pass: 0, group: 'sender:microsoft' },
  { ip: '203.0.113.40', count: 1, pass: 0, group: 'sender:google' },
];

/** The advice for each group, given the reverse names in tests/dns/zones/ and the page's provider (Alibaba Mail). */
const ADVICE = [
  { group: 'ip:203.0.113.30', code: 'unknown-sender-spoofing', severity: 'fail' },
  { group: 'sender:alibaba-mail', code: 'own-provider-dkim-off', severity: 'warn' },
  { group: 'sender:sendgrid', code: 'platform-not-authorised', severity: 'fail' },
  { group: 'sender:microsoft', code: 'forwarder', severity: 'info' },
  { group: 'sender:google', code: 'other-mailbox-service', severity: 'fail' },
];

const fileInput = (page: Page) => page.getByLabel(/Choose report files|选择报告文件/);
const totals = (page: Page) => page.locator('[data-total-messages]');

/** Opens the viewer with the local resolver and waits until the picker works (the island has hydrated). */
async function open(page: Page, path = '/en/tools/dmarc-reports/') {
  await page.goto(toolUrl(path, {}));
  await expect(fileInput(page)).toBeEnabled();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test.describe('reads every reporter’s style', () => {
  test.use({ timezoneId: 'UTC' });

  test('totals, reports, sources, refused files, groups and advice, with exact values', async ({ page, offsite }) => {
    const dns: string[] = [];
    page.on('request', (req) => {
      if (req.url().startsWith(stack.resolver)) dns.push(req.url());
    });
    await open(page);
    // Hand every file to the picker at once.
    await fileInput(page).setInputFiles(allFiles());

    // Totals over all loaded reports (both domains).
    await expect(totals(page)).toHaveAttribute('data-total-messages', '125', { timeout: 15_000 });
    await expect(totals(page)).toHaveAttribute('data-total-pass', '99');

    // One [data-report] per report, in the order read, each with its reporter, ID and period.
    const reports = page.locator('[data-report]');
    await expect(reports).toHaveCount(REPORTS.length);
    for (const [i, r] of REPORTS.entries()) {
      const row = reports.nth(i);
      await expect(row).toHaveAttribute('data-org', r.org);
      await expect(row).toHaveAttribute('data-report-id', r.id);
      await expect(row).toHaveAttribute('data-begin', r.begin);
      await expect(row).toHaveAttribute('data-end', r.end);
    }

    // RFC 9990's generator and report error in the list of reports, the discovery method in the
    // policy each reporter found: all as text.
    const r9990 = page.locator('[data-report][data-report-id="3v98abbp8ya9n3va8yr8oa3ya"]');
    await expect(r9990.locator('[data-generator]')).toHaveText('Generator: Example DMARC reporter 2.1');
    await expect(r9990.locator('[data-report-error]')).toHaveText([
      'Error the reporter noted: Unknown tag "foo" in the record at _dmarc.example.com, ignored',
    ]);
    await expect(r9990.locator('td').nth(3)).toContainText('discovery_method=treewalk');
    await expect(page.locator('[data-reporter="Example Receiver"] [data-policy]')).toContainText(
      'discovery_method=treewalk',
    );

    // Every source IP with its messages and passes.
    await expect(page.locator('[data-source-ip]')).toHaveCount(SOURCES.length);
    for (const s of SOURCES) {
      const row = page.locator(`[data-source-ip="${s.ip}"]`);
      await expect(row).toHaveAttribute('data-count', String(s.count));
      await expect(row).toHaveAttribute('data-pass', String(s.pass));
    }

    // The refused files, each named with its reason, while the others loaded.
    const errors = page.locator('[data-file-error]');
    await expect(errors).toHaveCount(3);
    await expect(page.locator('[data-file-error="malformed-xml"]')).toHaveText(
      /^malformed\.xml: not well-formed XML \(\d+:\d+: .+\)$/,
    );
    await expect(page.locator('[data-file-error="xml-entities"]')).toHaveText(
      'billion-laughs.xml: the XML declares entities, which reports never need: refused',
    );
    await expect(page.locator('[data-file-error="not-dmarc"]')).toHaveText(
      'not-dmarc.xml: not a DMARC aggregate report (root element <rss>)',
    );

    // Reverse DNS groups the IPs into the senders behind them (or leaves them alone).
    for (const s of SOURCES)
      await expect(page.locator(`[data-group="${s.group}"] [data-source-ip="${s.ip}"]`)).toBeVisible({
        timeout: 15_000,
      });
    await expect(page.locator('[data-source-ip="198.51.100.20"] [data-ptr]')).toHaveText('o1.ptr1234.sendgrid.net');
    await expect(page.locator('[data-source-ip="203.0.113.30"] [data-ptr]')).toHaveText('no reverse DNS name');
    await expect(page.locator('[data-group="sender:sendgrid"] h3')).toHaveText('SendGrid');

    // What to do, per failing source, each linking the guide.
    const advice = page.locator('[data-advice]');
    await expect(advice).toHaveCount(ADVICE.length);
    for (const [i, a] of ADVICE.entries()) {
      await expect(advice.nth(i)).toHaveAttribute('data-advice', a.code);
      await expect(advice.nth(i)).toHaveAttribute('data-group', a.group);
      await expect(advice.nth(i)).toHaveAttribute('data-severity', a.severity);
    }
    await expect(page.locator('[data-advice="unknown-sender-spoofing"]')).toContainText(
      'An unknown sender (no reverse DNS name) sent 16 messages as your domain that failed SPF and DKIM: probably spoofing. Keep moving your policy towards p=reject.',
    );
    await expect(page.locator('[data-advice="unknown-sender-spoofing"] a')).toHaveAttribute('href', '/en/dns/dmarc/');
    await expect(page.locator('[data-advice="platform-not-authorised"] a')).toHaveText([
      'Read: Mail that platforms send',
      'Read: DKIM record',
    ]);
    await expect(page.locator('[data-advice="platform-not-authorised"] a').first()).toHaveAttribute(
      'href',
      '/en/troubleshooting/platform-mail/',
    );
    await expect(page.locator('[data-advice="platform-not-authorised"] a').nth(1)).toHaveAttribute('href', '/en/dns/dkim/');

    // The reporters and the policy each saw (Google saw p=none for example.com and p=reject for example.net).
    await expect(page.locator('[data-reporter="google.com"] [data-policy]')).toHaveCount(2);

    // One PTR question per IP (5) and one forward question (A/AAAA) per name found (4), to the
    // local resolver only; nothing else left the page.
    expect(new Set(dns).size).toBe(9);
    expect(offsite).toEqual([]);
  });

  test('filters: one domain, failures only, a range of days', async ({ page }) => {
    await open(page);
    await fileInput(page).setInputFiles(allFiles());
    await expect(totals(page)).toHaveAttribute('data-total-messages', '125', { timeout: 15_000 });

    // Reports for two domains: the page says so; choosing one leaves the other out.
    await expect(page.locator('[data-several-domains="2"]')).toContainText(
      'example.com (122 messages), example.net (3 messages)',
    );
    await page.getByLabel('Domain', { exact: true }).selectOption('example.com');
    await expect(totals(page)).toHaveAttribute('data-total-messages', '122');
    await expect(totals(page)).toHaveAttribute('data-total-pass', '96');
    await expect(page.locator('[data-several-domains]')).toHaveCount(0);

    // Only the messages that failed.
    await page.getByLabel('Domain', { exact: true }).selectOption('');
    await page.getByLabel('Only messages that failed DMARC').check();
    await expect(totals(page)).toHaveAttribute('data-total-messages', '26');
    await expect(totals(page)).toHaveAttribute('data-total-pass', '0');
    await expect(page.locator('[data-source-ip="192.0.2.10"]')).toHaveCount(0);
    await page.getByLabel('Only messages that failed DMARC').uncheck();

    // From 16 November: the reports of the 16th and 17th.
    await page.getByLabel('From', { exact: true }).fill('2023-11-16');
    await expect(totals(page)).toHaveAttribute('data-total-messages', '32');
    await expect(totals(page)).toHaveAttribute('data-total-pass', '24');
    // The visible numbers follow the filter, but each [data-source-ip] still counts over ALL
    // loaded reports (the markup contract).
    for (const s of SOURCES.filter((x) => x.ip === '192.0.2.10' || x.ip === '198.51.100.20')) {
      const row = page.locator(`[data-source-ip="${s.ip}"]`);
      await expect(row).toHaveAttribute('data-count', String(s.count));
      await expect(row).toHaveAttribute('data-pass', String(s.pass));
    }
    await expect(page.locator('[data-source-ip="192.0.2.10"] td').nth(1)).not.toHaveText('99');
    // Up to 15 November.
    await page.getByRole('button', { name: 'Show everything' }).click();
    await page.getByLabel('To', { exact: true }).fill('2023-11-15');
    await expect(totals(page)).toHaveAttribute('data-total-messages', '93');
    await expect(totals(page)).toHaveAttribute('data-total-pass', '75');
  });

  test('copy report and CSV export', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page);
    await fileInput(page).setInputFiles(allFiles());
    await expect(page.locator('[data-advice]')).toHaveCount(ADVICE.length, { timeout: 15_000 });
    await expect(page.locator('[data-ptr="pending"]')).toHaveCount(0);

    // The plain-text report: title, link, verdict, a row per source with its advice, the refused files.
    await page.locator('[data-copy-report]').click();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    const lines = report.split('\n');
    // The domains the reports are about, as the title.
    expect(lines[0]).toBe('DMARC reports for example.com, example.net');
    // The bare page link: the reports' content never goes into a link.
    const url = new URL(page.url());
    expect(lines[1]).toBe(`Link: ${url.origin}${url.pathname}`);
    expect(report).toContain('Verdict: 8 reports, 125 messages, 99 passed DMARC (79.2%)');
    expect(report).toContain(
      '[should change] Alibaba Mail\n  - 99 messages, 99 passed DMARC (100.0%)\n  - IPs: 192.0.2.10',
    );
    expect(report).toContain('[failures] SendGrid\n  - 7 messages, 0 passed DMARC (0.0%)');
    expect(report).toContain('- malformed.xml: not well-formed XML');

    // The CSV: a header and one row per record (16 in the fixtures that loaded).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('example.com-dmarc-reports.csv');
    const csv = (await (await download.createReadStream()).toArray()).join('');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]?.startsWith('file,org_name,report_id,begin,end,day,policy_domain')).toBe(true);
    expect(rows).toHaveLength(17);
    expect(rows.filter((r) => r.includes(',198.51.100.20,o1.ptr1234.sendgrid.net,'))).toHaveLength(2);
  });
});

test('a reverse name that does not lead back to the IP names nobody', async ({ page }) => {
  await open(page);
  // 203.0.113.66's PTR claims out30-1.mail.aliyun.com, whose A record is another address
  // (tests/dns/zones/113.0.203.in-addr.arpa.zone, mail.aliyun.com.zone).
  const qq = fixture('qq.xml').toString('utf8');
  const spoof = qq
    .replace('<report_id>qq-20231116-0001</report_id>', '<report_id>spoof-1</report_id>')
    .replace('<source_ip>198.51.100.20</source_ip>', '<source_ip>203.0.113.66</source_ip>')
    // Its mail passed DKIM and SPF only for a domain of nobody we know.
    .replace('<domain>sendgrid.net</domain>', '<domain>mailer.example.org</domain>')
    .replace('<domain>em1234.sendgrid.net</domain>', '<domain>mailer.example.org</domain>');
  // 203.0.113.67 has no reverse name, but its mail passed DKIM for sendgrid.net: SendGrid's own domain names it.
  const platform = qq
    .replace('<report_id>qq-20231116-0001</report_id>', '<report_id>platform-1</report_id>')
    .replace('<source_ip>198.51.100.20</source_ip>', '<source_ip>203.0.113.67</source_ip>');
  await fileInput(page).setInputFiles([
    { name: 'spoof.xml', mimeType: 'text/xml', buffer: Buffer.from(spoof) },
    { name: 'platform.xml', mimeType: 'text/xml', buffer: Buffer.from(platform) },
  ]);

  // The IP stays on its own, its name shown but marked as not confirmed.
  const row = page.locator('[data-group="ip:203.0.113.66"] [data-source-ip="203.0.113.66"]');
  await expect(row.locator('[data-ptr]')).toHaveText(
    'out30-1.mail.aliyun.com (not confirmed: this name does not lead back to the IP)',
    { timeout: 15_000 },
  );
  await expect(row.locator('[data-ptr]')).toHaveAttribute('data-ptr-confirmed', 'no');
  await expect(page.locator('[data-group="sender:alibaba-mail"] [data-source-ip="203.0.113.66"]')).toHaveCount(0);
  // The confirmed Alibaba Mail source is still recognised.
  await expect(page.locator('[data-group="sender:alibaba-mail"] [data-source-ip="192.0.2.10"] [data-ptr]')).toHaveAttribute(
    'data-ptr-confirmed',
    'yes',
  );

  // A platform named by its own passing signature, saying so.
  const named = page.locator('[data-group="sender:sendgrid"] [data-source-ip="203.0.113.67"] [data-recognised-by="dkim"]');
  await expect(named).toHaveText('Named by its passing DKIM signature d=sendgrid.net');

  // The advice calls it spoofing, with the reason.
  const advice = page.locator('[data-advice="unknown-sender-spoofing"][data-group="ip:203.0.113.66"]');
  await expect(advice).toHaveAttribute('data-severity', 'fail');
  await expect(advice).toContainText(
    'An unknown sender (a reverse DNS name that does not lead back to this IP) sent 2 messages as your domain that failed SPF and DKIM: probably spoofing.',
  );
});

test.describe('in Chinese', () => {
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('the same totals, with reasons in Chinese', async ({ page }) => {
    await open(page, '/tools/dmarc-reports/');
    await fileInput(page).setInputFiles(allFiles());
    await expect(totals(page)).toHaveAttribute('data-total-messages', '125', { timeout: 15_000 });
    await expect(totals(page)).toHaveAttribute('data-total-pass', '99');
    await expect(page.locator('[data-report]')).toHaveCount(8);
    await expect(page.locator('[data-file-error="xml-entities"]')).toHaveText(
      'billion-laughs.xml: XML 中声明了实体（报告从不需要），已拒绝',
    );
    await expect(page.locator('[data-advice="platform-not-authorised"] a').first()).toHaveAttribute(
      'href',
      '/troubleshooting/platform-mail/',
    );
    await expect(page.locator('[data-group="sender:alibaba-mail"] h3')).toHaveText('阿里邮箱', { timeout: 15_000 });
  });
});

test.describe('hostile files', () => {
  test('a gzip bomb and a zip bomb are refused by name while the tab keeps answering', async ({ page }) => {
    const files = onDisk(test.info().outputPath('files'), [gzipBomb(), zipBomb(), xml('qq.xml')]);
    await open(page);
    // Watch the main thread from now on: the longest task, and the longest gap between timer ticks.
    await page.evaluate(() => {
      const w = window as unknown as { __gap: number; __tick: number; __longest: number };
      w.__gap = 0;
      w.__longest = 0;
      w.__tick = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__gap = Math.max(w.__gap, now - w.__tick);
        w.__tick = now;
      }, 20);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    await fileInput(page).setInputFiles(files);
    // While they are being read, a click still answers within a second.
    await expect(page.locator('[data-phase="reading"], [data-phase="opening"]')).toHaveCount(1);
    const options = page.locator('.mg-resolver-picker details');
    const started = Date.now();
    await options.locator('summary').click();
    await expect(options).toHaveAttribute('open', '', { timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);

    // The good file loads; each bomb is named with why it was refused.
    await expect(totals(page)).toHaveAttribute('data-total-messages', '11', { timeout: 20_000 });
    await expect(page.locator('[data-file-error]')).toHaveCount(2);
    await expect(page.locator('[data-file-error="too-large"]').first()).toHaveText(
      'bomb.xml.gz: larger than 50 MB (after unpacking): refused',
    );
    await expect(page.locator('[data-file-error="too-large"]').nth(1)).toHaveText(
      'bomb.zip/bomb.xml: larger than 50 MB (after unpacking): refused',
    );
    const main = await page.evaluate(() => {
      const w = window as unknown as { __gap: number; __longest: number };
      return { gap: w.__gap, longest: w.__longest };
    });
    expect(main.gap).toBeLessThan(1000);
    expect(main.longest).toBeLessThan(1000);
  });

  test('report text with markup is shown as text and runs nothing', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page);
    await fileInput(page).setInputFiles([markupReport()]);
    const report = page.locator('[data-report]');
    await expect(report).toHaveAttribute('data-org', '<img src=x onerror="window.__xss=1">', { timeout: 15_000 });
    await expect(report).toHaveAttribute('data-report-id', '<script>window.__xss=1</script>');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('script', { hasText: '__xss' })).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  test('cancel keeps what was read and frees the picker', async ({ page }) => {
    await open(page);
    // Many copies of one report under different IDs, each with a few hundred records (200 files,
    // about 20 MB of records: work the worker takes a while over).
    const base = fixture('google.xml').toString('utf8');
    const record = /<record>[\s\S]*?<\/record>/.exec(base)?.[0] ?? '';
    const many = Array.from({ length: 200 }, (_, i) => ({
      name: `r${i}.xml`,
      mimeType: 'text/xml',
      buffer: Buffer.from(
        base
          .replace('<report_id>4412233445566778899</report_id>', `<report_id>copy-${i}</report_id>`)
          .replace('</policy_published>', `</policy_published>${record.repeat(150)}`),
      ),
    }));
    // Press cancel from inside the page as soon as the first file is read: on a fast machine a
    // click from the test would often land after the whole load is done.
    await page.evaluate(() => {
      const watch = new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-phase="reading"] progress');
        if (!bar || bar.value < 1) return;
        watch.disconnect();
        document.querySelector<HTMLButtonElement>('[data-phase="reading"] button')?.click();
      });
      watch.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await fileInput(page).setInputFiles(onDisk(test.info().outputPath('files'), many));
    const status = page.locator('[data-phase="cancelled"]');
    await expect(status).toContainText('Reading cancelled.');
    await expect(fileInput(page)).toBeEnabled();
    // What was read before the cancel is kept, and shown: some reports, not all.
    const kept = Number(/The ([\d,]+) reports? read before/.exec((await status.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(200);
    await expect(page.locator('[data-report]')).toHaveCount(kept);
  });
});

test('files dropped on the drop zone are read like chosen ones', async ({ page }) => {
  await open(page);
  // Two reports as a person drags them from a file manager: one plain, one gzipped.
  const files = [
    { name: 'qq.xml', type: 'text/xml', bytes: [...fixture('qq.xml')] },
    { name: 'yahoo.xml.gz', type: 'application/gzip', bytes: [...gz('yahoo.xml').buffer] },
  ];
  const zone = page.locator('[data-drop-zone]');
  // Drag them over the zone: it shows that it takes them.
  await zone.evaluate((el, list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    (window as unknown as { __drop: DataTransfer }).__drop = dt;
    for (const type of ['dragenter', 'dragover'])
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await expect(zone).toHaveAttribute('data-over', '');
  // Drop them.
  await zone.evaluate((el) => {
    const dt = (window as unknown as { __drop: DataTransfer }).__drop;
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(zone).not.toHaveAttribute('data-over');
  // Both reports are read: 11 + 28 messages.
  await expect(totals(page)).toHaveAttribute('data-total-messages', '39', { timeout: 15_000 });
  await expect(page.locator('[data-report]')).toHaveCount(2);
  await expect(page.locator('[data-file-error]')).toHaveCount(0);
});

test.describe('the pictures', () => {
  test.use({ timezoneId: 'UTC', colorScheme: 'dark' });

  test('each chart is an image with a title, its table has a row per day or source, and its colours hold in dark mode', async ({
    page,
  }) => {
    await open(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await fileInput(page).setInputFiles(allFiles());
    await expect(totals(page)).toHaveAttribute('data-total-messages', '125', { timeout: 15_000 });

    // The messages per day: an image named by its title and description.
    const days = page.getByRole('figure', { name: 'Messages per day' });
    const dayImage = days.getByRole('img');
    await expect(dayImage).toHaveAccessibleName(/^Messages per day Bar chart: 4 days from 2023-11-14 to 2023-11-17/);
    await expect(dayImage.locator('> title')).toHaveText('Messages per day');
    // Its numbers as a table: one row per day (14 to 17 November), after the header.
    await days.getByText('Show the numbers as a table').click();
    const dayTable = days.getByRole('table', { name: 'Messages per day' });
    await expect(dayTable.getByRole('row')).toHaveCount(1 + 4);
    await expect(dayTable.getByRole('rowheader')).toHaveText(['2023-11-14', '2023-11-15', '2023-11-16', '2023-11-17']);

    // The pass rate by source: a title, and a table row per source drawn.
    const rates = page.getByRole('figure', { name: 'DMARC pass rate by source' });
    await expect(rates.getByRole('img').locator('> title')).toHaveText('DMARC pass rate by source');
    const bars = await rates.locator('svg[role="img"] > g').count();
    await rates.getByText('Show the numbers as a table').click();
    await expect(rates.getByRole('table', { name: 'DMARC pass rate by source' }).getByRole('row')).toHaveCount(1 + bars);
    expect(bars).toBe(5);

    // In dark mode every fill resolves to a colour: the passed bars, and the failed ones' hatch.
    const fills = await page.locator('.mg-chart-svg .mg-chart-pass, .mg-chart-svg .mg-chart-fail').evaluateAll((els) =>
      els.map((el) => getComputedStyle(el).fill),
    );
    expect(fills.length).toBeGreaterThan(2);
    for (const fill of fills) {
      expect(fill).toMatch(/^rgba?\(/);
      expect(fill).not.toMatch(/^rgba\(\d+, \d+, \d+, 0\)$/);
    }
    const pass = await page.locator('.mg-chart-svg .mg-chart-pass').first().evaluate((el) => getComputedStyle(el).fill);
    const fail = await page.locator('.mg-chart-svg .mg-chart-fail').first().evaluate((el) => getComputedStyle(el).fill);
    expect(pass).not.toBe(fail);
  });
});

test('the picker is reached by keyboard and named', async ({ page }) => {
  await open(page);
  await page.locator('body').focus();
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if (await fileInput(page).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(fileInput(page)).toBeFocused();
  await expect(fileInput(page)).toHaveAttribute('multiple', '');
  await expect(fileInput(page)).toHaveAttribute('accept', /\.xml,\.gz,\.zip/);
});

test.describe('layout', () => {
  test('at 1280 px the viewer uses the full width; at 390 px nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page);
    await fileInput(page).setInputFiles(allFiles());
    await expect(totals(page)).toHaveAttribute('data-total-messages', '125', { timeout: 15_000 });
    await expect(page.locator('starlight-toc')).toHaveCount(0);
    const wide = await page.locator('[data-widget="dmarc-reports"]').evaluate((el) => el.getBoundingClientRect().width);
    expect(wide).toBeGreaterThan(900);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.mg-dmarc-reports > summary').click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
