// Figure: Lighthouse scores (mobile preset, simulated throttling) for the home
// page, a guide page and every tool page, with what keeps a score below target
// (issue #15: performance at least 98, the other three 100).
import { launchForLighthouse } from '../browser.mjs';

const LH_PAGES = [
  '/',
  '/dns/spf/',
  '/tools/checker/',
  '/tools/propagation/',
  '/tools/lookup/',
  '/tools/spf/',
  '/tools/message/',
  '/tools/dmarc-reports/',
];
const LH_CATEGORIES = [
  { id: 'performance', short: 'perf', target: 98 },
  { id: 'accessibility', short: 'a11y', target: 100 },
  { id: 'best-practices', short: 'BP', target: 100 },
  { id: 'seo', short: 'SEO', target: 100 },
];

/**
 * Runs per page. One Lighthouse run varies by several points on a 2-core machine (total
 * blocking time above all). Lighthouse's docs/variability.md ("Run Lighthouse multiple times")
 * advise the median of five runs: each page's row reports the run with the median performance
 * score, and the spread of all its runs (MG_LIGHTHOUSE_RUNS changes the number).
 *
 * The runs go round the pages (every page once, then every page again …) rather than five of
 * one page in a row: a busy spell of the machine, which lasts a minute or so, then costs one run
 * of several pages instead of most runs of one page, so a median stands for the page and not
 * for the minute it was measured in.
 */
const LH_RUNS = Math.max(1, Number(process.env['MG_LIGHTHOUSE_RUNS'] ?? 5) || 5);

async function run({ origin, report }) {
  console.error(`▶ lighthouse (${LH_RUNS} runs a page, the median reported) …`);
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await launchForLighthouse();
  const pages = [];
  try {
    const runsOf = new Map(LH_PAGES.map((path) => [path, { runs: [], ms: 0 }]));
    for (let i = 0; i < LH_RUNS; i++) {
      for (const path of LH_PAGES) {
        const started = performance.now();
        const result = await lighthouse(`${origin}${path}`, {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
          onlyCategories: LH_CATEGORIES.map((c) => c.id),
        });
        if (!result) throw new Error(`lighthouse returned nothing for ${path}`);
        const page = runsOf.get(path);
        page.runs.push(result.lhr);
        page.ms += performance.now() - started;
      }
    }
    for (const [path, { runs, ms }] of runsOf) {
      // The run with the median performance score stands for the page.
      const perf = (lhr) => lhr.categories['performance']?.score ?? 0;
      const sorted = runs.slice().sort((a, b) => perf(a) - perf(b));
      const lhr = sorted[Math.floor((sorted.length - 1) / 2)];
      const perfRuns = runs.map((r) => Math.round(perf(r) * 100));
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
        .map((it) => `${String(it.url).replace(origin, '')} ${Math.round(it.total ?? 0)} ms`);
      pages.push({
        path,
        scores,
        perfRuns,
        bootup,
        failing,
        runtimeError: lhr.runtimeError?.code,
        warnings: lhr.runWarnings,
        seconds: ms / 1000,
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
  report.section(`Lighthouse 13 — mobile preset, simulated throttling, median of ${LH_RUNS} runs a page`);
  for (const p of pages) {
    const all = LH_CATEGORIES.every((c) => (p.scores[c.id] ?? -1) >= c.target);
    const spread = p.perfRuns.length > 1 ? ` (runs ${Math.min(...p.perfRuns)}–${Math.max(...p.perfRuns)})` : '';
    report.row(p.path, LH_CATEGORIES.map((c) => `${c.short} ${p.scores[c.id] ?? '–'}`).join(' · ') + spread, 'median: perf ≥ 98, others 100', all);
    for (const c of LH_CATEGORIES) {
      if ((p.scores[c.id] ?? -1) < c.target && p.failing[c.id].length) {
        report.note(`Lighthouse ${p.path} ${c.short} ${p.scores[c.id]}: ${p.failing[c.id].join(', ')}`);
        if (c.id === 'performance' && p.bootup.length) report.note(`  main-thread time by script (throttled): ${p.bootup.join('; ')}`);
      }
    }
    if (p.runtimeError) report.note(`Lighthouse ${p.path}: runtime error ${p.runtimeError}`);
    for (const w of p.warnings ?? []) report.note(`Lighthouse ${p.path} warning: ${w}`);
  }
  const m = pages[0]?.metrics;
  if (m) report.row('  home metrics', `FCP ${m['first-contentful-paint']} · LCP ${m['largest-contentful-paint']} · TBT ${m['total-blocking-time']} · CLS ${m['cumulative-layout-shift']}`);
  return { pages };
}

/** @type {import('./index.mjs').Figure} */
export default {
  id: 'lighthouse',
  needs: 'site',
  describe: 'Lighthouse scores for the home page, a guide page and every tool page',
  run,
};
