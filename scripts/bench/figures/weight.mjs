// Figure: page weight. What each kind of page loads (JavaScript, CSS, HTML,
// gzip level 9), whether it loads React, and the size of dist/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import { LOCAL_HOSTS, localContext } from '../browser.mjs';
import { DIST, distFigures } from '../project.mjs';

const gz = (buf) => gzipSync(buf, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
const kb = (bytes) => bytes / 1024;

const WEIGHT_PAGES = [
  { path: '/', kind: 'home' },
  { path: '/start/overview/', kind: 'text' },
  { path: '/en/reference/ports/', kind: 'text' },
  { path: '/tools/checker/', kind: 'checker' },
  { path: '/troubleshooting/not-receiving/', kind: 'widgets' },
];
// The checker page's budget with React 19 (issue 15), as tests/e2e/weight.ts enforces it in `npm test`.
const CHECKER_JS_LIMIT_KB = 105;

async function pageWeight(context, origin, path) {
  const page = await context.newPage();
  const responses = new Map();
  page.on('response', (res) => {
    const req = res.request();
    const u = new URL(res.url());
    if (!LOCAL_HOSTS.has(u.hostname)) return;
    const type = req.resourceType();
    let mainDoc = false;
    try {
      mainDoc = type === 'document' && req.frame() === page.mainFrame();
    } catch {
      /* a worker's request has no frame */
    }
    const kind =
      mainDoc
        ? 'html'
        : type === 'script' || /\.m?js$/.test(u.pathname)
          ? 'js'
          : type === 'stylesheet' || u.pathname.endsWith('.css')
            ? 'css'
            : undefined;
    if (kind && !responses.has(u.href)) responses.set(u.href, { kind, res });
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  // A tool hydrates after the load event and a frame, once it is near the screen (client:tool):
  // its code is part of what the page loads, so wait for that before the network settles.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
  await page.waitForLoadState('networkidle');
  const islands = await page.locator('astro-island').count();
  const sums = { js: 0, css: 0, html: 0, jsRaw: 0 };
  const scripts = [];
  let react = islands > 0;
  for (const [href, { kind, res }] of responses) {
    let body;
    try {
      body = await res.body();
    } catch {
      // Fall back to the built file.
      const file = join(DIST, decodeURIComponent(new URL(href).pathname));
      body = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    }
    const size = gz(body);
    sums[kind] += size;
    if (kind === 'js') {
      sums.jsRaw += body.length;
      const text = body.toString('utf8');
      const isReact = /react-dom|__reactFiber/.test(text);
      if (isReact) react = true;
      scripts.push({ file: new URL(href).pathname, gzipBytes: size, react: isReact });
    }
  }
  await page.close();
  return { path, islands, react, jsGzip: sums.js, jsRaw: sums.jsRaw, cssGzip: sums.css, htmlGzip: sums.html, scripts };
}

async function run({ origin, report }) {
  console.error('▶ weight …');
  const { context, offsite } = await localContext();
  const pages = [];
  try {
    for (const p of WEIGHT_PAGES) pages.push({ ...p, ...(await pageWeight(context, origin, p.path)) });
  } finally {
    await context.close();
  }
  const d = distFigures();
  report.section('Weight — gzip level 9 of what the page loads (KB)');
  for (const p of pages) {
    const js = kb(p.jsGzip);
    let target = '';
    let ok;
    if (p.kind === 'text') {
      target = 'no React';
      ok = !p.react;
    } else if (p.kind === 'checker') {
      target = `JS ≤ ${CHECKER_JS_LIMIT_KB} KB`;
      ok = js <= CHECKER_JS_LIMIT_KB;
    }
    report.row(
      p.path,
      `JS ${js.toFixed(1)} · CSS ${kb(p.cssGzip).toFixed(1)} · HTML ${kb(p.htmlGzip).toFixed(1)} · React ${p.react ? 'yes' : 'no'} (${p.scripts.length} scripts, ${p.islands} islands)`,
      target,
      ok,
    );
  }
  report.row('dist/ total', `${(d.bytes / 1024 / 1024).toFixed(2)} MB in ${d.files} files`);
  if (offsite.length) report.note(`Blocked offsite requests (weight): ${[...new Set(offsite)].join(', ')}`);
  return { pages, dist: d, offsite };
}

/** @type {import('./index.mjs').Figure} */
export default {
  id: 'weight',
  needs: 'site',
  describe: 'JS, CSS and HTML (gzip) each kind of page loads',
  run,
};
