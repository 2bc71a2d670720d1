// @ts-check
/**
 * Pages import their widgets from one barrel, `~/components` (docs: style.md,
 * "MDX imports widgets from one barrel"). Astro gathers a page's stylesheets
 * from every module its imports reach before tree-shaking, so through the
 * barrel every page that shows one widget got every widget's styles: the
 * checker page linked the DMARC viewer's stylesheet and inlined the message
 * analyser's, the SPF tool's and the others' (withastro/astro#11545).
 *
 * This Vite plugin rewrites, in a page's compiled code, an import from the
 * barrel into imports of the widgets it names, read from the barrel itself
 * (`export { default as Name } from './Dir/Name.astro'`). The barrel stays the
 * one import path in the source; the build sees only what a page uses. A name
 * the barrel does not export that way is left on the barrel import, so a
 * mistake still fails where it is written.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

const SPECIFIER = '~/components';

/**
 * @param {string} barrel absolute path of src/components/index.ts
 * @returns {Map<string, string>} export name → absolute path of the module it is the default export of
 */
export function readBarrel(barrel) {
  const source = readFileSync(barrel, 'utf8');
  const map = new Map();
  for (const m of source.matchAll(/^export\s*\{\s*default\s+as\s+(\w+)\s*\}\s*from\s*'(\.[^']+)'\s*;?\s*$/gm)) {
    map.set(String(m[1]), resolve(dirname(barrel), String(m[2])));
  }
  return map;
}

/**
 * Rewrites `import { A, B as C } from '~/components'` in `code`; returns null when there is none.
 * @param {string} code
 * @param {Map<string, string>} widgets
 */
export function rewriteWidgetImports(code, widgets) {
  let changed = false;
  const out = code.replace(/import\s*\{([^}]*)\}\s*from\s*(['"])~\/components\2\s*;?/g, (whole, names) => {
    const direct = [];
    const rest = [];
    for (const part of String(names).split(',')) {
      const spec = part.trim();
      if (!spec) continue;
      const m = /^(\w+)(?:\s+as\s+(\w+))?$/.exec(spec);
      const name = m?.[1];
      const path = name ? widgets.get(name) : undefined;
      if (name && path) direct.push(`import ${m?.[2] ?? name} from ${JSON.stringify(path)};`);
      else rest.push(spec);
    }
    if (!direct.length) return whole;
    changed = true;
    // On the same line, so that the lines after it keep their numbers.
    return [...direct, ...(rest.length ? [`import { ${rest.join(', ')} } from '${SPECIFIER}';`] : [])].join(' ');
  });
  return changed ? out : null;
}

/** @param {{ barrel: string }} options */
export function widgetImports({ barrel }) {
  const widgets = readBarrel(barrel);
  const componentsDir = dirname(barrel) + sep;
  return {
    name: 'mg-widget-imports',
    // After MDX has become JavaScript, before the alias is resolved.
    enforce: /** @type {const} */ ('post'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/\.(mdx|astro)$/.test(file) || file.startsWith(componentsDir)) return null;
      const out = rewriteWidgetImports(code, widgets);
      return out === null ? null : { code: out, map: null };
    },
  };
}
