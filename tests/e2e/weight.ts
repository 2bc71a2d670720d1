// How much JavaScript a built page makes the browser load, read from dist/ (no browser),
// and the budgets the pages must keep. Used by weight.spec.ts (run in `npm test` after the build).
//
// What counts as "JavaScript at load" for a page (gzip level 9, as the benchmark measures),
// `jsGzip`, the number the budgets limit:
//  1. every file a <script src> names (module or classic);
//  2. every file the page preloads: <link rel="modulepreload">, <link rel="preload" as="script">;
//  3. every island's code: astro-island component-url, renderer-url, before-hydration-url
//     (islands hydrated later — client:visible, client:idle, client:tool — still load on a
//     normal visit), and what a tool island lists in data-preload: its chunks and the page
//     language's words, which it loads when it hydrates (src/integrations/directives/tool.ts);
//  4. everything those files and the page's inline modules import statically, transitively:
//     the leading import/export-from statements the bundler writes, read as the preload step
//     (src/integrations/preload.mjs) reads them; dynamic import() is not followed.
// Each file is counted once per page. These are the script files the browser fetches, as the
// benchmark's JS column counts them (and as the 28.5 KB of issue 15 was measured).
// Inline scripts (Starlight's theme and language pickers, sidebar state, the search button's
// script, the Content-Security-Policy script) travel inside the HTML: `inlineGzip` reports
// them, gzipped together as one text, but no budget limits them yet.
// Code a page fetches only after a visitor acts (search, opened with Ctrl+K) is not counted;
// weight.spec.ts checks in a browser that a loaded page fetches no script outside this set
// (nothing on idle, nothing behind a timer).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
// The same reading of a chunk's static imports as the step that preloads them.
import { staticImports } from '../../src/integrations/preload.mjs';

export const KB = 1024;

export const gzipSize = (text: string | Buffer): number =>
  gzipSync(text, { level: zlibConstants.Z_BEST_COMPRESSION }).length;

/** One page's JavaScript at load. */
export interface PageJs {
  /** Site path of the page, e.g. "/en/dns/spf/". */
  path: string;
  /** astro-island elements on the page (widgets). */
  islands: number;
  /** Script files loaded at load, site URLs, with their gzip size. */
  files: { url: string; gzip: number }[];
  /** The files' gzip bytes together: what the budgets limit. */
  jsGzip: number;
  /** The page's inline executable scripts, gzipped as one text (0 when none). */
  inlineGzip: number;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPE = /^(?:|module|text\/javascript|application\/javascript)$/i;
const LINK = /<link\b([^>]*)>/gi;
const ISLAND_URL = /\b(?:component-url|renderer-url|before-hydration-url)\s*=\s*["']([^"']+)["']/gi;
const ISLAND_PRELOADS = /<astro-island\b[^>]*\bdata-preload\s*=\s*"([^"]*)"/gi;
const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')
    .exec(attrs)
    ?.slice(1)
    .find((v) => v !== undefined);

/**
 * The JavaScript a page loads, by the rule above. `load(url)` returns the text of a site URL
 * (a pathname such as "/_astro/x.js"), or undefined when the site has no such file.
 */
export function pageJs(path: string, html: string, load: (url: string) => string | undefined): PageJs {
  const roots: string[] = [];
  const inline: string[] = [];
  const inlineModules: string[] = [];
  const resolve = (spec: string, from: string) => new URL(spec, new URL(from, 'http://site.invalid')).pathname;

  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? '';
    if (!EXECUTABLE_TYPE.test((attr(attrs, 'type') ?? '').trim())) continue;
    const src = attr(attrs, 'src');
    if (src !== undefined) roots.push(resolve(src, path));
    else {
      inline.push(m[2] ?? '');
      if (/^module$/i.test(attr(attrs, 'type') ?? '')) inlineModules.push(m[2] ?? '');
    }
  }
  for (const m of html.matchAll(LINK)) {
    const attrs = m[1] ?? '';
    const rel = (attr(attrs, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(attrs, 'href');
    if (href === undefined) continue;
    if (rel.includes('modulepreload') || (rel.includes('preload') && attr(attrs, 'as') === 'script')) {
      roots.push(resolve(href, path));
    }
  }
  for (const m of html.matchAll(ISLAND_URL)) roots.push(resolve(m[1] ?? '', path));
  for (const m of html.matchAll(ISLAND_PRELOADS)) {
    for (const url of (m[1] ?? '').split(' ')) if (url) roots.push(resolve(url, path));
  }
  for (const code of inlineModules) for (const spec of staticImports(code)) roots.push(resolve(spec, path));

  const seen = new Set<string>();
  const files: PageJs['files'] = [];
  const queue = [...roots];
  while (queue.length) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    const code = load(url);
    if (code === undefined) throw new Error(`${path} loads ${url}, which is not in the build`);
    files.push({ url, gzip: gzipSize(code) });
    for (const spec of staticImports(code)) queue.push(resolve(spec, url));
  }
  const inlineText = inline.join('\n');
  const inlineGzip = inlineText.trim() ? gzipSize(inlineText) : 0;
  const islands = html.match(/<astro-island\b/gi)?.length ?? 0;
  return { path, islands, files, jsGzip: files.reduce((n, f) => n + f.gzip, 0), inlineGzip };
}

/** Reads site URLs (pathnames such as "/_astro/x.js") from a built site; undefined when absent. */
export function siteLoader(dist = 'dist', base = process.env.BASE ?? '/'): (url: string) => string | undefined {
  const prefix = base.replace(/\/?$/, '/');
  const cache = new Map<string, string | undefined>();
  return (url: string) => {
    if (!cache.has(url)) {
      const file = url.startsWith(prefix) ? join(dist, decodeURIComponent(url.slice(prefix.length))) : '';
      cache.set(url, file && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    }
    return cache.get(url);
  };
}

/** Every page of a built site (dist/), with the site path it is served at. */
export function builtPages(dist = 'dist', base = process.env.BASE ?? '/'): PageJs[] {
  const prefix = base.replace(/\/?$/, '/');
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
    );
  })(dist);
  const load = siteLoader(dist, base);
  return files.map((file) => {
    const rel = relative(dist, file).split(sep).join('/');
    const path = prefix + rel.replace(/(^|\/)index\.html$/, '$1');
    return pageJs(path, readFileSync(file, 'utf8'), load);
  });
}

/** Script files a page fetches only after the visitor acts, and their gzip bytes together. */
export interface LaterJs {
  files: { url: string; gzip: number }[];
  jsGzip: number;
}

// A script URL written as a string in a chunk: a dynamic import("./x.js") or a worker's new URL("/_astro/x.js", …).
const SCRIPT_URL = /["'`]((?:\.{1,2}\/|\/)[^"'`\s]+?\.js)["'`]/g;

/**
 * The scripts a page fetches later, by name: the files whose URL, written in one of the
 * page's own files, matches one of `entries` (a Worker's script, a chunk loaded by
 * import()), plus what they import statically that the page has not loaded already.
 * Named rather than every URL found, because shared chunks also name code this page never
 * asks for (other pages' message tables, for one).
 */
export function laterJs(page: PageJs, entries: readonly RegExp[], load: (url: string) => string | undefined): LaterJs {
  const resolve = (spec: string, from: string) => new URL(spec, new URL(from, 'http://site.invalid')).pathname;
  const loaded = new Set(page.files.map((f) => f.url));
  const queue: string[] = [];
  for (const f of page.files) {
    for (const m of (load(f.url) ?? '').matchAll(SCRIPT_URL)) {
      const url = resolve(m[1] ?? '', f.url);
      if (entries.some((re) => re.test(url))) queue.push(url);
    }
  }
  const seen = new Set<string>();
  const files: LaterJs['files'] = [];
  while (queue.length) {
    const url = queue.shift() ?? '';
    if (seen.has(url) || loaded.has(url)) continue;
    seen.add(url);
    const code = load(url);
    if (code === undefined) throw new Error(`${page.path} later loads ${url}, which is not in the build`);
    files.push({ url, gzip: gzipSize(code) });
    for (const spec of staticImports(code)) queue.push(resolve(spec, url));
  }
  return { files, jsGzip: files.reduce((n, f) => n + f.gzip, 0) };
}

/**
 * Byte budgets, first match wins. `maxGzip` undefined: reported, not enforced (yet).
 * Add a row above the general ones to give a page or a kind of page its own budget.
 */
export interface Budget {
  /** Names the kind of page in reports. */
  kind: string;
  matches: (page: PageJs) => boolean;
  /** Most gzip bytes of script files at load (`PageJs.jsGzip`). */
  maxGzip?: number;
  /** Scripts fetched after the visitor acts (laterJs): which, and at most how many gzip bytes. */
  later?: { what: string; entries: readonly RegExp[]; maxGzip: number };
}

export const BUDGETS: readonly Budget[] = [
  // The checker, in both languages, with React 19 (issue 15: at most 105 KB). Its words in the
  // page's language are preloaded and counted; the findings' text loads when there are findings.
  { kind: 'checker', matches: (p) => /^\/(?:en\/)?tools\/checker\/$/.test(p.path), maxGzip: 105 * KB },
  // The message analyser (/tools/message/, /en/tools/message/): React 19, the widget and its
  // own language's text. The analyser itself (parser, DKIM, SPF, DMARC) is a separate bundle
  // run in a Web Worker, fetched when the visitor first reaches for the input: not counted here.
  { kind: 'message analyser', matches: (p) => /\/tools\/message\/$/.test(p.path), maxGzip: 105 * KB },
  // The DMARC report viewer (issue 13): at load, the picker and the resolver choice (React,
  // the shared core chunk, the widget shell in the page's language: 114.0 KB measured, of
  // which React is 68.7 KB and the shared core chunk 28.6 KB); when files are chosen, the
  // reader's Web Worker (expansion and the XML parser, 16.2 KB) and the results view with
  // what it imports (7.1 KB) are fetched.
  {
    kind: 'dmarc-reports',
    matches: (p) => /\/tools\/dmarc-reports\/$/.test(p.path),
    maxGzip: 118 * KB,
    later: {
      what: 'reader worker and results view, when files are chosen',
      entries: [/\/worker-[^/]*\.js$/, /\/DmarcResults\.[^/]*\.js$/],
      maxGzip: 26 * KB,
    },
  },
  // Pages with a widget (tool pages, guide pages embedding one): reported only.
  { kind: 'tool', matches: (p) => p.islands > 0 },
  // Every other page (guide text, home, 404): only what the page itself needs until the
  // visitor opens search (issue 15: at most 5 KB).
  { kind: 'text', matches: (p) => p.islands === 0, maxGzip: 5 * KB },
];

export const budgetFor = (page: PageJs): Budget | undefined => BUDGETS.find((b) => b.matches(page));
