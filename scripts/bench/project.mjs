// Where the benchmark finds things (the project, its build, the tools in
// node_modules/.bin), what the build holds, and helpers several figures use.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const RESULTS_DIR = join(ROOT, 'bench-results');

/** A tool installed in node_modules/.bin. */
export const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Pages (index.html files), files and bytes in dist/. */
export function distFigures() {
  const files = walk(DIST);
  const pages = files.filter((f) => f.endsWith('/index.html')).length;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  return { pages, files: files.length, bytes };
}

/**
 * src/core bundled for Node (esbuild; the sources are TypeScript with `~/`
 * imports), for figures that run the checks outside the browser.
 */
export async function loadCore() {
  const { build } = await import('esbuild');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const outfile = join(RESULTS_DIR, 'core.bundle.mjs');
  await build({
    entryPoints: [join(ROOT, 'src', 'core', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** The median of some numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
