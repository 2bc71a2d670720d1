// @ts-check
/**
 * Module preloading for the static build.
 *
 * A page's module scripts and islands import further chunks, which the browser
 * only discovers after downloading and parsing the file that imports them: on
 * the checker page that was three rounds (the page script, early.js, then
 * core.js and the small chunks), so a support link's first DNS question left
 * about 0.5 s after the page arrived. Astro does not emit preload hints for
 * these (withastro/astro#8804 proposed it and was closed), so this step (run by
 * postbuild.mjs) reads the finished HTML and JS after the build and adds, in <head>, a
 * `<link rel="modulepreload">` for the page's module scripts and islands
 * (component-url, renderer-url) and every chunk they import statically.
 * Dynamic imports are left alone — that code loads later by design — with one
 * exception: the widgets' words in the page's language. Widgets load their
 * words per language (src/components/ui/i18n.ts: a dynamic import of a chunk
 * named after the language, `zh.…js` / `en.…js`, awaited when the widget's
 * code runs), so on a page in that language they are part of what the page
 * needs at once: they are preloaded, and the other language is not.
 * The islands' chunks are preloaded with fetchpriority="low" (what the page's
 * own module scripts import keeps the usual priority): they are needed once
 * the page is drawn, and on a slow line they then wait for the stylesheets,
 * not the other way round (Lighthouse's mobile first paint went from 1.7 s to
 * 1.1 s on the checker page).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The static imports at the top of a bundled chunk (rolldown puts them first). */
const LEADING_IMPORT = /^\s*(?:(?:import|export)\s*(?:[\w$*{},\s]*?)\s*from\s*|import\s*)(["'])(\.{1,2}\/[^"']+)\1\s*;?/;

/**
 * The relative specifiers a chunk imports statically, read from its leading
 * import/export-from statements only (never from strings or dynamic imports).
 * @param {string} code
 * @returns {string[]}
 */
export function staticImports(code) {
  const out = [];
  // Leading comments, and the dependency table Vite writes first in a chunk that has a
  // dynamic import() ("const __vite__mapDeps=…;" on one line): the imports follow them.
  let rest = code.replace(/^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/|\s*const __vite__mapDeps=[^\n]*\n)*/, '');
  for (;;) {
    const m = LEADING_IMPORT.exec(rest);
    if (!m) break;
    out.push(/** @type {string} */ (m[2]));
    rest = rest.slice(m[0].length);
  }
  return out;
}

/** Relative dynamic imports in a chunk: import("./zh.Ab12.js"), with any quote the bundler writes. */
const DYNAMIC_IMPORT = /\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+\.js)\1\s*\)/g;

/**
 * The relative specifiers a chunk imports dynamically.
 * @param {string} code
 * @returns {string[]}
 */
export function dynamicImports(code) {
  return [...code.matchAll(DYNAMIC_IMPORT)].map((m) => /** @type {string} */ (m[2]));
}

/**
 * The page language's short code from <html lang> ("zh-CN" → "zh").
 * @param {string} html
 */
function pageLang(html) {
  return (/<html\b[^>]*\blang=["']?([a-zA-Z]+)/i.exec(html)?.[1] ?? '').toLowerCase();
}

const MODULE_SCRIPT = /<script\b(?=[^>]*\btype\s*=\s*["']?module\b)([^>]*?)\bsrc\s*=\s*["']([^"']+)["']([^>]*)>/gi;

/**
 * A specifier resolved against the chunk that imports it, as a site path.
 * @param {string} spec
 * @param {string} from
 */
function resolve(spec, from) {
  return new URL(spec, new URL(from, 'http://site.invalid')).pathname;
}

const ISLAND = /<astro-island\b[^>]*>/gi;
/** @param {string} tag @param {string} name */
const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];

/**
 * The page with its module preloads. What the page needs at once gets
 * `<link rel="modulepreload">` at the end of <head>: its module scripts, the
 * islands that hydrate at load, and every chunk they import. A `client:tool`
 * island (src/integrations/directives/tool.ts) is not preloaded with the page —
 * it hydrates once the page is drawn — but carries the list of its chunks in
 * `data-preload`, which its directive turns into preloads when a link asks
 * the tool to act at once. Other islands (client:visible) load when needed.
 * `load(url)` returns a site URL's JS text (or undefined when not ours).
 * @param {string} html
 * @param {(url: string) => Promise<string | undefined>} load
 * @returns {Promise<{ html: string, preloads: string[] }>}
 */
export async function addModulePreloads(html, load) {
  const lang = pageLang(html);
  /** @param {string} url */
  const isLanguageChunk = (url) => lang !== '' && (url.split('/').pop() ?? '').startsWith(`${lang}.`);
  /**
   * The widgets' words in the page's language: a dynamic import of a chunk
   * named after the language whose own imports are text of that language too.
   * (The core's messages are reached the same way but import their own chunk,
   * `messages-<lang>.…`, and load when there is something to say.)
   * @param {string} url
   */
  const isPageWords = async (url) => {
    if (!isLanguageChunk(url)) return false;
    const code = await load(url);
    if (code === undefined) return false;
    return staticImports(code).every((spec) => isLanguageChunk(resolve(spec, url)));
  };
  /**
   * The roots and every chunk they import statically (and the page's words), nearest first.
   * @param {Iterable<string>} roots
   */
  const closure = async (roots) => {
    const seen = new Set(roots);
    const out = [...seen];
    for (let i = 0; i < out.length; i++) {
      const url = /** @type {string} */ (out[i]);
      const code = await load(url);
      if (code === undefined) continue;
      const words = [];
      for (const spec of dynamicImports(code)) if (await isPageWords(resolve(spec, url))) words.push(spec);
      for (const spec of [...staticImports(code), ...words]) {
        const next = resolve(spec, url);
        if (!seen.has(next)) {
          seen.add(next);
          out.push(next);
        }
      }
    }
    return out;
  };

  const scripts = [...html.matchAll(MODULE_SCRIPT)].map((m) => /** @type {string} */ (m[2]));
  const islands = [...html.matchAll(ISLAND)].map((m) => {
    const tag = m[0];
    const urls = [attr(tag, 'component-url'), attr(tag, 'renderer-url')].filter((u) => u !== undefined && u !== '');
    return { tag, client: attr(tag, 'client'), urls: /** @type {string[]} */ (urls) };
  });
  const present = new Set([...html.matchAll(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*href=["']([^"']+)["']/gi)].map((m) => m[1]));
  // The head's own scripts are requested from <head> already.
  const inHead = new Set(
    [...(html.match(/<head[\s\S]*?<\/head>/i)?.[0] ?? '').matchAll(MODULE_SCRIPT)].map((m) => m[2]),
  );

  // The scripts and load-time islands themselves (the parser meets them late, after the
  // sidebar and the article), then every chunk they import, nearest first.
  const roots = [...scripts, ...islands.filter((i) => i.client === 'load').flatMap((i) => i.urls)];
  const rootSet = new Set(roots);
  const preloads = (await closure(roots)).filter(
    (u) => !present.has(u) && !inHead.has(u) && (!rootSet.has(u) || u.endsWith('.js')),
  );
  const preloaded = new Set([...present, ...preloads, ...inHead]);

  let out = html;
  for (const island of islands) {
    if (island.client !== 'tool' || / data-preload=/.test(island.tag)) continue;
    const list = (await closure(island.urls)).filter((u) => !preloaded.has(u));
    if (list.length) out = out.replace(island.tag, island.tag.replace(/>$/, ` data-preload="${list.join(' ')}">`));
  }

  if (!preloads.length) return { html: out, preloads };
  // What the page's own module scripts import (the checker's early DNS start) is fetched at the
  // browser's usual priority; the islands' code at low priority, so the stylesheets and the page
  // itself come first on a slow line and the page is drawn before it hydrates.
  const early = new Set(await closure(scripts));
  const links = preloads
    .map((u) => (early.has(u) ? `<link rel="modulepreload" href="${u}">` : `<link rel="modulepreload" fetchpriority="low" href="${u}">`))
    .join('');
  return { html: out.replace(/<\/head>/i, `${links}</head>`), preloads };
}

/**
 * The post-build step (see postbuild.mjs): module preloads on every page.
 * Chunks are read from dist/ once each, whatever the number of pages using them.
 * @type {import('./postbuild.mjs').Step}
 */
export const modulePreloadStep = {
  name: 'module-preload',
  async start({ root, base }) {
    /** @type {Map<string, Promise<string | undefined>>} */
    const cache = new Map();
    /** @param {string} url */
    const load = (url) => {
      let p = cache.get(url);
      if (!p) {
        p =
          url.startsWith(base) && url.endsWith('.js')
            ? readFile(join(root, url.slice(base.length)), 'utf8').catch(() => undefined)
            : Promise.resolve(undefined);
        cache.set(url, p);
      }
      return p;
    };
    let links = 0;
    let pages = 0;
    return {
      async page(html) {
        const next = await addModulePreloads(html, load);
        links += next.preloads.length;
        pages++;
        return next.html;
      },
      summary: () => `${links} links on ${pages} pages`,
    };
  },
};
