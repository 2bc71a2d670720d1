// `npm run bench`: figures a reviewer can reproduce, each printed next to its
// target with ✓/✗. Not a test: it asserts nothing and always exits 0 unless the
// benchmark itself cannot run. Everything stays on 127.0.0.1: the local DoH
// stack (tests/dns/stack.mjs), `astro preview`, and Chromium, whose requests to
// any other host are aborted (Playwright) or never resolved (Lighthouse).
//
//   npm run bench                         build, then every figure
//   npm run bench -- --skip-build         use the existing dist/
//   npm run bench -- --only latency       one figure: build | latency | weight | lighthouse
//   npm run bench -- --delay 500          slow-resolver delay D in ms (or MG_BENCH_DELAY_MS)
// Ports: DNS stack base MG_BENCH_DNS_PORT_BASE (25650), preview 4339 (MG_BENCH_PREVIEW_PORT).
// Results: bench-results/latest.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outDir = join(root, 'bench-results');
const bin = (name) => join(root, 'node_modules', '.bin', name);

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const opts = { skipBuild: false, only: undefined, delayMs: Number(process.env.MG_BENCH_DELAY_MS ?? 300) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--skip-build') opts.skipBuild = true;
    else if (a.startsWith('--only')) opts.only = value();
    else if (a.startsWith('--delay')) opts.delayMs = Number(value());
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--skip-build] [--only build|latency|weight|lighthouse] [--delay MS]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (opts.only !== undefined && !['build', 'latency', 'weight', 'lighthouse'].includes(opts.only)) {
    throw new Error(`--only must be build, latency, weight or lighthouse (got ${opts.only})`);
  }
  if (!Number.isFinite(opts.delayMs) || opts.delayMs < 10) throw new Error(`bad delay: ${opts.delayMs}`);
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const wants = (figure) => opts.only === undefined || opts.only === figure;
const DNS_BASE = Number(process.env.MG_BENCH_DNS_PORT_BASE ?? 25650);
const PREVIEW_PORT = Number(process.env.MG_BENCH_PREVIEW_PORT ?? 4339);
const ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Same flags as playwright.config.ts, plus: no host but this machine resolves.
const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const LOCAL_ONLY_FLAG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const LATENCY_RUNS = 5;
const SEQ_RUNS = 3;

// ---------------------------------------------------------------- cleanup
const cleanups = [];
let cleaning;
/** Stops everything this script started, last started first; every caller awaits the same run. */
function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch {
        /* best effort */
      }
    }
  })();
  return cleaning;
}
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${sig}: stopping the servers …`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** Stops a child we started, by its process id. */
function killChild(child) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      resolve();
    }, 3000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      clearTimeout(t);
      resolve();
    }
  });
}

// The Node running this script (24) comes first on PATH for the Astro children.
const childEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1' };

// ---------------------------------------------------------------- helpers
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const gz = (buf) => gzipSync(buf, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
const kb = (bytes) => bytes / 1024;
const mark = (ok) => (ok === undefined ? ' ' : ok ? '✓' : '✗');

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Rows of the printed table: [figure, value, target, ok]. */
const table = [];
const section = (title) => table.push({ section: title });
const row = (figure, value, target = '', ok = undefined) => table.push({ figure, value, target, ok });
const notes = [];
const results = {
  startedAt: new Date().toISOString(),
  machine: { cpus: availableParallelism(), node: process.version, chromium: CHROMIUM, loadAtStart: loadavg()[0] },
  options: { ...opts, dnsPortBase: DNS_BASE, previewPort: PREVIEW_PORT },
};

async function portFree(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------- 1. build
async function runBuild() {
  console.error('▶ astro build …');
  const started = performance.now();
  const child = spawn(bin('astro'), ['build'], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => killChild(child));
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    console.error(log.slice(-4000));
    throw new Error(`astro build failed (${code})`);
  }
  results.build = { seconds };
  return seconds;
}

function distFigures() {
  const files = walk(dist);
  const pages = files.filter((f) => f.endsWith(`${'/'}index.html`)).length;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  return { pages, files: files.length, bytes };
}

// ---------------------------------------------------------------- servers
async function startPreview() {
  if (!(await portFree(PREVIEW_PORT))) throw new Error(`port ${PREVIEW_PORT} is already in use (MG_BENCH_PREVIEW_PORT)`);
  const child = spawn(bin('astro'), ['preview', '--host', '127.0.0.1', '--port', String(PREVIEW_PORT), '--ignore-lock'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  cleanups.push(() => killChild(child));
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited: ${err.slice(-2000)}`);
    try {
      const res = await fetch(`${ORIGIN}/`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return child;
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
  throw new Error(`astro preview did not answer on ${ORIGIN}: ${err.slice(-2000)}`);
}

async function startDns(delayMs) {
  const { startStack } = await import(pathToFileURL(join(root, 'tests', 'dns', 'stack.mjs')).href);
  const stack = await startStack({ base: DNS_BASE, delayMs, tls: true });
  let stopped = false;
  const stop = () => {
    if (!stopped) stack.stop();
    stopped = true;
  };
  cleanups.push(stop);
  return { ...stack, stop };
}

let browser;
async function getBrowser() {
  if (browser) return browser;
  const { chromium } = await import('playwright');
  // Our SIGINT/SIGTERM handler closes it (see cleanup), not Playwright's.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The local HTTPS DoH listener has a throw-away self-signed certificate.
    args: [...CHROME_FLAGS, LOCAL_ONLY_FLAG, '--ignore-certificate-errors'],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => browser.close());
  return browser;
}

/** A context whose pages can only reach this machine; offsite attempts are recorded. */
async function localContext({ intercept = true } = {}) {
  const b = await getBrowser();
  const context = await b.newContext();
  const offsite = [];
  if (!intercept) {
    // Timing runs: Playwright's request interception costs a round trip per request (it
    // slows every module of the page), so only watch; --host-resolver-rules already keeps
    // every request on this machine.
    context.on('request', (req) => {
      const url = new URL(req.url());
      if (!LOCAL_HOSTS.has(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:') offsite.push(url.href);
    });
    return { context, offsite };
  }
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_HOSTS.has(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, offsite };
}

// ---------------------------------------------------------------- 2. latency
/** Bundles the TypeScript core so Node can import it. */
async function loadCore() {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'core.bundle.mjs');
  await build({
    entryPoints: [join(root, 'src', 'core', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/**
 * Groups the times questions were actually sent (not queued) into waves: a new
 * wave begins once the current wave's first question is ≥ D/2 old. Returns the wave sizes.
 */
function waves(sent, delayMs) {
  const s = [...sent].sort((a, b) => a - b);
  const sizes = [];
  let waveStart = -Infinity;
  for (const t of s) {
    if (t - waveStart >= delayMs / 2) {
      sizes.push(0);
      waveStart = t;
    }
    sizes[sizes.length - 1]++;
  }
  return sizes;
}

function maxInFlight(spans) {
  const ev = spans.flatMap(([a, b]) => [
    [a, 1],
    [b, -1],
  ]);
  ev.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of ev) max = Math.max(max, (cur += d));
  return max;
}

async function browserLatency(stack, D, resolverUrl) {
  const { context, offsite } = await localContext({ intercept: false });
  const url = `${ORIGIN}/tools/checker/?domain=complete.test&resolver=${encodeURIComponent(resolverUrl)}`;
  const runs = [];
  try {
    for (let i = 0; i < LATENCY_RUNS; i++) {
      const page = await context.newPage();
      const dns = new Map();
      page.on('request', (req) => {
        if (req.url().startsWith(resolverUrl)) dns.set(req, { start: Date.now(), end: undefined });
      });
      const ended = (req) => {
        const r = dns.get(req);
        if (!r) return;
        r.end = Date.now();
        // When the request really left (after waiting for a free connection), in epoch ms.
        const t = req.timing();
        if (t.requestStart >= 0) r.sent = t.startTime + t.requestStart;
        if (t.responseEnd >= 0) r.end = t.startTime + t.responseEnd;
      };
      page.on('requestfinished', ended);
      page.on('requestfailed', ended);
      // When the island has hydrated (Astro removes its ssr attribute then).
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          const island = document.querySelector('astro-island');
          if (island && !island.hasAttribute('ssr')) {
            /** @type {any} */ (window).__mgHydrated = performance.now();
            obs.disconnect();
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['ssr'] });
      });
      const navAt = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        () => {
          const rows = [...document.querySelectorAll('[data-record]')];
          const done = rows.length > 0 && rows.every((r) => { const s = r.getAttribute('data-status'); return s !== null && s !== 'pending'; });
          return done ? { ms: performance.now(), rows: rows.map((r) => `${r.getAttribute('data-record')}=${r.getAttribute('data-status')}`) } : false;
        },
        undefined,
        { polling: 10, timeout: 30_000 },
      );
      const { ms, rows: statuses } = await handle.jsonValue();
      // Clock offset between the page's time origin and Node's Date.now().
      const origin = await page.evaluate(() => performance.timeOrigin);
      // Where the page's own time goes before the first question: HTML, parsing, the scripts.
      const timeline = await page.evaluate(() => {
        const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
        const res = performance.getEntriesByType('resource').filter((e) => e.name.includes('/_astro/') && e.name.endsWith('.js'));
        const last = (re) => Math.max(0, ...res.filter((e) => re.test(e.name)).map((e) => e.responseEnd));
        return {
          html: nav ? Math.round(nav.responseEnd) : NaN,
          domInteractive: nav ? Math.round(nav.domInteractive) : NaN,
          earlyScripts: Math.round(last(/\/(early|core|resolverChoice|urlParams|Checker\.astro)[^/]*\.js$/)),
          island: Math.round(last(/\/(client|Checker)\.[^/]*\.js$/)),
          hydrated: Math.round(/** @type {any} */ (window).__mgHydrated ?? NaN),
        };
      });
      const spans = [...dns.values()].map((r) => [(r.sent ?? r.start) - origin, (r.end ?? Date.now()) - origin]);
      const queued = [...dns.values()].map((r) => r.start - origin);
      const names = [...dns.keys()].map((req) => req.url().slice(resolverUrl.length));
      const firstQuery = queued.length ? Math.min(...queued) : NaN;
      runs.push({
        ms,
        questions: dns.size,
        firstQueryMs: firstQuery,
        waves: waves(spans.map((s) => s[0]), D),
        maxInFlight: maxInFlight(spans),
        statuses,
        navToCommitMs: origin - navAt,
        timeline,
        // Each DNS question: [sent, answered] in ms after navigation start, and its name/type.
        spans: spans.map(([a, b], k) => [Math.round(queued[k] ?? NaN), Math.round(a), Math.round(b), names[k]]),
      });
      await page.close();
    }
  } finally {
    await context.close();
  }
  return { runs, offsite };
}

async function nodeCheck(core, stack, serial) {
  const { checkDomain, buildExpectedRecords, createDohClient, customResolver, getProviderOrDefault, normaliseDomain } = core;
  const domain = normaliseDomain('complete.test');
  if (!domain.ok) throw new Error('normaliseDomain refused complete.test');
  const provider = getProviderOrDefault('aliyun-cn');
  const expected = buildExpectedRecords({ domain: domain.ascii, provider, dmarc: { policy: 'quarantine' } });
  const client = createDohClient({ fetch: globalThis.fetch.bind(globalThis), resolvers: [customResolver(stack.urls.slow)] });
  const run = client.newRun();
  let questions = 0;
  let inFlight = 0;
  let maxIn = 0;
  let chain = Promise.resolve();
  const counted = (name, type, signal) => {
    questions++;
    maxIn = Math.max(maxIn, ++inFlight);
    const p = run(name, type, signal);
    p.then(() => inFlight--, () => inFlight--);
    return p;
  };
  // One question at a time: each waits for the previous one to settle.
  const query = serial
    ? (name, type, signal) => {
        const p = chain.then(() => counted(name, type, signal));
        chain = p.then(() => undefined, () => undefined);
        return p;
      }
    : counted;
  const started = performance.now();
  const rows = await checkDomain({ domain: domain.ascii, expected, provider, query });
  return { ms: performance.now() - started, questions, maxInFlight: maxIn, statuses: rows.map((r) => `${r.id}=${r.status}`) };
}

async function runLatency(D) {
  console.error(`▶ latency (D = ${D} ms) …`);
  const stack = await startDns(D);
  // Public DoH resolvers answer over HTTPS with HTTP/2 (every question multiplexed on one
  // connection): measured against the stack's HTTPS listener. The plain-HTTP/1.1 listener
  // (at most 6 connections per host in Chromium) is measured too, for comparison.
  const browserRes = await browserLatency(stack, D, stack.urls.tlsSlow);
  const browserH1 = await browserLatency(stack, D, stack.urls.slow);
  const core = await loadCore();
  const seq = [];
  for (let i = 0; i < SEQ_RUNS; i++) seq.push(await nodeCheck(core, stack, true));
  const par = [];
  for (let i = 0; i < SEQ_RUNS; i++) par.push(await nodeCheck(core, stack, false));
  stack.stop();
  const b = median(browserRes.runs.map((r) => r.ms));
  const s = median(seq.map((r) => r.ms));
  const p = median(par.map((r) => r.ms));
  const mid = [...browserRes.runs].sort((x, y) => x.ms - y.ms)[browserRes.runs.length >> 1];
  results.latency = { delayMs: D, browser: { medianMs: b, transport: 'https/h2', ...browserRes }, browserHttp1: { medianMs: median(browserH1.runs.map((r) => r.ms)), ...browserH1 }, nodeSequential: { medianMs: s, runs: seq }, nodeParallel: { medianMs: p, runs: par } };
  section(`Check latency — complete.test, slow resolver D = ${D} ms`);
  row(
    `Browser check over HTTPS/HTTP2, median of ${LATENCY_RUNS}`,
    `${b.toFixed(0)} ms = ${(b / D).toFixed(2)} × D`,
    `≤ 2.5 × D (${(2.5 * D).toFixed(0)} ms)`,
    b <= 2.5 * D,
  );
  row('  runs (first = cold caches)', browserRes.runs.map((r) => r.ms.toFixed(0)).join(', '));
  row('  first DNS question after navigation', `${mid.firstQueryMs.toFixed(0)} ms`);
  const tl = mid.timeline;
  row('    the page', `HTML ${tl.html} ms · parsed ${tl.domInteractive} ms · check code loaded ${tl.earlyScripts} ms · widget code loaded ${tl.island} ms · widget hydrated ${tl.hydrated} ms`);
  const lastAnswer = Math.max(...mid.spans.map((sp) => sp[2]));
  row('    last DNS answer', `${lastAnswer} ms (rows are drawn once the widget has hydrated)`);
  row('  first question → all rows final', `${(mid.ms - mid.firstQueryMs).toFixed(0)} ms = ${((mid.ms - mid.firstQueryMs) / D).toFixed(2)} × D`);
  row('  DNS questions sent per check', browserRes.runs.map((r) => r.questions).join(', '));
  row('  sent in waves / max in flight', `${mid.waves.length} waves (${mid.waves.join('+')}) / ${mid.maxInFlight}`);
  const h1 = median(browserH1.runs.map((r) => r.ms));
  const h1mid = [...browserH1.runs].sort((x, y) => x.ms - y.ms)[browserH1.runs.length >> 1];
  row(`Same over plain HTTP/1.1, median of ${LATENCY_RUNS}`, `${h1.toFixed(0)} ms = ${(h1 / D).toFixed(2)} × D`, `(${h1mid.waves.length} waves: ${h1mid.waves.join('+')}; 6 connections per host)`);
  row(`Node, one query at a time, median of ${SEQ_RUNS}`, `${s.toFixed(0)} ms = ${(s / D).toFixed(2)} × D`, `(${seq[0].questions} questions)`);
  row('  sequential / browser parallel', `${(s / b).toFixed(2)} ×`);
  row(`Node, parallel (reference), median of ${SEQ_RUNS}`, `${p.toFixed(0)} ms = ${(p / D).toFixed(2)} × D`);
  const badRows = mid.statuses.filter((x) => !/=(ok)$/.test(x));
  if (badRows.length) notes.push(`Checker rows not ok for complete.test: ${badRows.join(', ')}`);
  if (browserRes.offsite.length) notes.push(`Blocked offsite requests (latency): ${[...new Set(browserRes.offsite)].join(', ')}`);
}

// ---------------------------------------------------------------- 3. weight
const WEIGHT_PAGES = [
  { path: '/', kind: 'home' },
  { path: '/start/overview/', kind: 'text' },
  { path: '/en/reference/ports/', kind: 'text' },
  { path: '/tools/checker/', kind: 'checker' },
  { path: '/troubleshooting/not-receiving/', kind: 'widgets' },
];
const CHECKER_JS_LIMIT_KB = 90;

async function pageWeight(context, path) {
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
  await page.goto(`${ORIGIN}${path}`, { waitUntil: 'networkidle' });
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
      const file = join(dist, decodeURIComponent(new URL(href).pathname));
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

async function runWeight() {
  console.error('▶ weight …');
  const { context, offsite } = await localContext();
  const pages = [];
  try {
    for (const p of WEIGHT_PAGES) pages.push({ ...p, ...(await pageWeight(context, p.path)) });
  } finally {
    await context.close();
  }
  const d = distFigures();
  results.weight = { pages, dist: d, offsite };
  section('Weight — gzip level 9 of what the page loads (KB)');
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
    row(
      p.path,
      `JS ${js.toFixed(1)} · CSS ${kb(p.cssGzip).toFixed(1)} · HTML ${kb(p.htmlGzip).toFixed(1)} · React ${p.react ? 'yes' : 'no'} (${p.scripts.length} scripts, ${p.islands} islands)`,
      target,
      ok,
    );
  }
  row('dist/ total', `${(d.bytes / 1024 / 1024).toFixed(2)} MB in ${d.files} files`);
  if (offsite.length) notes.push(`Blocked offsite requests (weight): ${[...new Set(offsite)].join(', ')}`);
}

// ---------------------------------------------------------------- 4. lighthouse
const LH_PAGES = ['/', '/dns/spf/', '/tools/checker/'];
const LH_CATEGORIES = [
  { id: 'performance', short: 'perf', target: 95 },
  { id: 'accessibility', short: 'a11y', target: 100 },
  { id: 'best-practices', short: 'BP', target: 100 },
  { id: 'seo', short: 'SEO', target: 100 },
];

async function runLighthouse() {
  console.error('▶ lighthouse …');
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      LOCAL_ONLY_FLAG,
    ],
    logLevel: 'silent',
    handleSIGINT: false, // our handler kills it (see cleanup)
  });
  cleanups.push(() => chrome.kill());
  const pages = [];
  try {
    for (const path of LH_PAGES) {
      const started = performance.now();
      const result = await lighthouse(`${ORIGIN}${path}`, {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: LH_CATEGORIES.map((c) => c.id),
      });
      if (!result) throw new Error(`lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      const scores = {};
      const failing = {};
      for (const c of LH_CATEGORIES) {
        const cat = lhr.categories[c.id];
        scores[c.id] = cat?.score == null ? null : Math.round(cat.score * 100);
        failing[c.id] = (cat?.auditRefs ?? [])
          .filter((ref) => {
            const a = lhr.audits[ref.id];
            return a && a.score !== null && a.score < 1 && (c.id !== 'performance' || ref.weight > 0);
          })
          .map((ref) => `${ref.id} (${Math.round(lhr.audits[ref.id].score * 100)})`);
      }
      // Where main-thread time went (for a low TBT): the costliest scripts.
      const bootup = (lhr.audits['bootup-time']?.details?.items ?? [])
        .slice()
        .sort((a, b) => (b.total ?? 0) - (a.total ?? 0))
        .slice(0, 3)
        .map((it) => `${String(it.url).replace(ORIGIN, '')} ${Math.round(it.total ?? 0)} ms`);
      pages.push({
        path,
        scores,
        bootup,
        failing,
        runtimeError: lhr.runtimeError?.code,
        warnings: lhr.runWarnings,
        seconds: (performance.now() - started) / 1000,
        metrics: Object.fromEntries(
          ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [
            id,
            lhr.audits[id]?.displayValue,
          ]),
        ),
      });
    }
  } finally {
    await chrome.kill();
  }
  results.lighthouse = { pages };
  section('Lighthouse 13 — mobile preset, simulated throttling');
  for (const p of pages) {
    const all = LH_CATEGORIES.every((c) => (p.scores[c.id] ?? -1) >= c.target);
    row(p.path, LH_CATEGORIES.map((c) => `${c.short} ${p.scores[c.id] ?? '–'}`).join(' · '), 'perf ≥ 95, others 100', all);
    for (const c of LH_CATEGORIES) {
      if ((p.scores[c.id] ?? -1) < c.target && p.failing[c.id].length) {
        notes.push(`Lighthouse ${p.path} ${c.short} ${p.scores[c.id]}: ${p.failing[c.id].join(', ')}`);
        if (c.id === 'performance' && p.bootup.length) notes.push(`  main-thread time by script (throttled): ${p.bootup.join('; ')}`);
      }
    }
    if (p.runtimeError) notes.push(`Lighthouse ${p.path}: runtime error ${p.runtimeError}`);
    for (const w of p.warnings ?? []) notes.push(`Lighthouse ${p.path} warning: ${w}`);
  }
  const m = pages[0]?.metrics;
  if (m) row('  home metrics', `FCP ${m['first-contentful-paint']} · LCP ${m['largest-contentful-paint']} · TBT ${m['total-blocking-time']} · CLS ${m['cumulative-layout-shift']}`);
}

// ---------------------------------------------------------------- print
function print() {
  const w1 = Math.max(...table.filter((r) => !r.section).map((r) => r.figure.length), 10);
  const w2 = Math.max(...table.filter((r) => !r.section).map((r) => r.value.length), 10);
  const lines = [];
  lines.push('');
  const load = `load average ${results.machine.loadAtStart.toFixed(1)} → ${results.machine.loadAtEnd.toFixed(1)}`;
  lines.push(`Benchmark ${results.startedAt} · ${results.machine.cpus} cores, ${load} · Node ${process.version}`);
  lines.push('Timings (build, latency, Lighthouse performance) depend on the load average: compare runs on an idle machine.');
  for (const r of table) {
    if (r.section) {
      lines.push('');
      lines.push(r.section);
      lines.push('─'.repeat(Math.min(w1 + w2 + 30, 140)));
    } else {
      lines.push(`${mark(r.ok)} ${r.figure.padEnd(w1)}  ${r.value.padEnd(w2)}  ${r.target}`.trimEnd());
    }
  }
  if (notes.length) {
    lines.push('');
    lines.push('Notes');
    for (const n of notes) lines.push(`  - ${n}`);
  }
  lines.push('');
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------- main
let exitCode = 0;
const started = performance.now();
try {
  if (!opts.skipBuild && wants('build')) {
    const seconds = await runBuild();
    const d = distFigures();
    section('Build');
    row('astro build', `${seconds.toFixed(1)} s`);
    row('pages (index.html in dist/)', String(d.pages));
    results.build = { ...results.build, ...d };
  } else if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('dist/ has no build: run without --skip-build (or npm run build) first');
  } else if (opts.only === 'build') {
    console.error('--only build with --skip-build: nothing to do');
  }
  if (opts.only !== 'build') {
    await startPreview();
    if (wants('latency')) await runLatency(opts.delayMs);
    if (wants('weight')) await runWeight();
    if (wants('lighthouse')) await runLighthouse();
  }
} catch (e) {
  exitCode = 1;
  if (interrupted) await new Promise(() => {}); // the signal handler exits
  console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  notes.push(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  await cleanup();
}
if (interrupted) await new Promise(() => {}); // the signal handler exits
results.seconds = (performance.now() - started) / 1000;
results.machine.loadAtEnd = loadavg()[0];
results.table = table;
results.notes = notes;
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
print();
console.log(`Total ${results.seconds.toFixed(0)} s · results in ${relative(root, join(outDir, 'latest.json'))}`);
process.exit(exitCode);
