// Screenshots of the built site against the local DNS stack (nothing leaves
// this machine). Builds nothing: run `npm run build` first.
//
//   npm run screenshot                       the README's checker picture (docs/checker.png)
//   npm run screenshot -- --tools DIR        every tool page at 1280 and 390 px, light and dark, into DIR
//
// The checker picture shows a support link to a domain with problems
// (weak.test: the verdict, a line per record, then the rows with their
// findings), at 1280 × 800, light theme, as a visitor sees it: the link carries
// no resolver, and the two resolvers a first visit asks (AliDNS and Google) are
// answered by the local stack.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { localContext } from './bench/browser.mjs';
import { cleanup, startDns, startTool, sleep, stopOnSignals } from './bench/processes.mjs';
import { ROOT } from './bench/project.mjs';

/** Each tool page with a link that makes it show an answer. */
export const TOOL_PAGES = [
  { name: 'checker', path: '/tools/checker/', params: { domain: 'weak.test' }, done: '[data-summary]' },
  { name: 'spf', path: '/tools/spf/', params: { domain: 'complete.test' } },
  { name: 'lookup', path: '/tools/lookup/', params: { name: 'complete.test', type: 'MX' } },
  { name: 'propagation', path: '/tools/propagation/', params: { domain: 'complete.test' } },
  // No link shows reports: the fixture reports are handed to its file input instead.
  {
    name: 'dmarc-reports',
    path: '/tools/dmarc-reports/',
    params: {},
    files: [
      'google.xml',
      'outlook.xml',
      'yahoo.xml',
      'qq.xml',
      'netease.xml',
      'rfc9990.xml',
      'draft-namespace.xml',
      'malformed.xml',
    ],
  },
];

const args = process.argv.slice(2);
const toolsDir = args.includes('--tools') ? args[args.indexOf('--tools') + 1] : undefined;
const PORT = Number(process.env.MG_SCREENSHOT_PORT ?? 4399);
const DNS_BASE = Number(process.env.MG_SCREENSHOT_DNS_BASE ?? 25650);

async function startServer() {
  const child = startTool(
    'node',
    [join(ROOT, 'scripts', 'serve.mjs'), '--port', String(PORT)],
    ['ignore', 'ignore', 'inherit'],
  );
  const origin = `http://127.0.0.1:${PORT}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error('the static server exited');
    try {
      if ((await fetch(`${origin}/`)).ok) return origin;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`no answer from ${origin}`);
}

/** The public resolvers a first visit races; their questions go to the local stack instead. */
const RACED = /^https:\/\/(?:dns\.alidns\.com|dns\.google)\/dns-query\?/;

/** Sends the raced resolvers' questions to the local stack (its answers, status and CORS headers). */
async function answerRacedLocally(context, resolver) {
  await context.route(RACED, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${resolver}${url.search}` });
    await route.fulfill({ response });
  });
}

/**
 * Opens a tool page with its link and waits until every result is final.
 * `resolver` goes into the link (?resolver=) unless it is undefined.
 */
async function openTool(context, origin, resolver, page, viewport, theme) {
  const tab = await context.newPage();
  await tab.setViewportSize(viewport);
  await tab.emulateMedia({ colorScheme: theme });
  await tab.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const q = new URLSearchParams({ ...page.params, ...(resolver ? { resolver } : {}) });
  await tab.goto(`${origin}${page.path}?${q}`);
  if (page.files) {
    await tab.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await tab
      .locator('input[type=file]')
      .setInputFiles(page.files.map((f) => join(ROOT, 'tests', 'fixtures', 'dmarc', f)));
    await tab.waitForSelector('[data-total-messages]', { timeout: 15_000 });
    await tab.waitForFunction(() => !document.querySelector('[data-ptr="pending"]'), null, { timeout: 15_000 });
  }
  if (page.done) await tab.waitForSelector(page.done, { timeout: 15_000 });
  // Final: no row still pending, and no widget still running.
  await tab.waitForFunction(
    () => !document.querySelector('[data-status="pending"], [data-spf-result="pending"], [aria-busy="true"]'),
    null,
    {
      timeout: 15_000,
    },
  );
  await tab.waitForTimeout(300);
  return tab;
}

async function main() {
  stopOnSignals();
  const stack = await startDns({ base: DNS_BASE, delayMs: 0 });
  const origin = await startServer();
  const { context } = await localContext();
  if (toolsDir) {
    mkdirSync(toolsDir, { recursive: true });
    for (const page of TOOL_PAGES) {
      for (const width of [1280, 390]) {
        for (const theme of ['light', 'dark']) {
          const tab = await openTool(context, origin, stack.urls.resolver, page, { width, height: 800 }, theme);
          const file = join(toolsDir, `${page.name}-${width}-${theme}.png`);
          await tab.screenshot({ path: file, fullPage: true });
          console.log(file);
          await tab.close();
        }
      }
    }
  } else {
    await answerRacedLocally(context, stack.urls.resolver);
    const tab = await openTool(context, origin, undefined, TOOL_PAGES[0], { width: 1280, height: 800 }, 'light');
    const file = join(ROOT, 'docs', 'checker.png');
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await tab.screenshot({ path: file });
    console.log(file);
  }
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
