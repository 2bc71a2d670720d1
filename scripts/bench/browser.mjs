// The benchmark's browsers: Playwright's Chromium for timing and weighing
// pages, and a Chromium for Lighthouse. Both use the project's Chromium and
// flags (scripts/chromium.mjs) and can reach this machine only.
import { CHROMIUM_FLAGS, chromiumPath } from '../chromium.mjs';
import { onCleanup } from './processes.mjs';

/** No host but this machine resolves. */
const LOCAL_ONLY_FLAG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';
export const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
export const CHROMIUM = chromiumPath();

let browser;
/** One Playwright Chromium for the whole run, closed at cleanup. */
async function getBrowser() {
  if (browser) return browser;
  const { chromium } = await import('playwright');
  // Our SIGINT/SIGTERM handler closes it (see processes.mjs), not Playwright's.
  browser = await chromium.launch({
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    // The local HTTPS DoH listener has a throw-away self-signed certificate.
    args: [...CHROMIUM_FLAGS, LOCAL_ONLY_FLAG, '--ignore-certificate-errors'],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const b = browser;
  onCleanup(() => b.close());
  return browser;
}

const isLocal = (url) => LOCAL_HOSTS.has(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:';

/**
 * A browser context whose pages can only reach this machine; offsite attempts
 * are recorded in `offsite`. With `intercept: false` requests are only
 * watched: Playwright's request interception costs a round trip per request
 * (it slows every module of the page), so timing runs rely on the
 * host-resolver rule alone.
 */
export async function localContext({ intercept = true } = {}) {
  const b = await getBrowser();
  const context = await b.newContext();
  const offsite = [];
  if (!intercept) {
    context.on('request', (req) => {
      const url = new URL(req.url());
      if (!isLocal(url)) offsite.push(url.href);
    });
    return { context, offsite };
  }
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (isLocal(url)) return route.continue();
    offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, offsite };
}

/**
 * chrome-launcher's default flags, with paint holding off as well. Paint holding keeps the
 * previous page on screen after a navigation until the new one is ready; in a headless
 * browser driven page after page in one tab, it held the first paint of our tool pages
 * until its timeout, at 1.2 s or 2.2 s instead of about 0.3 s, at random, and Lighthouse
 * then counted that wait as the page's (speed index 3.8 s). Playwright turns it off for the
 * same reason (microsoft/playwright#28023); chrome-launcher's flag guide lists the switch.
 * The feature joins chrome-launcher's own --disable-features list (one switch, not two).
 * @param {string[]} defaults
 */
export function lighthouseFlags(defaults) {
  const disable = '--disable-features=';
  const flags = defaults.map((f) => (f.startsWith(disable) ? `${f},PaintHolding` : f));
  if (!flags.some((f) => f.startsWith(disable))) flags.push(`${disable}PaintHolding`);
  return flags;
}

/** A headless Chromium for Lighthouse (it drives it over its debugging port); killed at cleanup. */
export async function launchForLighthouse() {
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    ...(CHROMIUM ? { chromePath: CHROMIUM } : {}),
    ignoreDefaultFlags: true,
    chromeFlags: [...lighthouseFlags(chromeLauncher.Launcher.defaultFlags()), '--headless=new', ...CHROMIUM_FLAGS, LOCAL_ONLY_FLAG],
    logLevel: 'silent',
    handleSIGINT: false, // our handler kills it (see processes.mjs)
  });
  onCleanup(() => chrome.kill());
  return chrome;
}
