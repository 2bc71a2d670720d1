// `npm run bench`: figures a reviewer can reproduce, each printed next to its
// target with ✓/✗. Not a test: it asserts nothing and always exits 0 unless the
// benchmark itself cannot run. Everything stays on 127.0.0.1: the local DoH
// stack (tests/dns/stack.mjs), `astro preview`, and Chromium, whose requests to
// any other host are aborted (Playwright) or never resolved (Lighthouse).
//
//   npm run bench                         build, then every figure
//   npm run bench -- --skip-build         use the existing dist/
//   npm run bench -- --only latency       one figure (ids in figures/index.mjs)
//   npm run bench -- --delay 500          slow-resolver delay D in ms (or MG_BENCH_DELAY_MS)
// Ports: DNS stack base MG_BENCH_DNS_PORT_BASE (25650), preview 4339 (MG_BENCH_PREVIEW_PORT).
// Results: bench-results/latest.json.
//
// This file reads the options, runs the chosen figures (figures/), prints the
// table and writes the results. Processes are started and stopped in
// processes.mjs, browsers in browser.mjs.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { CHROMIUM } from './browser.mjs';
import { FIGURES } from './figures/index.mjs';
import { DIST, RESULTS_DIR, ROOT } from './project.mjs';
import { cleanup, startSite, stopOnSignals, wasInterrupted } from './processes.mjs';
import { createReport, formatReport } from './report.mjs';

function usage() {
  const ids = FIGURES.map((f) => f.id);
  return [
    `usage: npm run bench -- [--skip-build] [--only ${ids.join('|')}] [--delay MS]`,
    ...FIGURES.map((f) => `  ${f.id.padEnd(12)} ${f.describe}`),
  ].join('\n');
}

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
      console.log(usage());
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  const ids = FIGURES.map((f) => f.id);
  if (opts.only !== undefined && !ids.includes(opts.only)) {
    throw new Error(`--only must be one of ${ids.join(', ')} (got ${opts.only})`);
  }
  if (!Number.isFinite(opts.delayMs) || opts.delayMs < 10) throw new Error(`bad delay: ${opts.delayMs}`);
  return opts;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\n${usage()}`);
  process.exit(2);
}
const DNS_BASE = Number(process.env.MG_BENCH_DNS_PORT_BASE ?? 25650);
const PREVIEW_PORT = Number(process.env.MG_BENCH_PREVIEW_PORT ?? 4339);
stopOnSignals();

const report = createReport();
const results = {
  startedAt: new Date().toISOString(),
  machine: { cpus: availableParallelism(), node: process.version, chromium: CHROMIUM, loadAtStart: loadavg()[0] },
  options: { ...opts, dnsPortBase: DNS_BASE, previewPort: PREVIEW_PORT },
};

const chosen = FIGURES.filter((f) => opts.only === undefined || opts.only === f.id);
const toRun = chosen.filter((f) => !(opts.skipBuild && f.needs === 'build'));

let exitCode = 0;
const started = performance.now();
try {
  // Only figures that load pages need dist/ (a figure with needs 'none' runs without a build).
  if (toRun.some((f) => f.needs === 'site') && !toRun.some((f) => f.needs === 'build') && !existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ has no build: run without --skip-build (or npm run build) first');
  }
  if (!toRun.length) console.error(`--only ${opts.only} with --skip-build: nothing to do`);
  let origin = '';
  for (const figure of toRun) {
    if (figure.needs === 'site' && !origin) origin = await startSite(PREVIEW_PORT);
    const ctx = { options: { delayMs: opts.delayMs, dnsPortBase: DNS_BASE }, origin: figure.needs === 'site' ? origin : '', report };
    results[figure.id] = await figure.run(ctx);
  }
} catch (e) {
  exitCode = 1;
  if (wasInterrupted()) await new Promise(() => {}); // the signal handler exits
  console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  report.note(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  await cleanup();
}
if (wasInterrupted()) await new Promise(() => {}); // the signal handler exits
results.seconds = (performance.now() - started) / 1000;
results.machine.loadAtEnd = loadavg()[0];
results.table = report.table;
results.notes = report.notes;
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(join(RESULTS_DIR, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(formatReport(report, results));
console.log(`Total ${results.seconds.toFixed(0)} s · results in ${relative(ROOT, join(RESULTS_DIR, 'latest.json'))}`);
process.exit(exitCode);
