// @ts-check
/**
 * Content-Security-Policy for the static build: scripts from the site only, and
 * DNS questions only to the four preset resolvers and the custom resolver the
 * visitor chose.
 *
 * Why not Astro's own `security.csp`: it hashes the scripts Astro bundles and
 * its island runtime, but not `is:inline` scripts, and Starlight ships several
 * (theme provider, sidebar persister, search shortcut, theme picker). Their
 * hashes would have to be copied into the config by hand and would silently go
 * stale with every Starlight update, blocking those scripts. This integration
 * instead reads the finished HTML after the build and hashes every inline script
 * actually on each page, so the policy always matches what is served. The site
 * is static and built only from our own content, so hashing the built output
 * cannot approve injected markup (nothing is rendered per request).
 *
 * Two policies, because a `<meta>` policy is fixed before any visitor data is
 * known and a second policy can only narrow the first:
 *  1. A static `<meta http-equiv="Content-Security-Policy">`, first in <head>:
 *     `script-src 'self'` plus the page's inline-script hashes (and
 *     'wasm-unsafe-eval' for the Pagefind search index), no plugins, no base
 *     changes; `connect-src` must allow any resolver a visitor may choose, so it
 *     allows the site, any `https:` origin, and plain http on localhost and
 *     127.0.0.1 (the only plain-http resolvers parseResolverUrl accepts: a CSP
 *     source cannot name `[::1]`, so it is refused there too).
 *  2. An inline script right after it (hashed like the others, it runs before
 *     any widget) reads `?resolver=` and the saved endpoint (localStorage
 *     `mg.resolver`), applies the same rules as parseResolverUrl, and adds a
 *     second policy `connect-src 'self' <four presets> <that origin>`. Both
 *     policies apply, so the page can reach only the presets and the resolver
 *     configured at load. The allowed origins are also kept in the meta's
 *     `data-mg-connect`, so the resolver picker knows when a newly saved endpoint
 *     needs a reload to become reachable.
 * Styles keep 'unsafe-inline': Starlight writes style attributes (icon sizes),
 * which hashes cannot allow without 'unsafe-hashes' for every value.
 * `frame-ancestors`, `report-uri` and `sandbox` are ignored in a <meta> policy
 * (and make browsers log an error), so they are left to the web server.
 * The dev server has no policy (the hook runs after `astro build` only).
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CN_FIRST, GLOBAL_FIRST, PRESET_RESOLVERS } from '../core/doh/resolvers';
import { htmlFiles } from './html-files.mjs';

/** Origins of the preset DoH resolvers (src/core/doh/resolvers.ts). */
export const PRESET_ORIGINS = Object.values(PRESET_RESOLVERS).map((r) => new URL(r.url).origin);

/** Plain-http resolvers allowed by the static policy (development and tests). */
export const LOOPBACK_SOURCES = ['http://localhost:*', 'http://127.0.0.1:*'];

/** The storage key and URL parameter the widgets read a custom resolver from (src/components/ui/resolverChoice.ts). */
const STORAGE_KEY = 'mg.resolver';
/** The stored preset order, 'cn' or 'global' (src/components/ui/resolverChoice.ts). */
const ORDER_STORAGE_KEY = 'mg.resolverOrder';
/** The origin each preset order asks first. */
const FIRST_ORIGIN = {
  cn: firstOrigin(CN_FIRST),
  global: firstOrigin(GLOBAL_FIRST),
};

/**
 * @param {readonly string[]} order preset ids, first asked first
 * @returns {string}
 */
function firstOrigin(order) {
  const first = Object.values(PRESET_RESOLVERS).find((r) => r.id === order[0]);
  if (!first) throw new Error(`no preset resolver ${order[0]}`);
  return new URL(first.url).origin;
}

/**
 * The static policy for one page, given the hashes of its inline scripts
 * (e.g. "sha256-…", without quotes).
 * @param {readonly string[]} scriptHashes
 * @returns {string}
 */
export function staticPolicy(scriptHashes) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self' https:", ...LOOPBACK_SOURCES].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The inline script that adds the narrowing connect-src policy. Plain ES5-ish
 * code: it runs before anything else on the page. Keep its rules in step with
 * parseResolverUrl (src/core/doh/resolvers.ts).
 * @returns {string}
 */
export function connectScript() {
  return `(function () {
  var allowed = ${JSON.stringify(PRESET_ORIGINS)};
  var custom = '';
  function add(value) {
    if (!value) return;
    var url;
    try { url = new URL(String(value).trim()); } catch (e) { return; }
    if (url.username || url.password) return;
    var host = url.hostname;
    var loopback = host === 'localhost' || host === '127.0.0.1';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return;
    if (!/^[a-z0-9.-]+(:\\d+)?$/.test(url.host)) return;
    var origin = url.protocol + '//' + url.host;
    if (!custom) custom = origin;
    if (allowed.indexOf(origin) < 0) allowed.push(origin);
  }
  var params = null;
  try { params = new URLSearchParams(location.search); } catch (e) {}
  try { add(params && params.get('resolver')); } catch (e) {}
  try { add(localStorage.getItem(${JSON.stringify(STORAGE_KEY)})); } catch (e) {}
  var meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "connect-src 'self' " + allowed.join(' ');
  meta.setAttribute('data-mg-connect', allowed.join(' '));
  document.head.appendChild(meta);
  // A link with a domain or name runs a check at once: open the connection to the
  // resolver asked first (the custom one, else the first preset of the page's order)
  // while the page loads.
  if (!params || !(params.get('domain') || params.get('name'))) return;
  var order = '';
  try { order = localStorage.getItem(${JSON.stringify(ORDER_STORAGE_KEY)}) || ''; } catch (e) {}
  var cn = order === 'cn' || (order !== 'global' && /^zh/i.test(document.documentElement.lang));
  var link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = custom || (cn ? ${JSON.stringify(FIRST_ORIGIN.cn)} : ${JSON.stringify(FIRST_ORIGIN.global)});
  link.crossOrigin = 'anonymous';
  document.head.appendChild(link);
})();`;
}

/**
 * sha256 of a script's text, as a CSP hash source without quotes.
 * @param {string} text
 */
export function scriptHash(text) {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPE = /^\s*$|^\s*(module|text\/javascript|application\/javascript)\s*$/i;

/**
 * The page with both policies added at the top of <head>. Pages that already
 * carry a policy are returned unchanged.
 * @param {string} html
 * @returns {string}
 */
export function addPolicy(html) {
  if (/http-equiv=["']?content-security-policy/i.test(html)) return html;
  const early = `<script>${connectScript()}</script>`;
  const at = html.match(/<meta\s+charset=[^>]*>/i) ?? html.match(/<head[^>]*>/i);
  if (!at || at.index === undefined) return html;
  const insertAt = at.index + at[0].length;
  const withScript = html.slice(0, insertAt) + early + html.slice(insertAt);
  const hashes = new Set();
  for (const m of withScript.matchAll(SCRIPT)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = attrs.match(/\btype\s*=\s*["']?([^"'\s>]*)/i)?.[1] ?? '';
    if (!EXECUTABLE_TYPE.test(type)) continue;
    hashes.add(scriptHash(m[2] ?? ''));
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${staticPolicy([...hashes])}">`;
  return withScript.slice(0, insertAt) + meta + withScript.slice(insertAt);
}

/** @returns {import('astro').AstroIntegration} */
export function contentSecurityPolicy() {
  return {
    name: 'mg-content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          const next = addPolicy(html);
          if (next !== html) await writeFile(file, next);
        }
        logger.info(`Content-Security-Policy added to ${files.length} pages`);
      },
    },
  };
}
