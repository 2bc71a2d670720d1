// @ts-check
/**
 * How every Chromium of the project is launched: the end-to-end tests
 * (playwright.config.ts) and the benchmark (scripts/bench/browser.mjs) use
 * these, so a flag is changed in one place.
 */
import { existsSync } from 'node:fs';

/**
 * Chromium flags for tests and measurements: no sandbox (containers, root),
 * no GPU, and none of the browser's own background traffic (updates, sync,
 * first-run pages), so every request a run sees comes from the page.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/**
 * The Chromium to run: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * undefined (Playwright then uses its own browser if one is installed; nothing
 * is ever downloaded during a run).
 * @returns {string | undefined}
 */
export function chromiumPath() {
  return process.env['CHROMIUM_PATH'] || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}
