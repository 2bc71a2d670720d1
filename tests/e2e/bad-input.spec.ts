// Absurd input in every field of the tools and the client settings card, typed
// and through the page address: 10 000 characters, control characters, a
// right-to-left override, emoji and HTML. Each gives a clear message (a
// non-empty role=alert, with the action disabled where the widget does that) or,
// where the input is a name DNS can be asked about, a final answer; never a page
// error, and the HTML never runs.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { stack } from './stack';

const HTML = '<img src=x onerror=window.__pwned=1>';

const ABSURD: readonly { what: string; value: string }[] = [
  // Far beyond any field's limit (the fields cap what is typed; the rest must still be refused).
  { what: '10 000 characters', value: 'a'.repeat(10_000) },
  // NUL, BEL and an ANSI escape.
  { what: 'control characters', value: 'exa\u0000mple\u0007\u001b[31m.com' },
  // U+202E turns the rest of the text around on screen ("example.com" shown as "moc.elpmaxe").
  { what: 'a right-to-left override', value: '\u202Emoc.elpmaxe' },
  // Emoji only, no dot.
  { what: 'emoji', value: '📧😀💥' },
  // Markup that would run if it reached innerHTML.
  { what: 'HTML', value: HTML },
];

/** Collects page errors; call `assertClean` at the end of a test. */
function watch(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return {
    async assertClean() {
      expect(errors, 'page errors').toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
    },
  };
}

/** Opens a page. */
async function open(page: Page, path: string) {
  await page.goto(path);
}

/** A field once its widget is hydrated (typing into server-rendered HTML before that would be lost). */
async function live(field: Locator): Promise<Locator> {
  await field.scrollIntoViewIfNeeded();
  await expect(field.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/);
  return field;
}

/** The role=alert element a field points at through aria-describedby (the widgets' error slot). */
async function alertOf(field: Locator): Promise<Locator> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const page = field.page();
  const selector = ids.map((id) => `[id="${id}"][role="alert"]`).join(', ');
  expect(selector, 'the field names an error element in aria-describedby').not.toBe('');
  return page.locator(selector);
}

async function expectMessage(field: Locator) {
  const alert = await alertOf(field);
  await expect(alert).toHaveCount(1);
  await expect(alert).not.toBeEmpty();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
}

/**
 * Each absurd value in turn, in a field that is fine when empty: the message
 * goes when the field is cleared and comes back for the next value, so every
 * value is shown to cause its own message.
 */
async function eachAbsurd(field: Locator, after?: (what: string) => Promise<void>) {
  const alert = await alertOf(field);
  for (const { what, value } of ABSURD) {
    await test.step(what, async () => {
      await field.fill('');
      await expect(alert, `cleared before ${what}`).toBeEmpty();
      await field.fill(value);
      await expectMessage(field);
      await after?.(what);
    });
  }
}

test.describe('checker', () => {
  const url = `/en/tools/checker/?resolver=${encodeURIComponent('http://127.0.0.1:9/dns-query')}`;

  test('domain: each absurd value gets a message and disables the check', async ({ page }) => {
    const w = watch(page);
    await open(page, url);
    const field = await live(page.getByLabel('Your domain'));
    await eachAbsurd(field, async (what) => {
      await expect(page.getByRole('button', { name: 'Check records' }), what).toBeDisabled();
    });
    await w.assertClean();
  });

  // The optional fields of the generator: what they produce goes into records the reader copies.
  // A doubtful DKIM key stays in its row (shown as text) so the check can compare it with DNS;
  // report addresses and senders that cannot be used are left out of the records.
  const optional = [
    { label: /DKIM public key/, leftOut: false },
    { label: /DMARC aggregate reports/, leftOut: true },
    { label: /SPF includes of other senders/, leftOut: true },
  ];
  for (const { label, leftOut } of optional) {
    test(`${label.source}: each absurd value gets a message${leftOut ? ' and stays out of the records' : ''}`, async ({
      page,
    }) => {
      const w = watch(page);
      await open(page, url);
      await (await live(page.getByLabel('Your domain'))).fill('complete.test');
      await page.locator('details.mg-options').first().locator('summary').click();
      const field = await live(page.getByLabel(label));
      await eachAbsurd(field, async (what) => {
        if (!leftOut) return;
        const values = await page.locator('[data-record] code.mg-value').allTextContents();
        for (const v of values) expect(v, what).not.toContain('pwned');
        for (const v of values) expect(v, what).not.toMatch(/[\u0000-\u001f\u202e]|aaaaaaaaaa|📧/u);
      });
      await w.assertClean();
    });
  }
});

test.describe('SPF inspector', () => {
  test('domain: each absurd value gets a message and disables the expansion', async ({ page }) => {
    const w = watch(page);
    await open(page, '/en/tools/spf/');
    const field = await live(page.getByLabel('Domain whose SPF to inspect'));
    await eachAbsurd(field, async (what) => {
      await expect(page.getByRole('button', { name: 'Expand SPF' }), what).toBeDisabled();
    });
    await w.assertClean();
  });
});

// Lookup and propagation ask about any DNS name, including a single label
// ("com"), so emoji that make a valid IDN label are a question, not an error:
// those must end in an answer or a failure, not hang.
const nameTools = [
  { path: '/en/tools/lookup/', label: 'Name or IP address', final: '.mg-lookup-result' },
  { path: '/en/tools/propagation/', label: 'Name to look up', final: '[data-verdict]' },
] as const;

for (const tool of nameTools) {
  test.describe(tool.path, () => {
    for (const { what, value } of ABSURD) {
      test(`name: ${what} gets a message or a final answer`, async ({ page }) => {
        const w = watch(page);
        await open(page, `${tool.path}?resolver=${encodeURIComponent(stack.resolver)}`);
        const field = await live(page.getByLabel(tool.label));
        await field.fill(value);
        await field.press('Enter');
        const alert = await alertOf(field);
        await expect(async () => {
          const message = ((await alert.textContent()) ?? '').trim();
          const final = await page.locator(tool.final).count();
          expect(message !== '' || final > 0, 'a message or a final result').toBe(true);
        }).toPass({ timeout: 15_000 });
        if (((await alert.textContent()) ?? '').trim() !== '')
          await expect(field).toHaveAttribute('aria-invalid', 'true');
        await w.assertClean();
      });
    }
  });
}

test.describe('client settings card', () => {
  for (const { what, value } of ABSURD) {
    test(`address: ${what} gets a message and no download`, async ({ page }) => {
      const w = watch(page);
      let downloads = 0;
      page.on('download', () => downloads++);
      await open(page, '/en/clients/settings/');
      const field = await live(page.getByLabel('Email address'));
      await field.fill(value);
      // Enter submits the profile form (a click would first blur the field, whose message moves the button).
      await field.press('Enter');
      await expectMessage(field);
      // The person is put where the problem is.
      await expect(field).toBeFocused();
      expect(downloads).toBe(0);
      await w.assertClean();
    });
  }
});

test.describe('through the page address', () => {
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const rows = [
    // A support link whose domain is markup: refused with a message, nothing asked.
    { path: `/en/tools/checker/?${q({ domain: HTML, resolver: stack.resolver })}`, field: 'Your domain' },
    { path: `/tools/checker/?${q({ domain: '\u202Ecomplete.test', resolver: stack.resolver })}`, field: '你的域名' },
    { path: `/en/tools/checker/?${q({ domain: 'x'.repeat(10_000), resolver: stack.resolver })}`, field: 'Your domain' },
    { path: `/en/tools/spf/?${q({ domain: HTML, resolver: stack.resolver })}`, field: 'Domain whose SPF to inspect' },
    { path: `/en/tools/lookup/?${q({ name: HTML, resolver: stack.resolver })}`, field: 'Name or IP address' },
    { path: `/en/tools/propagation/?${q({ name: HTML, resolver: stack.resolver })}`, field: 'Name to look up' },
  ];
  for (const row of rows) {
    test(`${decodeURIComponent(row.path).slice(0, 70)} is refused with a message`, async ({ page }) => {
      const w = watch(page);
      await page.goto(row.path);
      await expectMessage(page.getByLabel(row.field));
      await w.assertClean();
    });
  }

  test('markup in rua, spf, provider and host of a checker link runs nothing and breaks nothing', async ({ page }) => {
    const w = watch(page);
    await page.goto(
      `/en/tools/checker/?${q({ domain: 'complete.test', rua: HTML, spf: HTML, provider: HTML, host: HTML, dmarc: HTML, resolver: stack.resolver })}`,
    );
    await expect(page.locator('[data-record="mx"]')).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });
    await w.assertClean();
  });

  test('a resolver parameter that is markup is refused plainly, and the presets are used', async ({ page }) => {
    const w = watch(page);
    await page.goto(`/en/tools/checker/?${q({ domain: 'complete.test', resolver: HTML })}`);
    await expect(page.locator('[data-resolver-notice="refused"]')).toContainText(HTML);
    await w.assertClean();
  });

  test('an address with markup on the client settings page is ignored', async ({ page }) => {
    const w = watch(page);
    await page.goto(`/en/clients/settings/?${q({ domain: HTML, provider: HTML })}`);
    await expect(page.getByLabel('Email address')).toBeVisible();
    await expect(page.getByLabel('Email address')).not.toHaveAttribute('placeholder', /img/);
    await w.assertClean();
  });
});
