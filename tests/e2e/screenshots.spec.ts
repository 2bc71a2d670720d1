// Screenshots of every tool page with its results on screen, at 1280 and 390 px,
// in light and dark mode, for a person to look at (issue #15: "look before you
// ship"). They are written outside the repository: to $MG_SCREENSHOT_DIR, or
// <tmp>/mg-screenshots/. Each page is opened and brought to its results once;
// the width and the colour scheme are then changed in place (the widgets lay
// themselves out by container queries, Starlight follows the colour scheme).
// Nothing is compared: the layout itself is asserted in layout.spec.ts.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from './fixtures';
import { PROPAGATION_PRESETS, TOOL_PAGES } from './tool-pages';

const DIR = process.env.MG_SCREENSHOT_DIR ?? join(tmpdir(), 'mg-screenshots');

test.use({ presets: PROPAGATION_PRESETS });

test.beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
});

for (const tool of TOOL_PAGES) {
  test(`${tool.name}: screenshots at 1280 and 390 px, light and dark`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await tool.open(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
        const path = join(DIR, `${tool.name}-${width}-${scheme}.png`);
        // The page from its top to the end of its last widget (the text below is not the tool's).
        const bottom = await page.evaluate(() =>
          Math.max(window.innerHeight, ...[...document.querySelectorAll('.mg-widget')].map((w) => w.getBoundingClientRect().bottom + window.scrollY + 24)),
        );
        await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height: Math.ceil(bottom) } });
        test.info().annotations.push({ type: 'screenshot', description: path });
      }
    }
  });
}
