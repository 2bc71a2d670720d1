// What a visitor does to a tool before its code has arrived is kept: the
// island's code is held back (as on a slow line) while the test types, picks,
// pastes or drops; once it arrives, the tool acts on exactly that. React
// alone would keep typed text on screen but not in its state, so the next
// render wiped it (src/integrations/directives/tool.ts).
import type { Page } from '@playwright/test';
import { fixture } from './dmarc-files';
import { expect, test } from './fixtures';
import { stack } from './stack';
import { MSG_TEST_HEADER } from './tool-pages';

/** Holds every script of the site until `release()`; the page's HTML and styles come at once. */
async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/.*\.js(\?.*)?$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const island = (page: Page) => page.locator('astro-island[client="tool"]').first();

test.describe('before the code arrives', () => {
  test.use({ presets: { alidns: stack.resolver, dnspod: stack.resolver } });

  test('a name typed and a type picked in the lookup are looked up as they are', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto('/en/tools/lookup/', { waitUntil: 'commit' });
    const name = page.getByRole('textbox', { name: 'Name or IP address' });
    await name.click();
    await page.keyboard.type('complete.test');
    await page.getByLabel('Record type').selectOption('MX');
    // Nothing has run: the code is still held.
    await expect(island(page)).toHaveAttribute('ssr', '');
    release();
    await expect(island(page)).not.toHaveAttribute('ssr', /.*/);
    await expect(name).toHaveValue('complete.test');
    await expect(page.getByLabel('Record type')).toHaveValue('MX');
    // The tool holds them too: Enter looks up that name and type.
    await name.press('Enter');
    const result = page.locator('[data-rcode]');
    await expect(result).toHaveAttribute('data-rcode', 'NOERROR', { timeout: 15_000 });
    await expect(result).toContainText('mx1.qiye.aliyun.com.');
    const url = new URL(page.url());
    expect([url.searchParams.get('name'), url.searchParams.get('type')]).toEqual(['complete.test', 'MX']);
  });

  for (const tool of [
    // The server draws the lookup's button enabled: Enter sends the form, which the browser would load as a new page.
    { path: '/en/tools/lookup/', field: 'Name or IP address', done: '[data-rcode="NOERROR"]', param: 'name' },
    // The checker's is drawn disabled (nothing typed yet): Enter sends nothing in the browser.
    { path: '/en/tools/checker/', field: 'Your domain', done: '[data-summary][data-fail="0"]', param: 'domain' },
  ]) {
    test(`Enter pressed in ${tool.path} before the code arrives runs it once the code is there, on the same page`, async ({
      page,
    }) => {
      const release = await holdScripts(page);
      await page.goto(tool.path, { waitUntil: 'commit' });
      const field = page.getByLabel(tool.field);
      await field.click();
      await page.keyboard.type('complete.test');
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      await page.keyboard.press('Enter');
      await expect(island(page)).toHaveAttribute('ssr', '');
      release();
      await expect(page.locator(tool.done)).toBeVisible({ timeout: 15_000 });
      // The same page: not loaded again with the form's fields in its address.
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      const url = new URL(page.url());
      expect(url.searchParams.get(tool.param)).toBe('complete.test');
      expect([...url.searchParams.keys()].filter((k) => k.includes('order'))).toEqual([]);
    });
  }

  test('a word still being composed in an input method is left alone until it is done', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto('/en/tools/lookup/', { waitUntil: 'commit' });
    const name = page.getByRole('textbox', { name: 'Name or IP address' });
    await name.click();
    // As an input method does: a composition starts, and text arrives while it runs.
    await name.dispatchEvent('compositionstart');
    await page.keyboard.insertText('complete.test');
    release();
    // All the code has arrived (nothing more on the network), and two frames
    // have passed; but the word is not finished, so the field is not touched.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expect(island(page)).toHaveAttribute('ssr', '');
    await expect(name).toHaveValue('complete.test');
    await name.dispatchEvent('compositionend');
    await expect(island(page)).not.toHaveAttribute('ssr', /.*/);
    await name.press('Enter');
    await expect(page.locator('[data-rcode]')).toHaveAttribute('data-rcode', 'NOERROR', { timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('name')).toBe('complete.test');
  });

  test('a domain typed in the checker is the one checked', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto('/en/tools/checker/', { waitUntil: 'commit' });
    const domain = page.getByLabel('Your domain');
    await domain.click();
    await page.keyboard.type('complete.test');
    await expect(island(page)).toHaveAttribute('ssr', '');
    release();
    await expect(island(page)).not.toHaveAttribute('ssr', /.*/);
    // The address, read once the tool has its resolvers, names no domain: what was typed stays.
    await page.getByRole('button', { name: 'Check records' }).click();
    await expect(page.locator('[data-summary]')).toHaveAttribute('data-fail', '0', { timeout: 15_000 });
    await expect(domain).toHaveValue('complete.test');
    expect(new URL(page.url()).searchParams.get('domain')).toBe('complete.test');
  });

  test('"Copy link for support" pressed before the code arrives copies the link once it is there', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // What this page writes to the clipboard, noted in the page: the clipboard itself is shared
    // with the other tests running beside this one.
    await page.addInitScript(() => {
      const w = window as unknown as { copied: string[] };
      w.copied = [];
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        w.copied.push(text);
        return write(text);
      };
    });
    const copied = () => page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    const release = await holdScripts(page);
    await page.goto('/en/tools/checker/', { waitUntil: 'commit' });
    const copy = page.getByRole('button', { name: 'Copy link for support' });
    await copy.click();
    await expect(island(page)).toHaveAttribute('ssr', '');
    // The click alone has copied nothing: the button has no code yet.
    expect(await copied()).toEqual([]);
    release();
    await expect(island(page)).not.toHaveAttribute('ssr', /.*/);
    // Pressed again once, for the visitor: the page's link is copied, once.
    await expect.poll(copied).toEqual([page.url()]);
  });

  test('a message pasted into the analyser is the one analysed', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto('/en/tools/message/', { waitUntil: 'commit' });
    const box = page.getByRole('textbox', { name: 'Message source or bounce' });
    const message = [...MSG_TEST_HEADER, '', 'Hello Li,', ''].join('\r\n');
    // As a paste: the whole text arrives at once, with no key pressed in the box.
    await box.fill(message);
    await expect(island(page)).toHaveAttribute('ssr', '');
    release();
    await expect(island(page)).not.toHaveAttribute('ssr', /.*/);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await expect(page.locator('[data-widget="message-analyser"] [data-phase="done"]')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('[data-hop]').first()).toContainText('mail.msg.test');
    await expect(box).toHaveValue(message.replace(/\r\n/g, '\n'));
  });

  test('a report dropped on the viewer is read, and the page stays', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto('/en/tools/dmarc-reports/', { waitUntil: 'commit' });
    const zone = page.locator('[data-drop-zone]');
    await expect(zone).toBeVisible();
    const bytes = [...fixture('qq.xml')];
    const kept = await zone.evaluate((el, data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'qq.xml', { type: 'text/xml' }));
      for (const type of ['dragenter', 'dragover'])
        el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      // Not cancelled, the drop would make the browser open the file in place of the page.
      return !el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    expect(kept, 'the drop is taken, not left to the browser').toBe(true);
    release();
    await expect(page.locator('[data-total-messages]')).toHaveAttribute('data-total-messages', '11', {
      timeout: 15_000,
    });
    await expect(page.locator('[data-report]')).toHaveCount(1);
  });
});
