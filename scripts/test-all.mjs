// `npm test`: every test, in order — type check, unit tests, production build,
// end-to-end tests against the built site and the local DoH stack — then one
// summary with the counts. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const steps = [
  { name: 'type check', cmd: ['astro', 'check'] },
  { name: 'unit tests', cmd: ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json'] },
  { name: 'build', cmd: ['astro', 'build'] },
  { name: 'end-to-end tests', cmd: ['playwright', 'test'] },
];

// Counts come from this run's reports only: a step that did not run reports nothing.
const REPORTS = ['reports/unit.json', 'reports/e2e.json'];
for (const file of REPORTS) rmSync(file, { force: true });

const timings = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const result = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', shell: false });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${step.name} ${seconds} s`);
  if (result.status !== 0) {
    console.error(`\n✗ ${step.name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    summary(step.name);
    process.exit(1);
  }
}
summary();

function counts(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** @param {string} [failedStep] the step that stopped the run */
function summary(failedStep) {
  const unit = counts('reports/unit.json', (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  }));
  const e2e = counts('reports/e2e.json', (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
  }));
  console.log(`\nSteps: ${timings.join(', ')}`);
  console.log(unit ? `Unit tests: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped` : 'Unit tests: not run');
  console.log(e2e ? `End-to-end tests: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped` : 'End-to-end tests: not run');
  const all = [unit, e2e].filter(Boolean);
  const passed = all.reduce((n, c) => n + c.passed, 0);
  const failed = all.reduce((n, c) => n + c.failed, 0);
  const skipped = all.reduce((n, c) => n + c.skipped, 0);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped${failedStep ? ` (stopped: ${failedStep} failed)` : ''}`);
}
