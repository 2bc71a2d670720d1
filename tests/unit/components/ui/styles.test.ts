// Each widget brings the styles it uses. A page gets the stylesheets its widgets' modules import
// and no others (src/integrations/widget-imports.mjs; checked on the built pages in
// tests/e2e/weight.spec.ts), so a class a widget's markup uses must be defined in a stylesheet that
// the widget's own module graph imports, not in one another widget happens to bring.
//
// Read from the source: from each widget's .astro wrapper, its imports are followed (relative and
// `~/components/…` paths); the `.mg-…` classes its .astro/.tsx modules name must be defined in the
// .css files those modules import, whenever some stylesheet of the widgets defines them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = 'src/components';
const files = (dir: string, ext: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
  );
const classesIn = (text: string, re: RegExp) => new Set([...text.matchAll(re)].map((m) => m[1] as string));
const cssClasses = (file: string) => classesIn(readFileSync(file, 'utf8'), /\.(mg-[\w-]+)/g);

const definedSomewhere = new Set(files(root, '.css').flatMap((f) => [...cssClasses(f)]));

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('~/components/')
    ? join(root, spec.slice('~/components/'.length))
    : spec.startsWith('.')
      ? normalize(join(dirname(from), spec))
      : undefined;
  if (!base) return undefined;
  return ['', '.tsx', '.ts', '/index.ts', '/index.tsx']
    .map((ext) => base + ext)
    .find((f) => existsSync(f) && !f.endsWith('/'));
}

/** The stylesheets a widget's module graph imports, and the classes its modules name (with where). */
function widgetGraph(entry: string) {
  const seen = new Set<string>();
  const css = new Set<string>();
  const used = new Map<string, string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:import|from)\s*['"]([^'"]+)['"]/g)) {
      const target = resolveImport(file, spec as string);
      if (!target) continue;
      if (target.endsWith('.css')) css.add(target);
      else if (/\.(tsx?|astro)$/.test(target)) todo.push(target);
    }
    if (/\.(tsx|astro)$/.test(file))
      for (const c of classesIn(text, /\b(mg-[\w-]+)/g)) if (!used.has(c)) used.set(c, file);
  }
  return { css, used, modules: seen.size };
}

describe('widget styles', () => {
  const entries = files(root, '.astro').filter((f) => dirname(dirname(f)) === root && !f.includes('/starlight/'));

  it('finds the widgets and what they import', () => {
    expect(entries.length).toBeGreaterThanOrEqual(8);
    const checker = widgetGraph(join(root, 'Checker', 'Checker.astro'));
    expect(checker.modules).toBeGreaterThan(5);
    expect([...checker.css]).toEqual(
      expect.arrayContaining([join(root, 'ui', 'record-table.css'), join(root, 'Checker', 'Checker.css')]),
    );
  });

  for (const entry of entries) {
    it(`${entry}: every class it uses is defined in a stylesheet it imports`, () => {
      const { css, used } = widgetGraph(entry);
      const have = new Set([...css].flatMap((f) => [...cssClasses(f)]));
      const missing = [...used].filter(([c]) => definedSomewhere.has(c) && !have.has(c)).map(([c, f]) => `${c} (${f})`);
      expect(missing).toEqual([]);
    });
  }
});
