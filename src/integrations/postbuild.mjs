// @ts-check
/**
 * The post-build pipeline: after `astro build`, one pass over dist/ that reads
 * each HTML page once, runs the steps below on it in order, and writes it once
 * (only when a step changed it). The dev server has none of this.
 *
 * Order is load-bearing:
 *  1. module-preload (preload.mjs) adds `<link rel="modulepreload">` at the end
 *     of <head> for the page's module scripts, its islands and every chunk they
 *     import. It adds no script.
 *  2. content-security-policy (csp.mjs) runs LAST. Its static policy lists the
 *     hash of every inline script on the page as it will be served: a step
 *     after it that added or changed an inline script would have that script
 *     blocked by the browser. It also puts the policy first in <head>, right
 *     after the charset, before any script or preload, because a `<meta>`
 *     policy governs only what comes after it: a later step inserting there
 *     would slip ahead of it. And it leaves a page that already carries a
 *     policy unchanged, so it cannot be run twice.
 * A new step goes before the CSP step.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicyStep } from './csp.mjs';
import { modulePreloadStep } from './preload.mjs';

/**
 * @typedef {object} Site
 * @property {string} root  the built site (dist/) on disk
 * @property {string} base  the path the site is served under, ending in '/'
 */
/**
 * One step, started once per build: `page` turns a page's HTML into the new
 * HTML; `summary` is a line for the build log once every page is done.
 * @typedef {object} RunningStep
 * @property {(html: string) => string | Promise<string>} page
 * @property {() => string} summary
 */
/**
 * @typedef {object} Step
 * @property {string} name
 * @property {(site: Site) => Promise<RunningStep>} start
 */

/** The steps, in the order they run (see above: the order is load-bearing). */
export const STEPS = /** @type {const} */ ([modulePreloadStep, contentSecurityPolicyStep]);

/**
 * Every .html file under a directory.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
export async function htmlFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

/**
 * Runs the steps over every page of a built site: each file read once and
 * written at most once. Returns the number of pages, of pages rewritten, and
 * each step's summary line.
 * @param {Site} site
 * @param {readonly Step[]} [steps]
 * @returns {Promise<{ pages: number, written: number, summaries: string[] }>}
 */
export async function runPipeline(site, steps = STEPS) {
  const running = [];
  for (const step of steps) running.push(await step.start(site));
  const files = await htmlFiles(site.root);
  let written = 0;
  for (const file of files) {
    const html = await readFile(file, 'utf8');
    let next = html;
    for (const step of running) next = await step.page(next);
    if (next !== html) {
      await writeFile(file, next);
      written++;
    }
  }
  return { pages: files.length, written, summaries: running.map((r, i) => `${steps[i]?.name}: ${r.summary()}`) };
}

/**
 * The Astro integration: the pipeline after `astro build`.
 * @param {readonly Step[]} [steps]
 * @returns {import('astro').AstroIntegration}
 */
export function postBuild(steps = STEPS) {
  let base = '/';
  return {
    name: 'mg-post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const result = await runPipeline({ root: fileURLToPath(dir), base }, steps);
        for (const line of result.summaries) logger.info(line);
        logger.info(`${result.written} of ${result.pages} pages rewritten`);
      },
    },
  };
}
