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
 *     any widget): `addConnectPolicy` from connect-policy.ts, bundled at build
 *     time from the modules that define the rules (parseResolverUrl and the
 *     presets in src/core/doh/resolvers.ts, the storage keys and resolver order
 *     in src/components/ui/resolverChoice.ts). It reads `?resolver=` and the
 *     saved endpoint and adds a second policy `connect-src 'self' <four
 *     presets> <that origin>`. Both policies apply, so the page can reach only
 *     the presets and the resolver configured at load. The allowed origins are
 *     also kept in the meta's `data-mg-connect`, so the resolver picker knows
 *     when a newly saved endpoint needs a reload to become reachable.
 * Styles keep 'unsafe-inline': Starlight writes style attributes (icon sizes),
 * which hashes cannot allow without 'unsafe-hashes' for every value.
 * `frame-ancestors`, `report-uri` and `sandbox` are ignored in a <meta> policy
 * (and make browsers log an error), so they are left to the web server.
 * The dev server has no policy (the step runs after `astro build` only).
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PRESET_RESOLVERS } from '../core/doh/resolvers';

/** Origins of the preset DoH resolvers. */
export const PRESET_ORIGINS = Object.values(PRESET_RESOLVERS).map((r) => new URL(r.url).origin);

/**
 * The presets as the early script needs them (connect-policy.ts).
 * @type {import('./connect-policy').ConnectPresets}
 */
export const CONNECT_PRESETS = {
  origins: PRESET_ORIGINS,
  originOf: {
    alidns: new URL(PRESET_RESOLVERS.alidns.url).origin,
    dnspod: new URL(PRESET_RESOLVERS.dnspod.url).origin,
    google: new URL(PRESET_RESOLVERS.google.url).origin,
    cloudflare: new URL(PRESET_RESOLVERS.cloudflare.url).origin,
  },
};

/** Plain-http resolvers allowed by the static policy (development and tests). */
export const LOOPBACK_SOURCES = ['http://localhost:*', 'http://127.0.0.1:*'];

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

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Marks the project's own modules as free of import-time effects, so esbuild
 * keeps only the functions the early script calls: resolverChoice.ts imports
 * the `~/core` barrel, whose provider tables would otherwise come along. True
 * by the project's rules (src/core has no effects at import; the components/ui
 * modules used here only declare constants and functions).
 * @type {import('esbuild').Plugin}
 */
const ownModulesArePure = {
  name: 'own-modules-are-pure',
  setup(b) {
    b.onResolve({ filter: /^(~\/|\.{1,2}\/)/ }, async (args) => {
      if (args.pluginData === ownModulesArePure) return undefined;
      const found = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: ownModulesArePure,
      });
      if (found.errors.length || !found.path.startsWith(srcDir)) return undefined;
      return { path: found.path, sideEffects: false };
    });
  },
};

/** @type {Promise<string> | undefined} */
let connectScriptText;

/**
 * The inline script that adds the narrowing connect-src policy and the
 * preconnect: `addConnectPolicy` from connect-policy.ts with what it imports,
 * bundled and minified (built once per process). Its text is hashed into each
 * page's static policy like every other inline script.
 * @returns {Promise<string>}
 */
export function connectScript() {
  connectScriptText ??= build({
    stdin: {
      contents: `import { addConnectPolicy } from './connect-policy';\naddConnectPolicy(${JSON.stringify(CONNECT_PRESETS)});\n`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      sourcefile: 'connect-policy-entry.ts',
      loader: 'ts',
    },
    absWorkingDir: projectRoot,
    tsconfig: `${projectRoot}tsconfig.json`,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    // Runs before anything else, in every browser the site supports.
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    plugins: [ownModulesArePure],
  }).then((result) => {
    const text = result.outputFiles?.[0]?.text;
    if (!text) throw new Error('esbuild produced no connect-policy script');
    // Placed inline as is: it must not end its own <script> element early.
    if (/<\/script|<!--/i.test(text)) throw new Error('the connect-policy script contains </script or <!--');
    // No trailing newline: the hash covers the exact text.
    return text.trimEnd();
  });
  return connectScriptText;
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
 * The page with both policies added at the top of <head>, given the early
 * script's text (connectScript()). Pages that already carry a policy are
 * returned unchanged.
 * @param {string} html
 * @param {string} earlyScript
 * @returns {string}
 */
export function addPolicy(html, earlyScript) {
  if (/http-equiv=["']?content-security-policy/i.test(html)) return html;
  const at = html.match(/<meta\s+charset=[^>]*>/i) ?? html.match(/<head[^>]*>/i);
  if (!at || at.index === undefined) return html;
  const insertAt = at.index + at[0].length;
  const withScript = `${html.slice(0, insertAt)}<script>${earlyScript}</script>${html.slice(insertAt)}`;
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

/**
 * The post-build step (see postbuild.mjs): both policies on every page.
 * @type {import('./postbuild.mjs').Step}
 */
export const contentSecurityPolicyStep = {
  name: 'content-security-policy',
  async start() {
    const early = await connectScript();
    let pages = 0;
    return {
      page(html) {
        const next = addPolicy(html, early);
        if (next !== html) pages++;
        return next;
      },
      summary: () => `policies added to ${pages} pages`,
    };
  },
};
