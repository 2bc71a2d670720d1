// Figure: check latency. The time from opening a support link on the checker
// (?domain=complete.test) to every row being final, against the local DoH stack
// with every answer delayed by D (--delay): in the browser over HTTPS/HTTP2 (as
// public resolvers answer) and over plain HTTP/1.1, and in Node asking one
// question at a time versus all at once, with where the page's time goes.
import { localContext } from '../browser.mjs';
import { loadCore, median } from '../project.mjs';
import { startDns } from '../processes.mjs';

const LATENCY_RUNS = 5;
const SEQ_RUNS = 3;

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

async function browserLatency(origin, D, resolverUrl) {
  const { context, offsite } = await localContext({ intercept: false });
  const url = `${origin}/tools/checker/?domain=complete.test&resolver=${encodeURIComponent(resolverUrl)}`;
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
  const { checkDomain, buildExpectedRecords, createDohClient, customResolver, getProviderOrDefault, newRun, normaliseDomain } = core;
  const domain = normaliseDomain('complete.test');
  if (!domain.ok) throw new Error('normaliseDomain refused complete.test');
  const provider = getProviderOrDefault('aliyun-cn');
  const expected = buildExpectedRecords({ domain: domain.ascii, provider, dmarc: { policy: 'quarantine' } });
  const client = createDohClient({ fetch: globalThis.fetch.bind(globalThis), resolvers: [customResolver(stack.urls.slow)] });
  let questions = 0;
  let inFlight = 0;
  let maxIn = 0;
  let chain = Promise.resolve();
  // Counts the questions that go out (the run answers repeats from its cache).
  const send = (name, type, signal) => {
    questions++;
    maxIn = Math.max(maxIn, ++inFlight);
    const p = client.query(name, type, signal);
    p.then(() => inFlight--, () => inFlight--);
    return p;
  };
  // One question at a time: each waits for the previous one to settle.
  const sendOne = serial
    ? (name, type, signal) => {
        const p = chain.then(() => send(name, type, signal));
        chain = p.then(() => undefined, () => undefined);
        return p;
      }
    : send;
  const query = newRun(sendOne);
  const started = performance.now();
  const rows = await checkDomain({ domain: domain.ascii, expected, provider, query });
  return { ms: performance.now() - started, questions, maxInFlight: maxIn, statuses: rows.map((r) => `${r.id}=${r.status}`) };
}

async function run({ options, origin, report }) {
  const D = options.delayMs;
  console.error(`▶ latency (D = ${D} ms) …`);
  const stack = await startDns({ base: options.dnsPortBase, delayMs: D });
  // Public DoH resolvers answer over HTTPS with HTTP/2 (every question multiplexed on one
  // connection): measured against the stack's HTTPS listener. The plain-HTTP/1.1 listener
  // (at most 6 connections per host in Chromium) is measured too, for comparison.
  const browserRes = await browserLatency(origin, D, stack.urls.tlsSlow);
  const browserH1 = await browserLatency(origin, D, stack.urls.slow);
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
  const result = { delayMs: D, browser: { medianMs: b, transport: 'https/h2', ...browserRes }, browserHttp1: { medianMs: median(browserH1.runs.map((r) => r.ms)), ...browserH1 }, nodeSequential: { medianMs: s, runs: seq }, nodeParallel: { medianMs: p, runs: par } };
  report.section(`Check latency — complete.test, slow resolver D = ${D} ms`);
  report.row(
    `Browser check over HTTPS/HTTP2, median of ${LATENCY_RUNS}`,
    `${b.toFixed(0)} ms = ${(b / D).toFixed(2)} × D`,
    `≤ 2.5 × D (${(2.5 * D).toFixed(0)} ms)`,
    b <= 2.5 * D,
  );
  report.row('  runs (first = cold caches)', browserRes.runs.map((r) => r.ms.toFixed(0)).join(', '));
  report.row('  first DNS question after navigation', `${mid.firstQueryMs.toFixed(0)} ms`);
  const tl = mid.timeline;
  report.row('    the page', `HTML ${tl.html} ms · parsed ${tl.domInteractive} ms · check code loaded ${tl.earlyScripts} ms · widget code loaded ${tl.island} ms · widget hydrated ${tl.hydrated} ms`);
  const lastAnswer = Math.max(...mid.spans.map((sp) => sp[2]));
  report.row('    last DNS answer', `${lastAnswer} ms (rows are drawn once the widget has hydrated)`);
  report.row('  first question → all rows final', `${(mid.ms - mid.firstQueryMs).toFixed(0)} ms = ${((mid.ms - mid.firstQueryMs) / D).toFixed(2)} × D`);
  report.row('  DNS questions sent per check', browserRes.runs.map((r) => r.questions).join(', '));
  report.row('  sent in waves / max in flight', `${mid.waves.length} waves (${mid.waves.join('+')}) / ${mid.maxInFlight}`);
  const h1 = median(browserH1.runs.map((r) => r.ms));
  const h1mid = [...browserH1.runs].sort((x, y) => x.ms - y.ms)[browserH1.runs.length >> 1];
  report.row(`Same over plain HTTP/1.1, median of ${LATENCY_RUNS}`, `${h1.toFixed(0)} ms = ${(h1 / D).toFixed(2)} × D`, `(${h1mid.waves.length} waves: ${h1mid.waves.join('+')}; 6 connections per host)`);
  report.row(`Node, one query at a time, median of ${SEQ_RUNS}`, `${s.toFixed(0)} ms = ${(s / D).toFixed(2)} × D`, `(${seq[0].questions} questions)`);
  report.row('  sequential / browser parallel', `${(s / b).toFixed(2)} ×`);
  report.row(`Node, parallel (reference), median of ${SEQ_RUNS}`, `${p.toFixed(0)} ms = ${(p / D).toFixed(2)} × D`);
  const badRows = mid.statuses.filter((x) => !/=(ok)$/.test(x));
  if (badRows.length) report.note(`Checker rows not ok for complete.test: ${badRows.join(', ')}`);
  if (browserRes.offsite.length) report.note(`Blocked offsite requests (latency): ${[...new Set(browserRes.offsite)].join(', ')}`);
  return result;
}

/** @type {import('./index.mjs').Figure} */
export default {
  id: 'latency',
  needs: 'site',
  describe: 'check latency of a support link, browser (HTTP/2, HTTP/1.1) and Node (one at a time, parallel)',
  run,
};
